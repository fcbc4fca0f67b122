// The relative state of a chaser with respect to a target, in the target's rotating LVLH frame,
// and its conversion to and from the two inertial states (transport theorem, ω × ρ term).
//
// Frame: Orbit's LVLH (`LocalOrbitalFrame.lvlh`, the CCSDS/ISS convention): z = −r̂ (nadir,
// "R-bar" pointing down), y = −ĥ (opposite the orbit normal), x = y × z (along the velocity for a
// circular orbit, "V-bar"). Hill's/Vallado's RSW frame has R = −z, S = x, W = −y.
// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013), ch. 6
// (relative motion, the rotating-frame velocity); W. Fehse, *Automated Rendezvous and Docking of
// Spacecraft* (Cambridge, 2003), ch. 3 (the LVLH frame used for rendezvous).

import OrbitCore

/// A chaser's position and velocity relative to a target, in the target's LVLH frame.
///
/// Axes (Orbit's `LocalOrbitalFrame.lvlh`): **x** along-track (V-bar, along the target velocity
/// for a circular orbit), **y** = −ĥ (negative orbit normal, H-bar), **z** = −r̂ (nadir, R-bar
/// pointing to the Earth). The velocity is the time derivative **in the rotating frame**,
/// ρ̇_LVLH = M (v_c − v_t − ω × (r_c − r_t)), with M the inertial-to-LVLH rotation and
/// ω = (r_t × v_t)/|r_t|² the frame's angular velocity.
///
/// Accuracy: ω = r × v / r² is the exact rotation rate of the frame when the target's
/// acceleration is central (two-body); with J2 or drag the frame also turns slowly about x
/// (by the out-of-plane acceleration), a term this conversion leaves out (relative velocity
/// error ≲ |a_normal|·|ρ|/v, about 1e-6 m/s per km of separation in LEO with J2).
///
/// References: Vallado (2013) ch. 6 (relative motion); Fehse (2003) ch. 3.
@frozen
public struct RelativeState: Hashable, Sendable {
  /// Relative position in LVLH (m).
  public var position: Vector3
  /// Relative velocity in LVLH, as seen in the rotating frame (m/s).
  public var velocity: Vector3

  /// A relative state from its parts.
  ///
  /// - Parameters:
  ///   - position: relative position in LVLH (m).
  ///   - velocity: rotating-frame relative velocity in LVLH (m/s).
  @inlinable
  public init(position: Vector3, velocity: Vector3) {
    self.position = position
    self.velocity = velocity
  }

  /// The relative state of a chaser with respect to a target, both inertial.
  ///
  /// - Parameters:
  ///   - chaserPosition: chaser position, inertial (m).
  ///   - chaserVelocity: chaser velocity, inertial (m/s).
  ///   - targetPosition: target position, inertial (m).
  ///   - targetVelocity: target velocity, inertial (m/s).
  /// - References: Vallado (2013) ch. 6 (relative motion) (transport theorem).
  @inlinable
  public init(
    chaserPosition: Vector3, chaserVelocity: Vector3, targetPosition: Vector3,
    targetVelocity: Vector3
  ) {
    let m = LocalOrbitalFrame.lvlh.rotation(position: targetPosition, velocity: targetVelocity)
    let omega = targetPosition.cross(targetVelocity) / targetPosition.normSquared
    let rho = chaserPosition - targetPosition
    let rhoDot = chaserVelocity - targetVelocity - omega.cross(rho)
    self.position = m * rho
    self.velocity = m * rhoDot
  }

  /// The relative state of `chaser` with respect to `target` (same frame and epoch expected).
  ///
  /// - Parameters:
  ///   - chaser: the chaser's inertial state (m, m/s).
  ///   - target: the target's inertial state (m, m/s), in the same frame.
  @inlinable
  public init(chaser: CartesianState, target: CartesianState) {
    precondition(chaser.frame == target.frame, "chaser and target must share a frame")
    self.init(
      chaserPosition: chaser.position, chaserVelocity: chaser.velocity,
      targetPosition: target.position, targetVelocity: target.velocity)
  }

  /// The chaser's inertial position and velocity, given the target's (inverse of the init).
  ///
  /// - Parameters:
  ///   - targetPosition: target position, inertial (m).
  ///   - targetVelocity: target velocity, inertial (m/s).
  /// - Returns: chaser position (m) and velocity (m/s), inertial.
  @inlinable
  public func chaser(targetPosition: Vector3, targetVelocity: Vector3) -> (
    position: Vector3, velocity: Vector3
  ) {
    let m = LocalOrbitalFrame.lvlh.rotation(position: targetPosition, velocity: targetVelocity)
    let omega = targetPosition.cross(targetVelocity) / targetPosition.normSquared
    let rho = m.transposeMultiply(position)
    let rhoDot = m.transposeMultiply(velocity) + omega.cross(rho)
    return (targetPosition + rho, targetVelocity + rhoDot)
  }

  /// The chaser's inertial state, given the target's state (same epoch and frame).
  ///
  /// - Parameter target: the target's inertial state (m, m/s).
  /// - Returns: the chaser's state at the target's epoch, in its frame.
  @inlinable
  public func chaser(target: CartesianState) -> CartesianState {
    let (r, v) = chaser(targetPosition: target.position, targetVelocity: target.velocity)
    return CartesianState(epoch: target.epoch, frame: target.frame, position: r, velocity: v)
  }

  /// A relative velocity change expressed in LVLH, rotated to inertial axes (m/s).
  ///
  /// An impulse changes the rotating-frame and the inertial relative velocity alike (the ω × ρ
  /// term depends on position only), so Δv_inertial = Mᵀ Δv_LVLH.
  ///
  /// - Parameters:
  ///   - deltaV: velocity change in LVLH (m/s).
  ///   - targetPosition: target position, inertial (m).
  ///   - targetVelocity: target velocity, inertial (m/s).
  /// - Returns: the velocity change in inertial axes (m/s).
  @inlinable
  public static func inertialDeltaV(
    _ deltaV: Vector3, targetPosition: Vector3, targetVelocity: Vector3
  ) -> Vector3 {
    LocalOrbitalFrame.lvlh.rotation(position: targetPosition, velocity: targetVelocity)
      .transposeMultiply(deltaV)
  }
}
