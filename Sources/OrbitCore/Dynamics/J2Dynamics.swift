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
  /// With w = 1/r², K = (3/2)J2μR² and u = w²·r = 1/r³,
  /// a = (x, y, z)·u · ((−μ − c·K·w) + 5K·z²·w²) with c = 1 for x, y and c = 3 for z: one
  /// division and one square root, both started from r², and the bracket in Estrin form (its
  /// two halves run side by side while the square root finishes, and (x, y, z)·u is formed
  /// beside it). A single orbit is bound by this chain's latency (≈ 30 cycles from r²), a batch
  /// by the operation count (15 multiplications, 6 additions). A build with `ORBIT_FMA` fuses the
  /// brackets and forms (x·r)·w² instead of x·u (see FusedMultiplyAdd.swift).
  @inlinable @inline(__always)
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    let mu = gravitationalParameter
    let k = 1.5 * j2 * referenceRadius * referenceRadius * mu
    let zz = position.z * position.z
    let r2 = position.x * position.x + position.y * position.y + zz
    let w = 1 / r2
    let r = r2.squareRoot()
    let w2 = w * w
    #if ORBIT_FMA
      // Fused: the brackets are ready one multiply earlier, and (x·r)·w² starts as soon as the
      // square root is done, so the last product waits ≈ 2 cycles less (by latency count).
      let kzz = (5 * k) * zz
      let pxy = (-mu).addingProduct(-k, w).addingProduct(kzz, w2)
      let pz = (-mu).addingProduct(-3 * k, w).addingProduct(kzz, w2)
      return Vector3(
        ((position.x * r) * w2) * pxy, ((position.y * r) * w2) * pxy, ((position.z * r) * w2) * pz)
    #else
      let u = w2 * r
      let q = ((5 * k) * zz) * w2
      let pxy = (-mu - k * w) + q
      let pz = (-mu - (3 * k) * w) + q
      return Vector3((position.x * u) * pxy, (position.y * u) * pxy, (position.z * u) * pz)
    #endif
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
    let w2: Lanes = w * w
    let kzz: Lanes = (5 * k) * zz
    #if ORBIT_FMA
      let minusMu = Lanes(repeating: -mu)
      let pxy: Lanes = minusMu.addingProduct(-k, w).addingProduct(kzz, w2)
      let pz: Lanes = minusMu.addingProduct(-3 * k, w).addingProduct(kzz, w2)
      let xr: Lanes = position.x * r
      let yr: Lanes = position.y * r
      let zr: Lanes = position.z * r
      return LaneVector3((xr * w2) * pxy, (yr * w2) * pxy, (zr * w2) * pz)
    #else
      let u: Lanes = w2 * r
      let q: Lanes = kzz * w2
      let kw: Lanes = k * w
      let k3w: Lanes = (3 * k) * w
      let pxy: Lanes = (-mu - kw) + q
      let pz: Lanes = (-mu - k3w) + q
      let xu: Lanes = position.x * u
      let yu: Lanes = position.y * u
      let zu: Lanes = position.z * u
      return LaneVector3(xu * pxy, yu * pxy, zu * pz)
    #endif
  }
}
