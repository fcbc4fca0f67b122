// Shared fixtures for the numerical-propagator tests: the ISS-like initial state and helpers.

import OrbitCore

/// Fixtures shared by the `Numerical*` test suites.
enum NumericalFixture {
  /// WGS-84 μ (m³/s²), the value the heyoka reference uses.
  static let mu = 3.986004418e14
  /// An arbitrary start epoch (2022, TAI), with a fractional second to exercise the two-part
  /// arithmetic.
  static let epoch = Epoch(wholeSeconds: 700_000_000, fraction: 0.25)
  /// ISS-like orbit: osculating a = 6796 km, e = 0.0005, i = 51.64°, Ω = 30°, ω = 45°, ν = 10°
  /// (the t = 0 row of Tests/ReferenceData/heyoka/iss_j2_1day.csv).
  static let issState = CartesianState(
    epoch: epoch, frame: .gcrf,
    position: Vector3(1647549.141328451, 4938573.237699198, 4363051.5413714815),
    velocity: Vector3(-6799.21862656583, -775.7329388873605, 3446.573414571518))
  /// One day (s).
  static let day = 86_400.0

  /// Tight tolerances for the high-order methods: 1e-13 relative of a 6.8e6 m radius is 0.7 µm
  /// per step.
  static let tight = IntegrationTolerance(position: 1e-7, velocity: 1e-10, relative: 1e-13)

  /// Two-body closed form at `epoch`.
  static func kepler(at epoch: Epoch) throws -> CartesianState {
    try KeplerPropagator(initialState: issState, mu: mu).state(at: epoch)
  }

  /// Propagates the ISS state with `method` for `duration` (s) and returns the final state and
  /// the session's counters.
  static func run<D: ODESystem, M: Integrator>(
    _ dynamics: D, _ method: M, options: IntegratorOptions, duration: Double = day
  ) throws -> (state: CartesianState, accepted: Int, rejected: Int, evaluations: Int)
  where M.System == D, D.State == OrbitState {
    let propagator = NumericalPropagator(dynamics: dynamics, integrator: method, options: options)
    var session = try propagator.session(from: issState)
    let outcome = try session.propagate(to: epoch + duration)
    guard outcome == .reachedTarget else { throw FixtureError.notReached(outcome) }
    return (session.cartesianState, session.acceptedSteps, session.rejectedSteps,
      session.evaluationCount)
  }

  enum FixtureError: Error { case notReached(PropagationOutcome) }
}
