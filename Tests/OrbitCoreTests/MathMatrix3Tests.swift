// Matrix3 against hand-derived values: the frame rotations R1, R2, R3 (Vallado, Fundamentals
// of Astrodynamics and Applications, 4th ed., §3.2; SOFA iauRx/iauRy/iauRz), exact integer
// products and determinants, and orthogonality of random rotations.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite struct MathMatrix3Tests {
  /// cos and sin of 30° and 90° each carry up to one rounding (glibc is within 1 ulp), and
  /// cos(π/2) is 6.1e-17 rather than 0 because π/2 is not exact.
  static let trigRoundoff = 2e-16

  /// R3(30°) = [c s 0; −s c 0; 0 0 1] with c = √3/2, s = 1/2.
  @Test(.tags(.validation))
  func rotationZ30Degrees() {
    let c = 3.0.squareRoot() / 2, s = 0.5
    let expected = Matrix3(rows: Vector3(c, s, 0), Vector3(-s, c, 0), Vector3(0, 0, 1))
    expectClose(Matrix3.rotationZ(Angle.radians(fromDegrees: 30)), expected, absolute: Self.trigRoundoff)
  }

  /// R1(30°) = [1 0 0; 0 c s; 0 −s c].
  @Test(.tags(.validation))
  func rotationX30Degrees() {
    let c = 3.0.squareRoot() / 2, s = 0.5
    let expected = Matrix3(rows: Vector3(1, 0, 0), Vector3(0, c, s), Vector3(0, -s, c))
    expectClose(Matrix3.rotationX(Angle.radians(fromDegrees: 30)), expected, absolute: Self.trigRoundoff)
  }

  /// R2(30°) = [c 0 −s; 0 1 0; s 0 c].
  @Test(.tags(.validation))
  func rotationY30Degrees() {
    let c = 3.0.squareRoot() / 2, s = 0.5
    let expected = Matrix3(rows: Vector3(c, 0, -s), Vector3(0, 1, 0), Vector3(s, 0, c))
    expectClose(Matrix3.rotationY(Angle.radians(fromDegrees: 30)), expected, absolute: Self.trigRoundoff)
  }

  /// Frame rotations by +90°: a fixed vector's components in the turned axes.
  /// R3(90°)·x̂ = −ŷ, R3(90°)·ŷ = x̂; R1(90°)·ŷ = −ẑ; R2(90°)·ẑ = −x̂.
  @Test(.tags(.validation))
  func rotations90Degrees() {
    let q = Double.pi / 2
    let x = Vector3(1, 0, 0), y = Vector3(0, 1, 0), z = Vector3(0, 0, 1)
    expectClose(Matrix3.rotationZ(q) * x, -y, absolute: Self.trigRoundoff)
    expectClose(Matrix3.rotationZ(q) * y, x, absolute: Self.trigRoundoff)
    expectClose(Matrix3.rotationZ(q) * z, z, absolute: 0)
    expectClose(Matrix3.rotationX(q) * y, -z, absolute: Self.trigRoundoff)
    expectClose(Matrix3.rotationX(q) * z, y, absolute: Self.trigRoundoff)
    expectClose(Matrix3.rotationY(q) * z, -x, absolute: Self.trigRoundoff)
    expectClose(Matrix3.rotationY(q) * x, z, absolute: Self.trigRoundoff)
  }

  @Test(.tags(.validation))
  func rowsColumnsAndSubscript() {
    let m = Matrix3(rows: Vector3(1, 2, 3), Vector3(4, 5, 6), Vector3(7, 8, 10))
    #expect(m.c0 == Vector3(1, 4, 7))
    #expect(m.c1 == Vector3(2, 5, 8))
    #expect(m.c2 == Vector3(3, 6, 10))
    #expect(m.row(1) == Vector3(4, 5, 6))
    #expect(m[0, 2] == 3)
    #expect(m[2, 1] == 8)
    var n = m
    n[1, 2] = -1
    #expect(n.row(1) == Vector3(4, 5, -1))
    #expect(n.c2 == Vector3(3, -1, 10))
    #expect(m.transposed == Matrix3(columns: Vector3(1, 2, 3), Vector3(4, 5, 6), Vector3(7, 8, 10)))
  }

  /// Integer matrices: every operation is exact.
  @Test(.tags(.validation))
  func exactIntegerArithmetic() {
    let a = Matrix3(rows: Vector3(1, 2, 3), Vector3(4, 5, 6), Vector3(7, 8, 10))
    #expect(a * Vector3(1, 1, 1) == Vector3(6, 15, 25))
    #expect(a * Vector3(1, -1, 2) == Vector3(5, 11, 19))
    #expect(a.transposeMultiply(Vector3(1, -1, 2)) == Vector3(11, 13, 17))
    // det = 1(50 − 48) − 2(40 − 42) + 3(32 − 35) = −3 by cofactor expansion.
    #expect(a.determinant == -3)
    #expect(Matrix3.identity.determinant == 1)
    // Right-multiplying by the permutation that swaps columns 2 and 3.
    let p = Matrix3(rows: Vector3(1, 0, 0), Vector3(0, 0, 1), Vector3(0, 1, 0))
    #expect(a * p == Matrix3(rows: Vector3(1, 3, 2), Vector3(4, 6, 5), Vector3(7, 10, 8)))
    #expect(p * a == Matrix3(rows: Vector3(1, 2, 3), Vector3(7, 8, 10), Vector3(4, 5, 6)))
    #expect(p.determinant == -1)
    #expect(a * Matrix3.identity == a)
    #expect(a + a == 2 * a)
    #expect(a - a == Matrix3.zero)
    #expect((a - Matrix3.identity).maxAbsDifference(a) == 1)
  }

  /// R3(a)·R3(b) = R3(a + b); R(θ)ᵀ = R(−θ).
  @Test(.tags(.property))
  func compositionAndInverse() {
    let composeRoundoff = 1e-15  // a few roundings of unit-magnitude products and of sin/cos
    let a = 0.7, b = -2.1
    expectClose(Matrix3.rotationZ(a) * Matrix3.rotationZ(b), Matrix3.rotationZ(a + b), absolute: composeRoundoff)
    expectClose(Matrix3.rotationX(a) * Matrix3.rotationX(b), Matrix3.rotationX(a + b), absolute: composeRoundoff)
    expectClose(Matrix3.rotationY(a) * Matrix3.rotationY(b), Matrix3.rotationY(a + b), absolute: composeRoundoff)
    #expect(Matrix3.rotationZ(a).transposed == Matrix3.rotationZ(-a))  // sin is odd, cos even: exact
    #expect(Matrix3.rotationX(a).transposed == Matrix3.rotationX(-a))
    #expect(Matrix3.rotationY(a).transposed == Matrix3.rotationY(-a))
  }

  /// Random rotations R = R3(α)·R1(β)·R3(γ): RᵀR = I, det R = 1, |R v| = |v|.
  @Test(.tags(.property))
  func randomRotationsAreOrthogonal() {
    var rng = SplitMix64(seed: 20_261_121)
    // Two products of unit-magnitude entries: each element carries ~10 roundings of ε = 2.2e-16.
    let orthogonalityRoundoff = 4e-15
    for _ in 0..<500 {
      let r =
        Matrix3.rotationZ(.random(in: -.pi...(.pi), using: &rng))
        * Matrix3.rotationX(.random(in: 0...(.pi), using: &rng))
        * Matrix3.rotationZ(.random(in: -.pi...(.pi), using: &rng))
      expectClose(r.transposed * r, .identity, absolute: orthogonalityRoundoff)
      expectClose(r * r.transposed, .identity, absolute: orthogonalityRoundoff)
      expectClose(r.determinant, 1, absolute: orthogonalityRoundoff)
      let v = Vector3(
        .random(in: -1e7...1e7, using: &rng), .random(in: -1e7...1e7, using: &rng),
        .random(in: -1e7...1e7, using: &rng))
      expectClose((r * v).norm, v.norm, relative: orthogonalityRoundoff)
      expectClose(r.transposeMultiply(r * v), v, relative: orthogonalityRoundoff)
      #expect(r.transposeMultiply(v) == r.transposed * v)  // the same products in the same order
    }
  }
}
