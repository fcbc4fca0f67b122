// Failures of the numerical propagator.

/// Why a numerical propagation failed. Normal termination is a `PropagationOutcome`.
///
/// Kept separate from `PropagationError` (whose file belongs to the analytic propagators) until
/// the two are merged; the cases mirror STYLE.md §6.
public enum NumericalPropagationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The state (or its derivative) became NaN or infinite at `epoch`, or the initial state
  /// was not finite.
  case nonFiniteState(epoch: Epoch)
  /// Error control asked for a step of magnitude `step` (s) below the minimum step (or below
  /// the resolution of the time variable) at `epoch`.
  case stepSizeUnderflow(epoch: Epoch, step: Double)
  /// The options are unusable.
  case invalidOptions(InvalidOption)

  /// Which option was rejected.
  public enum InvalidOption: Hashable, Sendable {
    /// Tolerances must be finite and non-negative, with some absolute or relative part.
    case tolerance
    /// Need 0 ≤ minStep ≤ maxStep, maxStep > 0, and a positive finite initial step if given.
    case stepBounds
    /// maxSteps must be positive.
    case maxSteps
    /// The fixed step must be positive and finite.
    case fixedStep
    /// A fixed-step method (no error estimate) needs `fixedStep`.
    case fixedStepRequired
    /// The output step must be positive and finite.
    case outputStep
  }

  public var description: String {
    switch self {
    case .nonFiniteState(let epoch):
      return "the propagated state is not finite at epoch \(epoch)"
    case .stepSizeUnderflow(let epoch, let step):
      return "step size underflow at epoch \(epoch): a step of \(step) s is below the minimum"
    case .invalidOptions(.tolerance):
      return "integration tolerances must be finite, non-negative and not all zero"
    case .invalidOptions(.stepBounds):
      return "step bounds must satisfy 0 <= min_step <= max_step, max_step > 0"
    case .invalidOptions(.maxSteps):
      return "the step limit must be positive"
    case .invalidOptions(.fixedStep):
      return "the fixed step must be positive and finite"
    case .invalidOptions(.fixedStepRequired):
      return "a fixed-step integrator needs a fixed step"
    case .invalidOptions(.outputStep):
      return "the output step must be positive and finite"
    }
  }
}
