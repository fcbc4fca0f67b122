// Dormand–Prince 5(4), seven stages, first same as last, with Shampine's dense output.
//
// Coefficients: J. R. Dormand & P. J. Prince, "A family of embedded Runge-Kutta formulae",
// J. Comput. Appl. Math. 6 (1980) 19–26, Table 2 (RK5(4)7M). Dense output (4th order):
// L. F. Shampine, "Some practical Runge-Kutta formulas", Math. Comp. 46 (1986) 135–150, in the
// form tabulated by Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.6,
// eq. (6.12) and the coefficients d1…d7 of its code DOPRI5. Our own code.

/// Dormand–Prince RK5(4)7M: an adaptive 5th-order method with a 4th-order error estimator
/// (local extrapolation), 6 new evaluations per step (first same as last), and a 4th-order
/// dense output without extra evaluations.
///
/// References: Dormand & Prince, J. Comput. Appl. Math. 6 (1980) 19–26; Shampine, Math. Comp.
/// 46 (1986) 135–150; Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.5 Table 5.2, §II.6.
@frozen
public struct DormandPrince54<System: ODESystem>: Integrator {
  /// The integrated state.
  public typealias State = System.State

  public static var order: Int { 5 }
  public static var embeddedOrder: Int? { 4 }
  public static var denseOutputOrder: Int { 4 }
  public static var name: String { "DP5(4)" }

  @usableFromInline var currentTime: Double = 0
  @usableFromInline var currentState: State = .zero
  @usableFromInline var evaluations: Int = 0

  /// Time of the current point (s since the arc's start epoch).
  @inlinable public var time: Double { currentTime }
  /// The state at the current point.
  @inlinable public var state: State { currentState }
  /// Derivative evaluations made so far.
  @inlinable public var evaluationCount: Int { evaluations }
  @usableFromInline var k1: State = .zero
  @usableFromInline var k2: State = .zero
  @usableFromInline var k3: State = .zero
  @usableFromInline var k4: State = .zero
  @usableFromInline var k5: State = .zero
  @usableFromInline var k6: State = .zero
  @usableFromInline var k7: State = .zero
  @usableFromInline var endTime: Double = 0
  @usableFromInline var endState: State = .zero
  @usableFromInline var previousTime: Double = 0
  @usableFromInline var previousState: State = .zero
  // Stages of the last accepted step, for its dense output.
  @usableFromInline var dense: DenseData = DenseData()

  @frozen @usableFromInline
  struct DenseData: Sendable {
    @usableFromInline var k1: State = .zero
    @usableFromInline var k3: State = .zero
    @usableFromInline var k4: State = .zero
    @usableFromInline var k5: State = .zero
    @usableFromInline var k6: State = .zero
    @usableFromInline var k7: State = .zero
    @inlinable init() {}
  }

  /// An integrator with empty stage storage; call `begin` before stepping.
  @inlinable
  public init() {}

  @inlinable
  public mutating func begin(_ system: System, at t: Double, state y: State) {
    currentTime = t
    currentState = y
    previousTime = t
    previousState = y
    k1 = system.derivative(y, at: t)
    evaluations &+= 1
  }

  @inlinable
  public mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<State> {
    let t = time
    let y = state
    let h = endTime - t
    k2 = system.derivative(y + (h * (1.0 / 5.0)) * k1, at: t + h * (1.0 / 5.0))
    k3 = system.derivative(
      y + h * ((3.0 / 40.0) * k1 + (9.0 / 40.0) * k2), at: t + h * (3.0 / 10.0))
    k4 = system.derivative(
      y + h * ((44.0 / 45.0) * k1 + (-56.0 / 15.0) * k2 + (32.0 / 9.0) * k3),
      at: t + h * (4.0 / 5.0))
    k5 = system.derivative(
      y + h
        * ((19372.0 / 6561.0) * k1 + (-25360.0 / 2187.0) * k2 + (64448.0 / 6561.0) * k3
          + (-212.0 / 729.0) * k4),
      at: t + h * (8.0 / 9.0))
    k6 = system.derivative(
      y + h
        * ((9017.0 / 3168.0) * k1 + (-355.0 / 33.0) * k2 + (46732.0 / 5247.0) * k3
          + (49.0 / 176.0) * k4 + (-5103.0 / 18656.0) * k5),
      at: endTime)
    let y1 =
      y + h
      * ((35.0 / 384.0) * k1 + (500.0 / 1113.0) * k3 + (125.0 / 192.0) * k4
        + (-2187.0 / 6784.0) * k5 + (11.0 / 84.0) * k6)
    k7 = system.derivative(y1, at: endTime)
    evaluations &+= 6
    // Error estimate: (b − b̂)·k with b̂ the 4th-order weights of Table 2.
    let error =
      h
      * ((71.0 / 57600.0) * k1 + (-71.0 / 16695.0) * k3 + (71.0 / 1920.0) * k4
        + (-17253.0 / 339200.0) * k5 + (22.0 / 525.0) * k6 + (-1.0 / 40.0) * k7)
    self.endTime = endTime
    self.endState = y1
    let norm = State.errorNorm(error, start: y, end: y1, tolerance: tolerance)
    return StepAttempt(state: y1, errorNorm: y1.isFinite && k7.isFinite ? norm : .nan)
  }

  @inlinable
  public mutating func acceptStep(_ system: System) {
    dense.k1 = k1
    dense.k3 = k3
    dense.k4 = k4
    dense.k5 = k5
    dense.k6 = k6
    dense.k7 = k7
    previousTime = time
    previousState = state
    currentTime = endTime
    currentState = endState
    k1 = k7  // first same as last
  }

  @inlinable
  public mutating func denseOutput(_ system: System) -> DormandPrince54DenseOutput<State> {
    let h = time - previousTime
    let y0 = previousState
    let y1 = state
    let r2 = y1 - y0
    let r3 = h * dense.k1 - r2
    let r4 = r2 - h * dense.k7 - r3
    let r5 =
      h
      * ((-12715105075.0 / 11282082432.0) * dense.k1
        + (87487479700.0 / 32700410799.0) * dense.k3
        + (-10690763975.0 / 1880347072.0) * dense.k4
        + (701980252875.0 / 199316789632.0) * dense.k5
        + (-1453857185.0 / 822651844.0) * dense.k6
        + (69997945.0 / 29380423.0) * dense.k7)
    return DormandPrince54DenseOutput(
      startTime: previousTime, endTime: time, r1: y0, r2: r2, r3: r3, r4: r4, r5: r5)
  }
}

/// Shampine's 4th-order continuous extension of Dormand–Prince 5(4) over one step.
///
/// y(t0 + θh) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)r5))).
///
/// Accuracy: local error O(h⁵) (4th order), uniformly in θ ∈ [0, 1].
///
/// References: Shampine, Math. Comp. 46 (1986) 135–150; Hairer, Nørsett & Wanner, *Solving
/// ODEs I*, §II.6, eq. (6.12), DOPRI5 `CONTD5`.
@frozen
public struct DormandPrince54DenseOutput<State: IntegrableState>: DenseOutput {
  /// Start of the step (s since the arc's start epoch).
  public var startTime: Double
  /// End of the step (s since the arc's start epoch).
  public var endTime: Double
  @usableFromInline var r1: State
  @usableFromInline var r2: State
  @usableFromInline var r3: State
  @usableFromInline var r4: State
  @usableFromInline var r5: State

  @inlinable
  init(startTime: Double, endTime: Double, r1: State, r2: State, r3: State, r4: State, r5: State)
  {
    self.startTime = startTime
    self.endTime = endTime
    self.r1 = r1
    self.r2 = r2
    self.r3 = r3
    self.r4 = r4
    self.r5 = r5
  }

  /// The interpolated state at `t` (s since the arc's start epoch).
  @inlinable
  public func state(at t: Double) -> State {
    let theta = (t - startTime) / (endTime - startTime)
    let theta1 = 1.0 - theta
    return r1 + theta * (r2 + theta1 * (r3 + theta * (r4 + theta1 * r5)))
  }
}
