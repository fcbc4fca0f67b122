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
  /// With w = 1/r² and K = (3/2)J2μR², a = (x, y, z)·(1/r)·(−μw − Kw²·(1, 1, 3) + 5Kz²w³): one
  /// division and one square root, both started from r² (the square root gives r, and
  /// 1/r = w·r), so the polynomial in w runs while the square root finishes; a single orbit is
  /// bound by this latency, a batch by the operation count (16 multiplications, 5 additions).
  @inlinable @inline(__always)
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    let mu = gravitationalParameter
    let k = 1.5 * j2 * referenceRadius * referenceRadius * mu
    let zz = position.z * position.z
    let r2 = position.x * position.x + position.y * position.y + zz
    let w = 1 / r2
    let r = r2.squareRoot()
    let invR = w * r
    let w2 = w * w
    let base = -mu * w + ((5 * k) * zz * w) * w2
    let fxy = (base - k * w2) * invR
    let fz = (base - (3 * k) * w2) * invR
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
  @inlinable @inline(__always)
  public func acceleration<Lanes>(position: LaneVector3<Lanes>, at t: Double) -> LaneVector3<Lanes> {
    let mu = gravitationalParameter
    let k = 1.5 * j2 * referenceRadius * referenceRadius * mu
    let zz: Lanes = position.z * position.z
    let xx: Lanes = position.x * position.x
    let yy: Lanes = position.y * position.y
    let r2: Lanes = xx + yy + zz
    let w: Lanes = 1 / r2
    let r: Lanes = r2.squareRoot()
    let invR: Lanes = w * r
    let w2: Lanes = w * w
    let kzz: Lanes = (5 * k) * zz
    let kzzw: Lanes = kzz * w
    let base: Lanes = -mu * w + kzzw * w2
    let fxy: Lanes = (base - k * w2) * invR
    let fz: Lanes = (base - (3 * k) * w2) * invR
    return LaneVector3(fxy * position.x, fxy * position.y, fz * position.z)
  }
}
