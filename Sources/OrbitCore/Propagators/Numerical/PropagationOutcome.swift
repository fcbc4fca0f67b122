// How a numerical propagation call ended normally. Failures are `NumericalPropagationError`.

/// How a call to `PropagationSession.propagate(to:)` ended. These are values, not errors
/// (heyoka's `taylor_outcome`); failures throw `NumericalPropagationError`.
///
/// References: heyoka `taylor_outcome`; Orekit `Action`.
@frozen
public enum PropagationOutcome: Hashable, Sendable {
  /// The target epoch was reached; the session's state is at the target.
  case reachedTarget
  /// A terminal event stopped the propagation at `epoch` (placeholder: events are added by
  /// the events work of issue 4; `detectorIndex` is the detector's position in the list).
  case stoppedByEvent(epoch: Epoch, detectorIndex: Int)
  /// `IntegratorOptions.maxSteps` step attempts were made before the target; the session
  /// can be resumed by calling `propagate(to:)` again.
  case stepLimit
}
