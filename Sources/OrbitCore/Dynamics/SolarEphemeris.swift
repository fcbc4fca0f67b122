// Low-precision analytic position of the Sun (geocentric, mean equator and equinox of J2000).
//
// Montenbruck & Gill, Satellite Orbits (2000), §3.3.2, eqs. (3.43)–(3.46): with T in Julian
// centuries of TT since J2000, M = 357.5256° + 35999.049° T,
//   λ = Ω + ω + M + 6892″ sin M + 72″ sin 2M  (Ω + ω = 282.9400°, ecliptic of J2000),
//   r = (149.619 − 2.499 cos M − 0.021 cos 2M) · 10⁶ km,  β = 0,
// rotated from the J2000 ecliptic to the equator by ε = 23.43929111°. The result is treated as
// GCRF (the frame bias, 0.02″, is far below the series' accuracy). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Sun's geocentric position from the low-precision series of Montenbruck & Gill.
///
/// Accuracy: about 0.01° in direction and 1e-4 relative in distance for 1950–2050 (measured
/// against ERFA `epv00` over 2000–2040: see ThirdBodyEphemerisTests); enough for third-body
/// perturbations, radiation pressure and eclipses of Earth satellites.
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.3.2, eqs. (3.43)–(3.46).
public enum SolarEphemeris {
  /// Obliquity of the J2000 ecliptic ε (rad): 23.43929111°.
  public static let obliquityJ2000 = 23.43929111 * Angle.degree

  /// The geocentric position of the Sun in GCRF (m).
  ///
  /// - Parameter epoch: the instant (its TT centuries are the series' argument).
  /// - Returns: position (m), mean equator and equinox of J2000 (≈ GCRF).
  /// - References: Montenbruck & Gill (2000) §3.3.2.
  @inlinable
  public static func position(at epoch: Epoch) -> Vector3 {
    position(julianCenturiesTT: epoch.julianCenturiesTT)
  }

  /// The geocentric position of the Sun in GCRF (m) at T Julian centuries of TT since J2000.
  @inlinable
  public static func position(julianCenturiesTT t: Double) -> Vector3 {
    let arcsec = Angle.arcsecond
    let m = (357.5256 + 35_999.049 * t).truncatingRemainder(dividingBy: 360) * Angle.degree
    let sinM = sin(m), cosM = cos(m)
    let sin2M = 2 * sinM * cosM, cos2M = cosM * cosM - sinM * sinM
    let lambda = 282.9400 * Angle.degree + m + 6892 * arcsec * sinM + 72 * arcsec * sin2M
    let r = (149.619 - 2.499 * cosM - 0.021 * cos2M) * 1e9
    let x = r * cos(lambda), yEcl = r * sin(lambda)
    let ce = cos(obliquityJ2000), se = sin(obliquityJ2000)
    return Vector3(x, ce * yEcl, se * yEcl)
  }
}
