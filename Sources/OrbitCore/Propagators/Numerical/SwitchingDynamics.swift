// Dynamics with discrete modes switched at known times (finite burns), so that the propagator
// ends a step exactly at each switch and restarts the integrator there instead of stepping
// across a discontinuity of the right-hand side. Our own code; the approach is Orekit's
// (maneuver triggers switch a firing flag at a date event and reset the integrator) with the
// switch times known in advance, as in Montenbruck & Gill, Satellite Orbits (2000), §4.1.4
// (integrators need the discontinuities of the forces at step boundaries).

/// An `ODESystem` whose right-hand side switches between modes at known instants.
///
/// `PropagationSession` clips every step at the next switch, then calls `prepareArc` and, if the
/// mode changed, restarts the integrator (re-evaluating the first stage), so stages of one step
/// never see two modes. The mode is part of the value (e.g. which burns fire), not of the time:
/// a stage exactly at a switch uses the mode of the arc being integrated.
///
/// Times are seconds since `referenceEpoch` (the session's start epoch), computed the same way
/// every time so that comparisons with the session's step ends are exact.
///
/// References: Montenbruck & Gill (2000) §4.1.4; Orekit `ConstantThrustManeuver` triggers.
public protocol SwitchingDynamics: ODESystem where State == OrbitState {
  /// The first switch strictly after `t` in the direction of propagation, or nil.
  ///
  /// - Parameters:
  ///   - t: the current time (s since `referenceEpoch`).
  ///   - referenceEpoch: the epoch of t = 0.
  ///   - forward: the direction of propagation.
  /// - Returns: the switch time (s since `referenceEpoch`) or nil.
  func nextSwitch(after t: Double, referenceEpoch: Epoch, forward: Bool) -> Double?

  /// Sets the mode for the arc that starts at `t` in the given direction.
  ///
  /// - Parameters:
  ///   - t: the arc's start (s since `referenceEpoch`).
  ///   - referenceEpoch: the epoch of t = 0.
  ///   - state: the state at `t` (its mass sizes Δv-specified burns and is checked against the
  ///     dry mass).
  ///   - forward: the direction of propagation.
  /// - Returns: whether the mode changed (the integrator is then restarted).
  /// - Throws: `PropagationError.insufficientPropellant`, `.invalidOptions(.backwardBurn)`.
  mutating func prepareArc(
    at t: Double, referenceEpoch: Epoch, state: OrbitState, forward: Bool
  ) throws(PropagationError) -> Bool
}
