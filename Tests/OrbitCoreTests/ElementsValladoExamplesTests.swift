// Validation: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013),
// worked examples of chapter 2. The published numbers are retyped from the book (Example 2-6 as
// corrected in the author's errata, ErrataVer4.pdf); they are also reproduced by the author's
// public companion code and by several independent open-source test suites.
// The book uses μ⊕ = 398 600.4418 km³/s².

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Elements: Vallado worked examples")
struct ElementsValladoExamplesTests {
  /// Vallado's μ⊕ (m³/s²).
  let mu = 398_600.4418e9
  let km = 1000.0
  let deg = Angle.degree

  /// Example 2-5 (RV2COE): r = (6524.834, 6862.875, 6448.296) km,
  /// v = (4.901327, 5.533756, −1.976341) km/s → p = 11 067.790 km, a = 36 127.343 km,
  /// e = 0.832853, i = 87.870°, Ω = 227.898°, ω = 53.38°, ν = 92.335°.
  @Test("Example 2-5: RV2COE", .tags(.validation))
  func example2_5() throws {
    let r = Vector3(6524.834, 6862.875, 6448.296) * km
    let v = Vector3(4.901327, 5.533756, -1.976341) * km
    let el = try KeplerianElements(position: r, velocity: v, mu: mu)
    // The book rounds its intermediate vectors (h, n, e) to 4–6 significant digits, so its
    // printed p and a agree with an unrounded computation only to about 1e-6 relative
    // (p differs by 8 m of 11 068 km).
    let bookRounding = 1e-6
    expectClose(el.semiLatusRectum, 11_067.790 * km, relative: bookRounding)
    expectClose(el.semiMajorAxis, 36_127.343 * km, relative: bookRounding)
    // e is printed to 6 decimals: one unit in the last place.
    expectClose(el.eccentricity, 0.832853, absolute: 1e-6)
    // Angles are printed to 0.001° (ω to 0.01°) from rounded intermediates: one unit in the
    // last printed place (i comes out 87.8691°).
    let oneMilliDegree = 0.001 * deg
    expectClose(el.inclination, 87.870 * deg, absolute: oneMilliDegree)
    expectClose(el.raan, 227.898 * deg, absolute: oneMilliDegree)
    expectClose(el.argumentOfPeriapsis, 53.38 * deg, absolute: 0.01 * deg)
    expectClose(el.trueAnomaly, 92.335 * deg, absolute: oneMilliDegree)
  }

  /// Example 2-6 (COE2RV): p = 11 067.790 km, e = 0.83285, i = 87.87°, Ω = 227.89°, ω = 53.38°,
  /// ν = 92.335° → r = (6525.368, 6861.532, 6449.119) km, v = (4.902279, 5.533140, −1.975710) km/s.
  @Test("Example 2-6: COE2RV", .tags(.validation))
  func example2_6() throws {
    let p = 11_067.790 * km
    let e = 0.83285
    let el = try KeplerianElements(
      semiMajorAxis: p / ((1 - e) * (1 + e)), eccentricity: e, inclination: 87.87 * deg,
      raan: 227.89 * deg, argumentOfPeriapsis: 53.38 * deg, trueAnomaly: 92.335 * deg)
    let (r, v) = el.positionAndVelocity(mu: mu)
    // Printed to 1 m and 1 mm/s: one unit in the last place per component, as a norm.
    let twoMeters = 2.0
    let twoMillimetersPerSecond = 2e-3
    expectClose(r, Vector3(6525.368, 6861.532, 6449.119) * km, absolute: twoMeters)
    expectClose(v, Vector3(4.902279, 5.533140, -1.975710) * km, absolute: twoMillimetersPerSecond)
  }

  /// Example 2-4 (KEPLER): r0 = (1131.340, −2282.343, 6672.423) km,
  /// v0 = (−5.64305, 4.30333, 2.42879) km/s, Δt = 40 min →
  /// r = (−4219.7527, 4363.0292, −3958.7666) km, v = (3.689866, −1.916735, −6.112511) km/s.
  @Test("Example 2-4: KEPLER, 40 minutes", .tags(.validation))
  func example2_4() throws {
    let t0 = Epoch.origin
    let s0 = CartesianState(
      epoch: t0, frame: .gcrf,
      position: Vector3(1131.340, -2282.343, 6672.423) * km,
      velocity: Vector3(-5.64305, 4.30333, 2.42879) * km)
    let propagator = try KeplerPropagator(initialState: s0, mu: mu)
    let s = try propagator.state(at: t0 + 40 * 60)
    // Printed to 4 decimals of km (0.1 m) and 6 decimals of km/s
    // (1 mm/s); allow one unit in the last printed place per component, as a norm.
    let twoTenthsOfAMeter = 0.2
    let twoMillimetersPerSecond = 2e-3
    expectClose(
      s.position, Vector3(-4219.7527, 4363.0292, -3958.7666) * km, absolute: twoTenthsOfAMeter)
    expectClose(
      s.velocity, Vector3(3.689866, -1.916735, -6.112511) * km, absolute: twoMillimetersPerSecond)
    #expect(s.epoch == t0 + 2400)
    #expect(s.frame == .gcrf)
  }
}
