// IAU 1976 precession (Lieske et al. 1977) from the mean equator and equinox of J2000.0 to the
// mean equator and equinox of date.
//
// References: J. H. Lieske, T. Lederle, W. Fricke, B. Morando, "Expressions for the Precession
// Quantities Based upon the IAU (1976) System of Astronomical Constants", Astron. Astrophys. 58
// (1977) 1–16, with the fixed epoch J2000.0; Explanatory Supplement to the Astronomical
// Almanac (1992) ch. 3 (precession); Vallado, Fundamentals of Astrodynamics and Applications,
// 4th ed. (2013), §3.7 (IAU-76/FK5 reduction); IAU SOFA `iauPrec76`/`iauPmat76` (used as the independent check in the tests).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The IAU 1976 precession model: the angles ζ_A, z_A, θ_A and the precession matrix.
///
/// The model is referred to the fixed epoch J2000.0 (mean equator and equinox of J2000.0, the
/// `Frame.eme2000` axes) and gives the mean equator and equinox of date (`Frame.mod`).
///
/// Accuracy: the IAU 1976 model departs from modern precession (IAU 2006) by ~0.3″ per century
/// in the precession of the equator; within the IAU-76/FK5 reduction this error is absorbed by
/// the celestial pole offsets (see `CelestialPoleModel`).
public enum Precession1976 {
  /// The three precession angles (rad) at `t` Julian centuries of TT since J2000.0.
  ///
  /// - Parameter t: Julian centuries of TT since J2000.0 (TDB in the original definition; the
  ///   difference is below 2 ms and negligible).
  /// - Returns: ζ_A, z_A, θ_A (rad).
  /// - References: Lieske et al. (1977); Vallado (2013) §3.7 (IAU-76/FK5 reduction).
  @inlinable
  public static func angles(julianCenturiesTT t: Double) -> (zeta: Double, z: Double, theta: Double) {
    // Coefficients in arcseconds; fixed epoch J2000.0, so the epoch-dependent parts vanish.
    let zeta = (2306.2181 + (0.30188 + 0.017998 * t) * t) * t
    let z = (2306.2181 + (1.09468 + 0.018203 * t) * t) * t
    let theta = (2004.3109 + (-0.42665 - 0.041833 * t) * t) * t
    return (zeta * Angle.arcsecond, z * Angle.arcsecond, theta * Angle.arcsecond)
  }

  /// The precession matrix P from EME2000 (mean J2000.0) to mean of date: `r_mod = P · r_eme2000`.
  ///
  /// P = R3(−z_A) · R2(θ_A) · R3(−ζ_A) with the passive rotations R1/R2/R3 of `Matrix3`.
  /// - Parameter t: Julian centuries of TT since J2000.0.
  /// - References: Vallado (2013) §3.7 (IAU-76/FK5 reduction); Explanatory Supplement (1992) ch. 3.
  @inlinable
  public static func matrix(julianCenturiesTT t: Double) -> Matrix3 {
    let a = angles(julianCenturiesTT: t)
    return Matrix3.rotationZ(-a.z) * Matrix3.rotationY(a.theta) * Matrix3.rotationZ(-a.zeta)
  }
}
