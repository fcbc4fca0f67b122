import OrbitCore

/// Runs validated scenarios and writes their outputs.
public enum ScenarioRunner {
  /// The initial Keplerian elements (SI) of a scenario given in elements; nil for a Cartesian state.
  public static func initialElements(of scenario: Scenario) throws(ScenarioError) -> KeplerianElements? {
    guard case .keplerian(let k) = scenario.spacecraft.orbit else { return nil }
    do throws(ElementsError) {
      return try KeplerianElements(
        semiMajorAxis: k.semiMajorAxisKm * 1000, eccentricity: k.eccentricity,
        inclination: Angle.radians(fromDegrees: k.inclinationDeg),
        raan: Angle.radians(fromDegrees: k.raanDeg),
        argumentOfPeriapsis: Angle.radians(fromDegrees: k.argPerigeeDeg),
        trueAnomaly: Angle.radians(fromDegrees: k.trueAnomalyDeg))
    } catch {
      // The validator checks the same ranges, so this is a disagreement between layers.
      throw .invalid(file: scenario.name, issues: [
        ScenarioIssue(
          path: JSONPath.root.appending("spacecraft").appending("orbit").appending("keplerian"),
          message: error.description)
      ])
    }
  }

  /// The initial GCRF state of the scenario's spacecraft (m, m/s). For a TLE: SGP4's state at
  /// the scenario epoch, turned from TEME into GCRF (IAU-76/FK5; no EOP needed).
  public static func initialState(of scenario: Scenario) throws(ScenarioError) -> CartesianState {
    let epoch = scenario.epoch.epoch
    if let elements = try initialElements(of: scenario) {
      return elements.cartesianState(epoch: epoch, frame: .gcrf, mu: scenario.centralBody.body.gravitationalParameter)
    }
    switch scenario.spacecraft.orbit {
    case .cartesian(let c):
      return CartesianState(
        epoch: epoch, frame: .gcrf, position: c.positionKm * 1000, velocity: c.velocityKmPerSecond * 1000)
    case .tle(let tle):
      let p = try sgp4Propagator(tle)
      return try sgp4GCRFState(p, at: epoch)
    case .keplerian:
      preconditionFailure("handled above")
    }
  }

  static func sgp4Propagator(_ tle: TLE) throws(ScenarioError) -> SGP4Propagator {
    do throws(SGP4Propagator.InitializationError) {
      return try SGP4Propagator(tle: tle)
    } catch {
      throw .propagationFailed(propagator: "sgp4", reason: error.description)
    }
  }

  /// SGP4's TEME state at `epoch` in GCRF (m, m/s).
  static func sgp4GCRFState(_ p: SGP4Propagator, at epoch: Epoch) throws(ScenarioError) -> CartesianState {
    switch p.sgp4State(at: epoch) {
    case .success(let teme):
      do throws(TimeError) {
        let x = try FrameTransform.between(.teme, .gcrf, at: epoch, eop: .zero)
        let rv = x.apply(position: teme.position, velocity: teme.velocity)
        return CartesianState(epoch: epoch, frame: .gcrf, position: rv.position, velocity: rv.velocity)
      } catch {
        throw .propagationFailed(propagator: "sgp4", reason: "TEME → GCRF: \(error.description)")
      }
    case .failure(let e):
      let minutes = (epoch - p.epoch) / 60
      throw .propagationFailed(propagator: "sgp4", reason: "\(e.description) at \(NumberFormat.shortest(minutes)) min since the TLE epoch")
    }
  }

  /// Propagates the scenario with each of its propagators to every output time.
  /// - Throws: `ScenarioError.propagationFailed` when a propagator rejects the orbit or
  ///   produces a non-finite state.
  public static func run(_ scenario: Scenario, data: TimeScaleData = .standard) throws(ScenarioError) -> ScenarioResult {
    let initial = try initialState(of: scenario)
    let elements = try initialElements(of: scenario)
    let times = scenario.outputTimes
    var trajectories: [Trajectory] = []
    var numericalRun: NumericalRun? = nil
    for kind in scenario.propagators {
      if kind == .numerical {
        let settings = scenario.numerical ?? NumericalSettings(body: scenario.centralBody)
        let run: NumericalRun
        do throws(NumericalRunError) {
          run = try NumericalRunner.run(
            initial: initial, settings: settings, durationS: scenario.durationSeconds, stepS: scenario.stepSeconds,
            maneuvers: scenario.maneuvers, events: scenario.events, dryMassKg: scenario.spacecraft.dryMassKg)
        } catch {
          throw .propagationFailed(propagator: kind.rawValue, reason: error.description)
        }
        numericalRun = run
        trajectories.append(
          Trajectory(
            propagator: kind, timesSeconds: run.timesS, positionsKm: run.positions.map { $0 / 1000 },
            velocitiesKmPerSecond: run.velocities.map { $0 / 1000 }))
        continue
      }
      if kind == .sgp4 {
        guard case .tle(let tle) = scenario.spacecraft.orbit else {
          throw .propagationFailed(propagator: "sgp4", reason: "needs spacecraft.tle")
        }
        let p = try sgp4Propagator(tle)
        var positions: [SIMD3<Double>] = []
        var velocities: [SIMD3<Double>] = []
        for t in times {
          let s = try sgp4GCRFState(p, at: initial.epoch + t)
          positions.append(s.position / 1000)
          velocities.append(s.velocity / 1000)
        }
        trajectories.append(
          Trajectory(propagator: kind, timesSeconds: times, positionsKm: positions, velocitiesKmPerSecond: velocities))
        continue
      }
      var positions: [SIMD3<Double>] = []
      var velocities: [SIMD3<Double>] = []
      positions.reserveCapacity(times.count)
      velocities.reserveCapacity(times.count)
      do throws(PropagationError) {
        let propagate = try makePropagator(kind, initial: initial, elements: elements, body: scenario.centralBody.body)
        for t in times {
          let state = try propagate(initial.epoch + t)
          guard state.isFinite else { throw PropagationError.nonFiniteState(epoch: state.epoch) }
          positions.append(state.position / 1000)
          velocities.append(state.velocity / 1000)
        }
      } catch {
        throw .propagationFailed(propagator: kind.rawValue, reason: error.description)
      }
      trajectories.append(
        Trajectory(propagator: kind, timesSeconds: times, positionsKm: positions, velocitiesKmPerSecond: velocities))
    }
    let start = initial.epoch
    let end = start + (times.last ?? 0)
    return ScenarioResult(
      scenario: scenario,
      finalEpochUTC: try? end.iso8601(.utc, fractionDigits: 6, data: data),
      initialEpochUTC: try? start.iso8601(.utc, fractionDigits: 6, data: data),
      trajectories: trajectories, numericalStatistics: numericalRun.map {
        (accepted: $0.acceptedSteps, rejected: $0.rejectedSteps, evaluations: $0.evaluations)
      }, events: numericalRun?.events ?? [], stoppedAtS: numericalRun?.stoppedAtS)
  }

  /// A function from epoch to state for one propagator kind. Scenario elements go to the J2
  /// secular propagator as its mean elements; a Cartesian state's osculating elements do.
  static func makePropagator(
    _ kind: PropagatorKind, initial: CartesianState, elements: KeplerianElements?, body: CentralBody
  ) throws(PropagationError) -> (Epoch) throws(PropagationError) -> CartesianState {
    switch kind {
    case .kepler:
      let p = try KeplerPropagator(initialState: initial, body: body)
      return { (epoch: Epoch) throws(PropagationError) in try p.state(at: epoch) }
    case .sgp4, .numerical:
      preconditionFailure("run handles \(kind) itself")
    case .j2Secular:
      let p: J2SecularPropagator
      if let elements {
        p = try J2SecularPropagator(meanElements: elements, epoch: initial.epoch, frame: .gcrf, body: body)
      } else {
        p = try J2SecularPropagator(initialState: initial, body: body)
      }
      return { (epoch: Epoch) throws(PropagationError) in try p.state(at: epoch) }
    }
  }

  /// The directory `orbit run` writes to when no `--output` is given: `out/<name>`.
  public static func defaultOutputDirectory(for scenario: Scenario) -> String {
    "out/\(scenario.name)"
  }

  /// Writes every output of the scenario into `directory` (created if missing), all or
  /// nothing (see `AtomicFileWriter`).
  /// - Returns: the paths written, in `outputs` order.
  /// - Throws: `ScenarioError.outputFailed`; no output file and no temporary file remain.
  @discardableResult
  public static func writeOutputs(_ result: ScenarioResult, to directory: String) throws(ScenarioError) -> [String] {
    let outputs = result.scenario.outputs
    guard !outputs.isEmpty else { return [] }
    let base = directory.isEmpty ? "." : directory
    var files: [(path: String, contents: String)] = []
    for o in outputs {
      let path = base.hasSuffix("/") ? base + o.file : "\(base)/\(o.file)"
      do throws(OEMWriter.Failure) {
        files.append((path: path, contents: try OutputWriters.render(o.format, result)))
      } catch {
        throw .outputFailed(path: path, reason: error.description)
      }
    }
    do throws(AtomicFileWriter.Failure) {
      try AtomicFileWriter.createDirectory(base)
      try AtomicFileWriter.write(files)
    } catch {
      throw .outputFailed(path: error.path, reason: error.reason)
    }
    return files.map(\.path)
  }

  /// Writes `files` (plain names) into `directory` (created if missing), all or nothing
  /// (see `AtomicFileWriter`).
  /// - Returns: the paths written, in order.
  /// - Throws: `ScenarioError.outputFailed`; no output file and no temporary file remain.
  @discardableResult
  public static func writeFiles(
    _ files: [(name: String, contents: String)], to directory: String
  ) throws(ScenarioError) -> [String] {
    guard !files.isEmpty else { return [] }
    let base = directory.isEmpty ? "." : directory
    let paths = files.map { (path: base.hasSuffix("/") ? base + $0.name : "\(base)/\($0.name)", contents: $0.contents) }
    do throws(AtomicFileWriter.Failure) {
      try AtomicFileWriter.createDirectory(base)
      try AtomicFileWriter.write(paths)
    } catch {
      throw .outputFailed(path: error.path, reason: error.reason)
    }
    return paths.map(\.path)
  }
}
