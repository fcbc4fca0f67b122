// Table and JSON output.

import Foundation

/// Formats nanoseconds with a sensible unit.
func formatTime(_ ns: Double) -> String {
  if ns < 1e3 { return String(format: "%.2f ns", ns) }
  if ns < 1e6 { return String(format: "%.2f µs", ns / 1e3) }
  if ns < 1e9 { return String(format: "%.2f ms", ns / 1e6) }
  return String(format: "%.3f s", ns / 1e9)
}

/// Formats a rate with an SI prefix.
func formatRate(_ perSecond: Double) -> String {
  if perSecond >= 1e9 { return String(format: "%.2f G/s", perSecond / 1e9) }
  if perSecond >= 1e6 { return String(format: "%.2f M/s", perSecond / 1e6) }
  if perSecond >= 1e3 { return String(format: "%.2f k/s", perSecond / 1e3) }
  return String(format: "%.2f /s", perSecond)
}

private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
  let n = s.count
  if n >= width { return s }
  let fill = String(repeating: " ", count: width - n)
  return right ? fill + s : s + fill
}

/// The column header of the results table.
func tableHeader(nameWidth: Int) -> String {
  pad("name", nameWidth) + "  " + pad("min", 11, right: true) + "  " + pad("median", 11, right: true)
    + "  " + pad("p90", 11, right: true) + "  " + pad("items/iter", 10, right: true) + "  "
    + pad("ns/item (med)", 13, right: true) + "  " + pad("throughput", 11, right: true) + "  "
    + pad("iterations", 10, right: true)
}

/// One row of the results table.
func tableRow(_ r: BenchmarkResult, nameWidth: Int) -> String {
  let s = r.statistics
  let perItem = String(format: "%.2f", s.median / Double(r.itemsPerIteration))
  return pad(r.name, nameWidth) + "  " + pad(formatTime(s.min), 11, right: true) + "  "
    + pad(formatTime(s.median), 11, right: true) + "  " + pad(formatTime(s.p90), 11, right: true)
    + "  " + pad("\(r.itemsPerIteration)", 10, right: true) + "  " + pad(perItem, 13, right: true)
    + "  " + pad(formatRate(r.itemsPerSecond), 11, right: true) + "  "
    + pad("\(r.iterations)", 10, right: true)
}

/// One case in the `--json` output.
struct JSONResult: Encodable {
  let name: String
  let iterations: Int
  let itemsPerIteration: Int
  let minNs: Double
  let medianNs: Double
  let p90Ns: Double
  let itemsPerSecond: Double

  enum CodingKeys: String, CodingKey {
    case name, iterations
    case itemsPerIteration = "items_per_iteration"
    case minNs = "min_ns"
    case medianNs = "median_ns"
    case p90Ns = "p90_ns"
    case itemsPerSecond = "items_per_second"
  }

  init(_ r: BenchmarkResult) {
    name = r.name
    iterations = r.iterations
    itemsPerIteration = r.itemsPerIteration
    minNs = r.statistics.min
    medianNs = r.statistics.median
    p90Ns = r.statistics.p90
    itemsPerSecond = r.itemsPerSecond
  }
}

/// Writes the results as a JSON array to `path`, through a temporary file and a rename.
func writeJSON(_ results: [BenchmarkResult], to path: String) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  var data = try encoder.encode(results.map(JSONResult.init))
  data.append(0x0A)
  try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}
