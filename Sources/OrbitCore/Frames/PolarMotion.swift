// Polar motion: the rotation from the pseudo-Earth-fixed frame (PEF, the IAU-76/FK5 terrestrial
// frame of date, "TIRS" without s′) to the ITRF.
//
// References: IERS Conventions (2003) ch. 5 eq. 3 and (2010) eq. 5.3, W = R3(−s′) · R2(x_p) ·
// R1(y_p) for ITRS → TIRS, written with *active*-sign conventions of the IERS (their R_i(θ) is
// our passive rotation); so PEF → ITRF = R1(−y_p) · R2(−x_p) in the passive rotations of
// `Matrix3`, as in SOFA `iauPom00` with s′ = 0 (SOFA's iauRx/iauRy are also passive). Vallado,
// Fundamentals of Astrodynamics and Applications, 4th ed. (2013), eq. 3-77 uses
// r_PEF = R1(y_p) · R2(x_p) · r_ITRF, whose inverse R2(−x_p) · R1(−y_p) differs from ours only
// by x_p·y_p (~1e-12 rad).

/// The polar-motion rotation W from PEF to ITRF.
public enum PolarMotion {
  /// The matrix W with `r_itrf = W · r_pef`: W = R1(−y_p) · R2(−x_p) (passive rotations).
  ///
  /// The TIO locator s′ (≤ 0.1 mas/century) is neglected, as in the IAU-76/FK5 reduction.
  /// - Parameters:
  ///   - xp: polar motion x_p (rad).
  ///   - yp: polar motion y_p (rad).
  /// - References: IERS Conventions (2010) eq. 5.3; SOFA `iauPom00` (s′ = 0); Vallado (2013)
  ///   eq. 3-77.
  @inlinable
  public static func matrix(xp: Double, yp: Double) -> Matrix3 {
    Matrix3.rotationX(-yp) * Matrix3.rotationY(-xp)
  }
}
