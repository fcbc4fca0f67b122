// SGP4Propagator: the AnalyticalPropagator face of SGP4 (SI units, TEME, epochs), checked
// against tcppver.out through the same conversion.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("SGP4Propagator (AnalyticalPropagator)")
struct SGP4PropagatorTests {
  /// tcppver.out prints 1e-8 km; 1 mm is the acceptance bound of issue 3.
  static let positionToleranceMeters = 1e-3
  /// 1e-8 km/s, the acceptance bound of issue 3.
  static let velocityToleranceMetersPerSecond = 1e-5

  @Test("00005 at epoch and at +360 min through Epoch arithmetic, in m and m/s, TEME",
        .tags(.validation))
  func satellite5() throws {
    let cases = try ValladoCases.load()
    let (record, block) = cases[0]
    let propagator = try SGP4Propagator(tle: record.tle)
    #expect(propagator.initialState.frame == .teme)
    #expect(propagator.initialState.epoch == propagator.epoch)
    expectClose(propagator.initialState.position, block.rows[0].r * 1000, absolute: Self.positionToleranceMeters)
    expectClose(propagator.initialState.velocity, block.rows[0].v * 1000, absolute: Self.velocityToleranceMetersPerSecond)
    let later = try propagator.state(at: propagator.epoch + 360 * 60)
    #expect(block.rows[1].t == 360)
    expectClose(later.position, block.rows[1].r * 1000, absolute: Self.positionToleranceMeters)
    expectClose(later.velocity, block.rows[1].v * 1000, absolute: Self.velocityToleranceMetersPerSecond)
    // 2000 day 179.78495062 = 2000-06-27T18:50:19.733568 UTC.
    #expect(try propagator.epoch.iso8601(.utc, fractionDigits: 3) == "2000-06-27T18:50:19.734Z")
  }

  @Test("random access: the same epoch gives the same state whatever was asked before",
        .tags(.property))
  func pure() throws {
    let cases = try ValladoCases.load()
    // 08195 (Molniya, 12 h resonance): the resonance integrator restarts from epoch every call.
    let tle = try #require(cases.first { $0.record.tle.catalogNumber == 8195 }).record.tle
    var propagator = try SGP4Propagator(tle: tle)
    let target = propagator.epoch + 2880 * 60
    let first = try propagator.state(at: target)
    _ = try propagator.state(at: propagator.epoch - 7 * 86400)
    _ = try propagator.propagate(to: propagator.epoch + 1e6)
    #expect(try propagator.state(at: target) == first)
  }

  @Test("decay and other SGP4 errors come out as typed errors, exactly via sgp4State(at:)")
  func errors() throws {
    let cases = try ValladoCases.load()
    let minotaur = try #require(cases.first { $0.record.tle.catalogNumber == 28872 }).record.tle
    let propagator = try SGP4Propagator(tle: minotaur)
    let decay = propagator.epoch + 55 * 60
    #expect(propagator.sgp4State(at: decay) == .failure(.decayed))
    #expect(throws: PropagationError.unsupportedOrbit(.periapsisInsideBody)) {
      try propagator.state(at: decay)
    }
    let bad = try #require(cases.first { $0.record.tle.catalogNumber == 33334 }).record.tle
    #expect(throws: SGP4Propagator.InitializationError.sgp4(.perturbedEccentricityOutOfRange)) {
      try SGP4Propagator(tle: bad)
    }
  }

  @Test("TLE epochs before 1972 are reported as epoch errors, not crashes")
  func oldEpoch() throws {
    var tle = try TLE(line1: ISSExample.line1, line2: ISSExample.line2)
    tle.epochYear = 1965
    #expect {
      try SGP4Propagator(tle: tle)
    } throws: { error in
      guard case .epoch = error as? SGP4Propagator.InitializationError else { return false }
      return true
    }
    // The model itself has no UTC limitation.
    #expect(throws: Never.self) { try SGP4(tle: tle) }
  }

  @Test("the example in the SGP4 documentation compiles and runs")
  func documentationExample() throws {
    let (l1, l2) = (ISSExample.line1, ISSExample.line2)
    // --- as in the `SGP4` doc comment ---
    let tle = try TLE(line1: l1, line2: l2)
    let sgp4 = try SGP4(tle: tle)
    switch sgp4.propagate(minutesSinceEpoch: 90) {
    case .success(let s): #expect(s.position.norm > 6378 && s.velocity.norm > 7)  // km, km/s, TEME
    case .failure(let e): Issue.record("error \(e.code)")  // 1…6 as the reference
    }
  }
}
