// The IERS 2003 frame bias between the GCRS (ICRS axes) and the mean equator and equinox of
// J2000.0 (EME2000 / FK5 J2000 dynamical frame).
//
// References: IERS Conventions (2003), ch. 5 (frame bias: ξ0 = −0.0166170″, η0 = −0.0068192″,
// dα0 = −0.01460″); G. Petit and B. Luzum (eds.), IERS Conventions (2010), ch. 5;
// IAU SOFA `iauBi00` (dψ_bias = −0.041775″, dε_bias = −0.0068192″, dα0 = −0.0146″) and
// `iauBp00` (B = R1(−dε_bias) · R2(dψ_bias sin ε0) · R3(dα0), ε0 = 84381.448″). We build the
// matrix as SOFA does so that it matches the ERFA tables; ξ0 = dψ_bias sin ε0 = −0.016617″.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The frame bias: the small fixed rotation from GCRF to EME2000 (about 23 mas).
///
/// Accuracy: exact by convention (IERS 2003); the bias is constant in time.
public enum FrameBias {
  /// Frame bias in longitude dψ_bias = −0.041775″ (rad), so ξ0 = dψ_bias · sin ε0 ≈ −0.0166170″.
  ///
  /// - References: IERS Conventions (2003) ch. 5; SOFA `iauBi00`.
  public static let longitude = -0.041775 * Angle.arcsecond
  /// Frame bias in obliquity dε_bias = η0 = −0.0068192″ (rad).
  ///
  /// - References: IERS Conventions (2003) ch. 5; SOFA `iauBi00`.
  public static let obliquity = -0.0068192 * Angle.arcsecond
  /// The ICRS right ascension of the J2000.0 mean equinox dα0 = −0.01460″ (rad).
  ///
  /// - References: IERS Conventions (2003) ch. 5 (Chapront et al. 2002).
  public static let rightAscensionOfEquinox = -0.0146 * Angle.arcsecond
  /// ε0 = 84381.448″ (rad), the J2000.0 obliquity used to turn dψ_bias into ξ0.
  @usableFromInline
  static let obliquityJ2000 = 84_381.448 * Angle.arcsecond

  /// ξ0 = dψ_bias · sin ε0 (rad), ≈ −0.0166170″.
  public static var xi0: Double { longitude * sin(obliquityJ2000) }

  /// The bias matrix B from GCRF to EME2000: `r_eme2000 = B · r_gcrf`.
  ///
  /// B = R1(−η0) · R2(ξ0) · R3(dα0) with the passive rotations of `Matrix3`.
  /// - References: IERS Conventions (2003) ch. 5; SOFA `iauBp00`.
  public static let matrix: Matrix3 =
    Matrix3.rotationX(-obliquity) * Matrix3.rotationY(longitude * sin(obliquityJ2000))
    * Matrix3.rotationZ(rightAscensionOfEquinox)
}
