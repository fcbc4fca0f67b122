// Newtonian point-mass gravity of the central body: a = −μ r / |r|³.
//
// References: Montenbruck & Gill, Satellite Orbits (2000), §3.1; Vallado,
// Fundamentals of Astrodynamics and Applications, 4th ed. (2013), ch. 1 (the two-body equation).

/// The central body as a point mass: a = −μ r / |r|³.
///
/// References: Montenbruck & Gill (2000) §3.1; Vallado (2013) ch. 1.
@frozen
public struct PointMassGravity: ForceModel {
  /// Gravitational parameter μ (m³/s²).
  public var gravitationalParameter: Double

  /// Point-mass gravity with parameter μ.
  ///
  /// - Parameter gravitationalParameter: μ (m³/s²).
  @inlinable
  public init(gravitationalParameter: Double) {
    self.gravitationalParameter = gravitationalParameter
  }

  /// Point-mass gravity of `body` (its μ).
  ///
  /// - Parameter body: the central body.
  @inlinable
  public init(_ body: CentralBody) {
    self.gravitationalParameter = body.gravitationalParameter
  }

  /// −μ r / |r|³ (m/s²); non-finite at r = 0.
  ///
  /// - Parameters:
  ///   - position: geocentric position (m), any non-rotating or rotating axes.
  /// - Returns: acceleration in the same axes (m/s²).
  @inlinable
  public func acceleration(at position: Vector3) -> Vector3 {
    let r2 = position.x * position.x + position.y * position.y + position.z * position.z
    let r = r2.squareRoot()
    return (-gravitationalParameter / (r2 * r)) * position
  }

  /// −μ r / |r|³ in GCRF (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    acceleration(at: position)
  }
}
