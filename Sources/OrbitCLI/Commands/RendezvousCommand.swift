import OrbitCore
import OrbitMissions
import OrbitScenario

/// `orbit rendezvous`: a Soyuz MS / Progress MS flight from liftoff to contact at an ISS port.
enum RendezvousCommand {
  static let ports = DockingPort.allCases.map(\.rawValue)
  static let profiles = RendezvousProfile.allCases.map(\.rawValue)
  static let vehicles = RendezvousVehicle.presets.map(\.name)
  static let pads = LaunchSite.all.map(\.name)

  static let spec = CommandSpec(
    name: "rendezvous",
    summary: "Simulate a Soyuz/Progress flight to the ISS, liftoff to docking.",
    usage:
      "orbit rendezvous --tle FILE --launch ISO [--pad PAD] [--profile auto|2-orbit|4-orbit|2-day] [--port PORT] [--vehicle soyuz-ms|progress-ms] [--format text|json]",
    positionals: [],
    options: [
      OptionSpec(name: "--tle", valueName: "FILE", help: "The station's element set (2- or 3-line; the first set is used)."),
      OptionSpec(name: "--launch", valueName: "ISO", help: "Liftoff time, ISO-8601 UTC (e.g. 2022-09-21T13:54:49.531Z)."),
      OptionSpec(name: "--pad", valueName: "PAD", help: "Launch pad.", choices: pads, defaultValue: "baikonur-31"),
      OptionSpec(name: "--profile", valueName: "PROFILE", help: "Rendezvous scheme.", choices: profiles, defaultValue: "auto"),
      OptionSpec(name: "--port", valueName: "PORT", help: "ISS docking port.", choices: ports, defaultValue: "rassvet"),
      OptionSpec(name: "--vehicle", valueName: "VEHICLE", help: "The ship.", choices: vehicles, defaultValue: "soyuz-ms"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
    ],
    details: """
      Flies the ascent to insertion, the phasing burns of the scheme (solved for the actual
      geometry) and the autonomous approach (ESA range gates, fly-around, station-keeping, final
      approach at 0.1 m/s to contact at the port), all propagated numerically (J2 + drag).
      `auto` picks the fastest scheme whose phase window holds the phase angle at insertion.

      JSON keys: profile, liftoff_utc, insertion_utc, phase_angle_at_insertion_deg,
      burns[] (time_utc, delta_v_m_s, duration_s), events[] (name, time_utc), docking_utc,
      total_delta_v_m_s.

      Exit codes: 64 for a missing or unknown option value; 65 for an element set that cannot
      be read or belongs to another orbit, a launch time outside any window, a profile that
      cannot close, a port that does not exist at that date (Pirs after 2021-07-26); 1 for an
      unreadable file or a failed simulation.

      Example:
        orbit rendezvous --tle iss.tle --launch 2022-09-21T13:54:49.531Z --port rassvet --format json
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    guard let path = arguments.option("--tle") else { throw .usage("missing required option --tle FILE") }
    guard let launchText = arguments.option("--launch") else { throw .usage("missing required option --launch ISO") }
    let data = TimeScaleData.standard
    let liftoff: Epoch
    switch EpochText.parse(launchText, scale: .utc, data: data) {
    case .success(let e): liftoff = e
    case .failure(let error):
      if case .malformed = error { throw .usage("--launch: \(error.description)") }
      throw .data("--launch: \(error.description)")
    }
    let pad: LaunchSite
    let profile: RendezvousProfile
    let port: DockingPort
    let vehicle: RendezvousVehicle
    do {
      pad = try LaunchSite.named(arguments.option("--pad") ?? "baikonur-31")
      profile = try RendezvousProfile.named(arguments.option("--profile") ?? "auto")
      port = try DockingPort.named(arguments.option("--port") ?? "rassvet")
      vehicle = try RendezvousVehicle.preset(named: arguments.option("--vehicle") ?? "soyuz-ms")
    } catch {
      throw .usage("\(error)")
    }
    do throws(DockingPortError) { try port.checkAvailable(at: liftoff, data: data) } catch {
      throw .data("--port: \(error.description)")
    }
    let tle = try readTLE(path)
    let timeline: RendezvousTimeline
    do throws(RendezvousError) {
      timeline = try RendezvousRun.simulate(
        tle: tle, liftoff: liftoff, pad: pad, profile: profile, port: port, vehicle: vehicle, outputStep: 60,
        data: data)
    } catch {
      throw CLIError(exitCode(for: error), error.description)
    }
    do throws(TimeError) {
      if arguments.option("--format") == "json" {
        out += JSONWriter.string(try RendezvousOutputs.json(timeline, data: data))
      } else {
        out += try RendezvousOutputs.text(timeline, data: data)
      }
    } catch {
      throw .data(error.description)
    }
  }

  /// 65 for what the input makes impossible, 1 for a failed simulation.
  static func exitCode(for error: RendezvousError) -> Int32 {
    switch error {
    case .propagation, .approach: ExitCode.failure
    default: ExitCode.dataError
    }
  }

  /// The first element set in the file.
  static func readTLE(_ path: String) throws(CLIError) -> TLE {
    let text = try InputFile.text(path)
    let sets: [TLERecord]
    do throws(TLEParseError) {
      sets = try TLE.parseMany(text, fileName: path)
    } catch {
      throw .data(error.description)
    }
    guard let first = sets.first else { throw .data("\(path): no element set in the file") }
    return first.tle
  }
}
