// Reading two-line element sets: column-exact fields, checksums, alpha-5, implied decimals.
//
// Column layout: CelesTrak, "NORAD Two-Line Element Set Format" (T. S. Kelso); Hoots & Roehrich,
// Spacetrack Report #3 (1980), section 12. Checksum: modulo 10 of the digits of columns 1–68,
// with 1 for each minus sign and 0 for all other characters (same sources).

extension TLE {
  /// Parses a 2-line element set, with an optional name line (the 3-line form).
  ///
  /// Line ends (`\r`, `\n`) and trailing blanks are ignored. Errors name the line as 1 or 2.
  ///
  /// - Parameters:
  ///   - line1: line 1 (69 columns).
  ///   - line2: line 2 (69 columns).
  ///   - name: the name line, if any.
  ///   - options: checksum verification and trailing text.
  /// - Throws: `TLEParseError` naming the line and field.
  public init(
    line1: String, line2: String, name: String? = nil, options: TLEParseOptions = .strict
  ) throws(TLEParseError) {
    let first = TLELine(text: line1, lineNumber: 1, fileName: nil)
    let second = TLELine(text: line2, lineNumber: 2, fileName: nil)
    self = try TLE.parse(line1: first, line2: second, name: name, options: options).tle
  }

  /// Parses text holding one or more element sets, in the 2-line or 3-line form (the two may be
  /// mixed).
  ///
  /// Blank lines and lines starting with `#` are skipped. A line that starts with `1 ` is a
  /// line 1; any other line before a line 1 is a name line, except that a line of 69 or more
  /// columns with a digit and a blank in columns 1–2 is taken as a TLE line with a wrong line
  /// number (so `3 00005U …` is reported, not swallowed as a name). Line endings LF and CRLF are
  /// both accepted.
  ///
  /// - Parameters:
  ///   - text: the file contents.
  ///   - fileName: the name used in error messages (e.g. `iss.tle`).
  ///   - options: checksum verification and trailing text.
  /// - Returns: the element sets in file order, with their line numbers.
  /// - Throws: `TLEParseError` for the first problem found, naming file, line and field.
  public static func parseMany(
    _ text: String, fileName: String? = nil, options: TLEParseOptions = .strict
  ) throws(TLEParseError) -> [TLERecord] {
    // Split on LF bytes: in Swift "\r\n" is one Character, so a Character split would miss it.
    let bytes = Array(text.utf8)
    var lines: [ArraySlice<UInt8>] = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    // A final newline does not start another line.
    if lines.last?.isEmpty == true { lines.removeLast() }
    var records: [TLERecord] = []
    var index = 0
    func line(_ i: Int) -> TLELine {
      TLELine(bytes: lines[i], lineNumber: i + 1, fileName: fileName)
    }
    while index < lines.count {
      let current = line(index)
      if current.isBlankOrComment {
        index += 1
        continue
      }
      var name: String? = nil
      if !current.startsWithLineNumber(1) {
        if current.looksLikeElementLine {
          throw current.error(
            .lineNumber, .wrongLineNumber(expected: 1, found: current.character(at: 1)))
        }
        name = current.nameText
        index += 1
        guard index < lines.count else {
          throw TLEParseError(
            fileName: fileName, lineNumber: index + 1, field: .line,
            problem: .missingLine(expected: 1))
        }
      }
      let first = line(index)
      guard first.startsWithLineNumber(1) else {
        throw first.error(.lineNumber, .wrongLineNumber(expected: 1, found: first.character(at: 1)))
      }
      guard index + 1 < lines.count else {
        throw TLEParseError(
          fileName: fileName, lineNumber: index + 2, field: .line,
          problem: .missingLine(expected: 2))
      }
      let second = line(index + 1)
      records.append(try parse(line1: first, line2: second, name: name, options: options))
      index += 2
    }
    guard !records.isEmpty else {
      throw TLEParseError(
        fileName: fileName, lineNumber: max(1, lines.count), field: .input,
        problem: .noElementSets)
    }
    return records
  }

  /// The modulo-10 checksum of columns 1–68 of a TLE line: the sum of its digits plus one per
  /// minus sign, modulo 10.
  ///
  /// - Parameter line: the line (only its first 68 characters are used).
  /// - Returns: the checksum digit, 0…9.
  /// - References: CelesTrak, "NORAD Two-Line Element Set Format".
  public static func checksum(of line: some StringProtocol) -> Int {
    var sum = 0
    for byte in line.utf8.prefix(68) {
      if byte >= 0x30 && byte <= 0x39 {
        sum += Int(byte - 0x30)
      } else if byte == 0x2D {
        sum += 1
      }
    }
    return sum % 10
  }

  static func parse(
    line1 l1: TLELine, line2 l2: TLELine, name: String?, options: TLEParseOptions
  ) throws(TLEParseError) -> TLERecord {
    try l1.checkShape(lineNumber: 1, options: options)
    try l2.checkShape(lineNumber: 2, options: options)

    // Line 1: 1 NNNNNC NNNNNAAA NNNNN.NNNNNNNN +.NNNNNNNN +NNNNN-N +NNNNN-N N NNNNN
    for column in [9, 18, 33, 44, 53, 62, 64] {
      try l1.requireBlank(column, before: l1.fieldAfter(column))
    }
    let catalog1 = try l1.catalogNumber()
    let classification = try l1.classification()
    let designator = l1.text(10...17).trimmingTrailingBlanks
    let twoDigitYear = try l1.unsignedInteger(19...20, .epochYear)
    let epochYear = twoDigitYear < 57 ? 2000 + twoDigitYear : 1900 + twoDigitYear
    let day = try l1.decimal(21...32, .epochDay, signed: false, point: 24)
    let daysInYear = (epochYear % 4 == 0 && (epochYear % 100 != 0 || epochYear % 400 == 0)) ? 366 : 365
    guard day >= 1, day < Double(daysInYear + 1) else {
      throw l1.error(
        .epochDay,
        .outOfRange(text: l1.text(21...32), allowed: "a day of year in [1, \(daysInYear + 1))"))
    }
    let ndot = try l1.decimal(34...43, .meanMotionDot, signed: true, point: 35)
    let (nddot, nddotSign) = try l1.exponential(45...52, .meanMotionDDot)
    let (bstar, bstarSign) = try l1.exponential(54...61, .bstar)
    let ephemerisBlank = l1.byte(63) == 0x20
    let ephemerisType = ephemerisBlank ? 0 : try l1.unsignedInteger(63...63, .ephemerisType)
    let elementSet = try l1.unsignedInteger(65...68, .elementSetNumber, blankIsZero: true)

    // Line 2: 2 NNNNN NNN.NNNN NNN.NNNN NNNNNNN NNN.NNNN NNN.NNNN NN.NNNNNNNNNNNNNN
    for column in [8, 17, 26, 34, 43, 52] {
      try l2.requireBlank(column, before: l2.fieldAfter(column))
    }
    let catalog2 = try l2.catalogNumber()
    guard catalog1 == catalog2 else {
      throw l2.error(.catalogNumber, .catalogNumberMismatch(line1: catalog1, line2: catalog2))
    }
    let inclination = try l2.decimal(9...16, .inclination, signed: false, point: 12)
    guard inclination <= 180 else {
      throw l2.error(.inclination, .outOfRange(text: l2.text(9...16), allowed: "0…180 degrees"))
    }
    let raan = try l2.angle(18...25, .raan)
    let eccentricity = try l2.eccentricity()
    let argumentOfPerigee = try l2.angle(35...42, .argumentOfPerigee)
    let meanAnomaly = try l2.angle(44...51, .meanAnomaly)
    let meanMotion = try l2.decimal(53...63, .meanMotion, signed: false, point: 55)
    guard meanMotion > 0 else {
      throw l2.error(.meanMotion, .outOfRange(text: l2.text(53...63), allowed: "a positive rev/day"))
    }
    let revolution = try l2.unsignedInteger(64...68, .revolutionNumber, blankIsZero: true)

    let c1 = try l1.verifyChecksum(options: options)
    let c2 = try l2.verifyChecksum(options: options)

    var trimmedName = name
    if let n = name, n.hasPrefix("0 ") { trimmedName = String(n.dropFirst(2)) }
    let tle = TLE(
      name: trimmedName, catalogNumber: catalog1, classification: classification,
      internationalDesignator: designator, epochYear: epochYear, epochDayOfYear: day,
      meanMotionDotOver2: ndot, meanMotionDDotOver6: nddot, bstar: bstar,
      ephemerisType: ephemerisType, elementSetNumber: elementSet,
      inclination: inclination, raan: raan, eccentricity: eccentricity,
      argumentOfPerigee: argumentOfPerigee, meanAnomaly: meanAnomaly, meanMotion: meanMotion,
      revolutionNumber: revolution,
      layout: Layout(
        line1Checksum: c1, line2Checksum: c2, ephemerisTypeIsBlank: ephemerisBlank,
        bstarZeroExponentSign: bstarSign, meanMotionDDotZeroExponentSign: nddotSign))
    return TLERecord(tle: tle, lineNumber: l1.lineNumber, trailingText: l2.trailingText)
  }
}

extension StringProtocol {
  fileprivate var trimmingTrailingBlanks: String {
    var s = Substring(self)
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}

/// One line of TLE text as ASCII bytes, with its place in the input; field readers throw
/// `TLEParseError` at that place.
struct TLELine {
  /// The bytes without the line end and without trailing blanks.
  let bytes: [UInt8]
  let lineNumber: Int
  let fileName: String?

  init(text: some StringProtocol, lineNumber: Int, fileName: String?) {
    self.init(bytes: Array(text.utf8)[...], lineNumber: lineNumber, fileName: fileName)
  }

  init(bytes: ArraySlice<UInt8>, lineNumber: Int, fileName: String?) {
    var b = Array(bytes)
    while let last = b.last, last == 0x0D || last == 0x0A || last == 0x20 || last == 0x09 {
      b.removeLast()
    }
    self.bytes = b
    self.lineNumber = lineNumber
    self.fileName = fileName
  }

  func error(_ field: TLEField, _ problem: TLEParseError.Problem) -> TLEParseError {
    TLEParseError(fileName: fileName, lineNumber: lineNumber, field: field, problem: problem)
  }

  var isBlankOrComment: Bool { bytes.isEmpty || bytes[0] == UInt8(ascii: "#") }

  func startsWithLineNumber(_ n: Int) -> Bool {
    bytes.count >= 2 && bytes[0] == UInt8(0x30 + n) && bytes[1] == 0x20
  }

  /// A line that is an element line in all but its line number.
  var looksLikeElementLine: Bool {
    bytes.count >= 69 && bytes[0] >= 0x30 && bytes[0] <= 0x39 && bytes[1] == 0x20
  }

  var nameText: String { String(decoding: bytes, as: UTF8.self) }

  /// The byte at 1-based `column` (the caller has checked the length).
  func byte(_ column: Int) -> UInt8 { bytes[column - 1] }

  /// The character at 1-based `column` as text (`"?"` beyond the end).
  func character(at column: Int) -> String {
    guard column <= bytes.count else { return "" }
    return String(decoding: bytes[(column - 1)...(column - 1)], as: UTF8.self)
  }

  /// The text of 1-based `columns`.
  func text(_ columns: ClosedRange<Int>) -> String {
    String(decoding: bytes[(columns.lowerBound - 1)...(columns.upperBound - 1)], as: UTF8.self)
  }

  var trailingText: String {
    guard bytes.count > 69 else { return "" }
    var s = bytes[69...]
    while let f = s.first, f == 0x20 { s = s.dropFirst() }
    return String(decoding: s, as: UTF8.self)
  }

  /// Checks the line number, characters and length.
  func checkShape(lineNumber n: Int, options: TLEParseOptions) throws(TLEParseError) {
    for (i, b) in bytes.enumerated() where b < 0x20 || b > 0x7E {
      throw error(.line, .nonASCII(column: i + 1))
    }
    guard startsWithLineNumber(n) else {
      guard let first = bytes.first else { throw error(.line, .tooShort(length: 0)) }
      if first == UInt8(0x30 + n) {  // right digit, column 2 not blank
        throw error(.lineNumber, .notBlank(column: 2))
      }
      throw error(.lineNumber, .wrongLineNumber(expected: n, found: character(at: 1)))
    }
    guard bytes.count >= 69 else { throw error(.line, .tooShort(length: bytes.count)) }
    if bytes.count > 69 && !options.allowsTrailingText {
      throw error(.line, .trailingText(column: 70))
    }
  }

  /// The field that starts after a separator column (for error messages).
  func fieldAfter(_ column: Int) -> TLEField {
    if bytes[0] == 0x31 {
      switch column {
      case 9: return .internationalDesignator
      case 18: return .epochYear
      case 33: return .meanMotionDot
      case 44: return .meanMotionDDot
      case 53: return .bstar
      case 62: return .ephemerisType
      default: return .elementSetNumber
      }
    }
    switch column {
    case 8: return .inclination
    case 17: return .raan
    case 26: return .eccentricity
    case 34: return .argumentOfPerigee
    case 43: return .meanAnomaly
    default: return .meanMotion
    }
  }

  func requireBlank(_ column: Int, before field: TLEField) throws(TLEParseError) {
    guard byte(column) == 0x20 else { throw error(field, .notBlank(column: column)) }
  }

  /// Columns 3–7: five digits, or an alpha-5 letter and four digits; leading blanks allowed.
  func catalogNumber() throws(TLEParseError) -> Int {
    let first = byte(3)
    var value = 0
    var start = 3
    if first >= 0x41 && first <= 0x5A {  // A–Z
      guard first != 0x49 && first != 0x4F else {  // I and O are not used
        throw error(
          .catalogNumber,
          .invalidCharacter(text: character(at: 3), column: 3, allowed: "a digit or a letter other than I and O"))
      }
      var letterValue = Int(first - 0x41) + 10
      if first > 0x49 { letterValue -= 1 }
      if first > 0x4F { letterValue -= 1 }
      value = letterValue
      start = 4
      for column in 4...7 {
        let b = byte(column)
        guard b >= 0x30 && b <= 0x39 else {
          throw error(.catalogNumber, .notANumber(text: text(3...7), columns: 3...7))
        }
        value = value * 10 + Int(b - 0x30)
      }
      return value
    }
    value = try unsignedInteger(start...7, .catalogNumber)
    return value
  }

  func classification() throws(TLEParseError) -> Character {
    let b = byte(8)
    guard (b >= 0x41 && b <= 0x5A) || b == 0x20 else {
      throw error(
        .classification,
        .invalidCharacter(text: character(at: 8), column: 8, allowed: "a letter (U, C or S)"))
    }
    return Character(Unicode.Scalar(b))
  }

  /// Digits with optional leading blanks; all blanks is 0 if `blankIsZero`.
  func unsignedInteger(
    _ columns: ClosedRange<Int>, _ field: TLEField, blankIsZero: Bool = false
  ) throws(TLEParseError) -> Int {
    var value = 0
    var seenDigit = false
    for column in columns {
      let b = byte(column)
      if b == 0x20 && !seenDigit { continue }
      guard b >= 0x30 && b <= 0x39 else {
        throw error(field, .notANumber(text: text(columns), columns: columns))
      }
      seenDigit = true
      value = value * 10 + Int(b - 0x30)
    }
    guard seenDigit || blankIsZero else {
      throw error(field, .notANumber(text: text(columns), columns: columns))
    }
    return value
  }

  /// A fixed-point number `[sign]digits.digits` with its point in column `point` (column-exact,
  /// as the format prescribes) and blanks allowed before it.
  ///
  /// The value is the correctly rounded nearest double: the digits form an exact integer
  /// mantissa (at most 12 digits here) divided by an exact power of ten.
  func decimal(
    _ columns: ClosedRange<Int>, _ field: TLEField, signed: Bool, point: Int
  ) throws(TLEParseError) -> Double {
    var i = columns.lowerBound
    let end = columns.upperBound
    while i <= end && byte(i) == 0x20 { i += 1 }
    var negative = false
    if signed && i <= end && (byte(i) == 0x2D || byte(i) == 0x2B) {
      negative = byte(i) == 0x2D
      i += 1
    }
    var mantissa: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    while i <= end {
      let b = byte(i)
      if b >= 0x30 && b <= 0x39 {
        mantissa = mantissa * 10 + Int64(b - 0x30)
        digits += 1
        if seenPoint { fractionDigits += 1 }
      } else if b == 0x2E && !seenPoint {
        guard i == point else {
          throw error(field, .misplacedDecimalPoint(text: text(columns), columns: columns, column: point))
        }
        seenPoint = true
      } else {
        throw error(field, .notANumber(text: text(columns), columns: columns))
      }
      i += 1
    }
    guard digits > 0, digits <= 18 else {
      throw error(field, .notANumber(text: text(columns), columns: columns))
    }
    guard seenPoint else {
      throw error(field, .misplacedDecimalPoint(text: text(columns), columns: columns, column: point))
    }
    let magnitude = Double(mantissa) / TLELine.powersOfTen[fractionDigits]
    return negative ? -magnitude : magnitude
  }

  /// An angle in [0, 360] degrees.
  func angle(_ columns: ClosedRange<Int>, _ field: TLEField) throws(TLEParseError) -> Double {
    let value = try decimal(columns, field, signed: false, point: columns.lowerBound + 3)
    guard value <= 360 else {
      throw error(field, .outOfRange(text: text(columns), allowed: "0…360 degrees"))
    }
    return value
  }

  /// Columns 27–33: seven digits after an implied `0.`; blanks read as zeros.
  func eccentricity() throws(TLEParseError) -> Double {
    let columns = 27...33
    var mantissa = 0
    var digits = 0
    for column in columns {
      let b = byte(column)
      if b == 0x20 {
        mantissa *= 10
      } else if b >= 0x30 && b <= 0x39 {
        mantissa = mantissa * 10 + Int(b - 0x30)
        digits += 1
      } else {
        // "1.00000" or similar: an explicit value, which the format cannot hold unless e < 1.
        if let explicit = try? decimal(columns, .eccentricity, signed: true, point: 28),
          explicit >= 1 || explicit < 0
        {
          throw error(
            .eccentricity,
            .outOfRange(text: text(columns), allowed: "0 ≤ e < 1, as 7 digits after an implied decimal point"))
        }
        throw error(
          .eccentricity,
          .invalidCharacter(
            text: character(at: column), column: column,
            allowed: "7 digits after an implied decimal point"))
      }
    }
    guard digits > 0 else { throw error(.eccentricity, .notANumber(text: text(columns), columns: columns)) }
    return Double(mantissa) / 1e7
  }

  /// An exponential field `±NNNNN±N` = ±0.NNNNN × 10^±N (8 columns), e.g. `-11606-4`.
  ///
  /// - Returns: the value and the exponent sign character as written.
  func exponential(
    _ columns: ClosedRange<Int>, _ field: TLEField
  ) throws(TLEParseError) -> (Double, Character) {
    let start = columns.lowerBound
    let signByte = byte(start)
    guard signByte == 0x20 || signByte == 0x2D || signByte == 0x2B else {
      throw error(field, .notANumber(text: text(columns), columns: columns))
    }
    var mantissa = 0
    var seenDigit = false
    for column in (start + 1)...(start + 5) {
      let b = byte(column)
      if b == 0x20 && !seenDigit { continue }
      guard b >= 0x30 && b <= 0x39 else {
        throw error(field, .notANumber(text: text(columns), columns: columns))
      }
      seenDigit = true
      mantissa = mantissa * 10 + Int(b - 0x30)
    }
    let expSign = byte(start + 6)
    let expDigit = byte(start + 7)
    guard seenDigit, expSign == 0x2D || expSign == 0x2B, expDigit >= 0x30 && expDigit <= 0x39 else {
      throw error(field, .notANumber(text: text(columns), columns: columns))
    }
    let exponent = Int(expDigit - 0x30) * (expSign == 0x2D ? -1 : 1)
    // As the reference reader does: the mantissa 0.NNNNN, then times 10^exponent.
    var value = (Double(mantissa) / 100_000.0) * TLELine.powersOfTenSigned[exponent + 9]
    if signByte == 0x2D { value = -value }
    return (value, Character(Unicode.Scalar(expSign)))
  }

  /// Column 69 against the computed checksum; returns the character found.
  func verifyChecksum(options: TLEParseOptions) throws(TLEParseError) -> Character {
    let found = byte(69)
    let computed = TLE.checksum(of: String(decoding: bytes, as: UTF8.self))
    if options.verifiesChecksums && found != UInt8(0x30 + computed) {
      throw error(.checksum, .checksumMismatch(computed: computed, found: character(at: 69)))
    }
    return Character(Unicode.Scalar(found))
  }

  static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18,
  ]
  static let powersOfTenSigned: [Double] = [
    1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
    1e8, 1e9,
  ]
}
