// Störmer–Cowell multistep integration (fixed step, PEC) for r'' = a(t, r) without velocity
// dependence.
//
// Method: the explicit Störmer formula predicts r_{n+1} from r_n, r_{n−1} and the last ten
// accelerations; one evaluation at the prediction; the implicit Cowell formula corrects with
// that acceleration (PEC: the corrected position is not evaluated again, the predicted
// acceleration enters the history). The velocity comes from the positions and accelerations,
// v_n = ∇r_n/h + h Σ δ_j ∇^j f_n, not from a second integration. Coefficients: the
// backward-difference forms of Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §III.10
// (σ_j, σ*_j of Table 10.1/10.2, and δ_j from hD = −log(1 − ∇)), derived in exact rational
// arithmetic and converted to ordinate form by Scripts/stormer-cowell-coefficients.py, which
// also checks them against the table and prints the orders (predictor exact to degree 11,
// corrector and velocity to degree 12). Tests/OrbitCoreTests/StormerCowellTests repeats the
// polynomial checks in double precision.
//
// Start and restart: the first nine steps after `begin` (and after any change of step size,
// e.g. the shortened last step of an arc) are Runge–Kutta–Nyström 12(10) steps of the same
// size (NystromStages1210), which fill the history. The session calls `begin` at events with
// a state reset and when it locates an event, so every such instant costs nine RKN steps.
//
// Stability: PEC Störmer–Cowell is only conditionally stable and its interval shrinks with the
// order. With ten back values the ISS orbit (n ≈ 1.13e-3 rad/s, point mass + J2, one day) gave,
// in a NumPy prototype of this method: 0.07 mm at 60 s, 0.51 mm at 72 s, 1.8 mm at 80 s, 7 cm at
// 108 s, 0.64 m at 112.5 s and divergence at 115.2 s (n·h = 0.130); eleven back values already
// diverge at 80 s, hence ten. `maximumStep` allows n·h ≤ 0.1 at perigee (≈ 63 steps a
// revolution).
//
// Critical path: the prediction of the next step is formed as B + c·f_n, with everything but
// the newest acceleration in B, so one multiply and one add separate an evaluation from the
// next (as in an RKN stage), and a step costs one evaluation. Its bookkeeping (three vector
// sums, the history shift, the driver's step) costs about two evaluations of J2 more, so on the
// ISS it is slower than RKN12(10) at equal error, and with EGM96 20×20 it needs 30 s steps for
// 1 mm and no fewer evaluations (Benchmarks/RESULTS.md, session 4).
//
// Dense output: the quintic Hermite polynomial through position, velocity and acceleration at
// both ends of the step (no extra evaluation; 43 µm at mid-step on the ISS at 72 s). Our own
// code.

/// Störmer–Cowell predictor–corrector (PEC) of order 11 with ten back values, for second-order
/// systems whose acceleration does not depend on velocity; fixed step only (one evaluation a
/// step once started; the first nine steps after a (re)start are RKN12(10) steps).
///
/// Dense output: quintic Hermite in position (order 5) from r, v, a at both ends of the step,
/// velocity its derivative.
///
/// The classical fixed-step multistep method, for comparisons: measured slower than
/// `RungeKuttaNystrom1210` on point mass + J2 and no faster on EGM96 20×20 (see the file's
/// header). Steps above `maximumStep` diverge.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §III.10 (Störmer and
/// Cowell methods, eqs. (10.4)–(10.9)); Berry & Healy, "Implementation of Gauss-Jackson
/// integration for orbit propagation", J. Astronaut. Sci. 52 (2004) 331–357 (the summed form
/// of the same family, and its use for Earth orbits).
@frozen
public struct StormerCowell<System: SecondOrderSystem>: Integrator {
  /// The integrated state.
  public typealias State = OrbitState

  public static var order: Int { 11 }
  public static var embeddedOrder: Int? { nil }
  public static var denseOutputOrder: Int { 5 }
  public static var name: String { "SC11(PEC)" }

  /// Back values of the acceleration the predictor uses.
  public static var backValues: Int { 10 }

  /// The largest step (s) to use on an orbit: 0.1 rad of its angular rate at perigee, inside
  /// the PEC stability interval with a margin of 20 % (measured on the ISS orbit, point mass +
  /// J2, one day: 7 cm at 0.122 rad a step (108 s), 0.64 m at 0.127, divergent at 0.130).
  ///
  /// - Parameters:
  ///   - position: a position on the orbit (m).
  ///   - velocity: the velocity there (m/s).
  ///   - gravitationalParameter: μ (m³/s²).
  /// - Returns: the step (s); NaN for a non-finite state, +∞ for rectilinear motion.
  @inlinable
  public static func maximumStep(
    position: Vector3, velocity: Vector3, gravitationalParameter mu: Double
  ) -> Double {
    let h = position.cross(velocity).norm
    let r = position.norm
    // Perigee radius p/(1 + e), with p = h²/μ and e from the eccentricity vector.
    let eVector = ((velocity.dot(velocity) - mu / r) * position - position.dot(velocity) * velocity) / mu
    let perigee = (h * h / mu) / (1 + eVector.norm)
    return 0.1 * perigee * perigee / h
  }

  @usableFromInline var currentTime: Double = 0
  @usableFromInline var currentState: OrbitState = .zero
  @usableFromInline var evaluations: Int = 0
  /// r_{n−1} (valid when `historyCount` ≥ 2).
  @usableFromInline var previousPosition: Vector3 = .zero
  /// f_n … f_{n−9}: accelerations at the current and the nine previous points.
  @usableFromInline var history = AccelerationHistory()
  /// How many of the accelerations in `history` are equally spaced by `stepSize` (1…10).
  @usableFromInline var historyCount: Int = 0
  /// The spacing of the history (s); 0 before the first step.
  @usableFromInline var stepSize: Double = 0
  /// The corrector's part without the newest acceleration, for the current point:
  /// r_n = correctorBase + (h²·c₀)·f_n (the next prediction is built from it).
  @usableFromInline var correctorBase: Vector3 = .zero
  // The last attempt.
  @usableFromInline var endTime: Double = 0
  @usableFromInline var endState: OrbitState = .zero
  @usableFromInline var endAcceleration: Vector3 = .zero
  @usableFromInline var endCorrectorBase: Vector3 = .zero
  // The last accepted step (for dense output).
  @usableFromInline var previousTime: Double = 0
  @usableFromInline var previousState: OrbitState = .zero
  @usableFromInline var previousAcceleration: Vector3 = .zero

  /// Time of the current point (s since the arc's start epoch).
  @inlinable public var time: Double { currentTime }
  /// The state at the current point.
  @inlinable public var state: OrbitState { currentState }
  /// Acceleration evaluations made so far.
  @inlinable public var evaluationCount: Int { evaluations }

  /// An integrator with an empty history; call `begin` before stepping.
  @inlinable
  public init() {}

  @inlinable
  public mutating func begin(_ system: System, at t: Double, state y: OrbitState) {
    currentTime = t
    currentState = y
    previousTime = t
    previousState = y
    let a = system.acceleration(position: y.position, mass: y.mass, at: t)
    evaluations &+= 1
    history = AccelerationHistory()
    history.f0 = a
    historyCount = 1
    stepSize = 0
    previousAcceleration = a
  }

  /// Whether `h` is the history's step (to 1e-12 relative: the driver's t + h may round);
  /// false before the first step.
  @inlinable @inline(__always)
  func isHistoryStep(_ h: Double) -> Bool {
    stepSize != 0 && abs(h - stepSize) <= 1e-12 * abs(stepSize)
  }

  /// Whether a step of `h` can be a multistep one (a full history at that spacing).
  @inlinable @inline(__always)
  func continuesHistory(_ h: Double) -> Bool {
    historyCount >= Self.backValues && isHistoryStep(h)
  }

  @inlinable
  public mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<OrbitState> {
    let h = endTime - currentTime
    let mass = currentState.mass
    let r = currentState.position
    self.endTime = endTime
    let y1: OrbitState
    if continuesHistory(h) {
      let h2 = h * h
      let f = history
      // Predictor, with f_n entering last: B + (h²(2c₀ + p₀))·f_n, where
      // B = 2X_n − r_{n−1} + h² Σ_{i≥1} p_i f_{n−i} and r_n = X_n + h²c₀ f_n. Every sum runs from
      // the oldest value to the newest, so only its last term waits for the last evaluation.
      var s = f.f9.scaled(by: -0.06314043209876544)
      s.addMultiple(of: f.f8, by: 0.6337596450617284)
      s.subtractMultiple(of: f.f7, by: 2.8652259700176366)
      s.addMultiple(of: f.f6, by: 7.686453924162257)
      s.subtractMultiple(of: f.f5, by: 13.55882385361552)
      s.addMultiple(of: f.f4, by: 16.451905313051146)
      s.subtractMultiple(of: f.f3, by: 13.935629409171076)
      s.addMultiple(of: f.f2, by: 8.167750220458554)
      s.subtractMultiple(of: f.f1, by: 3.1060692239858905)
      let base = (correctorBase + correctorBase - previousPosition).addingMultiple(of: s, by: h2)
      let predicted = base.addingMultiple(
        of: f.f0, by: h2 * (2 * 0.06107264986171236 + 1.589019786155203))
      let a = system.acceleration(position: predicted, mass: mass, at: endTime)
      evaluations &+= 1
      // Corrector: X_{n+1} = 2r_n − r_{n−1} + h² Σ_{i≥0} c_{i+1} f_{n−i}; r_{n+1} = X + h²c₀ a.
      var c = f.f9.scaled(by: -0.0020677822370530705)
      c.addMultiple(of: f.f8, by: 0.023033146444604777)
      c.subtractMultiple(of: f.f7, by: 0.11695672624058041)
      c.addMultiple(of: f.f6, by: 0.3577359407567741)
      c.subtractMultiple(of: f.f5, by: 0.7335673826559244)
      c.addMultiple(of: f.f4, by: 1.0615975478996311)
      c.subtractMultiple(of: f.f3, by: 1.11037293821148)
      c.addMultiple(of: f.f2, by: 0.8390322370530704)
      c.subtractMultiple(of: f.f1, by: 0.35779998020883436)
      c.addMultiple(of: f.f0, by: 0.9782932875380792)
      let x = (r + r - previousPosition).addingMultiple(of: c, by: h2)
      let position = x.addingMultiple(of: a, by: h2 * 0.06107264986171236)
      // Velocity at n+1: ∇r_{n+1}/h + h Σ_i δ'_i f_{n+1−i}.
      var d = f.f9.scaled(by: -0.004091970674001924)
      d.addMultiple(of: f.f8, by: 0.045637774487600875)
      d.subtractMultiple(of: f.f7, by: 0.2321385199965929)
      d.addMultiple(of: f.f6, by: 0.711832686988937)
      d.subtractMultiple(of: f.f5, by: 1.4654353242243867)
      d.addMultiple(of: f.f4, by: 2.1353147421637004)
      d.subtractMultiple(of: f.f3, by: 2.265120569534632)
      d.addMultiple(of: f.f2, by: 1.7813400623296456)
      d.subtractMultiple(of: f.f1, by: 1.0740100628056357)
      d.addMultiple(of: f.f0, by: 0.6516462053571429)
      d.addMultiple(of: a, by: 0.21502497590822245)
      let velocity = ((position - r) / h).addingMultiple(of: d, by: h)
      y1 = OrbitState(position: position, velocity: velocity, mass: mass)
      endAcceleration = a
      endCorrectorBase = x
    } else {
      // Start (or restart): one RKN12(10) step of the same size, then the acceleration at its end.
      let s = NystromStages1210.step(
        ScalarNystromAcceleration(system: system, mass: mass), t: currentTime, r: r,
        v: currentState.velocity, g1: history.f0, endTime: endTime, errorEstimate: false)
      let a = system.acceleration(position: s.position, mass: mass, at: endTime)
      evaluations &+= 17
      y1 = OrbitState(position: s.position, velocity: s.velocity, mass: mass)
      endAcceleration = a
      endCorrectorBase = s.position.addingMultiple(of: a, by: -(h * h * 0.06107264986171236))
    }
    endState = y1
    return StepAttempt(state: y1, errorNorm: y1.isFinite ? 0 : .nan)
  }

  @inlinable
  public mutating func acceptStep(_ system: System) {
    let h = endTime - currentTime
    if !isHistoryStep(h) {
      // A new step size: the history restarts from the current point.
      historyCount = 1
      stepSize = h
    }
    previousTime = currentTime
    previousState = currentState
    previousAcceleration = history.f0
    previousPosition = currentState.position
    history.push(endAcceleration)
    historyCount = min(historyCount + 1, Self.backValues)
    correctorBase = endCorrectorBase
    currentTime = endTime
    currentState = endState
  }

  @inlinable
  public mutating func denseOutput(_ system: System) -> NystromQuinticInterpolant {
    NystromQuinticInterpolant(
      startTime: previousTime, endTime: currentTime, mass: currentState.mass,
      start: (previousState.position, previousState.velocity, previousAcceleration),
      end: (currentState.position, currentState.velocity, history.f0))
  }
}

/// The last ten accelerations of a multistep method, newest first (stored inline: no
/// allocation).
@frozen @usableFromInline
struct AccelerationHistory: Sendable {
  @usableFromInline var f0: Vector3 = .zero
  @usableFromInline var f1: Vector3 = .zero
  @usableFromInline var f2: Vector3 = .zero
  @usableFromInline var f3: Vector3 = .zero
  @usableFromInline var f4: Vector3 = .zero
  @usableFromInline var f5: Vector3 = .zero
  @usableFromInline var f6: Vector3 = .zero
  @usableFromInline var f7: Vector3 = .zero
  @usableFromInline var f8: Vector3 = .zero
  @usableFromInline var f9: Vector3 = .zero

  @inlinable
  init() {}

  /// Makes `a` the newest value; the oldest drops out.
  @inlinable @inline(__always)
  mutating func push(_ a: Vector3) {
    f9 = f8
    f8 = f7
    f7 = f6
    f6 = f5
    f5 = f4
    f4 = f3
    f3 = f2
    f2 = f1
    f1 = f0
    f0 = a
  }
}
