// A differential corrector (Newton's method with a finite-difference Jacobian) for targeting:
// vary burn Δv and burn times until a propagated trajectory meets its target conditions.
//
// Method: multivariate Newton iteration on scaled residuals, with the Jacobian by central
// differences and a step-halving safeguard; square systems by Gaussian elimination with partial
// pivoting, under-determined ones by the minimum-norm step in scaled variables, over-determined
// ones by least squares (normal equations). As in GMAT's DifferentialCorrector and nyx's
// `Targeter` (design precedents; no code taken). References: Dennis & Schnabel, *Numerical
// Methods for Unconstrained Optimization and Nonlinear Equations* (SIAM, 1996), ch. 5–6;
// Vallado (2013) ch. 7 (targeting as the perturbed counterpart of Lambert's problem).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// Why a targeting problem failed.
public enum TargeterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Inconsistent sizes (no variables, no residuals, or a perturbation/tolerance array of the
  /// wrong length), or a non-positive perturbation or tolerance.
  case invalidProblem
  /// A residual evaluation failed to propagate.
  case propagationFailed(PropagationError)
  /// A residual was NaN or infinite at iteration `iteration`.
  case nonFiniteResidual(iteration: Int)
  /// The Jacobian was singular (a variable has no effect on the objectives).
  case singularJacobian(iteration: Int)
  /// No convergence within the iteration limit; the largest scaled residual left (|r_i|/tol_i).
  case noConvergence(iterations: Int, scaledResidual: Double)

  /// A one-line message.
  public var description: String {
    switch self {
    case .invalidProblem:
      return "targeter: inconsistent problem (sizes, perturbations or tolerances)"
    case .propagationFailed(let e):
      return "targeter: propagation failed: \(e)"
    case .nonFiniteResidual(let i):
      return "targeter: non-finite residual at iteration \(i)"
    case .singularJacobian(let i):
      return "targeter: singular Jacobian at iteration \(i) (a variable does not affect the objectives)"
    case .noConvergence(let n, let r):
      return "targeter: no convergence after \(n) iterations (largest residual \(r) x its tolerance)"
    }
  }
}

/// The outcome of a converged targeting problem.
public struct TargeterResult: Hashable, Sendable {
  /// The solved variables (their units are the caller's).
  public var variables: [Double]
  /// The residuals at the solution (target minus achieved, the caller's units).
  public var residuals: [Double]
  /// Newton iterations taken (Jacobian evaluations).
  public var iterations: Int
  /// Residual evaluations (propagations) used in total.
  public var evaluations: Int
}

/// A differential corrector: solves residuals(x) = 0 component-wise within tolerances.
///
/// Hot loops are the caller's propagations; the corrector allocates small arrays per iteration.
///
/// References: Dennis & Schnabel (1996) ch. 5–6; GMAT `DifferentialCorrector`; nyx `Targeter`.
public struct Targeter: Hashable, Sendable {
  /// Maximum number of Newton iterations.
  public var maxIterations: Int
  /// Maximum number of step halvings per iteration when a step does not reduce the residual.
  public var maxHalvings: Int

  /// A corrector.
  ///
  /// - Parameters:
  ///   - maxIterations: Newton iteration limit.
  ///   - maxHalvings: step halvings allowed per iteration.
  public init(maxIterations: Int = 20, maxHalvings: Int = 6) {
    self.maxIterations = maxIterations
    self.maxHalvings = maxHalvings
  }

  /// Solves residuals(x) = 0 from `initial`.
  ///
  /// - Parameters:
  ///   - initial: the first guess x₀ (n values).
  ///   - perturbations: finite-difference step for each variable (same units, > 0); also the
  ///     variable scale for the minimum-norm step when n > m.
  ///   - tolerances: convergence tolerance for each residual (> 0); converged when
  ///     |r_i| ≤ tol_i for every i.
  ///   - residuals: target minus achieved (m values) for variables x; may throw a propagation
  ///     error.
  /// - Returns: the solution and its residuals.
  /// - Throws: `TargeterError`.
  public func solve(
    initial: [Double], perturbations: [Double], tolerances: [Double],
    residuals: ([Double]) throws(PropagationError) -> [Double]
  ) throws(TargeterError) -> TargeterResult {
    let n = initial.count
    let m = tolerances.count
    guard n > 0, m > 0, perturbations.count == n,
      perturbations.allSatisfy({ $0 > 0 && $0.isFinite }),
      tolerances.allSatisfy({ $0 > 0 && $0.isFinite })
    else { throw .invalidProblem }
    var evaluations = 0
    func evaluate(_ x: [Double], iteration: Int) throws(TargeterError) -> [Double] {
      evaluations += 1
      let r: [Double]
      do { r = try residuals(x) } catch { throw .propagationFailed(error) }
      guard r.count == m else { throw .invalidProblem }
      guard r.allSatisfy({ $0.isFinite }) else { throw .nonFiniteResidual(iteration: iteration) }
      return r
    }
    func scaledNorm(_ r: [Double]) -> Double {
      var worst = 0.0
      for i in 0..<m { worst = max(worst, abs(r[i]) / tolerances[i]) }
      return worst
    }
    var x = initial
    var r = try evaluate(x, iteration: 0)
    var norm = scaledNorm(r)
    var iteration = 0
    while norm > 1 {
      guard iteration < maxIterations else {
        throw .noConvergence(iterations: iteration, scaledResidual: norm)
      }
      iteration += 1
      // Scaled Jacobian A[i][j] = ∂(r_i/tol_i)/∂(x_j/h_j), by central differences.
      var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
      for j in 0..<n {
        var xp = x
        var xm = x
        xp[j] += perturbations[j]
        xm[j] -= perturbations[j]
        let rp = try evaluate(xp, iteration: iteration)
        let rm = try evaluate(xm, iteration: iteration)
        for i in 0..<m { a[i][j] = (rp[i] - rm[i]) / (2 * tolerances[i]) }
      }
      let b = (0..<m).map { -r[$0] / tolerances[$0] }
      guard let dz = Self.newtonStep(a, b, rows: m, columns: n) else {
        throw .singularJacobian(iteration: iteration)
      }
      // Step with halving until the scaled residual decreases.
      var factor = 1.0
      var accepted = false
      for _ in 0...maxHalvings {
        var trial = x
        for j in 0..<n { trial[j] += factor * dz[j] * perturbations[j] }
        let rt = try evaluate(trial, iteration: iteration)
        let nt = scaledNorm(rt)
        if nt < norm {
          x = trial
          r = rt
          norm = nt
          accepted = true
          break
        }
        factor *= 0.5
      }
      guard accepted else { throw .noConvergence(iterations: iteration, scaledResidual: norm) }
    }
    return TargeterResult(variables: x, residuals: r, iterations: iteration, evaluations: evaluations)
  }

  /// The Newton step dz for A dz = b (m × n): exact if square, minimum-norm if n > m, least
  /// squares if n < m. Nil if singular.
  static func newtonStep(_ a: [[Double]], _ b: [Double], rows m: Int, columns n: Int) -> [Double]? {
    if m == n { return gaussianSolve(a, b) }
    if n > m {
      // dz = Aᵀ (A Aᵀ)⁻¹ b.
      var aat = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
      for i in 0..<m {
        for k in 0..<m {
          var s = 0.0
          for j in 0..<n { s += a[i][j] * a[k][j] }
          aat[i][k] = s
        }
      }
      guard let w = gaussianSolve(aat, b) else { return nil }
      return (0..<n).map { j in (0..<m).reduce(0.0) { $0 + a[$1][j] * w[$1] } }
    }
    // Least squares: (AᵀA) dz = Aᵀ b.
    var ata = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    var atb = [Double](repeating: 0, count: n)
    for j in 0..<n {
      for k in 0..<n {
        var s = 0.0
        for i in 0..<m { s += a[i][j] * a[i][k] }
        ata[j][k] = s
      }
      atb[j] = (0..<m).reduce(0.0) { $0 + a[$1][j] * b[$1] }
    }
    return gaussianSolve(ata, atb)
  }

  /// Gaussian elimination with partial pivoting; nil for a (numerically) singular matrix.
  static func gaussianSolve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
    var a = matrix
    var b = rhs
    let n = b.count
    var scale = 0.0
    for row in a { for v in row { scale = max(scale, abs(v)) } }
    guard scale > 0, scale.isFinite else { return nil }
    for col in 0..<n {
      var pivot = col
      for r in (col + 1)..<max(col + 1, n) where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
      guard abs(a[pivot][col]) > 1e-13 * scale else { return nil }
      if pivot != col {
        a.swapAt(pivot, col)
        b.swapAt(pivot, col)
      }
      for r in (col + 1)..<max(col + 1, n) {
        let f = a[r][col] / a[col][col]
        if f == 0 { continue }
        for c in col..<n { a[r][c] -= f * a[col][c] }
        b[r] -= f * b[col]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var s = b[row]
      for c in (row + 1)..<max(row + 1, n) { s -= a[row][c] * x[c] }
      x[row] = s / a[row][row]
    }
    return x
  }
}
