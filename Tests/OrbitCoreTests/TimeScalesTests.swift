// Validation of OrbitCore/Time against ERFA (pyerfa 2.0.1.5) tables in
// Tests/ReferenceData/erfa (generated once by generate.py there) and against the IERS files the
// product embeds (Tests/ReferenceData/iers).

import OrbitCore
import Testing
import _OrbitTestSupport

/// Instants in time_scales.csv are given to 1 µs and ERFA carries them in two-part JDs whose
/// rounding is ~1e-11 s; 20 ns leaves room for both representations.
private let twentyNanoseconds = 20e-9
/// Acceptance bound for TDB − TT against ERFA `dtdb` (the issue allows 50 µs).
private let fiftyMicroseconds = 50e-6

/// Seconds between two two-part Julian dates, differenced part by part.
private func secondsBetween(_ a: JulianDate, _ jd1: Double, _ jd2: Double) -> Double {
  ((a.whole - jd1) + (a.fraction - jd2)) * 86400
}

@Suite("Time scales vs ERFA")
struct TimeScalesERFATests {
  static let rows: [[String: String]] = (try? ReferenceData.csvRows("erfa/time_scales.csv")) ?? []

  @Test("reference table present and intact")
  func tableIntact() throws {
    #expect(Self.rows.count >= 80)
    #expect(
      try ReferenceData.verifySHA256(
        "erfa/time_scales.csv",
        expected: try provenanceHash(file: "time_scales.csv", in: "erfa/PROVENANCE.md")))
  }

  @Test("TAI − UTC, UTC/TAI/TT/TDB Julian dates, ISO round trip at every row")
  func everyRow() throws {
    var maxJD = 0.0, maxTDB = 0.0
    for row in Self.rows {
      let iso = row["utc_iso"]!
      let epoch = try Epoch(iso8601: iso)
      let d = { (k: String) in Double(row[k]!)! }
      #expect(try TimeScaleData.standard.taiMinusUTC(at: epoch) == d("tai_minus_utc_s"), "\(iso)")
      let pairs: [(TimeScale, String)] = [(.utc, "utc"), (.tai, "tai"), (.tt, "tt"), (.tdb, "tdb")]
      for (scale, key) in pairs {
        let jd = try epoch.julianDate(scale)
        let err = abs(secondsBetween(jd, d("\(key)_jd1"), d("\(key)_jd2")))
        if scale != .tdb { maxJD = max(maxJD, err) }
        let bound = scale == .tdb ? fiftyMicroseconds : twentyNanoseconds
        #expect(err <= bound, "\(iso) \(scale): \(err) s")
      }
      let tdbErr = abs(epoch.tdbMinusTT - d("tdb_minus_tt_s"))
      maxTDB = max(maxTDB, tdbErr)
      #expect(tdbErr <= fiftyMicroseconds, "\(iso): TDB−TT off by \(tdbErr) s")
      // The ISO text in the table has 6 digits: formatting must reproduce it exactly,
      // including 23:59:60 inside leap seconds.
      #expect(try epoch.iso8601(.utc, fractionDigits: 6) == iso)
    }
    // Recorded so that a regression in accuracy is visible in the test log.
    print("TimeScalesERFATests: max JD error \(maxJD) s, max TDB−TT error \(maxTDB) s")
    #expect(maxJD <= twentyNanoseconds)
  }
}

@Suite("Time: IERS data embedded in the product")
struct EmbeddedIERSDataTests {
  @Test("leap-second CSV hash, and the embedded table equals the file")
  func leapSeconds() throws {
    #expect(
      try ReferenceData.verifySHA256(
        "iers/leap_seconds.csv",
        expected: "5329eb8582c52a84b66e9258e197658126c2bbdcb8c8cfe762a360df7a6a2645"))
    let rows = try ReferenceData.csvRows("iers/leap_seconds.csv")
    #expect(rows.map { Int($0["mjd"]!)! } == LeapSecondTable.builtIn.startMJD)
    #expect(rows.map { Int($0["tai_minus_utc_s"]!)! } == LeapSecondTable.builtIn.offsetSeconds)
    #expect(LeapSecondTable.builtIn.startMJD.count == 28)
  }

  @Test("EOP CSV hash, and the embedded table equals the file")
  func eop() throws {
    #expect(
      try ReferenceData.verifySHA256(
        "iers/eop_finals2000A_bulletinA_2012_onward.csv",
        expected: "10017106ea7b32f8f75797d513845536c213a6f28f13da10ff6580585c59aa7b"))
    let text = try ReferenceData.text("iers/eop_finals2000A_bulletinA_2012_onward.csv")
    let fromFile = try #require(EOPTable(csv: text, leapSeconds: .builtIn))
    #expect(fromFile == EOPTable.builtIn)
    #expect(EOPTable.builtIn.firstMJD == 55927)  // 2012-01-01
    #expect(EOPTable.builtIn.lastMJD == 61707)  // 2027-10-29
  }

  /// The ERFA script interpolated EOP with the rule documented in EOPTable.swift; ours must
  /// give the same numbers (differences are only rounding in the last digits).
  @Test("EOP interpolation equals the values used for the ERFA GCRF→ITRF table")
  func interpolation() throws {
    let oneNanosecond = 1e-9  // UT1−UTC is tabulated to 0.1 µs; 1 ns is rounding only
    let tinyAngle = 1e-15  // rad; x_p, y_p are ~1e-6 rad, so this is ~1e-9 relative
    for row in try ReferenceData.csvRows("erfa/gcrf_itrf.csv") {
      let epoch = try Epoch(iso8601: row["utc_iso"]!)
      let eop = try TimeScaleData.standard.eop(at: epoch)
      expectClose(eop.ut1MinusUTC, Double(row["ut1_minus_utc_s"]!)!, absolute: oneNanosecond)
      expectClose(eop.xp, Double(row["xp_rad"]!)!, absolute: tinyAngle)
      expectClose(eop.yp, Double(row["yp_rad"]!)!, absolute: tinyAngle)
    }
  }

  @Test("EOP outside the table is a typed error")
  func eopOutside() throws {
    for iso in ["2011-12-31T23:59:59Z", "2027-10-29T00:00:01Z", "1999-06-01T00:00:00Z"] {
      let epoch = try Epoch(iso8601: iso)
      #expect(throws: TimeError.self) { try TimeScaleData.standard.eop(at: epoch) }
      #expect(throws: TimeError.self) { try epoch.julianDate(.ut1) }
    }
  }
}

/// Reads the SHA-256 listed for `file` in a PROVENANCE.md table row (`| file | … | hash | …`).
func provenanceHash(file: String, in provenance: String) throws -> String {
  let text = try ReferenceData.text(provenance)
  for line in text.split(separator: "\n") where line.contains(file) {
    for cell in line.split(separator: "|") {
      let t = cell.filter { $0 != " " && $0 != "`" }
      if t.count == 64, t.allSatisfy(\.isHexDigit) { return String(t) }
    }
  }
  throw MissingHash(file: file)
}

struct MissingHash: Error { let file: String }
