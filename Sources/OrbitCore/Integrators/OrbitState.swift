// The integrated state of a spacecraft: position, velocity and mass.

/// Position, velocity and mass of a spacecraft, the state integrated by the orbit propagators.
///
/// The same type holds the time derivative (velocity, acceleration, mass rate), so its fields
/// are named for the state: in a derivative `position` is dr/dt (m/s), `velocity` is dv/dt
/// (m/s²) and `mass` is dm/dt (kg/s).
///
/// Error norm: position and velocity are scaled per vector (rotation invariant):
/// `s_r = tolerance.position + tolerance.relative × max(|r0|, |r1|)`, likewise `s_v`, and
/// `err = max(√((|δr|²/s_r² + |δv|²/s_v²)/6), |δm|/s_m)`.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.4, eq. (4.11).
@frozen
public struct OrbitState: IntegrableState, Hashable {
  /// Position (m), or its derivative (m/s).
  public var position: Vector3
  /// Velocity (m/s), or its derivative (m/s²).
  public var velocity: Vector3
  /// Mass (kg), or its derivative (kg/s).
  public var mass: Double

  /// A state from its parts.
  ///
  /// - Parameters:
  ///   - position: position (m).
  ///   - velocity: velocity (m/s).
  ///   - mass: mass (kg; default 1 kg, for dynamics that ignore it).
  @inlinable
  public init(position: Vector3, velocity: Vector3, mass: Double = 1) {
    self.position = position
    self.velocity = velocity
    self.mass = mass
  }

  /// The zero state.
  @inlinable
  public static var zero: OrbitState { OrbitState(position: .zero, velocity: .zero, mass: 0) }

  /// Component-wise sum.
  @inlinable @inline(__always)
  public static func + (lhs: OrbitState, rhs: OrbitState) -> OrbitState {
    OrbitState(
      position: lhs.position + rhs.position, velocity: lhs.velocity + rhs.velocity,
      mass: lhs.mass + rhs.mass)
  }

  /// Component-wise difference.
  @inlinable @inline(__always)
  public static func - (lhs: OrbitState, rhs: OrbitState) -> OrbitState {
    OrbitState(
      position: lhs.position - rhs.position, velocity: lhs.velocity - rhs.velocity,
      mass: lhs.mass - rhs.mass)
  }

  /// The multiple `lhs × rhs`.
  @inlinable @inline(__always)
  public static func * (lhs: Double, rhs: OrbitState) -> OrbitState {
    OrbitState(position: lhs * rhs.position, velocity: lhs * rhs.velocity, mass: lhs * rhs.mass)
  }

  /// True when all seven components are finite.
  ///
  /// Branch-free: x·0 is ±0 for every finite x and NaN for ±∞ and NaN, so the sum of the seven
  /// products is zero exactly when all are finite (one comparison, on registers, where a
  /// component-by-component test of a state just stored to memory stalled on store forwarding).
  @inlinable @inline(__always)
  public var isFinite: Bool {
    let z = position * 0 + velocity * 0
    return z.x + z.y + z.z + mass * 0 == 0
  }

  /// The scaled error norm (see the type's documentation).
  ///
  /// - Parameters:
  ///   - error: the error estimate (m, m/s, kg).
  ///   - start: the state at the start of the step.
  ///   - end: the state at the end of the step.
  ///   - tolerance: absolute (m, m/s, kg) and relative tolerances.
  /// - Returns: the scaled norm (dimensionless).
  @inlinable @inline(__always)
  public static func errorNorm(
    _ error: OrbitState, start: OrbitState, end: OrbitState, tolerance: IntegrationTolerance
  ) -> Double {
    let sr = tolerance.position + tolerance.relative * max(start.position.norm, end.position.norm)
    let sv = tolerance.velocity + tolerance.relative * max(start.velocity.norm, end.velocity.norm)
    let sm = tolerance.mass + tolerance.relative * max(abs(start.mass), abs(end.mass))
    let er = error.position.normSquared / (sr * sr)
    let ev = error.velocity.normSquared / (sv * sv)
    let rms = ((er + ev) * (1.0 / 6.0)).squareRoot()
    let em = error.mass == 0 ? 0 : abs(error.mass) / sm
    // `max` would drop a NaN: keep it so that a non-finite step is never accepted.
    if rms.isNaN || em.isNaN { return .nan }
    return max(rms, em)
  }
}
