import Testing
import OrbitCLI

/// Malformed command lines: each gives the documented exit code and one clear stderr line.
@Suite struct BadCommandLineTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var code: Int32
    /// Substrings the stderr line must contain.
    var message: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    // Dates that do not exist: well-formed text, impossible value → 65.
    Case(arguments: ["time", "2023-02-30T00:00:00Z"], code: 65, message: ["orbit: time: ", "2023-02-30T00:00:00Z", "day"]),
    Case(arguments: ["time", "2023-13-01T00:00:00Z"], code: 65, message: ["orbit: time: ", "month"]),
    Case(arguments: ["time", "2016-12-30T23:59:60Z"], code: 65, message: ["second 60"]),
    Case(arguments: ["time", "2017-01-01T00:00:60Z"], code: 65, message: ["second 60"]),
    Case(arguments: ["time", "1960-01-01T00:00:00Z"], code: 65, message: ["before 1972"]),
    Case(arguments: ["time", "2024-01-01T24:00:00Z"], code: 65, message: ["hour"]),
    // Text that is not a date at all → 64.
    Case(arguments: ["time", "yesterday"], code: 64, message: ["orbit: time: ", "\"yesterday\"", "not a valid date-time"]),
    Case(arguments: ["time", "2024-01-01T00:00:00+02:00"], code: 64, message: ["time-zone"]),
    Case(arguments: ["time", "2024-01-01T00:00:00Z", "--scale", "tai"], code: 64, message: ["Z"]),
    Case(arguments: ["time", "2024-01-01T00:00:00Z", "--scale", "julian"], code: 64,
         message: ["--scale: unknown value \"julian\" (expected utc, tai, tt, gps, tdb)"]),
    Case(arguments: ["time"], code: 64, message: ["orbit: time: missing argument <instant>"]),
    Case(arguments: ["time", "2024-01-01", "2024-01-02"], code: 64, message: ["unexpected argument \"2024-01-02\""]),
    Case(arguments: ["time", "2024-01-01", "--format"], code: 64, message: ["--format: missing value"]),
    // Numbers.
    Case(arguments: ["elements", "--state", "1,2,x"], code: 64,
         message: ["orbit: elements: --state: expected 6 comma-separated numbers, got \"1,2,x\""]),
    Case(arguments: ["elements", "--state", "6778,0,0,0,7.67"], code: 64, message: ["expected 6 comma-separated numbers"]),
    Case(arguments: ["elements", "--state", "6778,0,0,0,7.67,0,1"], code: 64, message: ["expected 6 comma-separated numbers"]),
    Case(arguments: ["elements", "--state", "6778,0,0,0,nan,0"], code: 64, message: ["field 5 of 6 is not a finite number: \"nan\""]),
    Case(arguments: ["elements", "--state", "6778,0,0,inf,7.67,0"], code: 64, message: ["field 4 of 6 is not a finite number: \"inf\""]),
    Case(arguments: ["elements", "--state", "6778,0,0,0,1e999,0"], code: 64, message: ["not a finite number: \"1e999\""]),
    Case(arguments: ["elements", "--state", "6778km,0,0,0,7.67,0"], code: 64, message: ["field 1 of 6 is not a number: \"6778km\""]),
    Case(arguments: ["elements", "--state", "0x1p3,0,0,0,7.67,0"], code: 64, message: ["is not a number"]),
    Case(arguments: ["elements", "--state", "6778,,0,0,7.67,0"], code: 64, message: ["field 2 of 6 is not a number"]),
    // Impossible orbits → 65.
    Case(arguments: ["elements", "--keplerian", "7000,1.0,51.6,0,0,0"], code: 65, message: ["eccentricity must be in [0, 1)"]),
    Case(arguments: ["elements", "--keplerian", "7000,1.5,51.6,0,0,0"], code: 65, message: ["eccentricity must be in [0, 1)"]),
    Case(arguments: ["elements", "--keplerian", "-7000,0.1,51.6,0,0,0"], code: 65, message: ["semi-major axis must be > 0"]),
    Case(arguments: ["elements", "--keplerian", "7000,0.1,200,0,0,0"], code: 65, message: ["inclination must be in [0, 180]"]),
    Case(arguments: ["elements", "--state", "0,0,0,0,0,0"], code: 65, message: ["--state: ", "zero radius"]),
    Case(arguments: ["elements", "--state", "7000,0,0,7,0,0"], code: 65, message: ["rectilinear"]),
    // Flags and commands.
    Case(arguments: ["elements", "--bogus", "1"], code: 64, message: ["orbit: elements: unknown option \"--bogus\""]),
    Case(arguments: ["elements", "--stat", "1"], code: 64, message: ["did you mean --state?"]),
    Case(arguments: ["elements"], code: 64, message: ["expected one of --state or --keplerian"]),
    Case(arguments: ["elements", "--state"], code: 64, message: ["--state: missing value"]),
    Case(arguments: ["elements", "--state", "1,2,3,4,5,6", "--state", "1,2,3,4,5,6"], code: 64, message: ["given more than once"]),
    Case(arguments: ["elements", "--state", "7000,0,0,0,7.5,0", "--keplerian", "7000,0,0,0,0,0"], code: 64,
         message: ["cannot be used together"]),
    Case(arguments: ["elements", "--state", "7000,0,0,0,7.5,0", "--format", "xml"], code: 64,
         message: ["--format: unknown value \"xml\" (expected text, json)"]),
    Case(arguments: ["frobnicate"], code: 64, message: ["orbit: unknown command \"frobnicate\""]),
    Case(arguments: ["valdate", "x.json"], code: 64, message: ["did you mean validate?"]),
    Case(arguments: ["--frob"], code: 64, message: ["orbit: unknown option \"--frob\""]),
    Case(arguments: [], code: 64, message: ["orbit: missing command"]),
    Case(arguments: ["help", "nothing"], code: 64, message: ["unknown command \"nothing\""]),
    Case(arguments: ["run"], code: 64, message: ["orbit: run: missing argument <file.json>"]),
    Case(arguments: ["validate", "a.json", "b.json"], code: 64, message: ["unexpected argument \"b.json\""]),
    // Missing input file → 1 (a run failure, documented in Sources/OrbitCLI/README.md).
    Case(arguments: ["validate", "no/such/scenario.json"], code: 1,
         message: ["orbit: validate: no/such/scenario.json: cannot read: No such file or directory"]),
    Case(arguments: ["run", "no-such-scenario.json"], code: 1, message: ["no-such-scenario.json: cannot read"]),
  ]

  @Test(arguments: cases)
  func badCommandLine(_ c: Case) {
    let result = orbit(c.arguments)
    #expect(result.code == c.code, "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
    #expect(result.stderr.hasPrefix("orbit: "))
    for fragment in c.message {
      #expect(result.stderr.contains(fragment), "missing \"\(fragment)\" in: \(result.stderr)")
    }
  }

  @Test func directoryAsScenarioIsARunFailure() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let result = orbit("validate", dir)
    #expect(result.code == 1)
    #expect(result.stderr.contains("is a directory"))
  }
}
