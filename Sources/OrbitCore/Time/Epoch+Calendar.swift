// Calendar date and time of day ⇄ Epoch, in any time scale, with UTC leap seconds.
//
// References: IERS Bulletin C (leap seconds: an inserted second is labelled 23:59:60 UTC);
// the UTC/TAI relation of ITU-R TF.460-6.

/// A calendar date and time of day in some time scale.
@frozen
public struct DateTimeComponents: Hashable, Sendable {
  /// The calendar date.
  public var date: CivilDate
  /// Hour, 0–23.
  public var hour: Int
  /// Minute, 0–59.
  public var minute: Int
  /// Whole second, 0–59 (60 inside a UTC leap second).
  public var second: Int
  /// Fraction of the second, in [0, 1).
  public var secondFraction: Double

  /// Components from their fields (validated by the `Epoch` initializer that uses them).
  @inlinable
  public init(date: CivilDate, hour: Int, minute: Int, second: Int, secondFraction: Double = 0) {
    self.date = date
    self.hour = hour
    self.minute = minute
    self.second = second
    self.secondFraction = secondFraction
  }
}

extension Epoch {
  /// An epoch from a calendar date and time of day read in `scale`.
  ///
  /// - Parameters:
  ///   - components: the date and time; second 60 only at 23:59:60 UTC on a leap-second day.
  ///   - scale: the scale the components are read in.
  ///   - data: leap seconds (UTC) and EOP (UT1).
  ///   - text: how to name the input in error messages (defaults to an ISO rendering).
  /// - Throws: `TimeError` for out-of-range fields, misplaced leap seconds, UTC before 1972 and
  ///   UT1 outside the EOP table.
  public init(
    _ components: DateTimeComponents, scale: TimeScale, data: TimeScaleData = .standard,
    text: String? = nil
  ) throws(TimeError) {
    let c = components
    let label = text ?? Epoch.render(c, fractionDigits: 6)
    guard (1...12).contains(c.date.month) else {
      throw .invalidField(text: label, field: "month", reason: "must be 1–12, got \(c.date.month)")
    }
    guard c.date.isValid else {
      throw .invalidField(
        text: label, field: "day",
        reason: "must be 1–\(CivilDate.daysInMonth(year: c.date.year, month: c.date.month)), got \(c.date.day)")
    }
    guard (0...23).contains(c.hour) else {
      throw .invalidField(text: label, field: "hour", reason: "must be 0–23, got \(c.hour)")
    }
    guard (0...59).contains(c.minute) else {
      throw .invalidField(text: label, field: "minute", reason: "must be 0–59, got \(c.minute)")
    }
    guard c.secondFraction.isFinite, c.secondFraction >= 0, c.secondFraction < 1 else {
      throw .invalidField(text: label, field: "second", reason: "fraction must be in [0, 1)")
    }
    guard (0...60).contains(c.second) else {
      throw .invalidField(text: label, field: "second", reason: "must be 0–59 (60 in a leap second), got \(c.second)")
    }
    let mjd = c.date.modifiedJulianDay
    if c.second == 60 {
      guard scale == .utc, c.hour == 23, c.minute == 59,
        data.leapSeconds.endsWithLeapSecond(utcDay: mjd)
      else { throw .notALeapSecond(text: label) }
    }
    // Seconds since JD 2451545.0 (2000-01-01T12:00:00) of the scale.
    let count = Int64(mjd - 51544) * 86400 - 43200 + Int64(c.hour * 3600 + c.minute * 60 + c.second)
    let reading = Epoch(wholeSeconds: count, fraction: c.secondFraction)
    switch scale {
    case .tai:
      self = reading
    case .tt:
      self = reading - Epoch.ttMinusTAI
    case .gps:
      self = reading + Epoch.taiMinusGPS
    case .tdb:
      var e = reading - Epoch.ttMinusTAI
      for _ in 0..<3 { e = reading - (Epoch.ttMinusTAI + e.tdbMinusTT) }
      self = e
    case .utc:
      guard mjd >= data.leapSeconds.firstMJD, let offset = data.leapSeconds.offset(onUTCDay: mjd)
      else { throw .utcBefore1972(text: label) }
      self = reading + Double(offset)
    case .ut1:
      // UT1 − TAI varies by < 1 ms a day: two fixed-point steps converge to well below 1 ns.
      var e = reading
      for _ in 0..<3 { e = reading - (try data.offsetFromTAI(.ut1, at: e)) }
      self = e
    }
  }

  /// The calendar date and time of this instant read in `scale`.
  /// - Throws: `TimeError` when the scale needs data that is missing.
  public func components(_ scale: TimeScale, data: TimeScaleData = .standard) throws(TimeError)
    -> DateTimeComponents
  {
    let (mjd, secondOfDay, fraction) = try dayParts(scale, data: data)
    return Epoch.components(mjd: mjd, secondOfDay: secondOfDay, fraction: fraction)
  }

  /// UTC day, whole second of day (86400 inside a leap second) and fraction in `scale`.
  @usableFromInline
  func dayParts(_ scale: TimeScale, data: TimeScaleData) throws(TimeError) -> (Int, Int64, Double) {
    if scale == .utc {
      let u = try data.utcParts(self)
      return (u.mjd, u.secondOfDay, fraction)
    }
    let shifted = self + (try data.offsetFromTAI(scale, at: self))
    let c = shifted.wholeSeconds + 43200
    let day = c >= 0 ? c / 86400 : (c - 86399) / 86400
    return (51544 + Int(day), c - day * 86400, shifted.fraction)
  }

  @usableFromInline
  static func components(mjd: Int, secondOfDay: Int64, fraction: Double) -> DateTimeComponents {
    let date = CivilDate(modifiedJulianDay: mjd)
    if secondOfDay >= 86400 {
      return DateTimeComponents(
        date: date, hour: 23, minute: 59, second: 60 + Int(secondOfDay - 86400), secondFraction: fraction)
    }
    let s = Int(secondOfDay)
    return DateTimeComponents(
      date: date, hour: s / 3600, minute: (s / 60) % 60, second: s % 60, secondFraction: fraction)
  }
}
