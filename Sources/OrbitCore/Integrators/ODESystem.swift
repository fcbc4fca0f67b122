// The differential equations the integrators solve: first-order y' = f(t, y) and
// velocity-independent second-order r'' = a(t, r).

/// A system of first-order ordinary differential equations y' = f(t, y).
///
/// `t` is in seconds since the start epoch of the arc being integrated, never seconds since
/// J2000, so that its rounding stays at the level of the arc length (a `Double` of 86 400 s
/// has a resolution of 1.5e-11 s). Conforming types are value types with trivial stored
/// properties; `derivative` must not allocate, throw or block. A non-finite derivative is
/// reported by the propagator as a typed error.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.1; nyx `Dynamics`.
public protocol ODESystem: Sendable {
  /// The integrated state.
  associatedtype State: IntegrableState

  /// The time derivative of `y` at `t`.
  ///
  /// - Parameters:
  ///   - y: the state.
  ///   - t: time since the arc's start epoch (s).
  /// - Returns: dy/dt (state units per second).
  func derivative(_ y: State, at t: Double) -> State
}

/// A second-order system r'' = a(t, r) whose acceleration depends on position, mass and time
/// but not on velocity: the class the Runge–Kutta–Nyström integrators solve.
///
/// Every second-order system is also a first-order system on `OrbitState` (velocity,
/// acceleration, zero mass rate), so the Runge–Kutta integrators accept it too. Forces that
/// depend on velocity (drag, thrust along velocity) must not conform: implement
/// `ODESystem.derivative` instead.
///
/// References: Dormand, El-Mikkawy & Prince, IMA J. Numer. Anal. 7 (1987) 423–430.
public protocol SecondOrderSystem: ODESystem where State == OrbitState {
  /// The acceleration at `position`.
  ///
  /// - Parameters:
  ///   - position: position (m).
  ///   - mass: mass (kg).
  ///   - t: time since the arc's start epoch (s).
  /// - Returns: acceleration (m/s²).
  func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3
}

extension SecondOrderSystem {
  /// The first-order form: (velocity, acceleration, 0).
  ///
  /// - Parameters:
  ///   - y: the state (m, m/s, kg).
  ///   - t: time since the arc's start epoch (s).
  /// - Returns: (m/s, m/s², kg/s).
  @inlinable
  public func derivative(_ y: OrbitState, at t: Double) -> OrbitState {
    OrbitState(
      position: y.velocity, velocity: acceleration(position: y.position, mass: y.mass, at: t),
      mass: 0)
  }
}
