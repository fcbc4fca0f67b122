// Vector helpers on SIMD3<Double>.
//
// `dot`, `cross` and `norm` are written out component by component rather than through
// generic SIMD reductions: the optimizer then emits straight-line multiplies and adds
// (see Sources/OrbitCore/README.md, "Codegen note"), and the order of floating-point
// operations is fixed and documented.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A 3-vector of doubles. `SIMD3<Double>` is stored in 4 lanes: its stride is 32 bytes.
public typealias Vector3 = SIMD3<Double>

extension SIMD3 where Scalar == Double {
  /// The dot product `self · other`.
  @inlinable @inline(__always)
  public func dot(_ other: Self) -> Double {
    x * other.x + y * other.y + z * other.z
  }

  /// The cross product `self × other`.
  @inlinable @inline(__always)
  public func cross(_ other: Self) -> Self {
    Self(
      y * other.z - z * other.y,
      z * other.x - x * other.z,
      x * other.y - y * other.x)
  }

  /// The squared Euclidean norm.
  @inlinable @inline(__always)
  public var normSquared: Double { x * x + y * y + z * z }

  /// The Euclidean norm, `|self|`.
  @inlinable @inline(__always)
  public var norm: Double { (x * x + y * y + z * z).squareRoot() }

  /// The unit vector along `self`; the zero vector gives NaN components.
  @inlinable @inline(__always)
  public var unit: Self { self / norm }

  /// The angle between `self` and `other` (rad, in [0, π]).
  ///
  /// Uses `atan2(|a × b|, a · b)`, accurate for nearly parallel and nearly opposite vectors
  /// where `acos` of the normalised dot product loses half the digits.
  @inlinable
  public func angle(to other: Self) -> Double {
    atan2(cross(other).norm, dot(other))
  }

  /// True when all three components are finite.
  @inlinable
  public var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
}

/// The dot product `a · b`.
@inlinable @inline(__always)
public func dot(_ a: Vector3, _ b: Vector3) -> Double { a.dot(b) }

/// The cross product `a × b`.
@inlinable @inline(__always)
public func cross(_ a: Vector3, _ b: Vector3) -> Vector3 { a.cross(b) }
