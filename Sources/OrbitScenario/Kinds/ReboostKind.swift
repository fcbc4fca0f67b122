import OrbitCore
import OrbitMissions

/// `kind: "reboost"`: plan an ISS reboost from a TLE (`OrbitMissions.ReboostPlanner`), fly it as
/// finite burns with mass flow, and write a JSON report and a CSV of the sampled arc. Keys are
/// documented in Scenarios/README.md.
enum ReboostKind {
  static let handler = ScenarioKindHandler(kind: "reboost") { top, checker in read(top, &checker) }

  static let topKeys = [
    "schema_version", "name", "description", "kind", "tle", "spacecraft", "thruster", "goal", "start_utc",
    "burns", "model", "outputs", "monte_carlo",
  ]

  /// The goal as read (distances in m).
  enum GoalSpec: Sendable {
    case planned(ReboostGoal)
    case duration(Double)
  }

  /// The validated scenario.
  struct Spec: Sendable {
    var name: String
    var initialState: CartesianState
    var mass: Double
    var propellant: Double
    var thruster: Thruster
    var goal: GoalSpec
    var start: Epoch?
    var burnCount: Int
    var environment: ReboostEnvironment
    var fallbackText: String?
    var reportFile: String?
    var arcFile: String?
    var sampleStep: Double
  }

  static func read(_ value: JSONValue, _ c: inout Checker) -> ExtendedScenario? {
    let root = JSONPath.root
    guard
      let top = c.object(
        value, at: root, allowed: topKeys, required: ["schema_version", "name", "kind", "tle", "thruster", "goal"])
    else { return nil }
    let header = ScenarioValidator.readHeader(top, &c)
    let tle = top["tle"].flatMap { c.tle($0, at: root.appending("tle")) }

    // Spacecraft: the nominal ISS unless given.
    var iss = ISSModel.reference
    var propellant = 950.0
    if let v = top["spacecraft"] {
      let p = root.appending("spacecraft")
      if let o = c.object(v, at: p, allowed: ["mass_kg", "drag_area_m2", "cd", "propellant_kg"], required: []) {
        if let m = c.number(o["mass_kg"], at: p.appending("mass_kg"), check: positive) { iss.mass = m }
        if let a = c.number(o["drag_area_m2"], at: p.appending("drag_area_m2"), check: positive) { iss.dragArea = a }
        if let cd = c.number(o["cd"], at: p.appending("cd"), check: positive) { iss.dragCoefficient = cd }
        if let x = c.number(o["propellant_kg"], at: p.appending("propellant_kg"), check: { $0 < 0 ? "must be ≥ 0 kg" : nil }) {
          propellant = x
        }
        if propellant >= iss.mass {
          c.report(p.appending("propellant_kg"), "must be less than mass_kg (\(NumberFormat.shortest(iss.mass)) kg)")
        }
      }
    }

    // Thruster: a preset name, or {"preset"?, "thrust_n", "isp_s"}.
    var thruster: Thruster? = nil
    if let v = top["thruster"] {
      let p = root.appending("thruster")
      if case .string(let name) = v {
        do throws(ThrusterError) { thruster = try Thruster.preset(named: name) } catch { c.report(p, error.description) }
      } else if let o = c.object(v, at: p, allowed: ["thrust_n", "isp_s", "name"], required: ["thrust_n", "isp_s"]) {
        let f = c.number(o["thrust_n"], at: p.appending("thrust_n"), check: positive)
        let isp = c.number(o["isp_s"], at: p.appending("isp_s"), check: positive)
        let name = c.string(o["name"], at: p.appending("name")) ?? "custom"
        if let f, let isp {
          thruster = Thruster(name: name, displayName: name, thrust: f, specificImpulse: isp, source: "scenario file")
        }
      }
    }

    // Goal: exactly one of raise_km, target_altitude_km, phase, duration_s.
    var goal: GoalSpec? = nil
    if let v = top["goal"] {
      let p = root.appending("goal")
      let keys = ["raise_km", "target_altitude_km", "phase", "duration_s"]
      if let o = c.object(v, at: p, allowed: keys, required: []) {
        let given = keys.filter { o[$0] != nil }
        if given.count != 1 {
          c.report(p, given.isEmpty ? "give one of: \(keys.joined(separator: ", "))" : "give only one of: \(given.joined(separator: ", "))")
        } else if let r = c.number(o["raise_km"], at: p.appending("raise_km"), check: { $0 > 0 ? nil : "must be > 0 km (a reboost raises the orbit)" }) {
          goal = .planned(.raiseSemiMajorAxis(by: r * 1000))
        } else if let h = c.number(o["target_altitude_km"], at: p.appending("target_altitude_km"), check: positive) {
          goal = .planned(.targetMeanAltitude(h * 1000))
        } else if let d = c.number(o["duration_s"], at: p.appending("duration_s"), check: { $0 > 0 && $0 <= 20_000 ? nil : "must be in (0, 20000] s" }) {
          goal = .duration(d)
        } else if let ph = o["phase"] {
          let pp = p.appending("phase")
          if let po = c.object(ph, at: pp, allowed: ["argument_of_latitude_deg", "utc"], required: ["argument_of_latitude_deg", "utc"]) {
            let u = c.number(po["argument_of_latitude_deg"], at: pp.appending("argument_of_latitude_deg"))
            let date = readEpoch(po["utc"], at: pp.appending("utc"), &c)
            if let u, let date { goal = .planned(.phase(argumentOfLatitude: u * Double.pi / 180, at: date)) }
          }
        }
      }
    }
    let start = readEpoch(top["start_utc"], at: root.appending("start_utc"), &c)
    var burnCount = 1
    if let n = c.integer(top["burns"], at: root.appending("burns")) {
      if n == 1 || n == 2 { burnCount = n } else { c.report(root.appending("burns"), "must be 1 or 2, got \(n)") }
    }

    // Model.
    var environment = ReboostEnvironment(dragArea: iss.dragArea, dragCoefficient: iss.dragCoefficient)
    var fallbackText: String? = nil
    if let v = top["model"] {
      let p = root.appending("model")
      let keys = ["atmosphere", "zonal_degree", "sun_moon", "space_weather_fallback", "tolerance_m"]
      if let o = c.object(v, at: p, allowed: keys, required: []) {
        var fallback: SpaceWeatherFallback? = nil
        if let f = o["space_weather_fallback"] {
          let fp = p.appending("space_weather_fallback")
          if case .string(let s) = f {
            if s == "mean" {
              fallback = .lastMean
              fallbackText = "the table's last 81-day means of F10.7 and Ap"
            } else {
              c.report(fp, "expected \"mean\" or {\"f107\": sfu, \"ap\": Ap}, got \"\(s)\"")
            }
          } else if let fo = c.object(f, at: fp, allowed: ["f107", "ap"], required: ["f107", "ap"]) {
            let f107 = c.number(fo["f107"], at: fp.appending("f107"), check: positive)
            let ap = c.number(fo["ap"], at: fp.appending("ap"), check: { $0 < 0 ? "must be ≥ 0" : nil })
            if let f107, let ap {
              fallback = .constant(f107: f107, f107Average: f107, ap: ap)
              fallbackText = "constant F10.7 \(NumberFormat.shortest(f107)) sfu, Ap \(NumberFormat.shortest(ap))"
            }
          }
        }
        environment.atmosphere = .nrlmsise00(SpaceWeather(fallback: fallback))
        if let a = c.string(o["atmosphere"], at: p.appending("atmosphere")) {
          switch a {
          case "nrlmsise00": break
          case "harris-priester":
            environment.atmosphere = .harrisPriester
            if fallback != nil { c.report(p.appending("space_weather_fallback"), "applies to atmosphere nrlmsise00 only") }
          case "none": environment.atmosphere = .none
          default: c.report(p.appending("atmosphere"), "expected nrlmsise00, harris-priester or none, got \"\(a)\"")
          }
        }
        if let d = c.integer(o["zonal_degree"], at: p.appending("zonal_degree")) {
          if (2...6).contains(d) { environment.gravity = .zonal(maxDegree: d) } else {
            c.report(p.appending("zonal_degree"), "must be 2…6, got \(d)")
          }
        }
        if let b = o["sun_moon"] {
          if case .bool(let x) = b { environment.thirdBodies = x } else {
            c.report(p.appending("sun_moon"), "expected a boolean, got \(b.typeDescription)")
          }
        }
        if let t = c.number(o["tolerance_m"], at: p.appending("tolerance_m"), check: { $0 > 0 && $0 <= 1 ? nil : "must be in (0, 1] m" }) {
          environment.tolerance = t
        }
      }
    }

    // Outputs.
    var files: [String: String] = ["report_json": "report.json", "arc_csv": "burn-arc.csv"]
    var sampleStep = 10.0
    if let v = top["outputs"] {
      let p = root.appending("outputs")
      files = [:]
      if let o = c.object(v, at: p, allowed: ["report_json", "arc_csv", "sample_step_s"], required: []) {
        for k in ["report_json", "arc_csv"] {
          if let f = c.string(o[k], at: p.appending(k), check: ScenarioValidator.checkFileName) { files[k] = f }
        }
        if let a = files["report_json"], a == files["arc_csv"] {
          c.report(p.appending("arc_csv"), "\"\(a)\" is already written by outputs.report_json")
        }
        if let s = c.number(o["sample_step_s"], at: p.appending("sample_step_s"), check: { $0 > 0 && $0 <= 30 ? nil : "must be in (0, 30] s" }) {
          sampleStep = s
        }
      }
    }

    guard let header, let tle, let thruster, let goal, c.issues.isEmpty else { return nil }
    let state: CartesianState
    do throws(ReboostError) { state = try ReboostPlanner.initialState(from: tle) } catch {
      c.report(root.appending("tle"), error.description)
      return nil
    }
    if let start, abs(start - state.epoch) > 30 * 86_400 {
      c.report(root.appending("start_utc"), "must be within 30 days of the TLE epoch; use an element set from shortly before the burn")
      return nil
    }
    let spec = Spec(
      name: header.name, initialState: state, mass: iss.mass, propellant: propellant, thruster: thruster, goal: goal,
      start: start, burnCount: burnCount, environment: environment, fallbackText: fallbackText,
      reportFile: files["report_json"], arcFile: files["arc_csv"], sampleStep: sampleStep)
    if let section = top["monte_carlo"] {
      return MonteCarloEnsemble.scenario(
        section, scenario: value, kind: "reboost", name: header.name, uses: ReboostMonteCarlo.uses, checker: &c
      ) { () throws(ScenarioError) in try ReboostMonteCarlo.model(spec) }
    }
    return ExtendedScenario(kind: "reboost", name: header.name) { _ throws(ScenarioError) in try run(spec) }
  }

  static func positive(_ x: Double) -> String? { x > 0 ? nil : "must be > 0" }

  static func readEpoch(_ value: JSONValue?, at path: JSONPath, _ c: inout Checker) -> Epoch? {
    guard let text = c.string(value, at: path) else { return nil }
    switch EpochText.parse(text, scale: .utc) {
    case .success(let e): return e
    case .failure(let error):
      c.report(path, error.description)
      return nil
    }
  }

  /// The scenario's plan: its goal planned, or its fixed-duration burn (starting `start`, or
  /// 1.15 revolutions after the initial state).
  static func nominalPlan(_ spec: Spec) throws(ReboostError) -> ReboostPlan {
    switch spec.goal {
    case .planned(let goal):
      return try ReboostPlanner.plan(
        initialState: spec.initialState, mass: spec.mass, propellant: spec.propellant, thruster: spec.thruster,
        goal: goal, start: spec.start, burnCount: spec.burnCount, environment: spec.environment)
    case .duration(let d):
      let period = ReboostPlanner.period(of: spec.initialState, mu: spec.environment.gravitationalParameter)
      let start = spec.start ?? spec.initialState.epoch + 1.15 * period
      return try ReboostPlanner.fixedBurns(
        initialState: spec.initialState, mass: spec.mass, propellant: spec.propellant, thruster: spec.thruster,
        burns: [(start, d)], environment: spec.environment)
    }
  }

  static func run(_ spec: Spec) throws(ScenarioError) -> ScenarioRunOutput {
    let plan: ReboostPlan
    let result: ReboostResult
    do throws(ReboostError) {
      plan = try nominalPlan(spec)
      result = try plan.simulate(sampleStep: spec.sampleStep)
    } catch {
      throw .propagationFailed(propagator: "reboost", reason: error.description)
    }
    let report = ReboostReport(plan: plan, result: result, fallbackDescription: spec.fallbackText)
    var files: [(name: String, contents: String)] = []
    if let f = spec.reportFile { files.append((f, JSONWriter.string(report.json))) }
    if let f = spec.arcFile { files.append((f, report.arcCSV)) }
    let lines = ["reboost \(spec.name):"] + report.textLines.map { "  " + $0 }
    return ScenarioRunOutput(summaryLines: lines, files: files)
  }
}
