// `orbit-bench --work-precision-svg FILE [--peers JSON]`: measures the single-orbit integrator
// cases (ISS point mass + J2, 1 day) and the batch cases, prints a work-precision table, and
// writes a log-log chart of final-position error against time per propagation with the peers'
// points read from the JSON that Benchmarks/peers/integrator_peers.py writes.

import Foundation
import OrbitCore

/// One measured point of the work-precision sweep.
struct WorkPrecisionPoint {
  var method: String
  var setting: String
  var errorMeters: Double
  var minNanoseconds: Double
  var medianNanoseconds: Double
  var steps: Int
  var evaluations: Int
}

/// A peer series from the peers' JSON.
struct PeerSeries {
  var name: String
  var label: String
  var points: [(setting: String, error: Double, minSeconds: Double, medianSeconds: Double)]
}

/// Reads the `series` of integrator_peers.py's JSON.
func readPeerSeries(_ path: String) throws -> (series: [PeerSeries], load: String) {
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
    let list = root["series"] as? [[String: Any]]
  else { throw CocoaError(.fileReadCorruptFile) }
  var out: [PeerSeries] = []
  for s in list {
    guard let name = s["name"] as? String, let label = s["label"] as? String,
      let points = s["points"] as? [[String: Any]]
    else { continue }
    out.append(
      PeerSeries(
        name: name, label: label,
        points: points.compactMap { p in
          guard let e = p["error_m"] as? Double, let t = p["time_s"] as? Double else { return nil }
          return (p["setting"] as? String ?? "", e, p["min_time_s"] as? Double ?? t, t)
        }))
  }
  let load = (root["load_average"] as? [String])?.joined(separator: " ") ?? "?"
  return (out, load)
}

/// Runs the sweep and writes the chart; returns the process exit code.
func runWorkPrecision(svgPath: String, peersPath: String?, options: RunOptions) -> Int32 {
  var points: [WorkPrecisionPoint] = []
  var failures = 0
  func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }
  let loadAtStart = loadAverage()
  print("load average at start: \(loadAtStart)")
  print("work-precision: ISS point mass + J2 (WGS-84), 1 day; error = |r - r_heyoka(86400 s)|")
  print("method     setting         error (m)        min      median   steps   evals")
  for c in integratorWorkPrecisionCases() {
    var last = c.run()
    let error = (last.position - WorkPrecisionProblem.finalPosition).norm
    if !(error <= c.errorLimit) {
      print("\(c.name): CHECK FAILED: error \(error) m > \(c.errorLimit) m")
      failures += 1
    }
    let bench = Benchmark(
      name: c.name, itemsPerIteration: 1, tags: [],
      prepare: {
        BenchmarkInstance(
          run: { n in for _ in 0..<n { last = c.run() } },
          check: { .passed })
      })
    let result = measure(bench, bench.prepare(), options: options)
    let p = WorkPrecisionPoint(
      method: c.method, setting: c.setting, errorMeters: error,
      minNanoseconds: result.statistics.min, medianNanoseconds: result.statistics.median,
      steps: last.steps, evaluations: last.evaluations)
    points.append(p)
    print(
      "\(c.method.padding(toLength: 10, withPad: " ", startingAt: 0)) \(c.setting.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%12.3e", error)) \(formatTime(p.minNanoseconds).leftPad(10)) \(formatTime(p.medianNanoseconds).leftPad(10)) \(String(p.steps).leftPad(7)) \(String(p.evaluations).leftPad(7))"
    )
  }

  print("\nbatch: \(BatchProblem.count) ISS-like orbits x 1 revolution (\(String(format: "%.1f", BatchProblem.duration)) s), point mass + J2; error = max |r - r_scalar RKN12(10) at 1e-14|")
  for c in batchCases() {
    let (start, reference) = batchSetup
    var state = BatchRunState(start: start, reference: reference, final: start)
    runBatch(c, &state)
    let error = state.maxError
    if !(error <= c.errorLimit) {
      print("\(c.name): CHECK FAILED: error \(error) m > \(c.errorLimit) m")
      failures += 1
    }
    let bench = Benchmark(
      name: c.name, itemsPerIteration: BatchProblem.count, tags: [],
      prepare: {
        BenchmarkInstance(run: { n in for _ in 0..<n { runBatch(c, &state) } }, check: { .passed })
      })
    let result = measure(bench, bench.prepare(), options: options)
    let st = state.statistics
    print(
      "\(c.name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(String(format: "%10.3e m", error)) min \(formatTime(result.statistics.min).leftPad(10)) median \(formatTime(result.statistics.median).leftPad(10))  steps/group \(st.acceptedSteps / max(1, st.laneGroups))+\(st.rejectedSteps / max(1, st.laneGroups))"
    )
  }

  let loadAtEnd = loadAverage()
  print("load average at end: \(loadAtEnd)")

  var peers: [PeerSeries] = []
  var peerLoad = ""
  if let peersPath {
    do {
      (peers, peerLoad) = try readPeerSeries(peersPath)
    } catch {
      FileHandle.standardError.write(Data("orbit-bench: cannot read peers \(peersPath): \(error)\n".utf8))
      return 65
    }
  }

  // Chart: x = time per propagation (ms, min of samples), y = final-position error (m).
  let palette = ["#1f77b4", "#2ca02c", "#ff7f0e", "#d62728", "#9467bd", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22", "#e377c2"]
  var chart = SVGChart(
    title: "Work-precision: ISS point mass + J2, 1 day (single thread)",
    xLabel: "time per propagation (ms)", yLabel: "final position error (m)")
  chart.subtitle =
    "Final-position error vs heyoka (tol 1e-15) against time per propagation (min of samples, one pinned thread for the peers)\n\(MachineInfo.cpuModel), \(BuildInfo.configuration) build, flags: \(BuildInfo.flags)\n\(currentDateString()); load avg \(loadAtStart) → \(loadAtEnd)"
  chart.xScale = .log10
  chart.yScale = .log10
  let markers = SVGChart.Marker.allCases.filter { $0 != .none }
  var k = 0
  for method in ["RK4", "DP5(4)", "DP8(7)", "RKN12(10)", "RKN12(10) fixed", "SC11(PEC)"] {
    let mine = points.filter { $0.method == method }
    if mine.isEmpty { continue }
    chart.addLine(
      mine.map { SIMD2($0.minNanoseconds / 1e6, $0.errorMeters) }, label: "Orbit \(method)",
      color: palette[k % palette.count], marker: markers[k % markers.count])
    k += 1
  }
  for p in peers {
    chart.addLine(
      p.points.map { SIMD2($0.minSeconds * 1e3, $0.error) }, label: p.label, color: palette[k % palette.count],
      dashed: true, marker: markers[k % markers.count])
    k += 1
  }
  chart.addGuide(y: 1e-3, label: "1 mm")
  chart.addGuide(x: 0.04, label: "0.04 ms target")
  if !peerLoad.isEmpty { chart.subtitle += "; load avg at the peers' run \(peerLoad)" }
  let svg = chart.render()
  do {
    // A temporary file and a rename (`.atomic`); `replaceItemAt` failed here on Linux for a
    // relative path to an existing file.
    try Data(svg.utf8).write(to: URL(fileURLWithPath: svgPath), options: .atomic)
    print("\nwrote \(svgPath)")
  } catch {
    FileHandle.standardError.write(Data("orbit-bench: cannot write \(svgPath): \(error)\n".utf8))
    return 73
  }
  return failures == 0 ? 0 : 1
}

extension String {
  fileprivate func leftPad(_ n: Int) -> String {
    count >= n ? self : String(repeating: " ", count: n - count) + self
  }
}
