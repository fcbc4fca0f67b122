import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An impulsive velocity change at a time of the run.
public struct ImpulsiveBurn: Sendable, Equatable {
  /// Axes the Δv is given in.
  public enum Axes: String, Sendable, Equatable, CaseIterable {
    /// GCRF axes.
    case inertial
    /// Local vertical, local horizontal (CCSDS/ISS convention; see `LocalOrbitalFrame.lvlh`).
    case lvlh
    /// Radial, transverse, normal.
    case rtn
    /// Velocity, normal, binormal.
    case vnb

    /// The OrbitCore local frame, nil for inertial axes.
    public var localFrame: LocalOrbitalFrame? {
      switch self {
      case .inertial: nil
      case .lvlh: .lvlh
      case .rtn: .rtn
      case .vnb: .vnb
      }
    }
  }

  /// Time of the burn (s since the run's start epoch).
  public var timeS: Double
  /// Δv (m/s) in `axes`.
  public var deltaVMPerS: SIMD3<Double>
  /// The axes of `deltaVMPerS`.
  public var axes: Axes
  /// Specific impulse (s) for the propellant mass (rocket equation), or nil for a massless burn.
  public var ispS: Double?
  /// A label for reports.
  public var name: String

  /// A burn from its parts.
  public init(timeS: Double, deltaVMPerS: SIMD3<Double>, axes: Axes, ispS: Double? = nil, name: String = "") {
    self.timeS = timeS
    self.deltaVMPerS = deltaVMPerS
    self.axes = axes
    self.ispS = ispS
    self.name = name
  }

  /// Standard gravity g₀ (m/s²), for Isp: 9.80665 (CGPM 1901).
  public static let standardGravity = 9.80665

  /// The GCRF Δv (m/s) for a state with `position` and `velocity`.
  public func inertialDeltaV(position: Vector3, velocity: Vector3) -> Vector3 {
    guard let frame = axes.localFrame else { return deltaVMPerS }
    return frame.rotation(position: position, velocity: velocity).transposed * deltaVMPerS
  }
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
  /// The burns applied, with their GCRF Δv (m/s) and the mass after each (kg).
  public var appliedBurns: [(burn: ImpulsiveBurn, deltaV: Vector3, massAfter: Double)]

  public static func == (a: NumericalRun, b: NumericalRun) -> Bool {
    a.timesS == b.timesS && a.positions == b.positions && a.velocities == b.velocities && a.masses == b.masses
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
    case .impact(let t, let h):
      return "impact: the orbit is \(NumberFormat.fixed(h, digits: 3)) km above the equatorial radius (below the surface) at t = \(NumberFormat.shortest(t)) s"
    }
  }
}

/// Runs a numerical (Cowell) propagation with settings chosen at run time and returns the
/// states on the output grid, taken from the integrator's dense output (steps are not shortened
/// to hit the grid, except once after an impulsive burn to reach the next grid time).
public enum NumericalRunner {
  /// Propagates `initial` (GCRF, m, m/s) over [0, `durationS`] and reports the states at
  /// 0, step, 2·step, … and `durationS`.
  ///
  /// - Parameters:
  ///   - initial: the initial GCRF state.
  ///   - settings: forces, integrator, tolerances, spacecraft.
  ///   - durationS: run length (s, > 0).
  ///   - stepS: output step (s, > 0).
  ///   - burns: impulsive burns, applied in time order (a burn at an output time is applied
  ///     after that output is reported).
  /// - Throws: `NumericalRunError`.
  public static func run(
    initial: CartesianState, settings: NumericalSettings, durationS: Double, stepS: Double,
    burns: [ImpulsiveBurn] = []
  ) throws(NumericalRunError) -> NumericalRun {
    if let problem = settings.combinationProblem { throw .invalidSettings(problem) }
    let body = settings.body.body
    let conservative = ConservativeForces(settings.forces, body: body)
    let properties = settings.spacecraft.properties
    let start = initial.epoch
    // Tabulated Earth orientation over the arc (hourly nodes; 2.5e-11 rad from the direct
    // reduction, ~18x cheaper per derivative), with an hour of margin each side.
    let earth = EarthOrientationModel(tabulatedFrom: start - 3600, to: start + durationS + 3600)
    var sink = Sink(durationS: durationS, stepS: stepS, radius: body.equatorialRadius)
    switch (settings.integrator, settings.forces.drag) {
    case (.rkn1210, nil):
      let d = ForceModelSecondOrderDynamics(forces: conservative, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try integrate(d, RungeKuttaNystrom1210(), settings, initial, burns, &sink)
    case (.rkn1210, _?):
      throw .invalidSettings(settings.combinationProblem ?? "rkn1210 with drag")
    case (let method, nil):
      let d = ForceModelDynamics(forces: conservative, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try integrate(d, method, settings, initial, burns, &sink)
    case (let method, .harrisPriester?):
      let forces = DraggedForces(conservative: conservative, drag: AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere()))
      let d = ForceModelDynamics(forces: forces, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try integrate(d, method, settings, initial, burns, &sink)
    case (let method, .exponential?):
      let forces = DraggedForces(conservative: conservative, drag: AtmosphericDrag(atmosphere: ExponentialAtmosphere()))
      let d = ForceModelDynamics(forces: forces, referenceEpoch: start, properties: properties, earthOrientation: earth)
      try integrate(d, method, settings, initial, burns, &sink)
    }
    return sink.run
  }

  /// Collects grid states.
  struct Sink {
    var times: [Double]
    var stepS: Double
    var radius: Double
    var next = 0
    var run = NumericalRun(
      timesS: [], positions: [], velocities: [], masses: [], acceptedSteps: 0, rejectedSteps: 0, evaluations: 0,
      appliedBurns: [])

    init(durationS: Double, stepS: Double, radius: Double) {
      var t: [Double] = []
      let count = Int((durationS / stepS).rounded(.down))
      for i in 0...count {
        let x = Double(i) * stepS
        if x > durationS { break }
        t.append(x)
      }
      if let last = t.last, durationS - last > 1e-9 { t.append(durationS) }
      times = t
      self.stepS = stepS
      self.radius = radius
    }

    /// The next grid time not yet reported, or nil.
    var nextTime: Double? { next < times.count ? times[next] : nil }

    /// Records `y` at `t` if `t` is the next grid time (within 1 µs; grid times reached by a
    /// different multiplication differ by ulps).
    mutating func offer(_ t: Double, _ y: OrbitState) {
      guard let want = nextTime, abs(t - want) <= 1e-6 else { return }
      run.timesS.append(want)
      run.positions.append(y.position)
      run.velocities.append(y.velocity)
      run.masses.append(y.mass)
      next += 1
    }
  }

  static func integrate<D: ODESystem>(
    _ dynamics: D, _ method: IntegratorKind, _ settings: NumericalSettings, _ initial: CartesianState,
    _ burns: [ImpulsiveBurn], _ sink: inout Sink
  ) throws(NumericalRunError) where D.State == OrbitState {
    switch method {
    case .rk4: try integrate(dynamics, RungeKutta4<D>(), settings, initial, burns, &sink)
    case .dp54: try integrate(dynamics, DormandPrince54<D>(), settings, initial, burns, &sink)
    case .dp87, .rkn1210: try integrate(dynamics, DormandPrince87<D>(), settings, initial, burns, &sink)
    }
  }

  /// Integrates arc by arc (arcs end at burns), reporting grid states from dense output.
  static func integrate<D: ODESystem, M: Integrator>(
    _ dynamics: D, _ method: M, _ settings: NumericalSettings, _ initial: CartesianState,
    _ burns: [ImpulsiveBurn], _ sink: inout Sink
  ) throws(NumericalRunError) where D.State == OrbitState, M.System == D {
    let propagator = NumericalPropagator(dynamics: dynamics, integrator: method, options: settings.options)
    let start = initial.epoch
    let end = sink.times.last ?? 0
    var state = OrbitState(position: initial.position, velocity: initial.velocity, mass: settings.spacecraft.massKg)
    var arcStart = 0.0
    let ordered = burns.filter { $0.timeS >= 0 && $0.timeS <= end }.sorted { $0.timeS < $1.timeS }
    var burnIndex = 0
    let radius = sink.radius
    while true {
      let arcEnd = burnIndex < ordered.count ? ordered[burnIndex].timeS : end
      var session: PropagationSession<D, M>
      do throws(NumericalPropagationError) {
        session = try propagator.session(from: start + arcStart, frame: .gcrf, state: state)
      } catch {
        throw .propagation(error)
      }
      if arcEnd > arcStart {
        // Reach the first grid time of the arc (one shortened step unless the arc starts on it).
        if let g = sink.nextTime, g > arcStart + 1e-6, g <= arcEnd {
          try advance(&session, to: start + g, arcStart: arcStart)
          sink.offer(g, session.state)
        }
        var lowest = Double.infinity
        var lowestTime = 0.0
        let outcome: PropagationOutcome
        do throws(NumericalPropagationError) {
          outcome = try session.propagate(to: start + arcEnd, outputStep: sink.stepS) { epoch, y in
            let t = epoch - start
            let r = y.position.norm
            if r < lowest {
              lowest = r
              lowestTime = t
            }
            sink.offer(t, y)
          }
        } catch {
          throw .propagation(error)
        }
        if lowest < radius { throw .impact(atS: lowestTime, altitudeKm: (lowest - radius) / 1000) }
        if case .stepLimit = outcome { throw .stepLimit(atS: session.time + arcStart) }
      } else {
        sink.offer(arcStart, state)
      }
      sink.run.acceptedSteps += session.acceptedSteps
      sink.run.rejectedSteps += session.rejectedSteps
      sink.run.evaluations += session.evaluationCount
      state = session.state
      if burnIndex >= ordered.count { break }
      // Apply the burn.
      let burn = ordered[burnIndex]
      let dv = burn.inertialDeltaV(position: state.position, velocity: state.velocity)
      var mass = state.mass
      if let isp = burn.ispS {
        let after = mass * exp(-dv.norm / (isp * ImpulsiveBurn.standardGravity))
        mass = after
      }
      state = OrbitState(position: state.position, velocity: state.velocity + dv, mass: mass)
      sink.run.appliedBurns.append((burn, dv, mass))
      arcStart = burn.timeS
      burnIndex += 1
    }
  }

  static func advance<D: ODESystem, M: Integrator>(
    _ session: inout PropagationSession<D, M>, to target: Epoch, arcStart: Double
  ) throws(NumericalRunError) where D.State == OrbitState, M.System == D {
    let outcome: PropagationOutcome
    do throws(NumericalPropagationError) {
      outcome = try session.propagate(to: target)
    } catch {
      throw .propagation(error)
    }
    if case .stepLimit = outcome { throw .stepLimit(atS: session.time + arcStart) }
  }
}
