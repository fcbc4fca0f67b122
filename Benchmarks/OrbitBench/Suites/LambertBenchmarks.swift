// Lambert (Izzo's method): single solves on 1,000 LEO problems, zero-revolution and
// multi-revolution (one (N, branch) per problem, N = 1…5 alternating left/right).
//
// The problems are defined in closed form (an additive recurrence, no RNG) so that the peer
// script Benchmarks/peers/lambert_peers.py builds the same ones; keep the two in step.

import OrbitCore
import OrbitRendezvous

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One benchmark problem: positions (m), time of flight (s), revolutions and branch.
struct LambertCase {
  var r1: Vector3
  var r2: Vector3
  var timeOfFlight: Double
  var revolutions: Int
  var branch: LambertBranch
}

/// The fractional part of `x` (x ≥ 0).
@inline(__always) private func frac(_ x: Double) -> Double { x - x.rounded(.down) }

/// The k-th benchmark problem (k ≥ 0). Radii 6,600–8,000 km, transfer angle 7.2°–352.8° in a
/// plane inclined 51.6°; single-revolution time of flight 0.1–0.9 of the mean-radius period;
/// multi-revolution: N = 1 + k mod 5 and (N + 1 … N + 1.5) periods, left branch for even k.
/// N + 1 periods of the mean radius always admit N revolutions: T(x = 0) for N revolutions is at
/// most N + 1 periods of the minimum-energy ellipse (a_m = s/2 ≤ (r1 + r2)/2), and T_min ≤ T(0).
func lambertBenchmarkCase(_ k: Int, multiRevolution: Bool, mu: Double) -> LambertCase {
  // R3 additive recurrence (Roberts 2018): α_i = 1/φ₃^i, φ₃ ≈ 1.2207440846.
  let a1 = 0.8191725133961645
  let a2 = 0.6710436067037893
  let a3 = 0.5497004779019703
  let kd = Double(k)
  let r1n = 6_600e3 + 1_400e3 * frac(0.5 + kd * a1)
  let r2n = 6_600e3 + 1_400e3 * frac(0.5 + kd * a2)
  let theta = 2 * Double.pi * (0.02 + 0.96 * frac(0.1 + kd * a3))
  let inclination = 51.6 * Double.pi / 180
  let r1 = Vector3(r1n, 0, 0)
  let r2 = r2n * Vector3(cos(theta), sin(theta) * cos(inclination), sin(theta) * sin(inclination))
  let a = 0.5 * (r1n + r2n)
  let period = 2 * Double.pi * (a * a * a / mu).squareRoot()
  let u = frac(0.25 + kd * a1 + kd * a3)
  if multiRevolution {
    let n = 1 + k % 5
    return LambertCase(
      r1: r1, r2: r2, timeOfFlight: (Double(n) + 1 + 0.5 * u) * period, revolutions: n,
      branch: k % 2 == 0 ? .left : .right)
  }
  return LambertCase(
    r1: r1, r2: r2, timeOfFlight: (0.1 + 0.8 * u) * period, revolutions: 0, branch: .single)
}

@inline(never)
func kernelLambertSolve(
  _ solver: LambertSolver, _ cases: UnsafeBufferPointer<LambertCase>,
  _ out: UnsafeMutableBufferPointer<LambertSolution?>
) {
  for i in 0..<cases.count {
    let c = cases[i]
    out[i] = solver.solution(
      from: c.r1, to: c.r2, timeOfFlight: c.timeOfFlight, revolutions: c.revolutions,
      branch: c.branch)
  }
}

struct LambertBenchState {
  var solver: LambertSolver
  var cases: [LambertCase]
  var out: [LambertSolution?]
}

func registerLambertBenchmarks(into registry: inout BenchmarkRegistry) {
  let n = 1000
  let mu = CentralBody.wgs84.gravitationalParameter
  for (name, multi) in [("Lambert/Izzo/single-rev", false), ("Lambert/Izzo/multi-rev", true)] {
    registry.register(
      name, items: n, tags: ["kernel"],
      setup: { () -> LambertBenchState in
        let cases = (0..<n).map { lambertBenchmarkCase($0, multiRevolution: multi, mu: mu) }
        return LambertBenchState(
          solver: LambertSolver(mu: mu), cases: cases, out: Array(repeating: nil, count: n))
      },
      body: { s in
        let solver = s.solver
        s.cases.withUnsafeBufferPointer { c in
          s.out.withUnsafeMutableBufferPointer { o in kernelLambertSolve(solver, c, o) }
        }
      },
      check: { s in
        // Every problem is feasible; each arc re-propagated by KeplerPropagator must reach r2
        // within 1 m (the acceptance bound of the Lambert tests).
        var worst = 0.0
        let epoch = Epoch(wholeSeconds: 0, fraction: 0)
        for i in 0..<n {
          let c = s.cases[i]
          guard let sol = s.out[i] else {
            return .failed("no solution for case \(i) (N = \(c.revolutions), \(c.branch))")
          }
          do {
            let p = try KeplerPropagator(
              initialState: CartesianState(
                epoch: epoch, frame: .gcrf, position: c.r1, velocity: sol.departureVelocity),
              mu: mu)
            worst = max(worst, (try p.state(at: epoch + c.timeOfFlight).position - c.r2).norm)
          } catch {
            return .failed("case \(i): re-propagation failed: \(error)")
          }
        }
        return .expect(worst <= 1.0, "worst re-propagation miss \(worst) m")
      })
  }
}
