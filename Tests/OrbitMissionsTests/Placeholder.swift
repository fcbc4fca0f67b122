import Testing
import OrbitMissions

@Test func missionsModuleLinks() { #expect(Bool(true)) }
