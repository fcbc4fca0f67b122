// J2 secular propagation: nodal regression of an ISS-like orbit, the closed-form rates, and the
// conventions for circular and equatorial orbits.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Propagator: J2 secular")
struct PropagatorJ2SecularTests {
  let t0 = Epoch(wholeSeconds: 700_000_000, fraction: 0)
  let day = 86_400.0

  /// ISS nodal regression is about −5°/day (e.g. NASA/ISS trajectory data; Vallado, 4th ed.,
  /// §9.6 figure of Ω̇ vs i): the bound is −4.95 ± 0.05 °/day for a = 6796 km,
  /// i = 51.64°, e ≈ 0.
  @Test("ISS-like RAAN rate is −4.95 ± 0.05 °/day", .tags(.validation),
    arguments: [CentralBody.wgs84, .egm96])
  func issNodalRegression(body: CentralBody) throws {
    let el = try KeplerianElements(
      semiMajorAxis: 6_796_000, eccentricity: 0.0001, inclination: 51.64 * Angle.degree,
      raan: 10 * Angle.degree, argumentOfPeriapsis: 30 * Angle.degree, trueAnomaly: 0)
    let propagator = try J2SecularPropagator(meanElements: el, epoch: t0, frame: .tod, body: body)
    let ratePerDay = propagator.rates.raan * day / Angle.degree
    #expect(abs(ratePerDay - -4.95) <= 0.05, "Ω̇ = \(ratePerDay) °/day")
    // The propagated RAAN moves by that rate: after 10 days.
    let later = propagator.meanElements(at: t0 + 10 * day)
    let drift = Angle.normalizedSigned(later.raan - el.raan) / Angle.degree
    // 1e-9°: the only error is rounding of Ω̇·Δt.
    expectClose(drift, 10 * ratePerDay, absolute: 1e-9)
  }

  /// ω̇ and Ṁ against the formula evaluated here independently, term by term.
  @Test("ω̇ and Ṁ match the closed form", .tags(.property),
    arguments: [
      (6_796_000.0, 0.0005, 51.64), (7_200_000, 0.01, 98.7), (26_560_000, 0.7, 63.4),
      (42_164_000, 0.0, 0.0), (8_000_000, 0.2, 180.0),
    ])
  func closedForm(a: Double, e: Double, iDegrees: Double) throws {
    let body = CentralBody.egm96
    let i = iDegrees * Angle.degree
    let rates = J2SecularRates(semiMajorAxis: a, eccentricity: e, inclination: i, body: body)
    let n = sqrt(body.gravitationalParameter / pow(a, 3))
    let p = a * (1 - e * e)
    let factor = body.j2 * pow(body.equatorialRadius / p, 2)
    let expectedArgp = 0.75 * n * factor * (4 - 5 * pow(sin(i), 2))
    let expectedRaan = -1.5 * n * factor * cos(i)
    let expectedM = n * (1 + 0.75 * factor * sqrt(1 - e * e) * (3 * pow(cos(i), 2) - 1))
    // 1e-12 relative of n (rates of order 1e-6 rad/s): different but equivalent arithmetic.
    let tolerance = 1e-12 * n
    expectClose(rates.argumentOfPeriapsis, expectedArgp, absolute: tolerance)
    expectClose(rates.raan, expectedRaan, absolute: tolerance)
    expectClose(rates.meanAnomaly, expectedM, absolute: tolerance)
  }

  @Test("Critical inclination freezes the periapsis", .tags(.property))
  func criticalInclination() {
    let critical = acos((1.0 / 5).squareRoot())  // 63.4349°
    let rates = J2SecularRates(
      semiMajorAxis: 26_560_000, eccentricity: 0.72, inclination: critical, body: .wgs84)
    // ω̇ ∝ 5cos²i − 1 = 0 up to rounding (≈ 1e-16 of the J2 factor).
    #expect(abs(rates.argumentOfPeriapsis) < 1e-20)
  }

  @Test("Without J2 it reduces to the Kepler propagator", .tags(.property))
  func zeroJ2() throws {
    var body = CentralBody.wgs84
    body.j2 = 0
    let el = try KeplerianElements(
      semiMajorAxis: 7_000_000, eccentricity: 0.05, inclination: 1, raan: 2, argumentOfPeriapsis: 3,
      trueAnomaly: 4)
    let j2 = try J2SecularPropagator(meanElements: el, epoch: t0, frame: .gcrf, body: body)
    let kepler = try KeplerPropagator(
      elements: el, epoch: t0, frame: .gcrf, mu: body.gravitationalParameter)
    for dt in [-5000.0, 100, 86_400] {
      // 1 µm: the two share the conversions, only the order of operations differs.
      expectClose(try j2.state(at: t0 + dt).position, try kepler.state(at: t0 + dt).position, absolute: 1e-6)
    }
  }

  @Test("Circular and equatorial orbits keep their conventions", .tags(.property))
  func conventions() throws {
    let circularEquatorial = try KeplerianElements(
      semiMajorAxis: 7_000_000, eccentricity: 0, inclination: 0, raan: 0, argumentOfPeriapsis: 0,
      trueAnomaly: 1)
    let propagator = try J2SecularPropagator(
      meanElements: circularEquatorial, epoch: t0, frame: .gcrf, body: .wgs84)
    let later = propagator.meanElements(at: t0 + day)
    #expect(later.raan == 0)
    #expect(later.argumentOfPeriapsis == 0)
    // The true longitude advances at Ω̇ + ω̇ + Ṁ.
    let rates = propagator.rates
    let expected = Angle.normalizedPositive(1 + (rates.raan + rates.argumentOfPeriapsis + rates.meanAnomaly) * day)
    // 1e-9 rad: rounding of the rate·Δt products (≈ 7e4 rad in total).
    expectClose(Angle.normalized(later.trueAnomaly, around: expected), expected, absolute: 1e-9)
    // The state stays in the equatorial plane.
    #expect(try propagator.state(at: t0 + day).position.z == 0)
  }

  @Test("Unsupported orbits are rejected")
  func unsupported() throws {
    let hyperbolic = try KeplerianElements(
      semiMajorAxis: -7_000_000, eccentricity: 2, inclination: 1, raan: 0, argumentOfPeriapsis: 0,
      trueAnomaly: 0)
    #expect(throws: PropagationError.unsupportedOrbit(.hyperbolic)) {
      try J2SecularPropagator(meanElements: hyperbolic, epoch: t0, frame: .gcrf, body: .wgs84)
    }
    let subterranean = try KeplerianElements(
      semiMajorAxis: 7_000_000, eccentricity: 0.2, inclination: 1, raan: 0, argumentOfPeriapsis: 0,
      trueAnomaly: 0)
    #expect(throws: PropagationError.unsupportedOrbit(.periapsisInsideBody)) {
      try J2SecularPropagator(meanElements: subterranean, epoch: t0, frame: .gcrf, body: .wgs84)
    }
  }
}
