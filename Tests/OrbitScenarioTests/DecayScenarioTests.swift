import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// `kind: "decay"`: the shipped scenario validates; a short, light variant runs and writes the
/// daily series, the report and the chart; bad input is reported with its JSON path.
@Suite struct DecayScenarioTests {
  static let tle = """
    "tle": { "line1": "1 25544U 98067A   24259.04042691 -.00020782  00000+0 -36841-3 0  9993",
             "line2": "2 25544  51.6359 230.2949 0007613 354.9391  85.5828 15.49088255472489" }
    """

  /// A 2-day decay run, EGM96 4×4, no Sun/Moon (debug speed), one reboost on day 1, plus `extra`
  /// keys and `outputs`.
  static func scenario(_ extra: String = "", duration: String = "172800", reboost: String = #"{ "start_utc": "2024-09-16T03:00:00Z", "delta_v_m_s": 1.0 }"#) -> [UInt8] {
    Array(
      """
      { "schema_version": 1, "name": "decay-test", "kind": "decay", \(tle),
        "duration_s": \(duration),
        "model": { "gravity_degree": 4, "gravity_order": 4, "sun_moon": false, "samples_per_orbit": 4 },
        "reboosts": [ \(reboost) ],
        \(extra)
        "outputs": [ { "format": "csv", "file": "daily.csv" }, { "format": "json", "file": "report.json" },
                     { "format": "svg", "file": "sawtooth.svg" } ] }
      """.utf8)
  }

  static func issues(_ bytes: [UInt8]) -> [String] {
    do {
      _ = try ScenarioLoader.loadAny(bytes: bytes, name: "t.json")
      return []
    } catch {
      if case .invalid(_, let issues) = error { return issues.map(\.description) }
      return ["\(error)"]
    }
  }

  @Test func shippedScenarioValidates() throws {
    let loaded = try ScenarioLoader.loadAny(path: ReferenceData.root + "/../../Scenarios/iss-decay-and-reboost-90-days.json")
    #expect(loaded.kind == "decay")
    #expect(loaded.name == "iss-decay-and-reboost-90-days")
  }

  @Test func shortRunWritesSeriesReportAndChart() throws {
    guard case .extended(let s) = try ScenarioLoader.loadAny(bytes: Self.scenario(), name: "t.json") else {
      Issue.record("not an extended scenario")
      return
    }
    let out = try s.run(ScenarioRunOptions(outputDirectory: "/nonexistent-not-written"))
    #expect(out.files.map(\.name) == ["daily.csv", "report.json", "sawtooth.svg"])
    let csv = out.files[0].contents.split(separator: "\n")
    #expect(csv.first == "day,epoch_utc,mean_altitude_km,mean_semi_major_axis_km,mass_kg")
    #expect(csv.count == 4)  // header + days 0, 1, 2
    // Day 2 is after the 1 m/s reboost: ~1.77 km higher (vis-viva) less a day of decay.
    let altitudes = csv.dropFirst().map { Double($0.split(separator: ",")[2])! }
    #expect(altitudes[2] - altitudes[1] > 1.4 && altitudes[2] - altitudes[1] < 1.8, "\(altitudes)")
    let report = try JSONParser.parse(out.files[1].contents)
    guard case .object(let o) = report, case .array(let reboosts)? = o["reboosts"], case .object(let r)? = reboosts.first,
      case .number(let dv)? = r["delta_v_m_s"], case .number(let kg)? = r["propellant_kg"]
    else {
      Issue.record("report shape: \(out.files[1].contents)")
      return
    }
    #expect(reboosts.count == 1 && dv.value == 1.0)
    // Rocket equation at 450 t, Isp 290 s: 158.2 kg (Curtis §6.1); 0.5 kg for the mass integration.
    expectClose(kg.value, 450_000 * (1 - exp(-1.0 / (290 * 9.80665))), absolute: 0.5)
    let svg = out.files[2].contents
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    #expect(svg.contains("daily mean altitude"))
    #expect(out.summaryLines.contains { $0.contains("1 reboost(s)") })
  }

  @Test func badInputIsReportedWithItsPath() {
    let unknownThruster = Self.issues(Self.scenario(#""thruster": "progres","#))
    #expect(unknownThruster.contains { $0.hasPrefix("thruster: unknown thruster 'progres'") }, "\(unknownThruster)")
    let partialDay = Self.issues(Self.scenario(duration: "90000"))
    #expect(partialDay.contains { $0.hasPrefix("duration_s: must be a whole number of days") }, "\(partialDay)")
    let both = Self.issues(Self.scenario(reboost: #"{ "start_utc": "2024-09-16T03:00:00Z", "delta_v_m_s": 1, "raise_km": 2 }"#))
    #expect(both.contains { $0.hasPrefix("reboosts[0]: expected one of") }, "\(both)")
    let negative = Self.issues(Self.scenario(reboost: #"{ "start_utc": "2024-09-16T03:00:00Z", "raise_km": -2 }"#))
    #expect(negative.contains { $0.hasPrefix("reboosts[0].raise_km: must be in (0, 100] km") }, "\(negative)")
    let early = Self.issues(Self.scenario(reboost: #"{ "start_utc": "2024-09-14T03:00:00Z", "delta_v_m_s": 1 }"#))
    #expect(early.contains { $0.hasPrefix("reboosts[0].start_utc: must not be before") }, "\(early)")
    let typo = Self.issues(Self.scenario(#""altitude_flor": { "floor_km": 410, "raise_km": 2 },"#))
    #expect(typo.contains { $0.contains("altitude_flor: unknown key (did you mean \"altitude_floor\"?)") }, "\(typo)")
  }

  @Test func datesBeyondTheSpaceWeatherNeedAFallback() {
    // A 2026 TLE epoch: the built-in table ends 2026-06-30; 30 days from 2026-06-20 pass its end.
    let late = String(decoding: Self.scenario(duration: "2592000"), as: UTF8.self)
      .replacing("24259.04042691", with: "26171.04042691")
      .replacing("2024-09-16T03", with: "2026-06-21T03")
    let fixedChecksum = late.replacing("0  9993", with: "0  9998")
    let issues = Self.issues(Array(fixedChecksum.utf8))
    #expect(issues.contains { $0.contains("no space weather for 2026-07") }, "\(issues)")
    let withFallback = fixedChecksum.replacing(
      #""samples_per_orbit": 4 }"#, with: #""samples_per_orbit": 4, "space_weather_fallback": "last-mean" }"#)
    #expect(Self.issues(Array(withFallback.utf8)).isEmpty, "\(Self.issues(Array(withFallback.utf8)))")
  }
}
