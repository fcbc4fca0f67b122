// Summary statistics of per-iteration times.

/// Order statistics of a set of samples (ns per iteration).
public struct SampleStatistics: Sendable {
  /// Number of samples.
  public let count: Int
  /// Smallest sample.
  public let min: Double
  /// Median (the mean of the two middle samples for an even count).
  public let median: Double
  /// 90th percentile (nearest rank).
  public let p90: Double
  /// 99th percentile (nearest rank).
  public let p99: Double
  /// Largest sample.
  public let max: Double

  /// Statistics of `samples`, which must not be empty.
  public init(_ samples: [Double]) {
    precondition(!samples.isEmpty, "no samples")
    let s = samples.sorted()
    let n = s.count
    count = n
    min = s[0]
    max = s[n - 1]
    median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
    p90 = Self.nearestRank(s, 0.90)
    p99 = Self.nearestRank(s, 0.99)
  }

  /// The nearest-rank percentile: the smallest sample with at least fraction `q` of samples ≤ it.
  static func nearestRank(_ sorted: [Double], _ q: Double) -> Double {
    let rank = Int((q * Double(sorted.count)).rounded(.up))
    return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
  }
}

extension Duration {
  /// The duration in nanoseconds.
  var nanoseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1e9 + Double(attoseconds) * 1e-9
  }
}
