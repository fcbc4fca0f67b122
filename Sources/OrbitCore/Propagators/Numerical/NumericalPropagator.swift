// Numerical (Cowell) propagation: a configuration value and the sessions it starts.
//
// Layout after nyx (`Propagator` → `PropInstance`): the configuration holds the dynamics, an
// integrator prototype and the options; `session(...)` returns a value holding the mutable
// state and the integrator's preallocated stage storage. Step-size control: Hairer, Nørsett &
// Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.4, eq. (4.13); automatic initial step: ibid.,
// "Starting step size", pp. 169–170. Our own code.

/// The configuration of a numerical propagation: dynamics, integrator, options and event
/// detectors.
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
  /// Event detectors (altitude, apsides, nodes, eclipses, dates, impulsive maneuvers, ...),
  /// located on the dense output; their index in this list identifies their occurrences.
  /// Existentials at coarse grain (STYLE.md §5.3): one dynamic call per detector per step.
  public var detectors: [any EventDetector]

  /// A configuration from its parts.
  ///
  /// - Parameters:
  ///   - dynamics: the differential equations.
  ///   - integrator: the method, e.g. `DormandPrince87()`.
  ///   - options: step-size control options.
  ///   - detectors: event detectors (default none; they need `Dynamics.State == OrbitState`).
  @inlinable
  public init(
    dynamics: Dynamics, integrator: Method, options: IntegratorOptions,
    detectors: [any EventDetector] = []
  ) {
    self.dynamics = dynamics
    self.integrator = integrator
    self.options = options
    self.detectors = detectors
  }

  /// A session starting from `state` at `epoch`.
  ///
  /// - Parameters:
  ///   - epoch: the start epoch of the arc; times inside are seconds since it.
  ///   - frame: the inertial frame of the state.
  ///   - state: the initial state.
  /// - Returns: a session positioned at `epoch`.
  /// - Throws: `.invalidOptions` for unusable options or detectors (or detectors with a state
  ///   other than `OrbitState`), `.nonFiniteState` if `state` is not finite.
  @inlinable
  public func session(
    from epoch: Epoch, frame: Frame, state: Dynamics.State
  ) throws(PropagationError) -> PropagationSession<Dynamics, Method> {
    try options.validate(adaptive: Method.embeddedOrder != nil)
    guard state.isFinite else { throw .nonFiniteState(epoch: epoch) }
    if !detectors.isEmpty && Dynamics.State.self != OrbitState.self {
      throw .invalidOptions(.detectorsNeedOrbitState)
    }
    for (i, d) in detectors.enumerated() {
      guard d.maxCheckInterval > 0, d.threshold > 0, d.threshold.isFinite, !d.maxCheckInterval.isNaN
      else { throw .invalidOptions(.detector(index: i)) }
    }
    var method = integrator
    method.begin(dynamics, at: 0, state: state)
    return PropagationSession(
      dynamics: dynamics, integrator: method, options: options, startEpoch: epoch, frame: frame,
      detectors: detectors)
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
  ) throws(PropagationError) -> PropagationSession<Dynamics, Method> {
    try session(
      from: initialState.epoch, frame: initialState.frame,
      state: OrbitState(
        position: initialState.position, velocity: initialState.velocity, mass: mass))
  }
}
