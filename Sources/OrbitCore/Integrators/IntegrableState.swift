// The state-space protocol of the integrators and the tolerances of their error control.
//
// The scaled error norm follows Hairer, Nørsett & Wanner, "Solving Ordinary Differential
// Equations I", 2nd ed. (1993), §II.4, eq. (4.10)-(4.11): err = √(mean((δᵢ/scᵢ)²)) with
// scᵢ = atolᵢ + rtol·max(|y0ᵢ|, |y1ᵢ|). Our own code.

/// Tolerances of adaptive step-size control, in physical units.
///
/// A step is accepted when its scaled error norm is at most 1; the scale of each block is
/// `absolute + relative × max(|start|, |end|)` (see `IntegrableState.errorNorm`).
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.4, eq. (4.10).
@frozen
public struct IntegrationTolerance: Hashable, Sendable {
  /// Absolute position error allowed per step (m).
  public var position: Double
  /// Absolute velocity error allowed per step (m/s).
  public var velocity: Double
  /// Relative error allowed per step (dimensionless).
  public var relative: Double
  /// Absolute mass error allowed per step (kg).
  public var mass: Double

  /// Tolerances from their parts.
  ///
  /// - Parameters:
  ///   - position: absolute position error per step (m).
  ///   - velocity: absolute velocity error per step (m/s).
  ///   - relative: relative error per step (dimensionless; default 0).
  ///   - mass: absolute mass error per step (kg; default 1e-6 kg).
  @inlinable
  public init(position: Double, velocity: Double, relative: Double = 0, mass: Double = 1e-6) {
    self.position = position
    self.velocity = velocity
    self.relative = relative
    self.mass = mass
  }

  /// True when every tolerance is finite and non-negative and at least one of the position
  /// tolerances is positive.
  @inlinable
  public var isValid: Bool {
    position.isFinite && velocity.isFinite && relative.isFinite && mass.isFinite
      && position >= 0 && velocity >= 0 && relative >= 0 && mass >= 0
      && (position > 0 || relative > 0) && (velocity > 0 || relative > 0)
  }
}

/// A state that the integrators can advance: a real vector space (sums and multiples by a
/// `Double`) with a scaled error norm.
///
/// Conforming types are trivial `@frozen` structs of SIMD values (no arrays, no references), so
/// a stage combination compiles to straight-line vector arithmetic once specialised.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.4 (error norm).
public protocol IntegrableState: AdditiveArithmetic, Sendable {
  /// The multiple `lhs × rhs`.
  static func * (lhs: Double, rhs: Self) -> Self

  /// True when every component is finite.
  var isFinite: Bool { get }

  /// The scaled norm of `error`: at most 1 when the error is within `tolerance`.
  ///
  /// - Parameters:
  ///   - error: the error estimate (same units as the state).
  ///   - start: the state at the start of the step; its magnitude scales the relative part.
  ///   - end: the state at the end of the step; its magnitude scales the relative part.
  ///   - tolerance: absolute and relative tolerances.
  /// - Returns: the scaled norm (dimensionless, ≥ 0; NaN if `error` is not finite).
  static func errorNorm(
    _ error: Self, start: Self, end: Self, tolerance: IntegrationTolerance
  ) -> Double
}
