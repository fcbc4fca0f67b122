// Polar motion: the rotation from the pseudo-Earth-fixed frame (PEF, the IAU-76/FK5 terrestrial
// frame of date, "TIRS" without s′) to the ITRF.
//
// References: IERS Conventions (2010) eq. 5.3 (and 2003 ch. 5): W_IERS = R3(−s′) ·
// R2(x_p) · R1(y_p) maps ITRS to TIRS (r_TIRS = W_IERS · r_ITRS), with the same passive R_i as
// `Matrix3` and SOFA. Its inverse with s′ = 0 is our W = R1(−y_p) · R2(−x_p), PEF → ITRF, which
// is SOFA `iauPom00(xp, yp, 0)`. Vallado, Fundamentals of Astrodynamics and Applications, 4th
// ed. (2013), §3.7, writes r_PEF = R1(y_p) · R2(x_p) · r_ITRF (the same two small rotations in
// the other order); the two differ by x_p·y_p (~1e-12 rad).

/// The polar-motion rotation W from PEF to ITRF.
public enum PolarMotion {
  /// The matrix W with `r_itrf = W · r_pef`: W = R1(−y_p) · R2(−x_p) (passive rotations).
  ///
  /// The TIO locator s′ (≤ 0.1 mas/century) is neglected, as in the IAU-76/FK5 reduction.
  /// - Parameters:
  ///   - xp: polar motion x_p (rad).
  ///   - yp: polar motion y_p (rad).
  /// - References: IERS Conventions (2010) eq. 5.3; SOFA `iauPom00` (s′ = 0); Vallado (2013)
  ///   §3.7.
  @inlinable
  public static func matrix(xp: Double, yp: Double) -> Matrix3 {
    Matrix3.rotationX(-yp) * Matrix3.rotationY(-xp)
  }
}
