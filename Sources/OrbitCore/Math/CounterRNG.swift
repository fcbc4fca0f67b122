// A counter-based random number generator for reproducible ensembles (Monte Carlo).
//
// References: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel random numbers: as
// easy as 1, 2, 3", SC'11 (2011) (Philox4x32-10, the block function); G. Fowler, L. C. Noll,
// K.-P. Vo, FNV-1a hash (IETF draft-eastlake-fnv, 32-bit offset basis 2166136261, prime
// 16777619) for stream names.

/// Random numbers addressed by (seed, run, stream, draw) rather than by a position in a
/// sequence: each value is Philox4x32-10 of a counter built from its address, so run *k*,
/// stream *s*, draw *j* of seed *S* is the same number on any machine, in any order, on any
/// thread and in any shard, and no generator state is shared between runs.
///
/// **Layout** (normative; changing it changes every ensemble):
/// - key = (low 32 bits of the seed, high 32 bits of the seed);
/// - counter = (draw *j*, stream *s*, low 32 bits of the run *k*, high 32 bits of *k*).
///
/// One address gives one 128-bit block w0…w3. `uniform` uses (w0, w1), `normal` all four
/// words (Box–Muller); see `CounterRNG+Distributions.swift`. Streams separate the quantities
/// of one run (one stream per dispersed parameter, named: `stream(named:)`), draws separate
/// the components and rejection attempts within a stream.
///
/// **Uniform mapping** (normative): the 64-bit word W = w0·2³² + w1 is cut to its top 52 bits
/// x = W >> 12 and mapped to u = (x + ½)·2⁻⁵². Every u is exact in a `Double`, lies strictly in
/// (0, 1) (2⁻⁵³ ≤ u ≤ 1 − 2⁻⁵³), the 2⁵² values are equally likely and the set is symmetric
/// (1 − u is also a value and is computed exactly).
///
/// References: Salmon et al., SC'11 (Philox); Random123 known-answer vectors (tests).
@frozen
public struct CounterRNG: Sendable, Hashable {
  /// The ensemble seed: the Philox key.
  public var seed: UInt64

  /// A generator for `seed`.
  @inlinable
  public init(seed: UInt64) { self.seed = seed }

  /// The Philox4x32-10 block at (run, stream, draw).
  /// - Parameters:
  ///   - run: the run index *k* of the ensemble (0-based).
  ///   - stream: the stream *s* (one per dispersed quantity; see `stream(named:)`).
  ///   - draw: the draw *j* within the stream.
  @inlinable
  public func block(run: UInt64, stream: UInt32, draw: UInt32) -> SIMD4<UInt32> {
    Philox4x32.block(
      counter: SIMD4(
        draw, stream, UInt32(truncatingIfNeeded: run), UInt32(truncatingIfNeeded: run >> 32)),
      key: SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
  }

  /// A uniform number in (0, 1) (see the mapping in the type's documentation) from words
  /// (w0, w1) of the block at (run, stream, draw).
  @inlinable
  public func uniform(run: UInt64, stream: UInt32, draw: UInt32) -> Double {
    let w = block(run: run, stream: stream, draw: draw)
    return Self.unitInterval(high: w[0], low: w[1])
  }

  /// A uniform number in (`lower`, `upper`): `lower + (upper − lower)·u`.
  @inlinable
  public func uniform(
    lower: Double, upper: Double, run: UInt64, stream: UInt32, draw: UInt32
  ) -> Double {
    lower + (upper - lower) * uniform(run: run, stream: stream, draw: draw)
  }

  /// The number (x + ½)·2⁻⁵² in (0, 1) for the top 52 bits x of the word `high`·2³² + `low`.
  @inlinable
  public static func unitInterval(high: UInt32, low: UInt32) -> Double {
    let word = (UInt64(high) << 32) | UInt64(low)
    let x = word >> 12
    // 2x + 1 < 2⁵³ is exact; the scaling by a power of two is exact.
    return Double(2 &* x &+ 1) * 0x1p-53
  }

  /// The stream number of a named quantity: the 32-bit FNV-1a hash of the name's UTF-8 bytes.
  /// Naming streams (rather than numbering them in file order) keeps each quantity's draws
  /// unchanged when other dispersions are added to or removed from a scenario.
  public static func stream(named name: String) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    return hash
  }
}
