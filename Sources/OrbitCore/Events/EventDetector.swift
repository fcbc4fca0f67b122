// Events: switching functions g(state, epoch) whose sign changes the numerical propagator
// locates on its dense output.
//
// Design after Orekit's `EventDetector`/`EventHandler` (g function, max check interval,
// convergence threshold, action) and heyoka's events (terminal or not, direction). The roots
// are bracketed by sampling g at the step ends (and at most every `maxCheckInterval` inside a
// step, on the dense output) and refined with Brent's method (Brent 1973, ch. 4) on the dense
// output: steps are never shortened to find an event. Our own code.

/// Which sign changes of g count as events.
public enum EventDirection: String, Hashable, Sendable, CaseIterable {
  /// g goes from negative to non-negative (in the direction of time).
  case increasing
  /// g goes from positive to non-positive.
  case decreasing
  /// Both.
  case both

  /// Whether a crossing with the given slope sign is accepted.
  ///
  /// - Parameter increasing: true for a − → + crossing.
  /// - Returns: whether the crossing counts.
  @inlinable
  public func accepts(increasing: Bool) -> Bool {
    switch self {
    case .increasing: return increasing
    case .decreasing: return !increasing
    case .both: return true
    }
  }
}

/// What an event means, for reports (`"periapsis"`, `"ascending-node"`, ...).
public enum EventKind: String, Hashable, Sendable, CaseIterable {
  /// A generic g crossing from negative to positive.
  case increasing
  /// A generic g crossing from positive to negative.
  case decreasing
  /// A date was reached.
  case date
  /// The altitude rose through the detector's altitude.
  case altitudeRising = "altitude-rising"
  /// The altitude fell through the detector's altitude.
  case altitudeFalling = "altitude-falling"
  /// The trajectory reached the surface (the impact detector).
  case impact
  /// Periapsis (r·v = 0, increasing).
  case periapsis
  /// Apoapsis (r·v = 0, decreasing).
  case apoapsis
  /// Ascending node (z = 0, increasing).
  case ascendingNode = "ascending-node"
  /// Descending node (z = 0, decreasing).
  case descendingNode = "descending-node"
  /// The argument of latitude reached the detector's value.
  case argumentOfLatitude = "argument-of-latitude"
  /// Entry into the Earth's shadow (penumbra or umbra, per the detector).
  case eclipseEntry = "eclipse-entry"
  /// Exit from the Earth's shadow.
  case eclipseExit = "eclipse-exit"
  /// The distance to another object fell through the detector's distance.
  case rangeClosing = "range-closing"
  /// The distance to another object rose through the detector's distance.
  case rangeOpening = "range-opening"
  /// Closest approach to another object (range rate zero, increasing).
  case closestApproach = "closest-approach"
  /// Largest distance from another object (range rate zero, decreasing).
  case farthestDistance = "farthest-distance"
  /// An impulsive maneuver was applied.
  case impulsiveManeuver = "impulsive-maneuver"
}

/// One located event.
@frozen
public struct EventOccurrence: Hashable, Sendable {
  /// The detector's index in the propagator's detector list.
  public var detectorIndex: Int
  /// The epoch of the event (within the detector's threshold of the root of g on the dense
  /// output, on the side after the crossing).
  public var epoch: Epoch
  /// The state at the event, before any reset (m, m/s, kg; the session's inertial frame).
  public var state: OrbitState
  /// What the event means.
  public var kind: EventKind
  /// True when g crossed from negative to positive (in the direction of time).
  public var isIncreasing: Bool

  /// An occurrence from its parts.
  ///
  /// - Parameters:
  ///   - detectorIndex: index of the detector in the list.
  ///   - epoch: the event epoch.
  ///   - state: the state at the event (m, m/s, kg).
  ///   - kind: its meaning.
  ///   - isIncreasing: the sign of the crossing.
  @inlinable
  public init(detectorIndex: Int, epoch: Epoch, state: OrbitState, kind: EventKind, isIncreasing: Bool) {
    self.detectorIndex = detectorIndex
    self.epoch = epoch
    self.state = state
    self.kind = kind
    self.isIncreasing = isIncreasing
  }
}

/// What the propagation does after an event.
public enum EventAction: Hashable, Sendable {
  /// Record the event and continue.
  case `continue`
  /// Stop at the event: the session's state is the state at the event.
  case stop
  /// Replace the state at the event (an impulsive maneuver) and continue; the integrator
  /// restarts there, so no step straddles the discontinuity.
  case resetState(OrbitState)
}

/// A switching function g(state, epoch) whose roots are events.
///
/// The propagator samples g at the end of every accepted step, and also every
/// `maxCheckInterval` seconds inside a longer step (on the dense output). Where g changes sign
/// in an accepted `direction`, Brent's method finds the root on the dense output to
/// `threshold` seconds; the event epoch is then moved to the side after the crossing (so g has
/// its new sign there). Two roots closer than the sampling interval can be missed: choose
/// `maxCheckInterval` below the shortest time between roots.
///
/// Conforming types are `Sendable` values. `g` must not allocate, throw or block; it returns
/// NaN when it cannot be evaluated, which the propagator reports as
/// `PropagationError.eventFunctionNotFinite`.
///
/// Events whose g is exactly zero at the start of a `propagate` call are not reported (a
/// maneuver at the initial epoch is applied to the initial state by the caller).
///
/// References: Orekit `EventDetector`; heyoka events; Brent (1973) ch. 4.
public protocol EventDetector: Sendable {
  /// The switching function (its unit is the detector's; only its sign and roots matter).
  ///
  /// - Parameters:
  ///   - state: position (m), velocity (m/s) and mass (kg) in the session's inertial frame.
  ///   - epoch: the instant.
  /// - Returns: g (finite, or NaN if it cannot be evaluated).
  func g(_ state: OrbitState, at epoch: Epoch) -> Double

  /// Which sign changes are events (default `.both`).
  var direction: EventDirection { get }
  /// The longest interval between samples of g (s, > 0; default 600 s).
  var maxCheckInterval: Double { get }
  /// The convergence threshold of the root finder in time (s, > 0; default 1e-7 s).
  var threshold: Double { get }
  /// Whether the propagation stops at the event (default false); used by the default
  /// `action(for:)`.
  var isTerminal: Bool { get }

  /// The meaning of a crossing (default `.increasing` / `.decreasing`).
  ///
  /// - Parameter increasing: true for a − → + crossing.
  /// - Returns: the kind recorded in the occurrence.
  func kind(increasing: Bool) -> EventKind

  /// What to do at an occurrence (default: `.stop` if `isTerminal`, else `.continue`).
  ///
  /// - Parameter occurrence: the located event.
  /// - Returns: the action.
  /// - Throws: `PropagationError`, e.g. `.insufficientPropellant` from a maneuver.
  func action(for occurrence: EventOccurrence) throws(PropagationError) -> EventAction
}

extension EventDetector {
  /// Both directions.
  @inlinable public var direction: EventDirection { .both }
  /// 600 s, as Orekit's default.
  @inlinable public var maxCheckInterval: Double { 600 }
  /// 0.1 µs, so that events are located to better than 1 µs.
  @inlinable public var threshold: Double { 1e-7 }
  /// Not terminal.
  @inlinable public var isTerminal: Bool { false }

  /// `.increasing` or `.decreasing`.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .increasing : .decreasing }

  /// `.stop` for a terminal detector, `.continue` otherwise.
  @inlinable
  public func action(for occurrence: EventOccurrence) throws(PropagationError) -> EventAction {
    isTerminal ? .stop : .continue
  }
}
