// Errors from reading two-line element sets: where (file, line, field) and what went wrong.

/// A field (or a larger part) of a two-line element set, named in parse errors.
///
/// Column numbers in this type's documentation are 1-based, as in the published format.
///
/// References: Hoots & Roehrich, Spacetrack Report #3 (1980); CelesTrak, "NORAD Two-Line
/// Element Set Format" (T. S. Kelso).
public enum TLEField: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// The whole input (used when it holds no element set at all).
  case input
  /// A whole line (length, characters, text after column 69).
  case line
  /// The name line of the 3-line form (line 0).
  case name
  /// Column 1: the line number, `1` or `2`.
  case lineNumber = "line number"
  /// Columns 3–7: the satellite catalogue number (alpha-5 allowed).
  case catalogNumber = "catalogue number"
  /// Line 1 column 8: the classification (`U`, `C`, `S`).
  case classification
  /// Line 1 columns 10–17: the international designator.
  case internationalDesignator = "international designator"
  /// Line 1 columns 19–20: the two-digit epoch year.
  case epochYear = "epoch year"
  /// Line 1 columns 21–32: the epoch day of year with fraction.
  case epochDay = "epoch day"
  /// Line 1 columns 34–43: the first derivative of mean motion divided by two.
  case meanMotionDot = "first derivative of mean motion"
  /// Line 1 columns 45–52: the second derivative of mean motion divided by six.
  case meanMotionDDot = "second derivative of mean motion"
  /// Line 1 columns 54–61: the B* drag term.
  case bstar = "B*"
  /// Line 1 column 63: the ephemeris type.
  case ephemerisType = "ephemeris type"
  /// Line 1 columns 65–68: the element set number.
  case elementSetNumber = "element set number"
  /// Line 2 columns 9–16: the inclination.
  case inclination
  /// Line 2 columns 18–25: the right ascension of the ascending node.
  case raan = "right ascension of the ascending node"
  /// Line 2 columns 27–33: the eccentricity (implied leading decimal point).
  case eccentricity
  /// Line 2 columns 35–42: the argument of perigee.
  case argumentOfPerigee = "argument of perigee"
  /// Line 2 columns 44–51: the mean anomaly.
  case meanAnomaly = "mean anomaly"
  /// Line 2 columns 53–63: the mean motion.
  case meanMotion = "mean motion"
  /// Line 2 columns 64–68: the revolution number at epoch.
  case revolutionNumber = "revolution number"
  /// Column 69: the modulo-10 checksum.
  case checksum

  public var description: String { rawValue }
}

/// Why a two-line element set could not be read, and where.
///
/// `description` gives one line in the form `file:line: field: problem`, for example
/// `iss.tle:2: mean motion: not a number (columns 53–63: "1x.82419157")`. Without a file name
/// it reads `line 2: mean motion: …`.
///
/// References: CelesTrak, "NORAD Two-Line Element Set Format"; DEVELOPERS.md rule 5 (one clear
/// message naming the file and line).
public struct TLEParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file the text came from, if the caller named one.
  public var fileName: String?
  /// The 1-based line number in the input (in `TLE(line1:line2:)`, 1 or 2; with a name line, 0
  /// is the name).
  public var lineNumber: Int
  /// The field at fault.
  public var field: TLEField
  /// What is wrong.
  public var problem: Problem

  /// The kinds of problem.
  public enum Problem: Hashable, Sendable {
    /// The input holds no element set (empty, or only blank and comment lines).
    case noElementSets
    /// The input ended where line `expected` (1 or 2) of a set was due.
    case missingLine(expected: Int)
    /// Column 1 holds `found` where the line number `expected` was due.
    case wrongLineNumber(expected: Int, found: String)
    /// The line (trailing blanks removed) has `length` characters; 69 are required.
    case tooShort(length: Int)
    /// A byte at `column` is not printable ASCII.
    case nonASCII(column: Int)
    /// Column `column` must be blank (it separates fields); usually the fields are shifted.
    case notBlank(column: Int)
    /// The text of the field (columns `columns`) is not a number of the required form.
    case notANumber(text: String, columns: ClosedRange<Int>)
    /// The field's decimal point is not in `column`, where the format puts it.
    case misplacedDecimalPoint(text: String, columns: ClosedRange<Int>, column: Int)
    /// A letter or symbol where the format allows only `allowed`.
    case invalidCharacter(text: String, column: Int, allowed: String)
    /// The value is outside its valid range, described by `allowed`.
    case outOfRange(text: String, allowed: String)
    /// The modulo-10 checksum of columns 1–68 is `computed`, but column 69 holds `found`.
    case checksumMismatch(computed: Int, found: String)
    /// Line 2 names satellite `line2`, but line 1 named `line1`.
    case catalogNumberMismatch(line1: Int, line2: Int)
    /// Non-blank text after column 69 (allowed only with `TLEParseOptions.allowsTrailingText`).
    case trailingText(column: Int)
  }

  /// An error at a place in the input.
  ///
  /// - Parameters:
  ///   - fileName: the file name, or nil.
  ///   - lineNumber: the 1-based line number.
  ///   - field: the field at fault.
  ///   - problem: what is wrong.
  public init(fileName: String? = nil, lineNumber: Int, field: TLEField, problem: Problem) {
    self.fileName = fileName
    self.lineNumber = lineNumber
    self.field = field
    self.problem = problem
  }

  public var description: String {
    let place = fileName.map { "\($0):\(lineNumber)" } ?? "line \(lineNumber)"
    return "\(place): \(field): \(problemDescription)"
  }

  /// The problem alone, without the place and field.
  public var problemDescription: String {
    switch problem {
    case .noElementSets:
      return "no two-line element set found (the input is empty or holds only comments)"
    case .missingLine(let expected):
      return "the input ends where line \(expected) of the element set was expected"
    case .wrongLineNumber(let expected, let found):
      return "expected line \(expected), but column 1 holds \(quoted(found))"
    case .tooShort(let length):
      return "\(length) characters; a TLE line has 69"
    case .nonASCII(let column):
      return "column \(column) is not a printable ASCII character"
    case .notBlank(let column):
      return "column \(column) must be blank (are the fields shifted?)"
    case .notANumber(let text, let columns):
      return "not a number (columns \(columns.lowerBound)–\(columns.upperBound): \(quoted(text)))"
    case .misplacedDecimalPoint(let text, let columns, let column):
      return "the decimal point belongs in column \(column) "
        + "(columns \(columns.lowerBound)–\(columns.upperBound): \(quoted(text)))"
    case .invalidCharacter(let text, let column, let allowed):
      return "\(quoted(text)) in column \(column); expected \(allowed)"
    case .outOfRange(let text, let allowed):
      return "\(quoted(text)) is out of range; expected \(allowed)"
    case .checksumMismatch(let computed, let found):
      return "checksum of columns 1–68 is \(computed), but column 69 holds \(quoted(found))"
    case .catalogNumberMismatch(let line1, let line2):
      return "line 2 is for satellite \(line2), but line 1 is for satellite \(line1)"
    case .trailingText(let column):
      return "unexpected text after column 69 (from column \(column))"
    }
  }

  private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
