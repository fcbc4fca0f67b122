// Reboost planning: from the ISS state, a thruster, the mass and propellant and a goal, one or
// two prograde burns, refined on the numerical model.
//
// First guess (near-circular orbit, tangential thrust): da/dt = 2a²v/μ · F/m, so a rise Δa
// needs Δv = Δa · v/(2a), v = √(μ/a) (Gauss's variational equation; Vallado (2013) §9.3, eq.
// 9-24; Curtis (2014) §6.3). Propellant from the rocket equation. A phase goal uses the drift of
// the argument of latitude after a rise: Δn = −(3/2)(n/a)Δa (Vallado §6.6, phasing). The plan
// is then flown as finite burns (`ReboostPlan.simulate`) and Δv scaled by goal/achieved until
// the mean rise matches (secant on one parameter). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// Plans reboosts: one burn, or two half-burns half a revolution apart (which keeps the orbit
/// near-circular), prograde along +V (VNB), each as a finite burn with mass flow.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013), §6.3,
/// §6.6 and §9.3 (Gauss's equations); Curtis (2014) §6.1 (rocket equation).
public enum ReboostPlanner {
  /// The orbital period 2π√(a³/μ) of the osculating orbit of `state` (s).
  public static func period(of state: CartesianState, mu: Double) -> Double {
    let r = state.position.norm, v2 = state.velocity.dot(state.velocity)
    let a = 1 / (2 / r - v2 / mu)
    return 2 * Double.pi * (a * a * a / mu).squareRoot()
  }

  /// The GCRF state of a TLE at its epoch (SGP4, WGS-72, TEME → GCRF by the IAU-76/FK5
  /// reduction; no Earth-orientation data needed).
  ///
  /// - Parameter tle: the element set.
  /// - Throws: `.invalidState` when SGP4 fails or the epoch is before 1972.
  public static func initialState(from tle: TLE, data: TimeScaleData = .standard) throws(ReboostError) -> CartesianState {
    let sgp4: SGP4
    do throws(SGP4Error) { sgp4 = try SGP4(tle: tle) } catch { throw .invalidState(error.description) }
    let s: SGP4State
    switch sgp4.propagate(minutesSinceEpoch: 0) {
    case .success(let x): s = x
    case .failure(let e): throw .invalidState(e.description)
    }
    do throws(TimeError) {
      let epoch = try tle.epoch(data: data)
      let x = try FrameTransform.between(.teme, .gcrf, at: epoch, eop: .zero, data: data)
      let rv = x.apply(position: s.position * 1000, velocity: s.velocity * 1000)
      return CartesianState(epoch: epoch, frame: .gcrf, position: rv.position, velocity: rv.velocity)
    } catch {
      throw .invalidState(error.description)
    }
  }

  /// Plans burns that reach `goal`.
  ///
  /// - Parameters:
  ///   - initialState: the station's state (GCRF).
  ///   - mass: total mass at `initialState` (kg).
  ///   - propellant: propellant available to the thruster (kg).
  ///   - thruster: thrust and Isp (a preset or a custom value).
  ///   - goal: the rise, target mean altitude or phase.
  ///   - start: first ignition (default: 1.15 revolutions after `initialState`).
  ///   - burnCount: 1, or 2 for two half-Δv burns whose centres are half a revolution (plus
  ///     whole revolutions if the burns are long) apart.
  ///   - environment: the numerical model (default J2 + NRLMSISE-00, no space-weather fallback).
  ///   - refinements: how many simulate-and-correct iterations (default 2; 0 keeps the first
  ///     guess).
  /// - Returns: the plan (its `before` mean orbit measured on the model).
  /// - Throws: `.nonPositiveRise`, `.targetBelowCurrent`, `.insufficientPropellant`,
  ///   `.phaseDateTooEarly`, `.invalidInput`, `.spaceWeather`, `.propagation`.
  public static func plan(
    initialState: CartesianState, mass: Double, propellant: Double, thruster: Thruster, goal: ReboostGoal,
    start: Epoch? = nil, burnCount: Int = 1, environment: ReboostEnvironment = .standard, refinements: Int = 2
  ) throws(ReboostError) -> ReboostPlan {
    try validate(mass: mass, propellant: propellant, thruster: thruster, burnCount: burnCount)
    if case .raiseSemiMajorAxis(let d) = goal, !(d > 0) { throw .nonPositiveRise(d) }
    let mu = environment.gravitationalParameter
    let period = self.period(of: initialState, mu: mu)
    guard period.isFinite, period > 0, initialState.position.norm > MeanOrbit.referenceRadius else {
      throw .invalidState("not an elliptic orbit above the Earth's surface")
    }
    let s0 = start ?? initialState.epoch + 1.15 * period
    let before = try meanOrbitBefore(initialState, mass: mass, start: s0, environment: environment)
    let a0 = before.semiMajorAxis
    let n0 = (mu / (a0 * a0 * a0)).squareRoot()

    var rise: Double
    var phaseDate: Epoch? = nil
    var phaseTarget = 0.0
    switch goal {
    case .raiseSemiMajorAxis(let d):
      rise = d
    case .targetMeanAltitude(let h):
      rise = h - before.meanAltitude
      guard rise > 0 else { throw .targetBelowCurrent(target: h, current: before.meanAltitude) }
    case .phase(let u, let date):
      guard date - s0 > period else { throw .phaseDateTooEarly(date: date, start: s0) }
      phaseDate = date
      phaseTarget = u
      // Free drift to the date.
      let atStart = try ReboostPropagation.run(
        environment, from: initialState.epoch,
        state: OrbitState(position: initialState.position, velocity: initialState.velocity, mass: mass),
        to: s0, reference: s0).state
      let free = try ReboostPropagation.run(environment, from: s0, state: atStart, to: date, reference: s0).state
      let lag = positiveAngle(argumentOfLatitude(free.position, free.velocity) - u)
      rise = lag / (1.5 * n0 / a0 * (date - s0))
    }

    var deltaV = rise * (mu / a0).squareRoot() / (2 * a0)
    var plan = try makePlan(
      initialState: initialState, mass: mass, propellant: propellant, thruster: thruster, goal: goal,
      start: s0, deltaV: deltaV, burnCount: burnCount, period: period, environment: environment, before: before,
      rise: rise)
    guard refinements > 0 else { return plan }
    for _ in 0..<refinements {
      if let date = phaseDate {
        let result = try plan.simulate(through: date)
        // Back-propagate nothing: the run ends at `date` or later; take the state at `date`.
        let state = try stateAt(date, from: result, environment: environment)
        let residual = signedAngle(argumentOfLatitude(state.position, state.velocity) - phaseTarget)
        let centre = plan.burns[0].start + 0.5 * (plan.burns.last!.end - plan.burns[0].start)
        let correction = residual / (1.5 * n0 / a0 * (date - centre))
        if abs(residual) * a0 < 10 { break }
        rise += correction
        guard rise > 0 else { throw .nonPositiveRise(rise) }
        deltaV = rise * (mu / a0).squareRoot() / (2 * a0)
      } else {
        let achieved = try plan.simulate().semiMajorAxisChange
        if abs(achieved - rise) < 1 { break }
        guard achieved > 0 else { break }
        deltaV *= rise / achieved
      }
      plan = try makePlan(
        initialState: initialState, mass: mass, propellant: propellant, thruster: thruster, goal: goal,
        start: s0, deltaV: deltaV, burnCount: burnCount, period: period, environment: environment, before: before,
        rise: rise)
    }
    return plan
  }

  /// A plan that fires `thruster` for given durations from given starts (e.g. a reported burn,
  /// or the scheduled reboosts of a decay study), with `before` measured on the model.
  ///
  /// - Parameters:
  ///   - initialState: the station's state (GCRF).
  ///   - mass: total mass (kg).
  ///   - propellant: propellant available (kg).
  ///   - thruster: thrust and Isp.
  ///   - burns: (start, duration in s) of each burn, prograde.
  ///   - environment: the model.
  /// - Throws: as `plan`.
  public static func fixedBurns(
    initialState: CartesianState, mass: Double, propellant: Double, thruster: Thruster,
    burns: [(start: Epoch, duration: Double)], environment: ReboostEnvironment = .standard
  ) throws(ReboostError) -> ReboostPlan {
    try validate(mass: mass, propellant: propellant, thruster: thruster, burnCount: 1)
    guard let first = burns.min(by: { $0.start < $1.start }) else { throw .invalidInput("no burns given") }
    var list: [ReboostBurn] = []
    var m = mass
    var used = 0.0
    for b in burns.sorted(by: { $0.start < $1.start }) {
      guard b.duration > 0, b.duration.isFinite else { throw .invalidInput("burn duration must be > 0 s, got \(b.duration)") }
      let burn = ReboostBurn(
        start: b.start, duration: b.duration, thrust: thruster.thrust, specificImpulse: thruster.specificImpulse,
        startMass: m)
      list.append(burn)
      m -= burn.propellant
      used += burn.propellant
    }
    if used > propellant {
      throw .insufficientPropellant(required: used, available: propellant, deltaV: list.reduce(0) { $0 + $1.deltaV })
    }
    let before = try meanOrbitBefore(initialState, mass: mass, start: first.start, environment: environment)
    let mu = environment.gravitationalParameter
    let a0 = before.semiMajorAxis
    let dv = list.reduce(0) { $0 + $1.deltaV }
    let rise = 2 * a0 * dv / (mu / a0).squareRoot()
    return ReboostPlan(
      initialState: initialState, initialMass: mass, availablePropellant: propellant, thruster: thruster,
      goal: .raiseSemiMajorAxis(by: rise), burns: list, environment: environment, before: before, targetRise: rise)
  }

  // MARK: - Parts

  static func validate(mass: Double, propellant: Double, thruster: Thruster, burnCount: Int) throws(ReboostError) {
    guard mass > 0, mass.isFinite else { throw .invalidInput("mass must be > 0 kg, got \(mass)") }
    guard propellant >= 0, propellant < mass else {
      throw .invalidInput("propellant must be ≥ 0 kg and less than the mass (\(mass) kg), got \(propellant)")
    }
    guard thruster.thrust > 0, thruster.thrust.isFinite, thruster.specificImpulse > 0, thruster.specificImpulse.isFinite else {
      throw .invalidInput("thrust and Isp must be > 0 (thrust \(thruster.thrust) N, Isp \(thruster.specificImpulse) s)")
    }
    guard burnCount == 1 || burnCount == 2 else { throw .invalidInput("burn count must be 1 or 2, got \(burnCount)") }
  }

  /// Burns for a total Δv from `start`, checked against the propellant.
  static func makePlan(
    initialState: CartesianState, mass: Double, propellant: Double, thruster: Thruster, goal: ReboostGoal,
    start: Epoch, deltaV: Double, burnCount: Int, period: Double, environment: ReboostEnvironment,
    before: MeanOrbit, rise: Double
  ) throws(ReboostError) -> ReboostPlan {
    let isp = thruster.specificImpulse
    let needed = mass - RocketEquation.finalMass(initialMass: mass, deltaV: deltaV, isp: isp)
    guard needed <= propellant else {
      throw .insufficientPropellant(required: needed, available: propellant, deltaV: deltaV)
    }
    let flow = thruster.massFlowRate
    var burns: [ReboostBurn] = []
    if burnCount == 1 {
      burns.append(ReboostBurn(start: start, duration: needed / flow, thrust: thruster.thrust, specificImpulse: isp, startMass: mass))
    } else {
      let m1 = RocketEquation.finalMass(initialMass: mass, deltaV: deltaV / 2, isp: isp)
      let d1 = (mass - m1) / flow
      let m2 = RocketEquation.finalMass(initialMass: m1, deltaV: deltaV / 2, isp: isp)
      let d2 = (m1 - m2) / flow
      // Centres half a revolution apart (plus whole revolutions when the burns are long).
      var separation = 0.5 * period
      while separation - 0.5 * (d1 + d2) < 60 { separation += period }
      let centre2 = start + 0.5 * d1 + separation
      burns.append(ReboostBurn(start: start, duration: d1, thrust: thruster.thrust, specificImpulse: isp, startMass: mass))
      burns.append(ReboostBurn(start: centre2 - 0.5 * d2, duration: d2, thrust: thruster.thrust, specificImpulse: isp, startMass: m1))
    }
    return ReboostPlan(
      initialState: initialState, initialMass: mass, availablePropellant: propellant, thruster: thruster, goal: goal,
      burns: burns, environment: environment, before: before, targetRise: rise)
  }

  /// The mean orbit over the revolution that ends at `start`.
  static func meanOrbitBefore(
    _ initialState: CartesianState, mass: Double, start: Epoch, environment: ReboostEnvironment
  ) throws(ReboostError) -> MeanOrbit {
    let mu = environment.gravitationalParameter
    let period = self.period(of: initialState, mu: mu)
    let step = 10.0
    let lead = step * (1.15 * period / step).rounded(.up)
    let windowStart = start - lead
    _ = try environment.checkSpaceWeather(
      from: min(initialState.epoch, windowStart), to: max(initialState.epoch, start))
    let s = OrbitState(position: initialState.position, velocity: initialState.velocity, mass: mass)
    let atWindow = try ReboostPropagation.run(
      environment, from: initialState.epoch, state: s, to: windowStart, reference: windowStart).state
    let run = try ReboostPropagation.run(
      environment, from: windowStart, state: atWindow, to: start, sampleStep: step, reference: windowStart)
    guard let mean = MeanOrbit.average(run.samples, anchor: lead, forward: false, reference: windowStart, mu: mu) else {
      throw .invalidInput("cannot average the revolution before the burn")
    }
    return mean
  }

  /// The state at `date` (inside or at the end of a result's run).
  static func stateAt(_ date: Epoch, from result: ReboostResult, environment: ReboostEnvironment) throws(ReboostError) -> OrbitState {
    let f = result.finalState
    let s = OrbitState(position: f.position, velocity: f.velocity, mass: result.finalMass)
    if abs(f.epoch - date) < 1e-9 { return s }
    return try ReboostPropagation.run(environment, from: f.epoch, state: s, to: date, reference: date).state
  }

  /// Osculating argument of latitude (rad, [0, 2π)) of a GCRF state.
  public static func argumentOfLatitude(_ r: Vector3, _ v: Vector3) -> Double {
    let h = r.cross(v)
    let hn = h.norm
    var node = Vector3(-h.y, h.x, 0)
    let nn = node.norm
    node = nn > 0 ? node / nn : Vector3(1, 0, 0)
    let w = h.cross(node) / hn
    return positiveAngle(atan2(r.dot(w), r.dot(node)))
  }

  static func positiveAngle(_ x: Double) -> Double {
    var y = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if y < 0 { y += 2 * Double.pi }
    return y
  }

  static func signedAngle(_ x: Double) -> Double {
    var y = positiveAngle(x)
    if y > Double.pi { y -= 2 * Double.pi }
    return y
  }
}
