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
      // The kind list grows with each extended kind (ScenarioKinds): check its start only.
      let kindLine = issues.map(\.description).first { $0.hasPrefix("kind: ") } ?? ""
      #expect(kindLine.hasPrefix("kind: unknown value \"orbit\" (expected propagate"))
      #expect(issues.map(\.description).map { $0.hasPrefix("kind: ") ? "kind" : $0 } == [
        "central_body: unknown value \"moon\" (expected wgs84, egm96)",
        "epoch: expected exactly one of \"utc\", \"tai\", \"tt\" (the time scale of the date)",
        "kind",
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

/// `events` and `maneuvers` of the numerical propagator against two-body closed forms.
@Suite struct EventAndManeuverScenarioTests {
  static let mu = 398_600.4418  // km³/s², WGS-84 (the scenario's central body)
  static let a = 7000.0, e = 0.01
  static var period: Double { 2 * Double.pi * (a * a * a / mu).squareRoot() }

  static func text(duration: Double, maneuvers: String, argPerigeeDeg: Double = 0) -> String {
    """
    {"schema_version": 1, "name": "ev", "kind": "propagate", "epoch": {"utc": "2024-01-01T00:00:00Z"},
     "spacecraft": {"orbit": {"keplerian": {"semi_major_axis_km": \(a), "eccentricity": \(e), "inclination_deg": 30,
       "raan_deg": 0, "arg_perigee_deg": \(argPerigeeDeg), "true_anomaly_deg": 0}}, "mass_kg": 1000, "dry_mass_kg": 900},
     "propagator": "numerical", "numerical": {"forces": ["point-mass"], "tolerance_m": 1e-8},
     "events": [{"type": "apsides"}, {"type": "nodes", "direction": "increasing"}],
     "maneuvers": \(maneuvers),
     "duration_s": \(duration), "step_s": 600}
    """
  }

  @Test("apsides and nodes of a two-body orbit at the Kepler times", .tags(.validation))
  func apsidesAndNodesAtKeplerTimes() throws {
    // Start at periapsis with ω = 90°: apoapsis at T/2, periapsis at T, and the ascending node
    // where the argument of latitude ω + ν reaches 360°, i.e. ν = 270°, at the time Kepler's
    // equation gives.
    let s = try load(Self.text(duration: 1.25 * Self.period, maneuvers: "[]", argPerigeeDeg: 90))
    let r = try ScenarioRunner.run(s)
    // The start sits on a periapsis and a node (g = 0 at t = 0); count the later ones.
    let later = r.events.filter { $0.timeS > 1 }
    let apo = later.filter { $0.kind == "apoapsis" }.map(\.timeS)
    let peri = later.filter { $0.kind == "periapsis" }.map(\.timeS)
    let nodes = later.filter { $0.kind == "ascending-node" }.map(\.timeS)
    #expect(apo.count == 1 && peri.count == 1 && nodes.count == 1, "\(r.events.map(\.kind))")
    // 1 ms: event location is to 1e-7 s; the tolerance covers the integration error.
    #expect(abs((apo.first ?? 0) - Self.period / 2) < 1e-3)
    #expect(abs((peri.first ?? 0) - Self.period) < 1e-3)
    let nu = -Double.pi / 2
    let eAnomaly = 2 * atan(((1 - Self.e) / (1 + Self.e)).squareRoot() * tan(nu / 2))
    let meanAnomaly = eAnomaly - Self.e * sin(eAnomaly) + 2 * Double.pi
    let nodeTime = meanAnomaly / (2 * Double.pi) * Self.period
    #expect(abs((nodes.first ?? 0) - nodeTime) < 1e-3)
    #expect(r.events.allSatisfy { $0.source.hasPrefix("events[") })
  }

  @Test("an impulse at periapsis raises apoapsis as vis-viva says and spends the rocket equation's mass", .tags(.validation))
  func impulseRaisesApoapsis() throws {
    let dv = 10.0  // m/s along the velocity (VNB V axis)
    let isp = 300.0
    let s = try load(Self.text(
      duration: 1.75 * Self.period,
      maneuvers: "[{\"type\": \"impulsive\", \"time_s\": \(Self.period), \"delta_v_m_s\": [\(dv), 0, 0], \"axes\": \"vnb\", \"isp_s\": \(isp)}]"))
    let r = try ScenarioRunner.run(s)
    let burn = try #require(r.events.first { $0.kind == "impulsive-maneuver" })
    #expect(abs(burn.timeS - Self.period) < 1e-6)
    #expect(burn.state.mass == 1000)  // the event state is the one before the impulse
    // Vis-viva: r_p = a(1 − e), v_p' = v_p + Δv, a' = 1/(2/r_p − v_p'²/μ), r_a' = 2a' − r_p.
    let rp = Self.a * (1 - Self.e)
    let vp = (Self.mu * (2 / rp - 1 / Self.a)).squareRoot() + dv / 1000
    let a2 = 1 / (2 / rp - vp * vp / Self.mu)
    let apo = try #require(r.events.last { $0.kind == "apoapsis" && $0.timeS > burn.timeS })
    // 1 m: the closed form is exact for two-body motion; the budget is integration error.
    #expect(abs(apo.state.position.norm / 1000 - (2 * a2 - rp)) < 1e-3)
    // Rocket equation: m = m0·exp(−Δv/(Isp·g0)), g0 = 9.80665 m/s².
    #expect(abs(apo.state.mass - 1000 * exp(-dv / (isp * 9.80665))) < 1e-9)
  }

  @Test func maneuverProblemsNameTheirPath() {
    for (maneuvers, message) in [
      ("[{\"type\": \"impulsive\", \"time_s\": -1, \"delta_v_m_s\": [1, 0, 0], \"axes\": \"vnb\", \"isp_s\": 300}]", "maneuvers[0].time_s: must be ≥ 0"),
      ("[{\"type\": \"impulsive\", \"time_s\": 1, \"delta_v_m_s\": [1, 0, 0], \"axes\": \"xyz\", \"isp_s\": 300}]", "maneuvers[0].axes: unknown value \"xyz\""),
      ("[{\"type\": \"finite\", \"start_s\": 1, \"thrust_n\": 10, \"direction\": [0, 0, 0], \"axes\": \"vnb\", \"isp_s\": 300, \"duration_s\": 10}]", "maneuvers[0].direction: must not be the zero vector"),
      ("[{\"type\": \"finite\", \"start_s\": 1, \"thrust_n\": 10, \"direction\": [1, 0, 0], \"axes\": \"vnb\", \"isp_s\": 300}]", "maneuvers[0]: expected exactly one of \"duration_s\", \"delta_v_m_s\""),
      ("[{\"type\": \"coast\", \"axes\": \"vnb\", \"isp_s\": 300}]", "maneuvers[0].type: unknown value \"coast\""),
    ] {
      do {
        _ = try load(Self.text(duration: 1000, maneuvers: maneuvers))
        Issue.record("accepted: \(maneuvers)")
      } catch {
        guard case .invalid(_, let issues) = error else { Issue.record("\(error)"); continue }
        #expect(issues.contains { $0.description.hasPrefix(message) }, "\(issues)")
      }
    }
  }
}
