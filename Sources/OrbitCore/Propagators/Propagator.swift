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

/// Why a propagation failed. Normal termination is never an error.
public enum PropagationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The propagated state became NaN or infinite at `epoch`.
  case nonFiniteState(epoch: Epoch)
  /// The initial state or elements were rejected.
  case invalidElements(ElementsError)
  /// The propagator does not model this kind of orbit.
  case unsupportedOrbit(UnsupportedOrbit)

  /// Orbit kinds a propagator may not support.
  public enum UnsupportedOrbit: Hashable, Sendable {
    /// e > 1 (e.g. a mean-element theory defined for ellipses only).
    case hyperbolic
    /// The periapsis is inside the central body's reference radius.
    case periapsisInsideBody
  }

  public var description: String {
    switch self {
    case .nonFiniteState(let epoch):
      return "propagated state is not finite at epoch \(epoch)"
    case .invalidElements(let error):
      return "invalid initial elements: \(error)"
    case .unsupportedOrbit(.hyperbolic):
      return "the propagator supports elliptic orbits only"
    case .unsupportedOrbit(.periapsisInsideBody):
      return "the periapsis is inside the central body"
    }
  }
}
