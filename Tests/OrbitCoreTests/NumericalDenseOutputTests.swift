// Dense output and fixed-step ephemeris output against the Kepler closed form.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Numerical: dense output and fixed-step ephemeris")
struct NumericalDenseOutputTests {
  let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)

  /// Largest position error (m) of the dense output at the quarter points of 40 steps of
  /// `step` (s), each started from the exact (closed-form) state: this isolates the local
  /// error of one step and its interpolant from the accumulated global error.
  func denseError<M: Integrator>(_ method: M, step: Double) throws -> Double
  where M.System == TwoBodyDynamics {
    let kepler = try KeplerPropagator(
      initialState: NumericalFixture.issState, mu: NumericalFixture.mu)
    var integrator = method
    var worst = 0.0
    for k in 1...40 {
      let t0 = Double(k - 1) * step
      let exact = try kepler.state(at: NumericalFixture.epoch + t0)
      integrator.begin(
        dynamics, at: t0, state: OrbitState(position: exact.position, velocity: exact.velocity))
      _ = integrator.attemptStep(dynamics, to: t0 + step, tolerance: NumericalFixture.tight)
      integrator.acceptStep(dynamics)
      let dense = integrator.denseOutput(dynamics)
      for fraction in [0.25, 0.5, 0.75] {
        let t = t0 + fraction * step
        let truth = try kepler.state(at: NumericalFixture.epoch + t)
        worst = max(worst, (dense.state(at: t).position - truth.position).norm)
      }
      // At the step's end the interpolant reproduces the step (to rounding).
      expectClose(
        dense.state(at: t0 + step).position, integrator.state.position, absolute: 1e-6)
    }
    return worst
  }

  @Test("Dense output at interior points: local error and its order", .tags(.property))
  func interior() throws {
    // (method, step s, bound m at that step, expected ratio 2^(p+1) on halving the step)
    let cases: [(String, Double, Double, Double, Double)] = [
      ("RK4 cubic Hermite", try denseError(RungeKutta4(), step: 60),
        try denseError(RungeKutta4(), step: 30), 1.0, 16),
      ("DP5(4) Shampine", try denseError(DormandPrince54(), step: 60),
        try denseError(DormandPrince54(), step: 30), 1e-2, 32),
      ("DP8(7) quintic Hermite", try denseError(DormandPrince87(), step: 240),
        try denseError(DormandPrince87(), step: 120), 3e-2, 64),
      ("RKN12(10) degree-8 Hermite", try denseError(RungeKuttaNystrom1210(), step: 600),
        try denseError(RungeKuttaNystrom1210(), step: 300), 2e-4, 512),
    ]
    for (name, coarse, fine, bound, ratio) in cases {
      print("dense output \(name): \(coarse) m → \(fine) m, ratio \(coarse / fine) (expected ~\(ratio))")
      // Bounds: the measured local errors (0.38 m, 2.7 mm, 8.3 mm, 64 µm) with about 3× margin;
      // ratios at 50 % of 2^(p+1) (measured 16.2, 32.2, 64.1, 491).
      #expect(coarse <= bound, "\(name)")
      #expect(coarse / fine > 0.5 * ratio, "\(name)")
    }
  }

  @Test("Fixed-step ephemeris from dense output matches the closed form", .tags(.property))
  func ephemeris() throws {
    for useNystrom in [false, true] {
      var states: [CartesianState]
      var steps: Int
      if useNystrom {
        let p = NumericalPropagator(
          dynamics: dynamics, integrator: RungeKuttaNystrom1210(),
          options: IntegratorOptions(tolerance: NumericalFixture.tight))
        var session = try p.session(from: NumericalFixture.issState)
        states = try session.ephemeris(to: NumericalFixture.epoch + 21_600, outputStep: 60).states
        steps = session.acceptedSteps
      } else {
        let p = NumericalPropagator(
          dynamics: dynamics, integrator: DormandPrince87(),
          options: IntegratorOptions(tolerance: NumericalFixture.tight))
        var session = try p.session(from: NumericalFixture.issState)
        states = try session.ephemeris(to: NumericalFixture.epoch + 21_600, outputStep: 60).states
        steps = session.acceptedSteps
      }
      // 0, 60, …, 21 600 s: 361 grid points, produced without shortening steps.
      #expect(states.count == 361)
      #expect(steps < 361)
      var worst = 0.0
      for (k, s) in states.enumerated() {
        #expect(s.epoch == NumericalFixture.epoch + 60 * Double(k))
        let truth = try NumericalFixture.kepler(at: s.epoch)
        worst = max(worst, (s.position - truth.position).norm)
      }
      print("ephemeris (\(useNystrom ? "RKN12(10)" : "DP8(7)")) 6 h at 60 s: max error \(worst) m over \(steps) steps")
      // Same bound as the step ends: the interpolants add less than the propagation error.
      #expect(worst <= 1e-3)
    }
  }

  @Test("The grid ends with the target when it is off the grid", .tags(.regression))
  func offGridTarget() throws {
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince54(),
      options: IntegratorOptions(tolerance: IntegrationTolerance(position: 1e-3, velocity: 1e-6)))
    var session = try p.session(from: NumericalFixture.issState)
    let states = try session.ephemeris(to: NumericalFixture.epoch + 150, outputStep: 60).states
    #expect(states.map { $0.epoch - NumericalFixture.epoch } == [0, 60, 120, 150])
  }
}
