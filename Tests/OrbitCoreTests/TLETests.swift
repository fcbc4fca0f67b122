// TLE parsing and formatting: published example lines, the Vallado verification set (round trip),
// alpha-5 numbers, bad input with file:line: field messages, and a seeded fuzz test.

import OrbitCore
import Testing
import _OrbitTestSupport

/// The SHA-256 of the verification files, from Tests/ReferenceData/vallado-sgp4/PROVENANCE.md.
enum ValladoSGP4Files {
  static let tlePath = "vallado-sgp4/SGP4-VER.TLE"
  static let tleSHA256 = "d246d1d9d768ace445a38a965713fa9ba52d80fd8a41a0502ff83d7acffe2881"
  static let outputPath = "vallado-sgp4/tcppver.out"
  static let outputSHA256 = "687bf28dbe52df86e8e60ab5cb4a08d1aa3dbcaf4e63b1f7ab95f044fbe3833b"

  /// The verification TLE file's text after its hash has been checked.
  static func tleText() throws -> String {
    try #require(try ReferenceData.verifySHA256(tlePath, expected: tleSHA256))
    return try ReferenceData.text(tlePath)
  }
}

/// The ISS example of CelesTrak's "NORAD Two-Line Element Set Format" page (also the Wikipedia
/// "Two-line element set" article), with its published checksums (7 and 7).
enum ISSExample {
  static let line1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927"
  static let line2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"
}

@Suite("TLE parsing")
struct TLEParsingTests {
  @Test("checksums of the CelesTrak ISS example are 7 and 7 (published column 69)")
  func checksumOfPublishedExample() {
    #expect(TLE.checksum(of: ISSExample.line1) == 7)
    #expect(TLE.checksum(of: ISSExample.line2) == 7)
    // Digits sum, minus signs count 1, letters, blanks, '.' and '+' count 0.
    #expect(TLE.checksum(of: "1 -+.A9") == (1 + 1 + 9) % 10)
  }

  @Test("fields of the CelesTrak ISS example, including the exponent field -11606-4",
        .tags(.validation))
  func issFields() throws {
    let tle = try TLE(line1: ISSExample.line1, line2: ISSExample.line2, name: "ISS (ZARYA)")
    #expect(tle.name == "ISS (ZARYA)")
    #expect(tle.catalogNumber == 25544)
    #expect(tle.classification == "U")
    #expect(tle.internationalDesignator == "98067A")
    #expect(tle.epochYear == 2008)
    #expect(tle.epochDayOfYear == 264.51782528)
    #expect(tle.meanMotionDotOver2 == -0.00002182)
    #expect(tle.meanMotionDDotOver6 == 0)
    // -11606-4 = -0.11606e-4; the reader multiplies 0.11606 by 1e-4 as the reference does, which
    // may differ from the literal by an ulp.
    expectClose(tle.bstar, -0.11606e-4, relative: 2e-16)
    #expect(tle.ephemerisType == 0)
    #expect(tle.elementSetNumber == 292)
    #expect(tle.inclination == 51.6416)
    #expect(tle.raan == 247.4627)
    #expect(tle.eccentricity == 0.0006703)
    #expect(tle.argumentOfPerigee == 130.5360)
    #expect(tle.meanAnomaly == 325.0288)
    #expect(tle.meanMotion == 15.72125391)
    #expect(tle.revolutionNumber == 56353)
    #expect(tle.hasValidChecksums)
    #expect(tle.line1 == ISSExample.line1)
    #expect(tle.line2 == ISSExample.line2)
    // 2008 day 264.51782528 = 2008-09-20T12:25:40.104192 UTC.
    #expect(try tle.epoch().iso8601(.utc, fractionDigits: 3) == "2008-09-20T12:25:40.104Z")
  }

  @Test("3-line form, CRLF and LF, blank lines and 0-prefixed names in one file")
  func manySets() throws {
    let text =
      "ISS (ZARYA)\r\n\(ISSExample.line1)\r\n\(ISSExample.line2)\r\n\n"
      + "\(ISSExample.line1)\n\(ISSExample.line2)\n"
      + "0 ISS\n\(ISSExample.line1)\n\(ISSExample.line2)"
    let records = try TLE.parseMany(text, fileName: "iss.tle")
    #expect(records.count == 3)
    #expect(records.map(\.tle.name) == ["ISS (ZARYA)", nil, "ISS"])
    #expect(records.map(\.lineNumber) == [2, 5, 8])
    #expect(records.allSatisfy { $0.tle.catalogNumber == 25544 })
  }

  @Test("alpha-5 catalogue numbers: A0000 = 100000, J = 18, P = 23, Z9999 = 339999; round trip",
        arguments: [("A0000", 100_000), ("E8493", 148_493), ("J1234", 181_234), ("P0001", 230_001),
                    ("Z9999", 339_999), ("99999", 99_999)])
  func alpha5(text: String, number: Int) throws {
    let l1 = withChecksum("1 \(text)U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  292")
    let l2 = withChecksum("2 \(text)  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391 5635")
    let tle = try TLE(line1: l1, line2: l2)
    #expect(tle.catalogNumber == number)
    #expect(tle.line1 == l1)
    #expect(tle.line2 == l2)
  }

  @Test("alpha-5 rejects I and O (they read like 1 and 0)")
  func alpha5Rejects() {
    for letter in ["I", "O"] {
      let l1 = withChecksum("1 \(letter)0000U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  292")
      let l2 = withChecksum("2 \(letter)0000  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391 5635")
      #expect(throws: TLEParseError.self) { try TLE(line1: l1, line2: l2) }
    }
  }

  @Test("formatting from values: normalised exponents, computed checksums, clamping")
  func formattingFromValues() {
    let tle = TLE(
      catalogNumber: 25544, internationalDesignator: "98067A", epochYear: 2008,
      epochDayOfYear: 264.51782528, meanMotionDotOver2: -0.00002182, bstar: -0.11606e-4,
      elementSetNumber: 292, inclination: 51.6416, raan: 247.4627, eccentricity: 0.0006703,
      argumentOfPerigee: 130.536, meanAnomaly: 325.0288, meanMotion: 15.72125391,
      revolutionNumber: 56353)
    #expect(tle.line1 == ISSExample.line1)
    #expect(tle.line2 == ISSExample.line2)
    var other = tle
    other.bstar = 0.5  // exponent 0: "50000-0" by the standard layout
    other.meanMotionDDotOver6 = 1.2345e-7
    #expect(other.line1.contains(" 12345-6  50000-0 "))
    other.eccentricity = 1.5  // clamped to the largest value the columns hold
    #expect(other.line2.contains(" 9999999 "))
  }
}

@Suite("TLE round trip over the Vallado verification set")
struct TLERoundTripTests {
  @Test("every element line of SGP4-VER.TLE formats back byte for byte (columns 1–69)",
        .tags(.property, .validation))
  func verificationSetRoundTrip() throws {
    let text = try ValladoSGP4Files.tleText()
    let records = try TLE.parseMany(text, fileName: "SGP4-VER.TLE", options: .verification)
    #expect(records.count == 33)
    // The input lines, CRLF removed, columns 1–69 (column 70 onward is Vallado's start/stop/step).
    let elementLines = text.split(separator: "\r\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") }
    #expect(elementLines.count == 66)
    var badChecksums: [Int] = []
    for (k, record) in records.enumerated() {
      let lines = record.tle.formattedLines(checksums: .asParsed)
      #expect(lines.line1 == String(elementLines[2 * k].prefix(69)), "set \(k + 1)")
      #expect(lines.line2 == String(elementLines[2 * k + 1].prefix(69)), "set \(k + 1)")
      // With computed checksums only column 69 may differ, and only where the input was wrong.
      let computed = record.tle.formattedLines(checksums: .computed)
      #expect(computed.line1.prefix(68) == lines.line1.prefix(68))
      #expect(computed.line2.prefix(68) == lines.line2.prefix(68))
      if !record.tle.hasValidChecksums { badChecksums.append(record.tle.catalogNumber) }
      #expect(record.trailingText.split(separator: " ").count == 3, "start stop step")
    }
    // FORMAT.md: 33333 (both lines), 33334 and 33335 carry wrong checksums on purpose.
    #expect(badChecksums == [33333, 33334, 33335])
  }

  @Test("strict mode rejects the deliberate checksum errors of the verification set")
  func strictRejects() throws {
    let text = try ValladoSGP4Files.tleText()
    // Strict mode also rejects the start/stop/step columns; allow those, verify checksums.
    let options = TLEParseOptions(verifiesChecksums: true, allowsTrailingText: true)
    #expect {
      _ = try TLE.parseMany(text, fileName: "SGP4-VER.TLE", options: options)
    } throws: { error in
      guard let e = error as? TLEParseError, case .checksumMismatch = e.problem else { return false }
      return e.description.hasPrefix("SGP4-VER.TLE:") && e.field == .checksum
    }
  }
}

/// Appends the computed checksum to a 68-column line.
func withChecksum(_ body: String) -> String {
  precondition(body.utf8.count == 68, "line body must have 68 columns: \(body)")
  return body + String(TLE.checksum(of: body))
}

/// One bad input and the message prefix and problem it must produce.
struct BadTLECase: Sendable, CustomStringConvertible {
  var label: String
  var text: String
  var message: String
  var field: TLEField
  var description: String { label }
}

/// Replaces the characters of `line` at 1-based `column` with `text` (same length).
func replacing(_ line: String, at column: Int, with text: String) -> String {
  var bytes = Array(line.utf8)
  let new = Array(text.utf8)
  bytes.replaceSubrange((column - 1)..<(column - 1 + new.count), with: new)
  return String(decoding: bytes, as: UTF8.self)
}

@Suite("Bad TLE input: each gives one typed error naming file:line: field")
struct TLEBadInputTests {
  static let l1 = ISSExample.line1
  static let l2 = ISSExample.line2

  static let cases: [BadTLECase] = [
    BadTLECase(
      label: "wrong checksum", text: "\(l1)\n\(replacing(l2, at: 69, with: "3"))\n",
      message: "iss.tle:2: checksum: checksum of columns 1–68 is 7, but column 69 holds \"3\"",
      field: .checksum),
    BadTLECase(
      label: "shifted columns (line 2 one column right from column 9)",
      text: "\(l1)\n\(withChecksum(String(l2.prefix(8)) + " " + String(l2.dropFirst(8).prefix(59))))\n",
      message: "iss.tle:2: right ascension of the ascending node: column 17 must be blank (are the fields shifted?)",
      field: .raan),
    BadTLECase(
      label: "shifted columns (inclination one column left)",
      text: "\(l1)\n\(withChecksum(String(l2.prefix(8)) + String(l2.dropFirst(9).prefix(7)) + " " + String(l2.dropFirst(16).prefix(52))))\n",
      message: "iss.tle:2: inclination: the decimal point belongs in column 12 (columns 9–16: \"51.6416 \")",
      field: .inclination),
    BadTLECase(
      label: "letter in a number",
      text: "\(l1)\n\(withChecksum(replacing(String(l2.prefix(68)), at: 54, with: "x")))\n",
      message: "iss.tle:2: mean motion: not a number (columns 53–63: \"1x.72125391\")",
      field: .meanMotion),
    BadTLECase(
      label: "decimal point moved",
      text: "\(l1)\n\(withChecksum(String(l2.prefix(52)) + "157.2125391" + "56353"))\n",
      message: "iss.tle:2: mean motion: the decimal point belongs in column 55 (columns 53–63: \"157.2125391\")",
      field: .meanMotion),
    BadTLECase(
      label: "e ≥ 1 written out",
      text: "\(l1)\n\(withChecksum(replacing(String(l2.prefix(68)), at: 27, with: "1.00000")))\n",
      message: "iss.tle:2: eccentricity: \"1.00000\" is out of range; expected 0 ≤ e < 1, as 7 digits after an implied decimal point",
      field: .eccentricity),
    BadTLECase(
      label: "empty file", text: "",
      message: "iss.tle:1: input: no two-line element set found (the input is empty or holds only comments)",
      field: .input),
    BadTLECase(
      label: "only comments and blanks", text: "# nothing here\n\n",
      message: "iss.tle:2: input: no two-line element set found (the input is empty or holds only comments)",
      field: .input),
    BadTLECase(
      label: "a lone line 1", text: "\(l1)\n",
      message: "iss.tle:2: line: the input ends where line 2 of the element set was expected",
      field: .line),
    BadTLECase(
      label: "line 2 of another satellite",
      text: "\(l1)\n\(withChecksum(replacing(String(l2.prefix(68)), at: 3, with: "25545")))\n",
      message: "iss.tle:2: catalogue number: line 2 is for satellite 25545, but line 1 is for satellite 25544",
      field: .catalogNumber),
    BadTLECase(
      label: "non-ASCII character",
      text: "\(l1)\n\(l2.prefix(6))é\(l2.dropFirst(7))\n",
      message: "iss.tle:2: line: column 7 is not a printable ASCII character",
      field: .line),
    BadTLECase(
      label: "too short", text: "\(l1)\n\(l2.prefix(60))\n",
      message: "iss.tle:2: line: 60 characters; a TLE line has 69",
      field: .line),
    BadTLECase(
      label: "wrong line number digit on line 1", text: "\(replacing(l1, at: 1, with: "3"))\n\(l2)\n",
      message: "iss.tle:1: line number: expected line 1, but column 1 holds \"3\"",
      field: .lineNumber),
    BadTLECase(
      label: "wrong line number digit on line 2", text: "\(l1)\n\(replacing(l2, at: 1, with: "1"))\n",
      message: "iss.tle:2: line number: expected line 2, but column 1 holds \"1\"",
      field: .lineNumber),
    BadTLECase(
      label: "lines swapped", text: "\(l2)\n\(l1)\n",
      message: "iss.tle:1: line number: expected line 1, but column 1 holds \"2\"",
      field: .lineNumber),
    BadTLECase(
      label: "name line then end of file", text: "ISS (ZARYA)\n",
      message: "iss.tle:2: line: the input ends where line 1 of the element set was expected",
      field: .line),
    BadTLECase(
      label: "inclination above 180°",
      text: "\(l1)\n\(withChecksum(replacing(String(l2.prefix(68)), at: 9, with: "181.6416")))\n",
      message: "iss.tle:2: inclination: \"181.6416\" is out of range; expected 0…180 degrees",
      field: .inclination),
    BadTLECase(
      label: "day of year 0",
      text: "\(withChecksum(replacing(String(l1.prefix(68)), at: 21, with: "000.51782528")))\n\(l2)\n",
      message: "iss.tle:1: epoch day: \"000.51782528\" is out of range; expected a day of year in [1, 367)",
      field: .epochDay),
    BadTLECase(
      label: "bad exponent field",
      text: "\(withChecksum(replacing(String(l1.prefix(68)), at: 54, with: "-11606*4")))\n\(l2)\n",
      message: "iss.tle:1: B*: not a number (columns 54–61: \"-11606*4\")",
      field: .bstar),
    BadTLECase(
      label: "text after column 69 in strict mode", text: "\(l1)\n\(l2)   0.0 1440.0 60.0\n",
      message: "iss.tle:2: line: unexpected text after column 69 (from column 70)",
      field: .line),
  ]

  @Test("bad input", arguments: cases)
  func badInput(_ c: BadTLECase) {
    do {
      let records = try TLE.parseMany(c.text, fileName: "iss.tle")
      Issue.record("\(c.label): parsed \(records.count) set(s) instead of failing")
    } catch {
      #expect(error.description == c.message, "\(c.label)")
      #expect(error.field == c.field, "\(c.label)")
      #expect(!error.description.contains("\n"), "one line")
    }
  }

  @Test("without a file name the message starts with the line number")
  func noFileName() {
    #expect {
      try TLE(line1: ISSExample.line1, line2: replacing(ISSExample.line2, at: 54, with: "x"))
    } throws: { error in
      (error as? TLEParseError)?.description.hasPrefix("line 2: mean motion: not a number") == true
    }
  }
}

@Suite("TLE parser fuzzing")
struct TLEFuzzTests {
  /// Mutates a line: change, insert, delete, swap or truncate characters, biased toward the
  /// characters that matter in TLEs (digits, signs, point, blank) with some arbitrary bytes.
  static func mutate(_ line: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
    var bytes = line
    let alphabet = Array("0123456789 +-.UA#\r\nIOZ".utf8)
    for _ in 0..<(1 + Int(rng.next() % 3)) {
      let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
      let pick: UInt8 =
        rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      switch rng.next() % 6 {
      case 0, 1: if !bytes.isEmpty { bytes[position] = pick }
      case 2: bytes.insert(pick, at: position)
      case 3: if !bytes.isEmpty { bytes.remove(at: position) }
      case 4: if position + 1 < bytes.count { bytes.swapAt(position, position + 1) }
      default: bytes = Array(bytes.prefix(position))
      }
    }
    return bytes
  }

  @Test("10⁵ seeded mutations of valid lines: no crash; every success re-parses from its own output",
        .tags(.property))
  func fuzz() throws {
    let text = try ValladoSGP4Files.tleText()
    let sets = try TLE.parseMany(text, options: .verification).map(\.tle)
    let pairs = sets.map { $0.formattedLines() }
    var rng = SplitMix64(seed: 0x5EED_71E0)
    var accepted = 0
    var rejected = 0
    let count = 100_000
    for k in 0..<count {
      let pair = pairs[k % pairs.count]
      var l1 = Array(pair.line1.utf8)
      var l2 = Array(pair.line2.utf8)
      switch rng.next() % 3 {
      case 0: l1 = Self.mutate(l1, using: &rng)
      case 1: l2 = Self.mutate(l2, using: &rng)
      default:
        l1 = Self.mutate(l1, using: &rng)
        l2 = Self.mutate(l2, using: &rng)
      }
      let s1 = String(decoding: l1, as: UTF8.self)
      let s2 = String(decoding: l2, as: UTF8.self)
      do {
        let tle = try TLE(line1: s1, line2: s2, options: k % 2 == 0 ? .strict : .verification)
        accepted += 1
        // Whatever was accepted must survive its own formatting.
        let again = try TLE(line1: tle.line1, line2: tle.line2)
        // A non-normalised exponential field (01234-5) is written normalised (12340-6): the
        // same number, but the reader's mantissa × 10^e product may round one ulp apart.
        let oneULP = 2.3e-16
        #expect(again.catalogNumber == tle.catalogNumber && again.meanMotion == tle.meanMotion
                && again.eccentricity == tle.eccentricity && again.inclination == tle.inclination
                && again.epochDayOfYear == tle.epochDayOfYear
                && isClose(again.bstar, tle.bstar, relative: oneULP)
                && isClose(again.meanMotionDDotOver6, tle.meanMotionDDotOver6, relative: oneULP),
                "\(s1) / \(s2)")
      } catch {
        rejected += 1
        #expect(!error.description.isEmpty)
      }
    }
    #expect(accepted + rejected == count)
    // Many mutations are harmless (a digit for a digit with verification off), most are not.
    #expect(accepted > 1_000 && rejected > 50_000)
  }
}
