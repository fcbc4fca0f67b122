// Point mass plus the J2 zonal harmonic, closed form. References: Vallado, 4th ed., §8.6.1,
// eq. (8-30) (J2 acceleration components in an inertial frame aligned with the body's pole);
// Montenbruck & Gill, *Satellite Orbits* (2000), §3.2.3. Our own code.

/// Point-mass gravity plus the J2 zonal term, in an inertial frame whose z axis is the body's
/// rotation axis (e.g. GCRF, neglecting precession and nutation of the pole):
///
///   a = −μ r/r³ − (3/2) J2 μ R²/r⁵ · (x(1 − 5z²/r²), y(1 − 5z²/r²), z(3 − 5z²/r²)).
///
/// NaN/∞: at r = 0 the acceleration is non-finite; the propagator reports it as a typed error.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., §8.6.1,
/// eq. (8-30); Montenbruck & Gill, *Satellite Orbits*, §3.2.3.
@frozen
public struct J2Dynamics: SecondOrderSystem, Hashable {
  /// Gravitational parameter μ (m³/s²).
  public var gravitationalParameter: Double
  /// Reference (equatorial) radius R of the harmonic (m).
  public var referenceRadius: Double
  /// Unnormalized J2 (dimensionless).
  public var j2: Double

  /// Point mass + J2 from its constants.
  ///
  /// - Parameters:
  ///   - gravitationalParameter: μ (m³/s²).
  ///   - referenceRadius: R (m).
  ///   - j2: unnormalized J2 (dimensionless).
  @inlinable
  public init(gravitationalParameter: Double, referenceRadius: Double, j2: Double) {
    self.gravitationalParameter = gravitationalParameter
    self.referenceRadius = referenceRadius
    self.j2 = j2
  }

  /// Point mass + J2 of `body` (μ, equatorial radius, J2).
  ///
  /// - Parameter body: the central body.
  @inlinable
  public init(body: CentralBody) {
    self.init(
      gravitationalParameter: body.gravitationalParameter,
      referenceRadius: body.equatorialRadius, j2: body.j2)
  }

  /// The acceleration (m/s²) at `position` (m); `mass` and `t` are ignored.
  @inlinable
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    let r2 = position.normSquared
    let r = r2.squareRoot()
    let muOverR3 = gravitationalParameter / (r2 * r)
    let zz = position.z * position.z / r2
    let k = 1.5 * j2 * referenceRadius * referenceRadius / r2
    let fxy = -muOverR3 * (1 + k * (1 - 5 * zz))
    let fz = -muOverR3 * (1 + k * (3 - 5 * zz))
    return Vector3(fxy * position.x, fxy * position.y, fz * position.z)
  }
}
