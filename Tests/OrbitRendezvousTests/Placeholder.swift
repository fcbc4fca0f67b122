import Testing
import OrbitRendezvous

@Test func rendezvousModuleLinks() { #expect(Bool(true)) }
