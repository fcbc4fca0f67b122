// Two-body propagation: periodicity over many revolutions, conservation laws, reversibility,
// hyperbolic arcs and error handling.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Propagator: Kepler two-body")
struct PropagatorKeplerTests {
  let mu = CentralBody.wgs84.gravitationalParameter
  let t0 = Epoch(wholeSeconds: 700_000_000, fraction: 0.25)

  /// An ISS-like orbit: a = 6796 km, e = 0.0005, i = 51.64°.
  func issLike() throws -> KeplerianElements {
    try KeplerianElements(
      semiMajorAxis: 6_796_000, eccentricity: 0.0005, inclination: 51.64 * Angle.degree,
      raan: 123.4 * Angle.degree, argumentOfPeriapsis: 87.6 * Angle.degree,
      trueAnomaly: 12.3 * Angle.degree)
  }

  @Test("ISS-like orbit returns to its state after exactly 160 periods", .tags(.property))
  func periodicity() throws {
    let el = try issLike()
    let propagator = try KeplerPropagator(elements: el, epoch: t0, frame: .gcrf, mu: mu)
    let period = el.period(mu: mu)
    let s = try propagator.state(at: t0 + 160 * period)
    // Issue's acceptance bound. Expected error: rounding of n·Δt ≈ 1e-13 rad → ~1 µm.
    let oneMillimeter = 1e-3
    let oneMicrometerPerSecond = 1e-6
    expectClose(s.position, propagator.initialState.position, absolute: oneMillimeter)
    expectClose(s.velocity, propagator.initialState.velocity, absolute: oneMicrometerPerSecond)
    // And from a Cartesian initial state as well.
    let fromState = try KeplerPropagator(initialState: propagator.initialState, mu: mu)
    let s2 = try fromState.state(at: t0 + 160 * period)
    expectClose(s2.position, propagator.initialState.position, absolute: oneMillimeter)
  }

  @Test("Energy and angular momentum are conserved; backward undoes forward", .tags(.property),
    arguments: [0.0, 0.0005, 0.3, 0.9, 0.999, 1.5, 4.0])
  func conservation(e: Double) throws {
    let rp = 7_000_000.0
    let a = rp / (1 - e)
    let el = try KeplerianElements(
      semiMajorAxis: a, eccentricity: e, inclination: 0.7, raan: 1.1, argumentOfPeriapsis: 2.2,
      trueAnomaly: e < 1 ? 0.4 : -0.4)
    let propagator = try KeplerPropagator(elements: el, epoch: t0, frame: .eme2000, mu: mu)
    let s0 = propagator.initialState
    let energy0 = s0.specificEnergy(mu: mu)
    let h0 = s0.angularMomentum
    for dt in [-86_400.0, -3_600, 1, 600, 5_432.1, 86_400] {
      var copy = propagator
      let s = try copy.propagate(to: t0 + dt)
      #expect(s.frame == .eme2000)
      // Relative 1e-12: each conversion costs a few ulps; e → 1 loses ~3 digits in energy
      // (v²/2 and μ/r nearly cancel), so the bound is on |energy| scaled by μ/rp.
      let energyScale = mu / rp
      expectClose(s.specificEnergy(mu: mu), energy0, absolute: 1e-12 * energyScale)
      expectClose(s.angularMomentum, h0, relative: 1e-12)
      let back = try KeplerPropagator(initialState: s, mu: mu).state(at: t0)
      // Reversibility to 1e-9 relative of |r| (≈ 7 mm at 7000 km, far less in practice).
      expectClose(back.position, s0.position, relative: 1e-9)
      expectClose(back.velocity, s0.velocity, relative: 1e-9)
    }
  }

  /// Against an independent closed form: for a circular orbit the state at t is a rotation of
  /// the initial one by n·Δt in the orbit plane.
  @Test("Circular orbit is a uniform rotation", .tags(.property))
  func circularRotation() throws {
    let a = 7_000_000.0
    let v = (mu / a).squareRoot()
    let s0 = CartesianState(
      epoch: t0, frame: .gcrf, position: Vector3(a, 0, 0), velocity: Vector3(0, v, 0))
    let propagator = try KeplerPropagator(initialState: s0, mu: mu)
    let n = (mu / (a * a * a)).squareRoot()
    for dt in [10.0, 1000, 12_345.6, 1e6] {
      let s = try propagator.state(at: t0 + dt)
      let angle = n * dt
      // 1e-6 m: rounding of n·Δt (≤ 1e-16·|n Δt| rad) times a.
      expectClose(s.position, Vector3(a * cos(angle), a * sin(angle), 0), absolute: 1e-6)
    }
  }

  @Test("Hyperbolic escape: radius and speed follow the energy integral", .tags(.property))
  func hyperbolic() throws {
    let s0 = CartesianState(
      epoch: t0, frame: .gcrf, position: Vector3(6_678_137, 0, 0), velocity: Vector3(0, 15_000, 0))
    let propagator = try KeplerPropagator(initialState: s0, mu: mu)
    #expect(propagator.initialElements.isHyperbolic)
    let energy = s0.specificEnergy(mu: mu)
    let s = try propagator.state(at: t0 + 14_941)
    // Vis-viva: v² = 2(ε + μ/r); 1e-9 relative.
    expectClose(s.velocity.normSquared, 2 * (energy + mu / s.position.norm), relative: 1e-9)
    // Curtis, Orbital Mechanics for Engineering Students, Example 3.5 (r0 = R⊕ + 300 km,
    // v0 = 15 km/s, t = 14 941 s): r ≈ 163 180 km, v ≈ 10.51 km/s. The book uses
    // μ = 398 600 km³/s² and prints 4–5 figures: 0.1 % and 0.01 km/s.
    expectClose(s.position.norm, 163_180e3, relative: 1e-3)
    expectClose(s.velocity.norm, 10.51e3, absolute: 10)
  }

  /// Generic code over `Propagator` (no existentials) drives both analytic propagators.
  func finalState<P: Propagator>(
    _ propagator: inout P, steps: Int, every seconds: Double
  ) throws(PropagationError) -> CartesianState {
    var state = propagator.initialState
    for k in 1...steps {
      state = try propagator.propagate(to: propagator.initialState.epoch + Double(k) * seconds)
    }
    return state
  }

  @Test("Both analytic propagators conform to Propagator and agree with state(at:)")
  func genericUse() throws {
    let el = try issLike()
    var kepler = try KeplerPropagator(elements: el, epoch: t0, frame: .gcrf, mu: mu)
    var j2 = try J2SecularPropagator(meanElements: el, epoch: t0, frame: .gcrf, body: .wgs84)
    let k = try finalState(&kepler, steps: 10, every: 60)
    let j = try finalState(&j2, steps: 10, every: 60)
    #expect(k == (try kepler.state(at: t0 + 600)))
    #expect(j == (try j2.state(at: t0 + 600)))
  }

  @Test("Invalid initial states are rejected with the reason")
  func invalid() {
    let t = t0
    #expect(throws: PropagationError.invalidElements(.degenerateState)) {
      try KeplerPropagator(
        initialState: CartesianState(epoch: t, frame: .gcrf, position: Vector3(7e6, 0, 0), velocity: Vector3(1000, 0, 0)),
        mu: CentralBody.wgs84.gravitationalParameter)
    }
    #expect(throws: PropagationError.invalidElements(.nonPositiveGravitationalParameter(0))) {
      try KeplerPropagator(
        initialState: CartesianState(epoch: t, frame: .gcrf, position: Vector3(7e6, 0, 0), velocity: Vector3(0, 7e3, 0)),
        mu: 0)
    }
    #expect(throws: PropagationError.invalidElements(.nonFinite(field: "position"))) {
      try KeplerPropagator(
        initialState: CartesianState(epoch: t, frame: .gcrf, position: Vector3(.nan, 0, 0), velocity: Vector3(0, 7e3, 0)),
        mu: CentralBody.wgs84.gravitationalParameter)
    }
  }
}
