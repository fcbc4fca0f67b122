/// The data that time-scale conversions need: the leap-second table and (optionally) EOP.
///
/// Passed in explicitly (never a global singleton); `TimeScaleData.standard` is the data
/// compiled into Orbit.
public struct TimeScaleData: Sendable, Hashable {
  /// TAI − UTC steps.
  public var leapSeconds: LeapSecondTable
  /// Earth-orientation parameters; nil means UT1 and polar motion are unavailable.
  public var eop: EOPTable?

  /// Data from a leap-second table and an optional EOP table.
  public init(leapSeconds: LeapSecondTable, eop: EOPTable?) {
    self.leapSeconds = leapSeconds
    self.eop = eop
  }

  /// The built-in leap seconds (1972–2017) and IERS EOP (2012-01-01 to 2027-10-29).
  public static let standard = TimeScaleData(leapSeconds: .builtIn, eop: .builtIn)

  /// The UTC reading (day, whole second of day, TAI − UTC) of an epoch.
  @inlinable
  func utcParts(_ epoch: Epoch) throws(TimeError) -> (mjd: Int, secondOfDay: Int64, taiMinusUTC: Int) {
    guard let parts = leapSeconds.utc(fromTAI: epoch.wholeSeconds) else {
      throw .utcBefore1972(text: "TAI \(epoch.wholeSeconds) s from 2000-01-01T12:00:00 TAI")
    }
    return parts
  }

  /// TAI − UTC (s) at `epoch`.
  /// - Throws: `TimeError.utcBefore1972` before 1972-01-01.
  @inlinable
  public func taiMinusUTC(at epoch: Epoch) throws(TimeError) -> Double {
    Double(try utcParts(epoch).taiMinusUTC)
  }

  /// Earth-orientation values at `epoch`, interpolated linearly within the UTC day.
  ///
  /// The fraction of the UTC day is the elapsed SI seconds over the day's length (86401 s on a
  /// day that ends with a leap second), as ERFA's quasi-Julian date counts it.
  /// - Throws: `TimeError.eopUnavailable` outside the table, `.utcBefore1972` before 1972.
  public func eop(at epoch: Epoch) throws(TimeError) -> EOPValues {
    let utc = try utcParts(epoch)
    let dayLength = leapSeconds.endsWithLeapSecond(utcDay: utc.mjd) ? 86401.0 : 86400.0
    let fraction = min(1.0, (Double(utc.secondOfDay) + epoch.fraction) / dayLength)
    guard let table = eop else {
      throw .eopUnavailable(mjd: Double(utc.mjd) + fraction, firstMJD: 0, lastMJD: -1)
    }
    let (mjd, dayFraction) = fraction >= 1 ? (utc.mjd + 1, 0.0) : (utc.mjd, fraction)
    guard let v = table.interpolate(mjd: mjd, dayFraction: dayFraction) else {
      throw .eopUnavailable(
        mjd: Double(utc.mjd) + fraction, firstMJD: table.firstMJD, lastMJD: table.lastMJD)
    }
    return EOPValues(
      ut1MinusUTC: v.ut1MinusTAI + Double(utc.taiMinusUTC), xp: v.xp, yp: v.yp,
      lengthOfDayExcess: v.lod, dX: v.dX, dY: v.dY)
  }

  /// The offset `scale − TAI` (s) at `epoch`: 0 for TAI, 32.184 for TT, −19 for GPS,
  /// −(TAI − UTC) for UTC, UT1 − TAI from EOP for UT1, TT − TAI + (TDB − TT) for TDB.
  /// - Throws: `TimeError` when the scale needs data that is missing.
  public func offsetFromTAI(_ scale: TimeScale, at epoch: Epoch) throws(TimeError) -> Double {
    switch scale {
    case .tai: return 0
    case .tt: return Epoch.ttMinusTAI
    case .gps: return -Epoch.taiMinusGPS
    case .utc: return -(try taiMinusUTC(at: epoch))
    case .ut1:
      let e = try eop(at: epoch)
      return e.ut1MinusUTC - (try taiMinusUTC(at: epoch))
    case .tdb: return Epoch.ttMinusTAI + epoch.tdbMinusTT
    }
  }
}
