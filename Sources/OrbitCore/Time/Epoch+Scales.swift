// Julian dates of an Epoch in each time scale, and TDB − TT.
//
// References: IERS Conventions (2010) ch. 10; G. H. Kaplan, "The IAU Resolutions on Astronomical
// Reference Systems, Time Scales, and Earth Rotation Models", USNO Circular 179 (2005), eq. 2.6
// (TDB − TT series, ~10 µs over 1600–2200); ERFA/SOFA `dtf2d` for the UTC quasi-Julian date
// convention on leap-second days (the day is 86401 s long).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Epoch {
  /// A two-part Julian date from a count of seconds since JD 2451545.0 of some scale.
  @inlinable
  static func julianDate(seconds whole: Int64, fraction: Double) -> JulianDate {
    let days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400
    let rest = whole - days * 86400
    return JulianDate(whole: 2_451_545.0 + Double(days), fraction: (Double(rest) + fraction) / 86400)
  }

  /// The Julian date on the TAI scale.
  @inlinable
  public var julianDateTAI: JulianDate { Epoch.julianDate(seconds: wholeSeconds, fraction: fraction) }

  /// The Julian date on the TT scale (needs no data).
  @inlinable
  public var julianDateTT: JulianDate {
    let tt = self + Epoch.ttMinusTAI
    return Epoch.julianDate(seconds: tt.wholeSeconds, fraction: tt.fraction)
  }

  /// Julian centuries of TT since J2000.0: (JD_TT − 2451545.0) / 36525.
  @inlinable
  public var julianCenturiesTT: Double {
    (Double(wholeSeconds + 32) + (fraction + 0.184)) / 3_155_760_000.0
  }

  /// TDB − TT (s) at the geocentre.
  ///
  /// Accuracy: ~10 µs over 1600–2200 (Kaplan 2005); within 15 µs of ERFA `dtdb` for
  /// 1972–2030 in our tests.
  /// References: Kaplan, USNO Circular 179 (2005), eq. 2.6.
  @inlinable
  public var tdbMinusTT: Double {
    let t = julianCenturiesTT
    var s = 0.001657 * sin(628.3076 * t + 6.2401)
    s += 0.000022 * sin(575.3385 * t + 4.2970)
    s += 0.000014 * sin(1256.6152 * t + 6.1969)
    s += 0.000005 * sin(606.9777 * t + 4.0212)
    s += 0.000005 * sin(52.9691 * t + 0.4444)
    s += 0.000002 * sin(21.3299 * t + 5.5431)
    s += 0.000010 * t * sin(628.3076 * t + 4.2490)
    return s
  }

  /// The Julian date on the TDB scale (needs no data).
  @inlinable
  public var julianDateTDB: JulianDate {
    let tdb = self + (Epoch.ttMinusTAI + tdbMinusTT)
    return Epoch.julianDate(seconds: tdb.wholeSeconds, fraction: tdb.fraction)
  }

  /// The Julian date of this instant on UT1 for a given UT1 − UTC.
  ///
  /// - Parameters:
  ///   - ut1MinusUTC: UT1 − UTC (s), e.g. from `TimeScaleData.eop(at:)` or a worked example.
  ///   - data: the leap-second table used for TAI − UTC.
  /// - Throws: `TimeError.utcBefore1972` before 1972.
  @inlinable
  public func julianDateUT1(ut1MinusUTC: Double, data: TimeScaleData = .standard) throws(TimeError)
    -> JulianDate
  {
    let ut1 = self + (ut1MinusUTC - (try data.taiMinusUTC(at: self)))
    return Epoch.julianDate(seconds: ut1.wholeSeconds, fraction: ut1.fraction)
  }

  /// The two-part Julian date of this instant in `scale`.
  ///
  /// For UTC this is ERFA's quasi-Julian date: `whole` is the JD of 0h UTC and `fraction` the
  /// elapsed part of that UTC day, whose length is 86401 s on a day ending with a leap second.
  /// - Throws: `TimeError` when the scale needs data that is missing (UTC before 1972, UT1
  ///   outside the EOP table).
  public func julianDate(_ scale: TimeScale, data: TimeScaleData = .standard) throws(TimeError)
    -> JulianDate
  {
    switch scale {
    case .tai: return julianDateTAI
    case .tt: return julianDateTT
    case .tdb: return julianDateTDB
    case .gps:
      let g = self - Epoch.taiMinusGPS
      return Epoch.julianDate(seconds: g.wholeSeconds, fraction: g.fraction)
    case .ut1:
      return try julianDateUT1(ut1MinusUTC: try data.eop(at: self).ut1MinusUTC, data: data)
    case .utc:
      let u = try data.utcParts(self)
      let dayLength = data.leapSeconds.endsWithLeapSecond(utcDay: u.mjd) ? 86401.0 : 86400.0
      return JulianDate(
        whole: Double(u.mjd) + 2_400_000.5,
        fraction: (Double(u.secondOfDay) + fraction) / dayLength)
    }
  }
}
