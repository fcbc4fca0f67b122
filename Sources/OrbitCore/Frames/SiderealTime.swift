// Sidereal time and Earth rotation: GMST (IAU 1982), the equation of the equinoxes (IAU 1994),
// GAST, the Earth rotation angle (IAU 2000) and the Earth's angular velocity.
//
// References: S. Aoki et al., "The New Definition of Universal Time", Astron. Astrophys. 105
// (1982) 359–361 (GMST 1982); IAU 1994 resolution C7 and IERS Conventions (1996) ch. 5 (the
// 0.00264″ sin Ω + 0.000063″ sin 2Ω terms of the equation of the equinoxes); IERS Conventions
// (2003) ch. 5 (Earth rotation angle, whose rate gives ω⊕); Vallado, Fundamentals of
// Astrodynamics and Applications, 4th ed. (2013), §3.5 and §3.7
// (ω⊕ = 7.292115146706979e-5 rad/s × (1 − LOD/86400)); IAU SOFA `iauGmst82`, `iauEra00`,
// `iauEqeq94` (the tests compare against their ERFA twins). The two-part Julian-date handling
// (polynomial in centuries plus the fraction of the day, each reduced separately) keeps the
// result at ~1e-12 rad.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sidereal time and the Earth rotation angle.
public enum SiderealTime {
  /// Radians per second of time (2π / 86400).
  @usableFromInline
  static let radiansPerSecondOfTime = Angle.twoPi / 86_400.0

  /// Greenwich mean sidereal time, IAU 1982 (rad, in [0, 2π)).
  ///
  /// GMST = 24110.54841 s + 8640184.812866 s·T_u + 0.093104 s·T_u² − 6.2e-6 s·T_u³ at 0h UT1,
  /// plus the elapsed UT1 of the day scaled to sidereal rate. Computed as in SOFA `iauGmst82`:
  /// the polynomial uses the centuries of the instant, and the day fraction is added from the
  /// two parts separately so that no precision is lost to the large Julian date.
  /// - Parameter ut1: the instant as a two-part Julian date on UT1 (either part may be the large one).
  /// - Accuracy: ~1e-12 rad of arithmetic error from 1972 to 2100.
  /// - References: Aoki et al. (1982); Vallado (2013) §3.7 (IAU-76/FK5 reduction); SOFA `iauGmst82`.
  @inlinable
  public static func gmst82(ut1: JulianDate) -> Double {
    // The larger part goes into the centuries, the smaller adds its day fraction.
    let (d1, d2) = abs(ut1.whole) < abs(ut1.fraction)
      ? (ut1.whole, ut1.fraction) : (ut1.fraction, ut1.whole)
    let t = (d1 + (d2 - 2_451_545.0)) / 36_525.0
    // 24110.54841 s is GMST at 0h UT1; the Julian date counts from noon, hence − 43200 s.
    let a = 24_110.54841 - 43_200.0
    let seconds = a + (8_640_184.812866 + (0.093104 - 6.2e-6 * t) * t) * t
    let dayFraction = 86_400.0 * (fmod(d1, 1.0) + fmod(d2, 1.0))
    return Angle.normalizedPositive(radiansPerSecondOfTime * (seconds + dayFraction))
  }

  /// The Earth rotation angle θ, IAU 2000 (rad, in [0, 2π)).
  ///
  /// θ = 2π (0.7790572732640 + 1.00273781191135448 · D_u), D_u = JD(UT1) − 2451545.0.
  /// - Parameter ut1: the instant as a two-part Julian date on UT1.
  /// - References: IERS Conventions (2003) ch. 5; SOFA `iauEra00`.
  @inlinable
  public static func earthRotationAngle(ut1: JulianDate) -> Double {
    let (d1, d2) = abs(ut1.whole) < abs(ut1.fraction)
      ? (ut1.whole, ut1.fraction) : (ut1.fraction, ut1.whole)
    let du = d1 + (d2 - 2_451_545.0)
    // 1.00273781191135448 = 1 + 0.00273781191135448; the 1 × D_u turns are the day fractions.
    let turns = (fmod(d1, 1.0) + fmod(d2, 1.0)) + 0.7790572732640 + 0.00273781191135448 * du
    return Angle.normalizedPositive(Angle.twoPi * turns)
  }

  /// The equation of the equinoxes, IAU 1994 (rad), from given nutation quantities.
  ///
  /// EqE = Δψ cos ε_A + 0.00264″ sin Ω + 0.000063″ sin 2Ω.
  /// - Parameters:
  ///   - dPsi: nutation in longitude Δψ (rad); include δΔψ when using IERS corrections.
  ///   - meanObliquity: ε_A (rad).
  ///   - moonNodeLongitude: Ω (rad), see `Nutation1980.moonNodeLongitude(julianCenturiesTT:)`.
  /// - References: IERS Conventions (1996) ch. 5; Vallado (2013) §3.7 (IAU-76/FK5 reduction); SOFA `iauEqeq94`.
  @inlinable
  public static func equationOfEquinoxes94(dPsi: Double, meanObliquity: Double, moonNodeLongitude om: Double)
    -> Double
  {
    dPsi * cos(meanObliquity) + Angle.arcsecond * (0.00264 * sin(om) + 0.000063 * sin(om + om))
  }

  /// The equation of the equinoxes, IAU 1994 (rad), at `t` Julian centuries of TT since J2000.0.
  ///
  /// - References: IERS Conventions (1996) ch. 5; SOFA `iauEqeq94`.
  public static func equationOfEquinoxes94(julianCenturiesTT t: Double) -> Double {
    equationOfEquinoxes94(
      dPsi: Nutation1980.angles(julianCenturiesTT: t).dPsi,
      meanObliquity: Nutation1980.meanObliquity(julianCenturiesTT: t),
      moonNodeLongitude: Nutation1980.moonNodeLongitude(julianCenturiesTT: t))
  }

  /// Greenwich apparent sidereal time, GAST = GMST82(UT1) + EqE94(TT) (rad, in [0, 2π)).
  ///
  /// The equation of the equinoxes is evaluated at TT, consistently with the nutation matrix.
  /// (SOFA `iauGst94` evaluates it at UT1 for convenience; the two differ by ≤ 0.12 mas.)
  /// - Parameters:
  ///   - ut1: the instant on UT1 (two-part Julian date).
  ///   - tt: the same instant on TT (two-part Julian date).
  /// - References: Vallado (2013) §3.7 (IAU-76/FK5 reduction); IERS Conventions (1996) ch. 5.
  public static func gast94(ut1: JulianDate, tt: JulianDate) -> Double {
    let t = tt.daysSinceJ2000 / 36_525.0
    return Angle.normalizedPositive(gmst82(ut1: ut1) + equationOfEquinoxes94(julianCenturiesTT: t))
  }

  /// The nominal angular velocity of the Earth, 7.292115146706979e-5 rad/s.
  ///
  /// - References: IERS Conventions (2003) ch. 5 (ω = 1.00273781191135448 × 2π / 86400 s,
  ///   the rate of the Earth rotation angle);
  ///   Vallado (2013) §3.5.
  public static let nominalEarthAngularVelocity = 7.292115146706979e-5

  /// The Earth's angular velocity (rad/s) for a given excess length of day.
  ///
  /// ω = 7.292115146706979e-5 rad/s × (1 − LOD/86400).
  /// - Parameter lengthOfDayExcess: LOD (s), e.g. `EOPValues.lengthOfDayExcess`.
  /// - References: Vallado (2013) §3.5; IERS Conventions (2003) ch. 5.
  @inlinable
  public static func earthAngularVelocity(lengthOfDayExcess: Double) -> Double {
    7.292115146706979e-5 * (1.0 - lengthOfDayExcess / 86_400.0)
  }
}
