// Numerical (Cowell) propagation: a configuration value and the sessions it starts.
//
// Layout after nyx (`Propagator` → `PropInstance`): the configuration holds the dynamics, an
// integrator prototype and the options; `session(...)` returns a value holding the mutable
// state and the integrator's preallocated stage storage. Step-size control: Hairer, Nørsett &
// Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.4, eq. (4.13); automatic initial step: ibid.,
// "Starting step size", pp. 169–170. Our own code.

/// The configuration of a numerical propagation: dynamics, integrator and options.
///
/// A configuration is immutable and `Sendable`; each `session` is an independent value, so
/// ensembles run in parallel over separate sessions.
///
/// References: nyx `Propagator`; Orekit `NumericalPropagator`; Hairer, Nørsett & Wanner,
/// *Solving ODEs I*, §II.4.
@frozen
public struct NumericalPropagator<Dynamics: ODESystem, Method: Integrator>: Sendable
where Method.System == Dynamics {
  /// The differential equations.
  public var dynamics: Dynamics
  /// The integrator prototype (empty stage storage), copied into each session.
  public var integrator: Method
  /// Step-size control options.
  public var options: IntegratorOptions

  /// A configuration from its parts.
  ///
  /// - Parameters:
  ///   - dynamics: the differential equations.
  ///   - integrator: the method, e.g. `DormandPrince87()`.
  ///   - options: step-size control options.
  @inlinable
  public init(dynamics: Dynamics, integrator: Method, options: IntegratorOptions) {
    self.dynamics = dynamics
    self.integrator = integrator
    self.options = options
  }

  /// A session starting from `state` at `epoch`.
  ///
  /// - Parameters:
  ///   - epoch: the start epoch of the arc; times inside are seconds since it.
  ///   - frame: the inertial frame of the state.
  ///   - state: the initial state.
  /// - Returns: a session positioned at `epoch`.
  /// - Throws: `.invalidOptions` for unusable options, `.nonFiniteState` if `state` or its
  ///   derivative is not finite.
  @inlinable
  public func session(
    from epoch: Epoch, frame: Frame, state: Dynamics.State
  ) throws(NumericalPropagationError) -> PropagationSession<Dynamics, Method> {
    try options.validate(adaptive: Method.embeddedOrder != nil)
    guard state.isFinite else { throw .nonFiniteState(epoch: epoch) }
    var method = integrator
    method.begin(dynamics, at: 0, state: state)
    return PropagationSession(
      dynamics: dynamics, integrator: method, options: options, startEpoch: epoch, frame: frame)
  }
}

extension NumericalPropagator where Dynamics.State == OrbitState {
  /// A session starting from a Cartesian state.
  ///
  /// - Parameters:
  ///   - initialState: position (m) and velocity (m/s) at the start epoch.
  ///   - mass: spacecraft mass (kg; default 1 kg for dynamics that ignore it).
  /// - Returns: a session positioned at `initialState.epoch`.
  /// - Throws: `.invalidOptions`, `.nonFiniteState`.
  @inlinable
  public func session(
    from initialState: CartesianState, mass: Double = 1
  ) throws(NumericalPropagationError) -> PropagationSession<Dynamics, Method> {
    try session(
      from: initialState.epoch, frame: initialState.frame,
      state: OrbitState(
        position: initialState.position, velocity: initialState.velocity, mass: mass))
  }
}
