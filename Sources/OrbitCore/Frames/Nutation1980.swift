// The IAU 1980 nutation (Wahr 1981; Seidelmann 1982) and the IAU 1980 mean obliquity.
//
// References: P. K. Seidelmann, "1980 IAU Theory of Nutation: The Final Report of the IAU
// Working Group on Nutation", Celestial Mechanics 27 (1982) 79–106 (series and the Delaunay
// arguments, Table 1); J. H. Lieske et al., Astron. Astrophys. 58 (1977) 1–16 (mean
// obliquity ε_A = 84381.448″ − 46.8150″ T − 0.00059″ T² + 0.001813″ T³); Explanatory Supplement
// to the Astronomical Almanac (1992) §3.222; Vallado, Fundamentals of Astrodynamics and
// Applications, 4th ed. (2013), §3.7 (IAU-76/FK5 reduction); IAU SOFA `iauNut80`, `iauObl80`,
// `iauNumat` (the tests compare against their ERFA twins). The 106-term table is in
// Nutation1980Table.swift.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The IAU 1980 nutation model: Δψ, Δε, the mean obliquity and the nutation matrix.
///
/// Accuracy: the IAU 1980 series itself is in error by up to ~0.05″ against the observed pole
/// (free core nutation and model errors); IERS publishes corrections δΔψ, δΔε for it (see
/// `CelestialPoleModel.nutationCorrections`).
public enum Nutation1980 {
  /// Mean obliquity of the ecliptic ε_A (rad), IAU 1980.
  ///
  /// - Parameter t: Julian centuries of TT since J2000.0.
  /// - References: Lieske et al. (1977); Vallado (2013) §3.7 (IAU-76/FK5 reduction); SOFA `iauObl80`.
  @inlinable
  public static func meanObliquity(julianCenturiesTT t: Double) -> Double {
    Angle.arcsecond * (84381.448 + (-46.8150 + (-0.00059 + 0.001813 * t) * t) * t)
  }

  /// The longitude of the Moon's mean ascending node Ω (rad, in [−π, π)), IAU 1980 expression.
  ///
  /// - Parameter t: Julian centuries of TT since J2000.0.
  /// - References: Seidelmann (1982) (Ω = 125°02′40.280″ − (5 rev + 134°08′10.539″) T + 7.455″ T² + 0.008″ T³).
  @inlinable
  public static func moonNodeLongitude(julianCenturiesTT t: Double) -> Double {
    Angle.normalizedSigned(
      (450160.280 + (-482890.539 + (7.455 + 0.008 * t) * t) * t) * Angle.arcsecond
        + fmod(-5.0 * t, 1.0) * Angle.twoPi)
  }

  /// The nutation in longitude Δψ and in obliquity Δε (rad) from the full 106-term series.
  ///
  /// - Parameter t: Julian centuries of TT since J2000.0.
  /// - Returns: Δψ and Δε (rad), referred to the ecliptic of date.
  /// - Complexity: 106 sine/cosine pairs.
  /// - References: Seidelmann (1982), Table 1; Explanatory Supplement (1992) §3.222.
  public static func angles(julianCenturiesTT t: Double) -> (dPsi: Double, dEps: Double) {
    // Delaunay arguments (Seidelmann 1982): arcsecond polynomials plus whole revolutions
    // per century, the latter reduced with fmod so that the large multiple of 2π stays exact.
    let l = Angle.normalizedSigned(
      (485866.733 + (715922.633 + (31.310 + 0.064 * t) * t) * t) * Angle.arcsecond
        + fmod(1325.0 * t, 1.0) * Angle.twoPi)
    let lPrime = Angle.normalizedSigned(
      (1287099.804 + (1292581.224 + (-0.577 - 0.012 * t) * t) * t) * Angle.arcsecond
        + fmod(99.0 * t, 1.0) * Angle.twoPi)
    let f = Angle.normalizedSigned(
      (335778.877 + (295263.137 + (-13.257 + 0.011 * t) * t) * t) * Angle.arcsecond
        + fmod(1342.0 * t, 1.0) * Angle.twoPi)
    let d = Angle.normalizedSigned(
      (1072261.307 + (1105601.328 + (-6.891 + 0.019 * t) * t) * t) * Angle.arcsecond
        + fmod(1236.0 * t, 1.0) * Angle.twoPi)
    let om = moonNodeLongitude(julianCenturiesTT: t)

    // Sum the smallest terms first (the table is ordered roughly by decreasing size).
    var dPsi = 0.0
    var dEps = 0.0
    let table = terms
    var j = table.count - 1
    while j >= 0 {
      let term = table[j]
      let argument = term.l * l + term.lPrime * lPrime + term.f * f + term.d * d + term.omega * om
      let s = term.longitudeSine + term.longitudeSineRate * t
      let c = term.obliquityCosine + term.obliquityCosineRate * t
      if s != 0 { dPsi += s * sin(argument) }
      if c != 0 { dEps += c * cos(argument) }
      j -= 1
    }
    let unit = 1e-4 * Angle.arcsecond
    return (dPsi * unit, dEps * unit)
  }

  /// The nutation matrix N from mean of date to true of date: `r_tod = N · r_mod`.
  ///
  /// N = R1(−(ε_A + Δε)) · R3(−Δψ) · R1(ε_A) with the passive rotations of `Matrix3`.
  /// - Parameters:
  ///   - meanObliquity: ε_A (rad).
  ///   - dPsi: nutation in longitude Δψ (rad), including any corrections.
  ///   - dEps: nutation in obliquity Δε (rad), including any corrections.
  /// - References: Vallado (2013) §3.7 (IAU-76/FK5 reduction); SOFA `iauNumat`.
  @inlinable
  public static func matrix(meanObliquity: Double, dPsi: Double, dEps: Double) -> Matrix3 {
    Matrix3.rotationX(-(meanObliquity + dEps)) * Matrix3.rotationZ(-dPsi)
      * Matrix3.rotationX(meanObliquity)
  }

  /// The nutation matrix N at `t` Julian centuries of TT since J2000.0 (no corrections).
  ///
  /// - References: Vallado (2013) §3.7 (IAU-76/FK5 reduction); SOFA `iauNutm80`.
  public static func matrix(julianCenturiesTT t: Double) -> Matrix3 {
    let n = angles(julianCenturiesTT: t)
    return matrix(meanObliquity: meanObliquity(julianCenturiesTT: t), dPsi: n.dPsi, dEps: n.dEps)
  }
}
