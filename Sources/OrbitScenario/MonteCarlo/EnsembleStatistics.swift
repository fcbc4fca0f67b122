import OrbitCore

/// The statistics of a complete ensemble, computed from its per-run records sorted by run
/// index and nothing else, so that one unsharded run and any merge of shards give
/// bit-identical results (no partial sums from shards, no dependence on completion order or
/// thread count).
///
/// - Success rate overall and per scheme, fallback rate, failure reasons.
/// - Per field, over the runs where the value is defined (finite): count, mean, sample σ
///   (n − 1), min, max and the percentiles 1, 5, 25, 50, 75, 95, 99 by linear interpolation
///   between order statistics (Hyndman & Fan 1996, definition 7: h = (n − 1)p,
///   x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)). Sums are compensated (Neumaier) in run order.
///
/// References: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The
/// American Statistician 50 (1996) 361–365.
public struct EnsembleStatistics: Sendable {
  /// The percentiles reported (in %).
  public static let percentiles: [Double] = [1, 5, 25, 50, 75, 95, 99]

  /// Statistics of one field.
  public struct FieldSummary: Sendable, Equatable {
    /// Field name.
    public var name: String
    /// Runs where the value is finite.
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); NaN for fewer than 2 values.
    public var sigma: Double
    public var minimum: Double
    public var maximum: Double
    /// Values at `EnsembleStatistics.percentiles`.
    public var percentiles: [Double]
  }

  /// Runs of one scheme.
  public struct SchemeSummary: Sendable, Equatable {
    public var scheme: String
    public var runs: Int
    public var successes: Int
  }

  /// The ensemble header.
  public var header: RunStream.Header
  /// Runs counted.
  public var runs: Int
  /// Successful runs.
  public var successes: Int
  /// Runs that fell back from the planned scheme.
  public var fallbacks: Int
  /// Per scheme, sorted by scheme name.
  public var schemes: [SchemeSummary]
  /// Failure reasons and their counts, most frequent first (then by text).
  public var failures: [(reason: String, runs: Int)]
  /// Per field, in field order.
  public var fields: [FieldSummary]

  /// Statistics of `records`, which must be sorted by run index.
  public init(header: RunStream.Header, sortedRecords records: [MonteCarloRecord]) {
    self.header = header
    runs = records.count
    successes = records.filter(\.success).count
    fallbacks = records.filter(\.fallback).count
    var bySchemes: [String: SchemeSummary] = [:]
    var byReason: [String: Int] = [:]
    for r in records {
      bySchemes[r.scheme, default: SchemeSummary(scheme: r.scheme, runs: 0, successes: 0)].runs += 1
      if r.success { bySchemes[r.scheme]!.successes += 1 }
      if !r.success { byReason[r.failure.isEmpty ? "unspecified" : r.failure, default: 0] += 1 }
    }
    schemes = bySchemes.values.sorted { $0.scheme < $1.scheme }
    failures = byReason.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    fields = header.fields.enumerated().map { (i, name) in
      Self.summarize(name: name, records.map { $0.values[i] }.filter(\.isFinite))
    }
  }

  /// Statistics of `values` (finite, in run order).
  public static func summarize(name: String, _ values: [Double]) -> FieldSummary {
    let n = values.count
    guard n > 0 else {
      return FieldSummary(
        name: name, count: 0, mean: .nan, sigma: .nan, minimum: .nan, maximum: .nan,
        percentiles: percentiles.map { _ in .nan })
    }
    var sum = CompensatedSum()
    for v in values { sum.add(v) }
    let mean = sum.value / Double(n)
    var squares = CompensatedSum()
    for v in values { squares.add((v - mean) * (v - mean)) }
    let sigma = n > 1 ? (squares.value / Double(n - 1)).squareRoot() : .nan
    let sorted = values.sorted()
    return FieldSummary(
      name: name, count: n, mean: mean, sigma: sigma, minimum: sorted[0], maximum: sorted[n - 1],
      percentiles: percentiles.map { quantile(sorted, $0 / 100) })
  }

  /// Hyndman–Fan definition 7 quantile of ascending `sorted` at probability `p` in [0, 1].
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    if lo + 1 >= sorted.count { return sorted[sorted.count - 1] }
    let fraction = h - Double(lo)
    return fraction == 0 ? sorted[lo] : sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo])
  }

  /// `summary.json`: deterministic JSON (see `JSONWriter`).
  public var json: String {
    func rate(_ k: Int, _ n: Int) -> JSONValue { n > 0 ? .double(Double(k) / Double(n)) : .null }
    var fieldMembers: [JSONObject.Member] = []
    for f in fields {
      var m: [JSONObject.Member] = [
        .init(key: "count", value: .int(f.count)),
        .init(key: "mean", value: .double(f.mean)),
        .init(key: "sigma", value: .double(f.sigma)),
        .init(key: "min", value: .double(f.minimum)),
      ]
      for (p, v) in zip(Self.percentiles, f.percentiles) {
        m.append(.init(key: "p\(Int(p))", value: .double(v)))
      }
      m.append(.init(key: "max", value: .double(f.maximum)))
      fieldMembers.append(.init(key: f.name, value: .object(JSONObject(m))))
    }
    let value: JSONValue = .fields([
      "scenario": .string(header.scenario),
      "kind": .string(header.kind),
      "fingerprint": .string(header.fingerprint),
      "seed": .number(JSONNumber(text: String(header.seed))),
      "runs": .int(runs),
      "successes": .int(successes),
      "success_rate": rate(successes, runs),
      "fallback_runs": .int(fallbacks),
      "fallback_rate": rate(fallbacks, runs),
      "schemes": .array(
        schemes.map {
          .fields([
            "scheme": .string($0.scheme), "runs": .int($0.runs), "successes": .int($0.successes),
            "success_rate": rate($0.successes, $0.runs),
          ])
        }),
      "failures": .array(failures.map { .fields(["reason": .string($0.reason), "runs": .int($0.runs)]) }),
      "fields": .object(JSONObject(fieldMembers)),
    ])
    return JSONWriter.string(value)
  }

  /// The summary printed by `orbit run` and `orbit merge`.
  public var lines: [String] {
    func percent(_ k: Int, _ n: Int) -> String {
      n > 0 ? NumberFormat.fixed(100 * Double(k) / Double(n), digits: 1) + " %" : "n/a"
    }
    func g(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x, digits: 4) : "n/a" }
    var out = [
      "monte carlo: \(header.scenario) (\(header.kind)), \(runs) runs, seed \(header.seed)",
      "  success: \(successes)/\(runs) (\(percent(successes, runs))); fallback: \(fallbacks) (\(percent(fallbacks, runs)))",
    ]
    for s in schemes where !(schemes.count == 1 && s.scheme.isEmpty) {
      out.append(
        "  scheme \(s.scheme.isEmpty ? "(none)" : s.scheme): \(s.runs) runs, \(s.successes) successful (\(percent(s.successes, s.runs)))")
    }
    for f in failures.prefix(5) { out.append("  failure: \(f.runs) × \(f.reason)") }
    for f in fields {
      let p = f.percentiles
      out.append(
        "  \(f.name): mean \(g(f.mean)), σ \(g(f.sigma)), p5 \(g(p[1])), p50 \(g(p[3])), p95 \(g(p[5])), max \(g(f.maximum)) (n = \(f.count))")
    }
    return out
  }

  /// `runs.csv`: one row per run, sorted by run index; undefined values empty.
  public static func csv(header: RunStream.Header, sortedRecords records: [MonteCarloRecord]) -> String {
    var out = "run,success,scheme,fallback," + header.fields.joined(separator: ",") + ",failure\n"
    for r in records {
      out += "\(r.run),\(r.success),\(csvField(r.scheme)),\(r.fallback)"
      for v in r.values { out += "," + (v.isFinite ? NumberFormat.shortest(v) : "") }
      out += "," + csvField(r.failure) + "\n"
    }
    return out
  }

  static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
    var out = "\""
    for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
    return out + "\""
  }
}
