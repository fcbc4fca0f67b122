// Brent's root finder.
//
// References: R. P. Brent, "Algorithms for Minimization without Derivatives", Prentice-Hall
// (1973), chapter 4 (the zero algorithm); this is our own implementation of that algorithm.

/// Brent's method: bisection, secant and inverse quadratic interpolation on a bracketing interval.
public enum BrentRoot {
  /// The outcome of a root search.
  public enum Outcome: Sendable, Equatable {
    /// A root within the tolerance, with the iterations it took.
    case converged(root: Double, iterations: Int)
    /// `f(a)` and `f(b)` have the same sign (or one is NaN): there is no bracket.
    case notBracketed
    /// The iteration limit was reached; `best` is the last estimate.
    case iterationLimit(best: Double)
  }

  /// Finds `x` in `[a, b]` with `f(x) = 0`.
  ///
  /// - Parameters:
  ///   - a: one end of the bracket.
  ///   - b: the other end; `f(a)` and `f(b)` must differ in sign (or one be zero).
  ///   - absoluteTolerance: the interval width at which to stop (same unit as x).
  ///   - maxIterations: the iteration limit.
  ///   - f: the function.
  /// - Returns: the outcome; never a silently wrong value.
  /// - References: Brent (1973), ch. 4.
  @inlinable
  public static func solve(
    from a: Double, to b: Double, absoluteTolerance: Double = 1e-12, maxIterations: Int = 200,
    _ f: (Double) -> Double
  ) -> Outcome {
    var a = a, b = b
    var fa = f(a), fb = f(b)
    if fa == 0 { return .converged(root: a, iterations: 0) }
    if fb == 0 { return .converged(root: b, iterations: 0) }
    guard fa.isFinite, fb.isFinite, (fa < 0) != (fb < 0) else { return .notBracketed }
    var c = a, fc = fa
    var d = b - a, e = d
    for iteration in 1...max(1, maxIterations) {
      if (fb > 0) == (fc > 0) {
        c = a; fc = fa; d = b - a; e = d
      }
      if abs(fc) < abs(fb) {
        a = b; b = c; c = a
        fa = fb; fb = fc; fc = fa
      }
      let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * absoluteTolerance
      let m = 0.5 * (c - b)
      if abs(m) <= tol || fb == 0 { return .converged(root: b, iterations: iteration) }
      if abs(e) >= tol && abs(fa) > abs(fb) {
        var p: Double, q: Double
        let s = fb / fa
        if a == c {
          p = 2 * m * s
          q = 1 - s
        } else {
          let qa = fa / fc, r = fb / fc
          p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
          q = (qa - 1) * (r - 1) * (s - 1)
        }
        if p > 0 { q = -q } else { p = -p }
        if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
          e = d
          d = p / q
        } else {
          d = m; e = m
        }
      } else {
        d = m; e = m
      }
      a = b; fa = fb
      b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
      fb = f(b)
      if !fb.isFinite { return .iterationLimit(best: a) }
    }
    return .iterationLimit(best: b)
  }
}
