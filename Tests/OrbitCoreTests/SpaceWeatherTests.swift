// SpaceWeather: the embedded daily table against its file, and the NRLMSISE-00 look-up
// conventions (previous-day observed F10.7, 81-day mean centred on the day, daily Ap, the
// 3-hourly AP array), the fallback flag after the table's end and the typed error before its
// start. Expected values are read from Tests/ReferenceData/space-weather directly.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("SpaceWeather: embedded table and NRLMSISE-00 look-up conventions")
struct SpaceWeatherTests {
  static let file = "space-weather/sw_daily_2018-01-01_to_2026-06-30.csv"

  /// The file's rows keyed by ISO date.
  static let rows: [String: [String: String]] = {
    guard let table = try? ReferenceData.csvRows(file) else { return [:] }
    var out: [String: [String: String]] = [:]
    for r in table { out[r["date"]!] = r }
    return out
  }()

  static func value(_ date: String, _ key: String) -> Double { Double(rows[date]![key]!)! }

  static func mjd(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilDate(year: y, month: m, day: d).modifiedJulianDay }

  @Test("file hash, and the embedded table equals the file")
  func embedded() throws {
    #expect(
      try ReferenceData.verifySHA256(
        Self.file,
        expected: try provenanceHash(file: "sw_daily_2018-01-01_to_2026-06-30.csv", in: "space-weather/PROVENANCE.md")))
    let fromFile = try #require(SpaceWeatherTable(csv: try ReferenceData.text(Self.file)))
    #expect(fromFile == SpaceWeatherTable.builtIn)
    #expect(SpaceWeatherTable.builtIn.count == 3103)
    #expect(SpaceWeatherTable.builtIn.firstMJD == Self.mjd(2018, 1, 1))
    #expect(SpaceWeatherTable.builtIn.lastMJD == Self.mjd(2026, 6, 30))
  }

  @Test("F10.7 of the previous day (observed, not adjusted), centred mean and Ap of the day, AP array")
  func conventions() throws {
    // 2024-05-10 12:00 UTC (the May 2024 storm), slot 12–15 UT.
    let w = try SpaceWeather.builtIn.indices(mjd: Self.mjd(2024, 5, 10), secondOfDay: 12 * 3600 + 60)
    let v = Self.value
    #expect(w.f107 == v("2024-05-09", "f107_obs"))
    #expect(w.f107 != v("2024-05-09", "f107_adj"))
    #expect(w.f107Average == v("2024-05-10", "f107_obs_ctr81"))
    #expect(w.ap == v("2024-05-10", "ap_daily"))
    #expect(w.source == .observed && !w.usedFallback)
    let h = w.apHistory
    #expect(h.daily == v("2024-05-10", "ap_daily"))
    #expect(h.current == v("2024-05-10", "ap_12"))
    #expect(h.before3h == v("2024-05-10", "ap_09"))
    #expect(h.before6h == v("2024-05-10", "ap_06"))
    #expect(h.before9h == v("2024-05-10", "ap_03"))
    // 12–33 h before: 00–03 UT of the day and 03–24 UT of the day before.
    let m1 =
      (v("2024-05-10", "ap_00")
        + ["ap_03", "ap_06", "ap_09", "ap_12", "ap_15", "ap_18", "ap_21"].map { v("2024-05-09", $0) }.reduce(0, +)) / 8
    // 36–57 h before: 00–03 UT of the day before and 03–24 UT two days before.
    let m2 =
      (v("2024-05-09", "ap_00")
        + ["ap_03", "ap_06", "ap_09", "ap_12", "ap_15", "ap_18", "ap_21"].map { v("2024-05-08", $0) }.reduce(0, +)) / 8
    let sumOfEightIntegers = 1e-12  // means of 8 small integers: exact up to rounding of the sum
    expectClose(h.mean12To33h, m1, absolute: sumOfEightIntegers)
    expectClose(h.mean36To57h, m2, absolute: sumOfEightIntegers)
    // Just after midnight the previous-day rule moves to the new day.
    let early = try SpaceWeather.builtIn.indices(mjd: Self.mjd(2024, 5, 11), secondOfDay: 1)
    #expect(early.f107 == v("2024-05-10", "f107_obs"))
    #expect(early.apHistory.current == v("2024-05-11", "ap_00"))
    #expect(early.apHistory.before3h == v("2024-05-10", "ap_21"))
  }

  @Test("the 81-day column is centred on its own day (recomputed from the flux column)")
  func centredMean() {
    // At several dates well inside the file, mean(f107_obs[d−40…d+40]) rounded to 0.1 sfu equals
    // f107_obs_ctr81[d]; the mean ending on d (trailing) does not.
    let table = SpaceWeatherTable.builtIn
    for day in [100, 700, 1500, 2500, 3000] {
      let window = table.f107Observed[(day - 40)...(day + 40)].reduce(0, +) / 81
      let trailing = table.f107Observed[(day - 80)...day].reduce(0, +) / 81
      let printedRounding = 0.05 + 1e-9  // the column is printed to 0.1 sfu
      expectClose(window, table.f107ObservedCentered81[day], absolute: printedRounding, "day index \(day)")
      #expect(abs(trailing - table.f107ObservedCentered81[day]) > printedRounding || day == 100)
      let w = try? SpaceWeather.builtIn.indices(mjd: table.firstMJD + day, secondOfDay: 43_200)
      #expect(w?.f107Average == table.f107ObservedCentered81[day])
    }
  }

  @Test("after the table's end: typed error, or the fallback with its flag")
  func afterEnd() throws {
    let end = Self.mjd(2026, 6, 30)
    let last = try SpaceWeather.builtIn.indices(mjd: end, secondOfDay: 0)
    #expect(last.source == .provisional)
    #expect(throws: SpaceWeatherError.afterTable(
      date: CivilDate(year: 2026, month: 7, day: 1), lastCoveredDate: CivilDate(year: 2026, month: 6, day: 30))) {
      try SpaceWeather.builtIn.indices(mjd: end + 1, secondOfDay: 0)
    }
    #expect(SpaceWeather.builtIn.indicesIfAvailable(mjd: end + 1, secondOfDay: 0) == nil)

    let constant = SpaceWeather(fallback: .constant(f107: 150, f107Average: 140, ap: 12))
    let c = try constant.indices(mjd: end + 30, secondOfDay: 100)
    #expect(c.usedFallback && c.source == .fallback)
    #expect(c.f107 == 150 && c.f107Average == 140 && c.ap == 12 && c.apHistory == ApHistory(constant: 12))
    // Inside the table the fallback is not used.
    #expect(try constant.indices(mjd: end, secondOfDay: 0).usedFallback == false)

    let lastMean = SpaceWeather(fallback: .lastMean)
    let m = try lastMean.indices(mjd: end + 1, secondOfDay: 0)
    let t = SpaceWeatherTable.builtIn
    let f = t.f107Observed[(t.count - 81)...].reduce(0, +) / 81
    let a = t.apDaily[(t.count - 81)...].reduce(0, +) / 81
    let summation = 1e-12  // the same 81 numbers summed in the same order
    #expect(m.usedFallback)
    expectClose(m.f107, f, absolute: summation)
    expectClose(m.f107Average, f, absolute: summation)
    expectClose(m.ap, a, absolute: summation)
  }

  @Test("before the table's start (including the 3 days the AP array needs): typed error")
  func beforeStart() throws {
    for (y, m, d) in [(2017, 12, 31), (2018, 1, 1), (2018, 1, 3)] {
      #expect(throws: SpaceWeatherError.self) {
        try SpaceWeather.builtIn.indices(mjd: Self.mjd(y, m, d), secondOfDay: 0)
      }
    }
    let error = SpaceWeatherError.beforeTable(
      date: CivilDate(year: 2017, month: 12, day: 31), firstCoveredDate: CivilDate(year: 2018, month: 1, day: 4))
    #expect(error.description.contains("2017-12-31") && error.description.contains("2018-01-04"))
    #expect(try SpaceWeather.builtIn.indices(mjd: Self.mjd(2018, 1, 4), secondOfDay: 0).f107 == Self.value("2018-01-03", "f107_obs"))
    let withFallback = SpaceWeather(fallback: .constant(f107: 70, f107Average: 70, ap: 4))
    #expect(try withFallback.indices(mjd: Self.mjd(2010, 1, 1), secondOfDay: 0).usedFallback)
  }

  @Test("look-up by epoch reads UTC through the leap-second table")
  func byEpoch() throws {
    let epoch = try Epoch(iso8601: "2024-05-10T12:01:00Z")
    let byEpoch = try SpaceWeather.builtIn.indices(at: epoch)
    let byDay = try SpaceWeather.builtIn.indices(mjd: Self.mjd(2024, 5, 10), secondOfDay: 12 * 3600 + 60)
    #expect(byEpoch == byDay)
  }
}
