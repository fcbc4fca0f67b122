import Testing

@Test func placeholder_OrbitCoreTests() { #expect(true) }
