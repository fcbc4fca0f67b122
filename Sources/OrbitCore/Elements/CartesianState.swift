// The common currency of the propagators: an epoch, a frame and a position/velocity pair.

/// A position and velocity at an epoch, expressed in a reference frame.
///
/// Units are SI: position in m, velocity in m/s.
///
/// References: Orekit `TimeStampedPVCoordinates`; nyx `Orbit`.
@frozen
public struct CartesianState: Hashable, Sendable {
  /// The instant of the state.
  public var epoch: Epoch
  /// The frame in which `position` and `velocity` are expressed.
  public var frame: Frame
  /// Position (m).
  public var position: Vector3
  /// Velocity (m/s).
  public var velocity: Vector3

  /// A state from its parts.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - frame: the frame of the vectors.
  ///   - position: position (m).
  ///   - velocity: velocity (m/s).
  @inlinable
  public init(epoch: Epoch, frame: Frame, position: Vector3, velocity: Vector3) {
    self.epoch = epoch
    self.frame = frame
    self.position = position
    self.velocity = velocity
  }

  /// True when all six components are finite.
  @inlinable
  public var isFinite: Bool { position.isFinite && velocity.isFinite }

  /// Specific orbital energy v²/2 − μ/r (J/kg = m²/s²).
  ///
  /// - Parameter mu: gravitational parameter μ (m³/s²).
  @inlinable
  public func specificEnergy(mu: Double) -> Double {
    0.5 * velocity.normSquared - mu / position.norm
  }

  /// Specific angular momentum r × v (m²/s).
  @inlinable
  public var angularMomentum: Vector3 { position.cross(velocity) }
}
