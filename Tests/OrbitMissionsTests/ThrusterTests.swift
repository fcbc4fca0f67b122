import OrbitMissions
import Testing

@Suite struct ThrusterTests {
  @Test(arguments: Thruster.presets)
  func presetNumbersArePhysical(_ t: Thruster) {
    #expect(t.thrust.isFinite && t.thrust > 0)
    #expect(t.specificImpulse.isFinite && t.specificImpulse > 0)
    // Storable bipropellants: Isp between 250 s and 350 s.
    #expect((250.0...350.0).contains(t.specificImpulse))
    #expect(t.massFlowRate > 0 && t.massFlowRate < 10)
    #expect(!t.source.isEmpty && !t.name.isEmpty && !t.displayName.isEmpty)
  }

  @Test(arguments: ["progress", "zvezda", "cygnus", "progress-ktdu", "Progress", "CYGNUS"])
  func namedLookupsWork(_ name: String) throws {
    let t = try Thruster.preset(named: name)
    #expect(t.name == name.lowercased())
  }

  @Test func unknownNameIsATypedErrorListingTheValidNames() {
    #expect(throws: ThrusterError.unknownName("soyuz", valid: ["zvezda", "progress", "progress-ktdu", "cygnus"])) {
      try Thruster.preset(named: "soyuz")
    }
    do {
      _ = try Thruster.preset(named: "ion")
      Issue.record("expected an error")
    } catch {
      let text = error.description
      #expect(text.contains("ion") && text.contains("progress") && text.contains("zvezda") && text.contains("cygnus"))
    }
  }

  /// The Zvezda thrust was derived from the 2023-08-24 burn (21.5 s → 0.3 m/s at 450 t); check
  /// that the preset reproduces it with the ISS model's mass (rocket equation, 1 %).
  @Test func zvezdaReproducesItsSourceBurn() {
    let t = Thruster.zvezda
    let m0 = ISSModel.reference.mass
    let dv = t.exhaustVelocity * log(m0 / (m0 - t.massFlowRate * 21.5))
    #expect(abs(dv - 0.3) / 0.3 < 0.01, "\(dv)")
  }

  @Test func issModelIsPhysical() {
    let iss = ISSModel.reference
    #expect((420_000.0...460_000.0).contains(iss.mass))
    #expect(iss.dragArea > 0 && iss.dragArea.isFinite)
    #expect((1.5...3.0).contains(iss.dragCoefficient))
    #expect(iss.ballisticCoefficient > 0 && iss.ballisticCoefficient.isFinite)
    #expect(!iss.source.isEmpty)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
