// Long-term decay with reboosts: numerical (Cowell) propagation under EGM96, Sun/Moon and
// NRLMSISE-00 drag with the real space weather, reboosts as prograde finite burns with mass
// flow (scheduled at dates by Δv or Δa, or triggered when the daily mean altitude falls below a
// floor), and a daily mean-altitude series.
//
// The mean: at each requested instant the first-order J2 short-period part is removed from the
// osculating semi-major axis (`MeanSemiMajorAxis`) at `samplesPerOrbit` instants spaced evenly
// over the orbit ending there (one draconic period), and the values are averaged. The
// burns: Δv = v Δa/(2a) for a raise Δa (vis-viva, small-burn limit), duration from the rocket
// equation. References in the types' doc comments. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// How much a reboost adds.
public enum ReboostAmount: Hashable, Sendable {
  /// A velocity increment (m/s, > 0).
  case deltaV(Double)
  /// A rise in mean semi-major axis (m, > 0), converted to Δv = v Δa/(2a) at the burn.
  case raise(Double)
}

/// A reboost at a given epoch.
public struct ScheduledReboost: Hashable, Sendable {
  /// Ignition epoch.
  public var start: Epoch
  /// Δv or Δa.
  public var amount: ReboostAmount
  /// The thruster (nil: the simulation's default thruster).
  public var thruster: Thruster?

  /// A scheduled reboost.
  /// - Parameters:
  ///   - start: ignition epoch.
  ///   - amount: Δv (m/s) or Δa (m).
  ///   - thruster: the thruster, or nil for the simulation's.
  public init(start: Epoch, amount: ReboostAmount, thruster: Thruster? = nil) {
    self.start = start
    self.amount = amount
    self.thruster = thruster
  }
}

/// Reboost when the daily mean altitude falls below a floor.
public struct AltitudeFloorRule: Hashable, Sendable {
  /// The floor on the daily mean altitude (m above the WGS-72 equatorial radius).
  public var floor: Double
  /// The rise in mean semi-major axis each triggered reboost aims at (m).
  public var raise: Double

  /// A rule.
  /// - Parameters:
  ///   - floor: mean-altitude floor (m).
  ///   - raise: Δa per reboost (m, > 0).
  public init(floor: Double, raise: Double) {
    self.floor = floor
    self.raise = raise
  }
}

/// The force model and integrator settings of a decay run.
public struct DecayModelOptions: Hashable, Sendable {
  /// EGM96 degree (default 20).
  public var gravityDegree: Int = 20
  /// EGM96 order (default 20).
  public var gravityOrder: Int = 20
  /// Sun and Moon as third bodies (default on).
  public var sunAndMoon: Bool = true
  /// Space-weather fallback for dates after the built-in table (default nil: such dates are an
  /// error, reported before the run).
  public var spaceWeatherFallback: SpaceWeatherFallback? = nil
  /// Position tolerance per step of the DP8(7) integrator (m); the velocity tolerance is
  /// 1e-3 of it per second (default 1 m).
  public var tolerance: Double = 1.0
  /// Largest step (s; default 300 s).
  public var maxStep: Double = 300
  /// Osculating samples per orbit averaged into each mean value (default 8).
  public var samplesPerOrbit: Int = 8

  /// The defaults: EGM96 20×20, Sun and Moon, NRLMSISE-00 with the built-in space weather, no
  /// fallback, DP8(7) at 1 m, 8 samples per orbit.
  public init() {}
}

/// A decay run's failure.
public enum DecayError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A parameter is unusable (`what` names it).
  case invalidParameter(String)
  /// The space weather does not cover the run and no fallback was given.
  case spaceWeather(SpaceWeatherError)
  /// The reboost at `epoch` needs more propellant than is left.
  case insufficientPropellant(epoch: Epoch, required: Double, available: Double)
  /// The numerical propagation failed.
  case propagation(PropagationError)

  /// A one-line message.
  public var description: String {
    switch self {
    case .invalidParameter(let what): "invalid decay-run parameter: \(what)"
    case .spaceWeather(let e): "\(e)"
    case .insufficientPropellant(let epoch, let required, let available):
      "reboost at \((try? epoch.iso8601(.utc, fractionDigits: 0)) ?? "?") needs \(Int(required.rounded())) kg of propellant, "
        + "\(Int(available.rounded())) kg left"
    case .propagation(let e): "propagation failed: \(e)"
    }
  }
}

/// One value of the daily series.
public struct DecayDay: Hashable, Sendable {
  /// Days since the start.
  public var day: Int
  /// The instant the mean refers to: the end of the averaged orbit (start + `day` days; day 0
  /// is averaged over the orbit that starts there).
  public var epoch: Epoch
  /// The mean semi-major axis (m), see `DecaySimulation`.
  public var meanSemiMajorAxis: Double
  /// Mass (kg).
  public var mass: Double
  /// Mean altitude (m): `meanSemiMajorAxis` − 6 378 135 m (the WGS-72 radius, as for element sets).
  public var meanAltitude: Double { meanSemiMajorAxis - SGP4MeanElements.equatorialRadius }
}

/// A reboost flown in the simulation.
public struct SimulatedReboost: Hashable, Sendable {
  /// Why it was flown.
  public enum Trigger: String, Hashable, Sendable {
    /// `DecaySimulation.scheduled`.
    case scheduled
    /// `DecaySimulation.floorRule`.
    case altitudeFloor = "altitude-floor"
  }

  /// Why it was flown.
  public var trigger: Trigger
  /// The thruster's name.
  public var thruster: String
  /// Ignition epoch.
  public var start: Epoch
  /// Burn duration (s).
  public var duration: Double
  /// Δv commanded (m/s).
  public var deltaV: Double
  /// Propellant used (kg).
  public var propellant: Double
  /// Mean semi-major axis over the orbit before ignition (m).
  public var meanSemiMajorAxisBefore: Double
  /// Mean semi-major axis over the orbit after cut-off (m).
  public var meanSemiMajorAxisAfter: Double
  /// The achieved rise in mean semi-major axis (m).
  public var deltaSemiMajorAxis: Double { meanSemiMajorAxisAfter - meanSemiMajorAxisBefore }
}

/// The outcome of a decay run.
public struct DecayResult: Hashable, Sendable {
  /// The daily series, day 0 … the last whole day.
  public var days: [DecayDay]
  /// The reboosts, in time order.
  public var reboosts: [SimulatedReboost]
  /// The final osculating state (GCRF) and mass (kg).
  public var finalState: CartesianState
  /// Final mass (kg).
  public var finalMass: Double
  /// Derivative evaluations (a measure of the work).
  public var derivativeEvaluations: Int
  /// Whether part of the run used the space-weather fallback (dates after the table).
  public var usedSpaceWeatherFallback: Bool
  /// The mean altitude loss per day averaged over the coasting days (m/day): the total decay
  /// between reboosts divided by the coasting days.
  public var meanDecayRate: Double {
    var loss = 0.0
    var count = 0
    for (a, b) in zip(days, days.dropFirst()) where !reboosts.contains(where: { $0.start > a.epoch && $0.start <= b.epoch }) {
      loss += a.meanSemiMajorAxis - b.meanSemiMajorAxis
      count += 1
    }
    return count > 0 ? loss / Double(count) : .nan
  }
}

/// A long decay simulation with reboosts.
///
/// Numerical propagation (DP8(7), Cowell) under EGM96 N×M (default 20×20), the Sun and Moon, and
/// drag in NRLMSISE-00 with the built-in daily space weather; the spacecraft is a cannonball of
/// drag area A, drag coefficient Cd and mass m (its ballistic coefficient m/(Cd A) is what decay
/// data calibrate). Reboosts are prograde (VNB +V) finite burns of a `Thruster` with mass flow,
/// either scheduled (epoch, Δv or Δa) or triggered by `floorRule`: when a day's mean altitude
/// is below the floor, a burn raising the mean semi-major axis by `raise` starts at that day's
/// mark.
///
/// **Mean altitude.** The mean semi-major axis at an instant t is the average of
/// `MeanSemiMajorAxis.fromOsculating` (osculating a less its first-order J2 short-period term)
/// at `samplesPerOrbit` instants evenly spaced over the draconic period ending at t, which
/// removes what the J2 correction leaves at the orbit frequency and its first harmonics (J3,
/// tesserals). Mean altitude = mean a − 6 378 135 m (WGS-72, as `HistorySample.meanAltitude`),
/// so the series compares with element-set histories (SGP4 Brouwer mean a). Day 0 averages the
/// first orbit after the start; a window that would reach back before the start or the end of
/// the previous burn uses only its samples after it.
///
/// References: Montenbruck & Gill, Satellite Orbits (2000), §3.2–3.5, §3.8; Picone et al. (2002)
/// (NRLMSISE-00); Kozai (1959) (short-period a); Vallado (2013) §6 (Δv = vΔa/(2a)); Curtis
/// (2014) §6.1 (rocket equation).
public struct DecaySimulation: Sendable {
  /// The initial osculating state (GCRF).
  public var initialState: CartesianState
  /// Initial mass (kg).
  public var mass: Double
  /// Drag area (m²).
  public var dragArea: Double
  /// Drag coefficient.
  public var dragCoefficient: Double
  /// The default reboost thruster.
  public var thruster: Thruster
  /// Propellant available for reboosts (kg; nil: unlimited).
  public var propellant: Double?
  /// Run length (days, whole).
  public var days: Int
  /// Reboosts at dates (those after the end of the run are not flown).
  public var scheduled: [ScheduledReboost]
  /// Reboosts when the daily mean altitude falls below a floor.
  public var floorRule: AltitudeFloorRule?
  /// Force model and integrator settings.
  public var model: DecayModelOptions

  /// A simulation.
  /// - Parameters:
  ///   - initialState: osculating state in GCRF (m, m/s).
  ///   - mass: initial mass (kg).
  ///   - dragArea: drag area (m²).
  ///   - dragCoefficient: drag coefficient.
  ///   - thruster: the default reboost thruster.
  ///   - propellant: propellant available (kg; nil unlimited).
  ///   - days: run length (whole days, ≥ 1).
  ///   - scheduled: reboosts at dates.
  ///   - floorRule: reboosts below an altitude floor.
  ///   - model: force model and integrator settings.
  public init(
    initialState: CartesianState, mass: Double, dragArea: Double, dragCoefficient: Double,
    thruster: Thruster, propellant: Double? = nil, days: Int, scheduled: [ScheduledReboost] = [],
    floorRule: AltitudeFloorRule? = nil, model: DecayModelOptions = DecayModelOptions()
  ) {
    self.initialState = initialState
    self.mass = mass
    self.dragArea = dragArea
    self.dragCoefficient = dragCoefficient
    self.thruster = thruster
    self.propellant = propellant
    self.days = days
    self.scheduled = scheduled
    self.floorRule = floorRule
    self.model = model
  }

  /// Ballistic coefficient m/(Cd A) at the start (kg/m²).
  public var ballisticCoefficient: Double { mass / (dragCoefficient * dragArea) }

  /// Checks the parameters and the space-weather coverage.
  /// - Throws: `DecayError.invalidParameter` or `.spaceWeather`.
  public func validate() throws(DecayError) {
    func positive(_ x: Double, _ what: String) throws(DecayError) {
      guard x.isFinite, x > 0 else { throw .invalidParameter("\(what) must be a positive number") }
    }
    guard initialState.isFinite, initialState.frame == .gcrf else {
      throw .invalidParameter("the initial state must be a finite GCRF state")
    }
    try positive(mass, "mass")
    try positive(dragArea, "drag area")
    try positive(dragCoefficient, "drag coefficient")
    try positive(thruster.thrust, "thrust")
    try positive(thruster.specificImpulse, "specific impulse")
    if let propellant { guard propellant >= 0, propellant < mass else { throw .invalidParameter("propellant must be in 0…mass") } }
    guard days >= 1, days <= 3660 else { throw .invalidParameter("days must be 1…3660") }
    guard model.gravityDegree >= 2, model.gravityDegree <= 360, model.gravityOrder >= 0,
      model.gravityOrder <= model.gravityDegree
    else { throw .invalidParameter("gravity degree/order must satisfy 2 ≤ N ≤ 360, 0 ≤ M ≤ N") }
    try positive(model.tolerance, "tolerance")
    try positive(model.maxStep, "max step")
    guard model.samplesPerOrbit >= 1, model.samplesPerOrbit <= 1000 else {
      throw .invalidParameter("samples per orbit must be 1…1000")
    }
    let end = initialState.epoch + Double(days) * 86_400
    for (i, s) in scheduled.enumerated() {
      switch s.amount {
      case .deltaV(let v): try positive(v, "reboosts[\(i)] Δv")
      case .raise(let a): try positive(a, "reboosts[\(i)] Δa")
      }
      guard s.start - initialState.epoch >= 0 else {
        throw .invalidParameter("reboosts[\(i)] starts before the run")
      }
    }
    if let floorRule {
      guard floorRule.floor.isFinite else { throw .invalidParameter("the altitude floor must be finite") }
      try positive(floorRule.raise, "the floor rule's raise")
    }
    let weather = SpaceWeather(fallback: model.spaceWeatherFallback)
    do {
      _ = try weather.indices(at: initialState.epoch)
      _ = try weather.indices(at: end + 86_400)
    } catch { throw .spaceWeather(error) }
  }

  /// Runs the simulation.
  /// - Returns: the daily series, the reboosts and the final state.
  /// - Throws: `DecayError`.
  public func run() throws(DecayError) -> DecayResult {
    try validate()
    var engine = DecayEngine(self)
    return try engine.run()
  }
}

/// The mutable part of a run: the session, the pole, counters.
struct DecayEngine {
  typealias Base = ForceModelDynamics<DecayForces>
  typealias Dyn = ManeuveringDynamics<Base>
  typealias Session = PropagationSession<Dyn, DormandPrince87<Dyn>>

  let sim: DecaySimulation
  let forces: DecayForces
  let orientation: EarthOrientationModel
  let options: IntegratorOptions
  let start: Epoch
  var session: Session? = nil
  var evaluations = 0
  var propellantLeft: Double
  /// The earliest time (s since start) a trailing window may reach back to.
  var windowFloor = 0.0

  init(_ sim: DecaySimulation) {
    self.sim = sim
    start = sim.initialState.epoch
    let weather = SpaceWeather(fallback: sim.model.spaceWeatherFallback)
    forces = DecayForces(
      degree: sim.model.gravityDegree, order: sim.model.gravityOrder, sunAndMoon: sim.model.sunAndMoon,
      atmosphere: NRLMSISE00(spaceWeather: weather))
    orientation = EarthOrientationModel(
      tabulatedFrom: start - 86_400, to: start + Double(sim.days + 2) * 86_400)
    let tol = sim.model.tolerance
    options = IntegratorOptions(
      tolerance: IntegrationTolerance(position: tol, velocity: tol * 1e-3, mass: 1e-3),
      maxStep: sim.model.maxStep)
    propellantLeft = sim.propellant ?? .infinity
  }

  /// Starts a new session at `epoch` from `state` with `burns`.
  mutating func restart(at epoch: Epoch, state: OrbitState, burns: [FiniteBurn]) throws(DecayError) {
    if let session { evaluations += session.evaluationCount }
    let base = ForceModelDynamics(
      forces: forces, referenceEpoch: epoch,
      properties: SpacecraftProperties(dragArea: sim.dragArea, dragCoefficient: sim.dragCoefficient),
      earthOrientation: orientation)
    let dryMass = propellantLeft.isFinite ? max(0, state.mass - propellantLeft) : 0
    do throws(PropagationError) {
      let dyn = try ManeuveringDynamics(base: base, burns: burns, dryMass: dryMass)
      let propagator = NumericalPropagator(dynamics: dyn, integrator: DormandPrince87<Dyn>(), options: options)
      session = try propagator.session(from: epoch, frame: .gcrf, state: state)
    } catch {
      throw .propagation(error)
    }
  }

  /// Propagates to `t` (s since start).
  mutating func advance(to t: Double) throws(DecayError) {
    guard var s = session else { return }
    session = nil
    do throws(PropagationError) {
      _ = try s.propagate(to: start + t)
    } catch {
      if case .insufficientPropellant(let epoch, let required, let available) = error {
        throw .insufficientPropellant(epoch: epoch, required: required, available: available)
      }
      throw .propagation(error)
    }
    session = s
  }

  var time: Double { session.map { $0.epoch - start } ?? 0 }
  var state: OrbitState { session!.state }

  /// The single-instant mean semi-major axis of the current state (m).
  func instantMean() -> Double {
    let s = session!
    let pole = MeanSemiMajorAxis.pole(at: s.epoch, model: orientation)
    return MeanSemiMajorAxis.fromOsculating(position: s.state.position, velocity: s.state.velocity, pole: pole)
  }

  /// The draconic period (s) for the current state's mean a: 2π/(n + dM/dt + dω/dt) with the
  /// J2 secular rates (Vallado (2013) §9.6, eqs. for Ṁ and ω̇).
  func draconicPeriod(meanA a: Double) -> Double {
    let body = CentralBody.egm96
    let mu = body.gravitationalParameter
    let n = (mu / (a * a * a)).squareRoot()
    let s = session!
    let h = s.state.position.cross(s.state.velocity)
    let pole = MeanSemiMajorAxis.pole(at: s.epoch, model: orientation)
    let c = h.dot(pole) / h.norm
    let k = 0.75 * n * body.j2 * (body.equatorialRadius / a) * (body.equatorialRadius / a)
    let rate = n + k * (3 * c * c - 1) + k * (5 * c * c - 1)
    return 2 * Double.pi / rate
  }

  /// The mean over the orbit ending at `t` (trailing) or starting at `t` (leading).
  mutating func windowMean(at t: Double, leading: Bool) throws(DecayError) -> Double {
    let k = sim.model.samplesPerOrbit
    let period = draconicPeriod(meanA: instantMean())
    var sum = 0.0
    var count = 0
    for j in 0..<k {
      let ts = leading ? t + period * Double(j) / Double(k) : t - period * Double(k - 1 - j) / Double(k)
      if ts < time || ts < windowFloor { continue }
      try advance(to: ts)
      sum += instantMean()
      count += 1
    }
    if count == 0 {
      try advance(to: max(t, time))
      return instantMean()
    }
    return sum / Double(count)
  }

  /// Flies a prograde burn of Δv (m/s) starting now; returns its record (before/after means).
  mutating func fly(
    deltaV: Double, thruster: Thruster, trigger: SimulatedReboost.Trigger, meanBefore: Double
  ) throws(DecayError) -> SimulatedReboost {
    let ignition = start + time
    let m0 = state.mass
    let burn = FiniteBurn(
      thrust: thruster.thrust, isp: thruster.specificImpulse, direction: Vector3(1, 0, 0), axes: .vnb,
      start: ignition, extent: .deltaV(deltaV))
    let duration = burn.duration(startMass: m0)
    let needed = m0 - RocketEquation.finalMass(initialMass: m0, deltaV: deltaV, isp: thruster.specificImpulse)
    guard needed <= propellantLeft * (1 + 1e-12) else {
      throw .insufficientPropellant(epoch: ignition, required: needed, available: propellantLeft)
    }
    try restart(at: ignition, state: state, burns: [burn])
    let cutoff = time + duration
    try advance(to: cutoff)
    let used = m0 - state.mass
    if propellantLeft.isFinite { propellantLeft -= used }
    windowFloor = cutoff
    let after = try windowMean(at: cutoff, leading: true)
    return SimulatedReboost(
      trigger: trigger, thruster: thruster.name, start: ignition, duration: duration, deltaV: deltaV,
      propellant: used, meanSemiMajorAxisBefore: meanBefore, meanSemiMajorAxisAfter: after)
  }

  /// Δv (m/s) for a rise Δa (m) at mean a (m): v Δa/(2a).
  static func deltaV(raise: Double, meanA a: Double) -> Double {
    let v = (CentralBody.egm96.gravitationalParameter / a).squareRoot()
    return v * raise / (2 * a)
  }

  mutating func run() throws(DecayError) -> DecayResult {
    let s0 = sim.initialState
    try restart(
      at: start, state: OrbitState(position: s0.position, velocity: s0.velocity, mass: sim.mass), burns: [])
    var days: [DecayDay] = []
    var reboosts: [SimulatedReboost] = []
    let day0 = try windowMean(at: 0, leading: true)
    days.append(DecayDay(day: 0, epoch: start, meanSemiMajorAxis: day0, mass: sim.mass))
    let plan = sim.scheduled.sorted { $0.start < $1.start }
    var next = 0
    for d in 1...sim.days {
      let mark = Double(d) * 86_400
      while next < plan.count, plan[next].start - start <= mark {
        let r = plan[next]
        next += 1
        let tb = max(r.start - start, time)
        let before = try windowMean(at: tb, leading: false)
        try advance(to: tb)
        let dv: Double
        switch r.amount {
        case .deltaV(let v): dv = v
        case .raise(let da): dv = Self.deltaV(raise: da, meanA: before)
        }
        reboosts.append(try fly(deltaV: dv, thruster: r.thruster ?? sim.thruster, trigger: .scheduled, meanBefore: before))
      }
      let mean = try windowMean(at: max(mark, time), leading: false)
      try advance(to: max(mark, time))
      days.append(DecayDay(day: d, epoch: start + mark, meanSemiMajorAxis: mean, mass: state.mass))
      if let rule = sim.floorRule, d < sim.days, mean - SGP4MeanElements.equatorialRadius < rule.floor {
        let dv = Self.deltaV(raise: rule.raise, meanA: mean)
        reboosts.append(try fly(deltaV: dv, thruster: sim.thruster, trigger: .altitudeFloor, meanBefore: mean))
      }
    }
    let s = session!
    evaluations += s.evaluationCount
    let weather = SpaceWeather()
    let covered = (try? weather.indices(at: start + Double(sim.days) * 86_400)) != nil
    return DecayResult(
      days: days, reboosts: reboosts,
      finalState: CartesianState(epoch: s.epoch, frame: .gcrf, position: s.state.position, velocity: s.state.velocity),
      finalMass: s.state.mass, derivativeEvaluations: evaluations, usedSpaceWeatherFallback: !covered)
  }
}
