import OrbitCore
import OrbitMissions
import OrbitScenario

/// `orbit reboost`: plan an ISS reboost from a TLE and fly it as finite burns on the numerical
/// model; report the burns and the mean orbit before and after.
enum ReboostCommand {
  static let defaultPropellantKg = 950.0

  static let spec = CommandSpec(
    name: "reboost",
    summary: "Plan and simulate an ISS reboost (finite prograde burns) from a TLE.",
    usage: "orbit reboost --tle FILE --thruster progress|zvezda|cygnus|progress-ktdu (--raise-km X | --target-km Y) [--start ISO] [--burns 1|2] [--mass-kg M] [--propellant-kg P] [--thrust-n F --isp-s I] [--atmosphere nrlmsise00|harris-priester] [--space-weather-fallback mean|F107,AP] [--format text|json] [--output FILE] [--arc-csv FILE]",
    positionals: [],
    options: [
      OptionSpec(name: "--tle", valueName: "FILE", help: "The ISS element set (the first set in the file)."),
      OptionSpec(name: "--thruster", valueName: "NAME", help: "Thruster preset: \(Thruster.presets.map(\.name).joined(separator: ", "))."),
      OptionSpec(name: "--raise-km", valueName: "X", help: "Raise the mean semi-major axis by X km (> 0)."),
      OptionSpec(name: "--target-km", valueName: "Y", help: "Reach a mean altitude of Y km (above the current one)."),
      OptionSpec(name: "--start", valueName: "ISO", help: "First ignition, UTC.", defaultValue: "1.15 revolutions after the TLE epoch"),
      OptionSpec(name: "--burns", valueName: "N", help: "1, or 2 half-Δv burns half a revolution apart (keeps the orbit circular).", choices: ["1", "2"], defaultValue: "1"),
      OptionSpec(name: "--mass-kg", valueName: "M", help: "ISS mass with visiting vehicles (kg).", defaultValue: "450000 (ISSModel.reference)"),
      OptionSpec(name: "--propellant-kg", valueName: "P", help: "Propellant available to the thruster (kg).", defaultValue: "950 (a Progress MS-28 refuelling load)"),
      OptionSpec(name: "--thrust-n", valueName: "F", help: "Custom thrust (N); with --isp-s, replaces the preset's values."),
      OptionSpec(name: "--isp-s", valueName: "I", help: "Custom specific impulse (s)."),
      OptionSpec(name: "--atmosphere", valueName: "MODEL", help: "Drag model.", choices: ["nrlmsise00", "harris-priester"], defaultValue: "nrlmsise00"),
      OptionSpec(name: "--space-weather-fallback", valueName: "mean|F107,AP", help: "Indices for dates beyond the built-in space-weather table: the table's last 81-day means, or constant F10.7 (sfu) and Ap."),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
      OptionSpec(name: "--output", valueName: "FILE", help: "Write the report to FILE (atomically) instead of standard output."),
      OptionSpec(name: "--arc-csv", valueName: "FILE", help: "Also write the sampled trajectory (10 s, burn arcs flagged) as CSV."),
    ],
    details: """
      The station state is SGP4's at the TLE epoch, turned into GCRF; --start must be within
      30 days of that epoch (longer coasts are decay studies). The planner computes the
      Δv for the goal (Gauss: Δa = 2aΔv/v on a near-circular orbit), the propellant from the
      rocket equation, and flies the burn(s) as constant-thrust finite burns along +V (VNB) with
      mass flow on point mass + J2 + drag (NRLMSISE-00 with the built-in daily space weather, or
      Harris–Priester), ISS drag area 2500 m² and Cd 2.2; the duration is then corrected twice
      on the simulation so the mean rise matches the goal. "Mean" is the orbit average of the
      osculating elements over one draconic revolution (J2 short-period terms average out);
      mean altitude = mean a − 6378.137 km. --target-km is such a mean altitude.

      The progress preset's thrust is an effective value calibrated on reported Progress MS
      reboosts (see Thruster.progress); --thrust-n/--isp-s fly any other engine.

      Space weather: the built-in table ends on 2026-06-30; a run beyond it needs
      --space-weather-fallback (mean = the table's last 81-day means of F10.7 and Ap, or F107,AP
      values), and the report says when the fallback was used. Harris–Priester needs none.

      JSON: {goal, thruster, model, burns: [{start_utc, end_utc, duration_s, delta_v_m_s,
      propellant_kg, thrust_n, isp_s, axes, direction, start_mass_kg}], before, after:
      {epoch_utc, mean_altitude_km, mean_semi_major_axis_km, mean_eccentricity,
      mean_inclination_deg, mean_perigee_altitude_km, mean_apogee_altitude_km, mass_kg},
      delta_semi_major_axis_km, delta_v_m_s, propellant_kg, space_weather: {fallback_used,
      fallback}}.

      Exit codes: 64 for bad options (unknown thruster, Δa ≤ 0, malformed numbers or dates,
      both or neither of --raise-km/--target-km); 65 for bad data (malformed TLE, a goal the
      propellant cannot reach, a target below the current orbit, a date beyond the space-weather
      table without --space-weather-fallback); 1 for a missing file or a failed run.

      Examples:
        orbit reboost --tle iss.tle --thruster progress --raise-km 2.5
        orbit reboost --tle iss.tle --thruster zvezda --target-km 420 --burns 2 --format json
        orbit reboost --tle iss.tle --thruster cygnus --raise-km 1 --start 2027-01-10T00:00:00Z --space-weather-fallback mean
      """)

  static func number(_ name: String, _ arguments: ParsedArguments) throws(CLIError) -> Double? {
    try PropagateCommand.number(name, arguments)
  }

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    guard let path = arguments.option("--tle") else { throw .usage("missing --tle FILE (the ISS element set)") }
    // Thruster: a preset, optionally with custom thrust/Isp, or custom values alone.
    let customThrust = try number("--thrust-n", arguments)
    let customIsp = try number("--isp-s", arguments)
    if (customThrust == nil) != (customIsp == nil) {
      throw .usage("--thrust-n and --isp-s go together (a custom engine needs both)")
    }
    var thruster: Thruster
    if let name = arguments.option("--thruster") {
      do throws(ThrusterError) {
        thruster = try Thruster.preset(named: name)
      } catch {
        throw .usage("--thruster: \(error.description)")
      }
    } else if customThrust != nil {
      thruster = Thruster(name: "custom", displayName: "custom engine", thrust: 0, specificImpulse: 0, source: "command line")
    } else {
      throw .usage("missing --thruster (one of: \(Thruster.presets.map(\.name).joined(separator: ", "))) or --thrust-n with --isp-s")
    }
    if let f = customThrust, let isp = customIsp {
      guard f > 0 else { throw .usage("--thrust-n must be > 0 N, got \(arguments.option("--thrust-n")!)") }
      guard isp > 0 else { throw .usage("--isp-s must be > 0 s, got \(arguments.option("--isp-s")!)") }
      thruster.thrust = f
      thruster.specificImpulse = isp
      thruster.source = "custom values from the command line"
    }

    // Goal.
    let raise = try number("--raise-km", arguments)
    let target = try number("--target-km", arguments)
    let goal: ReboostGoal
    switch (raise, target) {
    case (let r?, nil):
      guard r > 0 else {
        throw .usage("--raise-km must be > 0 (a reboost raises the orbit), got \(arguments.option("--raise-km")!)")
      }
      goal = .raiseSemiMajorAxis(by: r * 1000)
    case (nil, let t?):
      guard t > 0 else { throw .usage("--target-km must be a mean altitude > 0 km, got \(arguments.option("--target-km")!)") }
      goal = .targetMeanAltitude(t * 1000)
    case (nil, nil):
      throw .usage("give the goal: --raise-km X or --target-km Y")
    default:
      throw .usage("--raise-km and --target-km cannot be used together; give one goal")
    }

    let mass = try number("--mass-kg", arguments) ?? ISSModel.reference.mass
    guard mass > 0 else { throw .usage("--mass-kg must be > 0, got \(arguments.option("--mass-kg")!)") }
    let propellant = try number("--propellant-kg", arguments) ?? defaultPropellantKg
    guard propellant >= 0, propellant < mass else {
      throw .usage("--propellant-kg must be ≥ 0 and less than the mass, got \(arguments.option("--propellant-kg")!)")
    }
    let burnCount = Int(arguments.option("--burns") ?? "1") ?? 1

    // Space weather.
    var fallback: SpaceWeatherFallback? = nil
    var fallbackText: String? = nil
    if let text = arguments.option("--space-weather-fallback") {
      if text == "mean" {
        fallback = .lastMean
        fallbackText = "the table's last 81-day means of F10.7 and Ap"
      } else {
        let v = try parseNumberList(text, count: 2, option: "--space-weather-fallback")
        guard v[0] > 0, v[1] >= 0 else {
          throw .usage("--space-weather-fallback: F10.7 must be > 0 sfu and Ap ≥ 0, got \"\(text)\"")
        }
        fallback = .constant(f107: v[0], f107Average: v[0], ap: v[1])
        fallbackText = "constant F10.7 \(NumberFormat.shortest(v[0])) sfu, Ap \(NumberFormat.shortest(v[1]))"
      }
    }
    var environment = ReboostEnvironment.standard
    if arguments.option("--atmosphere") == "harris-priester" {
      if fallback != nil { throw .usage("--space-weather-fallback applies to --atmosphere nrlmsise00 only") }
      environment.atmosphere = .harrisPriester
    } else {
      environment.atmosphere = .nrlmsise00(SpaceWeather(fallback: fallback))
    }

    // Start.
    var start: Epoch? = nil
    if let text = arguments.option("--start") {
      switch EpochText.parse(text, scale: .utc) {
      case .success(let e): start = e
      case .failure(let error): throw CLIError(TimeCommand.exitCode(for: error), "--start: \(error.description)")
      }
    }

    // State from the TLE.
    let records = try SGP4Command.readTLEs(path, vallado: false)
    let initial: CartesianState
    do throws(ReboostError) {
      initial = try ReboostPlanner.initialState(from: records[0].tle)
    } catch {
      throw .data("\(path):\(records[0].lineNumber): \(error.description)")
    }
    if let start, abs(start - initial.epoch) > 30 * 86_400 {
      throw .usage("--start must be within 30 days of the TLE epoch (\(ReboostReport.utc(initial.epoch))); use an element set from shortly before the burn")
    }

    let plan: ReboostPlan
    let result: ReboostResult
    do throws(ReboostError) {
      plan = try ReboostPlanner.plan(
        initialState: initial, mass: mass, propellant: propellant, thruster: thruster, goal: goal, start: start,
        burnCount: burnCount, environment: environment)
      result = try plan.simulate()
    } catch {
      throw CLIError(exitCode(for: error), error.description)
    }
    let report = ReboostReport(plan: plan, result: result, fallbackDescription: fallbackText)
    let text: String
    if arguments.option("--format") == "json" {
      text = JSONWriter.string(report.json)
    } else {
      text = report.textLines.joined(separator: "\n") + "\n"
    }
    var files: [(path: String, contents: String)] = []
    if let output = arguments.option("--output") { files.append((output, text)) } else { out += text }
    if let csv = arguments.option("--arc-csv") { files.append((csv, report.arcCSV)) }
    if !files.isEmpty {
      do throws(AtomicFileWriter.Failure) {
        try AtomicFileWriter.write(files)
      } catch {
        throw CLIError(ExitCode.failure, "\(error.path): cannot write: \(error.reason)")
      }
    }
  }

  /// 65 for impossible goals and data, 64 for a non-positive rise, 1 for a failed run.
  static func exitCode(for error: ReboostError) -> Int32 {
    switch error {
    case .nonPositiveRise: ExitCode.usage
    case .targetBelowCurrent, .insufficientPropellant, .phaseDateTooEarly, .invalidInput, .spaceWeather, .invalidState:
      ExitCode.dataError
    case .propagation: ExitCode.failure
    }
  }
}
