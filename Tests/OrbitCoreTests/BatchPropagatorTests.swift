// Batch propagation in SIMD lanes: lanes against scalar sessions (bit for bit with the same
// steps, and within tolerance with different orbits per lane), point mass against the Kepler
// closed form, batch sizes that are not a multiple of the lane width, threads, bad input.

import OrbitCore
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

@Suite("Batch propagation (SIMD lanes, RKN12(10))")
struct BatchPropagatorTests {
  static let epoch = NumericalFixture.epoch
  static let mu = NumericalFixture.mu
  /// One revolution of the a = 6796 km ISS-like orbit (s).
  static let revolution = 2 * Double.pi * (6796.0e3 * 6796.0e3 * 6796.0e3 / mu).squareRoot()

  /// `count` different ISS-like orbits: semi-major axes 6,776–6,816 km, e up to 0.0008, spread
  /// node and anomaly.
  static func orbits(_ count: Int) throws -> [CartesianState] {
    try (0..<count).map { k in
      let elements = try KeplerianElements(
        semiMajorAxis: 6796.0e3 + 1.0e3 * Double(k % 41 - 20), eccentricity: 0.0002 + 0.0001 * Double(k % 7),
        inclination: (51.64 + 0.3 * Double(k % 13)) * .pi / 180,
        raan: 2 * .pi * Double(k) / Double(count), argumentOfPeriapsis: (45 + 3 * Double(k % 17)) * .pi / 180,
        trueAnomaly: (37 * Double(k)).truncatingRemainder(dividingBy: 360) * .pi / 180)
      return elements.cartesianState(epoch: epoch, frame: .gcrf, mu: mu)
    }
  }

  /// A scalar RKN12(10) session's final state.
  static func scalar<D: SecondOrderSystem>(
    _ dynamics: D, _ state: CartesianState, options: IntegratorOptions, duration: Double
  ) throws -> (position: Vector3, velocity: Vector3, steps: Int) {
    let propagator = NumericalPropagator(
      dynamics: dynamics, integrator: RungeKuttaNystrom1210<D>(), options: options)
    var session = try propagator.session(from: state)
    #expect(try session.propagate(to: epoch + duration) == .reachedTarget)
    return (session.state.position, session.state.velocity, session.acceptedSteps)
  }

  @Test(
    "A lane reproduces the scalar integrator bit for bit when the steps are the same",
    arguments: BatchLaneWidth.allCases, [false, true])
  func bitForBit(laneWidth: BatchLaneWidth, fixed: Bool) throws {
    // One orbit (the spare lanes repeat it), so the group's worst lane is that orbit and the
    // batch takes the scalar session's steps; the same initial step for both.
    let options =
      fixed
      ? IntegratorOptions.fixed(step: 300)
      : IntegratorOptions(tolerance: NumericalFixture.tight, initialStep: 60)
    let start = NumericalFixture.issState
    let reference = try Self.scalar(J2Dynamics(body: .wgs84), start, options: options, duration: 86_400)
    var states = BatchOrbitStates([start])
    let propagator = BatchPropagator(dynamics: J2Dynamics(body: .wgs84), options: options, laneWidth: laneWidth)
    let stats = try propagator.propagate(&states, from: Self.epoch, to: Self.epoch + 86_400)
    #expect(states.position(at: 0) == reference.position)
    #expect(states.velocity(at: 0) == reference.velocity)
    #expect(stats.acceptedSteps == reference.steps)
    #expect(stats.laneGroups == 1)
  }

  @Test(
    "Different orbits per lane agree with scalar sessions to 0.1 mm; N not a multiple of the lanes",
    arguments: BatchLaneWidth.allCases, [1, 7, 13, 29])
  func differentOrbits(laneWidth: BatchLaneWidth, count: Int) throws {
    let starts = try Self.orbits(count)
    let dynamics = J2Dynamics(body: .wgs84)
    let options = IntegratorOptions(tolerance: IntegrationTolerance(position: 0, velocity: 0, relative: 1e-12))
    var states = BatchOrbitStates(starts)
    let stats = try BatchPropagator(dynamics: dynamics, options: options, laneWidth: laneWidth)
      .propagate(&states, from: Self.epoch, to: Self.epoch + Self.revolution)
    #expect(stats.laneGroups == (count + laneWidth.rawValue - 1) / laneWidth.rawValue)
    #expect(stats.stepLimitGroups == 0)
    for (i, s) in starts.enumerated() {
      let reference = try Self.scalar(
        dynamics, s, options: IntegratorOptions(tolerance: NumericalFixture.tight), duration: Self.revolution)
      // Issue 4's batch criterion: 0.1 mm after one revolution.
      expectClose(states.position(at: i), reference.position, absolute: 1e-4, "orbit \(i) position (m)")
      // 0.1 mm of position on this orbit corresponds to ~0.1 µm/s.
      expectClose(states.velocity(at: i), reference.velocity, absolute: 1e-7, "orbit \(i) velocity (m/s)")
    }
  }

  @Test("Point mass: every lane matches the Kepler closed form to 0.1 mm after a revolution", .tags(.validation))
  func twoBodyVersusKepler() throws {
    let starts = try Self.orbits(19)
    var states = BatchOrbitStates(starts)
    let options = IntegratorOptions(tolerance: IntegrationTolerance(position: 0, velocity: 0, relative: 1e-12))
    _ = try BatchPropagator(dynamics: TwoBodyDynamics(gravitationalParameter: Self.mu), options: options)
      .propagate(&states, from: Self.epoch, to: Self.epoch + Self.revolution)
    for (i, s) in starts.enumerated() {
      let kepler = try KeplerPropagator(initialState: s, mu: Self.mu).state(at: Self.epoch + Self.revolution)
      // Issue 4's batch criterion: 0.1 mm.
      expectClose(states.position(at: i), kepler.position, absolute: 1e-4, "orbit \(i) position (m)")
    }
  }

  @Test("Two threads give the same bits as one")
  func threads() throws {
    let starts = try Self.orbits(37)
    let propagator = BatchPropagator(
      dynamics: J2Dynamics(body: .wgs84),
      options: IntegratorOptions(tolerance: IntegrationTolerance(position: 0, velocity: 0, relative: 1e-11)),
      laneWidth: .four)
    var one = BatchOrbitStates(starts)
    var two = one
    let s1 = try propagator.propagate(&one, from: Self.epoch, to: Self.epoch + 3_000, threads: 1)
    let s2 = try propagator.propagate(&two, from: Self.epoch, to: Self.epoch + 3_000, threads: 2)
    #expect(one == two)
    #expect(s1 == s2)
  }

  @Test("Backward propagation returns to the start")
  func backward() throws {
    let starts = try Self.orbits(9)
    let propagator = BatchPropagator(
      dynamics: J2Dynamics(body: .wgs84),
      options: IntegratorOptions(tolerance: IntegrationTolerance(position: 0, velocity: 0, relative: 1e-13)))
    var states = BatchOrbitStates(starts)
    _ = try propagator.propagate(&states, from: Self.epoch, to: Self.epoch + Self.revolution)
    _ = try propagator.propagate(&states, from: Self.epoch + Self.revolution, to: Self.epoch)
    for (i, s) in starts.enumerated() {
      // Forward-then-backward at 1e-13 relative: ~1 µm; 0.1 mm leaves a wide margin.
      expectClose(states.position(at: i), s.position, absolute: 1e-4, "orbit \(i)")
    }
  }

  @Test("Bad input: non-finite states and the origin throw; an empty batch and a zero span do nothing")
  func badInput() throws {
    let propagator = BatchPropagator(
      dynamics: J2Dynamics(body: .wgs84), options: IntegratorOptions(tolerance: NumericalFixture.tight))
    var states = BatchOrbitStates([NumericalFixture.issState, NumericalFixture.issState])
    states.vy[1] = .nan
    let unchanged = states
    #expect(throws: PropagationError.self) {
      _ = try propagator.propagate(&states, from: Self.epoch, to: Self.epoch + 60)
    }
    states.vy[1] = 1
    states.x[1] = 0
    states.y[1] = 0
    states.z[1] = 0
    let atOrigin = states
    #expect(throws: PropagationError.self) {
      _ = try propagator.propagate(&states, from: Self.epoch, to: Self.epoch + 60)
    }
    #expect(states == atOrigin)
    #expect(unchanged.count == 2)
    var empty = BatchOrbitStates(positions: [], velocities: [])
    let stats = try propagator.propagate(&empty, from: Self.epoch, to: Self.epoch + 60)
    #expect(stats.laneGroups == 0)
    var one = BatchOrbitStates([NumericalFixture.issState])
    _ = try propagator.propagate(&one, from: Self.epoch, to: Self.epoch)
    #expect(one == BatchOrbitStates([NumericalFixture.issState]))
    #expect(throws: PropagationError.self) {
      _ = try BatchPropagator(
        dynamics: J2Dynamics(body: .wgs84),
        options: IntegratorOptions(tolerance: IntegrationTolerance(position: -1, velocity: 1))
      ).propagate(&one, from: Self.epoch, to: Self.epoch + 60)
    }
  }

  @Test("The step limit leaves the unfinished groups at their start")
  func stepLimit() throws {
    var states = BatchOrbitStates([NumericalFixture.issState])
    let propagator = BatchPropagator(
      dynamics: J2Dynamics(body: .wgs84), options: IntegratorOptions(tolerance: NumericalFixture.tight, maxSteps: 3))
    let stats = try propagator.propagate(&states, from: Self.epoch, to: Self.epoch + 86_400)
    #expect(stats.stepLimitGroups == 1)
    #expect(states == BatchOrbitStates([NumericalFixture.issState]))
  }
}
