// Writing two-line element sets in the column layout of the format.
//
// Column layout: CelesTrak, "NORAD Two-Line Element Set Format" (T. S. Kelso); Hoots & Roehrich,
// Spacetrack Report #3 (1980), section 12.

extension TLE {
  /// Which checksum digits `formattedLines(checksums:)` writes in column 69.
  public enum ChecksumStyle: Hashable, Sendable {
    /// The modulo-10 checksum of the formatted columns 1–68.
    case computed
    /// The characters found when the TLE was parsed (for a byte-exact copy of the input, even
    /// where its checksums were wrong); computed for a TLE built from values.
    case asParsed
  }

  /// Line 1 with a computed checksum (69 columns).
  public var line1: String { formattedLines(checksums: .computed).line1 }

  /// Line 2 with a computed checksum (69 columns).
  public var line2: String { formattedLines(checksums: .computed).line2 }

  /// The two element lines, 69 columns each, without line ends.
  ///
  /// Numbers are rounded to the precision of their columns; a value too large for its columns
  /// is clamped to the largest that fits. Exponential fields are written normalised
  /// (`±NNNNN±N` with a first mantissa digit 1–9), zero as `00000` with the exponent sign kept in
  /// `layout`. For a TLE parsed from normalised text, the output equals the input byte for byte.
  ///
  /// - Parameter checksums: computed checksums, or the characters found when parsing.
  /// - Returns: line 1 and line 2.
  public func formattedLines(checksums: ChecksumStyle = .computed) -> (line1: String, line2: String) {
    var a: [UInt8] = []
    a.reserveCapacity(69)
    a.append(ascii: "1 ")
    a.appendCatalogNumber(catalogNumber)
    a.append(contentsOf: String(classification).utf8.prefix(1))
    a.append(ascii: " ")
    a.appendPadded(internationalDesignator, width: 8)
    a.append(ascii: " ")
    a.appendInteger(((epochYear % 100) + 100) % 100, width: 2, pad: 0x30)
    a.appendFixed(epochDayOfYear, decimals: 8, integerDigits: 3, pad: 0x30)
    a.append(ascii: " ")
    // ṅ/2: sign (blank or -), then ".NNNNNNNN" without a leading zero.
    a.append(meanMotionDotOver2 < 0 ? 0x2D : 0x20)
    a.append(ascii: ".")
    let ndotDigits = min(Int64((abs(meanMotionDotOver2) * 1e8).rounded()), 99_999_999)
    a.appendInteger(ndotDigits, width: 8, pad: 0x30)
    a.append(ascii: " ")
    a.appendExponential(meanMotionDDotOver6, zeroExponentSign: layout.meanMotionDDotZeroExponentSign)
    a.append(ascii: " ")
    a.appendExponential(bstar, zeroExponentSign: layout.bstarZeroExponentSign)
    a.append(ascii: " ")
    if layout.ephemerisTypeIsBlank && ephemerisType == 0 {
      a.append(ascii: " ")
    } else {
      a.appendInteger(Int64(min(max(ephemerisType, 0), 9)), width: 1, pad: 0x30)
    }
    a.append(ascii: " ")
    a.appendInteger(Int64(min(max(elementSetNumber, 0), 9999)), width: 4, pad: 0x20)

    var b: [UInt8] = []
    b.reserveCapacity(69)
    b.append(ascii: "2 ")
    b.appendCatalogNumber(catalogNumber)
    b.append(ascii: " ")
    b.appendFixed(inclination, decimals: 4, integerDigits: 3, pad: 0x20)
    b.append(ascii: " ")
    b.appendFixed(raan, decimals: 4, integerDigits: 3, pad: 0x20)
    b.append(ascii: " ")
    let eDigits = min(max(Int64((eccentricity * 1e7).rounded()), 0), 9_999_999)
    b.appendInteger(eDigits, width: 7, pad: 0x30)
    b.append(ascii: " ")
    b.appendFixed(argumentOfPerigee, decimals: 4, integerDigits: 3, pad: 0x20)
    b.append(ascii: " ")
    b.appendFixed(meanAnomaly, decimals: 4, integerDigits: 3, pad: 0x20)
    b.append(ascii: " ")
    b.appendFixed(meanMotion, decimals: 8, integerDigits: 2, pad: 0x20)
    b.appendInteger(Int64(min(max(revolutionNumber, 0), 99_999)), width: 5, pad: 0x20)

    let line1Body = String(decoding: a, as: UTF8.self)
    let line2Body = String(decoding: b, as: UTF8.self)
    func check(_ body: String, _ parsed: Character?) -> String {
      if checksums == .asParsed, let parsed { return body + String(parsed) }
      return body + String(TLE.checksum(of: body))
    }
    return (check(line1Body, layout.line1Checksum), check(line2Body, layout.line2Checksum))
  }
}

extension [UInt8] {
  fileprivate mutating func append(ascii text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }

  /// `value` right-aligned in `width` columns, padded with `pad` (clamped to fit).
  fileprivate mutating func appendInteger(_ value: Int64, width: Int, pad: UInt8) {
    var digits: [UInt8] = []
    var v = Swift.max(value, 0)
    repeat {
      digits.append(UInt8(0x30 + v % 10))
      v /= 10
    } while v > 0
    if digits.count > width { digits = [UInt8](repeating: 0x39, count: width) }
    append(contentsOf: [UInt8](repeating: pad, count: width - digits.count))
    append(contentsOf: digits.reversed())
  }

  fileprivate mutating func appendInteger(_ value: Int, width: Int, pad: UInt8) {
    appendInteger(Int64(value), width: width, pad: pad)
  }

  /// `value` as `III.DDDD` in `integerDigits + 1 + decimals` columns (negative values clamp to 0).
  fileprivate mutating func appendFixed(_ value: Double, decimals: Int, integerDigits: Int, pad: UInt8) {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let limit = Int64((scale * pow10(integerDigits)).rounded()) - 1
    var scaled = Int64((Swift.min(Swift.max(value.isFinite ? abs(value) : 0, 0), 1e15) * scale).rounded())
    scaled = Swift.min(scaled, limit)
    let whole = scaled / Int64(scale)
    let fraction = scaled % Int64(scale)
    appendInteger(whole, width: integerDigits, pad: pad)
    append(0x2E)
    appendInteger(fraction, width: decimals, pad: 0x30)
  }

  private func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<n { p *= 10 }
    return p
  }

  /// ` NNNNN-N`: sign, five mantissa digits (0.NNNNN), exponent sign and digit.
  fileprivate mutating func appendExponential(_ value: Double, zeroExponentSign: Character) {
    let magnitude = value.isFinite ? abs(value) : 0
    var mantissa: Int64 = 0
    var exponent = 0
    if magnitude >= 1e-10 {
      // Start from the decimal exponent and correct it so that 10000 ≤ mantissa < 100000.
      exponent = Int((log10Approximation(magnitude)).rounded(.down)) + 1
      for _ in 0..<3 {
        mantissa = Int64((magnitude * scaleFactor(5 - exponent)).rounded())
        if mantissa >= 100_000 {
          exponent += 1
        } else if mantissa < 10_000 {
          exponent -= 1
        } else {
          break
        }
      }
      if exponent > 9 {
        exponent = 9
        mantissa = 99_999
      } else if exponent < -9 {
        exponent = 0
        mantissa = 0
      }
    }
    append(value < 0 && mantissa != 0 ? 0x2D : 0x20)
    appendInteger(mantissa, width: 5, pad: 0x30)
    if exponent < 0 {
      append(0x2D)
    } else if exponent > 0 {
      append(0x2B)
    } else {
      append(zeroExponentSign == "+" ? 0x2B : 0x2D)
    }
    append(UInt8(0x30 + abs(exponent)))
  }

  /// 10^n as an exactly rounded literal-quality double for |n| ≤ 22.
  private func scaleFactor(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<abs(n) { p *= 10 }
    return n >= 0 ? p : 1 / p
  }

  /// ⌊log10(x)⌋ estimate by repeated scaling (no libm needed; corrected by the caller).
  private func log10Approximation(_ x: Double) -> Double {
    var e = 0.0
    var v = x
    while v >= 10 {
      v /= 10
      e += 1
    }
    while v < 1 {
      v *= 10
      e -= 1
    }
    return e
  }

  /// The alpha-5 catalogue number: five digits below 100000, a letter then four digits above.
  fileprivate mutating func appendCatalogNumber(_ number: Int) {
    let n = Swift.min(Swift.max(number, 0), 339_999)
    if n < 100_000 {
      appendInteger(Int64(n), width: 5, pad: 0x30)
      return
    }
    var letter = n / 10_000 - 10 + 0x41  // A = 10
    if letter >= 0x49 { letter += 1 }  // skip I
    if letter >= 0x4F { letter += 1 }  // skip O
    append(UInt8(letter))
    appendInteger(Int64(n % 10_000), width: 4, pad: 0x30)
  }

  fileprivate mutating func appendPadded(_ text: String, width: Int) {
    let bytes = Array(text.utf8.prefix(width))
    append(contentsOf: bytes)
    append(contentsOf: [UInt8](repeating: 0x20, count: width - bytes.count))
  }
}
