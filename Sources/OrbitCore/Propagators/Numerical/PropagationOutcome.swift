// How a numerical propagation call ended normally. Failures are `PropagationError`.

/// How a call to `PropagationSession.propagate(to:)` ended. These are values, not errors
/// (heyoka's `taylor_outcome`); failures throw `PropagationError`.
///
/// References: heyoka `taylor_outcome`; Orekit `Action`.
@frozen
public enum PropagationOutcome: Hashable, Sendable {
  /// The target epoch was reached; the session's state is at the target.
  case reachedTarget
  /// A terminal event stopped the propagation; the session's state is the state at the event
  /// (`occurrence.epoch`), and a later `propagate(to:)` continues from there.
  case stoppedByEvent(EventOccurrence)
  /// An `ImpactDetector` fired (or the session started below its altitude): the trajectory
  /// reached the surface at `occurrence.epoch`, where the session's state now is.
  case impact(EventOccurrence)
  /// `IntegratorOptions.maxSteps` step attempts were made before the target; the session
  /// can be resumed by calling `propagate(to:)` again.
  case stepLimit
}
