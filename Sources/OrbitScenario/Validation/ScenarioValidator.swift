import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a JSON tree into a `Scenario`, reporting every problem with its JSON path.
///
/// Rules (see `Scenarios/README.md`): unknown keys are errors; each missing required key, wrong
/// type, non-finite number and out-of-range value gets its own issue; issues are sorted by path.
public enum ScenarioValidator {
  /// Most output times a scenario may ask for (guards memory on a typo such as `step_s: 0.0001`).
  public static let maximumOutputTimes = 1_000_000

  static let topLevelKeys = [
    "schema_version", "name", "description", "kind", "epoch", "central_body", "spacecraft",
    "propagator", "duration_s", "step_s", "outputs", "numerical", "maneuvers", "events",
  ]
  static let spacecraftKeys = ["name", "orbit", "tle", "mass_kg", "dry_mass_kg", "drag_area_m2", "cd", "srp_area_m2", "cr"]
  static let numericalKeys = ["forces", "integrator", "tolerance_m", "min_step_s", "max_step_s", "fixed_step_s"]
  static let keplerianKeys = [
    "semi_major_axis_km", "eccentricity", "inclination_deg", "raan_deg", "arg_perigee_deg",
    "true_anomaly_deg",
  ]

  /// The scenario described by `json`, or every problem found (sorted, without duplicates).
  ///
  /// Exactly one of `scenario` and a non-empty `issues` is set in the result.
  public static func validate(_ json: JSONValue) -> (scenario: Scenario?, issues: [ScenarioIssue]) {
    var c = Checker()
    let scenario = read(json, &c)
    let issues = Array(Set(c.issues)).sorted()
    if let scenario, issues.isEmpty { return (scenario, []) }
    return (nil, issues.isEmpty ? [ScenarioIssue(path: .root, message: "invalid scenario")] : issues)
  }

  private static func read(_ json: JSONValue, _ c: inout Checker) -> Scenario? {
    let root = JSONPath.root
    guard
      let top = c.object(
        json, at: root, allowed: topLevelKeys,
        required: ["schema_version", "name", "kind", "epoch", "spacecraft", "propagator", "duration_s", "step_s"])
    else { return nil }

    // The header (schema_version, name, description): every problem is reported even when the
    // version is wrong, so that a file with a typo gets every message at once.
    let header = readHeader(top, &c)
    let version = header.map { _ in Scenario.currentSchemaVersion }
    let name = header?.name
    let description = header?.description
    var kind: Scenario.Kind? = nil
    if let k = c.string(top["kind"], at: root.appending("kind")) {
      kind = Scenario.Kind(rawValue: k)
      if kind == nil {
        c.report(root.appending("kind"), "unknown value \"\(k)\" (expected \(ScenarioKinds.allNames.joined(separator: ", ")))")
      }
    }
    let epoch = top["epoch"].flatMap { readEpoch($0, at: root.appending("epoch"), &c) }
    var body: CentralBodyModel? = .wgs84
    if let value = top["central_body"] {
      body = c.choice(value, at: root.appending("central_body"), as: CentralBodyModel.self)
    }
    let propagators = top["propagator"].flatMap { readPropagators($0, at: root.appending("propagator"), &c) }
    let duration = c.number(top["duration_s"], at: root.appending("duration_s")) { $0 > 0 ? nil : "must be > 0" }
    let step = c.number(top["step_s"], at: root.appending("step_s")) { $0 > 0 ? nil : "must be > 0" }
    if let duration, let step, (duration / step).rounded(.down) + 2 > Double(maximumOutputTimes) {
      c.report(
        root.appending("step_s"),
        "duration_s / step_s gives more than \(maximumOutputTimes) output times; use a larger step")
    }
    let spacecraft = top["spacecraft"].flatMap {
      readSpacecraft($0, at: root.appending("spacecraft"), body: body ?? .wgs84, &c)
    }
    var outputs: [OutputSpec]? = []
    if let value = top["outputs"] { outputs = readOutputs(value, at: root.appending("outputs"), &c) }

    // The numerical settings: required content only when `numerical` is listed.
    var numerical: NumericalSettings? = nil
    var numericalOK = true
    let listsNumerical = propagators?.contains(.numerical) ?? false
    if let value = top["numerical"] {
      if propagators != nil && !listsNumerical {
        c.report(root.appending("numerical"), "applies only when \"propagator\" lists \"numerical\"")
        numericalOK = false
      } else {
        numerical = readNumerical(value, at: root.appending("numerical"), body: body ?? .wgs84, &c)
        numericalOK = numerical != nil
      }
    } else if listsNumerical {
      numerical = NumericalSettings(body: body ?? .wgs84)
    }
    if var settings = numerical, let spacecraft {
      settings.spacecraft = spacecraft.physics
      numerical = settings
      let f = settings.forces
      let sp = root.appending("spacecraft")
      let given = spacecraftGivenKeys(top["spacecraft"])
      if f.drag != nil {
        for key in ["mass_kg", "drag_area_m2"] where !given.contains(key) {
          c.report(sp.appending(key), "missing required key (numerical.forces lists drag)")
          numericalOK = false
        }
      }
      if f.srp {
        if !given.contains("mass_kg") && f.drag == nil {
          c.report(sp.appending("mass_kg"), "missing required key (numerical.forces lists srp)")
          numericalOK = false
        }
        if !given.contains("srp_area_m2") && !given.contains("drag_area_m2") {
          c.report(sp.appending("srp_area_m2"), "missing required key (numerical.forces lists srp; or give drag_area_m2)")
          numericalOK = false
        }
      }
    }
    var maneuvers: [ManeuverSpec] = []
    var events: [EventSpec] = []
    for key in ["maneuvers", "events"] where top[key] != nil && propagators != nil && !listsNumerical {
      c.report(root.appending(key), "applies only when \"propagator\" lists \"numerical\"")
      numericalOK = false
    }
    if let value = top["maneuvers"] {
      if let m = readManeuvers(value, at: root.appending("maneuvers"), duration: duration, &c) { maneuvers = m } else { numericalOK = false }
    }
    if let value = top["events"] {
      if let e = readEvents(value, at: root.appending("events"), &c) { events = e } else { numericalOK = false }
    }
    if !maneuvers.isEmpty, let settings = numerical, settings.integrator.needsVelocityIndependentForces,
      maneuvers.contains(where: { if case .finite = $0.kind { true } else { false } }) {
      c.report(root.appending("maneuvers"), "finite burns need dp87, dp54 or rk4 (\(settings.integrator.rawValue) cannot integrate thrust with mass flow)")
      numericalOK = false
    }
    if let spacecraft, let settings = numerical, spacecraft.dryMassKg > settings.spacecraft.massKg {
      c.report(root.appending("spacecraft").appending("dry_mass_kg"), "must not exceed mass_kg (\(NumberFormat.shortest(settings.spacecraft.massKg)))")
      numericalOK = false
    }
    if let propagators, propagators.contains(.sgp4), let spacecraft {
      if case .tle = spacecraft.orbit {} else {
        c.report(root.appending("propagator"), "\"sgp4\" needs spacecraft.tle (SGP4 propagates TLE mean elements)")
        numericalOK = false
      }
    }

    guard let version, let name, let kind, let epoch, let body, let propagators, let duration,
      let step, let spacecraft, let outputs, numericalOK
    else { return nil }
    return Scenario(
      schemaVersion: version, name: name, description: description, kind: kind, epoch: epoch,
      centralBody: body, spacecraft: spacecraft, propagators: propagators, durationSeconds: duration,
      stepSeconds: step, outputs: outputs, numerical: numerical, maneuvers: maneuvers, events: events)
  }

  static func checkName(_ s: String) -> String? {
    let allowed = { (ch: Character) in
      ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || ch == ".")
    }
    guard let first = s.first else { return "must not be empty" }
    if s.count > 100 { return "must be at most 100 characters" }
    guard first.isASCII && (first.isLetter || first.isNumber), s.allSatisfy(allowed) else {
      return "\"\(s)\" is not a valid name: use letters, digits, '-', '_' and '.', starting with a letter or digit"
    }
    return nil
  }

  private static func readEpoch(_ value: JSONValue, at path: JSONPath, _ c: inout Checker) -> ScenarioEpoch? {
    let scales = ScenarioEpoch.EpochScale.allCases.map(\.rawValue)
    guard let object = c.object(value, at: path, allowed: scales, required: []) else { return nil }
    let given = object.keys.filter { scales.contains($0) }
    guard given.count == 1, let key = given.first, let scale = ScenarioEpoch.EpochScale(rawValue: key) else {
      if given.isEmpty {
        c.report(path, "expected exactly one of \(scales.map { "\"\($0)\"" }.joined(separator: ", ")) (the time scale of the date)")
      } else {
        c.report(path, "expected exactly one time scale, got \(given.map { "\"\($0)\"" }.joined(separator: " and "))")
      }
      return nil
    }
    let keyPath = path.appending(key)
    guard let text = c.string(object[key], at: keyPath) else { return nil }
    switch EpochText.parse(text, scale: scale.timeScale) {
    case .success(let epoch): return ScenarioEpoch(scale: scale, text: text, epoch: epoch)
    case .failure(let error):
      c.report(keyPath, error.description)
      return nil
    }
  }

  private static func readPropagators(_ value: JSONValue, at path: JSONPath, _ c: inout Checker) -> [PropagatorKind]? {
    switch value {
    case .string:
      return c.choice(value, at: path, as: PropagatorKind.self).map { [$0] }
    case .array(let elements):
      if elements.isEmpty {
        c.report(path, "must name at least one propagator")
        return nil
      }
      var out: [PropagatorKind] = []
      var ok = true
      for (i, e) in elements.enumerated() {
        guard let p = c.choice(e, at: path.appending(index: i), as: PropagatorKind.self) else {
          ok = false
          continue
        }
        if out.contains(p) {
          c.report(path.appending(index: i), "\"\(p.rawValue)\" is listed twice")
          ok = false
        }
        out.append(p)
      }
      return ok ? out : nil
    default:
      c.report(path, "expected a string or an array of strings, got \(value.typeDescription)")
      return nil
    }
  }

  static func spacecraftGivenKeys(_ value: JSONValue?) -> Set<String> {
    guard case .object(let o)? = value else { return [] }
    return Set(o.keys)
  }

  private static func readSpacecraft(
    _ value: JSONValue, at path: JSONPath, body: CentralBodyModel, _ c: inout Checker
  ) -> SpacecraftSpec? {
    guard let object = c.object(value, at: path, allowed: spacecraftKeys, required: []) else { return nil }
    let name = c.string(object["name"], at: path.appending("name"))
    var physics = SpacecraftPhysics.default
    var physicsOK = true
    func read(_ key: String, _ check: @escaping (Double) -> String?) -> Double? {
      guard object[key] != nil else { return nil }
      let v = c.number(object[key], at: path.appending(key), check: check)
      if v == nil { physicsOK = false }
      return v
    }
    if let m = read("mass_kg", { $0 > 0 ? nil : "must be > 0" }) { physics.massKg = m }
    let dragArea = read("drag_area_m2", { $0 >= 0 ? nil : "must be ≥ 0" })
    if let dragArea { physics.dragAreaM2 = dragArea }
    if let cd = read("cd", { $0 > 0 ? nil : "must be > 0" }) { physics.cd = cd }
    physics.srpAreaM2 = read("srp_area_m2", { $0 >= 0 ? nil : "must be ≥ 0" }) ?? dragArea ?? physics.dragAreaM2
    if let cr = read("cr", { $0 >= 0 && $0 <= 2 ? nil : "must be in [0, 2]" }) { physics.cr = cr }
    let dryMass = read("dry_mass_kg", { $0 >= 0 ? nil : "must be ≥ 0" }) ?? 0

    let sources = object.keys.filter { $0 == "orbit" || $0 == "tle" }
    guard sources.count == 1 else {
      c.report(path, sources.isEmpty
        ? "expected exactly one of \"orbit\", \"tle\" (the initial orbit)"
        : "expected exactly one of \"orbit\", \"tle\", got both")
      return nil
    }
    if let tleValue = object["tle"] {
      guard let tle = readTLE(tleValue, at: path.appending("tle"), &c), physicsOK else { return nil }
      return SpacecraftSpec(name: name, orbit: .tle(tle), physics: physics, dryMassKg: dryMass)
    }
    guard let orbitValue = object["orbit"] else { return nil }
    let orbitPath = path.appending("orbit")
    guard let orbit = c.object(orbitValue, at: orbitPath, allowed: ["keplerian", "cartesian"], required: []) else { return nil }
    let given = orbit.keys.filter { $0 == "keplerian" || $0 == "cartesian" }
    guard given.count == 1 else {
      c.report(orbitPath, given.isEmpty
        ? "expected exactly one of \"keplerian\", \"cartesian\""
        : "expected exactly one of \"keplerian\", \"cartesian\", got both")
      return nil
    }
    let initial: InitialOrbit?
    if let k = orbit["keplerian"] {
      initial = readKeplerian(k, at: orbitPath.appending("keplerian"), body: body, &c).map(InitialOrbit.keplerian)
    } else if let x = orbit["cartesian"] {
      initial = readCartesian(x, at: orbitPath.appending("cartesian"), body: body, &c).map(InitialOrbit.cartesian)
    } else {
      initial = nil
    }
    guard physicsOK else { return nil }
    return initial.map { SpacecraftSpec(name: name, orbit: $0, physics: physics, dryMassKg: dryMass) }
  }

  /// `spacecraft.tle`: `line1`, `line2` (69 columns each, checksums verified), optional `name`.
  private static func readTLE(_ value: JSONValue, at path: JSONPath, _ c: inout Checker) -> TLE? {
    guard let tle = c.tle(value, at: path) else { return nil }
    do throws(SGP4Error) {
      _ = try SGP4(tle: tle)
    } catch {
      c.report(path, error.description)
      return nil
    }
    return tle
  }

  static let maneuverKeys = [
    "name", "type", "time_s", "delta_v_m_s", "axes", "isp_s", "start_s", "thrust_n", "direction", "duration_s",
  ]
  static let eventKeys = ["type", "altitude_km", "direction", "terminal"]

  /// `maneuvers[]`: `{"type": "impulsive", "time_s", "delta_v_m_s": [3], "axes", "isp_s"}` or
  /// `{"type": "finite", "start_s", "thrust_n", "isp_s", "direction": [3], "axes", and one of
  /// "duration_s" or "delta_v_m_s" (a number)}`.
  private static func readManeuvers(_ value: JSONValue, at path: JSONPath, duration: Double?, _ c: inout Checker) -> [ManeuverSpec]? {
    guard case .array(let items) = value else {
      c.report(path, "expected an array, got \(value.typeDescription)")
      return nil
    }
    var out: [ManeuverSpec] = []
    var ok = true
    for (i, item) in items.enumerated() {
      let p = path.appending(index: i)
      guard let o = c.object(item, at: p, allowed: maneuverKeys, required: ["type", "axes", "isp_s"]) else {
        ok = false
        continue
      }
      let name = c.string(o["name"], at: p.appending("name")) ?? "maneuvers[\(i)]"
      let type = c.string(o["type"], at: p.appending("type")) { ["impulsive", "finite"].contains($0) ? nil : "unknown value \"\($0)\" (expected impulsive, finite)" }
      let axes = c.choice(o["axes"], at: p.appending("axes"), as: ThrustAxes.self)
      let isp = c.number(o["isp_s"], at: p.appending("isp_s")) { $0 > 0 ? nil : "must be > 0" }
      func within(_ key: String) -> Double? {
        c.number(o[key], at: p.appending(key)) { t in
          if t < 0 { return "must be ≥ 0" }
          if let duration, t > duration { return "must be within the run (duration_s = \(NumberFormat.shortest(duration)))" }
          return nil
        }
      }
      func unexpected(_ keys: [String], _ kind: String) {
        for k in keys where o[k] != nil {
          c.report(p.appending(k), "does not apply to a\(kind == "impulsive" ? "n" : "") \(kind) maneuver")
          ok = false
        }
      }
      switch type {
      case "impulsive":
        unexpected(["start_s", "thrust_n", "direction", "duration_s"], "impulsive")
        for k in ["time_s", "delta_v_m_s"] where o[k] == nil { c.report(p.appending(k), "missing required key"); ok = false }
        let t = within("time_s")
        let dv = c.vector3(o["delta_v_m_s"], at: p.appending("delta_v_m_s"))
        if let t, let dv, let axes, let isp {
          out.append(ManeuverSpec(kind: .impulsive(timeS: t, deltaVMPerS: dv, axes: axes, ispS: isp), name: name))
        } else { ok = false }
      case "finite":
        unexpected(["time_s"], "finite")
        for k in ["start_s", "thrust_n", "direction"] where o[k] == nil { c.report(p.appending(k), "missing required key"); ok = false }
        let start = within("start_s")
        let thrust = c.number(o["thrust_n"], at: p.appending("thrust_n")) { $0 > 0 ? nil : "must be > 0" }
        var direction = c.vector3(o["direction"], at: p.appending("direction"))
        if let d = direction, !(d.norm > 0) {
          c.report(p.appending("direction"), "must not be the zero vector")
          direction = nil
        }
        var extent: FiniteBurn.Extent? = nil
        switch (o["duration_s"], o["delta_v_m_s"]) {
        case (let d?, nil):
          extent = c.number(d, at: p.appending("duration_s")) { $0 > 0 ? nil : "must be > 0" }.map { .duration($0) }
        case (nil, let v?):
          extent = c.number(v, at: p.appending("delta_v_m_s")) { $0 > 0 ? nil : "must be > 0 (the Δv budget in m/s)" }.map { .deltaV($0) }
        default:
          c.report(p, "expected exactly one of \"duration_s\", \"delta_v_m_s\"")
        }
        if let start, let thrust, let direction, let extent, let axes, let isp {
          out.append(ManeuverSpec(kind: .finite(startS: start, thrustN: thrust, ispS: isp, direction: direction / direction.norm, axes: axes, extent: extent), name: name))
        } else { ok = false }
      default:
        ok = false
      }
    }
    return ok ? out : nil
  }

  /// `events[]`: `{"type": "apsides" | "nodes" | "altitude" | "eclipse", "altitude_km" (altitude
  /// only), "direction": "increasing" | "decreasing" | "both", "terminal": bool}`.
  private static func readEvents(_ value: JSONValue, at path: JSONPath, _ c: inout Checker) -> [EventSpec]? {
    guard case .array(let items) = value else {
      c.report(path, "expected an array, got \(value.typeDescription)")
      return nil
    }
    var out: [EventSpec] = []
    var ok = true
    for (i, item) in items.enumerated() {
      let p = path.appending(index: i)
      guard let o = c.object(item, at: p, allowed: eventKeys, required: ["type"]) else {
        ok = false
        continue
      }
      guard let kind = c.choice(o["type"], at: p.appending("type"), as: EventSpec.Kind.self) else {
        ok = false
        continue
      }
      var altitude: Double? = nil
      if kind == .altitude {
        if o["altitude_km"] == nil { c.report(p.appending("altitude_km"), "missing required key"); ok = false }
        altitude = c.number(o["altitude_km"], at: p.appending("altitude_km")) { $0 >= 0 ? nil : "must be ≥ 0" }
        if o["altitude_km"] != nil && altitude == nil { ok = false }
      } else if o["altitude_km"] != nil {
        c.report(p.appending("altitude_km"), "applies to altitude events only")
        ok = false
      }
      var direction = EventDirection.both
      if let d = o["direction"] {
        if let v = c.choice(d, at: p.appending("direction"), as: EventDirection.self) { direction = v } else { ok = false }
      }
      var terminal = false
      if let t = o["terminal"] {
        if case .bool(let b) = t { terminal = b } else {
          c.report(p.appending("terminal"), "expected true or false, got \(t.typeDescription)")
          ok = false
        }
      }
      out.append(EventSpec(kind: kind, altitudeKm: altitude, direction: direction, isTerminal: terminal))
    }
    return ok ? out : nil
  }

  /// The `numerical` object.
  private static func readNumerical(
    _ value: JSONValue, at path: JSONPath, body: CentralBodyModel, _ c: inout Checker
  ) -> NumericalSettings? {
    guard let o = c.object(value, at: path, allowed: numericalKeys, required: []) else { return nil }
    var settings = NumericalSettings(body: body)
    var ok = true
    if let f = o["forces"] {
      let fp = path.appending("forces")
      if case .array(let items) = f {
        var names: [String] = []
        for (i, item) in items.enumerated() {
          if let s = c.string(item, at: fp.appending(index: i)) { names.append(s) } else { ok = false }
        }
        if ok {
          switch ForceModelSpec.parse(names) {
          case .success(let spec): settings.forces = spec
          case .failure(let e):
            c.report(e.index.map { fp.appending(index: $0) } ?? fp, e.message)
            ok = false
          }
        }
      } else {
        c.report(fp, "expected an array of strings, got \(f.typeDescription)")
        ok = false
      }
    }
    if let i = o["integrator"] {
      if let kind = c.choice(i, at: path.appending("integrator"), as: IntegratorKind.self) { settings.integrator = kind } else { ok = false }
    }
    func positive(_ key: String, allowZero: Bool = false) -> Double? {
      guard o[key] != nil else { return nil }
      let v = c.number(o[key], at: path.appending(key)) { allowZero ? ($0 >= 0 ? nil : "must be ≥ 0") : ($0 > 0 ? nil : "must be > 0") }
      if v == nil { ok = false }
      return v
    }
    if let t = positive("tolerance_m") {
      if !settings.integrator.isAdaptive {
        c.report(path.appending("tolerance_m"), "does not apply to \(settings.integrator.rawValue) (a fixed-step method; use fixed_step_s)")
        ok = false
      }
      settings.toleranceM = t
    }
    if let h = positive("fixed_step_s") {
      if settings.integrator.isAdaptive {
        c.report(path.appending("fixed_step_s"), "applies to the fixed-step integrators rk4 and sc11 only")
        ok = false
      }
      settings.fixedStepS = h
    }
    if let v = positive("min_step_s", allowZero: true) { settings.minStepS = v }
    if let v = positive("max_step_s") { settings.maxStepS = v }
    if settings.minStepS > settings.maxStepS {
      c.report(path.appending("min_step_s"), "must not exceed max_step_s (\(NumberFormat.shortest(settings.maxStepS)))")
      ok = false
    }
    if let problem = settings.combinationProblem {
      c.report(path.appending("integrator"), problem)
      ok = false
    }
    return ok ? settings : nil
  }

  private static func readKeplerian(
    _ value: JSONValue, at path: JSONPath, body: CentralBodyModel, _ c: inout Checker
  ) -> KeplerianSpec? {
    guard let o = c.object(value, at: path, allowed: keplerianKeys, required: keplerianKeys) else { return nil }
    let a = c.number(o["semi_major_axis_km"], at: path.appending("semi_major_axis_km")) { $0 > 0 ? nil : "must be > 0" }
    let e = c.number(o["eccentricity"], at: path.appending("eccentricity")) {
      $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (only elliptic orbits can be propagated)"
    }
    let i = c.number(o["inclination_deg"], at: path.appending("inclination_deg")) {
      $0 >= 0 && $0 <= 180 ? nil : "must be in [0, 180]"
    }
    let raan = c.number(o["raan_deg"], at: path.appending("raan_deg"))
    let argp = c.number(o["arg_perigee_deg"], at: path.appending("arg_perigee_deg"))
    let nu = c.number(o["true_anomaly_deg"], at: path.appending("true_anomaly_deg"))
    if let a, let e {
      let perigee = a * (1 - e)
      let radius = body.equatorialRadiusKm
      if perigee <= radius {
        c.report(
          path,
          "perigee radius \(NumberFormat.fixed(perigee, digits: 3)) km (a·(1 − e)) is inside the Earth (equatorial radius \(radius) km)")
      }
    }
    guard let a, let e, let i, let raan, let argp, let nu else { return nil }
    return KeplerianSpec(
      semiMajorAxisKm: a, eccentricity: e, inclinationDeg: i, raanDeg: raan, argPerigeeDeg: argp,
      trueAnomalyDeg: nu)
  }

  private static func readCartesian(
    _ value: JSONValue, at path: JSONPath, body: CentralBodyModel, _ c: inout Checker
  ) -> CartesianSpec? {
    let keys = ["position_km", "velocity_km_s", "frame"]
    guard let o = c.object(value, at: path, allowed: keys, required: ["position_km", "velocity_km_s"]) else { return nil }
    if let f = o["frame"], let s = c.string(f, at: path.appending("frame")), s != "gcrf" {
      c.report(path.appending("frame"), "unknown value \"\(s)\" (expected gcrf)")
    }
    let r = c.vector3(o["position_km"], at: path.appending("position_km"))
    let v = c.vector3(o["velocity_km_s"], at: path.appending("velocity_km_s"))
    guard let r, let v else { return nil }
    let mu = body.muKm3PerS2
    let rn = r.norm
    if rn <= body.equatorialRadiusKm {
      c.report(path.appending("position_km"), "position is inside the Earth (|r| = \(NumberFormat.fixed(rn, digits: 3)) km)")
      return nil
    }
    let h = r.cross(v)
    if h.norm <= 1e-9 * rn * max(v.norm, 1e-12) {
      c.report(path, "position and velocity are parallel (rectilinear orbit): cannot form orbital elements")
      return nil
    }
    let energy = v.normSquared / 2 - mu / rn
    if energy >= 0 {
      c.report(path, "orbit is not elliptic (specific energy \(NumberFormat.fixed(energy, digits: 6)) km²/s² ≥ 0); only elliptic orbits can be propagated")
      return nil
    }
    let a = -mu / (2 * energy)
    let eVector = (r * (v.normSquared - mu / rn) - v * r.dot(v)) / mu
    let perigee = a * (1 - eVector.norm)
    if perigee <= body.equatorialRadiusKm {
      c.report(path, "perigee radius \(NumberFormat.fixed(perigee, digits: 3)) km is inside the Earth (equatorial radius \(body.equatorialRadiusKm) km)")
      return nil
    }
    return CartesianSpec(positionKm: r, velocityKmPerSecond: v)
  }

  private static func readOutputs(_ value: JSONValue, at path: JSONPath, _ c: inout Checker) -> [OutputSpec]? {
    guard case .array(let elements) = value else {
      c.report(path, "expected an array, got \(value.typeDescription)")
      return nil
    }
    var out: [OutputSpec] = []
    var ok = true
    var seen: [String: Int] = [:]
    for (i, e) in elements.enumerated() {
      let p = path.appending(index: i)
      guard let o = c.object(e, at: p, allowed: ["format", "file", "frame"], required: ["format", "file"]) else {
        ok = false
        continue
      }
      let format = c.choice(o["format"], at: p.appending("format"), as: OutputSpec.Format.self)
      var file = c.string(o["file"], at: p.appending("file"), check: checkFileName)
      if let f = file {
        if let first = seen[f] {
          c.report(p.appending("file"), "\"\(f)\" is already written by outputs[\(first)]")
          file = nil
        } else {
          seen[f] = i
        }
      }
      var frame: Frame? = .gcrf
      if let f = o["frame"] {
        frame = nil
        if let s = c.string(f, at: p.appending("frame")) {
          if s == "gcrf" { frame = .gcrf } else { c.report(p.appending("frame"), "unknown value \"\(s)\" (expected gcrf)") }
        }
      }
      if let format, let file, let frame {
        out.append(OutputSpec(format: format, file: file, frame: frame))
      } else {
        ok = false
      }
    }
    return ok ? out : nil
  }

  static func checkFileName(_ s: String) -> String? {
    if s.isEmpty { return "must not be empty" }
    if s.contains("/") || s.contains("\\") { return "\"\(s)\" must be a plain file name without a directory part" }
    if s.hasPrefix(".") { return "\"\(s)\" must not start with '.'" }
    if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "must not contain control characters" }
    if s.utf8.count > 200 { return "must be at most 200 bytes" }
    return nil
  }
}

extension CentralBodyModel {
  /// The OrbitCore constants of the preset.
  public var body: CentralBody {
    switch self {
    case .egm96: .egm96
    case .wgs84: .wgs84
    }
  }

  /// Equatorial radius (km) of the preset.
  public var equatorialRadiusKm: Double { body.equatorialRadius / 1000 }

  /// Gravitational parameter μ (km³/s²) of the preset.
  public var muKm3PerS2: Double { body.gravitationalParameter / 1e9 }
}
