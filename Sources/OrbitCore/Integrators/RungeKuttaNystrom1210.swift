// Runge–Kutta–Nyström 12(10), 17 stages, for r'' = a(t, r) without velocity dependence.
//
// Coefficients: J. R. Dormand, M. E. A. El-Mikkawy & P. J. Prince, "High-order embedded
// Runge-Kutta-Nyström formulae", IMA J. Numer. Anal. 7 (1987) 423–430 (RKN12(10)17M). The
// paper's exact rationals (some with 60-digit numerators) were taken as reprinted in SciML
// OrdinaryDiffEq.jl (`DPRKN12ConstantCache`, which cites the paper) and checked against the
// Nyström quadrature conditions in exact arithmetic before conversion: Σ b̄ᵢcᵢᵏ = 1/((k+1)(k+2))
// for k ≤ 10, Σ bᵢcᵢᵏ = 1/(k+1) for k ≤ 11, b̄ᵢ = bᵢ(1 − cᵢ), Σⱼ aᵢⱼ = cᵢ²/2 (rows 14–17 agree to
// 1e-52, rows 2–13 exactly), and the 10th-order weights to k ≤ 8 and k ≤ 9. The literals below are
// the correctly rounded doubles of those rationals; Tests/OrbitCoreTests/IntegratorTableauTests
// repeats the checks in double precision.
//
// The stages themselves (coefficients and evaluation order) are written once, generic over the
// vector type, in NystromStages1210.swift; BatchPropagator's lane kernel uses the same code.
//
// Dense output: the paper gives none. We interpolate the position by the degree-8 Hermite
// polynomial matching position, velocity and acceleration at the start, midpoint and end of
// the step (the midpoint from one extra RKN12(10) step of h/2: 16 + 1 evaluations, only for
// steps whose dense output is requested), and the velocity by its derivative. Our own code.

/// Dormand–El-Mikkawy–Prince Runge–Kutta–Nyström 12(10): an adaptive 12th-order method with a
/// 10th-order error estimate for second-order systems whose acceleration does not depend on
/// velocity; 17 evaluations per accepted step (16 per rejected step).
///
/// Dense output: degree-8 Hermite in position (order 8) with its derivative as velocity
/// (order 7), from position, velocity and acceleration at the start, midpoint and end.
///
/// References: Dormand, El-Mikkawy & Prince, IMA J. Numer. Anal. 7 (1987) 423–430; Hairer,
/// Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.14 (Nyström methods).
@frozen
public struct RungeKuttaNystrom1210<System: SecondOrderSystem>: Integrator {
  /// The integrated state.
  public typealias State = OrbitState

  public static var order: Int { 12 }
  public static var embeddedOrder: Int? { 10 }
  public static var denseOutputOrder: Int { 7 }
  public static var name: String { "RKN12(10)" }

  @usableFromInline var currentTime: Double = 0
  @usableFromInline var currentState: OrbitState = .zero
  @usableFromInline var evaluations: Int = 0
  @usableFromInline var g1: Vector3 = .zero
  @usableFromInline var endTime: Double = 0
  @usableFromInline var endState: OrbitState = .zero
  @usableFromInline var previousTime: Double = 0
  @usableFromInline var previousState: OrbitState = .zero
  @usableFromInline var previousAcceleration: Vector3 = .zero
  @usableFromInline var cachedDense: NystromHermiteInterpolant? = nil

  /// Time of the current point (s since the arc's start epoch).
  @inlinable public var time: Double { currentTime }
  /// The state at the current point.
  @inlinable public var state: OrbitState { currentState }
  /// Acceleration evaluations made so far.
  @inlinable public var evaluationCount: Int { evaluations }

  /// An integrator with empty stage storage; call `begin` before stepping.
  @inlinable
  public init() {}

  @inlinable
  public mutating func begin(_ system: System, at t: Double, state y: OrbitState) {
    currentTime = t
    currentState = y
    previousTime = t
    previousState = y
    g1 = system.acceleration(position: y.position, mass: y.mass, at: t)
    previousAcceleration = g1
    evaluations &+= 1
    cachedDense = nil
  }

  /// One RKN12(10) step from (t, r, v) with a(t, r) = g1 to `endTime`: the 12th-order end
  /// position and velocity and their differences from the 10th-order ones (16 evaluations).
  /// The stages are `NystromStages1210.step`, shared with the batch lane kernel.
  @inlinable @inline(__always)
  static func step(
    _ system: System, t: Double, state: OrbitState, g1: Vector3, endTime: Double
  ) -> (position: Vector3, velocity: Vector3, errorPosition: Vector3, errorVelocity: Vector3) {
    NystromStages1210.step(
      ScalarNystromAcceleration(system: system, mass: state.mass), t: t, r: state.position,
      v: state.velocity, g1: g1, endTime: endTime, errorEstimate: true)
  }

  @inlinable
  public mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<OrbitState> {
    let s = Self.step(system, t: currentTime, state: currentState, g1: g1, endTime: endTime)
    evaluations &+= 16
    let y1 = OrbitState(position: s.position, velocity: s.velocity, mass: currentState.mass)
    self.endTime = endTime
    self.endState = y1
    let error = OrbitState(position: s.errorPosition, velocity: s.errorVelocity, mass: 0)
    let norm = OrbitState.errorNorm(error, start: currentState, end: y1, tolerance: tolerance)
    return StepAttempt(state: y1, errorNorm: y1.isFinite ? norm : .nan)
  }

  /// A fixed step without the error estimate (the 12th-order solution only: 24 fewer stage
  /// terms and no error norm).
  @inlinable
  public mutating func attemptFixedStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<OrbitState> {
    let s = NystromStages1210.step(
      ScalarNystromAcceleration(system: system, mass: currentState.mass), t: currentTime,
      r: currentState.position, v: currentState.velocity, g1: g1, endTime: endTime,
      errorEstimate: false)
    evaluations &+= 16
    let y1 = OrbitState(position: s.position, velocity: s.velocity, mass: currentState.mass)
    self.endTime = endTime
    self.endState = y1
    return StepAttempt(state: y1, errorNorm: y1.isFinite ? 0 : .nan)
  }

  @inlinable
  public mutating func acceptStep(_ system: System) {
    previousTime = currentTime
    previousState = currentState
    previousAcceleration = g1
    currentTime = endTime
    currentState = endState
    g1 = system.acceleration(position: currentState.position, mass: currentState.mass, at: currentTime)
    evaluations &+= 1
    cachedDense = nil
  }

  @inlinable
  public mutating func denseOutput(_ system: System) -> NystromHermiteInterpolant {
    if let cachedDense { return cachedDense }
    let tMid = previousTime + 0.5 * (currentTime - previousTime)
    let s = Self.step(
      system, t: previousTime, state: previousState, g1: previousAcceleration, endTime: tMid)
    let aMid = system.acceleration(position: s.position, mass: previousState.mass, at: tMid)
    evaluations &+= 17
    let dense = NystromHermiteInterpolant(
      startTime: previousTime, endTime: currentTime, mass: currentState.mass,
      start: (previousState.position, previousState.velocity, previousAcceleration),
      middle: (s.position, s.velocity, aMid),
      end: (currentState.position, currentState.velocity, g1))
    cachedDense = dense
    return dense
  }
}
