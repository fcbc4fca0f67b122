import Foundation
import OrbitCore
import OrbitMissions
import OrbitScenario

/// `orbit compare`: every mission file against the model — predicted liftoff from the TLE alone,
/// simulated docking from the reported liftoff — with the errors and their statistics.
enum CompareCommand {
  static let spec = CommandSpec(
    name: "compare",
    summary: "Run every reported mission and compare predicted liftoff and simulated docking with the reports.",
    usage: "orbit compare [DIR] [--format text|json]",
    positionals: [
      PositionalSpec(name: "DIR", help: "Folder of mission files (*.json); default Scenarios/missions.", isOptional: true)
    ],
    options: [
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text")
    ],
    details: """
      For each mission file (schema: Scenarios/missions, one flight per file, with the ISS
      element set from before the launch):
        - predicted liftoff: the launch window nearest the reported liftoff, from the TLE and
          the pad alone (orbit launch-window), for the scheme flown;
        - simulated docking: the whole flight (ascent, phasing burns solved for the geometry,
          approach to the port) from the reported liftoff with profile auto;
        - the errors (predicted/simulated − reported) and whether auto chose the scheme flown.
      Then, separately for the training missions and the added ones: the number of flights, the
      median and maximum absolute liftoff and docking errors. Missions without a TLE are listed
      and left out of the statistics; a mission whose simulation fails is listed with the reason.

      JSON: {directory, missions: [{mission, file, training, vehicle, port, profile_flown,
      profile_auto, phase_angle_at_insertion_deg, tle_age_days, liftoff_reported_utc,
      liftoff_predicted_utc, liftoff_error_s, docking_reported_utc, docking_simulated_utc,
      docking_error_s, total_delta_v_m_s, phasing_delta_v_m_s, error}], summary: {training:
      {missions, simulated, auto_matches_flown, liftoff_median_abs_error_s,
      liftoff_max_abs_error_s, docking_median_abs_error_s, docking_max_abs_error_s}, added:
      {...}}}. Times are UTC; errors are seconds, positive when the model is late.

      Exit codes: 64 for an unknown option; 65 for a mission file that does not parse (named
      with its JSON path); 1 for a folder that cannot be read or an empty one. A flight that cannot be simulated is
      listed with its reason (error) and left out of the statistics.

      Example:
        orbit compare Scenarios/missions --format json
      """)

  /// One row.
  struct Row {
    var record: MissionRecord
    var profileAuto: String?
    var phaseDegrees: Double?
    var predictedLiftoff: Epoch?
    var simulatedDocking: Epoch?
    var totalDeltaV: Double?
    var phasingDeltaV: Double?
    var error: String?

    var liftoffError: Double? { predictedLiftoff.map { $0 - record.liftoff.epoch } }
    var dockingError: Double? { simulatedDocking.map { $0 - record.docking.epoch } }
  }

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let dir = arguments.positionals.first ?? "Scenarios/missions"
    let json = (arguments.option("--format") ?? "text") == "json"
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw CLIError(ExitCode.failure, "\(dir): cannot read the folder")
    }
    guard !names.isEmpty else { throw CLIError(ExitCode.failure, "\(dir): no mission files (*.json)") }
    var records: [MissionRecord] = []
    for name in names {
      let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
      let text = try InputFile.text(path)
      do throws(MissionRecordError) {
        records.append(try MissionRecord(json: text, fileName: path))
      } catch {
        throw .data(error.description)
      }
    }
    let rows = records.map(evaluate)
    out += json ? renderJSON(rows, dir: dir) : renderText(rows, dir: dir)
  }

  /// Predicts the liftoff and simulates the flight of one record.
  static func evaluate(_ record: MissionRecord) -> Row {
    var row = Row(record: record)
    guard let tle = record.stationTLE?.tle else {
      row.error = "no pre-launch TLE"
      return row
    }
    do throws(LaunchWindowError) {
      let planner = try LaunchWindowPlanner(target: tle, pad: record.pad)
      let window = try planner.window(nearest: record.liftoff.epoch)
      row.predictedLiftoff = window.option(record.schemeFlown).liftoff
    } catch {
      row.error = "launch window: \(error.description)"
      return row
    }
    do {
      let port = try DockingPort.named(record.port)
      let vehicle = try RendezvousVehicle.preset(named: record.vehicle)
      let result = try RendezvousMission.simulate(
        tle: tle, liftoff: record.liftoff.epoch, pad: record.pad, profile: .auto, port: port, vehicle: vehicle)
      row.profileAuto = result.profile.rawValue
      row.phaseDegrees = result.insertion.phaseAngleDegrees
      row.simulatedDocking = result.dockingEpoch
      row.totalDeltaV = result.totalDeltaV
      row.phasingDeltaV = result.phasingDeltaV
    } catch {
      row.error = "\(error)"
    }
    return row
  }

  /// Statistics of a group.
  struct Summary {
    var missions = 0
    var simulated = 0
    var autoMatches = 0
    var liftoff: [Double] = []
    var docking: [Double] = []

    init(_ rows: [Row]) {
      missions = rows.count
      for r in rows {
        if let e = r.liftoffError { liftoff.append(abs(e)) }
        if let e = r.dockingError {
          docking.append(abs(e))
          simulated += 1
        }
        if let a = r.profileAuto, a == r.record.schemeFlown.name { autoMatches += 1 }
      }
    }

    static func median(_ x: [Double]) -> Double? {
      guard !x.isEmpty else { return nil }
      let s = x.sorted()
      return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }

    var json: JSONValue {
      .fields([
        "missions": .int(missions),
        "simulated": .int(simulated),
        "auto_matches_flown": .int(autoMatches),
        "liftoff_median_abs_error_s": Self.median(liftoff).map(JSONValue.double) ?? .null,
        "liftoff_max_abs_error_s": liftoff.max().map(JSONValue.double) ?? .null,
        "docking_median_abs_error_s": Self.median(docking).map(JSONValue.double) ?? .null,
        "docking_max_abs_error_s": docking.max().map(JSONValue.double) ?? .null,
      ])
    }
  }

  static func utc(_ e: Epoch?, digits: Int = 0) -> String {
    guard let e else { return "-" }
    return (try? e.iso8601(.utc, fractionDigits: digits)) ?? "?"
  }

  static func seconds(_ x: Double?) -> String { x.map { NumberFormat.fixed($0, digits: 0) } ?? "-" }
  static func minutes(_ x: Double?) -> String { x.map { NumberFormat.fixed($0 / 60, digits: 1) } ?? "-" }

  static func renderText(_ rows: [Row], dir: String) -> String {
    var s = "Reported missions in \(dir): predicted liftoff (TLE alone) and simulated docking (from the reported liftoff)\n"
    for (title, group) in [("Training missions", rows.filter(\.record.training)), ("Added missions", rows.filter { !$0.record.training })] {
      guard !group.isEmpty else { continue }
      s += "\n\(title)\n"
      s += pad("mission", 17) + pad("flown", 8) + pad("auto", 8) + pad("phase", 8) + pad("liftoff reported", 21)
      s += pad("err s", 7) + pad("docking reported", 21) + pad("simulated", 21) + pad("err min", 8) + "dv m/s\n"
      for r in group {
        s += pad(r.record.mission, 17) + pad(r.record.schemeFlown.name, 8) + pad(r.profileAuto ?? "-", 8)
        s += pad(r.phaseDegrees.map { NumberFormat.fixed($0, digits: 1) } ?? "-", 8)
        s += pad(utc(r.record.liftoff.epoch), 21) + pad(seconds(r.liftoffError), 7)
        s += pad(utc(r.record.docking.epoch), 21) + pad(utc(r.simulatedDocking), 21) + pad(minutes(r.dockingError), 8)
        s += (r.totalDeltaV.map { NumberFormat.fixed($0, digits: 1) } ?? "-")
        if let e = r.error { s += "  (\(e))" }
        s += "\n"
      }
      let sum = Summary(group)
      s += "  \(sum.simulated) of \(sum.missions) simulated; auto = flown for \(sum.autoMatches)"
      s += "; liftoff |error| median \(seconds(Summary.median(sum.liftoff))) s, max \(seconds(sum.liftoff.max())) s"
      s += "; docking |error| median \(minutes(Summary.median(sum.docking))) min, max \(minutes(sum.docking.max())) min\n"
    }
    return s
  }

  static func renderJSON(_ rows: [Row], dir: String) -> String {
    func opt(_ x: Double?) -> JSONValue { x.map(JSONValue.double) ?? .null }
    let list: [JSONValue] = rows.map { r in
      .fields([
        "mission": .string(r.record.mission),
        "file": .string(r.record.fileName),
        "training": .bool(r.record.training),
        "vehicle": .string(r.record.vehicle),
        "port": .string(r.record.port),
        "profile_flown": .string(r.record.schemeFlown.name),
        "profile_auto": r.profileAuto.map(JSONValue.string) ?? .null,
        "phase_angle_at_insertion_deg": opt(r.phaseDegrees),
        "tle_age_days": opt(r.record.tleAgeAtLiftoff.map { $0 / 86_400 }),
        "liftoff_reported_utc": .string(utc(r.record.liftoff.epoch, digits: 3)),
        "liftoff_predicted_utc": r.predictedLiftoff.map { .string(utc($0, digits: 3)) } ?? .null,
        "liftoff_error_s": opt(r.liftoffError),
        "docking_reported_utc": .string(utc(r.record.docking.epoch, digits: 3)),
        "docking_simulated_utc": r.simulatedDocking.map { .string(utc($0, digits: 3)) } ?? .null,
        "docking_error_s": opt(r.dockingError),
        "total_delta_v_m_s": opt(r.totalDeltaV),
        "phasing_delta_v_m_s": opt(r.phasingDeltaV),
        "error": r.error.map(JSONValue.string) ?? .null,
      ])
    }
    let root: JSONValue = .fields([
      "directory": .string(dir),
      "missions": .array(list),
      "summary": .fields([
        "training": Summary(rows.filter(\.record.training)).json,
        "added": Summary(rows.filter { !$0.record.training }).json,
      ]),
    ])
    return JSONWriter.string(root)
  }
}
