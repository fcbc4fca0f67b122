// The classical fourth-order Runge–Kutta method, fixed step.
//
// Coefficients: Kutta, "Beitrag zur näherungsweisen Integration totaler
// Differentialgleichungen", Z. Math. Phys. 46 (1901) 435–453; as tabulated in Hairer, Nørsett
// & Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.1, Table 1.2 (left). Our own code.

/// The classical 4th-order Runge–Kutta method (fixed step, 4 evaluations per step).
///
/// No error estimate: `attemptStep` reports an error norm of 0, and the driver takes the steps
/// it is given (`IntegratorOptions.fixedStep`). Dense output: cubic Hermite from the step's end
/// values and derivatives (3rd order); f(y1) is reused as the first stage of the next step.
///
/// References: Kutta (1901); Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.1, Table 1.2.
@frozen
public struct RungeKutta4<System: ODESystem>: Integrator {
  /// The integrated state.
  public typealias State = System.State

  public static var order: Int { 4 }
  public static var embeddedOrder: Int? { nil }
  public static var denseOutputOrder: Int { 3 }
  public static var name: String { "RK4" }

  @usableFromInline var currentTime: Double = 0
  @usableFromInline var currentState: State = .zero
  @usableFromInline var evaluations: Int = 0

  /// Time of the current point (s since the arc's start epoch).
  @inlinable public var time: Double { currentTime }
  /// The state at the current point.
  @inlinable public var state: State { currentState }
  /// Derivative evaluations made so far.
  @inlinable public var evaluationCount: Int { evaluations }
  @usableFromInline var f0: State = .zero
  @usableFromInline var endTime: Double = 0
  @usableFromInline var endState: State = .zero
  @usableFromInline var previousTime: Double = 0
  @usableFromInline var previousState: State = .zero
  @usableFromInline var previousDerivative: State = .zero

  /// An integrator with empty stage storage; call `begin` before stepping.
  @inlinable
  public init() {}

  @inlinable
  public mutating func begin(_ system: System, at t: Double, state y: State) {
    currentTime = t
    currentState = y
    f0 = system.derivative(y, at: t)
    evaluations &+= 1
    previousTime = t
    previousState = y
    previousDerivative = f0
  }

  @inlinable
  public mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<State> {
    let h = endTime - time
    let y = state
    let t = time
    let k1 = f0
    let k2 = system.derivative(y + (0.5 * h) * k1, at: t + 0.5 * h)
    let k3 = system.derivative(y + (0.5 * h) * k2, at: t + 0.5 * h)
    let k4 = system.derivative(y + h * k3, at: endTime)
    evaluations &+= 3
    let y1 = y + (h / 6.0) * (k1 + 2.0 * (k2 + k3) + k4)
    self.endTime = endTime
    self.endState = y1
    return StepAttempt(state: y1, errorNorm: y1.isFinite ? 0 : .nan)
  }

  @inlinable
  public mutating func acceptStep(_ system: System) {
    previousTime = time
    previousState = state
    previousDerivative = f0
    currentTime = endTime
    currentState = endState
    f0 = system.derivative(state, at: time)
    evaluations &+= 1
  }

  @inlinable
  public mutating func denseOutput(_ system: System) -> CubicHermiteInterpolant<State> {
    CubicHermiteInterpolant(
      startTime: previousTime, endTime: time, y0: previousState, f0: previousDerivative,
      y1: state, f1: f0)
  }
}
