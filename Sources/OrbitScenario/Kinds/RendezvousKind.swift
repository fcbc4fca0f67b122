import OrbitCore
import OrbitMissions

/// Scenario kind `rendezvous`: a Soyuz MS / Progress MS flight from liftoff to contact at an
/// ISS port (`RendezvousMission`: ascent, phasing burns, autonomous approach), written as a
/// timeline (JSON), CSV ephemerides of both vehicles, the approach in the station's LVLH frame
/// (CSV), a CCSDS OEM with both objects, and SVG charts of the approach (V-bar/R-bar) and of
/// the range against time.
///
/// Keys: `schema_version`, `name`, `description`, `kind`, `station_tle` {`line1`, `line2`,
/// optional `source`}, `launch` {`liftoff_utc`, optional `pad` (default `baikonur-31`)},
/// optional `vehicle` (default `soyuz-ms`), `profile` (default `auto`), `port` (default
/// `rassvet`), `reported` {`docking_utc`, optional `source`}, `output_step_s` (default 60).
///
/// The nominal part is read by `readNominal`, which other sections (e.g. `monte_carlo`) can
/// reuse: add the section's key to `topLevelKeys` and branch in `read`.
enum RendezvousKind {
  static let kind = "rendezvous"

  static let handler = ScenarioKindHandler(kind: kind) { top, c in read(top, &c) }

  /// The allowed top-level keys.
  static let topLevelKeys = [
    "schema_version", "name", "kind", "description", "station_tle", "launch", "vehicle", "profile", "port",
    "reported", "output_step_s", "monte_carlo",
  ]

  /// The nominal flight described by the file.
  struct Nominal: Sendable {
    var name: String
    var tle: TLE
    var liftoff: Epoch
    var pad: LaunchSite
    var vehicle: RendezvousVehicle
    var profile: RendezvousProfile
    var port: DockingPort
    var reportedDocking: Epoch?
    var outputStep: Double
  }

  static func read(_ json: JSONValue, _ c: inout Checker) -> ExtendedScenario? {
    guard
      let top = c.object(
        json, at: .root, allowed: topLevelKeys,
        required: ["schema_version", "name", "kind", "station_tle", "launch"])
    else { return nil }
    guard let nominal = readNominal(top, &c) else { return nil }
    if let section = top["monte_carlo"] {
      return MonteCarloEnsemble.scenario(
        section, scenario: json, kind: kind, name: nominal.name, uses: RendezvousMonteCarlo.uses, checker: &c
      ) { () throws(ScenarioError) in try RendezvousMonteCarlo.model(nominal) }
    }
    return ExtendedScenario(kind: kind, name: nominal.name) { options throws(ScenarioError) in
      try run(nominal, options: options)
    }
  }

  /// Reads and checks every key of the nominal flight (not the top-level key set), reporting
  /// problems with their JSON paths.
  static func readNominal(_ top: JSONObject, _ c: inout Checker) -> Nominal? {
    let root = JSONPath.root
    let header = ScenarioValidator.readHeader(top, &c)
    var tle: TLE? = nil
    if let value = top["station_tle"] {
      let p = root.appending("station_tle")
      tle = c.tle(value, at: p, extraKeys: ["source"])
      if case .object(let o) = value { _ = c.string(o["source"], at: p.appending("source")) }
    }
    var liftoff: Epoch? = nil
    var pad: LaunchSite? = .baikonur31
    if let value = top["launch"] {
      let p = root.appending("launch")
      if let o = c.object(value, at: p, allowed: ["liftoff_utc", "pad"], required: ["liftoff_utc"]) {
        if let text = c.string(o["liftoff_utc"], at: p.appending("liftoff_utc")) {
          switch EpochText.parse(text, scale: .utc) {
          case .success(let e): liftoff = e
          case .failure(let e): c.report(p.appending("liftoff_utc"), e.description)
          }
        }
        if let name = c.string(o["pad"], at: p.appending("pad")) {
          do throws(LaunchSiteError) { pad = try LaunchSite.named(name) } catch {
            pad = nil
            c.report(p.appending("pad"), error.description)
          }
        }
      }
    }
    var vehicle: RendezvousVehicle? = .soyuzMS
    if let name = c.string(top["vehicle"], at: root.appending("vehicle")) {
      do throws(RendezvousVehicleError) { vehicle = try RendezvousVehicle.preset(named: name) } catch {
        vehicle = nil
        c.report(root.appending("vehicle"), error.description)
      }
    }
    var profile: RendezvousProfile? = .auto
    if let name = c.string(top["profile"], at: root.appending("profile")) {
      do throws(RendezvousError) { profile = try RendezvousProfile.named(name) } catch {
        profile = nil
        c.report(root.appending("profile"), error.description)
      }
    }
    var port: DockingPort? = .rassvet
    if let name = c.string(top["port"], at: root.appending("port")) {
      do throws(DockingPortError) { port = try DockingPort.named(name) } catch {
        port = nil
        c.report(root.appending("port"), error.description)
      }
    }
    if let port, let liftoff {
      do throws(DockingPortError) { try port.checkAvailable(at: liftoff) } catch {
        c.report(root.appending(top["port"] == nil ? "launch" : "port"), error.description)
      }
    }
    var reported: Epoch? = nil
    var reportedOK = true
    if let value = top["reported"] {
      let p = root.appending("reported")
      if let o = c.object(value, at: p, allowed: ["docking_utc", "source"], required: ["docking_utc"]) {
        _ = c.string(o["source"], at: p.appending("source"))
        if let text = c.string(o["docking_utc"], at: p.appending("docking_utc")) {
          switch EpochText.parse(text, scale: .utc) {
          case .success(let e): reported = e
          case .failure(let e):
            reportedOK = false
            c.report(p.appending("docking_utc"), e.description)
          }
        }
      } else {
        reportedOK = false
      }
    }
    var step: Double? = 60
    if top["output_step_s"] != nil {
      step = c.number(top["output_step_s"], at: root.appending("output_step_s")) {
        $0 >= 1 && $0 <= 3600 ? nil : "must be in [1, 3600]"
      }
    }
    guard let header, let tle, let liftoff, let pad, let vehicle, let profile, let port, let step, reportedOK
    else { return nil }
    return Nominal(
      name: header.name, tle: tle, liftoff: liftoff, pad: pad, vehicle: vehicle, profile: profile, port: port,
      reportedDocking: reported, outputStep: step)
  }

  /// Runs the flight and renders every output.
  static func run(_ n: Nominal, options: ScenarioRunOptions) throws(ScenarioError) -> ScenarioRunOutput {
    let data = options.timeData
    let timeline: RendezvousTimeline
    do throws(RendezvousError) {
      timeline = try RendezvousRun.simulate(
        tle: n.tle, liftoff: n.liftoff, pad: n.pad, profile: n.profile, port: n.port, vehicle: n.vehicle,
        outputStep: n.outputStep, data: data)
    } catch {
      throw .propagationFailed(propagator: "rendezvous", reason: error.description)
    }
    do {
      var files: [(name: String, contents: String)] = []
      let doc = try RendezvousOutputs.timelineJSON(timeline, name: n.name, reportedDocking: n.reportedDocking, data: data)
      files.append(("timeline.json", JSONWriter.string(doc)))
      files.append(("ship.csv", try RendezvousOutputs.csv(timeline.shipTrajectory, start: timeline.liftoff, data: data)))
      files.append(
        ("station.csv", try RendezvousOutputs.csv(timeline.stationTrajectory, start: timeline.liftoff, data: data)))
      if let a = timeline.approach {
        files.append(("approach-lvlh.csv", try RendezvousOutputs.approachCSV(a, data: data)))
        files.append(
          ("approach-lvlh.svg", RendezvousOutputs.approachChart(a, title: "\(n.name): approach in the station's LVLH frame")))
        files.append(
          (
            "approach-lvlh-close.svg",
            RendezvousOutputs.approachChart(a, title: "\(n.name): last 300 m", within: 300)
          ))
      }
      files.append(("range.svg", RendezvousOutputs.rangeChart(timeline, title: "\(n.name): range to the ISS")))
      do throws(OEMWriter.Failure) {
        files.append(("trajectory.oem", try RendezvousOutputs.oem(timeline, shipName: n.vehicle.displayName, data: data)))
      } catch {
        throw ScenarioError.propagationFailed(propagator: "rendezvous", reason: error.description)
      }
      var lines = [
        "\(n.name): \(timeline.vehicle) \(timeline.profile) rendezvous to \(timeline.port)",
        "  liftoff      \(try RendezvousOutputs.utc(timeline.liftoff, data))",
        "  insertion    \(try RendezvousOutputs.utc(timeline.insertion, data))",
        "  docking      \(try RendezvousOutputs.utc(timeline.docking, data))  (flight \(hms(timeline.docking - timeline.liftoff)))",
        "  delta-v      \(NumberFormat.fixed(timeline.totalDeltaV, digits: 2)) m/s in \(timeline.burns.count) burns",
      ]
      if let r = n.reportedDocking {
        let error = timeline.docking - r
        lines.append(
          "  reported     \(try RendezvousOutputs.utc(r, data))  (simulated \(error < 0 ? "-" : "+")\(hms(abs(error))))")
      }
      return ScenarioRunOutput(summaryLines: lines, files: files)
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw .propagationFailed(propagator: "rendezvous", reason: "\(error)")
    }
  }

  static func hms(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
    return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))"
  }
}
