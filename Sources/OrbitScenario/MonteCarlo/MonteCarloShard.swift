/// One part of an ensemble for a cluster job: shard *K* of *N* (1 ≤ K ≤ N) runs exactly the
/// run indices k with k ≡ K − 1 (mod N), i.e. K − 1, K − 1 + N, K − 1 + 2N, … (round robin, so
/// every shard gets a similar mix of early and late runs and the shard sizes differ by at
/// most one). The shards of one N partition 0 ..< runs exactly.
public struct MonteCarloShard: Sendable, Hashable, CustomStringConvertible {
  /// K, 1-based.
  public var index: Int
  /// N.
  public var count: Int

  /// The whole ensemble (1/1).
  public static let whole = MonteCarloShard(unchecked: 1, 1)

  private init(unchecked index: Int, _ count: Int) {
    self.index = index
    self.count = count
  }

  /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (e.g. `2/8`).
  /// - Returns: the shard, or a message saying what is wrong.
  public static func parse(_ text: String) -> Result<MonteCarloShard, ShardParseError> {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
      return .failure(ShardParseError(message: "expected K/N with whole numbers (e.g. 2/8), got \"\(text)\""))
    }
    guard n >= 1 else { return .failure(ShardParseError(message: "the shard count N must be ≥ 1, got \(n)")) }
    guard let shard = MonteCarloShard(index: k, count: n) else {
      return .failure(ShardParseError(message: "shard index \(k) is out of range 1...\(n)"))
    }
    return .success(shard)
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }

  /// Whether run `k` belongs to this shard.
  public func contains(run k: Int) -> Bool { k % count == index - 1 }

  /// The run indices of this shard for an ensemble of `runs` runs, ascending.
  public func runs(of runs: Int) -> StrideTo<Int> { stride(from: index - 1, to: runs, by: count) }

  /// The number of runs of this shard for an ensemble of `runs` runs.
  public func runCount(of runs: Int) -> Int { runs > index - 1 ? (runs - index) / count + 1 : 0 }
}

/// A malformed `--shard` value.
public struct ShardParseError: Error, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var message: String
  public var description: String { message }
}
