// Propagator protocols and their error type.

/// Something that advances an orbit from its initial state to other epochs.
///
/// `propagate(to:)` may keep internal state (a numerical propagator continues from where it
/// stopped), hence `mutating`. Values, not objects: conforming types are structs.
///
/// References: Orekit `Propagator`.
public protocol Propagator: Sendable {
  /// The state the propagation starts from (m, m/s).
  var initialState: CartesianState { get }

  /// The state at `epoch`, in the frame of `initialState`.
  ///
  /// - Parameter epoch: the target instant (before or after the initial epoch).
  /// - Returns: the state at `epoch` (m, m/s).
  /// - Throws: `PropagationError`.
  mutating func propagate(to epoch: Epoch) throws(PropagationError) -> CartesianState
}

/// A propagator with a closed-form solution: any epoch can be evaluated directly, without
/// state between calls.
///
/// References: Orekit `AbstractAnalyticalPropagator`.
public protocol AnalyticalPropagator: Propagator {
  /// The state at `epoch`, in the frame of `initialState`; pure and random-access.
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the state at `epoch` (m, m/s).
  /// - Throws: `PropagationError`.
  func state(at epoch: Epoch) throws(PropagationError) -> CartesianState
}

extension AnalyticalPropagator {
  /// Same as `state(at:)`.
  public mutating func propagate(to epoch: Epoch) throws(PropagationError) -> CartesianState {
    try state(at: epoch)
  }
}
