import OrbitCore
import Foundation
import Testing
import OrbitCLI

/// Malformed scenario files through `orbit validate` and `orbit run`: exit code, message with
/// the JSON path (or line and column), and no output file left behind.
@Suite struct BadScenarioFileTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    /// (original, replacement) edits applied to `validScenarioText`.
    var edits: [(String, String)]
    var code: Int32
    var messages: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "unknown top-level key", edits: [("\"kind\":", "\"colour\": \"red\", \"kind\":")], code: 65,
         messages: ["colour: unknown key"]),
    Case(name: "unknown nested key names its path", edits: [("\"eccentricity\"", "\"eccentricty\"")], code: 65,
         messages: ["spacecraft.orbit.keplerian.eccentricty: unknown key (did you mean \"eccentricity\"?)",
                    "spacecraft.orbit.keplerian.eccentricity: missing required key"]),
    Case(name: "wrong type", edits: [("\"duration_s\": 600", "\"duration_s\": \"600\"")], code: 65,
         messages: ["duration_s: expected a number, got a string"]),
    Case(name: "wrong container type", edits: [("\"outputs\": [", "\"outputs\": 3, \"x_outputs\": [")], code: 65,
         messages: ["outputs: expected an array, got a number", "x_outputs: unknown key"]),
    Case(name: "missing required key", edits: [("\"step_s\": 60,", "")], code: 65,
         messages: ["step_s: missing required key"]),
    Case(name: "JSON syntax error gives line and column", edits: [("\"step_s\": 60,", "\"step_s\": 60,,")], code: 65,
         messages: [":20:16: JSON syntax error: unexpected ','"]),
    Case(name: "trailing comma", edits: [("\"file\": \"states.json\" }", "\"file\": \"states.json\" },")], code: 65,
         messages: ["JSON syntax error: trailing comma before ']'"]),
    Case(name: "NaN literal", edits: [("\"duration_s\": 600", "\"duration_s\": NaN")], code: 65,
         messages: ["JSON syntax error: NaN and Infinity are not valid JSON"]),
    Case(name: "overflowing number", edits: [("\"duration_s\": 600", "\"duration_s\": 1e999")], code: 65,
         messages: ["duration_s: must be a finite number, got 1e999"]),
    Case(name: "duplicate key", edits: [("\"step_s\": 60,", "\"step_s\": 60, \"step_s\": 30,")], code: 65,
         messages: ["JSON syntax error: duplicate key \"step_s\""]),
    Case(name: "eccentricity 1", edits: [("\"eccentricity\": 0.001", "\"eccentricity\": 1.0")], code: 65,
         messages: ["spacecraft.orbit.keplerian.eccentricity: must be in [0, 1)", "got 1.0"]),
    Case(name: "eccentricity above 1", edits: [("\"eccentricity\": 0.001", "\"eccentricity\": 1.3")], code: 65,
         messages: ["spacecraft.orbit.keplerian.eccentricity: must be in [0, 1)"]),
    Case(name: "perigee inside the Earth", edits: [("\"eccentricity\": 0.001", "\"eccentricity\": 0.2")], code: 65,
         messages: ["spacecraft.orbit.keplerian: perigee radius 5600.000 km"]),
    Case(name: "negative step", edits: [("\"step_s\": 60", "\"step_s\": -60")], code: 65,
         messages: ["step_s: must be > 0, got -60"]),
    Case(name: "zero duration", edits: [("\"duration_s\": 600", "\"duration_s\": 0")], code: 65,
         messages: ["duration_s: must be > 0, got 0"]),
    Case(name: "bad date in data", edits: [("2024-01-01T00:00:00Z", "2023-02-30T00:00:00Z")], code: 65,
         messages: ["epoch.utc: \"2023-02-30T00:00:00Z\""]),
    Case(name: "leap second on a day without one", edits: [("2024-01-01T00:00:00Z", "2016-12-30T23:59:60Z")], code: 65,
         messages: ["epoch.utc: ", "second 60"]),
    Case(name: "UTC before 1972", edits: [("2024-01-01T00:00:00Z", "1960-01-01T00:00:00Z")], code: 65,
         messages: ["epoch.utc: ", "1972"]),
    Case(name: "two epoch scales", edits: [("{ \"utc\": \"2024-01-01T00:00:00Z\" }", "{ \"utc\": \"2024-01-01T00:00:00Z\", \"tt\": \"2024-01-01T00:01:09.184\" }")],
         code: 65, messages: ["epoch: expected exactly one time scale, got \"utc\" and \"tt\""]),
    Case(name: "unknown output format", edits: [("\"format\": \"json\"", "\"format\": \"xml\"")], code: 65,
         messages: ["outputs[1].format: unknown value \"xml\" (expected csv, json, oem)"]),
    Case(name: "output file with a directory part", edits: [("\"file\": \"states.csv\"", "\"file\": \"../states.csv\"")], code: 65,
         messages: ["outputs[0].file: \"../states.csv\" must be a plain file name"]),
    Case(name: "unknown propagator", edits: [("\"propagator\": \"kepler\"", "\"propagator\": [\"kepler\", \"cowell\"]")], code: 65,
         messages: ["propagator[1]: unknown value \"cowell\" (expected kepler, j2-secular, sgp4, numerical)"]),
    Case(name: "numerical settings without the numerical propagator",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"kepler\", \"numerical\": {},")], code: 65,
         messages: ["numerical: applies only when \"propagator\" lists \"numerical\""]),
    Case(name: "unknown key in numerical",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"forcess\": []},")], code: 65,
         messages: ["numerical.forcess: unknown key (did you mean \"forces\"?)"]),
    Case(name: "gravity field beyond EGM96's degree",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"forces\": [\"egm96:400x400\"]},")], code: 65,
         messages: ["numerical.forces[0]: \"egm96:400x400\": degree must be in 2…360"]),
    Case(name: "tolerance as a string",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"tolerance_m\": \"1e-6\"},")], code: 65,
         messages: ["numerical.tolerance_m: expected a number, got a string"]),
    Case(name: "tolerance that overflows",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"tolerance_m\": 1e999},")], code: 65,
         messages: ["numerical.tolerance_m: must be a finite number, got 1e999"]),
    Case(name: "negative tolerance",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"tolerance_m\": -1},")], code: 65,
         messages: ["numerical.tolerance_m: must be > 0, got -1"]),
    Case(name: "rkn1210 with drag",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"forces\": [\"j2\", \"drag:exponential\"], \"integrator\": \"rkn1210\"},")],
         code: 65,
         messages: ["numerical.integrator: rkn1210 (Runge–Kutta–Nyström) needs velocity-independent forces"]),
    Case(name: "sc11 with a tolerance",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"integrator\": \"sc11\", \"tolerance_m\": 1e-3},")],
         code: 65,
         messages: ["numerical.tolerance_m: does not apply to sc11 (a fixed-step method; use fixed_step_s)"]),
    Case(name: "drag without mass and area",
         edits: [("\"propagator\": \"kepler\",", "\"propagator\": \"numerical\", \"numerical\": {\"forces\": [\"j2\", \"drag:exponential\"]},")],
         code: 65,
         messages: ["spacecraft.mass_kg: missing required key (numerical.forces lists drag)",
                    "spacecraft.drag_area_m2: missing required key (numerical.forces lists drag)"]),
    Case(name: "sgp4 without a TLE", edits: [("\"propagator\": \"kepler\"", "\"propagator\": \"sgp4\"")], code: 65,
         messages: ["propagator: \"sgp4\" needs spacecraft.tle"]),
    Case(name: "negative mass", edits: [("\"spacecraft\": {", "\"spacecraft\": { \"mass_kg\": -5,")], code: 65,
         messages: ["spacecraft.mass_kg: must be > 0, got -5"]),
    Case(name: "orbit and tle together",
         edits: [("\"spacecraft\": {", "\"spacecraft\": { \"tle\": {\"line1\": \"x\", \"line2\": \"y\"},")], code: 65,
         messages: ["spacecraft: expected exactly one of \"orbit\", \"tle\", got both"]),
    Case(name: "unsupported schema version", edits: [("\"schema_version\": 1", "\"schema_version\": 2")], code: 65,
         messages: ["schema_version: unsupported schema version 2"]),
    Case(name: "non-integer schema version", edits: [("\"schema_version\": 1", "\"schema_version\": 1.5")], code: 65,
         messages: ["schema_version: expected an integer, got 1.5"]),
  ]

  func apply(_ edits: [(String, String)]) -> String {
    var text = validScenarioText
    for (old, new) in edits {
      precondition(text.contains(old), "edit target not found: \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }

  @Test(arguments: cases)
  func validateAndRunReject(_ c: Case) {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let file = dir + "/scenario.json"
    writeText(apply(c.edits), to: file)
    let outDir = dir + "/out"

    let v = orbit("validate", file)
    #expect(v.code == c.code, "\(v.stderr)")
    #expect(v.stdout.isEmpty)
    for m in c.messages {
      #expect(v.stderr.contains(m), "missing \"\(m)\" in:\n\(v.stderr)")
    }
    for line in v.stderr.split(separator: "\n") {
      #expect(line.hasPrefix("orbit: validate: \(file)"), "\(line)")
    }

    let r = orbit("run", file, "--output", outDir)
    #expect(r.code == c.code)
    #expect(r.stderr.replacingOccurrences(of: "orbit: run: ", with: "orbit: validate: ") == v.stderr)
    #expect(listing(outDir).isEmpty, "outputs left behind: \(listing(outDir))")
    #expect(listing(dir) == ["scenario.json"])
  }

  @Test func allProblemsAreReportedSorted() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let file = dir + "/s.json"
    writeText(
      """
      {"schema_version": 1, "name": "x", "kind": "propagate", "epoch": {"tai": 5},
       "spacecraft": {"orbit": {"cartesian": {"position_km": [7000, 0], "velocity_km_s": [0, 7.5, "0"]}}},
       "propagator": "kepler", "duration_s": -1, "step_s": 60, "extra": true,
       "outputs": [{"format": "csv", "file": "a.csv"}, {"format": "csv", "file": "a.csv"}]}
      """, to: file)
    let r = orbit("validate", file)
    #expect(r.code == 65)
    let lines = r.stderr.split(separator: "\n").map { String($0.dropFirst("orbit: validate: \(file): ".count)) }
    #expect(lines == [
      "duration_s: must be > 0, got -1",
      "epoch.tai: expected a string, got a number",
      "extra: unknown key (expected one of: schema_version, name, description, kind, epoch, central_body, spacecraft, propagator, duration_s, step_s, outputs, numerical, maneuvers, events)",
      "outputs[1].file: \"a.csv\" is already written by outputs[0]",
      "spacecraft.orbit.cartesian.position_km: expected an array of 3 numbers, got 2 elements",
      "spacecraft.orbit.cartesian.velocity_km_s[2]: expected a number, got a string",
    ])
  }

  @Test func outputDirectoryNotWritable() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let file = dir + "/scenario.json"
    writeText(validScenarioText, to: file)
    // A regular file where a directory is needed: fails even for root.
    let blocker = dir + "/blocker"
    writeText("not a directory", to: blocker)
    let r = orbit("run", file, "--output", blocker + "/out")
    #expect(r.code == 1)
    #expect(r.stderr.contains("orbit: run: \(blocker): cannot write: exists and is not a directory"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(listing(dir) == ["blocker", "scenario.json"])
  }

  @Test func failedRenameLeavesNoOutputAndNoTemporary() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let file = dir + "/scenario.json"
    writeText(validScenarioText, to: file)
    let out = dir + "/out"
    // states.json exists as a non-empty directory: states.csv is written first, then the
    // rename onto states.json fails, and states.csv must be taken back.
    try! FileManager.default.createDirectory(atPath: out + "/states.json/keep", withIntermediateDirectories: true)
    let r = orbit("run", file, "--output", out)
    #expect(r.code == 1)
    #expect(r.stderr.contains("states.json: cannot write"), "\(r.stderr)")
    #expect(listing(out) == ["states.json"])
  }
}

/// Every shipped scenario validates and runs.
@Suite struct ShippedScenarioTests {
  @Test func thereAreShippedScenarios() {
    #expect(shippedScenarios().contains { $0.hasSuffix("/iss-400km-kepler-vs-j2.json") })
  }

  @Test(arguments: shippedScenarios())
  func validatePrintsOK(_ path: String) {
    let r = orbit("validate", path)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout == "ok\n")
    #expect(r.stderr.isEmpty)
  }

  /// Longest span a shipped scenario is run for in a debug build (s): the 7-day full-force
  /// run takes ~10 s unoptimised; a day checks the same path. Release builds (and CI's
  /// `orbit run` on every scenario) run the files as shipped.
  static let debugDurationLimitS = 86_400.0

  @Test(arguments: shippedScenarios())
  func runWritesTheNamedFiles(_ path: String) throws {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    var runPath = path
    #if DEBUG
      var document = try #require(foundationJSON(String(contentsOfFile: path, encoding: .utf8)))
      var shortened = false
      if let d = document["duration_s"] as? Double, d > Self.debugDurationLimitS {
        document["duration_s"] = Self.debugDurationLimitS
        shortened = true
      }
      // Ensembles: a few runs in debug (the release CI runs every run of every shipped ensemble).
      if var mc = document["monte_carlo"] as? [String: Any], let runs = mc["runs"] as? Int, runs > 3 {
        mc["runs"] = 3
        document["monte_carlo"] = mc
        shortened = true
      }
      if shortened {
        runPath = makeTemporaryDirectory() + "/" + URL(fileURLWithPath: path).lastPathComponent
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: runPath))
      }
    #endif
    let r = orbit("run", runPath, "--output", dir)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    // The files named in the scenario, read with Foundation's parser.
    let scenario = try #require(foundationJSON(String(contentsOfFile: path, encoding: .utf8)))
    let outputs = scenario["outputs"] as? [[String: Any]] ?? []
    var names = outputs.compactMap { $0["file"] as? String }
    if let kind = scenario["kind"] as? String, kind != "propagate" {
      // Extended kinds write their own formats (their suites check the contents); a kind
      // without `outputs` (e.g. rendezvous) writes a fixed set, documented in Scenarios/README.md.
      if names.isEmpty { names = listing(dir) }
      #expect(!names.isEmpty)
      #expect(listing(dir) == names.sorted())
      for name in names {
        #expect(r.stdout.contains("wrote \(dir)/\(name)"))
        #expect(!(try String(contentsOfFile: dir + "/" + name, encoding: .utf8)).isEmpty)
      }
      return
    }
    #expect(listing(dir) == names.sorted())
    for name in names {
      let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
      #expect(!text.isEmpty)
      #expect(r.stdout.contains("wrote \(dir)/\(name)"))
      if name.hasSuffix(".csv") {
        #expect(text.hasPrefix("t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,propagator\n"))
      } else if name.hasSuffix(".oem") {
        #expect(text.hasPrefix("CCSDS_OEM_VERS = 2.0\n"))
        #expect(text.contains("META_START\n") && text.contains("REF_FRAME = GCRF\n"))
      } else {
        #expect(foundationJSON(text) != nil, "\(name) is not valid JSON")
      }
    }
  }
}
