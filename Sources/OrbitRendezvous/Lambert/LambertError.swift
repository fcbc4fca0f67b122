// Errors of the Lambert solver's validating entry point.

/// Why a Lambert problem was rejected.
///
/// A problem that is well posed but whose time of flight admits fewer revolutions than asked is
/// not an error: `LambertSolver.solve` then returns fewer solutions.
public enum LambertError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A position or the time of flight is NaN or infinite.
  case nonFiniteInput
  /// The gravitational parameter is not positive and finite (m³/s²).
  case nonPositiveGravitationalParameter(Double)
  /// The departure or arrival position is the zero vector (or too close to it).
  case zeroRadius
  /// The time of flight is zero or negative (s).
  case nonPositiveTimeOfFlight(Double)
  /// The two positions are collinear (transfer angle within `LambertSolver.collinearityLimit`
  /// of 0° or 180°): the plane of the transfer is undefined.
  case collinearPositions(transferAngle: Double)
  /// `maxRevolutions` is negative.
  case negativeRevolutions(Int)
  /// More revolutions are feasible and asked for than `LambertSolver.revolutionCap`.
  case tooManyRevolutions(feasible: Int, cap: Int)
  /// The Householder iteration did not converge for this solution (a bug if it ever happens).
  case noConvergence(revolutions: Int, branch: LambertBranch)

  /// A one-line message.
  public var description: String {
    switch self {
    case .nonFiniteInput:
      return "Lambert: positions and time of flight must be finite"
    case .nonPositiveGravitationalParameter(let mu):
      return "Lambert: gravitational parameter must be positive and finite, got \(mu) m^3/s^2"
    case .zeroRadius:
      return "Lambert: departure and arrival positions must be non-zero"
    case .nonPositiveTimeOfFlight(let t):
      return "Lambert: time of flight must be positive, got \(t) s"
    case .collinearPositions(let angle):
      return
        "Lambert: positions are collinear (transfer angle \(angle * 180 / Double.pi) deg); the transfer plane is undefined"
    case .negativeRevolutions(let n):
      return "Lambert: maximum number of revolutions must be >= 0, got \(n)"
    case .tooManyRevolutions(let feasible, let cap):
      return "Lambert: \(feasible) revolutions are feasible and asked for, more than the cap of \(cap)"
    case .noConvergence(let m, let branch):
      return "Lambert: no convergence for \(m) revolution(s), \(branch) branch"
    }
  }
}
