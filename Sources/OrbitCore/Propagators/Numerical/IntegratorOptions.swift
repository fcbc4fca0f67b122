// Options of the numerical propagator's step-size control.
//
// Step-size control and the automatic initial step follow Hairer, Nørsett & Wanner, *Solving
// ODEs I*, 2nd ed. (1993), §II.4, eq. (4.12)-(4.13) and "Starting step size" (pp. 169–170).

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
  @inlinable
  public init(
    tolerance: IntegrationTolerance, initialStep: Double? = nil, minStep: Double = 1e-6,
    maxStep: Double = 86_400, maxSteps: Int = 1_000_000, fixedStep: Double? = nil,
    safety: Double = 0.9, minFactor: Double = 0.2, maxFactor: Double = 5
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
        safety > 0, safety <= 1, minFactor > 0, minFactor <= 1, maxFactor >= 1
      else { throw .invalidOptions(.stepBounds) }
      if let initialStep {
        guard initialStep.isFinite, initialStep > 0 else { throw .invalidOptions(.stepBounds) }
      }
    }
    guard maxSteps > 0 else { throw .invalidOptions(.maxSteps) }
  }
}
