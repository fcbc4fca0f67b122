// Kepler's equation: residuals over a grid, anomaly identities, and Vallado's worked examples.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Kepler's equation")
struct KeplerEquationTests {
  /// Eccentricities of the elliptic grid, up to the e = 0.999 999.
  static let ellipticEccentricities: [Double] = [
    0, 1e-12, 1e-6, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999,
    0.999999,
  ]

  /// The residual |E − e sin E − M| is evaluated for M reduced to [−π, π]: in that range the
  /// rounding of E − e sin E is at most a few ulps of π (≈ 4e-16 rad each), so 1e-14 rad is the
  /// issue's bound with a wide margin, not a scaled one.
  static let residualBound = 1e-14

  @Test("Elliptic residual ≤ 1e-14 rad on a (M, e) grid", .tags(.property),
    arguments: ellipticEccentricities)
  func ellipticResidual(e: Double) {
    var worst = 0.0
    // 4001 mean anomalies uniform in [−π, π] and 4001 cubed ones, dense near 0 where
    // e → 1 is hardest.
    for k in -2000...2000 {
      let x = Double(k) / 2000
      for mean in [Double.pi * x, Double.pi * x * x * x] {
        let E = KeplerEquation.eccentricAnomaly(meanAnomaly: mean, eccentricity: e)
        let residual = abs(E - e * sin(E) - mean)
        worst = max(worst, residual)
      }
    }
    #expect(worst <= Self.residualBound, "worst residual \(worst) rad at e = \(e)")
  }

  @Test("Elliptic: tiny mean anomalies at e → 1", .tags(.property))
  func tinyMeanAnomalies() {
    for e in [0.99, 0.999999, 1 - 1e-9] {
      for mean in [1e-300, 1e-20, 1e-12, 1e-8, 1e-5, 1e-3] {
        let E = KeplerEquation.eccentricAnomaly(meanAnomaly: mean, eccentricity: e)
        #expect(E >= mean && E <= Double.pi)
        // Relative to M: near M = 0 the residual must shrink with M (≤ a few ulps of E).
        let residual = abs(E - e * sin(E) - mean)
        #expect(residual <= max(1e-14 * mean, 4 * E.ulp), "e = \(e), M = \(mean)")
      }
    }
  }

  @Test("Elliptic: many revolutions keep the revolution count", .tags(.property))
  func largeMeanAnomaly() {
    for revolutions in [-1000.0, -3, 1, 17, 1e4] {
      let mean = revolutions * Angle.twoPi + 1.234
      let E = KeplerEquation.eccentricAnomaly(meanAnomaly: mean, eccentricity: 0.3)
      // The residual against the unreduced M grows with |M| only by the rounding of M itself
      // (|M| ulp ≈ 1e-12 rad at 1e4 revolutions).
      let bound = Self.residualBound * max(1, abs(mean) / Double.pi)
      #expect(abs(E - 0.3 * sin(E) - mean) <= bound)
    }
  }

  @Test("Elliptic: NaN and infinity give NaN")
  func nonFinite() {
    #expect(KeplerEquation.eccentricAnomaly(meanAnomaly: .nan, eccentricity: 0.1).isNaN)
    #expect(KeplerEquation.eccentricAnomaly(meanAnomaly: .infinity, eccentricity: 0.1).isNaN)
    #expect(KeplerEquation.hyperbolicAnomaly(meanAnomaly: .nan, eccentricity: 1.5).isNaN)
  }

  @Test("Hyperbolic residual ≤ 1e-14·max(1, |M|)", .tags(.property),
    arguments: [1 + 1e-6, 1.0001, 1.01, 1.1, 1.5, 2, 2.4, 5, 10, 100])
  func hyperbolicResidual(e: Double) {
    var worst = 0.0
    for k in -400...400 {
      let x = Double(k) / 400
      // |M| from 0 to 1e4, log-spaced.
      let mean = (x < 0 ? -1 : 1) * (x == 0 ? 0 : pow(10, 4 * abs(x) * 2 - 4))
      let H = KeplerEquation.hyperbolicAnomaly(meanAnomaly: mean, eccentricity: e)
      // e sinh H and H nearly cancel for small H: scale by the magnitude of the terms.
      let scale = max(1, abs(mean), e * abs(sinh(H)))
      worst = max(worst, abs(e * sinh(H) - H - mean) / scale)
    }
    #expect(worst <= Self.residualBound, "worst scaled residual \(worst) at e = \(e)")
  }

  /// Vallado, 4th ed., Example 2-1: M = 235.4°, e = 0.4 → E = 220.512 074 767 522°.
  @Test("Vallado Example 2-1 (KepEqtnE)", .tags(.validation))
  func valladoExample2_1() {
    let E = KeplerEquation.eccentricAnomaly(meanAnomaly: 235.4 * Angle.degree, eccentricity: 0.4)
    // Printed to 1e-12°; the degree conversions alone round at ~1e-13°: allow 1e-11°.
    expectClose(Angle.normalizedPositive(E) / Angle.degree, 220.512074767522, absolute: 1e-11)
  }

  /// Vallado, 4th ed., Example 2-3: M = 235.4°, e = 2.4 → H = 1.601 376 144 rad.
  @Test("Vallado Example 2-3 (KepEqtnH)", .tags(.validation))
  func valladoExample2_3() {
    let H = KeplerEquation.hyperbolicAnomaly(meanAnomaly: 235.4 * Angle.degree, eccentricity: 2.4)
    // Printed to 9 decimals (rad): one unit in the last place.
    expectClose(H, 1.601376144, absolute: 1e-9)
  }

  @Test("Anomaly conversions invert each other", .tags(.property),
    arguments: [0.0, 0.1, 0.5, 0.9, 0.999999])
  func ellipticAnomalyIdentities(e: Double) {
    for k in 0..<360 {
      let nu = Double(k) * Angle.degree + 0.123
      let E = Anomaly.eccentricFromTrue(nu, eccentricity: e)
      // Conditioning of ν(E) near apoapsis for e → 1 is 1/(1 − e); 1e-15·that + 1e-14 rad.
      let tol = 1e-14 + 1e-15 / (1 - e)
      let nu2 = Anomaly.trueFromEccentric(E, eccentricity: e)
      expectClose(Angle.normalized(nu2, around: nu), nu, absolute: tol)
      let M = Anomaly.meanFromTrue(nu, eccentricity: e)
      let E2 = Anomaly.eccentricFromMean(M, eccentricity: e)
      expectClose(Angle.normalized(E2, around: E), E, absolute: 1e-13 + 1e-15 / (1 - e))
    }
  }

  @Test("Hyperbolic anomaly conversions invert each other", .tags(.property),
    arguments: [1.0001, 1.5, 2.4, 10])
  func hyperbolicAnomalyIdentities(e: Double) {
    let limit = acos(-1 / e)
    for k in -99...99 {
      let nu = Double(k) / 100 * limit
      let H = Anomaly.hyperbolicFromTrue(nu, eccentricity: e)
      expectClose(Anomaly.trueFromHyperbolic(H, eccentricity: e), nu, absolute: 1e-12)
      let M = Anomaly.meanFromHyperbolic(H, eccentricity: e)
      let H2 = Anomaly.hyperbolicFromMean(M, eccentricity: e)
      expectClose(H2, H, absolute: 1e-12, relative: 1e-12)
    }
    // Beyond the asymptote there is no hyperbolic anomaly.
    #expect(Anomaly.hyperbolicFromTrue(limit + 0.01, eccentricity: e).isNaN)
  }
}
