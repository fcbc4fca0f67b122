// Equinoctial elements: definitions, agreement with the Keplerian conversion (a separate code
// path), round trips through Cartesian states in every regime, and the singularities.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Elements: equinoctial")
struct ElementsEquinoctialTests {
  let mu = RandomOrbits.mu

  @Test("Definitions h, k, p, q, λ from Keplerian elements", .tags(.property))
  func definitions() throws {
    let kep = try KeplerianElements(
      semiMajorAxis: 7_000_000, eccentricity: 0.1, inclination: 0.5, raan: 1.2,
      argumentOfPeriapsis: 2.3, trueAnomaly: 0.7)
    let direct = try EquinoctialElements(keplerian: kep)
    #expect(!direct.isRetrograde)
    // Exact formulas evaluated here; 1e-15 absolute: a few ulps of values ≤ 1.
    let tol = 1e-15
    expectClose(direct.h, 0.1 * sin(2.3 + 1.2), absolute: tol)
    expectClose(direct.k, 0.1 * cos(2.3 + 1.2), absolute: tol)
    expectClose(direct.p, tan(0.25) * sin(1.2), absolute: tol)
    expectClose(direct.q, tan(0.25) * cos(1.2), absolute: tol)
    expectClose(direct.meanLongitude, Angle.normalizedPositive(kep.meanAnomaly + 2.3 + 1.2), absolute: 1e-14)
    let retro = try EquinoctialElements(keplerian: kep, isRetrograde: true)
    expectClose(retro.h, 0.1 * sin(2.3 - 1.2), absolute: tol)
    expectClose(retro.p, sin(1.2) / tan(0.25), absolute: 1e-14)
    expectClose(retro.meanLongitude, Angle.normalizedPositive(kep.meanAnomaly + 2.3 - 1.2), absolute: 1e-14)
  }

  @Test("Equinoctial → Cartesian agrees with Keplerian → Cartesian", .tags(.property))
  func agreesWithKeplerian() throws {
    var gen = RandomOrbits(seed: 7)
    let regimes: [OrbitRegime] = [
      .generic, .circular, .equatorial, .retrogradeEquatorial, .circularEquatorial, .nearlySingular,
    ]
    for k in 0..<6000 {
      let regime = regimes[k % regimes.count]
      let kep = try gen.elements(regime)
      let eq = try EquinoctialElements(keplerian: kep)
      let (r1, v1) = kep.positionAndVelocity(mu: mu)
      let (r2, v2) = eq.positionAndVelocity(mu: mu)
      // Two independent formulations (node/perifocal basis with ν vs equinoctial basis with F):
      // 1e-12 relative allows the different rounding through Kepler's equation.
      expectClose(r2, r1, relative: 1e-12)
      expectClose(v2, v1, relative: 1e-12)
      // And back to Keplerian: same state, up to the documented effect of the circular and
      // equatorial conventions (thresholds 1e-11 in e and sin i move the state by ≲ 3e-11·r).
      let (r3, _) = eq.keplerian().positionAndVelocity(mu: mu)
      expectClose(r3, r1, relative: regime == .nearlySingular ? 3e-11 : 1e-12)
    }
  }

  @Test("State → equinoctial → state to 1e-9 (e → 1: mean-longitude conditioning)", .tags(.property))
  func roundTrip() throws {
    var gen = RandomOrbits(seed: 99)
    let regimes: [OrbitRegime] = [
      .generic, .circular, .equatorial, .retrogradeEquatorial, .circularEquatorial,
      .nearlySingular, .nearlyParabolic,
    ]
    var worst = [OrbitRegime: Double]()
    for k in 0..<14_000 {
      let regime = regimes[k % regimes.count]
      let kep = try gen.elements(regime)
      let (r, v) = kep.positionAndVelocity(mu: mu)
      let eq = try EquinoctialElements(position: r, velocity: v, mu: mu)
      // The retrograde factor is chosen from the inclination.
      #expect(eq.isRetrograde == (kep.inclination > 0.5 * Double.pi))
      let (r2, v2) = eq.positionAndVelocity(mu: mu)
      let error = max((r2 - r).norm / r.norm, (v2 - v).norm / v.norm)
      worst[regime] = max(worst[regime, default: 0], error)
      if regime == .nearlyParabolic {
        // A mean longitude carries an absolute rounding of ~ulp(2π) ≈ 8.9e-16 rad; near the
        // periapsis of an orbit with e → 1 that becomes a position error of about
        // ulp(2π)/(1 − e)^{3/2} relative (dE/dM = 1/(1 − e cos E), dν/dE ≈ √(2/(1 − e))):
        // 1.2e-6 seen at 1 − e = 1e-6. Any mean-anomaly element set shares this limit.
        let e = kep.eccentricity
        let meanLongitudeConditioning = max(1e-9, 4e-15 / pow(1 - e, 1.5))
        #expect(error <= meanLongitudeConditioning, "1 − e = \(1 - e): \(error)")
      }
    }
    for regime in regimes where regime != .nearlyParabolic {
      // Acceptance bound of the issue (state → elements → state).
      #expect(worst[regime]! <= 1e-9, "\(regime): worst relative error \(worst[regime]!)")
    }
  }

  @Test("Singular inclinations of each set are rejected", .tags(.property))
  func singularities() throws {
    let retrogradeEquatorial = try KeplerianElements(
      semiMajorAxis: 7e6, eccentricity: 0.01, inclination: Double.pi, raan: 0,
      argumentOfPeriapsis: 1, trueAnomaly: 2)
    #expect(throws: ElementsError.equinoctialSingularity) {
      try EquinoctialElements(keplerian: retrogradeEquatorial, isRetrograde: false)
    }
    let (r, v) = retrogradeEquatorial.positionAndVelocity(mu: mu)
    #expect(throws: ElementsError.equinoctialSingularity) {
      try EquinoctialElements(position: r, velocity: v, mu: mu, isRetrograde: false)
    }
    // The automatic choice handles it.
    let eq = try EquinoctialElements(position: r, velocity: v, mu: mu)
    // p and q vanish up to sin(Double.pi) ≈ 1.2e-16 in the state's construction.
    #expect(eq.isRetrograde && abs(eq.p) < 1e-15 && abs(eq.q) < 1e-15)
    let hyperbolic = try KeplerianElements(
      semiMajorAxis: -7e6, eccentricity: 1.5, inclination: 1, raan: 0, argumentOfPeriapsis: 0,
      trueAnomaly: 0)
    #expect(throws: ElementsError.notElliptic) { try EquinoctialElements(keplerian: hyperbolic) }
    #expect(throws: ElementsError.notElliptic) {
      try EquinoctialElements(semiMajorAxis: 7e6, h: 0.8, k: 0.6, p: 0, q: 0, meanLongitude: 0)
    }
  }
}
