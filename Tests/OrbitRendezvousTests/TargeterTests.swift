// The differential corrector on a J2 numerical model, started from the two-body Lambert solution.

import OrbitCore
import OrbitRendezvous
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

@Suite
struct TargeterTests {
  static let body = CentralBody.wgs84
  static let epoch = Epoch(wholeSeconds: 0, fraction: 0)

  /// J2 propagation (DormandPrince87, 1e-7 m / 1e-10 m/s per step): the model being targeted.
  static func propagateJ2(_ s: CartesianState, _ to: Epoch) throws(PropagationError)
    -> CartesianState
  {
    let p = NumericalPropagator(
      dynamics: J2Dynamics(body: body), integrator: DormandPrince87(),
      options: IntegratorOptions(tolerance: IntegrationTolerance(position: 1e-7, velocity: 1e-10)))
    var session = try p.session(from: s)
    _ = try session.propagate(to: to)
    return session.cartesianState
  }

  /// A 40-minute transfer from a 6,700 km circular orbit to a point 150 km higher and 150° on:
  /// Lambert (two-body) misses by kilometres under J2; the corrector fixes the burn to 1 mm.
  @Test(arguments: [false, true])
  func correctsLambertGuessUnderJ2(varyBurnTime: Bool) throws {
    let mu = Self.body.gravitationalParameter
    let r0 = 6_700e3
    let inc = 51.6 * Double.pi / 180
    let v0 = (mu / r0).squareRoot()
    let start = CartesianState(
      epoch: Self.epoch, frame: .gcrf, position: Vector3(r0, 0, 0),
      velocity: Vector3(0, v0 * cos(inc), v0 * sin(inc)))
    let theta = 150 * Double.pi / 180
    let target = 6_850e3 * Vector3(cos(theta), sin(theta) * cos(inc), sin(theta) * sin(inc))
    let tof = 2_400.0
    let arrival = Self.epoch + tof
    let lambert = try LambertSolver(mu: mu).solve(
      from: start.position, to: target, timeOfFlight: tof, maxRevolutions: 0)[0]
    let guess = lambert.departureVelocity - start.velocity
    // The two-body guess under J2: a miss of kilometres (so the test has something to correct).
    var kicked = start
    kicked.velocity += guess
    let twoBodyMiss = (try Self.propagateJ2(kicked, arrival).position - target).norm
    let transfer = try Targeter().targetPosition(
      from: start, deltaV: guess, arrival: arrival, target: target, positionTolerance: 1e-3,
      varyBurnTime: varyBurnTime, propagate: Self.propagateJ2)
    // Independent check: re-propagate the corrected burn.
    var check = transfer.postBurnState
    check.epoch = transfer.burnEpoch
    let miss = (try Self.propagateJ2(check, arrival).position - target).norm
    print(
      "targeter (J2, vary burn time: \(varyBurnTime)): Lambert guess misses by \(twoBodyMiss) m, corrected miss \(miss) m, |dv - dv_lambert| = \((transfer.deltaV - guess).norm) m/s, \(transfer.iterations) iterations, \(transfer.evaluations) propagations, burn at +\(transfer.burnEpoch - Self.epoch) s"
    )
    #expect(twoBodyMiss > 100)
    // Converged: each component within 1 mm, so the norm within √3 mm.
    #expect(miss <= 1.8e-3)
    // The correction cannot exceed the velocity J2 can change over the arc: |a_J2| ≤
    // 3 J2 μ R²/r⁴ (≈ 0.026 m/s² at 6,700 km) times the time of flight (≈ 63 m/s here).
    let r4 = r0 * r0 * r0 * r0
    let req = Self.body.equatorialRadius
    let aJ2 = 3 * Self.body.j2 * mu * req * req / r4
    #expect((transfer.deltaV - guess).norm < aJ2 * tof)
    #expect(transfer.iterations <= 6)
  }

  @Test func rejectsInconsistentProblems() {
    #expect(throws: TargeterError.invalidProblem) {
      try Targeter().solve(initial: [1], perturbations: [], tolerances: [1]) {
        (x: [Double]) throws(PropagationError) -> [Double] in x
      }
    }
    // A variable with no effect: singular Jacobian.
    #expect(throws: TargeterError.singularJacobian(iteration: 1)) {
      try Targeter().solve(initial: [1, 1], perturbations: [1e-3, 1e-3], tolerances: [1e-6, 1e-6]) {
        (x: [Double]) throws(PropagationError) -> [Double] in [x[0] - 3, 2 * x[0] - 6]
      }
    }
    // A simple nonlinear square system converges: x² = 2, x·y = 1.
    let r = try? Targeter().solve(initial: [1, 1], perturbations: [1e-6, 1e-6], tolerances: [1e-12, 1e-12]) {
      (x: [Double]) throws(PropagationError) -> [Double] in [x[0] * x[0] - 2, x[0] * x[1] - 1]
    }
    #expect(r != nil)
    if let r { expectClose(r.variables[0], 2.0.squareRoot(), absolute: 1e-11) }
  }
}
