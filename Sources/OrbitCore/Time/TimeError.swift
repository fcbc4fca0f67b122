/// Errors from time conversions, parsing and Earth-orientation look-ups.
public enum TimeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not a date/time of the accepted forms.
  case malformed(text: String, reason: String)
  /// A field is outside its range (e.g. month 13, 30 February).
  case invalidField(text: String, field: String, reason: String)
  /// Second 60 on a day that does not end with a leap second (or outside 23:59).
  case notALeapSecond(text: String)
  /// UTC before 1972-01-01, where the leap-second table does not apply.
  case utcBefore1972(text: String)
  /// No Earth-orientation data for this UTC modified Julian date.
  case eopUnavailable(mjd: Double, firstMJD: Int, lastMJD: Int)
  /// A non-finite number where a time was expected.
  case nonFinite(what: String)
  /// A scale that cannot be used for this operation.
  case unsupportedScale(TimeScale, reason: String)

  public var description: String {
    switch self {
    case .malformed(let text, let reason):
      return "\"\(text)\": not a valid date-time: \(reason)"
    case .invalidField(let text, let field, let reason):
      return "\"\(text)\": \(field) \(reason)"
    case .notALeapSecond(let text):
      return "\"\(text)\": second 60 is only valid at 23:59:60 UTC on a day that ends with a leap second"
    case .utcBefore1972(let text):
      return "\"\(text)\": UTC before 1972-01-01 is not supported (no leap-second table before then)"
    case .eopUnavailable(let mjd, let first, let last):
      return "no Earth-orientation data for MJD \(mjd) (table covers MJD \(first)–\(last))"
    case .nonFinite(let what):
      return "\(what) is not a finite number"
    case .unsupportedScale(let scale, let reason):
      return "time scale \(scale): \(reason)"
    }
  }
}
