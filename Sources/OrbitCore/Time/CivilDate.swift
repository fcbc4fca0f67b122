// Gregorian calendar ⇄ day numbers.
//
// References: H. F. Fliegel and T. C. Van Flandern, "A machine algorithm for processing calendar
// dates", Communications of the ACM 11 (1968) 657 — the integer Julian-day-number formulae,
// written here for modified Julian dates.

/// A proleptic Gregorian calendar date.
@frozen
public struct CivilDate: Hashable, Sendable {
  /// Year (e.g. 2024).
  public var year: Int
  /// Month, 1–12.
  public var month: Int
  /// Day of month, 1–31.
  public var day: Int

  /// A date from its fields (not validated; see `isValid`).
  @inlinable
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// True for a leap year of the Gregorian calendar.
  @inlinable
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  @inlinable
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// True when month and day are in range.
  @inlinable
  public var isValid: Bool {
    (1...12).contains(month) && day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month)
  }

  /// The modified Julian date of 00:00 on this date (MJD = JD − 2400000.5).
  @inlinable
  public var modifiedJulianDay: Int {
    // Fliegel & Van Flandern (1968), with integer division truncating toward zero; valid for
    // years after −4800.
    let a = (month - 14) / 12
    let jdn = (1461 * (year + 4800 + a)) / 4 + (367 * (month - 2 - 12 * a)) / 12
      - (3 * ((year + 4900 + a) / 100)) / 4 + day - 32075
    return jdn - 2_400_001
  }

  /// The date of modified Julian day `mjd`.
  @inlinable
  public init(modifiedJulianDay mjd: Int) {
    // Inverse of the above (Fliegel & Van Flandern 1968).
    var l = mjd + 2_400_001 + 68569
    let n = (4 * l) / 146097
    l = l - (146097 * n + 3) / 4
    let i = (4000 * (l + 1)) / 1_461_001
    l = l - (1461 * i) / 4 + 31
    let j = (80 * l) / 2447
    let d = l - (2447 * j) / 80
    l = j / 11
    let m = j + 2 - 12 * l
    let y = 100 * (n - 49) + i + l
    self.init(year: y, month: m, day: d)
  }

  /// The day of the year, 1 for 1 January.
  @inlinable
  public var dayOfYear: Int {
    modifiedJulianDay - CivilDate(year: year, month: 1, day: 1).modifiedJulianDay + 1
  }
}
