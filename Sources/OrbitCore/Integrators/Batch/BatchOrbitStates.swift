// Positions and velocities of many spacecraft, stored as a struct of arrays. Our own code.

/// Positions and velocities of N spacecraft in one inertial frame, as six arrays of N doubles
/// (struct of arrays), the input and output of `BatchPropagator`.
///
/// Component arrays rather than `[CartesianState]`: a SIMD lane group loads one contiguous run
/// of each array, and no 32-byte `SIMD3` padding is stored (STYLE.md §5.6).
@frozen
public struct BatchOrbitStates: Sendable, Hashable {
  /// x positions (m).
  public var x: [Double]
  /// y positions (m).
  public var y: [Double]
  /// z positions (m).
  public var z: [Double]
  /// x velocities (m/s).
  public var vx: [Double]
  /// y velocities (m/s).
  public var vy: [Double]
  /// z velocities (m/s).
  public var vz: [Double]

  /// The number of spacecraft.
  @inlinable
  public var count: Int { x.count }

  /// States from positions and velocities.
  ///
  /// - Parameters:
  ///   - positions: positions (m).
  ///   - velocities: velocities (m/s), as many as `positions`.
  @inlinable
  public init(positions: [Vector3], velocities: [Vector3]) {
    precondition(positions.count == velocities.count, "as many velocities as positions")
    x = positions.map(\.x)
    y = positions.map(\.y)
    z = positions.map(\.z)
    vx = velocities.map(\.x)
    vy = velocities.map(\.y)
    vz = velocities.map(\.z)
  }

  /// States from Cartesian states (their epochs and frames are not stored: the batch
  /// propagator takes one start epoch for all, and the frame is the caller's).
  ///
  /// - Parameter states: position (m) and velocity (m/s) of each spacecraft.
  @inlinable
  public init(_ states: [CartesianState]) {
    self.init(positions: states.map(\.position), velocities: states.map(\.velocity))
  }

  /// The position of spacecraft `index` (m).
  @inlinable
  public func position(at index: Int) -> Vector3 { Vector3(x[index], y[index], z[index]) }

  /// The velocity of spacecraft `index` (m/s).
  @inlinable
  public func velocity(at index: Int) -> Vector3 { Vector3(vx[index], vy[index], vz[index]) }

  /// True when every component is finite.
  @inlinable
  public var isFinite: Bool {
    for a in [x, y, z, vx, vy, vz] where !a.allSatisfy(\.isFinite) { return false }
    return true
  }
}
