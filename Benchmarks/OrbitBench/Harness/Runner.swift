// Measurement: warm-up, calibration of iterations per sample, then samples until the minimum
// time has passed.

/// Options for a run.
public struct RunOptions: Sendable {
  /// Minimum measured time per case (s).
  public var minTime: Double = 0.5
  /// Minimum number of samples per case.
  public var minSamples: Int = 10
  /// Upper bound on samples per case (keeps very fast cases from collecting millions).
  public var maxSamples: Int = 10_000
}

/// The measured result of one case.
public struct BenchmarkResult: Sendable {
  public let name: String
  public let itemsPerIteration: Int
  /// Total measured iterations (warm-up and calibration excluded).
  public let iterations: Int
  /// Per-iteration time statistics (ns).
  public let statistics: SampleStatistics

  /// Items per second at the median time.
  public var itemsPerSecond: Double { Double(itemsPerIteration) * 1e9 / statistics.median }
}

/// Measures `instance`: a warm-up, calibration of the iterations per sample so one sample lasts
/// about `minTime / 50`, then samples until `minTime` has passed and `minSamples` were taken.
func measure(_ benchmark: Benchmark, _ instance: BenchmarkInstance, options: RunOptions)
  -> BenchmarkResult
{
  let clock = ContinuousClock()
  func time(_ iterations: Int) -> Double {
    let start = clock.now
    instance.run(iterations)
    return (clock.now - start).nanoseconds
  }

  // Calibrate (doubles as warm-up): grow the batch until one batch takes the target time.
  let targetSampleNs = max(options.minTime / 50, 1e-4) * 1e9
  var batch = 1
  var elapsed = time(batch)
  while elapsed < targetSampleNs && batch < 1 << 40 {
    let scale = elapsed > 0 ? min(10, max(2, targetSampleNs / elapsed)) : 10
    batch = Int((Double(batch) * scale).rounded(.up))
    elapsed = time(batch)
  }
  // Warm-up: roughly 10% of the minimum time more, not recorded.
  let warmupEnd = clock.now + .nanoseconds(Int64(options.minTime * 0.1e9))
  while clock.now < warmupEnd { _ = time(batch) }

  var samples: [Double] = []
  var totalIterations = 0
  let minNs = options.minTime * 1e9
  var measuredNs = 0.0
  while (measuredNs < minNs || samples.count < options.minSamples)
    && samples.count < options.maxSamples
  {
    let t = time(batch)
    samples.append(t / Double(batch))
    totalIterations += batch
    measuredNs += t
  }
  return BenchmarkResult(
    name: benchmark.name, itemsPerIteration: benchmark.itemsPerIteration,
    iterations: totalIterations, statistics: SampleStatistics(samples))
}
