// A numerical session seen through the `Propagator` protocol, and ephemeris recording.
// Our own code.

/// A numerical `PropagationSession` behind the `Propagator` protocol: `propagate(to:)` returns
/// the state at the target, resuming through step limits; a terminal event or an impact before
/// the target is a typed error (`.stoppedByEvent`, `.impact`), since the protocol has no
/// outcome. Use the session directly to handle outcomes as values.
///
/// References: Orekit `Propagator`; STYLE.md §2.
public struct SessionPropagator<Dynamics: ODESystem, Method: Integrator>: Propagator
where Method.System == Dynamics, Dynamics.State == OrbitState {
  /// The session (its events, counters and current state).
  public var session: PropagationSession<Dynamics, Method>

  /// Wraps a session.
  ///
  /// - Parameter session: a session, usually fresh from `NumericalPropagator.session`.
  public init(_ session: PropagationSession<Dynamics, Method>) { self.session = session }

  /// The session's initial position and velocity (m, m/s).
  public var initialState: CartesianState {
    let y = session.initialValue
    return CartesianState(
      epoch: session.startEpoch, frame: session.frame, position: y.position, velocity: y.velocity)
  }

  /// The state at `epoch`, continuing from the session's current point.
  ///
  /// - Parameter epoch: the target (either direction).
  /// - Returns: position and velocity (m, m/s) in the session's frame.
  /// - Throws: `PropagationError` (including `.stoppedByEvent` and `.impact`).
  public mutating func propagate(to epoch: Epoch) throws(PropagationError) -> CartesianState {
    while true {
      switch try session.propagate(to: epoch) {
      case .reachedTarget:
        return session.cartesianState
      case .stepLimit:
        continue
      case .stoppedByEvent(let occurrence):
        throw .stoppedByEvent(epoch: occurrence.epoch, detector: occurrence.detectorIndex)
      case .impact(let occurrence):
        throw .impact(epoch: occurrence.epoch)
      }
    }
  }
}

extension PropagationSession where Dynamics.State == OrbitState {
  /// This session behind the `Propagator` protocol.
  public func asPropagator() -> SessionPropagator<Dynamics, Method> { SessionPropagator(self) }

  /// Advances to `target` and records an interpolating `Ephemeris` of the states on a fixed
  /// grid (from the dense output, steps not shortened) plus, at each state reset (impulsive
  /// maneuver), the states before and after it, so that no interpolation spans the jump.
  ///
  /// - Parameters:
  ///   - target: the epoch to reach.
  ///   - outputStep: grid spacing (s).
  ///   - interpolationPoints: Hermite nodes per interpolation (2...4, default 4).
  /// - Returns: the ephemeris (over the span actually propagated) and the outcome.
  /// - Throws: `PropagationError`; `.invalidOptions(.ephemerisStates)` if fewer than two states
  ///   were produced (e.g. a terminal event at the start).
  public mutating func recordEphemeris(
    to target: Epoch, outputStep: Double, interpolationPoints: Int = 4
  ) throws(PropagationError) -> (ephemeris: Ephemeris, outcome: PropagationOutcome) {
    guard outputStep.isFinite, outputStep > 0 else { throw .invalidOptions(.outputStep) }
    var states: [CartesianState] = []
    let frame = self.frame
    let start = startEpoch
    let outcome = try advance(to: target - startEpoch, outputStep: outputStep, includeResets: true) {
      t, y in
      states.append(
        CartesianState(epoch: start + t, frame: frame, position: y.position, velocity: y.velocity))
    }
    // A run stopped by an event ends at the event, off the grid: close the ephemeris there.
    if outcome != .reachedTarget, let last = states.last, last.epoch != epoch {
      states.append(cartesianState)
    }
    return (try Ephemeris(states: states, interpolationPoints: interpolationPoints), outcome)
  }
}
