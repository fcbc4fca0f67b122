// TLE epochs: two-digit year and fractional day of year, on UTC.
//
// References: Hoots & Roehrich, Spacetrack Report #3 (1980); Vallado et al., AIAA 2006-6753
// (years 57–99 are 1957–1999, 00–56 are 2000–2056).

extension Epoch {
  /// The epoch of a TLE: year and fractional day of year (1.0 = 1 January 00:00 UTC).
  ///
  /// The day fraction is taken as a fraction of an 86400-s UTC day.
  /// - Parameters:
  ///   - tleYear: the two-digit TLE year (57…99 → 19xx, 0…56 → 20xx) or a four-digit year.
  ///   - dayOfYear: the day of the year with fraction, in [1, days in year + 1).
  /// - Throws: `TimeError` for an out-of-range day or a year before 1972 (UTC).
  public init(tleYear: Int, dayOfYear: Double, data: TimeScaleData = .standard) throws(TimeError) {
    let year = tleYear >= 100 ? tleYear : (tleYear < 57 ? 2000 + tleYear : 1900 + tleYear)
    let text = "TLE epoch \(tleYear) day \(dayOfYear)"
    guard dayOfYear.isFinite else { throw .nonFinite(what: "\(text): day of year") }
    let daysInYear = CivilDate.isLeapYear(year) ? 366 : 365
    guard dayOfYear >= 1, dayOfYear < Double(daysInYear + 1) else {
      throw .invalidField(text: text, field: "day of year", reason: "must be in [1, \(daysInYear + 1))")
    }
    let whole = dayOfYear.rounded(.down)
    let seconds = (dayOfYear - whole) * 86400
    let wholeSecond = seconds.rounded(.down)
    let date = CivilDate(
      modifiedJulianDay: CivilDate(year: year, month: 1, day: 1).modifiedJulianDay + Int(whole) - 1)
    let s = Int(wholeSecond)
    try self.init(
      DateTimeComponents(
        date: date, hour: s / 3600, minute: (s / 60) % 60, second: s % 60,
        secondFraction: seconds - wholeSecond),
      scale: .utc, data: data, text: text)
  }
}
