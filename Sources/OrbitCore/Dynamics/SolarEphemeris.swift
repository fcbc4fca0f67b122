// Low-precision analytic position of the Sun, geocentric, in GCRF.
//
// The Astronomical Almanac's "low precision formulas for the Sun" (U.S. Naval Observatory and
// H.M. Nautical Almanac Office, The Astronomical Almanac, section C; the same series in century
// form is Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §5.1.1,
// Algorithm 29): with n days of TT since J2000,
//   L = 280.460° + 0.9856474° n,  g = 357.528° + 0.9856003° n,
//   λ = L + 1.915° sin g + 0.020° sin 2g,  β = 0,  ε = 23.439° − 0.0000004° n,
//   R = 1.00014 − 0.01671 cos g − 0.00014 cos 2g  (au),
// referred to the mean equator and equinox of date and including annual aberration. We add the
// constant of aberration κ = 20.49552″ (IERS Conventions (2010), Table 1.1) back to λ to get the
// geometric direction, rotate ecliptic → mean equator of date by ε, then to GCRF with the
// transposed IAU-76 precession and frame bias of Frames. Our own code.
//
// (Montenbruck & Gill's simpler series, Satellite Orbits (2000) §3.3.2, holds the perigee fixed
// in the J2000 frame and drifts by ~0.3°/century; measured 0.13° by 2040, so it is not used.)

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Sun's geocentric position from the Astronomical Almanac's low-precision series.
///
/// Accuracy: 0.01° in direction for 1950–2050 (the Almanac's claim); measured ≤ 27″ in direction
/// and ≤ 7.2e-5 in distance against ERFA `epv00` over 2000–2040 (ThirdBodyTests). Enough for
/// third-body perturbations, radiation pressure, the Harris–Priester bulge and eclipses.
/// References: The Astronomical Almanac, section C (low-precision formulas for the Sun);
/// Vallado (2013) §5.1.1, Algorithm 29.
public enum SolarEphemeris {
  /// The astronomical unit (m), IAU 2012 Resolution B2.
  public static let astronomicalUnit = 149_597_870_700.0

  /// The geocentric position of the Sun in GCRF (m).
  ///
  /// - Parameter epoch: the instant (its TT centuries are the series' argument).
  /// - Returns: position (m) in GCRF.
  /// - References: The Astronomical Almanac, section C; Vallado (2013) Algorithm 29.
  @inlinable
  public static func position(at epoch: Epoch) -> Vector3 {
    position(julianCenturiesTT: epoch.julianCenturiesTT)
  }

  /// The geocentric position of the Sun in GCRF (m) at T Julian centuries of TT since J2000.
  public static func position(julianCenturiesTT t: Double) -> Vector3 {
    let n = t * 36_525
    let deg = Angle.degree
    let meanLongitude = (280.460 + 0.985_647_4 * n).truncatingRemainder(dividingBy: 360)
    let g = (357.528 + 0.985_600_3 * n).truncatingRemainder(dividingBy: 360) * deg
    let sinG = sin(g), cosG = cos(g)
    let sin2G = 2 * sinG * cosG, cos2G = cosG * cosG - sinG * sinG
    let lambda = (meanLongitude + 1.915 * sinG + 0.020 * sin2G) * deg + 20.495_52 * Angle.arcsecond
    let epsilon = (23.439 - 0.000_000_4 * n) * deg
    let r = (1.000_14 - 0.016_71 * cosG - 0.000_14 * cos2G) * astronomicalUnit
    let sinL = sin(lambda)
    let meanOfDate = Vector3(r * cos(lambda), r * cos(epsilon) * sinL, r * sin(epsilon) * sinL)
    // MOD → EME2000 (Pᵀ) → GCRF (Bᵀ).
    let eme2000 = Precession1976.matrix(julianCenturiesTT: t).transposeMultiply(meanOfDate)
    return FrameBias.matrix.transposeMultiply(eme2000)
  }
}
