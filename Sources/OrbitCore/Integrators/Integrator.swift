// The one-step integrator protocol, its step result, and the dense-output protocol.

/// The result of one attempted step.
@frozen
public struct StepAttempt<State: IntegrableState>: Sendable {
  /// The candidate state at the end of the step.
  public var state: State
  /// The scaled error norm of the step (≤ 1 means acceptable); 0 for fixed-step methods.
  public var errorNorm: Double

  /// A step result from its parts.
  ///
  /// - Parameters:
  ///   - state: the candidate end state.
  ///   - errorNorm: the scaled error norm (dimensionless).
  @inlinable
  public init(state: State, errorNorm: Double) {
    self.state = state
    self.errorNorm = errorNorm
  }
}

/// A continuous approximation of the solution over one accepted step.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.6 (dense output);
/// Orekit step interpolators.
public protocol DenseOutput: Sendable {
  /// The interpolated state type.
  associatedtype State: IntegrableState

  /// Start of the step (s since the arc's start epoch).
  var startTime: Double { get }
  /// End of the step (s since the arc's start epoch).
  var endTime: Double { get }

  /// The interpolated state at `t`, meant for `t` between `startTime` and `endTime`.
  ///
  /// - Parameter t: time since the arc's start epoch (s).
  /// - Returns: the state; outside the step the polynomial is extrapolated (inaccurate).
  func state(at t: Double) -> State
}

/// A one-step method with its own stage storage: it holds the current point (t, y), attempts
/// steps from it, and moves to the end of a step when the caller accepts it.
///
/// The driver (`PropagationSession`) owns step-size control; an integrator only evaluates
/// stages and reports a scaled error norm. Stage storage lives in the integrator's stored
/// properties, so no step allocates. Calls must follow `begin`, then any number of
/// `attemptStep` each optionally followed by `acceptStep`; `denseOutput` describes the last
/// accepted step and is valid until the next `attemptStep`.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.4–II.6; nyx `RK`.
public protocol Integrator: Sendable {
  /// The system this integrator solves.
  associatedtype System: ODESystem
  /// The dense output of an accepted step.
  associatedtype Interpolant: DenseOutput where Interpolant.State == System.State

  /// Order of the propagated solution.
  static var order: Int { get }
  /// Order of the embedded error estimator's companion formula; nil for fixed-step methods.
  static var embeddedOrder: Int? { get }
  /// Order of the dense output (its local error is O(h^(order+1))).
  static var denseOutputOrder: Int { get }
  /// A short name, e.g. `"DP8(7)"`.
  static var name: String { get }

  /// Time of the current point (s since the arc's start epoch).
  var time: Double { get }
  /// The state at the current point.
  var state: System.State { get }
  /// Derivative evaluations made so far.
  var evaluationCount: Int { get }

  /// Starts (or restarts after a discontinuity) at `(t, y)`; evaluates f(t, y).
  ///
  /// - Parameters:
  ///   - system: the differential equations.
  ///   - t: time since the arc's start epoch (s).
  ///   - y: the state at `t`.
  mutating func begin(_ system: System, at t: Double, state y: System.State)

  /// Attempts a step from the current point to `endTime`; does not move the current point.
  ///
  /// - Parameters:
  ///   - system: the differential equations.
  ///   - endTime: the end of the step (s since the arc's start epoch), on either side.
  ///   - tolerance: tolerances for the error norm (ignored by fixed-step methods).
  /// - Returns: the candidate end state and its scaled error norm (NaN if non-finite).
  mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<System.State>

  /// Attempts a step of a fixed-step run (`IntegratorOptions.fixedStep`) to `endTime`: the
  /// candidate end state, with an error norm of 0 (or NaN if non-finite). A method may skip
  /// its error estimate here; the default calls `attemptStep`.
  ///
  /// - Parameters:
  ///   - system: the differential equations.
  ///   - endTime: the end of the step (s since the arc's start epoch).
  ///   - tolerance: passed on to `attemptStep` by the default.
  /// - Returns: the candidate end state and an error norm of 0 (NaN if non-finite).
  mutating func attemptFixedStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<System.State>

  /// Accepts the last attempt: the current point moves to its end.
  ///
  /// - Parameter system: the differential equations (for a first-same-as-last stage).
  mutating func acceptStep(_ system: System)

  /// The dense output of the last accepted step; may evaluate extra stages.
  ///
  /// - Parameter system: the differential equations.
  /// - Returns: an interpolant over the last accepted step.
  mutating func denseOutput(_ system: System) -> Interpolant
}

extension Integrator {
  /// The default fixed step: `attemptStep`, its error norm kept only to report non-finite
  /// states (the driver does not use its value).
  @inlinable
  public mutating func attemptFixedStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<System.State> {
    attemptStep(system, to: endTime, tolerance: tolerance)
  }
}
