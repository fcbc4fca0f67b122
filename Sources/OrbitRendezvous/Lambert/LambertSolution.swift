// The value types returned by the Lambert solver.

import OrbitCore

/// The sense of motion of a Lambert transfer.
public enum LambertDirection: String, Hashable, Sendable, CaseIterable {
  /// Angular momentum with a positive z component (counter-clockwise seen from +z). When the
  /// transfer plane contains the z axis (h_z = 0) the short-way transfer is taken as prograde.
  case prograde
  /// Angular momentum with a negative z component.
  case retrograde
}

/// Which of the two solutions of a multi-revolution Lambert problem.
///
/// For N ≥ 1 revolutions the nondimensional time of flight T(x) has one minimum at x_m in
/// (−1, 1) and two solutions when T > T_min: the **left** one with x < x_m and the **right** one
/// with x > x_m (Izzo 2015). The zero-revolution problem has one solution,
/// `.single`.
///
/// References: D. Izzo, "Revisiting Lambert's problem", Celest. Mech. Dyn. Astr. 121 (2015) 1–15.
public enum LambertBranch: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// The only solution of a zero-revolution problem.
  case single
  /// The multi-revolution solution with the smaller x (x < x_m).
  case left
  /// The multi-revolution solution with the larger x (x > x_m).
  case right

  /// The raw value.
  public var description: String { rawValue }
}

/// One solution of Lambert's problem: the velocities at both ends of the transfer arc.
@frozen
public struct LambertSolution: Hashable, Sendable {
  /// Number of complete revolutions N before arrival.
  public var revolutions: Int
  /// Which solution for N ≥ 1; `.single` for N = 0.
  public var branch: LambertBranch
  /// Velocity just after departure at r1, inertial (m/s).
  public var departureVelocity: Vector3
  /// Velocity just before arrival at r2, inertial (m/s).
  public var arrivalVelocity: Vector3
  /// Izzo's converged iteration variable x (dimensionless): x < 1 elliptic, x = 1 parabolic,
  /// x > 1 hyperbolic; the semi-major axis is a = s / (2(1 − x²)) with s the semi-perimeter.
  public var x: Double
  /// Householder iterations used (0 if the initial guess already met the tolerance).
  public var iterations: Int

  /// A solution from its parts.
  ///
  /// - Parameters:
  ///   - revolutions: complete revolutions N.
  ///   - branch: `.single` for N = 0, `.left`/`.right` otherwise.
  ///   - departureVelocity: velocity at r1 (m/s).
  ///   - arrivalVelocity: velocity at r2 (m/s).
  ///   - x: Izzo's iteration variable (dimensionless).
  ///   - iterations: iterations used.
  @inlinable
  public init(
    revolutions: Int, branch: LambertBranch, departureVelocity: Vector3,
    arrivalVelocity: Vector3, x: Double, iterations: Int
  ) {
    self.revolutions = revolutions
    self.branch = branch
    self.departureVelocity = departureVelocity
    self.arrivalVelocity = arrivalVelocity
    self.x = x
    self.iterations = iterations
  }
}
