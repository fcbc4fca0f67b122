// SGP4: scalar and batch (SIMD lanes, 1 and 2 threads) propagation on the workloads of
// Benchmarks/peers/sgp4_peers.py, and TLE parsing.
//
//   ISS        the ISS TLE below, tsince_k = k × 0.01 min, k = 0 … 999,999.
//   catalogue  the first 1,000 TLEs of Tests/ReferenceData/python-sgp4/tles.txt (553 near-Earth,
//              447 deep space) × tsince_j = j min, j = 0 … 999, from each set's own epoch.
//
// Result checks: ISS states at k = 0, 123,457 and 999,999 against python-sgp4 2.27 (values
// below, printed by `Satrec.twoline2rv(l1, l2, WGS72).sgp4_tsince(k * 0.01)` in the peers venv);
// catalogue states at t = 0, 90 and 720 min against Tests/ReferenceData/python-sgp4/states.csv
// (python-sgp4 2.27), error codes included. TLE parsing: 1,090 sets, formatted back byte for
// byte. The benchmark reads the reference files at run time (the product does not).

import Foundation
import OrbitCore

private let issLine1 = "1 25544U 98067A   19093.54651620  .00001767  00000-0  35856-4 0  9993"
private let issLine2 = "2 25544  51.6445  12.2674 0002441 141.3518 216.2348 15.52476822163652"

/// python-sgp4 2.27 (WGS-72) states of the ISS TLE: (k, r km, v km/s) at tsince = k × 0.01 min.
private let issReference: [(k: Int, r: SIMD3<Double>, v: SIMD3<Double>)] = [
  (0, SIMD3(6667.990403218248, 1259.521658928229, -234.89881986766767),
   SIMD3(-0.6859809280401717, 4.711236581932705, 6.006146306971285)),
  (123_457, SIMD3(-3098.969951328322, 3494.343516312503, 4914.487665257499),
   SIMD3(-6.7718512311294745, -2.780049373261332, -2.2891930353507415)),
  (999_999, SIMD3(3362.3878916821523, -4571.925054977224, -3732.8770153265664),
   SIMD3(6.2505354536884346, 1.10079620595243, 4.284655506415209)),
]

/// Issue 3's agreement bounds: 1 mm and 1e-8 km/s.
private let positionToleranceKm = 1e-6
private let velocityToleranceKmPerSecond = 1e-8

/// The repository's reference-data folder, from this file's path.
private func referenceDataPath(_ relative: String) -> String {
  let suites = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  return suites.appendingPathComponent("../../../Tests/ReferenceData/\(relative)").standardized.path
}

private func readReference(_ relative: String) -> String {
  let path = referenceDataPath(relative)
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    fatalError("orbit-bench: cannot read \(path) (run from a checkout of the repository)")
  }
  return text
}

struct SGP4BatchBenchState {
  var batch: SGP4Batch
  var times: [Double]
  var states: [Double]
  var errors: [UInt8]
  var threads: Int
}

typealias CatalogueReferenceRow = (t: Int, error: Int, r: SIMD3<Double>, v: SIMD3<Double>)

struct SGP4CatalogueBenchState {
  var run: SGP4BatchBenchState
  var reference: [[CatalogueReferenceRow]]
}

struct TLEParseBenchState {
  var text: String
  var lines: [String]
  var records: [TLERecord]
}

struct SGP4ScalarBenchState {
  var model: SGP4
  var count: Int
  var states: [Double]
}

/// The scalar loop: one `propagate` per time, states written as the batch writes them.
@inline(never)
func kernelSGP4Scalar(_ model: SGP4, count: Int, step: Double, into out: UnsafeMutableBufferPointer<Double>) {
  for k in 0..<count {
    let p = k &* 6
    switch model.propagate(minutesSinceEpoch: Double(k) * step) {
    case .success(let s):
      out[p] = s.position.x
      out[p + 1] = s.position.y
      out[p + 2] = s.position.z
      out[p + 3] = s.velocity.x
      out[p + 4] = s.velocity.y
      out[p + 5] = s.velocity.z
    case .failure:
      out[p] = .nan
    }
  }
}

@inline(never)
func kernelSGP4Batch(_ s: inout SGP4BatchBenchState) {
  let threads = s.threads
  let batch = s.batch
  s.times.withUnsafeBufferPointer { t in
    s.states.withUnsafeMutableBufferPointer { out in
      s.errors.withUnsafeMutableBufferPointer { e in
        _ = batch.propagate(minutesSinceEpoch: t, states: out, errors: e, threads: threads)
      }
    }
  }
}

private func checkISS(_ states: [Double], errors: [UInt8]?) -> CheckResult {
  for ref in issReference {
    let p = ref.k * 6
    if let errors, errors[ref.k] != 0 { return .failed("error \(errors[ref.k]) at k = \(ref.k)") }
    let dr = (SIMD3(states[p], states[p + 1], states[p + 2]) - ref.r)
    let dv = (SIMD3(states[p + 3], states[p + 4], states[p + 5]) - ref.v)
    let er = (dr * dr).sum().squareRoot(), ev = (dv * dv).sum().squareRoot()
    if !(er <= positionToleranceKm && ev <= velocityToleranceKmPerSecond) {
      return .failed("k = \(ref.k): |Δr| = \(er) km, |Δv| = \(ev) km/s against python-sgp4")
    }
  }
  return .passed
}

/// The catalogue: the first 1,000 TLEs of tles.txt and python-sgp4's rows at t = 0, 90, 720.
private func catalogue() -> (models: [SGP4], reference: [[CatalogueReferenceRow]], failedAtEpoch: Int) {
  let records: [TLERecord]
  do {
    records = Array(try TLE.parseMany(readReference("python-sgp4/tles.txt"), fileName: "tles.txt").prefix(1000))
  } catch {
    fatalError("orbit-bench: tles.txt: \(error)")
  }
  var rows: [Int: [CatalogueReferenceRow]] = [:]
  for line in readReference("python-sgp4/states.csv").split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false)
    guard f.count == 9, let norad = Int(f[0]), let t = Double(f[1]), let e = Int(f[2]),
      [0.0, 90.0, 720.0].contains(t)
    else { continue }
    let x = f[3...8].map { Double($0) ?? .nan }
    rows[norad, default: []].append(
      (Int(t), e, SIMD3(x[0], x[1], x[2]), SIMD3(x[3], x[4], x[5])))
  }
  var models: [SGP4] = []
  var reference: [[CatalogueReferenceRow]] = []
  var failed = 0
  for record in records {
    guard let model = try? SGP4(tle: record.tle) else {
      failed += 1
      continue
    }
    models.append(model)
    reference.append(rows[record.tle.catalogNumber] ?? [])
  }
  return (models, reference, failed)
}

func registerSGP4Benchmarks(into registry: inout BenchmarkRegistry) {
  let issCount = 1_000_000
  let issStep = 0.01

  registry.register(
    "SGP4/ISS/scalar/1e6", items: issCount, tags: ["end-to-end"],
    setup: { () -> SGP4ScalarBenchState in
      let model = try! SGP4(tle: try! TLE(line1: issLine1, line2: issLine2))
      return SGP4ScalarBenchState(
        model: model, count: issCount, states: [Double](repeating: 0, count: issCount * 6))
    },
    body: { s in
      let model = s.model, count = s.count
      s.states.withUnsafeMutableBufferPointer { kernelSGP4Scalar(model, count: count, step: issStep, into: $0) }
    },
    check: { s in checkISS(s.states, errors: nil) })

  for threads in [1, 2] {
    let label = threads == 1 ? "batch-1thread" : "batch-2threads"
    registry.register(
      "SGP4/ISS/\(label)/1e6", items: issCount, tags: ["end-to-end"],
      setup: { () -> SGP4BatchBenchState in
        let model = try! SGP4(tle: try! TLE(line1: issLine1, line2: issLine2))
        return SGP4BatchBenchState(
          batch: SGP4Batch([model]), times: (0..<issCount).map { Double($0) * issStep },
          states: [Double](repeating: 0, count: issCount * 6),
          errors: [UInt8](repeating: 0, count: issCount), threads: threads)
      },
      body: { s in kernelSGP4Batch(&s) },
      check: { s in checkISS(s.states, errors: s.errors) })
  }

  // The 1,000 sets, read once at registration; sets that fail at their epoch (SGP4 error at
  // t = 0: 4 of them) cannot be initialised and are not counted as propagations.
  let cat = catalogue()
  for threads in [1, 2] {
    let label = threads == 1 ? "batch-1thread" : "batch-2threads"
    let nt = 1000
    registry.register(
      "SGP4/catalog1000x1000/\(label)", items: cat.models.count * nt, tags: ["end-to-end"],
      setup: { () -> SGP4CatalogueBenchState in
        SGP4CatalogueBenchState(
          run: SGP4BatchBenchState(
            batch: SGP4Batch(cat.models), times: (0..<nt).map(Double.init),
            states: [Double](repeating: 0, count: cat.models.count * nt * 6),
            errors: [UInt8](repeating: 0, count: cat.models.count * nt), threads: threads),
          reference: cat.reference)
      },
      body: { s in kernelSGP4Batch(&s.run) },
      check: { c in
        let s = c.run
        if cat.models.count + cat.failedAtEpoch != 1000 || cat.failedAtEpoch > 10 {
          return .failed("\(cat.models.count) models and \(cat.failedAtEpoch) failed sets, expected 1000 sets")
        }
        var compared = 0
        for (i, rows) in c.reference.enumerated() {
          for row in rows {
            let index = i * nt + row.t
            if Int(s.errors[index]) != row.error {
              return .failed("set \(i) t = \(row.t): error \(s.errors[index]), python-sgp4 \(row.error)")
            }
            guard row.error == 0 else { continue }
            let p = index * 6
            let dr = SIMD3(s.states[p], s.states[p + 1], s.states[p + 2]) - row.r
            let dv = SIMD3(s.states[p + 3], s.states[p + 4], s.states[p + 5]) - row.v
            let er = (dr * dr).sum().squareRoot(), ev = (dv * dv).sum().squareRoot()
            if !(er <= positionToleranceKm && ev <= velocityToleranceKmPerSecond) {
              return .failed("set \(i) t = \(row.t): |Δr| = \(er) km, |Δv| = \(ev) km/s")
            }
            compared += 1
          }
        }
        return .expect(compared > 2500, "only \(compared) reference states compared")
      })
  }

  registry.register(
    "TLE/parse/1090", items: 1090, tags: ["end-to-end"],
    setup: { () -> TLEParseBenchState in
      let text = readReference("python-sgp4/tles.txt")
      return TLEParseBenchState(text: text, lines: text.split(separator: "\n").map(String.init), records: [])
    },
    body: { s in
      s.records = (try? TLE.parseMany(s.text, fileName: "tles.txt")) ?? []
    },
    check: { s in
      if s.records.count != 1090 { return .failed("\(s.records.count) sets, expected 1090") }
      for (i, r) in s.records.enumerated() {
        let lines = r.tle.formattedLines()
        if lines.line1 != s.lines[3 * i + 1] || lines.line2 != s.lines[3 * i + 2] {
          return .failed("set \(i + 1) does not format back byte for byte")
        }
      }
      return .passed
    })
}
