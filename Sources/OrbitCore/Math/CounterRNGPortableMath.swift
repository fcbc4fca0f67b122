// Logarithm and cosine from IEEE 754 basic operations only, for CounterRNG's variates.
//
// References: the argument reductions are the textbook ones (J.-M. Muller, "Elementary
// Functions: Algorithms and Implementation", 3rd ed., Birkhäuser 2016, chapter 11): for the
// logarithm x = m·2^e with m in [√½, √2) and ln m = 2 artanh(s), s = (m − 1)/(m + 1); for the
// cosine of 2πu the symmetries of the circle, in turns, down to an eighth of a turn, then
// Taylor series.

/// Elementary functions written with +, −, ×, ÷ and √ only (each correctly rounded by IEEE
/// 754 on every platform, and Swift neither reassociates nor contracts them), so that their
/// results are bit-identical everywhere. libm's `log`/`cos` are faithful but may differ in the
/// last bit between libraries and versions, which would break "run *k* is the same on any
/// machine" for normal variates.
///
/// Accuracy: within 2 ulp of the true value on the domains below (checked against glibc in
/// the tests). Not intended as general-purpose replacements.
public enum PortableMath {
  /// ln 2, rounded to the nearest double.
  @usableFromInline static let ln2 = 0.693_147_180_559_945_3

  /// The natural logarithm of a positive finite normal `x` (0 < x < ∞, x ≥ 2⁻¹⁰²²).
  @inlinable
  public static func log(_ x: Double) -> Double {
    // x = m·2^e with m in [1, 2) exactly (exponent and significand are exact decompositions).
    var e = Double(x.exponent)
    var m = x.significand
    if m > 1.414_213_562_373_095_1 {
      m *= 0.5
      e += 1
    }
    let f = m - 1  // exact (Sterbenz) for m in [√½, √2)
    let s = f / (2 + f)
    let s2 = s * s
    // 2·artanh(s) = 2s·(1 + s²/3 + s⁴/5 + … + s²²/23); |s| ≤ 0.1716, s² ≤ 0.0295, and the
    // first omitted term s²⁴/25 < 10⁻¹⁸·s.
    var p = 1.0 / 23
    p = p * s2 + 1.0 / 21
    p = p * s2 + 1.0 / 19
    p = p * s2 + 1.0 / 17
    p = p * s2 + 1.0 / 15
    p = p * s2 + 1.0 / 13
    p = p * s2 + 1.0 / 11
    p = p * s2 + 1.0 / 9
    p = p * s2 + 1.0 / 7
    p = p * s2 + 1.0 / 5
    p = p * s2 + 1.0 / 3
    let lnm = 2 * s + 2 * s * (s2 * p)
    return e * ln2 + lnm
  }

  /// cos(2π·u) for u in [0, 1] (u in turns).
  @inlinable
  public static func cosTwoPi(_ u: Double) -> Double {
    // cos(2π u) = cos(2π (1 − u)); 1 − u is exact for u in [½, 1] (Sterbenz).
    var t = u > 0.5 ? 1 - u : u
    var sign = 1.0
    // cos(2π t) = −cos(2π (½ − t)); exact for t in [¼, ½].
    if t > 0.25 {
      t = 0.5 - t
      sign = -1
    }
    // t in [0, ¼]: cos(2π t) = sin(2π (¼ − t)), exact for t in [⅛, ¼].
    if t > 0.125 {
      return sign * sinSmall(2 * Double.pi * (0.25 - t))
    }
    return sign * cosSmall(2 * Double.pi * t)
  }

  /// cos x for |x| ≤ π/4: Taylor series to x¹⁸ (first omitted term < 10⁻¹⁸).
  @inlinable
  static func cosSmall(_ x: Double) -> Double {
    let x2 = x * x
    var p = 1.0 / 6_402_373_705_728_000  // 1/18!
    p = p * x2 - 1.0 / 20_922_789_888_000  // 1/16!
    p = p * x2 + 1.0 / 87_178_291_200  // 1/14!
    p = p * x2 - 1.0 / 479_001_600  // 1/12!
    p = p * x2 + 1.0 / 3_628_800  // 1/10!
    p = p * x2 - 1.0 / 40_320  // 1/8!
    p = p * x2 + 1.0 / 720  // 1/6!
    p = p * x2 - 1.0 / 24  // 1/4!
    p = p * x2 + 0.5  // 1/2!
    return 1 - x2 * p
  }

  /// sin x for |x| ≤ π/4: Taylor series to x¹⁹ (first omitted term < 10⁻¹⁹).
  @inlinable
  static func sinSmall(_ x: Double) -> Double {
    let x2 = x * x
    var p = 1.0 / 121_645_100_408_832_000  // 1/19!
    p = p * x2 - 1.0 / 355_687_428_096_000  // 1/17!
    p = p * x2 + 1.0 / 1_307_674_368_000  // 1/15!
    p = p * x2 - 1.0 / 6_227_020_800  // 1/13!
    p = p * x2 + 1.0 / 39_916_800  // 1/11!
    p = p * x2 - 1.0 / 362_880  // 1/9!
    p = p * x2 + 1.0 / 5_040  // 1/7!
    p = p * x2 - 1.0 / 120  // 1/5!
    p = p * x2 + 1.0 / 6  // 1/3!
    return x - x * (x2 * p)
  }
}
