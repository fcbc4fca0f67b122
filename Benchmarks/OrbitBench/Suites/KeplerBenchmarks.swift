// Kepler's equation: the elliptic eccentric-anomaly solver over a fixed grid of (M, e).

import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

@inline(never)
func kernelKeplerSolve(
  _ meanAnomalies: UnsafeBufferPointer<Double>, _ eccentricities: UnsafeBufferPointer<Double>,
  _ out: UnsafeMutableBufferPointer<Double>
) {
  for i in 0..<out.count {
    out[i] = KeplerEquation.eccentricAnomaly(
      meanAnomaly: meanAnomalies[i], eccentricity: eccentricities[i])
  }
}

struct KeplerGridState {
  var meanAnomalies: [Double]
  var eccentricities: [Double]
  var out: [Double]
}

func registerKeplerBenchmarks(into registry: inout BenchmarkRegistry) {
  // 20 eccentricities × 50 mean anomalies = 1000 solves per iteration.
  let eccentricityGrid: [Double] =
    (0..<18).map { Double($0) * 0.05 } + [0.95, 0.99]  // 0, 0.05, …, 0.85, 0.95, 0.99
  let meanAnomalyCount = 50

  registry.register(
    "Kepler/solve/1e3", items: eccentricityGrid.count * meanAnomalyCount, tags: ["kernel"],
    setup: { () -> KeplerGridState in
      var m: [Double] = [], e: [Double] = []
      for ecc in eccentricityGrid {
        for k in 0..<meanAnomalyCount {
          // M spread over [0, 2π) off the symmetric points 0 and π.
          m.append((Double(k) + 0.37) * Angle.twoPi / Double(meanAnomalyCount))
          e.append(ecc)
        }
      }
      return KeplerGridState(meanAnomalies: m, eccentricities: e, out: Array(repeating: 0, count: m.count))
    },
    body: { s in
      s.meanAnomalies.withUnsafeBufferPointer { m in
        s.eccentricities.withUnsafeBufferPointer { e in
          s.out.withUnsafeMutableBufferPointer { o in kernelKeplerSolve(m, e, o) }
        }
      }
    },
    check: { s in
      // Residual of M = E − e sin E; evaluating it with M up to 2π costs a few ulps of 2π
      // (≈ 1e-15 each), so 1e-13 rad leaves room without hiding a wrong root.
      var worst = 0.0
      for i in 0..<s.out.count {
        let E = s.out[i]
        let residual = E - s.eccentricities[i] * sin(E) - s.meanAnomalies[i]
        worst = max(worst, abs(residual))
        if !E.isFinite { return .failed("E is not finite at M = \(s.meanAnomalies[i]), e = \(s.eccentricities[i])") }
      }
      return .expect(worst < 1e-13, "Kepler residual \(worst) rad")
    })
}
