// Math kernels: Matrix3 × Vector3 and the cross product, over 1000 inputs per iteration.

import OrbitCore

/// Deterministic inputs (SplitMix64), so every run measures the same numbers.
struct BenchRandom: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func vector(in range: ClosedRange<Double>) -> Vector3 {
    Vector3(
      .random(in: range, using: &self), .random(in: range, using: &self),
      .random(in: range, using: &self))
  }

  mutating func rotation() -> Matrix3 {
    Matrix3.rotationZ(.random(in: -.pi...(.pi), using: &self))
      * Matrix3.rotationX(.random(in: 0...(.pi), using: &self))
      * Matrix3.rotationZ(.random(in: -.pi...(.pi), using: &self))
  }
}

/// The measured kernels live in named non-inlined functions so their assembly can be found
/// (`objdump -d … | grep kernelMatrixTimesVector`).
@inline(never)
func kernelMatrixTimesVector(
  _ matrices: UnsafeBufferPointer<Matrix3>, _ vectors: UnsafeBufferPointer<Vector3>,
  _ out: UnsafeMutableBufferPointer<Vector3>
) {
  for i in 0..<out.count { out[i] = matrices[i] * vectors[i] }
}

@inline(never)
func kernelCross(
  _ a: UnsafeBufferPointer<Vector3>, _ b: UnsafeBufferPointer<Vector3>,
  _ out: UnsafeMutableBufferPointer<Vector3>
) {
  for i in 0..<out.count { out[i] = a[i].cross(b[i]) }
}

struct MatrixVectorState {
  var matrices: [Matrix3]
  var vectors: [Vector3]
  var out: [Vector3]
}

struct CrossState {
  var a: [Vector3]
  var b: [Vector3]
  var out: [Vector3]
}

func registerMathBenchmarks(into registry: inout BenchmarkRegistry) {
  let n = 1000

  registry.register(
    "Math/Matrix3xVector3/1e3", items: n, tags: ["micro", "kernel"],
    setup: { () -> MatrixVectorState in
      var rng = BenchRandom(seed: 1)
      return MatrixVectorState(
        matrices: (0..<n).map { _ in rng.rotation() },
        vectors: (0..<n).map { _ in rng.vector(in: -7e6...7e6) },
        out: Array(repeating: .zero, count: n))
    },
    body: { s in
      s.matrices.withUnsafeBufferPointer { m in
        s.vectors.withUnsafeBufferPointer { v in
          s.out.withUnsafeMutableBufferPointer { o in kernelMatrixTimesVector(m, v, o) }
        }
      }
    },
    check: { s in
      // A rotation preserves length and Rᵀ(R v) = v: to ~1e-15 relative (a few roundings).
      var worst = 0.0
      for i in 0..<n {
        let back = s.matrices[i].transposeMultiply(s.out[i])
        worst = max(worst, (back - s.vectors[i]).norm / s.vectors[i].norm)
        worst = max(worst, abs(s.out[i].norm - s.vectors[i].norm) / s.vectors[i].norm)
      }
      return .expect(worst < 1e-14, "rotation round trip off by \(worst) (relative)")
    })

  registry.register(
    "Math/Cross/1e3", items: n, tags: ["micro", "kernel"],
    setup: { () -> CrossState in
      var rng = BenchRandom(seed: 2)
      return CrossState(
        a: (0..<n).map { _ in rng.vector(in: -1...1) },
        b: (0..<n).map { _ in rng.vector(in: -1...1) },
        out: Array(repeating: .zero, count: n))
    },
    body: { s in
      s.a.withUnsafeBufferPointer { a in
        s.b.withUnsafeBufferPointer { b in
          s.out.withUnsafeMutableBufferPointer { o in kernelCross(a, b, o) }
        }
      }
    },
    check: { s in
      // a × b ⟂ a, b and Lagrange's identity, to roundoff of O(1) products.
      var worst = 0.0
      for i in 0..<n {
        let c = s.out[i], a = s.a[i], b = s.b[i]
        worst = max(worst, abs(c.dot(a)), abs(c.dot(b)))
        worst = max(worst, abs(c.normSquared - (a.normSquared * b.normSquared - a.dot(b) * a.dot(b))))
      }
      return .expect(worst < 1e-14, "cross product identities off by \(worst)")
    })
}
