// A rotation between two frames together with their relative angular velocity.
//
// Kinematics: for frames with a common origin, where the target frame B turns with angular
// velocity ω (of B relative to A) and r_B = R · r_A, the velocity seen in B is
// v_B = R · v_A − ω × r_B (the transport theorem; Vallado, Fundamentals of Astrodynamics and
// Applications, 4th ed. (2013), ch. 3, and the TOD → PEF step of §3.7, v_PEF = R v_TOD −
// ω⊕ × r_PEF). Composition and inverse follow from that rule.

/// A transform from a source frame to a target frame: rotation plus relative angular velocity.
///
/// `rotation` maps source components to target components (`r_target = rotation · r_source`).
/// `angularVelocity` is the angular velocity of the target frame relative to the source frame,
/// expressed in target-frame components (rad/s); it is zero between inertial frames and
/// (0, 0, ω⊕) from TOD or TEME to PEF. Rates of precession, nutation and polar motion (below
/// 1e-11 rad/s, i.e. < 0.1 mm/s at GEO radius) are neglected.
///
/// References: Vallado (2013) §3.7; Orekit `Transform` for the design.
@frozen
public struct FrameTransform: Sendable, Hashable {
  /// The rotation matrix from source to target components.
  public var rotation: Matrix3
  /// The angular velocity of the target frame relative to the source, in target axes (rad/s).
  public var angularVelocity: Vector3

  /// A transform from its rotation and angular velocity.
  ///
  /// - Parameters:
  ///   - rotation: source → target rotation matrix (orthonormal, determinant +1).
  ///   - angularVelocity: angular velocity of the target relative to the source, in target
  ///     axes (rad/s).
  @inlinable
  public init(rotation: Matrix3, angularVelocity: Vector3 = .zero) {
    self.rotation = rotation
    self.angularVelocity = angularVelocity
  }

  /// The identity transform.
  public static let identity = FrameTransform(rotation: .identity)

  /// The target-frame position of a source-frame position (m, or any length unit).
  @inlinable
  public func apply(position: Vector3) -> Vector3 { rotation * position }

  /// The target-frame position and velocity of a source-frame state.
  ///
  /// v_target = R · v_source − ω × r_target.
  /// - Parameters:
  ///   - position: position in the source frame (m).
  ///   - velocity: velocity in the source frame (m/s).
  /// - Returns: position (m) and velocity (m/s) in the target frame.
  /// - References: Vallado (2013) §3.7 (TOD → PEF velocity).
  @inlinable
  public func apply(position: Vector3, velocity: Vector3) -> (position: Vector3, velocity: Vector3) {
    let r = rotation * position
    let v = rotation * velocity - angularVelocity.cross(r)
    return (r, v)
  }

  /// The transform from the target back to the source.
  ///
  /// Rotation Rᵀ; angular velocity −Rᵀ ω (the source seen turning from the target).
  @inlinable
  public var inverse: FrameTransform {
    FrameTransform(rotation: rotation.transposed, angularVelocity: -rotation.transposeMultiply(angularVelocity))
  }

  /// This transform followed by `next` (A → B then B → C gives A → C).
  ///
  /// Rotation R_next · R; angular velocity ω_next + R_next · ω.
  @inlinable
  public func followed(by next: FrameTransform) -> FrameTransform {
    FrameTransform(
      rotation: next.rotation * rotation,
      angularVelocity: next.angularVelocity + next.rotation * angularVelocity)
  }

  /// Composition in matrix order: `(lhs * rhs)` applies `rhs` first, then `lhs`.
  @inlinable
  public static func * (lhs: FrameTransform, rhs: FrameTransform) -> FrameTransform {
    rhs.followed(by: lhs)
  }
}
