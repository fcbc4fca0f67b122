import Testing

@Test func placeholder_OrbitScenarioTests() { #expect(true) }
