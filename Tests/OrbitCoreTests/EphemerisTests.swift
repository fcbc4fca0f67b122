// The interpolating ephemeris: accuracy at mid-points, span, discontinuities, and use as a
// propagator.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Ephemeris: Hermite interpolation of recorded states")
struct EphemerisTests {
  let dynamics = TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu)

  func record(step: Double, points: Int, detectors: [any EventDetector] = [], duration: Double = 5_600)
    throws -> (Ephemeris, PropagationOutcome)
  {
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(), options: IntegratorOptions(tolerance: EventFixture.tight),
      detectors: detectors)
    var session = try p.session(from: NumericalFixture.issState)
    return try session.recordEphemeris(
      to: EventFixture.epoch + duration, outputStep: step, interpolationPoints: points)
  }

  /// Largest position and velocity error at the mid-points of the grid against Kepler.
  func midpointError(_ eph: Ephemeris, step: Double) throws -> (Double, Double) {
    var worstR = 0.0, worstV = 0.0
    var t = 0.5 * step
    while t < eph.endEpoch - eph.startEpoch {
      let e = EventFixture.epoch + t
      let s = try eph.state(at: e)
      let truth = try NumericalFixture.kepler(at: e)
      worstR = max(worstR, (s.position - truth.position).norm)
      worstV = max(worstV, (s.velocity - truth.velocity).norm)
      t += step
    }
    return (worstR, worstV)
  }

  /// An ephemeris of closed-form (Kepler) states every `step` seconds over one orbit.
  func keplerEphemeris(step: Double, points: Int) throws -> Ephemeris {
    let states = try (0...Int(5_600 / step)).map { k in
      try NumericalFixture.kepler(at: EventFixture.epoch + Double(k) * step)
    }
    return try Ephemeris(states: states, interpolationPoints: points)
  }

  @Test("Interpolation error at mid-points of exact states, 60 s grid: degree 7 and cubic", .tags(.validation))
  func interpolationOnly() throws {
    let (r7, v7) = try midpointError(try keplerEphemeris(step: 60, points: 4), step: 60)
    let (r5, v5) = try midpointError(try keplerEphemeris(step: 60, points: 3), step: 60)
    let (r3, v3) = try midpointError(try keplerEphemeris(step: 60, points: 2), step: 60)
    print("ephemeris of exact states, 60 s: degree 7 \(r7) m \(v7) m/s; degree 5 \(r5) m \(v5) m/s; cubic \(r3) m \(v3) m/s")
    // Hermite remainder |r⁽²ᵐ⁾|·max∏(t − tₖ)²/(2m)! with |r⁽ᵏ⁾| ≈ nᵏ r (n = 1.13e-3 rad/s,
    // r = 6.8e6 m, h = 60 s) is ~1e-7 m for degree 7 and ~0.4 m for cubic; the degree-5 case
    // uses a one-sided third node (larger ∏). Bounds at about 2-3× the measured values.
    #expect(r7 < 1e-6)
    #expect(v7 < 1e-7)
    #expect(r5 < 3e-4)
    #expect(r3 < 0.5)
    #expect(v3 < 2e-2)
  }

  @Test("Ephemeris recorded from a run vs the closed form at mid-points", .tags(.validation))
  func recordedRun() throws {
    let (eph, outcome) = try record(step: 60, points: 4)
    #expect(outcome == .reachedTarget)
    #expect(eph.count == 95)
    let (r, v) = try midpointError(eph, step: 60)
    print("ephemeris recorded from DP8(7), 60 s: \(r) m, \(v) m/s")
    // Dominated by the stored states, taken from DP8(7)'s quintic dense output (≈ 60 µm,
    // NumericalDenseOutputTests), not by the degree-7 interpolation (< 1 µm).
    #expect(r < 2e-4)
    #expect(v < 1e-5)
    // Nodes are reproduced.
    let s = try eph.state(at: EventFixture.epoch + 600)
    #expect(s == eph.storedState(10))
  }

  @Test("Outside the span: a typed error", .tags(.property))
  func outside() throws {
    let (eph, _) = try record(step: 60, points: 4, duration: 600)
    #expect(throws: PropagationError.outsideValidity(
      epoch: EventFixture.epoch - 1, start: eph.startEpoch, end: eph.endEpoch)) {
      _ = try eph.state(at: EventFixture.epoch - 1)
    }
    #expect(throws: PropagationError.self) { _ = try eph.state(at: eph.endEpoch + 1e-3) }
    #expect(throws: PropagationError.invalidOptions(.ephemerisStates)) {
      _ = try Ephemeris(states: [NumericalFixture.issState])
    }
  }

  @Test("An impulsive maneuver splits the ephemeris: no polynomial spans the jump", .tags(.property))
  func discontinuity() throws {
    let date = EventFixture.epoch + 1000.5
    let burn = ImpulsiveManeuver(at: date, deltaV: Vector3(5, 0, 0), axes: .vnb, isp: .infinity)
    let (eph, _) = try record(step: 60, points: 4, detectors: [burn], duration: 3000)
    let pre = try NumericalFixture.kepler(at: date)
    var post = pre
    post.velocity += 5 * pre.velocity.unit
    let after = try KeplerPropagator(initialState: post, mu: NumericalFixture.mu)
    // At the maneuver epoch: the state after it.
    #expect((try eph.state(at: date).velocity - post.velocity).norm < 1e-6)
    // Just before and after: each side's own orbit (0.2 mm: the recorded states' dense-output
    // error, as in `recordedRun`; a polynomial across the 5 m/s jump would be off by metres).
    #expect((try eph.state(at: date - 10).position - NumericalFixture.kepler(at: date - 10).position).norm < 2e-4)
    #expect((try eph.state(at: date + 10).position - after.state(at: date + 10).position).norm < 2e-4)
  }

  @Test("An ephemeris drives a distance detector; the Propagator view of a session", .tags(.property))
  func asPropagator() throws {
    let (eph, _) = try record(step: 30, points: 4, duration: 3000)
    // The other object: the recorded ephemeris itself, so the distance to a copy of the
    // same orbit stays ~0 and a 1 km range detector never fires; past the ephemeris end the
    // detector cannot be evaluated: a typed error, not a silent zero.
    let p = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(), options: IntegratorOptions(tolerance: EventFixture.tight),
      detectors: [DistanceDetector(other: eph, mode: .range(1_000))])
    var session = try p.session(from: NumericalFixture.issState)
    #expect(try session.propagate(to: EventFixture.epoch + 2_000) == .reachedTarget)
    #expect(session.events.isEmpty)
    #expect(throws: PropagationError.self) { _ = try session.propagate(to: EventFixture.epoch + 4_000) }

    var view = try NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87(), options: IntegratorOptions(tolerance: EventFixture.tight)
    ).session(from: NumericalFixture.issState).asPropagator()
    #expect(view.initialState == NumericalFixture.issState)
    let s = try view.propagate(to: EventFixture.epoch + 1500)
    // The ephemeris and a direct run agree to the recorded states' dense-output error (0.2 mm).
    #expect((s.position - (try eph.state(at: EventFixture.epoch + 1500)).position).norm < 2e-4)
  }
}
