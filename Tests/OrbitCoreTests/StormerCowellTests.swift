// Störmer–Cowell PEC: exactness on polynomials (the definition of its order, independent of the
// coefficients' derivation), two-body against the Kepler closed form, one evaluation a step once
// started, restarts, backward runs, dense output and the fixed-step requirement. The point mass
// + J2 comparison with heyoka is in NumericalJ2ReferenceTests.

import OrbitCore
import Testing
import _OrbitTestSupport

/// r'' = p''(t) for a polynomial p of degree 12 (the acceleration ignores the position), so the
/// exact solution is p itself.
struct PolynomialAcceleration: SecondOrderSystem, Sendable {
  typealias State = OrbitState
  /// p(t) = Σ c_m (t/τ)^m per axis, τ = 40 s (m).
  var coefficients: [Vector3]
  static let tau = 40.0

  func position(at t: Double) -> Vector3 {
    var p = Vector3.zero
    for c in coefficients.reversed() { p = p * (t / Self.tau) + c }
    return p
  }

  func velocity(at t: Double) -> Vector3 {
    var p = Vector3.zero
    for m in stride(from: coefficients.count - 1, through: 1, by: -1) {
      p = p * (t / Self.tau) + Double(m) * coefficients[m]
    }
    return p / Self.tau
  }

  func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    var p = Vector3.zero
    for m in stride(from: coefficients.count - 1, through: 2, by: -1) {
      p = p * (t / Self.tau) + Double(m * (m - 1)) * coefficients[m]
    }
    return p / (Self.tau * Self.tau)
  }

  /// Degree-`degree` coefficients 1e6 m/m! (an exponential's, truncated; a different sign
  /// pattern per axis).
  static func ofDegree(_ degree: Int) -> PolynomialAcceleration {
    var factorial = 1.0
    return PolynomialAcceleration(
      coefficients: (0...degree).map { m in
        if m > 0 { factorial *= Double(m) }
        let c = 1e6 / factorial
        return Vector3(c, m.isMultiple(of: 2) ? -0.7 * c : 0.7 * c, (m % 3 == 0 ? 0.3 : -0.4) * c)
      })
  }
}

@Suite("Störmer–Cowell PEC (fixed-step multistep)")
struct StormerCowellTests {
  static let start = Epoch(wholeSeconds: 700_000_000, fraction: 0.25)

  func polynomialRun(degree: Int, step: Double, steps: Int)
    throws -> (position: Double, velocity: Double, scale: Double)
  {
    let system = PolynomialAcceleration.ofDegree(degree)
    let initial = CartesianState(
      epoch: Self.start, frame: .gcrf, position: system.position(at: 0),
      velocity: system.velocity(at: 0))
    let p = NumericalPropagator(
      dynamics: system, integrator: StormerCowell(), options: .fixed(step: step))
    var session = try p.session(from: initial)
    let t = step * Double(steps)
    #expect(try session.propagate(to: Self.start + t) == .reachedTarget)
    let dr = (session.state.position - system.position(at: t)).norm
    let dv = (session.state.velocity - system.velocity(at: t)).norm
    return (dr, dv, system.position(at: t).norm)
  }

  @Test("Positions and velocities of a degree-12 polynomial are exact (order 11)", .tags(.property))
  func polynomialExactness() throws {
    // 9 RKN12(10) start steps (exact to degree 12 as well) and 6 multistep steps of 20 s
    // (half of τ: large steps, so that a truncation error would show above rounding).
    let exact = try polynomialRun(degree: 12, step: 20, steps: 15)
    // Rounding only: the coefficients reach 16 in size, a few ulps of |r| per step summed
    // twice by the second-difference form.
    #expect(exact.position <= 1e-12 * exact.scale, "position error \(exact.position) m")
    #expect(exact.velocity <= 1e-11 * exact.scale / 40, "velocity error \(exact.velocity) m/s")
    // A degree-14 polynomial is not integrated exactly: the check above can fail.
    let inexact = try polynomialRun(degree: 14, step: 20, steps: 15)
    #expect(inexact.position > 1e-9 * inexact.scale, "degree 14: \(inexact.position) m")
  }

  @Test("Two-body, ISS orbit, 1 day at 60 s: within 1 mm of the closed form, one evaluation a step", .tags(.property))
  func twoBody() throws {
    let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)
    let run = try NumericalFixture.run(dynamics, StormerCowell(), options: .fixed(step: 60))
    let truth = try NumericalFixture.kepler(at: run.state.epoch)
    let error = (run.state.position - truth.position).norm
    // Acceptance criterion of issue 4 (≤ 1 mm after one day); 0.07 mm in the prototype.
    #expect(error <= 1e-3, "\(error) m")
    // 1 μm/s matches 1 mm on this orbit (n·1 mm ≈ 1.1 μm/s).
    #expect((run.state.velocity - truth.velocity).norm <= 1e-6)
    // 1,440 steps: the first evaluation, 9 start steps of 17, then 1,431 steps of one.
    #expect(run.accepted == 1440)
    #expect(run.evaluations == 1 + 9 * 17 + 1431)
  }

  @Test("A step that does not divide the arc restarts the history and stays accurate", .tags(.property))
  func offGridEnd() throws {
    let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)
    // 43,210 s at 70 s: 617 steps and a last one of 20 s (a one-step RKN12(10) restart).
    let run = try NumericalFixture.run(
      dynamics, StormerCowell(), options: .fixed(step: 70), duration: 43_210)
    let truth = try NumericalFixture.kepler(at: run.state.epoch)
    #expect((run.state.position - truth.position).norm <= 1e-3)
    #expect(run.accepted == 618)
    #expect(run.evaluations == 1 + 9 * 17 + 608 + 17)
  }

  @Test("Backward over a day: within 1 mm of the closed form", .tags(.property))
  func backward() throws {
    let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)
    let end = try NumericalFixture.kepler(at: NumericalFixture.epoch + NumericalFixture.day)
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: StormerCowell(), options: .fixed(step: 60))
    var session = try p.session(from: end)
    #expect(try session.propagate(to: NumericalFixture.epoch) == .reachedTarget)
    let error = (session.state.position - NumericalFixture.issState.position).norm
    #expect(error <= 1e-3, "\(error) m")
  }

  @Test("Ephemeris from the quintic dense output: within 1 mm of the closed form", .tags(.property))
  func denseOutput() throws {
    let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: StormerCowell(), options: .fixed(step: 72))
    var session = try p.session(from: NumericalFixture.issState)
    // 25 s does not divide 72 s: most samples fall inside steps.
    let states = try session.ephemeris(to: NumericalFixture.epoch + 21_600, outputStep: 25).states
    #expect(states.count == 865)
    var worst = 0.0
    var worstVelocity = 0.0
    for s in states {
      let truth = try NumericalFixture.kepler(at: s.epoch)
      worst = max(worst, (s.position - truth.position).norm)
      worstVelocity = max(worstVelocity, (s.velocity - truth.velocity).norm)
    }
    print("Störmer–Cowell ephemeris, 6 h at 25 s from 72 s steps: max error \(worst) m, \(worstVelocity) m/s")
    // Quintic Hermite on 72 s steps: ≈ 40 µm of interpolation error at mid-step
    // (h⁶·n⁶·r/(6!·64)) on top of the propagation.
    #expect(worst <= 1e-3, "\(worst) m")
    #expect(worstVelocity <= 1e-5, "\(worstVelocity) m/s")
  }

  @Test("Adaptive options are refused: the method has no error estimate", .tags(.validation))
  func needsFixedStep() {
    let p = NumericalPropagator(
      dynamics: TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu),
      integrator: StormerCowell(), options: IntegratorOptions(tolerance: NumericalFixture.tight))
    #expect(throws: NumericalPropagationError.invalidOptions(.fixedStepRequired)) {
      _ = try p.session(from: NumericalFixture.issState)
    }
  }
}
