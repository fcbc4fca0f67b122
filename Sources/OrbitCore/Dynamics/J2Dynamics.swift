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
  ///
  /// One division and one square root: 1/r² is formed once and 1/r as its square root, so
  /// μ/r³, z²/r² and the J2 factor share them (the batch kernel is bound by the divider), and
  /// only two multiplications follow the square root (a single orbit is bound by this latency).
  @inlinable
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    let r2 = position.x * position.x + position.y * position.y + position.z * position.z
    let invR2 = 1 / r2
    let invR = invR2.squareRoot()
    // Everything but the last factor 1/r is formed while the square root runs.
    let muOverR2 = gravitationalParameter * invR2
    let zz = position.z * position.z * invR2
    let k = 1.5 * j2 * referenceRadius * referenceRadius * invR2
    let fxy = (-muOverR2 * (1 + k * (1 - 5 * zz))) * invR
    let fz = (-muOverR2 * (1 + k * (3 - 5 * zz))) * invR
    return Vector3(fxy * position.x, fxy * position.y, fz * position.z)
  }
}

extension J2Dynamics: LaneSecondOrderSystem {
  /// The accelerations (m/s²) at `position` (m) per lane: the scalar formula lane by lane, in
  /// the same order (a lane equals `acceleration(position:mass:at:)` bit for bit).
  ///
  /// - Parameters:
  ///   - position: positions (m), one per lane.
  ///   - t: ignored (s).
  @inlinable
  public func acceleration<Lanes>(position: LaneVector3<Lanes>, at t: Double) -> LaneVector3<Lanes> {
    let r2 = position.x * position.x + position.y * position.y + position.z * position.z
    let invR2 = 1 / r2
    let invR = invR2.squareRoot()
    // Everything but the last factor 1/r is formed while the square root runs.
    let muOverR2 = gravitationalParameter * invR2
    let zz = position.z * position.z * invR2
    let k = 1.5 * j2 * referenceRadius * referenceRadius * invR2
    let fxy = (-muOverR2 * (1 + k * (1 - 5 * zz))) * invR
    let fz = (-muOverR2 * (1 + k * (3 - 5 * zz))) * invR
    return LaneVector3(fxy * position.x, fxy * position.y, fz * position.z)
  }
}
