// Three-component vectors of SIMD lanes: the struct-of-arrays value type of batch propagation.
// Our own code.

/// A 3-vector per lane: `x`, `y` and `z` each hold one component of `Lanes.scalarCount`
/// independent vectors (struct of arrays), e.g. the positions of 8 spacecraft in three
/// `SIMD8<Double>` registers.
///
/// The arithmetic is per lane and performs, lane by lane, exactly the operations of the same
/// expression on `Vector3`, so a lane reproduces a scalar computation bit for bit.
///
/// References: heyoka batch mode (one SIMD lane per trajectory); STYLE.md §5.6.
@frozen
public struct LaneVector3<Lanes: SIMD> where Lanes.Scalar == Double {
  /// x components (one per lane).
  public var x: Lanes
  /// y components (one per lane).
  public var y: Lanes
  /// z components (one per lane).
  public var z: Lanes

  /// A lane vector from its components.
  ///
  /// - Parameters:
  ///   - x: x components.
  ///   - y: y components.
  ///   - z: z components.
  @inlinable @inline(__always)
  public init(_ x: Lanes, _ y: Lanes, _ z: Lanes) {
    self.x = x
    self.y = y
    self.z = z
  }

  /// The zero vector in every lane.
  @inlinable
  public static var zero: LaneVector3 { LaneVector3(Lanes(), Lanes(), Lanes()) }

  /// The vector of `lane` as a `Vector3`.
  ///
  /// - Parameter lane: lane index, `0..<Lanes.scalarCount`.
  @inlinable
  public subscript(lane lane: Int) -> Vector3 {
    get { Vector3(x[lane], y[lane], z[lane]) }
    set {
      x[lane] = newValue.x
      y[lane] = newValue.y
      z[lane] = newValue.z
    }
  }

  /// The squared norm per lane, `x·x + y·y + z·z` in that order.
  @inlinable @inline(__always)
  public var normSquared: Lanes { x * x + y * y + z * z }

  /// Per-lane sum.
  @inlinable @inline(__always)
  public static func + (lhs: LaneVector3, rhs: LaneVector3) -> LaneVector3 {
    LaneVector3(lhs.x + rhs.x, lhs.y + rhs.y, lhs.z + rhs.z)
  }

  /// Per-lane difference.
  @inlinable @inline(__always)
  public static func - (lhs: LaneVector3, rhs: LaneVector3) -> LaneVector3 {
    LaneVector3(lhs.x - rhs.x, lhs.y - rhs.y, lhs.z - rhs.z)
  }

  /// Adds `rhs` in every lane.
  @inlinable @inline(__always)
  public static func += (lhs: inout LaneVector3, rhs: LaneVector3) { lhs = lhs + rhs }

  /// Subtracts `rhs` in every lane.
  @inlinable @inline(__always)
  public static func -= (lhs: inout LaneVector3, rhs: LaneVector3) { lhs = lhs - rhs }

  /// The multiple `lhs × rhs` (one factor for all lanes).
  @inlinable @inline(__always)
  public static func * (lhs: Double, rhs: LaneVector3) -> LaneVector3 {
    LaneVector3(lhs * rhs.x, lhs * rhs.y, lhs * rhs.z)
  }

  /// The per-lane multiple `lhs[i] × rhs[i]`.
  @inlinable @inline(__always)
  public static func * (lhs: Lanes, rhs: LaneVector3) -> LaneVector3 {
    LaneVector3(lhs * rhs.x, lhs * rhs.y, lhs * rhs.z)
  }
}

extension LaneVector3: Sendable where Lanes: Sendable {}
