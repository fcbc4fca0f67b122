// Normal and truncated-normal variates from the counter-based generator.
//
// References: G. E. P. Box, M. E. Muller, "A note on the generation of random normal
// deviates", Ann. Math. Stat. 29 (1958) 610–611 (exact transformation of two uniforms);
// C. P. Robert, "Simulation of truncated normal variables", Statistics and Computing 5 (1995)
// 121–125 (exponential proposal for one-sided tails, uniform proposal for short intervals,
// optimal rate α* = (a + √(a² + 4))/2).

extension CounterRNG {
  /// The most rejection attempts `truncatedNormal` makes (each uses one draw index).
  public static let truncatedNormalMaximumAttempts: UInt32 = 4096

  /// A standard normal variate at (run, stream, draw), by Box–Muller:
  /// z = √(−2 ln u1)·cos(2π u2) with u1 from words (w0, w1) and u2 from (w2, w3) of the block
  /// (the uniform mapping of `CounterRNG`). |z| ≤ 8.6 since u1 ≥ 2⁻⁵³.
  ///
  /// The logarithm and cosine are `PortableMath`'s (only +, −, ×, ÷ and √, which IEEE 754
  /// rounds the same way everywhere), so the value is bit-identical on every platform, unlike
  /// a libm call whose last bit may differ between libraries.
  ///
  /// References: Box & Muller (1958).
  @inlinable
  public func normal(run: UInt64, stream: UInt32, draw: UInt32) -> Double {
    let w = block(run: run, stream: stream, draw: draw)
    return Self.boxMuller(w)
  }

  /// The Box–Muller cosine variate of one block (see `normal(run:stream:draw:)`).
  @inlinable
  public static func boxMuller(_ w: SIMD4<UInt32>) -> Double {
    let u1 = unitInterval(high: w[0], low: w[1])
    let u2 = unitInterval(high: w[2], low: w[3])
    return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cosTwoPi(u2)
  }

  /// A standard normal variate conditioned on `lower` ≤ z ≤ `upper` (exact: rejection, no
  /// clipping), by Robert's (1995) algorithm. Attempt *i* uses the block at draw `draw + i`
  /// (wrapping), at most `truncatedNormalMaximumAttempts` of them.
  ///
  /// - For a < 0 < b with b − a ≥ √(2π): plain normal draws (Box–Muller) until one falls in
  ///   [a, b] (acceptance Φ(b) − Φ(a) ≥ 0.49).
  /// - For other intervals containing 0: uniform proposals on [a, b], accepted when
  ///   ln v ≤ −z²/2.
  /// - For 0 ≤ a: uniform proposals (accepted when ln v ≤ (a² − z²)/2) when
  ///   (b² − a²)/2 ≤ 1, else exponential proposals z = a − ln(u)/α* (accepted when
  ///   ln v ≤ −(z − α*)²/2 and z ≤ b). Intervals with b ≤ 0 are mirrored.
  ///
  /// The worst acceptance rate of these choices is about 0.3, so running out of attempts has
  /// probability below 10⁻⁶⁰⁰; if it ever happened the midpoint of the interval (or the
  /// finite bound for a half-line) is returned.
  ///
  /// - Parameters:
  ///   - lower: a, in standard deviations (`-.infinity` for none).
  ///   - upper: b, in standard deviations (`.infinity` for none); a < b.
  ///   - run, stream, draw: the address of the first attempt.
  /// - Returns: z in [a, b].
  ///
  /// References: Robert (1995), sections 2.1–2.2; Box & Muller (1958).
  public func truncatedNormal(
    lower: Double, upper: Double, run: UInt64, stream: UInt32, draw: UInt32
  ) -> Double {
    precondition(lower < upper, "truncatedNormal needs lower < upper")
    if upper <= 0 {
      return -truncatedNormal(lower: -upper, upper: -lower, run: run, stream: stream, draw: draw)
    }
    let a = lower
    let b = upper
    for i in 0..<Self.truncatedNormalMaximumAttempts {
      let w = block(run: run, stream: stream, draw: draw &+ i)
      if a < 0 {
        // 0 inside (a, b].
        if b - a >= (2 * Double.pi).squareRoot() {
          let z = Self.boxMuller(w)
          if z >= a && z <= b { return z }
        } else {
          let z = a + (b - a) * Self.unitInterval(high: w[0], low: w[1])
          let v = Self.unitInterval(high: w[2], low: w[3])
          if PortableMath.log(v) <= -0.5 * z * z { return z }
        }
      } else if (b * b - a * a) * 0.5 <= 1 {
        let z = a + (b - a) * Self.unitInterval(high: w[0], low: w[1])
        let v = Self.unitInterval(high: w[2], low: w[3])
        if PortableMath.log(v) <= 0.5 * (a * a - z * z) { return z }
      } else {
        let alpha = 0.5 * (a + (a * a + 4).squareRoot())
        let z = a - PortableMath.log(Self.unitInterval(high: w[0], low: w[1])) / alpha
        let v = Self.unitInterval(high: w[2], low: w[3])
        let d = z - alpha
        if z <= b && PortableMath.log(v) <= -0.5 * d * d { return z }
      }
    }
    if a.isFinite && b.isFinite { return 0.5 * (a + b) }
    return a.isFinite ? a : b
  }
}
