import OrbitCore
import OrbitScenario

/// `orbit propagate`: one initial state, one propagator, a table of GCRF states.
enum PropagateCommand {
  static let propagators = ["kepler", "j2", "sgp4", "numerical"]

  static let spec = CommandSpec(
    name: "propagate",
    summary: "Propagate one orbit with Kepler, J2 secular, SGP4 or numerical (Cowell) and print GCRF states.",
    usage: "orbit propagate (--keplerian A,E,I,RAAN,ARGP,NU | --state X,Y,Z,VX,VY,VZ | --tle FILE) [--epoch ISO] --duration-s S --step-s S [--propagator kepler|j2|sgp4|numerical] [--forces LIST] [--integrator rk4|dp54|dp87|rkn1210|sc11] [--tolerance-m X] [--fixed-step-s S] [--mass-kg M] [--drag-area-m2 A] [--cd C] [--srp-area-m2 A] [--cr C] [--format csv|json|oem] [--output FILE]",
    positionals: [],
    options: [
      OptionSpec(name: "--keplerian", valueName: "A,E,I,RAAN,ARGP,NU", help: "Osculating elements: a (km), e, i, RAAN, arg. of perigee, true anomaly (deg), GCRF."),
      OptionSpec(name: "--state", valueName: "X,Y,Z,VX,VY,VZ", help: "GCRF position (km) and velocity (km/s)."),
      OptionSpec(name: "--tle", valueName: "FILE", help: "A file with one TLE (the first set is used)."),
      OptionSpec(name: "--epoch", valueName: "ISO", help: "Start epoch, UTC (e.g. 2024-01-01T00:00:00Z); with --tle defaults to the TLE epoch."),
      OptionSpec(name: "--duration-s", valueName: "S", help: "Span to propagate (s, > 0)."),
      OptionSpec(name: "--step-s", valueName: "S", help: "Output step (s, > 0); the end is always included."),
      OptionSpec(name: "--propagator", valueName: "NAME", help: "Propagator.", choices: propagators, defaultValue: "numerical; sgp4 with --tle"),
      OptionSpec(name: "--forces", valueName: "LIST", help: "Numerical force models, comma-separated (see below).", defaultValue: "point-mass,j2"),
      OptionSpec(name: "--integrator", valueName: "NAME", help: "Numerical integrator.", choices: IntegratorKind.allCases.map(\.rawValue), defaultValue: "dp87"),
      OptionSpec(name: "--tolerance-m", valueName: "X", help: "Position error allowed per step (m); velocity: X·1e-3 m/s.", defaultValue: "1e-6"),
      OptionSpec(name: "--fixed-step-s", valueName: "S", help: "Step of the fixed-step integrators rk4 and sc11 (s).", defaultValue: "10"),
      OptionSpec(name: "--mass-kg", valueName: "M", help: "Spacecraft mass (kg); needed with drag or srp."),
      OptionSpec(name: "--drag-area-m2", valueName: "A", help: "Drag area (m²); needed with drag."),
      OptionSpec(name: "--cd", valueName: "C", help: "Drag coefficient.", defaultValue: "2.2"),
      OptionSpec(name: "--srp-area-m2", valueName: "A", help: "Radiation-pressure area (m²).", defaultValue: "the drag area"),
      OptionSpec(name: "--cr", valueName: "C", help: "Radiation-pressure coefficient (1 absorbing … 2 mirror).", defaultValue: "1.3"),
      OptionSpec(name: "--body", valueName: "BODY", help: "μ, Rₑ and J2…J6 of kepler, j2 and the point-mass/zonal forces.", choices: ["wgs84", "egm96"], defaultValue: "wgs84"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["csv", "json", "oem"], defaultValue: "csv"),
      OptionSpec(name: "--output", valueName: "FILE", help: "Write to FILE (atomically) instead of standard output."),
    ],
    details: """
      Exactly one of --keplerian, --state, --tle. Output is GCRF: CSV columns
      t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s at 0, S, 2S, … and the end; JSON {propagator,
      frame, epoch_utc, states: [{t_s, position_km, velocity_km_s}], …}; OEM: CCSDS 502.0-B-2 KVN.

      Propagators: kepler (two-body), j2 (two-body + secular J2 drift; --keplerian elements are
      taken as mean elements), sgp4 (needs --tle; TEME → GCRF by IAU-76/FK5), numerical (Cowell).
      A --tle with kepler, j2 or numerical starts from SGP4's state at the epoch, in GCRF.

      --forces (numerical only): one gravity field, point-mass | j2 | zonal6 | egm96:DxO
      (EGM96 to degree D, order O ≤ D ≤ 360; point-mass may be listed with the others), plus any
      of drag:harris-priester, drag:exponential, sun, moon, srp. Drag needs --mass-kg and
      --drag-area-m2; srp needs --mass-kg and --srp-area-m2 or --drag-area-m2.
      Defaults: point-mass,j2; dp87 (Prince–Dormand 8(7)); tolerance 1e-6 m per step (about 1 mm per day for the ISS);
      steps 1e-6 … 3600 s; rk4 and sc11 at a fixed 10 s step; cd 2.2; cr 1.3; μ of WGS-84.
      rkn1210 (Runge–Kutta–Nyström) and sc11 (Störmer–Cowell, fixed step, one force evaluation
      a step; 60–72 s keeps the ISS within 1 mm a day) cannot integrate drag (it depends on the
      velocity). An sc11 step over 0.1 rad of the perigee angular rate (88 s for the ISS) is
      refused as unstable.

      Exit codes: 64 for malformed or conflicting options (including --duration-s/--step-s ≤ 0
      and options that the chosen propagator does not use), 65 for impossible values (e ≥ 1, an
      orbit inside the Earth, mass ≤ 0, negative areas, a bad TLE file), 1 for a missing file or
      a run failure (e.g. the orbit decays below the surface).

      Examples:
        orbit propagate --keplerian 6796,0.0005,51.64,0,0,0 --epoch 2024-01-01T00:00:00Z --duration-s 86400 --step-s 600 --propagator kepler
        orbit propagate --keplerian 6796,0.0005,51.64,0,0,0 --epoch 2024-01-01T00:00:00Z --duration-s 86400 --step-s 600 --forces egm96:20x20,drag:harris-priester,sun,moon,srp --mass-kg 420000 --drag-area-m2 1600
        orbit propagate --tle iss.tle --duration-s 5400 --step-s 60 --propagator sgp4
      """)

  enum Source { case keplerian([Double]), state([Double]), tle(String) }

  static func number(_ name: String, _ arguments: ParsedArguments) throws(CLIError) -> Double? {
    guard let text = arguments.option(name) else { return nil }
    switch NumberArgument.parse(text) {
    case .success(let v): return v
    case .failure(.notFinite): throw .usage("\(name): not a finite number: \"\(text)\"")
    case .failure(.notANumber): throw .usage("\(name): not a number: \"\(text)\"")
    }
  }

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    // Initial-state source.
    let given = ["--keplerian", "--state", "--tle"].filter { arguments.option($0) != nil }
    guard given.count == 1 else {
      throw .usage(given.isEmpty
        ? "expected one of --keplerian, --state, --tle (the initial orbit)"
        : "\(given.joined(separator: " and ")) cannot be used together; give one initial orbit")
    }
    let source: Source
    if let k = arguments.option("--keplerian") {
      source = .keplerian(try parseNumberList(k, count: 6, option: "--keplerian"))
    } else if let s = arguments.option("--state") {
      source = .state(try parseNumberList(s, count: 6, option: "--state"))
    } else {
      source = .tle(arguments.option("--tle")!)
    }
    var isTLE = false
    if case .tle = source { isTLE = true }

    // Times.
    guard let duration = try number("--duration-s", arguments) else { throw .usage("missing --duration-s") }
    guard let step = try number("--step-s", arguments) else { throw .usage("missing --step-s") }
    guard duration > 0 else { throw .usage("--duration-s must be > 0, got \(arguments.option("--duration-s")!)") }
    guard step > 0 else { throw .usage("--step-s must be > 0, got \(arguments.option("--step-s")!)") }
    guard (duration / step).rounded(.down) + 2 <= Double(ScenarioValidator.maximumOutputTimes) else {
      throw .usage("--duration-s / --step-s gives more than \(ScenarioValidator.maximumOutputTimes) output times; use a larger step")
    }

    // Propagator and the options only some propagators use.
    let propagatorName = arguments.option("--propagator") ?? (isTLE ? "sgp4" : "numerical")
    if propagatorName == "sgp4" && !isTLE {
      throw .usage("--propagator sgp4 needs --tle (SGP4 propagates mean elements from a TLE)")
    }
    let numericalOnly = [
      "--forces", "--integrator", "--tolerance-m", "--fixed-step-s", "--mass-kg", "--drag-area-m2", "--cd",
      "--srp-area-m2", "--cr",
    ]
    if propagatorName != "numerical" {
      for name in numericalOnly where arguments.option(name) != nil {
        throw .usage("\(name) applies to --propagator numerical only (this run uses \(propagatorName))")
      }
    }
    let body: CentralBodyModel = arguments.option("--body") == "egm96" ? .egm96 : .wgs84
    let settings = propagatorName == "numerical" ? try numericalSettings(arguments, body: body) : nil

    // Epoch.
    var epoch: Epoch? = nil
    if let text = arguments.option("--epoch") {
      switch EpochText.parse(text, scale: .utc) {
      case .success(let e): epoch = e
      case .failure(let error): throw CLIError(TimeCommand.exitCode(for: error), "--epoch: \(error.description)")
      }
    } else if !isTLE {
      throw .usage("missing --epoch (the UTC instant of the initial state)")
    }

    // Initial state (GCRF, m) and, for sgp4/j2, the models.
    var sgp4: SGP4Propagator? = nil
    var sourceTLE: TLE? = nil
    var meanElements: KeplerianElements? = nil
    let initial: CartesianState
    switch source {
    case .keplerian(let v):
      let start = epoch!
      let elements = try keplerianElements(v, body: body)
      meanElements = elements
      initial = elements.cartesianState(epoch: start, frame: .gcrf, mu: body.body.gravitationalParameter)
    case .state(let v):
      let r = SIMD3(v[0], v[1], v[2]), vel = SIMD3(v[3], v[4], v[5])
      try checkState(r, vel, body: body)
      initial = CartesianState(epoch: epoch!, frame: .gcrf, position: r * 1000, velocity: vel * 1000)
    case .tle(let path):
      let records = try SGP4Command.readTLEs(path, vallado: false)
      let tle = records[0].tle
      let p: SGP4Propagator
      do throws(SGP4Propagator.InitializationError) {
        p = try SGP4Propagator(tle: tle)
      } catch {
        throw .data("\(path):\(records[0].lineNumber): satellite \(tle.catalogNumber): \(error.description)")
      }
      sgp4 = p
      sourceTLE = tle
      let start = epoch ?? p.epoch
      epoch = start
      initial = try gcrfState(p, at: start, path: path)
    }
    let start = initial.epoch

    // Propagate.
    var times: [Double] = []
    var positions: [Vector3] = []
    var velocities: [Vector3] = []
    func append(_ t: Double, _ s: CartesianState) {
      times.append(t)
      positions.append(s.position / 1000)
      velocities.append(s.velocity / 1000)
    }
    let grid = outputTimes(duration: duration, step: step)
    var summary: [String] = []
    switch propagatorName {
    case "kepler", "j2":
      do throws(PropagationError) {
        let analytic: any AnalyticalPropagator
        if propagatorName == "kepler" {
          analytic = try KeplerPropagator(initialState: initial, body: body.body)
        } else if let meanElements {
          analytic = try J2SecularPropagator(meanElements: meanElements, epoch: start, frame: .gcrf, body: body.body)
        } else {
          analytic = try J2SecularPropagator(initialState: initial, body: body.body)
        }
        for t in grid {
          let s = try analytic.state(at: start + t)
          guard s.isFinite else { throw PropagationError.nonFiniteState(epoch: s.epoch) }
          append(t, s)
        }
      } catch {
        throw CLIError(ExitCode.dataError, "propagator \(propagatorName): \(error.description)")
      }
    case "sgp4":
      let p = sgp4!
      for t in grid {
        switch p.sgp4State(at: start + t) {
        case .success(let teme):
          append(t, try toGCRF(teme, path: arguments.option("--tle") ?? ""))
        case .failure(let e):
          throw CLIError(
            ExitCode.failure,
            "propagator sgp4: \(e.description) at t = \(NumberFormat.shortest(t)) s (\(NumberFormat.shortest((start + t - p.epoch) / 60)) min since the TLE epoch)")
        }
      }
    default:
      let settings = settings!
      let run: NumericalRun
      do throws(NumericalRunError) {
        run = try NumericalRunner.run(initial: initial, settings: settings, durationS: duration, stepS: step)
      } catch {
        if case .invalidSettings(let m) = error { throw .usage(m) }
        throw CLIError(ExitCode.failure, "propagator numerical: \(error.description)")
      }
      for i in run.timesS.indices {
        append(run.timesS[i], CartesianState(epoch: start + run.timesS[i], frame: .gcrf, position: run.positions[i], velocity: run.velocities[i]))
      }
      summary = [
        "forces \(settings.forces.names.joined(separator: ",")), integrator \(settings.integrator.rawValue), tolerance \(NumberFormat.shortest(settings.toleranceM)) m",
        "\(run.acceptedSteps) steps accepted, \(run.rejectedSteps) rejected, \(run.evaluations) derivative evaluations",
      ]
    }

    let text: String
    switch arguments.option("--format") ?? "csv" {
    case "json":
      let states: [JSONValue] = times.indices.map { i in
        let r = positions[i], v = velocities[i]
        return .fields([
          "t_s": .double(times[i]),
          "position_km": .array([.double(r.x), .double(r.y), .double(r.z)]),
          "velocity_km_s": .array([.double(v.x), .double(v.y), .double(v.z)]),
        ])
      }
      text = JSONWriter.string(
        .fields([
          "propagator": .string(propagatorName),
          "frame": .string("gcrf"),
          "epoch_utc": (try? start.iso8601(.utc, fractionDigits: 6)).map(JSONValue.string) ?? .null,
          "central_body": .string(body.rawValue),
          "forces": settings.map { .array($0.forces.names.map(JSONValue.string)) } ?? .null,
          "integrator": settings.map { .string($0.integrator.rawValue) } ?? .null,
          "tolerance_m": settings.map { .double($0.toleranceM) } ?? .null,
          "states": .array(states),
        ]))
    case "oem":
      let segment = OEMWriter.Segment(
        objectName: sourceTLE.map { $0.name ?? "NORAD \($0.catalogNumber)" } ?? "ORBIT",
        objectID: sourceTLE.map(SGP4Command.objectID) ?? "UNKNOWN", frame: .gcrf,
        comments: ["orbit propagate --propagator \(propagatorName)"] + summary,
        states: times.indices.map { OEMWriter.State(epoch: start + times[$0], positionKm: positions[$0], velocityKmPerSecond: velocities[$0]) })
      do throws(OEMWriter.Failure) {
        text = try OEMWriter.render([segment])
      } catch {
        throw .data(error.description)
      }
    default:
      var csv = "t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s\n"
      for i in times.indices {
        let r = positions[i], v = velocities[i]
        csv += [times[i], r.x, r.y, r.z, v.x, v.y, v.z].map(NumberFormat.shortest).joined(separator: ",") + "\n"
      }
      text = csv
    }
    if let output = arguments.option("--output") {
      try writeAtomically(text, to: output)
    } else {
      out += text
    }
  }

  /// 0, step, 2·step, … (each i·step) and `duration`.
  static func outputTimes(duration: Double, step: Double) -> [Double] {
    var times: [Double] = []
    let count = Int((duration / step).rounded(.down))
    for i in 0...count {
      let t = Double(i) * step
      if t > duration { break }
      times.append(t)
    }
    if let last = times.last, duration - last > 1e-9 { times.append(duration) }
    return times
  }

  static func gcrfState(_ p: SGP4Propagator, at epoch: Epoch, path: String) throws(CLIError) -> CartesianState {
    switch p.sgp4State(at: epoch) {
    case .success(let teme): return try toGCRF(teme, path: path)
    case .failure(let e): throw .data("\(path): SGP4 fails at the start epoch: \(e.description)")
    }
  }

  static func toGCRF(_ teme: CartesianState, path: String) throws(CLIError) -> CartesianState {
    do throws(TimeError) {
      let x = try temeTransform(to: .gcrf, at: teme.epoch, data: .standard)
      let rv = x.apply(position: teme.position, velocity: teme.velocity)
      return CartesianState(epoch: teme.epoch, frame: .gcrf, position: rv.position, velocity: rv.velocity)
    } catch {
      throw .data("\(path): TEME → GCRF: \(error.description)")
    }
  }

  static func keplerianElements(_ v: [Double], body: CentralBodyModel) throws(CLIError) -> KeplerianElements {
    let (a, e, i) = (v[0], v[1], v[2])
    guard a > 0 else { throw .data("--keplerian: semi-major axis must be > 0 km, got \(NumberFormat.shortest(a))") }
    guard e >= 0 && e < 1 else { throw .data("--keplerian: eccentricity must be in [0, 1) (an ellipse), got \(NumberFormat.shortest(e))") }
    guard i >= 0 && i <= 180 else { throw .data("--keplerian: inclination must be in [0, 180] deg, got \(NumberFormat.shortest(i))") }
    let perigee = a * (1 - e)
    guard perigee > body.equatorialRadiusKm else {
      throw .data("--keplerian: perigee radius \(NumberFormat.fixed(perigee, digits: 3)) km is inside the Earth (equatorial radius \(body.equatorialRadiusKm) km)")
    }
    do throws(ElementsError) {
      return try KeplerianElements(
        semiMajorAxis: a * 1000, eccentricity: e, inclination: Angle.radians(fromDegrees: i),
        raan: Angle.radians(fromDegrees: v[3]), argumentOfPeriapsis: Angle.radians(fromDegrees: v[4]),
        trueAnomaly: Angle.radians(fromDegrees: v[5]))
    } catch {
      throw .data("--keplerian: \(error.description)")
    }
  }

  static func checkState(_ r: SIMD3<Double>, _ v: SIMD3<Double>, body: CentralBodyModel) throws(CLIError) {
    let rn = r.norm
    guard rn > body.equatorialRadiusKm else {
      throw .data("--state: the position is inside the Earth (|r| = \(NumberFormat.fixed(rn, digits: 3)) km)")
    }
    guard r.cross(v).norm > 1e-9 * rn * max(v.norm, 1e-12) else {
      throw .data("--state: position and velocity are parallel (rectilinear orbit)")
    }
  }

  static func numericalSettings(_ arguments: ParsedArguments, body: CentralBodyModel) throws(CLIError) -> NumericalSettings {
    var settings = NumericalSettings(body: body)
    if let list = arguments.option("--forces") {
      let names = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingASCIIWhitespace() }
      switch ForceModelSpec.parse(names) {
      case .success(let f): settings.forces = f
      case .failure(let e): throw .usage("--forces: \(e.message)")
      }
    }
    if let name = arguments.option("--integrator"), let kind = IntegratorKind(rawValue: name) { settings.integrator = kind }
    if let tol = try number("--tolerance-m", arguments) {
      guard tol > 0 else { throw .data("--tolerance-m must be > 0 m, got \(arguments.option("--tolerance-m")!)") }
      if !settings.integrator.isAdaptive {
        throw .usage("--tolerance-m does not apply to \(settings.integrator.rawValue) (a fixed-step method; use --fixed-step-s)")
      }
      settings.toleranceM = tol
    }
    if let h = try number("--fixed-step-s", arguments) {
      guard !settings.integrator.isAdaptive else {
        throw .usage("--fixed-step-s applies to the fixed-step integrators (--integrator rk4 or sc11) only")
      }
      guard h > 0 else { throw .data("--fixed-step-s must be > 0 s, got \(arguments.option("--fixed-step-s")!)") }
      settings.fixedStepS = h
    }
    let f = settings.forces
    let mass = try number("--mass-kg", arguments)
    let dragArea = try number("--drag-area-m2", arguments)
    let cd = try number("--cd", arguments)
    let srpArea = try number("--srp-area-m2", arguments)
    let cr = try number("--cr", arguments)
    if f.drag == nil {
      if cd != nil { throw .usage("--cd needs drag in --forces (drag:harris-priester or drag:exponential)") }
      if dragArea != nil && !f.srp { throw .usage("--drag-area-m2 needs drag (or srp) in --forces") }
    }
    if !f.srp {
      if srpArea != nil { throw .usage("--srp-area-m2 needs srp in --forces") }
      if cr != nil { throw .usage("--cr needs srp in --forces") }
    }
    if f.drag != nil || f.srp {
      guard mass != nil else { throw .usage("--mass-kg is needed with \(f.drag != nil ? "drag" : "srp")") }
      if f.drag != nil && dragArea == nil { throw .usage("--drag-area-m2 is needed with drag") }
      if f.srp && srpArea == nil && dragArea == nil { throw .usage("--srp-area-m2 (or --drag-area-m2) is needed with srp") }
    }
    if let mass, !(mass > 0) { throw .data("--mass-kg must be > 0 kg, got \(arguments.option("--mass-kg")!)") }
    if let dragArea, dragArea < 0 { throw .data("--drag-area-m2 must be ≥ 0 m², got \(arguments.option("--drag-area-m2")!)") }
    if let srpArea, srpArea < 0 { throw .data("--srp-area-m2 must be ≥ 0 m², got \(arguments.option("--srp-area-m2")!)") }
    if let cd, !(cd > 0) { throw .data("--cd must be > 0, got \(arguments.option("--cd")!)") }
    if let cr, !(cr >= 0 && cr <= 2) { throw .data("--cr must be in [0, 2], got \(arguments.option("--cr")!)") }
    var sc = SpacecraftPhysics.default
    if let mass { sc.massKg = mass }
    if let dragArea { sc.dragAreaM2 = dragArea }
    sc.srpAreaM2 = srpArea ?? dragArea ?? sc.dragAreaM2
    if let cd { sc.cd = cd }
    if let cr { sc.cr = cr }
    settings.spacecraft = sc
    if let problem = settings.combinationProblem { throw .usage("--integrator: \(problem)") }
    return settings
  }
}
