/// How the IAU-76/FK5 reduction ties the mean J2000.0 frame to the GCRF.
///
/// The classical IAU 1976 precession and IAU 1980 nutation do not follow the observed celestial
/// pole exactly: without corrections the resulting GCRF differs from the IAU-2006/2000A GCRF by
/// up to ~0.05″ (about 1.5 m at LEO radius, growing with distance). The two options are:
///
/// - `frameBias` (the default): GCRF → EME2000 by the IERS 2003 frame bias (`FrameBias.matrix`)
///   and then the uncorrected IAU-76/80 model. This is the model of the ERFA/SOFA
///   `bp00`·`pnm80` chain. The shipped EOP table carries dX, dY for IAU 2000A only, which are not
///   the δΔψ, δΔε this model would need, so no pole offset is applied. Expect ≲ 0.05″ against
///   IAU-2006/2000A.
/// - `nutationCorrections(dPsi:dEps:)`: Vallado's FK5 convention. The IERS corrections δΔψ, δΔε
///   (from the IAU-1980 EOP series, e.g. finals.all "dPsi/dEps") are added to the IAU-80
///   nutation (and so to the equation of the equinoxes), and the result is taken as the GCRF
///   with **no** separate frame bias (EME2000 ≡ GCRF in this model, the corrections absorb the
///   bias). With the published corrections this agrees with IAU-2006/2000A to ~0.1 mas (a few
///   mm at LEO radius; Vallado (2013) Table 3-6 lists both results for the same example).
///
/// References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §3.7
/// (the IAU-76/FK5 reduction with δΔψ, δΔε) and Example 3-15 (Example 3-14 in the 3rd ed.); IERS Conventions
/// (2003) ch. 5 (frame bias); IERS Conventions (1996) ch. 5 (celestial pole offsets).
public enum CelestialPoleModel: Sendable, Hashable {
  /// GCRF → EME2000 by the IERS 2003 frame bias, uncorrected IAU-76/80 precession–nutation.
  case frameBias
  /// IAU-80 nutation corrected by δΔψ and δΔε (rad); GCRF ≡ EME2000 (no frame bias).
  case nutationCorrections(dPsi: Double, dEps: Double)
}
