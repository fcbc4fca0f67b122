import OrbitCore
import OrbitMissions

/// `kind: "decay"`: a long decay run with scheduled and altitude-floor reboosts
/// (`OrbitMissions.DecaySimulation`), writing the daily mean-altitude series (CSV), a report
/// (JSON) and the sawtooth chart (SVG). Keys are documented in Scenarios/README.md.
enum DecayKind {
  static let handler = ScenarioKindHandler(kind: "decay") { top, checker in read(top, &checker) }

  static let topKeys = [
    "schema_version", "name", "description", "kind", "tle", "spacecraft", "thruster", "duration_s", "model",
    "reboosts", "altitude_floor", "outputs",
  ]

  /// The validated scenario.
  struct Spec: Sendable {
    var name: String
    var tle: TLE
    var simulation: DecaySimulation
    var csvFile: String?
    var jsonFile: String?
    var svgFile: String?
  }

  static func read(_ value: JSONValue, _ c: inout Checker) -> ExtendedScenario? {
    let root = JSONPath.root
    guard let top = c.object(value, at: root, allowed: topKeys, required: ["schema_version", "name", "kind", "tle", "duration_s", "outputs"])
    else { return nil }
    let header = ScenarioValidator.readHeader(top, &c)
    let tle = top["tle"].flatMap { c.tle($0, at: root.appending("tle")) }
    var days: Int? = nil
    if let d = c.number(top["duration_s"], at: root.appending("duration_s"), check: {
      $0 >= 86_400 && $0 <= 3660 * 86_400 && $0.truncatingRemainder(dividingBy: 86_400) == 0
        ? nil : "must be a whole number of days (a multiple of 86400 s) from 1 to 3660 days"
    }) {
      days = Int(d / 86_400)
    }

    // Spacecraft (default: the nominal ISS).
    var iss = ISSModel.reference
    var propellant: Double? = nil
    if let v = top["spacecraft"] {
      let p = root.appending("spacecraft")
      if let o = c.object(v, at: p, allowed: ["mass_kg", "drag_area_m2", "cd", "propellant_kg"], required: []) {
        if let m = c.number(o["mass_kg"], at: p.appending("mass_kg"), check: positive) { iss.mass = m }
        if let a = c.number(o["drag_area_m2"], at: p.appending("drag_area_m2"), check: positive) { iss.dragArea = a }
        if let cd = c.number(o["cd"], at: p.appending("cd"), check: positive) { iss.dragCoefficient = cd }
        propellant = c.number(o["propellant_kg"], at: p.appending("propellant_kg")) { $0 < 0 ? "must be ≥ 0 kg" : nil }
        if let propellant, propellant >= iss.mass {
          c.report(p.appending("propellant_kg"), "must be less than mass_kg (\(NumberFormat.shortest(iss.mass)) kg)")
        }
      }
    }
    var thruster = Thruster.progress
    if let name = c.string(top["thruster"], at: root.appending("thruster")) {
      do throws(ThrusterError) { thruster = try Thruster.preset(named: name) } catch {
        c.report(root.appending("thruster"), error.description)
      }
    }
    let model = top["model"].map { readModel($0, at: root.appending("model"), &c) } ?? DecayModelOptions()

    // Reboosts.
    var scheduled: [ScheduledReboost] = []
    if let v = top["reboosts"] {
      let p = root.appending("reboosts")
      if case .array(let items) = v {
        for (i, item) in items.enumerated() {
          if let r = readReboost(item, at: p.appending(index: i), tle: tle, days: days, &c) { scheduled.append(r) }
        }
      } else {
        c.report(p, "expected an array, got \(v.typeDescription)")
      }
    }
    var floorRule: AltitudeFloorRule? = nil
    if let v = top["altitude_floor"] {
      let p = root.appending("altitude_floor")
      if let o = c.object(v, at: p, allowed: ["floor_km", "raise_km"], required: ["floor_km", "raise_km"]) {
        let floor = c.number(o["floor_km"], at: p.appending("floor_km")) { $0 < 100 || $0 > 2000 ? "must be 100…2000 km" : nil }
        let raise = c.number(o["raise_km"], at: p.appending("raise_km")) { $0 <= 0 || $0 > 100 ? "must be in (0, 100] km" : nil }
        if let floor, let raise { floorRule = AltitudeFloorRule(floor: floor * 1000, raise: raise * 1000) }
      }
    }

    // Outputs.
    var files: [String: String] = [:]
    if let v = top["outputs"] {
      let p = root.appending("outputs")
      if case .array(let items) = v {
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
          let q = p.appending(index: i)
          guard let o = c.object(item, at: q, allowed: ["format", "file"], required: ["format", "file"]) else { continue }
          let format = c.string(o["format"], at: q.appending("format")) {
            ["csv", "json", "svg"].contains($0) ? nil : "unknown value \"\($0)\" (expected csv, json, svg)"
          }
          guard let format, let f = c.string(o["file"], at: q.appending("file"), check: ScenarioValidator.checkFileName)
          else { continue }
          if let other = seen[f] {
            c.report(q.appending("file"), "\"\(f)\" is already written by outputs[\(other)]")
          } else if files[format] != nil {
            c.report(q.appending("format"), "a second \(format) output (one of each format)")
          } else {
            seen[f] = i
            files[format] = f
          }
        }
      } else {
        c.report(p, "expected an array, got \(v.typeDescription)")
      }
    }

    guard let header, let tle, let days, (1...3660).contains(days), c.issues.isEmpty else { return nil }
    let state: CartesianState
    do {
      let p = try SGP4Propagator(tle: tle)
      state = try p.state(at: p.epoch, in: .gcrf)
    } catch {
      c.report(root.appending("tle"), "initial state: \(error)")
      return nil
    }
    let sim = DecaySimulation(
      initialState: state, mass: iss.mass, dragArea: iss.dragArea, dragCoefficient: iss.dragCoefficient,
      thruster: thruster, propellant: propellant, days: days, scheduled: scheduled, floorRule: floorRule, model: model)
    do throws(DecayError) { try sim.validate() } catch {
      c.report(root, error.description)
      return nil
    }
    let spec = Spec(
      name: header.name, tle: tle, simulation: sim, csvFile: files["csv"], jsonFile: files["json"],
      svgFile: files["svg"])
    return ExtendedScenario(kind: "decay", name: header.name) { _ throws(ScenarioError) in try run(spec) }
  }

  static func positive(_ x: Double) -> String? { x > 0 ? nil : "must be > 0" }

  static func readModel(_ value: JSONValue, at p: JSONPath, _ c: inout Checker) -> DecayModelOptions {
    var m = DecayModelOptions()
    let keys = ["gravity_degree", "gravity_order", "sun_moon", "tolerance_m", "max_step_s", "samples_per_orbit", "space_weather_fallback"]
    guard let o = c.object(value, at: p, allowed: keys, required: []) else { return m }
    if let d = c.integer(o["gravity_degree"], at: p.appending("gravity_degree")) {
      if (2...360).contains(d) { m.gravityDegree = d } else { c.report(p.appending("gravity_degree"), "must be 2…360, got \(d)") }
    }
    if let d = c.integer(o["gravity_order"], at: p.appending("gravity_order")) {
      if (0...m.gravityDegree).contains(d) { m.gravityOrder = d } else {
        c.report(p.appending("gravity_order"), "must be 0…gravity_degree (\(m.gravityDegree)), got \(d)")
      }
    } else if o["gravity_order"] == nil {
      m.gravityOrder = min(m.gravityOrder, m.gravityDegree)
    }
    if let v = o["sun_moon"] {
      if case .bool(let b) = v { m.sunAndMoon = b } else { c.report(p.appending("sun_moon"), "expected true or false, got \(v.typeDescription)") }
    }
    if let t = c.number(o["tolerance_m"], at: p.appending("tolerance_m"), check: { $0 > 0 && $0 <= 1000 ? nil : "must be in (0, 1000] m" }) {
      m.tolerance = t
    }
    if let s = c.number(o["max_step_s"], at: p.appending("max_step_s"), check: { $0 >= 1 && $0 <= 3600 ? nil : "must be 1…3600 s" }) {
      m.maxStep = s
    }
    if let n = c.integer(o["samples_per_orbit"], at: p.appending("samples_per_orbit")) {
      if (1...1000).contains(n) { m.samplesPerOrbit = n } else { c.report(p.appending("samples_per_orbit"), "must be 1…1000, got \(n)") }
    }
    if let v = o["space_weather_fallback"] {
      let q = p.appending("space_weather_fallback")
      if case .string(let s) = v {
        if s == "last-mean" { m.spaceWeatherFallback = .lastMean } else if s != "none" {
          c.report(q, "unknown value \"\(s)\" (expected \"none\", \"last-mean\" or {f107, f107_average, ap})")
        }
      } else if let f = c.object(v, at: q, allowed: ["f107", "f107_average", "ap"], required: ["f107", "f107_average", "ap"]) {
        let range = { (x: Double) -> String? in x >= 0 && x <= 1000 ? nil : "must be 0…1000" }
        if let a = c.number(f["f107"], at: q.appending("f107"), check: range),
          let b = c.number(f["f107_average"], at: q.appending("f107_average"), check: range),
          let ap = c.number(f["ap"], at: q.appending("ap"), check: range)
        {
          m.spaceWeatherFallback = .constant(f107: a, f107Average: b, ap: ap)
        }
      }
    }
    return m
  }

  static func readReboost(_ value: JSONValue, at p: JSONPath, tle: TLE?, days: Int?, _ c: inout Checker) -> ScheduledReboost? {
    guard let o = c.object(value, at: p, allowed: ["start_utc", "delta_v_m_s", "raise_km", "thruster"], required: ["start_utc"])
    else { return nil }
    var start: Epoch? = nil
    if let text = c.string(o["start_utc"], at: p.appending("start_utc")) {
      switch EpochText.parse(text, scale: .utc) {
      case .success(let e): start = e
      case .failure(let e): c.report(p.appending("start_utc"), "\(e)")
      }
    }
    let amounts = o.keys.filter { $0 == "delta_v_m_s" || $0 == "raise_km" }
    guard amounts.count == 1 else {
      c.report(p, amounts.isEmpty ? "expected one of \"delta_v_m_s\", \"raise_km\"" : "expected one of \"delta_v_m_s\", \"raise_km\", got both")
      return nil
    }
    var amount: ReboostAmount? = nil
    if let v = c.number(o["delta_v_m_s"], at: p.appending("delta_v_m_s"), check: { $0 > 0 && $0 <= 100 ? nil : "must be in (0, 100] m/s" }) {
      amount = .deltaV(v)
    }
    if let v = c.number(o["raise_km"], at: p.appending("raise_km"), check: { $0 > 0 && $0 <= 100 ? nil : "must be in (0, 100] km" }) {
      amount = .raise(v * 1000)
    }
    var thruster: Thruster? = nil
    if let name = c.string(o["thruster"], at: p.appending("thruster")) {
      do throws(ThrusterError) { thruster = try Thruster.preset(named: name) } catch {
        c.report(p.appending("thruster"), error.description)
      }
    }
    if let start, let tle, let days, let epoch = try? tle.epoch() {
      let offset = start - epoch
      if offset < 0 {
        c.report(p.appending("start_utc"), "must not be before the TLE epoch (the start of the run)")
        return nil
      }
      _ = days  // reboosts after the end are skipped (listed as such in the summary)
    }
    guard let start, let amount else { return nil }
    return ScheduledReboost(start: start, amount: amount, thruster: thruster)
  }

  // MARK: - Running

  static func run(_ spec: Spec) throws(ScenarioError) -> ScenarioRunOutput {
    let result: DecayResult
    do throws(DecayError) { result = try spec.simulation.run() } catch {
      throw .propagationFailed(propagator: "decay", reason: error.description)
    }
    var files: [(name: String, contents: String)] = []
    if let f = spec.csvFile { files.append((f, csv(result))) }
    if let f = spec.jsonFile { files.append((f, report(spec, result))) }
    if let f = spec.svgFile { files.append((f, chart(spec, result))) }
    let days = result.days
    var lines = [
      "decay \(spec.name): \(spec.simulation.days) days from \(utc(spec.simulation.initialState.epoch)), "
        + "B = \(NumberFormat.fixed(spec.simulation.ballisticCoefficient, digits: 1)) kg/m2, EGM96 "
        + "\(spec.simulation.model.gravityDegree)x\(spec.simulation.model.gravityOrder), NRLMSISE-00"
        + (spec.simulation.model.sunAndMoon ? ", Sun, Moon" : "")
    ]
    if let first = days.first, let last = days.last {
      lines.append(
        "mean altitude \(km(first.meanAltitude)) km -> \(km(last.meanAltitude)) km "
          + "(min \(km(days.map(\.meanAltitude).min() ?? .nan)) km), mean decay "
          + "\(NumberFormat.fixed(result.meanDecayRate, digits: 1)) m/day while coasting")
    }
    let propellant = result.reboosts.reduce(0) { $0 + $1.propellant }
    lines.append(
      "\(result.reboosts.count) reboost(s), total dv \(NumberFormat.fixed(result.reboosts.reduce(0) { $0 + $1.deltaV }, digits: 3)) m/s, "
        + "propellant \(NumberFormat.fixed(propellant, digits: 1)) kg")
    for r in result.reboosts {
      lines.append(
        "  \(utc(r.start)) \(r.trigger.rawValue) \(r.thruster): dv \(NumberFormat.fixed(r.deltaV, digits: 3)) m/s, "
          + "\(NumberFormat.fixed(r.duration, digits: 1)) s, \(NumberFormat.fixed(r.propellant, digits: 1)) kg, "
          + "mean a +\(NumberFormat.fixed(r.deltaSemiMajorAxis, digits: 0)) m")
    }
    let end = spec.simulation.initialState.epoch + Double(spec.simulation.days) * 86_400
    for r in spec.simulation.scheduled where !(r.start < end) {
      lines.append("note: the reboost scheduled at \(utc(r.start)) is after the end of the run (not flown)")
    }
    if result.usedSpaceWeatherFallback {
      lines.append("note: dates after the space-weather table used the fallback indices")
    }
    return ScenarioRunOutput(summaryLines: lines, files: files)
  }

  static func utc(_ e: Epoch) -> String { (try? e.iso8601(.utc, fractionDigits: 0)) ?? "?" }
  static func km(_ m: Double) -> String { NumberFormat.fixed(m / 1000, digits: 3) }

  static func csv(_ r: DecayResult) -> String {
    var s = "day,epoch_utc,mean_altitude_km,mean_semi_major_axis_km,mass_kg\n"
    for d in r.days {
      s += "\(d.day),\(utc(d.epoch)),\(NumberFormat.fixed(d.meanAltitude / 1000, digits: 4)),"
        + "\(NumberFormat.fixed(d.meanSemiMajorAxis / 1000, digits: 4)),\(NumberFormat.fixed(d.mass, digits: 2))\n"
    }
    return s
  }

  static func report(_ spec: Spec, _ r: DecayResult) -> String {
    let sim = spec.simulation
    let reboosts: [JSONValue] = r.reboosts.map { b in
      .fields([
        "start_utc": .string(utc(b.start)), "trigger": .string(b.trigger.rawValue), "thruster": .string(b.thruster),
        "duration_s": .double(b.duration), "delta_v_m_s": .double(b.deltaV), "propellant_kg": .double(b.propellant),
        "mean_altitude_before_km": .double((b.meanSemiMajorAxisBefore - SGP4MeanElements.equatorialRadius) / 1000),
        "mean_altitude_after_km": .double((b.meanSemiMajorAxisAfter - SGP4MeanElements.equatorialRadius) / 1000),
        "delta_a_m": .double(b.deltaSemiMajorAxis),
      ])
    }
    let daily: [JSONValue] = r.days.map { d in
      .fields(["day": .int(d.day), "epoch_utc": .string(utc(d.epoch)), "mean_altitude_km": .double(d.meanAltitude / 1000)])
    }
    return JSONWriter.string(
      .fields([
        "name": .string(spec.name), "start_utc": .string(utc(sim.initialState.epoch)), "days": .int(sim.days),
        "mass_kg": .double(sim.mass), "drag_area_m2": .double(sim.dragArea), "cd": .double(sim.dragCoefficient),
        "ballistic_coefficient_kg_m2": .double(sim.ballisticCoefficient),
        "model": .fields([
          "gravity": .string("egm96:\(sim.model.gravityDegree)x\(sim.model.gravityOrder)"),
          "atmosphere": .string("nrlmsise-00"), "sun_moon": .bool(sim.model.sunAndMoon),
          "integrator": .string("dp87"), "tolerance_m": .double(sim.model.tolerance),
          "samples_per_orbit": .int(sim.model.samplesPerOrbit),
          "mean_altitude": .string(
            "orbit average of the osculating semi-major axis less its first-order J2 short-period term, minus 6378.135 km"),
        ]),
        "used_space_weather_fallback": .bool(r.usedSpaceWeatherFallback),
        "mean_decay_m_per_day": .double(r.meanDecayRate),
        "final_mass_kg": .double(r.finalMass),
        "propellant_used_kg": .double(r.reboosts.reduce(0) { $0 + $1.propellant }),
        "reboosts": .array(reboosts), "daily": .array(daily),
      ]))
  }

  static func chart(_ spec: Spec, _ r: DecayResult) -> String {
    var chart = SVGChart(
      title: "\(spec.name): daily mean altitude", xLabel: "days since \(utc(spec.simulation.initialState.epoch))",
      yLabel: "mean altitude (km)")
    chart.subtitle =
      "EGM96 \(spec.simulation.model.gravityDegree)x\(spec.simulation.model.gravityOrder), NRLMSISE-00 with observed space weather"
      + (spec.simulation.model.sunAndMoon ? ", Sun, Moon" : "") + "; B = "
      + NumberFormat.fixed(spec.simulation.ballisticCoefficient, digits: 1) + " kg/m2"
    // The sawtooth: the daily means joined, with each reboost as a vertical step (before → after).
    var points: [SIMD2<Double>] = []
    var k = 0
    let start = spec.simulation.initialState.epoch
    for d in r.days {
      while k < r.reboosts.count, r.reboosts[k].start < d.epoch {
        let b = r.reboosts[k]
        let x = (b.start - start) / 86_400
        points.append(SIMD2(x, (b.meanSemiMajorAxisBefore - SGP4MeanElements.equatorialRadius) / 1000))
        points.append(SIMD2(x, (b.meanSemiMajorAxisAfter - SGP4MeanElements.equatorialRadius) / 1000))
        k += 1
      }
      points.append(SIMD2(Double(d.day), d.meanAltitude / 1000))
    }
    chart.addLine(points, label: "daily mean altitude")
    if !r.reboosts.isEmpty {
      chart.addPoints(
        r.reboosts.map { SIMD2(($0.start - start) / 86_400, ($0.meanSemiMajorAxisAfter - SGP4MeanElements.equatorialRadius) / 1000) },
        label: "reboost (after)", marker: .triangle)
    }
    if let rule = spec.simulation.floorRule { chart.addGuide(y: rule.floor / 1000, label: "floor") }
    return chart.render()
  }
}
