// Point mass + J2 over one day against heyoka (Taylor method, tolerance 1e-15): a validation
// test against an independent integrator. Data: Tests/ReferenceData/heyoka (see PROVENANCE.md).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Numerical: point mass + J2 vs heyoka, ISS orbit, 1 day")
struct NumericalJ2ReferenceTests {
  static let csv = "heyoka/iss_j2_1day.csv"

  struct Row {
    var t: Double
    var position: Vector3
    var velocity: Vector3
  }

  static func rows() throws -> [Row] {
    try ReferenceData.verifySHA256(
      csv, expected: "7a213c545368c7c11442475ceec39a8f606020b06dacea5b568db331728636a1")
    return try ReferenceData.csvTable(csv).rows.map { f in
      let v = f.map { Double($0)! }
      return Row(
        t: v[0], position: Vector3(v[1], v[2], v[3]), velocity: Vector3(v[4], v[5], v[6]))
    }
  }

  /// WGS-84 μ, R and J2, the constants the reference was generated with.
  let dynamics = J2Dynamics(body: .wgs84)

  @Test("The dynamics use the reference's constants", .tags(.validation))
  func constants() {
    // Exact equality: the CSV header records these doubles (μ, R, J2 = √5·0.484166774985e-3).
    #expect(dynamics.gravitationalParameter == 3.986004418e14)
    #expect(dynamics.referenceRadius == 6378137.0)
    #expect(dynamics.j2 == 0.0010826298213133048)
  }

  func check<M: Integrator>(
    _ method: M, name: String, tolerance: IntegrationTolerance
  ) throws where M.System == J2Dynamics {
    try check(method, name: name, options: IntegratorOptions(tolerance: tolerance))
  }

  func check<M: Integrator>(
    _ method: M, name: String, options: IntegratorOptions
  ) throws where M.System == J2Dynamics {
    let rows = try Self.rows()
    let first = rows[0]
    let start = CartesianState(
      epoch: NumericalFixture.epoch, frame: .gcrf, position: first.position,
      velocity: first.velocity)
    let propagator = NumericalPropagator(dynamics: dynamics, integrator: method, options: options)
    var session = try propagator.session(from: start)
    var worst = 0.0
    for row in rows.dropFirst() {
      let outcome = try session.propagate(to: NumericalFixture.epoch + row.t)
      #expect(outcome == .reachedTarget)
      let s = session.cartesianState
      let dr = (s.position - row.position).norm
      worst = max(worst, dr)
      // Acceptance criterion of issue 4: ≤ 1 mm over the day (the reference itself agrees
      // with an extended-precision run to 0.7 µm).
      #expect(dr <= 1e-3, "\(name) at t = \(row.t) s: \(dr) m")
      // The matching velocity bound: 1 mm of position error on this orbit is ~1 µm/s.
      #expect((s.velocity - row.velocity).norm <= 1e-6, "\(name) velocity at t = \(row.t) s")
    }
    print("\(name) J2 vs heyoka, 1 day: max position error \(worst) m, steps \(session.acceptedSteps)+\(session.rejectedSteps), evaluations \(session.evaluationCount)")
  }

  @Test("DP8(7) agrees with heyoka to 1 mm every hour", .tags(.validation))
  func dormandPrince87() throws { 
    // 10× tighter than `NumericalFixture.tight`: at that tolerance DP8(7) lands at 0.70 mm,
    // too close to the 1 mm criterion for comfort.
    try check(
      DormandPrince87(), name: "DP8(7)",
      tolerance: IntegrationTolerance(position: 1e-8, velocity: 1e-11, relative: 1e-14))
   }

  @Test("RKN12(10) agrees with heyoka to 1 mm every hour", .tags(.validation))
  func nystrom1210() throws { 
    try check(RungeKuttaNystrom1210(), name: "RKN12(10)", tolerance: NumericalFixture.tight)
   }

  @Test("RKN12(10) at a fixed 600 s step (no error estimate) agrees with heyoka to 1 mm", .tags(.validation))
  func nystrom1210FixedStep() throws {
    // 144 steps a day; 120 steps (720 s) measured 0.66 mm at the end of the day, so 600 s has
    // a margin of about 9× (error ∝ h¹²).
    try check(RungeKuttaNystrom1210(), name: "RKN12(10) h = 600 s", options: .fixed(step: 600))
  }

  @Test("Störmer–Cowell PEC at a fixed 60 s step agrees with heyoka to 1 mm every hour", .tags(.validation))
  func stormerCowell() throws {
    // 1,440 steps a day, one evaluation each once started (the hourly targets fall on the step
    // grid, so the history carries on). Prototype: 0.07 mm at 60 s, 0.51 mm at 72 s a day.
    try check(StormerCowell(), name: "SC11(PEC) h = 60 s", options: .fixed(step: 60))
  }
}
