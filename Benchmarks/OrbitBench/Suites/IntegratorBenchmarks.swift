// Integrators: the issue-4 work-precision problem (ISS point mass + J2, 1 day) for RK4, DP5(4),
// DP8(7), RKN12(10) and Störmer–Cowell at several tolerances or steps, each case checking its final position against the
// heyoka reference; and batch propagation (1,024 ISS-like orbits, 1 revolution, SIMD lanes).
//
// Reference: Tests/ReferenceData/heyoka/iss_j2_1day.csv (heyoka 7.13.2 Taylor, tol 1e-15; its
// PROVENANCE.md), rows t = 0 and t = 86 400 s copied below. The same μ, R, J2 (WGS-84) as
// `CentralBody.wgs84`.

import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The work-precision problem: ISS-like orbit, point mass + J2 (WGS-84), 1 day.
enum WorkPrecisionProblem {
  /// Start epoch (any: the dynamics are autonomous).
  static let epoch = Epoch(wholeSeconds: 700_000_000, fraction: 0.25)
  /// Row t = 0 of the heyoka reference (m, m/s).
  static let start = CartesianState(
    epoch: epoch, frame: .gcrf,
    position: Vector3(1647549.141328451, 4938573.237699198, 4363051.5413714815),
    velocity: Vector3(-6799.21862656583, -775.7329388873605, 3446.573414571518))
  /// Row t = 86 400 s of the heyoka reference (m).
  static let finalPosition = Vector3(-2036922.7806587594, -4783159.517674164, -4385318.831498253)
  /// Duration (s).
  static let duration = 86_400.0
  /// WGS-84 point mass + J2.
  static let dynamics = J2Dynamics(body: .wgs84)
}

/// One point of a work-precision sweep.
struct IntegratorCase {
  /// Benchmark name, e.g. `RKN1210/ISS-J2-1day/rtol=1e-12`.
  var name: String
  /// Series label in the chart, e.g. `RKN12(10)`.
  var method: String
  /// Tolerance label (relative tolerance, or the fixed step for RK4).
  var setting: String
  /// Largest final-position error the check accepts (m): the measured error with margin, so a
  /// change in the integrator's accuracy fails the run.
  var errorLimit: Double
  /// One propagation: final position (m), accepted steps, derivative evaluations.
  var run: () -> (position: Vector3, steps: Int, evaluations: Int)
}

/// Propagates the work-precision problem once.
@inline(never)
func propagateWorkPrecision<M: Integrator>(
  _ method: M, options: IntegratorOptions
) -> (position: Vector3, steps: Int, evaluations: Int) where M.System == J2Dynamics {
  let propagator = NumericalPropagator(
    dynamics: WorkPrecisionProblem.dynamics, integrator: method, options: options)
  do {
    var session = try propagator.session(from: WorkPrecisionProblem.start)
    let outcome = try session.propagate(to: WorkPrecisionProblem.epoch + WorkPrecisionProblem.duration)
    guard outcome == .reachedTarget else { return (Vector3(.nan, .nan, .nan), 0, 0) }
    return (session.state.position, session.acceptedSteps, session.evaluationCount)
  } catch {
    return (Vector3(.nan, .nan, .nan), 0, 0)
  }
}

/// Relative-tolerance options (absolute parts zero: the scale is |r| and |v|).
func relativeOptions(_ rtol: Double) -> IntegratorOptions {
  IntegratorOptions(tolerance: IntegrationTolerance(position: 0, velocity: 0, relative: rtol))
}

/// The single-orbit work-precision sweep (ordered by method, then by cost).
func integratorWorkPrecisionCases() -> [IntegratorCase] {
  var cases: [IntegratorCase] = []
  func label(_ x: Double) -> String {
    let e = Int(log10(x).rounded(.down))
    let m = Int((x / pow(10, Double(e))).rounded())
    return m == 1 ? "1e\(e)" : "\(m)e\(e)"
  }
  // RK4, fixed step (s), and the error limit (m) for each.
  for (step, limit) in [(60.0, 5_000.0), (30.0, 200.0), (15.0, 8.0), (7.5, 0.4), (3.75, 0.02)] {
    let stepLabel = step == step.rounded() ? "\(Int(step))s" : "\(step)s"
    cases.append(
      IntegratorCase(
        name: "RK4/ISS-J2-1day/h=\(stepLabel)", method: "RK4", setting: "h = \(stepLabel)",
        errorLimit: limit,
        run: { propagateWorkPrecision(RungeKutta4<J2Dynamics>(), options: .fixed(step: step)) }))
  }
  for (rtol, limit) in [(1e-8, 500.0), (1e-9, 80.0), (1e-10, 10.0), (1e-11, 1.0), (1e-12, 0.1)] {
    cases.append(
      IntegratorCase(
        name: "DP54/ISS-J2-1day/rtol=\(label(rtol))", method: "DP5(4)", setting: "rtol \(label(rtol))",
        errorLimit: limit,
        run: { propagateWorkPrecision(DormandPrince54<J2Dynamics>(), options: relativeOptions(rtol)) }))
  }
  for (rtol, limit) in [(1e-9, 20.0), (1e-10, 2.0), (1e-11, 0.2), (1e-12, 0.02), (1e-13, 2e-3), (1e-14, 2e-4)] {
    cases.append(
      IntegratorCase(
        name: "DP87/ISS-J2-1day/rtol=\(label(rtol))", method: "DP8(7)", setting: "rtol \(label(rtol))",
        errorLimit: limit,
        run: { propagateWorkPrecision(DormandPrince87<J2Dynamics>(), options: relativeOptions(rtol)) }))
  }
  // 9e-11 is the issue-4 target point (≤ 1 mm; 0.83 mm in 110 steps when measured).
  for (rtol, limit) in [(1e-8, 2.0), (1e-9, 0.08), (3e-10, 0.02), (1e-10, 3e-3), (9e-11, 1e-3), (3e-11, 1e-3), (1e-11, 1e-4), (1e-12, 1e-5), (1e-13, 1e-5)] {
    cases.append(
      IntegratorCase(
        name: "RKN1210/ISS-J2-1day/rtol=\(label(rtol))", method: "RKN12(10)",
        setting: "rtol \(label(rtol))", errorLimit: limit,
        run: {
          propagateWorkPrecision(RungeKuttaNystrom1210<J2Dynamics>(), options: relativeOptions(rtol))
        }))
  }
  // RKN12(10) at a fixed step (s): no error estimate and no step-size control. Measured
  // (14:20 UTC): 90 steps 25 mm, 100 steps 6.6 mm, 120 steps 0.66 mm, so at equal cost the
  // adaptive steps are more accurate (110 steps: 0.83 mm).
  for (step, limit) in [(960.0, 0.05), (864.0, 0.01), (720.0, 1e-3)] {
    cases.append(
      IntegratorCase(
        name: "RKN1210/ISS-J2-1day/h=\(Int(step))s", method: "RKN12(10) fixed",
        setting: "h = \(Int(step)) s", errorLimit: limit,
        run: {
          propagateWorkPrecision(RungeKuttaNystrom1210<J2Dynamics>(), options: .fixed(step: step))
        }))
  }
  // Störmer–Cowell PEC (fixed step, one evaluation a step after nine RKN12(10) start steps).
  // Prototype errors: 86.4 s 4.6 mm, 80 s 1.8 mm, 72 s 0.51 mm, 60 s 0.07 mm.
  for (step, limit) in [(86.4, 0.01), (80.0, 4e-3), (72.0, 1e-3), (60.0, 2e-4)] {
    let stepLabel = step == step.rounded() ? "\(Int(step))" : "\(step)"
    cases.append(
      IntegratorCase(
        name: "SC11/ISS-J2-1day/h=\(stepLabel)s", method: "SC11(PEC)",
        setting: "h = \(stepLabel) s", errorLimit: limit,
        run: { propagateWorkPrecision(StormerCowell<J2Dynamics>(), options: .fixed(step: step)) }))
  }
  return cases
}

func registerIntegratorBenchmarks(into registry: inout BenchmarkRegistry) {
  struct State {
    var position = Vector3(.nan, .nan, .nan)
    var steps = 0
    var evaluations = 0
  }
  for c in integratorWorkPrecisionCases() {
    registry.register(
      c.name, tags: ["end-to-end"],
      setup: { State() },
      body: { s in
        let r = c.run()
        s.position = r.position
        s.steps = r.steps
        s.evaluations = r.evaluations
      },
      check: { s in
        let error = (s.position - WorkPrecisionProblem.finalPosition).norm
        return .expect(
          error <= c.errorLimit,
          "final position differs from heyoka by \(error) m (limit \(c.errorLimit) m; \(s.steps) steps)")
      })
  }
  registerBatchBenchmarks(into: &registry)
  registerFieldIntegratorBenchmarks(into: &registry)
}

// MARK: - An expensive force model: EGM96 20×20, one day

/// The ISS start state under EGM96 20×20 (ITRF field, tabulated Earth orientation), one day:
/// the force model dominates the cost, so the number of evaluations decides. Error against
/// RKN12(10) at rtol 1e-13 (no outside reference: a speed comparison, not a validation).
enum FieldProblem {
  typealias Dynamics = ForceModelSecondOrderDynamics<SphericalHarmonicGravity>
  static let dynamics = Dynamics(
    forces: .egm96(degree: 20, order: 20), referenceEpoch: WorkPrecisionProblem.epoch,
    earthOrientation: EarthOrientationModel(
      tabulatedFrom: WorkPrecisionProblem.epoch - 3_600, to: WorkPrecisionProblem.epoch + 90_000))

  @inline(never)
  static func run<M: Integrator>(_ method: M, options: IntegratorOptions) -> (Vector3, Int)
  where M.System == Dynamics {
    let propagator = NumericalPropagator(dynamics: dynamics, integrator: method, options: options)
    do {
      var session = try propagator.session(from: WorkPrecisionProblem.start)
      let outcome = try session.propagate(to: WorkPrecisionProblem.epoch + WorkPrecisionProblem.duration)
      guard outcome == .reachedTarget else { return (Vector3(.nan, .nan, .nan), 0) }
      return (session.state.position, session.evaluationCount)
    } catch {
      return (Vector3(.nan, .nan, .nan), 0)
    }
  }

  /// The final position of the tight reference run (computed once).
  static let reference: Vector3 = run(RungeKuttaNystrom1210<Dynamics>(), options: relativeOptions(1e-13)).0
}

func registerFieldIntegratorBenchmarks(into registry: inout BenchmarkRegistry) {
  struct State {
    var position = Vector3(.nan, .nan, .nan)
    var evaluations = 0
  }
  // Steps for ≈ 1 mm (measured against the reference, itself good to ≈ 1 mm: RKN12(10) at 480 s
  // and at 360 s differ from it by 1.0 and 1.5 mm): the field's degree-20 terms vary 20 times a
  // revolution, so both methods need shorter steps than for J2 alone (RKN12(10) 720 s: 2.0 m;
  // Störmer–Cowell 72 s: 3.5 m, 45 s: 68 mm, 30 s: 0.5 mm).
  let cases: [(String, Double, () -> (Vector3, Int))] = [
    ("Field/ISS-EGM96-20x20-1day/RKN1210/h=480s", 5e-3, {
      FieldProblem.run(RungeKuttaNystrom1210<FieldProblem.Dynamics>(), options: .fixed(step: 480))
    }),
    ("Field/ISS-EGM96-20x20-1day/RKN1210/rtol=9e-11", 5e-3, {
      FieldProblem.run(RungeKuttaNystrom1210<FieldProblem.Dynamics>(), options: relativeOptions(9e-11))
    }),
    ("Field/ISS-EGM96-20x20-1day/SC11/h=30s", 5e-3, {
      FieldProblem.run(StormerCowell<FieldProblem.Dynamics>(), options: .fixed(step: 30))
    }),
  ]
  for (name, limit, run) in cases {
    registry.register(
      name, tags: ["end-to-end"],
      setup: { State() },
      body: { s in
        let r = run()
        s.position = r.0
        s.evaluations = r.1
      },
      check: { s in
        let error = (s.position - FieldProblem.reference).norm
        print("  \(name): \(error) m from the reference, \(s.evaluations) evaluations")
        return .expect(
          error <= limit,
          "final position differs from RKN12(10) at rtol 1e-13 by \(error) m (limit \(limit) m; \(s.evaluations) evaluations)")
      })
  }
}

// MARK: - Batch: 1,024 ISS-like orbits, one revolution

/// The batch problem: 1,024 ISS-like orbits (the generator of
/// Benchmarks/peers/integrator_peers.py, `batch_orbits`), point mass + J2, one revolution of the
/// a = 6796 km orbit.
enum BatchProblem {
  static let count = 1_024
  static let mu = 3.986004418e14
  /// One revolution of a = 6796 km (s).
  static let duration = 2 * Double.pi * (6796.0e3 * 6796.0e3 * 6796.0e3 / mu).squareRoot()

  /// Osculating elements to Cartesian (the same formula as the Python peer).
  static func state(a: Double, e: Double, i: Double, raan: Double, argp: Double, nu: Double)
    -> (Vector3, Vector3)
  {
    let p = a * (1 - e * e)
    let r = p / (1 + e * cos(nu))
    let rp = (r * cos(nu), r * sin(nu))
    let s = (mu / p).squareRoot()
    let vp = (-s * sin(nu), s * (e + cos(nu)))
    let (co, so, cw, sw, ci, si) = (cos(raan), sin(raan), cos(argp), sin(argp), cos(i), sin(i))
    let m = [
      (co * cw - so * sw * ci, -co * sw - so * cw * ci), (so * cw + co * sw * ci, -so * sw + co * cw * ci),
      (sw * si, cw * si),
    ]
    let pos = Vector3(
      m[0].0 * rp.0 + m[0].1 * rp.1, m[1].0 * rp.0 + m[1].1 * rp.1, m[2].0 * rp.0 + m[2].1 * rp.1)
    let vel = Vector3(
      m[0].0 * vp.0 + m[0].1 * vp.1, m[1].0 * vp.0 + m[1].1 * vp.1, m[2].0 * vp.0 + m[2].1 * vp.1)
    return (pos, vel)
  }

  /// The initial states.
  static func initialStates() -> BatchOrbitStates {
    var positions: [Vector3] = []
    var velocities: [Vector3] = []
    let deg = Double.pi / 180
    for k in 0..<count {
      let (r, v) = state(
        a: 6796.0e3 + 1.0e3 * Double(k % 41 - 20), e: 0.0002 + 0.0001 * Double(k % 7),
        i: (51.64 + 0.01 * Double(k % 13)) * deg, raan: 2 * Double.pi * Double(k) / Double(count),
        argp: (45.0 + 3.0 * Double(k % 17)) * deg,
        nu: (37.0 * Double(k)).truncatingRemainder(dividingBy: 360) * deg)
      positions.append(r)
      velocities.append(v)
    }
    return BatchOrbitStates(positions: positions, velocities: velocities)
  }

  /// Final positions (m) of every orbit from scalar RKN12(10) sessions at a tight tolerance
  /// (1e-14 relative; within 1 µm of heyoka on the 1-day problem).
  static func referencePositions(_ start: BatchOrbitStates) -> [Vector3] {
    let propagator = NumericalPropagator(
      dynamics: WorkPrecisionProblem.dynamics, integrator: RungeKuttaNystrom1210<J2Dynamics>(),
      options: relativeOptions(1e-14))
    let epoch = WorkPrecisionProblem.epoch
    return (0..<start.count).map { i in
      let s0 = CartesianState(
        epoch: epoch, frame: .gcrf, position: start.position(at: i), velocity: start.velocity(at: i))
      guard var session = try? propagator.session(from: s0),
        (try? session.propagate(to: epoch + duration)) == .reachedTarget
      else { return Vector3(.nan, .nan, .nan) }
      return session.state.position
    }
  }
}

/// One batch case: lane width, threads, options, error limit (m).
struct BatchCase {
  var name: String
  var laneWidth: BatchLaneWidth
  var threads: Int
  var options: IntegratorOptions
  var errorLimit: Double
}

func batchCases() -> [BatchCase] {
  var cases: [BatchCase] = []
  for (rtol, limit) in [(1e-10, 1e-4), (1e-11, 1e-5), (1e-12, 2e-6)] {
    let e = Int(log10(rtol).rounded(.down))
    let mantissa = Int((rtol / pow(10, Double(e))).rounded())
    for lanes in BatchLaneWidth.allCases {
      for threads in [1, 2] {
        cases.append(
          BatchCase(
            name: "Batch/ISS-J2-1rev/1024/SIMD\(lanes.rawValue)/rtol=\(mantissa)e\(e)/threads=\(threads)",
            laneWidth: lanes, threads: threads, options: relativeOptions(rtol), errorLimit: limit))
      }
    }
  }
  // Fixed steps: 7, 8, 10 and 14 steps per revolution.
  for (step, limit) in [(800.0, 1e-4), (700.0, 1e-4), (600.0, 1e-5), (400.0, 1e-6)] {
    for lanes in BatchLaneWidth.allCases {
      for threads in step == 800 ? [1, 2] : [1] {
        cases.append(
          BatchCase(
            name: "Batch/ISS-J2-1rev/1024/SIMD\(lanes.rawValue)/fixed-h=\(Int(step))s/threads=\(threads)",
            laneWidth: lanes, threads: threads, options: .fixed(step: step), errorLimit: limit))
      }
    }
  }
  return cases
}

/// The result of one batch run and its error against the scalar references.
struct BatchRunState {
  var start: BatchOrbitStates
  var reference: [Vector3]
  var final: BatchOrbitStates
  var statistics = BatchStatistics()

  /// The largest final-position difference from the scalar references (m).
  var maxError: Double {
    var worst = 0.0
    for i in 0..<reference.count {
      let d = (final.position(at: i) - reference[i]).norm
      if !(d <= worst) { worst = d }  // NaN propagates
    }
    return worst
  }
}

/// Shared setup: the batch start states and their references (computed once per process).
let batchSetup: (BatchOrbitStates, [Vector3]) = {
  let start = BatchProblem.initialStates()
  return (start, BatchProblem.referencePositions(start))
}()

@inline(never)
func runBatch(_ c: BatchCase, _ s: inout BatchRunState) {
  let propagator = BatchPropagator(
    dynamics: WorkPrecisionProblem.dynamics, options: c.options, laneWidth: c.laneWidth)
  s.final = s.start
  let epoch = WorkPrecisionProblem.epoch
  do {
    s.statistics = try propagator.propagate(
      &s.final, from: epoch, to: epoch + BatchProblem.duration, threads: c.threads)
  } catch {
    s.final.x[0] = .nan
  }
}

func registerBatchBenchmarks(into registry: inout BenchmarkRegistry) {
  for c in batchCases() {
    registry.register(
      c.name, items: BatchProblem.count, tags: ["end-to-end"],
      setup: {
        let (start, reference) = batchSetup
        return BatchRunState(start: start, reference: reference, final: start)
      },
      body: { s in runBatch(c, &s) },
      check: { s in
        let error = s.maxError
        return .expect(
          error <= c.errorLimit && s.statistics.stepLimitGroups == 0,
          "largest final-position difference from scalar RKN12(10) is \(error) m (limit \(c.errorLimit) m)")
      })
  }
}
