import OrbitCore

/// Runs validated scenarios and writes their outputs.
public enum ScenarioRunner {
  /// The initial GCRF state of the scenario's spacecraft (m, m/s).
  public static func initialState(of scenario: Scenario) throws(ScenarioError) -> CartesianState {
    let epoch = scenario.epoch.epoch
    switch scenario.spacecraft.orbit {
    case .cartesian(let c):
      return CartesianState(
        epoch: epoch, frame: .gcrf, position: c.positionKm * 1000, velocity: c.velocityKmPerSecond * 1000)
    case .keplerian(let k):
      do throws(ElementsError) {
        let elements = try KeplerianElements(
          semiMajorAxis: k.semiMajorAxisKm * 1000, eccentricity: k.eccentricity,
          inclination: Angle.radians(fromDegrees: k.inclinationDeg),
          raan: Angle.radians(fromDegrees: k.raanDeg),
          argumentOfPeriapsis: Angle.radians(fromDegrees: k.argPerigeeDeg),
          trueAnomaly: Angle.radians(fromDegrees: k.trueAnomalyDeg))
        return elements.cartesianState(epoch: epoch, frame: .gcrf, mu: scenario.centralBody.body.gravitationalParameter)
      } catch {
        // The validator checks the same ranges, so this is a disagreement between layers.
        throw .invalid(file: scenario.name, issues: [
          ScenarioIssue(path: JSONPath.root.appending("spacecraft").appending("orbit").appending("keplerian"), message: error.description)
        ])
      }
    }
  }

  /// Propagates the scenario with each of its propagators to every output time.
  /// - Throws: `ScenarioError.propagationFailed` when a propagator rejects the orbit or
  ///   produces a non-finite state.
  public static func run(_ scenario: Scenario, data: TimeScaleData = .standard) throws(ScenarioError) -> ScenarioResult {
    let initial = try initialState(of: scenario)
    let times = scenario.outputTimes
    var trajectories: [Trajectory] = []
    for kind in scenario.propagators {
      var positions: [SIMD3<Double>] = []
      var velocities: [SIMD3<Double>] = []
      positions.reserveCapacity(times.count)
      velocities.reserveCapacity(times.count)
      do throws(PropagationError) {
        let propagate = try makePropagator(kind, initial: initial, body: scenario.centralBody.body)
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
      trajectories: trajectories)
  }

  /// A function from epoch to state for one propagator kind.
  static func makePropagator(
    _ kind: PropagatorKind, initial: CartesianState, body: CentralBody
  ) throws(PropagationError) -> (Epoch) throws(PropagationError) -> CartesianState {
    switch kind {
    case .kepler:
      let p = try KeplerPropagator(initialState: initial, body: body)
      return { (epoch: Epoch) throws(PropagationError) in try p.state(at: epoch) }
    case .j2Secular:
      // TEMPORARY until OrbitCore's J2SecularPropagator lands.
      throw .unsupportedOrbit(.hyperbolic)
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
    let files = outputs.map { o in
      (path: base.hasSuffix("/") ? base + o.file : "\(base)/\(o.file)", contents: OutputWriters.render(o.format, result))
    }
    do throws(AtomicFileWriter.Failure) {
      try AtomicFileWriter.createDirectory(base)
      try AtomicFileWriter.write(files)
    } catch {
      throw .outputFailed(path: error.path, reason: error.reason)
    }
    return files.map(\.path)
  }
}
