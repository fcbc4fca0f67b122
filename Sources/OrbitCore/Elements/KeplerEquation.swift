// Kepler's equation, elliptic (M = E − e sin E) and hyperbolic (M = e sinh H − H).
//
// Elliptic solver: the starter of F. L. Markley, "Kepler Equation Solver", Celestial Mechanics
// and Dynamical Astronomy 63, 101–111 (1995), eqs. (5), (9), (10), (14), (15), (20), followed
// by Halley iterations kept inside the bracket E ∈ [M, min(π, M + e)] (for M ∈ [0, π]) with a
// bisection fallback, so the iteration converges for every 0 ≤ e < 1 (including e → 1).
// Hyperbolic solver: Newton's method started from an upper bound of the root; f(H) is
// increasing and convex for H > 0, so the iterates decrease monotonically onto the root
// (Vallado, 4th ed., §2.2.6, Algorithm 4 gives the equation; the bounds are ours).
// Our own implementation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Solvers for Kepler's equation. Non-throwing kernels: NaN or infinite input gives NaN.
public enum KeplerEquation {
  /// Iteration cap of the elliptic and hyperbolic solvers. Markley's starter is within about
  /// 5e-4 rad of the root for every 0 ≤ e < 1, after which at most 2–3 Halley steps reach full
  /// precision; the cap only matters for pathological input.
  public static let maxIterations = 60

  /// The eccentric anomaly E solving M = E − e sin E.
  ///
  /// M is first reduced to [−π, π] with `remainder(M, 2π)`; the odd symmetry maps it onto
  /// [0, π], where E is bracketed by [M, min(π, M + e)]. The result keeps the revolution count of
  /// the input: E = (M − M_reduced) + E_reduced.
  ///
  /// - Parameters:
  ///   - meanAnomaly: M (rad), any finite value.
  ///   - eccentricity: e, 0 ≤ e < 1 (debug precondition).
  /// - Returns: E (rad). The best value found if the iteration cap is reached (it is not reached
  ///   for finite input: the bracket halves at least every other step).
  /// - Accuracy: |E − e sin E − M_reduced| ≤ 1e-14 rad for the reduced M, for all e in [0, 1)
  ///   (tested to e = 0.999999). Near e → 1 and M → 0 the *solution* is ill-conditioned
  ///   (dE/dM = 1/(1 − e cos E)), so E itself is only as accurate as that factor allows.
  /// - References: Markley (1995); Vallado, 4th ed., §2.2.5, Algorithm 2 (KepEqtnE).
  @inlinable
  public static func eccentricAnomaly(meanAnomaly: Double, eccentricity e: Double) -> Double {
    assert(!(e < 0) && !(e >= 1), "elliptic Kepler equation needs 0 <= e < 1")
    guard meanAnomaly.isFinite, e.isFinite else { return .nan }
    let reduced = remainder(meanAnomaly, Angle.twoPi)  // exact, in [−π, π]
    let turns = meanAnomaly - reduced
    if e == 0 { return meanAnomaly }
    let negative = reduced < 0
    let m = negative ? -reduced : reduced  // [0, π]
    let root = solveEllipticReduced(m, e)
    return turns + (negative ? -root : root)
  }

  /// Markley's starter plus safeguarded Halley for M in [0, π].
  @inlinable
  internal static func solveEllipticReduced(_ m: Double, _ e: Double) -> Double {
    if m == 0 { return 0 }
    let pi = Double.pi
    // Markley (1995): cubic starter, eqs. (20), (5), (9), (10), (14), (15).
    let alpha = (3 * pi * pi + 1.6 * pi * (pi - m) / (1 + e)) / (pi * pi - 6)
    let d = 3 * (1 - e) + alpha * e
    let q = 2 * alpha * d * (1 - e) - m * m
    let r = 3 * alpha * d * (d - 1 + e) * m + m * m * m
    let w = pow(abs(r) + (q * q * q + r * r).squareRoot(), 2.0 / 3.0)
    var E = (2 * r * w / (w * w + w * q + q * q) + m) / d
    var lo = m
    var hi = min(pi, m + e)
    if !(E >= lo && E <= hi) { E = 0.5 * (lo + hi) }
    var best = E
    var bestResidual = Double.infinity
    for _ in 0..<maxIterations {
      let s = sin(E)
      let c = cos(E)
      let f = E - e * s - m
      let af = abs(f)
      if af < bestResidual {
        bestResidual = af
        best = E
      }
      if f == 0 { break }
      if f > 0 { hi = E } else { lo = E }
      let f1 = 1 - e * c
      let f2 = e * s
      // Halley step.
      var next = E - f / (f1 - 0.5 * f * f2 / f1)
      if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
      if abs(next - E) <= 2 * E.ulp || hi - lo <= 2 * hi.ulp {
        E = next
        let fn = abs(E - e * sin(E) - m)
        if fn < bestResidual {
          bestResidual = fn
          best = E
        }
        break
      }
      E = next
    }
    return best
  }

  /// The hyperbolic anomaly H solving M = e sinh H − H.
  ///
  /// - Parameters:
  ///   - meanAnomaly: hyperbolic mean anomaly M (rad), any finite value.
  ///   - eccentricity: e > 1 (debug precondition).
  /// - Returns: H (rad); the best value found if the iteration cap is reached.
  /// - Accuracy: |e sinh H − H − M| ≤ 1e-14 · max(1, |M|) rad (tested for 1 < e ≤ 10,
  ///   |M| ≤ 1e4, and e down to 1 + 1e-6).
  /// - References: Vallado, 4th ed., §2.2.6, Algorithm 4 (KepEqtnH), for the equation.
  @inlinable
  public static func hyperbolicAnomaly(meanAnomaly: Double, eccentricity e: Double) -> Double {
    assert(!(e <= 1), "hyperbolic Kepler equation needs e > 1")
    guard meanAnomaly.isFinite, e.isFinite else { return .nan }
    let negative = meanAnomaly < 0
    let m = negative ? -meanAnomaly : meanAnomaly
    if m == 0 { return 0 }
    // Upper bounds of the root: f(H) ≥ (e − 1)H and f(H) ≥ e·H³/6 ≥ H³/6, so
    // H ≤ M/(e − 1) and H ≤ ∛(6M); then sinh H = (M + H)/e tightens the bound.
    var hi = min(m / (e - 1), cbrt(6 * m))
    hi = min(hi, asinh((m + hi) / e))
    let lo0 = asinh(m / e)  // lower bound: sinh H = (M + H)/e ≥ M/e
    var lo = lo0
    var H = hi
    var best = H
    var bestResidual = Double.infinity
    for _ in 0..<maxIterations {
      let sh = sinh(H)
      let f = e * sh - H - m
      let af = abs(f)
      if af < bestResidual {
        bestResidual = af
        best = H
      }
      if f == 0 { break }
      if f > 0 { hi = H } else { lo = H }
      let f1 = e * cosh(H) - 1
      var next = H - f / f1
      if !(next >= lo && next <= hi) { next = 0.5 * (lo + hi) }
      if abs(next - H) <= 2 * H.ulp {
        H = next
        let fn = abs(e * sinh(H) - H - m)
        if fn < bestResidual {
          bestResidual = fn
          best = H
        }
        break
      }
      H = next
    }
    return negative ? -best : best
  }
}
