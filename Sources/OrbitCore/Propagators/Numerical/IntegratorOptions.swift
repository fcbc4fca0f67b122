// Options of the numerical propagator's step-size control.
//
// Step-size control and the automatic initial step follow Hairer, Nørsett & Wanner, *Solving
// ODEs I*, 2nd ed. (1993), §II.4, eq. (4.12)-(4.13) and "Starting step size" (pp. 169–170); the
// larger growth allowed after the first step follows CVODE (Hindmarsh et al., "SUNDIALS", ACM
// TOMS 31 (2005) 363–396; CVODE's ETAMX1 = 10⁴).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Step-size control options: tolerances, step bounds, step limit and controller factors.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.4.
@frozen
public struct IntegratorOptions: Hashable, Sendable {
  /// Error tolerances (m, m/s, relative, kg).
  public var tolerance: IntegrationTolerance
  /// The first step's magnitude (s); nil selects it automatically (HNW §II.4).
  public var initialStep: Double?
  /// Smallest step magnitude error control may use (s); below it the run fails with
  /// `.stepSizeUnderflow`. The final step to a target may be shorter.
  public var minStep: Double
  /// Largest step magnitude (s).
  public var maxStep: Double
  /// Step attempts (accepted + rejected) allowed per `propagate(to:)` call.
  public var maxSteps: Int
  /// Fixed step (s): when set, no error control; the last step to a target is shortened.
  public var fixedStep: Double?
  /// Safety factor of the step controller (dimensionless).
  public var safety: Double
  /// Smallest step change factor (dimensionless).
  public var minFactor: Double
  /// Largest step change factor (dimensionless).
  public var maxFactor: Double
  /// Largest step change factor after the first accepted step of a propagation (dimensionless,
  /// at least `maxFactor` in effect). The automatic initial step is deliberately small (for a
  /// 12th-order method on an orbit it is ~10⁻³ of the step the tolerance allows), so a growth
  /// limit of `maxFactor` would spend several steps climbing; as in CVODE (η_max = 10⁴ after
  /// the first step), the first step's error estimate sets the second step directly.
  public var firstStepMaxFactor: Double

  /// Options from their parts.
  ///
  /// - Parameters:
  ///   - tolerance: error tolerances.
  ///   - initialStep: first step (s), nil for automatic.
  ///   - minStep: minimum step (s; default 1e-6 s).
  ///   - maxStep: maximum step (s; default 86 400 s).
  ///   - maxSteps: step attempts per call (default 1 000 000).
  ///   - fixedStep: fixed step (s) or nil for adaptive.
  ///   - safety: controller safety factor (default 0.9).
  ///   - minFactor: smallest step change factor (default 0.2).
  ///   - maxFactor: largest step change factor (default 5).
  ///   - firstStepMaxFactor: largest step change factor after the first accepted step
  ///     (default 10⁴).
  @inlinable
  public init(
    tolerance: IntegrationTolerance, initialStep: Double? = nil, minStep: Double = 1e-6,
    maxStep: Double = 86_400, maxSteps: Int = 1_000_000, fixedStep: Double? = nil,
    safety: Double = 0.9, minFactor: Double = 0.2, maxFactor: Double = 5,
    firstStepMaxFactor: Double = 1e4
  ) {
    self.tolerance = tolerance
    self.initialStep = initialStep
    self.minStep = minStep
    self.maxStep = maxStep
    self.maxSteps = maxSteps
    self.fixedStep = fixedStep
    self.safety = safety
    self.minFactor = minFactor
    self.maxFactor = maxFactor
    self.firstStepMaxFactor = firstStepMaxFactor
  }

  /// Fixed-step options (no error control).
  ///
  /// - Parameters:
  ///   - step: the step (s).
  ///   - maxSteps: steps per call (default 1 000 000).
  @inlinable
  public static func fixed(step: Double, maxSteps: Int = 1_000_000) -> IntegratorOptions {
    IntegratorOptions(
      tolerance: IntegrationTolerance(position: 1, velocity: 1), minStep: 0,
      maxStep: .greatestFiniteMagnitude, maxSteps: maxSteps, fixedStep: step)
  }

  /// Validates the options for an integrator with or without an error estimate.
  ///
  /// - Parameter adaptive: whether the integrator has an error estimate.
  /// - Throws: `.invalidOptions`.
  @inlinable
  public func validate(adaptive: Bool) throws(PropagationError) {
    if let fixedStep {
      guard fixedStep.isFinite, fixedStep > 0 else { throw .invalidOptions(.fixedStep) }
    } else {
      guard adaptive else { throw .invalidOptions(.fixedStepRequired) }
      guard tolerance.isValid else { throw .invalidOptions(.tolerance) }
      guard minStep >= 0, minStep.isFinite, maxStep > 0, minStep <= maxStep,
        safety > 0, safety <= 1, minFactor > 0, minFactor <= 1, maxFactor >= 1,
        firstStepMaxFactor >= 1
      else { throw .invalidOptions(.stepBounds) }
      if let initialStep {
        guard initialStep.isFinite, initialStep > 0 else { throw .invalidOptions(.stepBounds) }
      }
    }
    guard maxSteps > 0 else { throw .invalidOptions(.maxSteps) }
  }
}

extension IntegratorOptions {
  /// A starting step from the time scale of the solution, ω⁻¹ = ‖y‖/‖f‖ = d0/d1 (s), for a
  /// local error ≈ (ωh)^(q+1)·‖y‖ of 0.01 in the error norm: h = (0.01/d0)^(1/(q+1))/ω; 0 when
  /// either norm is too small to give a time scale.
  ///
  /// HNW's h1 = (0.01/max(d1, d2))^(1/(q+1)) takes ‖y^(q+1)‖ ≈ ‖f‖, which holds for time scales
  /// near 1 s; for an orbit (ω ≈ 1.1e-3 s⁻¹) it is 10⁻³–10⁻⁴ of the step the tolerance allows,
  /// and a 12th-order method then spends 4–5 steps growing. The larger of the two is used,
  /// still capped by HNW's 100·h0.
  @inlinable
  static func naturalInitialStep(d0: Double, d1: Double, order q: Double) -> Double {
    guard d0 >= 1e-5, d1 >= 1e-5, d0.isFinite, d1.isFinite else { return 0 }
    let h = pow(0.01 / d0, 1.0 / (q + 1)) * (d0 / d1)
    return h.isFinite ? h : 0
  }
}
