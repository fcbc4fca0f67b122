// A 3×3 matrix of doubles stored as three SIMD3 columns, and the elementary frame rotations.
//
// Rotation convention: `Matrix3.rotationX/Y/Z(θ)` are the *frame* (passive) rotations R1, R2, R3
// of Vallado (Fundamentals of Astrodynamics, 4th ed., §3.2) and SOFA (`iauRx`, `iauRy`, `iauRz`):
// `rotationZ(θ) * v` gives the components of a fixed vector `v` in axes turned by +θ about z.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A 3×3 matrix stored column by column (`c0`, `c1`, `c2`).
@frozen
public struct Matrix3: Hashable, Sendable, CustomStringConvertible {
  /// First column.
  public var c0: Vector3
  /// Second column.
  public var c1: Vector3
  /// Third column.
  public var c2: Vector3

  /// A matrix from its three columns.
  @inlinable
  public init(columns c0: Vector3, _ c1: Vector3, _ c2: Vector3) {
    self.c0 = c0
    self.c1 = c1
    self.c2 = c2
  }

  /// A matrix from its three rows.
  @inlinable
  public init(rows r0: Vector3, _ r1: Vector3, _ r2: Vector3) {
    c0 = Vector3(r0.x, r1.x, r2.x)
    c1 = Vector3(r0.y, r1.y, r2.y)
    c2 = Vector3(r0.z, r1.z, r2.z)
  }

  /// The identity matrix.
  ///
  /// Computed and `@inlinable` so other modules fold it instead of calling an addressor.
  @inlinable public static var identity: Matrix3 {
    Matrix3(columns: Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))
  }

  /// The zero matrix.
  @inlinable public static var zero: Matrix3 { Matrix3(columns: .zero, .zero, .zero) }

  /// Row `i` (0, 1 or 2).
  @inlinable
  public func row(_ i: Int) -> Vector3 { Vector3(c0[i], c1[i], c2[i]) }

  /// Element at row `i`, column `j`.
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get {
      switch j {
      case 0: return c0[i]
      case 1: return c1[i]
      default: return c2[i]
      }
    }
    set {
      switch j {
      case 0: c0[i] = newValue
      case 1: c1[i] = newValue
      default: c2[i] = newValue
      }
    }
  }

  /// The transpose (for a rotation, its inverse).
  @inlinable
  public var transposed: Matrix3 { Matrix3(rows: c0, c1, c2) }

  /// The determinant.
  @inlinable
  public var determinant: Double { c0.dot(c1.cross(c2)) }

  /// Matrix × vector.
  @inlinable @inline(__always)
  public static func * (m: Matrix3, v: Vector3) -> Vector3 {
    m.c0 * v.x + m.c1 * v.y + m.c2 * v.z
  }

  /// Matrix × matrix.
  @inlinable
  public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
    Matrix3(columns: a * b.c0, a * b.c1, a * b.c2)
  }

  /// Element-wise sum.
  @inlinable
  public static func + (a: Matrix3, b: Matrix3) -> Matrix3 {
    Matrix3(columns: a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2)
  }

  /// Element-wise difference.
  @inlinable
  public static func - (a: Matrix3, b: Matrix3) -> Matrix3 {
    Matrix3(columns: a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2)
  }

  /// Scalar multiple.
  @inlinable
  public static func * (s: Double, m: Matrix3) -> Matrix3 {
    Matrix3(columns: s * m.c0, s * m.c1, s * m.c2)
  }

  /// Transpose(self) × v without forming the transpose.
  @inlinable @inline(__always)
  public func transposeMultiply(_ v: Vector3) -> Vector3 {
    Vector3(c0.dot(v), c1.dot(v), c2.dot(v))
  }

  /// The largest absolute element difference from `other`.
  @inlinable
  public func maxAbsDifference(_ other: Matrix3) -> Double {
    let d0 = abs(c0 - other.c0), d1 = abs(c1 - other.c1), d2 = abs(c2 - other.c2)
    return max(d0.max(), d1.max(), d2.max())
  }

  /// Frame rotation R1(θ) about the x axis (θ in rad).
  @inlinable
  public static func rotationX(_ angle: Double) -> Matrix3 {
    let c = cos(angle), s = sin(angle)
    return Matrix3(rows: Vector3(1, 0, 0), Vector3(0, c, s), Vector3(0, -s, c))
  }

  /// Frame rotation R2(θ) about the y axis (θ in rad).
  @inlinable
  public static func rotationY(_ angle: Double) -> Matrix3 {
    let c = cos(angle), s = sin(angle)
    return Matrix3(rows: Vector3(c, 0, -s), Vector3(0, 1, 0), Vector3(s, 0, c))
  }

  /// Frame rotation R3(θ) about the z axis (θ in rad).
  @inlinable
  public static func rotationZ(_ angle: Double) -> Matrix3 {
    let c = cos(angle), s = sin(angle)
    return Matrix3(rows: Vector3(c, s, 0), Vector3(-s, c, 0), Vector3(0, 0, 1))
  }

  public var description: String {
    "[\(row(0).x) \(row(0).y) \(row(0).z); \(row(1).x) \(row(1).y) \(row(1).z); \(row(2).x) \(row(2).y) \(row(2).z)]"
  }
}

/// abs on SIMD3, element-wise.
@inlinable @inline(__always)
func abs(_ v: Vector3) -> Vector3 { Vector3(Swift.abs(v.x), Swift.abs(v.y), Swift.abs(v.z)) }
