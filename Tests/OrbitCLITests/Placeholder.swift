import Testing

@Test func placeholder_OrbitCLITests() { #expect(true) }
