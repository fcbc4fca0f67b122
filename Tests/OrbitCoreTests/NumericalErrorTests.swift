// Bad input and failures of the numerical propagator: typed errors, never crashes.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Numerical: typed errors and outcomes")
struct NumericalErrorTests {
  let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)

  @Test("A non-finite initial state is a typed error", .tags(.property))
  func nonFiniteInitialState() throws {
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(),
      options: IntegratorOptions(tolerance: NumericalFixture.tight))
    var bad = NumericalFixture.issState
    bad.velocity.y = .nan
    #expect(throws: NumericalPropagationError.nonFiniteState(epoch: NumericalFixture.epoch)) {
      _ = try p.session(from: bad)
    }
    bad = NumericalFixture.issState
    bad.position.x = .infinity
    #expect(throws: NumericalPropagationError.nonFiniteState(epoch: NumericalFixture.epoch)) {
      _ = try p.session(from: bad)
    }
  }

  @Test("A state at the singularity fails with a typed error", .tags(.property))
  func singularity() throws {
    // r = 0: the acceleration is NaN at the first step; no step size can fix it.
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince54(),
      options: IntegratorOptions(tolerance: NumericalFixture.tight, initialStep: 10))
    var s = NumericalFixture.issState
    s.position = .zero
    var session = try p.session(from: s)
    #expect(throws: NumericalPropagationError.self) {
      _ = try session.propagate(to: NumericalFixture.epoch + 100)
    }
  }

  @Test("Step-size underflow is a typed error", .tags(.property))
  func stepSizeUnderflow() throws {
    // A 1e-12 m tolerance cannot be met with steps of at least 500 s on a LEO orbit.
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(),
      options: IntegratorOptions(
        tolerance: IntegrationTolerance(position: 1e-12, velocity: 1e-15), minStep: 500))
    var session = try p.session(from: NumericalFixture.issState)
    do {
      _ = try session.propagate(to: NumericalFixture.epoch + 86_400)
      Issue.record("expected a step-size underflow")
    } catch {
      guard case .stepSizeUnderflow(let epoch, let step) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(step < 500)
      #expect(epoch == NumericalFixture.epoch)
    }
  }

  @Test("The step limit is an outcome and the session resumes", .tags(.property))
  func stepLimit() throws {
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: RungeKutta4(), options: .fixed(step: 10, maxSteps: 100))
    var session = try p.session(from: NumericalFixture.issState)
    let target = NumericalFixture.epoch + 1500
    #expect(try session.propagate(to: target) == .stepLimit)
    #expect(session.epoch == NumericalFixture.epoch + 1000)
    #expect(try session.propagate(to: target) == .reachedTarget)
    #expect(session.epoch == target)
  }

  @Test("Invalid options are rejected before any step", .tags(.property))
  func invalidOptions() throws {
    let badTolerance = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince54(),
      options: IntegratorOptions(tolerance: IntegrationTolerance(position: -1, velocity: 1)))
    #expect(throws: NumericalPropagationError.invalidOptions(.tolerance)) {
      _ = try badTolerance.session(from: NumericalFixture.issState)
    }
    let rk4Adaptive = NumericalPropagator(
      dynamics: dynamics, integrator: RungeKutta4(),
      options: IntegratorOptions(tolerance: NumericalFixture.tight))
    #expect(throws: NumericalPropagationError.invalidOptions(.fixedStepRequired)) {
      _ = try rk4Adaptive.session(from: NumericalFixture.issState)
    }
    let ok = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince54(),
      options: IntegratorOptions(tolerance: NumericalFixture.tight))
    var session = try ok.session(from: NumericalFixture.issState)
    #expect(throws: NumericalPropagationError.invalidOptions(.outputStep)) {
      _ = try session.propagate(to: NumericalFixture.epoch + 10, outputStep: 0) { _, _ in }
    }
  }
}
