import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A maneuver of a numerical run: an impulsive Δv at a time, or a finite burn.
public struct ManeuverSpec: Sendable, Equatable {
  /// The two kinds.
  public enum Kind: Sendable, Equatable {
    /// Δv (m/s) in `axes` at `timeS` (s since the start), mass from the rocket equation with `ispS`.
    case impulsive(timeS: Double, deltaVMPerS: SIMD3<Double>, axes: ThrustAxes, ispS: Double)
    /// Thrust (N) along `direction` in `axes` from `startS`, for a duration (s) or a Δv (m/s).
    case finite(startS: Double, thrustN: Double, ispS: Double, direction: SIMD3<Double>, axes: ThrustAxes, extent: FiniteBurn.Extent)
  }

  /// The kind and its parameters.
  public var kind: Kind
  /// A label for reports.
  public var name: String

  /// A maneuver from its parts.
  public init(kind: Kind, name: String) {
    self.kind = kind
    self.name = name
  }
}

/// An event to locate during a numerical run.
public struct EventSpec: Sendable, Equatable {
  /// The event types.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Periapsis and apoapsis (r·v = 0).
    case apsides
    /// Ascending and descending nodes (z = 0 in GCRF).
    case nodes
    /// Crossings of `altitude_km` above the WGS-84 ellipsoid.
    case altitude
    /// Entry into and exit from the Earth's shadow.
    case eclipse
  }

  /// The type.
  public var kind: Kind
  /// Altitude (km) of an `altitude` event.
  public var altitudeKm: Double?
  /// Which crossings count.
  public var direction: EventDirection
  /// Whether the run stops at the first occurrence.
  public var isTerminal: Bool

  /// An event from its parts.
  public init(kind: Kind, altitudeKm: Double? = nil, direction: EventDirection = .both, isTerminal: Bool = false) {
    self.kind = kind
    self.altitudeKm = altitudeKm
    self.direction = direction
    self.isTerminal = isTerminal
  }

  /// The OrbitCore detector.
  public var detector: any EventDetector {
    switch kind {
    case .apsides: ApsisDetector(direction: direction, isTerminal: isTerminal)
    case .nodes: NodeDetector(direction: direction, isTerminal: isTerminal)
    case .altitude: AltitudeDetector(altitude: (altitudeKm ?? 0) * 1000, direction: direction, isTerminal: isTerminal)
    case .eclipse: EclipseDetector(direction: direction, isTerminal: isTerminal)
    }
  }
}

/// One located event or applied impulse: time (s since the start), its kind, and the event
/// entry it came from (`events[i]` or `maneuvers[i]`).
public struct LocatedEvent: Sendable, Equatable {
  /// Time (s since the start epoch).
  public var timeS: Double
  /// `periapsis`, `ascending-node`, `impulsive-maneuver`, … (OrbitCore `EventKind`).
  public var kind: String
  /// `events[i]` or `maneuvers[i]`.
  public var source: String
  /// GCRF position (m) and velocity (m/s) and mass (kg) at the event.
  public var state: OrbitState
}

/// What a numerical run produced: states at the output times, the final mass, counters.
public struct NumericalRun: Sendable, Equatable {
  /// Output times (s since the start epoch).
  public var timesS: [Double]
  /// GCRF positions (m), one per time.
  public var positions: [Vector3]
  /// GCRF velocities (m/s), one per time.
  public var velocities: [Vector3]
  /// Mass (kg), one per time.
  public var masses: [Double]
  /// Accepted integration steps.
  public var acceptedSteps: Int
  /// Rejected step attempts.
  public var rejectedSteps: Int
  /// Derivative evaluations.
  public var evaluations: Int
  /// Events located and impulses applied, in time order.
  public var events: [LocatedEvent]
  /// Set when a terminal event stopped the run early (the last output is at the event).
  public var stoppedAtS: Double?

  public static func == (a: NumericalRun, b: NumericalRun) -> Bool {
    a.timesS == b.timesS && a.positions == b.positions && a.velocities == b.velocities && a.masses == b.masses
      && a.events == b.events
  }
}

/// Why a numerical run failed.
public enum NumericalRunError: Error, Sendable, CustomStringConvertible {
  /// The settings are unusable together (e.g. `rkn1210` with drag).
  case invalidSettings(String)
  /// The integrator failed.
  case propagation(NumericalPropagationError)
  /// The step limit was reached before the end of the run.
  case stepLimit(atS: Double)
  /// The orbit went below the surface (|r| < equatorial radius) at a time (s).
  case impact(atS: Double, altitudeKm: Double)

  public var description: String {
    switch self {
    case .invalidSettings(let m): return m
    case .propagation(let e): return e.description
    case .stepLimit(let t): return "integration step limit reached at t = \(NumberFormat.shortest(t)) s"
    case .impact(let t, _):
      return "impact: the orbit reaches the Earth's surface at t = \(NumberFormat.shortest(t)) s"
    }
  }
}

/// Runs a numerical (Cowell) propagation with settings chosen at run time and returns the
/// states on the output grid, taken from the integrator's dense output (the steps are not
/// shortened to hit the grid). Events and impulsive maneuvers are OrbitCore event detectors;
/// finite burns run through `ManeuveringDynamics`.
public enum NumericalRunner {
  /// Propagates `initial` (GCRF, m, m/s) over [0, `durationS`] and reports the states at
  /// 0, step, 2·step, … and `durationS`.
  ///
  /// - Parameters:
  ///   - initial: the initial GCRF state.
  ///   - settings: forces, integrator, tolerances, spacecraft.
  ///   - durationS: run length (s, > 0).
  ///   - stepS: output step (s, > 0).
  ///   - maneuvers: impulsive and finite burns.
  ///   - events: events to locate (recorded; terminal ones stop the run).
  ///   - dryMassKg: dry mass (kg): a maneuver that needs more propellant fails.
  /// - Throws: `NumericalRunError`.
  public static func run(
    initial: CartesianState, settings: NumericalSettings, durationS: Double, stepS: Double,
    maneuvers: [ManeuverSpec] = [], events: [EventSpec] = [], dryMassKg: Double = 0
  ) throws(NumericalRunError) -> NumericalRun {
    if let problem = settings.combinationProblem { throw .invalidSettings(problem) }
    let body = settings.body.body
    let conservative = ConservativeForces(settings.forces, body: body)
    let properties = settings.spacecraft.properties
    let start = initial.epoch
    // Tabulated Earth orientation over the arc (hourly nodes; 2.5e-11 rad from the direct
    // reduction, ~18x cheaper per derivative), with an hour of margin each side.
    let earth = EarthOrientationModel(tabulatedFrom: start - 3600, to: start + durationS + 3600)
    var job = Job(
      initial: initial, settings: settings, durationS: durationS, stepS: stepS, radius: body.equatorialRadius,
      maneuvers: maneuvers, events: events, dryMassKg: dryMassKg)
    let hasFinite = maneuvers.contains { if case .finite = $0.kind { true } else { false } }
    if settings.integrator == .sc11 {
      let limit = StormerCowell<TwoBodyDynamics>.maximumStep(
        position: initial.position, velocity: initial.velocity, gravitationalParameter: body.gravitationalParameter)
      if !(settings.fixedStepS <= limit) {
        func seconds(_ x: Double) -> String {
          x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : NumberFormat.shortest(x)
        }
        throw .invalidSettings(
          "sc11 (Störmer–Cowell) is unstable at a \(seconds(settings.fixedStepS)) s step on this orbit; use at most \(seconds((limit * 10).rounded(.down) / 10)) s (0.1 rad of the perigee angular rate)")
      }
    }
    if hasFinite && settings.integrator.needsVelocityIndependentForces {
      throw .invalidSettings("\(settings.integrator.displayName) cannot integrate finite burns (thrust with mass flow); use dp87 or dp54")
    }
    switch (settings.integrator, settings.forces.drag) {
    case (.rkn1210, nil):
      let d = ForceModelSecondOrderDynamics(forces: conservative, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try job.integrate(d, RungeKuttaNystrom1210())
    case (.sc11, nil):
      let d = ForceModelSecondOrderDynamics(forces: conservative, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try job.integrate(d, StormerCowell())
    case (.rkn1210, _?), (.sc11, _?):
      throw .invalidSettings(settings.combinationProblem ?? "\(settings.integrator.displayName) with drag")
    case (let method, nil):
      let d = ForceModelDynamics(forces: conservative, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try job.integrate(d, method)
    case (let method, .harrisPriester?):
      let forces = DraggedForces(conservative: conservative, drag: AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere()))
      let d = ForceModelDynamics(forces: forces, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try job.integrate(d, method)
    case (let method, .exponential?):
      let forces = DraggedForces(conservative: conservative, drag: AtmosphericDrag(atmosphere: ExponentialAtmosphere()))
      let d = ForceModelDynamics(forces: forces, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try job.integrate(d, method)
    }
    return job.run
  }

  /// One run: inputs and the collected output.
  struct Job {
    var initial: CartesianState
    var settings: NumericalSettings
    var times: [Double]
    var stepS: Double
    var radius: Double
    var maneuvers: [ManeuverSpec]
    var events: [EventSpec]
    var dryMassKg: Double
    var next = 0
    var run = NumericalRun(
      timesS: [], positions: [], velocities: [], masses: [], acceptedSteps: 0, rejectedSteps: 0, evaluations: 0,
      events: [], stoppedAtS: nil)

    init(
      initial: CartesianState, settings: NumericalSettings, durationS: Double, stepS: Double, radius: Double,
      maneuvers: [ManeuverSpec], events: [EventSpec], dryMassKg: Double
    ) {
      var t: [Double] = []
      let count = Int((durationS / stepS).rounded(.down))
      for i in 0...count {
        let x = Double(i) * stepS
        if x > durationS { break }
        t.append(x)
      }
      if let last = t.last, durationS - last > 1e-9 { t.append(durationS) }
      times = t
      self.initial = initial
      self.settings = settings
      self.stepS = stepS
      self.radius = radius
      self.maneuvers = maneuvers
      self.events = events
      self.dryMassKg = dryMassKg
    }

    /// Records `y` at `t` if `t` is the next grid time (within 1 µs).
    mutating func offer(_ t: Double, _ y: OrbitState) {
      guard next < times.count, abs(t - times[next]) <= 1e-6 else { return }
      run.timesS.append(times[next])
      run.positions.append(y.position)
      run.velocities.append(y.velocity)
      run.masses.append(y.mass)
      next += 1
    }

    /// The detectors: `events` first, then the impulsive maneuvers (sources kept in order).
    func detectors() -> (list: [any EventDetector], sources: [String]) {
      var list: [any EventDetector] = []
      var sources: [String] = []
      for (i, e) in events.enumerated() {
        list.append(e.detector)
        sources.append("events[\(i)]")
      }
      for (i, m) in maneuvers.enumerated() {
        if case .impulsive(let t, let dv, let axes, let isp) = m.kind {
          list.append(ImpulsiveManeuver(at: initial.epoch + t, deltaV: dv, axes: axes, isp: isp, dryMass: dryMassKg))
          sources.append("maneuvers[\(i)]")
        }
      }
      return (list, sources)
    }

    var finiteBurns: [FiniteBurn] {
      maneuvers.compactMap { m in
        guard case .finite(let start, let thrust, let isp, let direction, let axes, let extent) = m.kind else { return nil }
        return FiniteBurn(thrust: thrust, isp: isp, direction: direction, axes: axes, start: initial.epoch + start, extent: extent)
      }
    }

    mutating func integrate<D: ODESystem>(_ dynamics: D, _ method: IntegratorKind) throws(NumericalRunError)
    where D.State == OrbitState {
      let burns = finiteBurns
      if !burns.isEmpty {
        let wrapped: ManeuveringDynamics<D>
        do throws(PropagationError) {
          wrapped = try ManeuveringDynamics(base: dynamics, burns: burns, dryMass: dryMassKg)
        } catch {
          throw .propagation(error)
        }
        try integrateAny(wrapped, method)
      } else {
        try integrateAny(dynamics, method)
      }
    }

    mutating func integrateAny<D: ODESystem>(_ dynamics: D, _ method: IntegratorKind) throws(NumericalRunError)
    where D.State == OrbitState {
      switch method {
      case .rk4: try integrate(dynamics, RungeKutta4<D>())
      case .dp54: try integrate(dynamics, DormandPrince54<D>())
      case .dp87, .rkn1210, .sc11: try integrate(dynamics, DormandPrince87<D>())
      }
    }

    mutating func integrate<D: ODESystem, M: Integrator>(_ dynamics: D, _ method: M) throws(NumericalRunError)
    where D.State == OrbitState, M.System == D {
      let (detectors, sources) = self.detectors()
      let propagator = NumericalPropagator(dynamics: dynamics, integrator: method, options: settings.options, detectors: detectors)
      let start = initial.epoch
      let end = times.last ?? 0
      var session: PropagationSession<D, M>
      do throws(PropagationError) {
        session = try propagator.session(from: initial, mass: settings.spacecraft.massKg)
      } catch {
        throw .propagation(error)
      }
      var lowest = Double.infinity
      var lowestTime = 0.0
      let outcome: PropagationOutcome
      do throws(PropagationError) {
        outcome = try session.propagate(to: start + end, outputStep: stepS) { epoch, y in
          let t = epoch - start
          let r = y.position.norm
          if r < lowest {
            lowest = r
            lowestTime = t
          }
          self.offer(t, y)
        }
      } catch {
        throw .propagation(error)
      }
      run.acceptedSteps = session.acceptedSteps
      run.rejectedSteps = session.rejectedSteps
      run.evaluations = session.evaluationCount
      run.events = session.events.map { e in
        LocatedEvent(
          timeS: e.epoch - start, kind: e.kind.rawValue,
          source: e.detectorIndex < sources.count ? sources[e.detectorIndex] : "detector \(e.detectorIndex)", state: e.state)
      }
      switch outcome {
      case .reachedTarget:
        break
      case .stepLimit:
        throw .stepLimit(atS: session.time)
      case .impact(let e):
        throw .impact(atS: e.epoch - start, altitudeKm: 0)
      case .stoppedByEvent(let e):
        let t = e.epoch - start
        run.stoppedAtS = t
        // Report the stop state as the last output.
        if run.timesS.last.map({ $0 < t }) ?? true {
          run.timesS.append(t)
          run.positions.append(e.state.position)
          run.velocities.append(e.state.velocity)
          run.masses.append(e.state.mass)
        }
      }
      if lowest < radius { throw .impact(atS: lowestTime, altitudeKm: (lowest - radius) / 1000) }
    }
  }
}
