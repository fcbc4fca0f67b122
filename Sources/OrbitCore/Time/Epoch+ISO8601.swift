// ISO-8601 text ⇄ Epoch (extended format, calendar dates, 4-digit years).
//
// Accepted: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS[.f…]`, with `T` or one space
// between date and time and an optional trailing `Z`. `Z` says UTC, so it is only accepted when
// the scale is UTC. Numeric time-zone offsets are rejected (convert to UTC first).
// References: ISO 8601-1:2019 §5.4 (complete representations, extended format).

extension Epoch {
  /// Parses an ISO-8601 date-time read in `scale`, e.g. `2023-09-15T15:44:35.417Z`.
  ///
  /// Fractional seconds keep every digit given (up to the resolution of the `Epoch` fraction).
  /// - Throws: `TimeError` naming the text and the field at fault.
  public init(iso8601 text: String, scale: TimeScale = .utc, data: TimeScaleData = .standard)
    throws(TimeError)
  {
    let c = try Epoch.parseISO8601(text, scale: scale)
    try self.init(c, scale: scale, data: data, text: text)
  }

  /// Parses the fields of an ISO-8601 date-time without interpreting them in a scale.
  static func parseISO8601(_ text: String, scale: TimeScale) throws(TimeError) -> DateTimeComponents {
    var b = Array(text.utf8)
    func fail(_ reason: String) -> TimeError { .malformed(text: text, reason: reason) }
    guard !b.isEmpty else { throw fail("empty") }
    if b.last == UInt8(ascii: "Z") {
      guard scale == .utc else {
        throw fail("the suffix Z means UTC, but the scale is \(scale)")
      }
      b.removeLast()
    }
    func digits(_ start: Int, _ count: Int, _ field: String) throws(TimeError) -> Int {
      guard start + count <= b.count else { throw fail("\(field) is missing") }
      var v = 0
      for i in start..<(start + count) {
        let d = b[i] &- UInt8(ascii: "0")
        guard d < 10 else { throw fail("\(field) must be \(count) digits") }
        v = v * 10 + Int(d)
      }
      return v
    }
    func expect(_ i: Int, _ ch: Character, _ what: String) throws(TimeError) {
      guard i < b.count, b[i] == ch.asciiValue! else { throw fail("expected '\(ch)' \(what)") }
    }
    guard b.count >= 10 else { throw fail("expected YYYY-MM-DD[THH:MM[:SS[.fff]]][Z]") }
    let year = try digits(0, 4, "year")
    try expect(4, "-", "after the year")
    let month = try digits(5, 2, "month")
    try expect(7, "-", "after the month")
    let day = try digits(8, 2, "day")
    var hour = 0, minute = 0, second = 0
    var fraction = 0.0
    if b.count > 10 {
      guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") else {
        throw fail("expected 'T' between date and time")
      }
      hour = try digits(11, 2, "hour")
      try expect(13, ":", "after the hour")
      minute = try digits(14, 2, "minute")
      var i = 16
      if i < b.count {
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
          throw fail("time-zone offsets are not supported; give UTC with Z")
        }
        try expect(i, ":", "after the minute")
        second = try digits(i + 1, 2, "second")
        i += 3
        if i < b.count {
          if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            throw fail("time-zone offsets are not supported; give UTC with Z")
          }
          guard b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") else {
            throw fail("unexpected text after the seconds")
          }
          let start = i + 1
          guard start < b.count else { throw fail("no digits after the decimal point") }
          for j in start..<b.count where !(b[j] >= UInt8(ascii: "0") && b[j] <= UInt8(ascii: "9")) {
            if b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-") {
              throw fail("time-zone offsets are not supported; give UTC with Z")
            }
            throw fail("fractional seconds must be digits")
          }
          let digitsText = "0." + String(decoding: b[start...], as: UTF8.self)
          guard let f = Double(digitsText), f < 1 else { throw fail("bad fractional seconds") }
          fraction = f
        }
      }
    }
    return DateTimeComponents(
      date: CivilDate(year: year, month: month, day: day), hour: hour, minute: minute,
      second: second, secondFraction: fraction)
  }

  /// This instant as ISO-8601 text in `scale`, e.g. `2023-09-15T15:44:35.417000Z` for UTC.
  ///
  /// The seconds are rounded to `fractionDigits` (0–15) with the carry propagated through
  /// minutes, hours and days (and into 23:59:60 on a leap-second day). UTC text ends in `Z`;
  /// other scales carry no suffix (name the scale beside the text).
  /// - Throws: `TimeError` when the scale needs data that is missing.
  public func iso8601(_ scale: TimeScale, fractionDigits: Int = 6, data: TimeScaleData = .standard)
    throws(TimeError) -> String
  {
    let digits = max(0, min(15, fractionDigits))
    var (mjd, sod, fraction) = try dayParts(scale, data: data)
    var unit: Int64 = 1
    for _ in 0..<digits { unit *= 10 }
    var ticks = Int64((fraction * Double(unit)).rounded())
    if ticks >= unit {
      ticks -= unit
      sod += 1
      let dayLength: Int64 =
        scale == .utc && data.leapSeconds.endsWithLeapSecond(utcDay: mjd) ? 86401 : 86400
      if sod >= dayLength {
        sod -= dayLength
        mjd += 1
      }
    }
    let c = Epoch.components(mjd: mjd, secondOfDay: sod, fraction: 0)
    var text = Epoch.render(c, fractionDigits: 0)
    if digits > 0 {
      var f = String(ticks)
      if f.count < digits { f = String(repeating: "0", count: digits - f.count) + f }
      text += "." + f
    }
    return scale == .utc ? text + "Z" : text
  }

  /// `YYYY-MM-DDTHH:MM:SS[.fff…]` without suffix (fraction truncated to the digits given).
  static func render(_ c: DateTimeComponents, fractionDigits: Int) -> String {
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(abs(v))
      return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, n - s.count)) + s
    }
    var text =
      "\(pad(c.date.year, 4))-\(pad(c.date.month, 2))-\(pad(c.date.day, 2))T"
      + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    if fractionDigits > 0 {
      var unit = 1.0
      for _ in 0..<fractionDigits { unit *= 10 }
      text += "." + pad(Int((c.secondFraction * unit).rounded(.down)), fractionDigits)
    }
    return text
  }
}
