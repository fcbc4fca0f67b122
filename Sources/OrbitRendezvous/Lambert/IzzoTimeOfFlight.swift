// Izzo's nondimensional time-of-flight function T(x) for Lambert's problem, its first three
// derivatives, and the two iterations built on it (Householder for a root, Halley for the
// multi-revolution minimum).
//
// Provenance: D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics and Dynamical Astronomy
// 121 (2015) 1–15, doi:10.1007/s10569-014-9587-y (arXiv:1403.2705): the variable x and
// y = √(1 − λ²(1 − x²)), the Lancaster–Blanchard form of T(x) with the auxiliary angle ψ, the
// recursions for dT/dx, d²T/dx², d³T/dx³, Battin's hypergeometric form near x = 1, the
// Householder iteration and the multi-revolution minimum by Halley's method. (Sections and
// equation numbers are not cited: we did not re-check them against the printed paper. Every
// formula here was checked numerically: T(x) and its derivatives against 40-digit arithmetic.)
// Written from the paper; no code was copied. Two changes of ours: ψ comes from atan2 (sine and
// cosine both known) instead of acos, and y − λx is evaluated as (1 − λ²)/(y + λx) when λx > 0,
// which avoids cancellation; the Battin series is used for |x − 1| < 0.05 (zero revolutions),
// where the Lancaster form loses up to ~1e-13 relative (checked against 50-digit arithmetic).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The time-of-flight function of Izzo's Lambert formulation (internal kernel).
enum IzzoTimeOfFlight {
  /// Width of the band around x = 1 where Battin's series replaces the Lancaster form.
  static let battinBand = 0.05

  /// y(x) = √(1 − λ²(1 − x²)).
  @inline(__always)
  static func y(_ x: Double, lambda: Double) -> Double {
    (1 - lambda * lambda * ((1 - x) * (1 + x))).squareRoot()
  }

  /// η = y − λx, evaluated without cancellation (y² − λ²x² = 1 − λ²).
  @inline(__always)
  static func eta(x: Double, y: Double, lambda: Double, oneMinusLambda2: Double) -> Double {
    let lx = lambda * x
    return lx > 0 ? oneMinusLambda2 / (y + lx) : y - lx
  }

  /// T(x) for N = `revolutions` complete revolutions (dimensionless; T = t √(2μ/s³)).
  ///
  /// - Parameters:
  ///   - x: the iteration variable, x > −1.
  ///   - y: y(x), from `y(_:lambda:)`.
  ///   - lambda: λ in [−1, 1].
  ///   - oneMinusLambda2: 1 − λ² = c/s, passed exactly.
  ///   - revolutions: N ≥ 0; for N > 0 only x in (−1, 1) is meaningful.
  @inline(__always)
  static func tof(
    x: Double, y: Double, lambda: Double, oneMinusLambda2: Double, revolutions: Int
  ) -> Double {
    let omx2 = (1 - x) * (1 + x)
    let eta = eta(x: x, y: y, lambda: lambda, oneMinusLambda2: oneMinusLambda2)
    if revolutions == 0 && abs(x - 1) < battinBand {
      // Battin: T = (η³Q + 4λη)/2, Q = (4/3) ₂F₁(3, 1; 5/2; S₁), S₁ = (1 − λ − xη)/2.
      let s1 = 0.5 * (1 - lambda - x * eta)
      var term = 1.0
      var sum = 1.0
      var n = 0.0
      while n < 60 {
        term *= (3 + n) / (2.5 + n) * s1
        sum += term
        n += 1
        if abs(term) <= 1e-17 * abs(sum) { break }
      }
      let q = 4.0 / 3.0 * sum
      return 0.5 * (eta * eta * eta * q + 4 * lambda * eta)
    }
    if omx2 > 0 {
      // Elliptic: ψ with cos ψ = xy + λ(1 − x²), sin ψ = √(1 − x²)(y − λx).
      let q = omx2.squareRoot()
      let psi = atan2(q * eta, x * y + lambda * omx2)
      return ((psi + Double(revolutions) * Double.pi) / q - x + lambda * y) / omx2
    } else {
      // Hyperbolic: sinh ψ = √(x² − 1)(y − λx).
      let q = (-omx2).squareRoot()
      let psi = asinh(q * eta)
      return (psi / q - x + lambda * y) / omx2
    }
  }

  /// dT/dx, d²T/dx², d³T/dx³ at x (Izzo 2015; valid for every N).
  @inline(__always)
  static func derivatives(
    x: Double, y: Double, t: Double, lambda: Double, oneMinusLambda2: Double
  ) -> (Double, Double, Double) {
    var omx2 = (1 - x) * (1 + x)
    // Exactly parabolic: the recursions are 0/0. Step off by an ulp (the value of T itself
    // comes from the Battin series there).
    if omx2 == 0 { omx2 = 2 * Double.ulpOfOne }
    let l2 = lambda * lambda
    let l3 = l2 * lambda
    let invY = 1 / y
    let invY2 = invY * invY
    let d1 = (3 * t * x - 2 + 2 * l3 * x * invY) / omx2
    let d2 = (3 * t + 5 * x * d1 + 2 * oneMinusLambda2 * l3 * invY2 * invY) / omx2
    let d3 = (7 * x * d2 + 8 * d1 - 6 * oneMinusLambda2 * l3 * l2 * x * invY2 * invY2 * invY) / omx2
    return (d1, d2, d3)
  }

  /// The x in (−1, 1) where T(x) is smallest for N ≥ 1 revolutions, and T there (Halley's
  /// method on dT/dx = 0 from x = 0, as in Izzo 2015). Returns nil if it does not converge.
  static func minimum(
    lambda: Double, oneMinusLambda2: Double, revolutions: Int, maxIterations: Int
  ) -> (x: Double, t: Double)? {
    var x = 0.0
    for _ in 0..<maxIterations {
      let y = y(x, lambda: lambda)
      let t = tof(
        x: x, y: y, lambda: lambda, oneMinusLambda2: oneMinusLambda2, revolutions: revolutions)
      let (d1, d2, d3) = derivatives(
        x: x, y: y, t: t, lambda: lambda, oneMinusLambda2: oneMinusLambda2)
      var xNew = x - 2 * d1 * d2 / (2 * d2 * d2 - d1 * d3)
      if !(xNew > -1 && xNew < 1) { xNew = 0.5 * (x + (xNew > 0 ? 1 : -1)) }
      if abs(xNew - x) <= 1e-13 {
        let yN = self.y(xNew, lambda: lambda)
        return (
          xNew,
          tof(x: xNew, y: yN, lambda: lambda, oneMinusLambda2: oneMinusLambda2,
            revolutions: revolutions)
        )
      }
      x = xNew
    }
    return nil
  }

  /// Solves T(x) = `target` by Householder's third-order method from `x0`, keeping the iterate
  /// inside the bracket (`lower`, `upper`) where T is monotonic (bisecting when a step leaves it).
  ///
  /// - Parameters:
  ///   - decreasing: whether T decreases with x on the bracket (N = 0 and the left branch).
  /// - Returns: the root and the number of iterations, or nil without convergence.
  static func householder(
    x0: Double, target: Double, lambda: Double, oneMinusLambda2: Double, revolutions: Int,
    lower: Double, upper: Double, decreasing: Bool, tolerance: Double, maxIterations: Int
  ) -> (x: Double, iterations: Int)? {
    var x = x0
    var lo = lower
    var hi = upper
    var iteration = 0
    while iteration < maxIterations {
      iteration += 1
      let y = y(x, lambda: lambda)
      let t = tof(
        x: x, y: y, lambda: lambda, oneMinusLambda2: oneMinusLambda2, revolutions: revolutions)
      let delta = t - target
      if delta == 0 { return (x, iteration) }
      // Shrink the bracket: the root lies on the side where T moves towards the target.
      if (delta > 0) == decreasing { lo = max(lo, x) } else { hi = min(hi, x) }
      let (d1, d2, d3) = derivatives(
        x: x, y: y, t: t, lambda: lambda, oneMinusLambda2: oneMinusLambda2)
      let d1s = d1 * d1
      let num = delta * (d1s - 0.5 * delta * d2)
      let den = d1 * (d1s - delta * d2) + d3 * delta * delta / 6
      var xNew = x - num / den
      if abs(xNew - x) <= tolerance * max(1, abs(x)) { return (xNew, iteration) }
      if !(xNew > lo && xNew < hi) {
        // Left the bracket (or NaN): bisect, or step outwards if the bracket is open above.
        xNew = hi.isFinite ? 0.5 * (lo + hi) : max(2 * lo, lo + 1)
      }
      x = xNew
    }
    return nil
  }
}
