// Local orbital frames built from a reference state (position r, velocity v; ĥ = r × v / |r × v|).
//
// LVLH (the CCSDS and ISS convention, as Orekit's LOFType.LVLH_CCSDS): z = −r̂ (towards nadir),
// y = −ĥ (opposite the orbit normal), x = y × z (along the velocity for a circular orbit).
// RTN / RSW (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), ch. 3, the RSW satellite coordinate system):
// R = r̂, N = ĥ (W in Vallado), T = N × R (S in Vallado, along the velocity for circular orbits).
// VNB (GMAT's and Orekit's VNC): V = v̂, N = ĥ, B = V × N.

/// A local orbital frame attached to a reference state.
///
/// The frames are right-handed and orthonormal; `rotation(position:velocity:)` returns the
/// matrix whose **rows** are the local axes in inertial components, so
/// `r_local = M · r_inertial` for a relative vector.
///
/// References: CCSDS LVLH convention (Orekit `LOFType.LVLH_CCSDS`); Vallado (2013) ch. 3 (RSW satellite coordinate system).
public enum LocalOrbitalFrame: String, Sendable, Hashable, CaseIterable {
  /// Local vertical, local horizontal (CCSDS/ISS): x = y × z, y = −ĥ, z = −r̂ (nadir).
  /// For a circular orbit x points along the velocity ("V-bar"), z to the Earth ("R-bar" down).
  case lvlh
  /// Radial–transverse–normal (Vallado's RSW): R = r̂, T = N × R, N = ĥ.
  case rtn
  /// Velocity–normal–binormal: V = v̂, N = ĥ, B = V × N (B is roughly radial outwards).
  case vnb

  /// The rotation from inertial to local axes for a reference state.
  ///
  /// - Parameters:
  ///   - position: reference position, inertial (m).
  ///   - velocity: reference velocity, inertial (m/s); must not be parallel to `position`.
  /// - Returns: M with rows (x̂, ŷ, ẑ) of the local frame in inertial components; `r_local = M · r`.
  ///   Parallel (rectilinear) states give NaN components.
  /// - References: CCSDS LVLH convention; Vallado (2013) ch. 3 (RSW satellite coordinate system).
  @inlinable
  public func rotation(position: Vector3, velocity: Vector3) -> Matrix3 {
    let rHat = position.unit
    let hHat = position.cross(velocity).unit
    switch self {
    case .lvlh:
      let z = -rHat
      let y = -hHat
      return Matrix3(rows: y.cross(z), y, z)
    case .rtn:
      return Matrix3(rows: rHat, hHat.cross(rHat), hHat)
    case .vnb:
      let vHat = velocity.unit
      return Matrix3(rows: vHat, hHat, vHat.cross(hHat))
    }
  }
}
