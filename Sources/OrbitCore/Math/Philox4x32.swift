// Philox4x32: the counter-based block function of Salmon, Moraes, Dror & Shaw.
//
// References: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel random numbers: as
// easy as 1, 2, 3", Proc. SC'11 (2011), doi:10.1145/2063384.2063405, section 3.2 (Philox:
// the S-box round built from one 32×32→64-bit multiplication, the Weyl key schedule), with the
// multipliers 0xD2511F53, 0xCD9E8D57 and key increments 0x9E3779B9 (golden ratio),
// 0xBB67AE85 (√3 − 1) of the Random123 distribution. Checked against Random123's known-answer
// vectors (Tests/ReferenceData/random123/).

/// The Philox4×32 block function: a keyed bijection of a 128-bit counter (four 32-bit words)
/// under a 64-bit key (two words). With 10 rounds (`Philox4x32-10`) it passes TestU01's
/// BigCrush, and distinct counters give statistically independent blocks, so any block of a
/// random sequence can be computed directly from its index, on any machine, in any order.
///
/// Only integer arithmetic is used (wrapping multiply, xor, add), so the output is identical
/// on every platform.
///
/// References: Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11, §3.2.
public enum Philox4x32 {
  /// The rounds of the standard generator (Philox4x32-10).
  public static let standardRounds = 10

  /// The block for `counter` under `key` after `rounds` rounds (10 for Philox4x32-10;
  /// Random123 also publishes 7-round vectors).
  ///
  /// Each round maps (c0, c1, c2, c3) to
  /// (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0)), with
  /// M0 = 0xD2511F53, M1 = 0xCD9E8D57; between rounds the key is advanced by
  /// (0x9E3779B9, 0xBB67AE85) modulo 2³².
  ///
  /// - Parameters:
  ///   - counter: the four counter words (c0 … c3).
  ///   - key: the two key words (k0, k1).
  ///   - rounds: the number of rounds (≥ 1).
  /// - Returns: four pseudo-random 32-bit words.
  @inlinable
  public static func block(
    counter: SIMD4<UInt32>, key: SIMD2<UInt32>, rounds: Int = standardRounds
  ) -> SIMD4<UInt32> {
    var c0 = counter[0]
    var c1 = counter[1]
    var c2 = counter[2]
    var c3 = counter[3]
    var k0 = key[0]
    var k1 = key[1]
    for round in 0..<rounds {
      if round > 0 {
        k0 = k0 &+ 0x9E37_79B9
        k1 = k1 &+ 0xBB67_AE85
      }
      let p0 = UInt64(0xD251_1F53) &* UInt64(c0)
      let p1 = UInt64(0xCD9E_8D57) &* UInt64(c2)
      let hi0 = UInt32(truncatingIfNeeded: p0 >> 32)
      let lo0 = UInt32(truncatingIfNeeded: p0)
      let hi1 = UInt32(truncatingIfNeeded: p1 >> 32)
      let lo1 = UInt32(truncatingIfNeeded: p1)
      c0 = hi1 ^ c1 ^ k0
      c1 = lo1
      c2 = hi0 ^ c3 ^ k1
      c3 = lo0
    }
    return SIMD4(c0, c1, c2, c3)
  }
}
