// A planned reboost and its simulation as finite burns with mass flow. Our own code.

import OrbitCore

/// A planned reboost: the burns, the state and mass they start from, and the model to fly them
/// on. `simulate()` flies them as finite burns with mass flow and measures the mean orbits.
///
/// References: Montenbruck & Gill (2000) §3.8 (finite burns); `MeanOrbit` (orbit averages).
public struct ReboostPlan: Sendable {
  /// The state the plan starts from (GCRF).
  public var initialState: CartesianState
  /// Mass at `initialState` (kg).
  public var initialMass: Double
  /// Propellant available for the burns (kg).
  public var availablePropellant: Double
  /// The thruster.
  public var thruster: Thruster
  /// The goal.
  public var goal: ReboostGoal
  /// The burns, in time order.
  public var burns: [ReboostBurn]
  /// The model.
  public var environment: ReboostEnvironment
  /// The mean orbit over the revolution before the first burn (as measured when planning).
  public var before: MeanOrbit
  /// The rise of the mean semi-major axis the burns aim at (m).
  public var targetRise: Double

  /// A plan from its parts (normally made by `ReboostPlanner.plan`).
  public init(
    initialState: CartesianState, initialMass: Double, availablePropellant: Double, thruster: Thruster,
    goal: ReboostGoal, burns: [ReboostBurn], environment: ReboostEnvironment, before: MeanOrbit,
    targetRise: Double
  ) {
    self.initialState = initialState
    self.initialMass = initialMass
    self.availablePropellant = availablePropellant
    self.thruster = thruster
    self.goal = goal
    self.burns = burns
    self.environment = environment
    self.before = before
    self.targetRise = targetRise
  }

  /// Total planned Δv (m/s).
  public var deltaV: Double { burns.reduce(0) { $0 + $1.deltaV } }
  /// Total planned propellant (kg).
  public var propellant: Double { burns.reduce(0) { $0 + $1.propellant } }

  /// Flies the burns on the numerical model and measures the mean orbits before and after.
  ///
  /// The run starts one revolution (plus margin) before the first ignition, from the initial
  /// state propagated there (backwards if needed), and ends one revolution after the last
  /// cut-off, or at `through` if later.
  ///
  /// - Parameters:
  ///   - sampleStep: spacing of the sampled states (s; default 10).
  ///   - through: an epoch the run must reach (e.g. a phase goal's date).
  /// - Returns: the result.
  /// - Throws: `.spaceWeather` for a date beyond the table without fallback, `.propagation`
  ///   (including insufficient propellant), `.invalidInput` for an empty plan.
  public func simulate(sampleStep: Double = 10, through: Epoch? = nil) throws(ReboostError) -> ReboostResult {
    guard let first = burns.first, let last = burns.max(by: { $0.end < $1.end }) else {
      throw .invalidInput("a reboost plan needs at least one burn")
    }
    guard sampleStep > 0, sampleStep <= 30 else { throw .invalidInput("sample step must be in (0, 30] s") }
    let mu = environment.gravitationalParameter
    let period = ReboostPlanner.period(of: initialState, mu: mu)
    let lead = sampleStep * (1.15 * period / sampleStep).rounded(.up)
    let windowStart = first.start - lead
    var end = last.end + 1.15 * period
    if let through, end < through { end = through }
    let usedFallback = try environment.checkSpaceWeather(
      from: min(initialState.epoch, windowStart), to: max(initialState.epoch, end))

    let m0 = initialMass
    let dryMass = m0 - availablePropellant
    let start = OrbitState(position: initialState.position, velocity: initialState.velocity, mass: m0)
    let atWindow = try ReboostPropagation.run(
      environment, from: initialState.epoch, state: start, to: windowStart, reference: windowStart).state
    let run = try ReboostPropagation.run(
      environment, from: windowStart, state: atWindow, to: end, burns: burns.map(\.finiteBurn),
      dryMass: dryMass, sampleStep: sampleStep, reference: windowStart)
    let samples = run.samples
    guard
      let before = MeanOrbit.average(samples, anchor: first.start - windowStart, forward: false, reference: windowStart, mu: mu),
      let after = MeanOrbit.average(samples, anchor: last.end - windowStart, forward: true, reference: windowStart, mu: mu)
    else {
      throw .invalidInput("the sampled trajectory does not cover a revolution before and after the burns")
    }
    // Burns as flown: the mass at each ignition from the samples' mass flow.
    var flown: [ReboostBurn] = []
    var mass = m0
    for b in burns.sorted(by: { $0.start < $1.start }) {
      var f = b
      f.startMass = mass
      flown.append(f)
      mass -= b.propellant
    }
    let finalState = CartesianState(epoch: end, frame: .gcrf, position: run.state.position, velocity: run.state.velocity)
    return ReboostResult(
      before: before, after: after, burns: flown, initialMass: m0, finalMass: run.state.mass, samples: samples,
      finalState: finalState, usedSpaceWeatherFallback: usedFallback)
  }
}
