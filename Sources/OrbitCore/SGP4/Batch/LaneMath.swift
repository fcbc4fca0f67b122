// Elementary functions on lanes of doubles for the batch SGP4 kernel: sine and cosine with
// Cody–Waite argument reduction, square root by Newton–Raphson, reduction modulo 2π, and lane
// selects — written with SIMD arithmetic and bit operations only, so the optimizer emits packed
// instructions (SSE2 on the default x86-64 target, AVX-512 with `-target-cpu native`) and no
// libm calls. (`Double.squareRoot()` on Linux keeps an errno branch per lane that stops
// vectorisation, and `rounded(_:)` needs SSE4.1; both are avoided here.)
//
// Provenance of the constants:
//   - The minimax polynomial coefficients of sin and cos on [−π/4, π/4] (S1…S6, C1…C6) and the
//     three-part split of π/2 (pio2_1, pio2_2, pio2_3, 33 + 33 + 53 bits) are those of Sun
//     Microsystems' fdlibm 5.3, `k_sin.c`, `k_cos.c` and `e_rem_pio2.c` (as distributed in
//     FreeBSD's msun), where they are documented as accurate to about 2^-58 relative on that
//     interval. The evaluation order of the cosine (w + (((1 − w) − z/2) + z²·C(z))) follows the
//     same source's error analysis. Only the constants are taken; the code is Orbit's.
//   - 0x5FE6EB50C7B537A9, the initial guess of 1/√x from the bit pattern, is C. Lomont's
//     double-precision constant ("Fast inverse square root", Purdue, 2003).
//   - 1.5 × 2^52 is the usual round-to-nearest shifter: adding and subtracting it rounds a
//     double of magnitude below 2^51 to an integer in the current (nearest-even) mode.
// Accuracy is tested against Glibc's libm over 10^6 arguments in LaneMathTests (SGP4LaneMathTests).

/// The lane vector of the batch SGP4 kernel: 8 doubles (one AVX-512 register, four SSE2
/// registers). Measured against 2 and 4 lanes (see `SGP4Batch`).
public typealias SGP4Lane = SIMD8<Double>

/// The bit patterns of an `SGP4Lane`.
public typealias SGP4LaneBits = SIMD8<UInt64>

/// A lane mask of `SGP4Lane` comparisons.
public typealias SGP4LaneMask = SIMDMask<SIMD8<Int64>>

/// Elementary functions on `SGP4Lane`s without libm calls.
///
/// Accuracy: `sinCos` within 2 ulp of the correctly rounded value (relative 4.4e-16) for
/// |x| ≤ 2^20·π/2 ≈ 1.6e6 rad; beyond that the reduction error grows like |x|·2^-53 (the
/// argument's own rounding). `squareRoot` within 1 ulp for positive normal x (NaN or garbage
/// for x < 0, as the caller masks those lanes). Tested against Glibc over 10^6 arguments.
///
/// References: fdlibm 5.3 (Sun Microsystems, 1993) `k_sin.c`, `k_cos.c`, `e_rem_pio2.c` for the
/// polynomial coefficients and the split of π/2; W. J. Cody & W. Waite, Software Manual for the
/// Elementary Functions (1980), ch. 8 (additive argument reduction); C. Lomont, "Fast Inverse
/// Square Root" (2003).
public enum LaneMath {
  /// The lanes' bit patterns.
  @inlinable @inline(__always)
  public static func bits(_ x: SGP4Lane) -> SGP4LaneBits { unsafeBitCast(x, to: SGP4LaneBits.self) }

  /// Lanes from bit patterns.
  @inlinable @inline(__always)
  public static func lanes(_ b: SGP4LaneBits) -> SGP4Lane { unsafeBitCast(b, to: SGP4Lane.self) }

  /// `whereTrue` where `mask` is set, `whereFalse` elsewhere (bitwise select, no branch).
  @inlinable @inline(__always)
  public static func select(
    _ mask: SGP4LaneMask, _ whereTrue: SGP4Lane, _ whereFalse: SGP4Lane
  ) -> SGP4Lane {
    whereFalse.replacing(with: whereTrue, where: mask)
  }

  /// Whether any lane of `mask` is set, by OR-ing the halves of its bit pattern (the standard
  /// library's `any(_:)` compiles to a call to a generic reduction with AVX-512 targets).
  @inlinable @inline(__always)
  public static func anyTrue(_ mask: SGP4LaneMask) -> Bool {
    let b = unsafeBitCast(mask, to: SGP4LaneBits.self)
    let h = b.lowHalf | b.highHalf
    let q = h.lowHalf | h.highHalf
    return (q[0] | q[1]) != 0
  }

  /// |x| lane by lane (clears the sign bit).
  @inlinable @inline(__always)
  public static func magnitude(_ x: SGP4Lane) -> SGP4Lane {
    lanes(bits(x) & 0x7FFF_FFFF_FFFF_FFFF)
  }

  /// x rounded to the nearest integer (ties to even) for |x| < 2^51, and the rounded value's
  /// two's-complement low bits in the bit pattern of the shifted sum.
  @inlinable @inline(__always)
  static func roundedWithBits(_ x: SGP4Lane) -> (rounded: SGP4Lane, shifted: SGP4Lane) {
    let shifter = SGP4Lane(repeating: 6_755_399_441_055_744.0)  // 1.5 × 2^52
    let shifted = x + shifter
    return (shifted - shifter, shifted)
  }

  /// sin x and cos x, lane by lane (x in rad).
  ///
  /// x = n·π/2 + r with n = round(2x/π) and r reduced in three steps with π/2 split into
  /// 33 + 33 + 53 bits (exact products for |n| < 2^20), then the fdlibm minimax polynomials on
  /// |r| ≤ π/4, and the quadrant n mod 4 applied by a bitwise swap and sign flips.
  ///
  /// - Parameter x: angles (rad).
  /// - Returns: (sin x, cos x).
  /// - References: fdlibm 5.3 `k_sin.c`, `k_cos.c`, `e_rem_pio2.c`; Cody & Waite (1980) ch. 8.
  @inlinable @inline(__always)
  public static func sinCos(_ x: SGP4Lane) -> (sin: SGP4Lane, cos: SGP4Lane) {
    let (n, shifted) = roundedWithBits(x * 6.36619772367581382433e-01)  // 2/π
    var r = x - n * 1.57079632673412561417e+00  // pio2_1: first 33 bits of π/2
    r = r - n * 6.07710050630396597660e-11  // pio2_2: next 33 bits
    r = r - n * 2.02226624871116645580e-21  // pio2_3: next 53 bits
    let z = r * r
    // sin r = r + r³·(S1 + z·(S2 + … + z·S6))
    var ps = z * 1.58969099521155010221e-10 + (-2.50507602534068634195e-08)
    ps = ps * z + 2.75573137070700676789e-06
    ps = ps * z + (-1.98412698298579493134e-04)
    ps = ps * z + 8.33333333332248946124e-03
    ps = ps * z + (-1.66666666666666324348e-01)
    let s = r + (r * z) * ps
    // cos r = 1 − z/2 + z²·(C1 + z·(C2 + … + z·C6)), summed as fdlibm does for accuracy.
    var pc = z * (-1.13596475577881948265e-11) + 2.08757232129817482790e-09
    pc = pc * z + (-2.75573143513906633035e-07)
    pc = pc * z + 2.48015872894767294178e-05
    pc = pc * z + (-1.38888888888741095749e-03)
    pc = pc * z + 4.16666666666666019037e-02
    let hz = 0.5 * z
    let w = 1.0 - hz
    let c = w + (((1.0 - w) - hz) + (z * z) * pc)
    // Quadrant: n mod 4 from the shifter's low bits. Odd n swaps sin and cos; n = 2, 3 negate
    // the sine; n = 1, 2 negate the cosine.
    let q = bits(shifted)
    let swap = SGP4LaneBits.zero &- (q & 1)
    let sinSign = (q & 2) &<< 62
    let cosSign = ((q &+ 1) & 2) &<< 62
    let sb = bits(s)
    let cb = bits(c)
    let sinBits = (sb & ~swap) | (cb & swap)
    let cosBits = (cb & ~swap) | (sb & swap)
    return (lanes(sinBits ^ sinSign), lanes(cosBits ^ cosSign))
  }

  /// sin d and cos d for small angles: Taylor series to d⁹ and d¹⁰ when every lane has
  /// |d| ≤ 0.05 rad (truncation below 6e-18), else `sinCos(d)`.
  ///
  /// Used for the short-period corrections (δu, δi ≲ 1e-3 rad) and the drag offset of the
  /// mean anomaly, where a full reduction and quadrant fix-up would be wasted.
  ///
  /// - Parameter d: small angles (rad).
  /// - Returns: (sin d, cos d).
  @inlinable @inline(__always)
  public static func sinCosNearZero(_ d: SGP4Lane) -> (sin: SGP4Lane, cos: SGP4Lane) {
    if anyTrue(magnitude(d) .> 0.05) { return sinCos(d) }
    let d2 = d * d
    // sin d = d·(1 − d²/6·(1 − d²/20·(1 − d²/42·(1 − d²/72))))
    var ps = 1.0 - d2 * (1.0 / 72.0)
    ps = 1.0 - d2 * (1.0 / 42.0) * ps
    ps = 1.0 - d2 * (1.0 / 20.0) * ps
    ps = 1.0 - d2 * (1.0 / 6.0) * ps
    // cos d = 1 − d²/2·(1 − d²/12·(1 − d²/30·(1 − d²/56·(1 − d²/90))))
    var pc = 1.0 - d2 * (1.0 / 90.0)
    pc = 1.0 - d2 * (1.0 / 56.0) * pc
    pc = 1.0 - d2 * (1.0 / 30.0) * pc
    pc = 1.0 - d2 * (1.0 / 12.0) * pc
    return (d * ps, 1.0 - (0.5 * d2) * pc)
  }

  /// x − 2π·round(x / 2π), in [−π, π] up to rounding (x in rad).
  ///
  /// The same three-part Cody–Waite reduction as `sinCos`, with 2π split as 2 × (π/2 parts) ×
  /// 2: exact products for |round(x/2π)| < 2^19.
  ///
  /// - Parameter x: angles (rad).
  /// - Returns: the angles reduced to about [−π, π] (rad).
  @inlinable @inline(__always)
  public static func reducedToPlusMinusPi(_ x: SGP4Lane) -> SGP4Lane {
    let (n, _) = roundedWithBits(x * 1.59154943091895335769e-01)  // 1/(2π)
    var r = x - n * (4.0 * 1.57079632673412561417e+00)
    r = r - n * (4.0 * 6.07710050630396597660e-11)
    r = r - n * (4.0 * 2.02226624871116645580e-21)
    return r
  }

  /// √x lane by lane for x > 0 (Newton–Raphson on 1/√x from a bit-pattern guess, then one
  /// Heron correction of x·(1/√x)).
  ///
  /// Four Newton steps take the guess's 3.4 % error to below 1e-20; the final correction makes
  /// the result faithful (within 1 ulp). √0 = 0. Negative and NaN lanes give meaningless values.
  ///
  /// - Parameter x: non-negative values.
  /// - Returns: √x.
  /// - References: C. Lomont, "Fast Inverse Square Root" (2003), the 64-bit constant.
  @inlinable @inline(__always)
  public static func squareRoot(_ x: SGP4Lane) -> SGP4Lane {
    let guess = SGP4LaneBits(repeating: 0x5FE6_EB50_C7B5_37A9) &- (bits(x) &>> 1)
    var y = lanes(guess)
    let halfX = 0.5 * x
    y = y * (1.5 - halfX * y * y)
    y = y * (1.5 - halfX * y * y)
    y = y * (1.5 - halfX * y * y)
    y = y * (1.5 - halfX * y * y)
    let s = x * y
    return s + (0.5 * y) * (x - s * s)
  }
}
