// Epoch arithmetic, calendar, ISO-8601, TLE epochs and bad input, checked against definitions
// and published facts (each cited at its test).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Epoch arithmetic and definitions")
struct EpochDefinitionTests {
  @Test("J2000.0 is 2000-01-01T11:58:55.816 UTC (TT − UTC = 64.184 s in 2000)")
  func j2000() throws {
    // IERS: TAI − UTC = 32 s in 2000, TT − TAI = 32.184 s (IAU 1991 A4).
    let e = try Epoch(iso8601: "2000-01-01T11:58:55.816Z")
    #expect(e == Epoch.j2000)
    #expect(e.julianDateTT.whole + e.julianDateTT.fraction == 2_451_545.0)
    #expect(try e.iso8601(.tt, fractionDigits: 3) == "2000-01-01T12:00:00.000")
    #expect(try e.iso8601(.tai, fractionDigits: 3) == "2000-01-01T11:59:27.816")
  }

  @Test("GPS time began at 1980-01-06T00:00:00 UTC, when TAI − UTC was 19 s")
  func gpsEpoch() throws {
    let e = try Epoch(iso8601: "1980-01-06T00:00:00Z")
    #expect(try e.iso8601(.gps, fractionDigits: 0) == "1980-01-06T00:00:00")
    #expect(try Epoch(iso8601: "1980-01-06T00:00:00", scale: .gps) == e)
  }

  @Test("adding seconds is exact across long spans (no drift from repeated steps)")
  func exactAddition() {
    var e = Epoch.j2000
    // 10⁶ steps of 0.1 s: a Double accumulator drifts by ~1e-6 s; the two-part sum does not.
    for _ in 0..<1_000_000 { e += 0.1 }
    let oneNanosecond = 1e-9  // the fraction keeps ~1e-16 s per step; 1e6 steps stay < 1 ns
    expectClose(e - Epoch.j2000, 100_000.0, absolute: oneNanosecond)
    let far = Epoch.j2000 + 3.0e9  // ~95 years
    #expect(far - Epoch.j2000 == 3.0e9)
    // Carrying the fraction past 1 rounds once: one ulp of a number below 1.
    let oneULPOfFraction = 1.2e-16
    expectClose((far + 0.25) - far, 0.25, absolute: oneULPOfFraction)
    #expect(Epoch(wholeSeconds: 5, fraction: -0.25) == Epoch(wholeSeconds: 4, fraction: 0.75))
    #expect(Epoch(wholeSeconds: 0, fraction: 2.5) == Epoch(wholeSeconds: 2, fraction: 0.5))
  }

  @Test("the leap second at the end of 2016 lasts one SI second and is labelled 23:59:60")
  func leapSecond2016() throws {
    // IERS Bulletin C 52: a positive leap second at the end of 2016-12-31.
    let before = try Epoch(iso8601: "2016-12-31T23:59:59Z")
    let leap = try Epoch(iso8601: "2016-12-31T23:59:60.5Z")
    let after = try Epoch(iso8601: "2017-01-01T00:00:00Z")
    #expect(after - before == 2.0)
    #expect(leap - before == 1.5)
    #expect(try TimeScaleData.standard.taiMinusUTC(at: before) == 36)
    #expect(try TimeScaleData.standard.taiMinusUTC(at: after) == 37)
    #expect(try leap.iso8601(.utc, fractionDigits: 1) == "2016-12-31T23:59:60.5Z")
    // Rounding carries into the leap second, then out of it into the next day.
    #expect(try (before + 0.9999999).iso8601(.utc, fractionDigits: 3) == "2016-12-31T23:59:60.000Z")
    #expect(try (leap + 0.4999999).iso8601(.utc, fractionDigits: 3) == "2017-01-01T00:00:00.000Z")
    let c = try leap.components(.utc)
    #expect(c.second == 60 && c.hour == 23 && c.minute == 59)
  }

  @Test(
    "ISO-8601 accepted forms",
    arguments: [
      ("2023-09-15T15:44:35.417Z", "2023-09-15T15:44:35.417000Z"),
      ("2023-09-15 15:44:35.417", "2023-09-15T15:44:35.417000Z"),
      ("2023-09-15", "2023-09-15T00:00:00.000000Z"),
      ("2023-09-15T15:44", "2023-09-15T15:44:00.000000Z"),
      ("2024-02-29T23:59:59.9999995Z", "2024-03-01T00:00:00.000000Z"),
      ("1972-01-01T00:00:00Z", "1972-01-01T00:00:00.000000Z"),
    ])
  func isoForms(input: String, formatted: String) throws {
    #expect(try Epoch(iso8601: input).iso8601(.utc) == formatted)
  }

  @Test("fractional seconds keep every digit given")
  func fractionDigits() throws {
    let e = try Epoch(iso8601: "2023-09-15T15:44:35.123456789012Z")
    #expect(try e.iso8601(.utc, fractionDigits: 12) == "2023-09-15T15:44:35.123456789012Z")
  }

  @Test("TLE epoch: year 00 day 179.78495062 is 2000-06-27T18:50:19.733568Z")
  func tleEpoch() throws {
    // Day 179 of leap year 2000 is 27 June; 0.78495062 d = 67 819.733568 s (SGP4-VER.TLE, 00005).
    let e = try Epoch(tleYear: 0, dayOfYear: 179.78495062)
    #expect(try e.iso8601(.utc, fractionDigits: 6) == "2000-06-27T18:50:19.733568Z")
    // 57–99 are 1957–1999 (Vallado et al. 2006).
    #expect(try Epoch(tleYear: 98, dayOfYear: 1.5).iso8601(.utc, fractionDigits: 0) == "1998-01-01T12:00:00Z")
  }

  @Test("Gregorian calendar ⇄ MJD: known dates")
  func civil() {
    // MJD 0 = 1858-11-17; MJD 51544 = 2000-01-01; MJD 41317 = 1972-01-01 (IERS tables).
    #expect(CivilDate(year: 1858, month: 11, day: 17).modifiedJulianDay == 0)
    #expect(CivilDate(year: 2000, month: 1, day: 1).modifiedJulianDay == 51544)
    #expect(CivilDate(year: 1972, month: 1, day: 1).modifiedJulianDay == 41317)
    for mjd in stride(from: -100_000, to: 200_000, by: 37) {
      #expect(CivilDate(modifiedJulianDay: mjd).modifiedJulianDay == mjd)
    }
    #expect(CivilDate(year: 2024, month: 12, day: 31).dayOfYear == 366)
  }
}

@Suite("Time: bad input gives typed errors")
struct TimeBadInputTests {
  @Test(
    "malformed or impossible date-times",
    arguments: [
      "", "2023", "2023-9-15T00:00:00Z", "2023-09-15T25:00:00Z", "2023-09-15T12:60:00Z",
      "2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-00-10T00:00:00Z",
      "2023-09-15T12:00:61Z", "2023-09-15T12:00:00.Z", "2023-09-15T12:00:00+02:00",
      "2023-09-15T12:00:00.5x", "2023/09/15", "abcd-ef-ghTij:kl:mnZ", "2023-09-15X12:00:00",
      "2016-12-30T23:59:60Z", "2016-12-31T23:58:60Z", "2023-06-30T23:59:60Z",
      "1971-12-31T23:59:59Z", "1960-01-01T00:00:00Z",
    ])
  func rejected(text: String) {
    #expect(throws: TimeError.self) { try Epoch(iso8601: text) }
  }

  @Test("the Z suffix only with UTC; second 60 only in UTC")
  func scaleMisuse() {
    #expect(throws: TimeError.self) { try Epoch(iso8601: "2023-01-01T00:00:00Z", scale: .tt) }
    #expect(throws: TimeError.self) { try Epoch(iso8601: "2016-12-31T23:59:60", scale: .tai) }
  }

  @Test("error kinds name the problem")
  func kinds() {
    #expect(throws: TimeError.utcBefore1972(text: "1960-01-01T00:00:00Z")) {
      try Epoch(iso8601: "1960-01-01T00:00:00Z")
    }
    #expect(throws: TimeError.notALeapSecond(text: "2016-12-30T23:59:60Z")) {
      try Epoch(iso8601: "2016-12-30T23:59:60Z")
    }
    do {
      _ = try Epoch(iso8601: "2023-02-30T00:00:00Z")
      Issue.record("30 February accepted")
    } catch {
      #expect(error.description.contains("day"))
    }
  }

  @Test("TLE day of year out of range")
  func tleDay() {
    #expect(throws: TimeError.self) { try Epoch(tleYear: 23, dayOfYear: 0.5) }
    #expect(throws: TimeError.self) { try Epoch(tleYear: 23, dayOfYear: 366.0) }
    #expect(throws: TimeError.self) { try Epoch(tleYear: 23, dayOfYear: .nan) }
  }
}
