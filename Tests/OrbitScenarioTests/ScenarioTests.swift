import Foundation
import Testing
import OrbitCore
import OrbitScenario
import _OrbitTestSupport

let baseScenario = """
  {"schema_version": 1, "name": "t", "kind": "propagate", "epoch": {"tt": "2024-01-01T00:01:09.184"},
   "spacecraft": {"orbit": {"cartesian": {"position_km": [7000, 0, 0], "velocity_km_s": [0, 7.546053290107541, 0]}}},
   "propagator": "kepler", "duration_s": 150, "step_s": 60,
   "outputs": [{"format": "csv", "file": "a.csv"}]}
  """

func load(_ text: String) throws(ScenarioError) -> Scenario {
  try ScenarioLoader.load(bytes: Array(text.utf8), name: "test.json")
}

@Suite struct ScenarioValidatorTests {
  @Test func defaultsAndValues() throws {
    let s = try load(baseScenario)
    #expect(s.centralBody == .wgs84)
    #expect(s.propagators == [.kepler])
    #expect(s.outputs.map(\.file) == ["a.csv"])
    #expect(s.outputs.first?.format == .csv)
    #expect(s.outputs.first?.frame == .gcrf)
    // 2024-01-01T00:01:09.184 TT is 2024-01-01T00:00:00 UTC (TT − UTC = 32.184 s + 37 s).
    let utc = try Epoch(iso8601: "2024-01-01T00:00:00Z", scale: .utc)
    #expect(abs(s.epoch.epoch - utc) < 1e-9)
    #expect(s.epoch.scale == .tt)
  }

  @Test func outputTimesIncludeTheEndAndDoNotAccumulate() throws {
    let s = try load(baseScenario)
    #expect(s.outputTimes == [0, 60, 120, 150])
    var t = s
    t.durationSeconds = 86_400
    t.stepSeconds = 0.1
    let times = t.outputTimes
    #expect(times.count == 864_001)
    #expect(times[863_999] == 863_999 * 0.1)
    #expect(times.last == 86_400)
  }

  @Test func everyProblemWithItsPath() {
    let text = """
      {"schema_version": "1", "name": "bad name!", "kind": "orbit", "epoch": {},
       "central_body": "moon", "propagator": [],
       "spacecraft": {"orbit": {"keplerian": {"semi_major_axis_km": 0, "eccentricity": -0.1,
         "inclination_deg": 181, "raan_deg": null, "arg_perigee_deg": 0}, "cartesian": {}}},
       "duration_s": 10, "step_s": 1e-6,
       "outputs": [{"format": "csv"}, {"file": ".hidden", "format": "json", "frame": "itrf"}]}
      """
    do {
      _ = try load(text)
      Issue.record("accepted")
    } catch {
      guard case .invalid(_, let issues) = error else { Issue.record("\(error)"); return }
      #expect(issues.map(\.description) == [
        "central_body: unknown value \"moon\" (expected wgs84, egm96)",
        "epoch: expected exactly one of \"utc\", \"tai\", \"tt\" (the time scale of the date)",
        "kind: unknown value \"orbit\" (expected propagate)",
        "name: \"bad name!\" is not a valid name: use letters, digits, '-', '_' and '.', starting with a letter or digit",
        "outputs[0].file: missing required key",
        "outputs[1].file: \".hidden\" must not start with '.'",
        "outputs[1].frame: unknown value \"itrf\" (expected gcrf)",
        "propagator: must name at least one propagator",
        "schema_version: expected an integer, got a string",
        "spacecraft.orbit: expected exactly one of \"keplerian\", \"cartesian\", got both",
        "step_s: duration_s / step_s gives more than 1000000 output times; use a larger step",
      ])
      #expect(issues == issues.sorted())
    }
  }

  @Test func keplerianProblems() {
    let text = baseScenario.replacingOccurrences(
      of: #"{"cartesian": {"position_km": [7000, 0, 0], "velocity_km_s": [0, 7.546053290107541, 0]}}"#,
      with: #"{"keplerian": {"semi_major_axis_km": 0, "eccentricity": 1, "inclination_deg": 181, "raan_deg": null, "arg_perigee_deg": 0, "true_anomaly": 0}}"#)
    do {
      _ = try load(text)
      Issue.record("accepted")
    } catch {
      guard case .invalid(_, let issues) = error else { Issue.record("\(error)"); return }
      let p = "spacecraft.orbit.keplerian."
      #expect(issues.map(\.description) == [
        p + "eccentricity: must be in [0, 1) (only elliptic orbits can be propagated), got 1",
        p + "inclination_deg: must be in [0, 180], got 181",
        p + "raan_deg: expected a number, got null",
        p + "semi_major_axis_km: must be > 0, got 0",
        p + "true_anomaly: unknown key (did you mean \"true_anomaly_deg\"?)",
        p + "true_anomaly_deg: missing required key",
      ])
    }
  }

  @Test func cartesianStateMustBeABoundOrbitOutsideTheEarth() {
    for (r, v, fragment) in [
      ("[7000, 0, 0]", "[0, 12, 0]", "orbit is not elliptic"),
      ("[6000, 0, 0]", "[0, 7, 0]", "position is inside the Earth"),
      ("[7000, 0, 0]", "[0, 2, 0]", "perigee radius"),
      ("[7000, 0, 0]", "[7, 0, 0]", "rectilinear"),
    ] {
      let text = baseScenario.replacingOccurrences(
        of: #""position_km": [7000, 0, 0], "velocity_km_s": [0, 7.546053290107541, 0]"#,
        with: "\"position_km\": \(r), \"velocity_km_s\": \(v)")
      do {
        _ = try load(text)
        Issue.record("accepted \(r) \(v)")
      } catch {
        #expect(error.description.contains(fragment), "\(error)")
        #expect(error.isDataError)
      }
    }
  }

  @Test func propagatorListWithDuplicate() {
    let text = baseScenario.replacingOccurrences(of: #""propagator": "kepler""#, with: #""propagator": ["kepler", "kepler"]"#)
    #expect(throws: ScenarioError.self) { try load(text) }
    do { _ = try load(text) } catch { #expect(error.description.contains("propagator[1]: \"kepler\" is listed twice")) }
  }
}

@Suite struct ScenarioRunnerTests {
  /// Circular equatorial orbit: after a quarter period the spacecraft is at (0, r, 0) moving
  /// along −x at √(μ/r), independent of the propagator's implementation.
  @Test func circularOrbitQuarterPeriod() throws {
    let mu = 398_600.4418
    let r = 7000.0
    let period = 2 * Double.pi * (r * r * r / mu).squareRoot()
    let text = baseScenario.replacingOccurrences(of: #""duration_s": 150"#, with: "\"duration_s\": \(period / 4)")
    let result = try ScenarioRunner.run(try load(text))
    let t = try #require(result.trajectories.first)
    let last = try #require(t.positionsKm.last)
    let v = try #require(t.velocitiesKmPerSecond.last)
    #expect(abs(last.x) < 1e-6 && abs(last.y - r) < 1e-6 && abs(last.z) < 1e-9, "\(last)")
    #expect(abs(v.x + (mu / r).squareRoot()) < 1e-9 && abs(v.y) < 1e-9, "\(v)")
    #expect(t.timesSeconds.first == 0)
    #expect(result.initialEpochUTC == "2024-01-01T00:00:00.000000Z")
  }

  @Test func csvAndJSONWriters() throws {
    let result = try ScenarioRunner.run(try load(baseScenario))
    let csv = OutputWriters.csv(result)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,propagator")
    #expect(lines.count == 5)
    let first = lines[1].split(separator: ",")
    #expect(first.count == 8)
    #expect(first[0] == "0.0")
    #expect(first[7] == "kepler")
    // The initial state, to the rounding of a state → elements → state round trip (1e-9 km = 1 µm).
    let numbers = first[1..<7].compactMap { Double(String($0)) }
    for (x, ref) in zip(numbers, [7000, 0, 0, 0, 7.546053290107541, 0]) { #expect(abs(x - ref) < 1e-9) }
    let json = try #require(try JSONSerialization.jsonObject(with: Data(OutputWriters.json(result).utf8)) as? [String: Any])
    #expect(json["name"] as? String == "t")
    let trajectories = try #require(json["trajectories"] as? [[String: Any]])
    #expect((trajectories.first?["states"] as? [Any])?.count == 4)
  }
}

@Suite struct AtomicFileWriterTests {
  func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "orbit-scenario-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func listing(_ d: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).sorted() }

  @Test func writesAllFilesAndNoTemporaries() throws {
    let d = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: d) }
    try AtomicFileWriter.write([(d + "/a.txt", "alpha\n"), (d + "/b.txt", "beta\n")])
    #expect(listing(d) == ["a.txt", "b.txt"])
    #expect(try String(contentsOfFile: d + "/b.txt", encoding: .utf8) == "beta\n")
    // Replacing keeps the all-or-nothing rule and overwrites.
    try AtomicFileWriter.write([(d + "/a.txt", "again\n")])
    #expect(try String(contentsOfFile: d + "/a.txt", encoding: .utf8) == "again\n")
    #expect(listing(d) == ["a.txt", "b.txt"])
  }

  @Test func failureLeavesNothing() {
    let d = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: d) }
    #expect(throws: AtomicFileWriter.Failure.self) {
      try AtomicFileWriter.write([(d + "/a.txt", "alpha"), (d + "/missing-dir/b.txt", "beta")])
    }
    #expect(listing(d).isEmpty)
  }

  @Test func createDirectoryReportsAFileInTheWay() throws {
    let d = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: d) }
    try AtomicFileWriter.createDirectory(d + "/x/y/z")
    #expect(listing(d + "/x/y") == ["z"])
    try AtomicFileWriter.write([(d + "/file", "x")])
    do {
      try AtomicFileWriter.createDirectory(d + "/file/sub")
      Issue.record("no error")
    } catch {
      #expect(error.path == d + "/file")
      #expect(error.reason == "exists and is not a directory")
    }
  }
}

/// The `numerical` propagator and `tle` initial state in scenario files.
@Suite struct NumericalScenarioTests {
  static func scenario(_ spacecraft: String, propagator: String, numerical: String, duration: Int = 86_400, step: Int = 3_600) -> String {
    """
    {"schema_version": 1, "name": "n", "kind": "propagate", "epoch": {"utc": "2024-01-01T00:00:00Z"},
     "spacecraft": \(spacecraft), "propagator": \(propagator), "numerical": \(numerical),
     "duration_s": \(duration), "step_s": \(step), "outputs": [{"format": "oem", "file": "a.oem"}]}
    """
  }

  static let issElements = """
    {"orbit": {"keplerian": {"semi_major_axis_km": 6796, "eccentricity": 0.0005, "inclination_deg": 51.64,
     "raan_deg": 30, "arg_perigee_deg": 40, "true_anomaly_deg": 50}}}
    """

  /// Issue 4's acceptance bound: 1 mm after a day.
  static let oneMillimeterKm = 1e-6

  @Test("numerical point mass equals the Kepler closed form within 1 mm after one ISS day", .tags(.validation))
  func numericalTwoBodyEqualsKepler() throws {
    let s = try load(Self.scenario(
      Self.issElements, propagator: "[\"kepler\", \"numerical\"]",
      numerical: "{\"forces\": [\"point-mass\"], \"integrator\": \"dp87\", \"tolerance_m\": 1e-8}"))
    let result = try ScenarioRunner.run(s)
    let d = try #require(result.differences.first)
    #expect(d.propagator == .numerical)
    #expect(d.maximumPositionDifferenceKm <= Self.oneMillimeterKm, "\(d.maximumPositionDifferenceKm * 1e6) mm")
    #expect(result.trajectories[1].timesSeconds.count == 25)
    let oem = try OutputWriters.oem(result)
    #expect(oem.components(separatedBy: "META_START\n").count == 3)  // one segment per propagator
  }

  @Test func tleStartsNumericalFromSGP4() throws {
    let tle = """
      {"tle": {"line1": "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998",
               "line2": "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756"}}
      """
    let s = try load(Self.scenario(tle, propagator: "[\"sgp4\", \"numerical\"]", numerical: "{\"forces\": [\"j2\"]}", duration: 600, step: 300))
    let r = try ScenarioRunner.run(s)
    // Both start from the same GCRF state.
    #expect((r.trajectories[0].positionsKm[0] - r.trajectories[1].positionsKm[0]).norm < 1e-9)
    #expect(r.trajectories[1].timesSeconds == [0, 300, 600])
  }

  @Test func badTLEChecksumNamesItsPath() {
    let tle = """
      {"tle": {"line1": "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9997",
               "line2": "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756"}}
      """
    do {
      _ = try load(Self.scenario(tle, propagator: "\"sgp4\"", numerical: "{}"))
      Issue.record("accepted")
    } catch {
      guard case .invalid(_, let issues) = error else { Issue.record("\(error)"); return }
      #expect(issues.map(\.description).contains {
        $0.hasPrefix("spacecraft.tle.line1: checksum: checksum of columns 1–68 is 8")
      }, "\(issues)")
    }
  }
}
