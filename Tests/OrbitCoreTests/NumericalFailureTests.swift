// Typed failures and outcomes added with events: impact, a non-finite event function, the
// Propagator view's errors.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Numerical: impact and event failures are typed")
struct NumericalFailureTests {
  let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)
  let sphere = AltitudeReference.sphere(radius: 6_378_137)

  func propagator(_ detectors: [any EventDetector]) -> NumericalPropagator<TwoBodyDynamics, DormandPrince87<TwoBodyDynamics>> {
    NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(), options: IntegratorOptions(tolerance: EventFixture.tight),
      detectors: detectors)
  }

  @Test("A trajectory through the surface ends in an .impact outcome at the surface", .tags(.property))
  func impact() throws {
    // Perigee radius 6 365 km < 6 378 km: the orbit hits the sphere.
    let s0 = try EventFixture.state(a: 6_700_000, e: 0.05, iDeg: 51.6, raanDeg: 0, argpDeg: 0, nuDeg: 120)
    var session = try propagator([ImpactDetector(reference: sphere)]).session(from: s0)
    let outcome = try session.propagate(to: EventFixture.epoch + 86_400)
    guard case .impact(let occurrence) = outcome else {
      Issue.record("expected .impact, got \(outcome)")
      return
    }
    // At the surface: 1 µs of the ~1 km/s descent is 1 mm.
    #expect(abs(session.state.position.norm - 6_378_137) < 1e-3)
    #expect(occurrence.kind == .impact)
    #expect(session.epoch == occurrence.epoch)
    // Through the Propagator protocol it is an error.
    var view = try propagator([ImpactDetector(reference: sphere)]).session(from: s0).asPropagator()
    #expect(throws: PropagationError.impact(epoch: occurrence.epoch)) {
      _ = try view.propagate(to: EventFixture.epoch + 86_400)
    }
  }

  @Test("Starting below the surface is an immediate .impact, with the WGS-84 ellipsoid", .tags(.property))
  func startBelowSurface() throws {
    var s0 = NumericalFixture.issState
    s0.position = 6_300_000 * s0.position.unit
    var session = try propagator([ImpactDetector()]).session(from: s0)
    let outcome = try session.propagate(to: EventFixture.epoch + 100)
    guard case .impact(let occurrence) = outcome else {
      Issue.record("expected .impact, got \(outcome)")
      return
    }
    #expect(occurrence.epoch == EventFixture.epoch)
    #expect(session.acceptedSteps == 0)
  }

  @Test("Invalid detectors and non-OrbitState dynamics are rejected", .tags(.property))
  func invalidDetectors() throws {
    let bad = NodeDetector(maxCheckInterval: 0)
    #expect(throws: PropagationError.invalidOptions(.detector(index: 1))) {
      _ = try propagator([NodeDetector(), bad]).session(from: NumericalFixture.issState)
    }
    #expect(NumericalPropagationError.self == PropagationError.self)
  }

  @Test("A terminal event before the target is an error through the Propagator view", .tags(.property))
  func stopThroughView() throws {
    var view = try propagator([NodeDetector(direction: .increasing, isTerminal: true)])
      .session(from: NumericalFixture.issState).asPropagator()
    do {
      _ = try view.propagate(to: EventFixture.epoch + 10_000)
      Issue.record("expected stoppedByEvent")
    } catch {
      guard case .stoppedByEvent(let epoch, let detector) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(detector == 0)
      #expect(abs(view.session.state.position.z) < 1e-2)  // at the node (1 µs × 7.7 km/s sin i)
      #expect(view.session.epoch == epoch)
    }
  }
}
