import Foundation
import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

/// A cheap ensemble for engine tests: the `insertion-dispersion` kind (two Kepler
/// propagations per run).
func driftScenarioText(
  runs: Int = 60, seed: Int = 7, dispersions: String = """
    "insertion_state": { "distribution": "normal", "position_sigma_m": [100, 50, 100], "velocity_sigma_m_s": [0.1, 0.05, 0.1] }
    """
) -> String {
  """
  {
    "schema_version": 1,
    "name": "drift",
    "kind": "insertion-dispersion",
    "target": { "semi_major_axis_km": 6796, "eccentricity": 0.0005, "inclination_deg": 51.64,
                "raan_deg": 10, "arg_perigee_deg": 20, "true_anomaly_deg": 30 },
    "chaser_offset": { "position_m": [-1000, 0, 0] },
    "duration_s": 5400,
    "success_range_m": 3000,
    "monte_carlo": { "runs": \(runs), "seed": \(seed), "dispersions": { \(dispersions) } }
  }
  """
}

func loadEnsemble(_ text: String) throws -> ExtendedScenario {
  let loaded = try ScenarioLoader.loadAny(bytes: Array(text.utf8), name: "test.json")
  guard case .extended(let s) = loaded, s.isEnsemble else {
    throw ScenarioError.propagationFailed(propagator: "test", reason: "not an ensemble")
  }
  return s
}

func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "orbit-mc-tests-" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Runs an ensemble into `directory` and writes its files; returns the summary lines.
@discardableResult
func runEnsemble(
  _ text: String, into directory: String, shard: MonteCarloShard? = nil, threads: Int? = nil, resume: Bool = false
) throws -> [String] {
  let s = try loadEnsemble(text)
  var options = ScenarioRunOptions(outputDirectory: directory)
  options.shard = shard
  options.threads = threads
  options.resume = resume
  options.progress = false
  let output = try s.run(options)
  _ = try ScenarioRunner.writeFiles(output.files, to: directory)
  return output.summaryLines
}

func fileText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>" }

@Suite struct MonteCarloEngineTests {
  @Test func sameSeedIsBitIdenticalOnOneAndTwoThreads() throws {
    let a = temporaryDirectory()
    let b = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    try runEnsemble(driftScenarioText(), into: a, threads: 1)
    try runEnsemble(driftScenarioText(), into: b, threads: 2)
    #expect(fileText(a + "/summary.json") == fileText(b + "/summary.json"))
    #expect(fileText(a + "/runs.csv") == fileText(b + "/runs.csv"))
    // The streams hold the same lines, possibly in another finishing order.
    let la = fileText(a + "/runs.jsonl").split(separator: "\n").sorted()
    let lb = fileText(b + "/runs.jsonl").split(separator: "\n").sorted()
    #expect(la == lb)
    #expect(la.count == 61)
  }

  @Test(arguments: [1, 3, 7])
  func shardedThenMergedEqualsUnsharded(_ n: Int) throws {
    let whole = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: whole) }
    try runEnsemble(driftScenarioText(runs: 50), into: whole)
    var shardDirectories: [String] = []
    defer { for d in shardDirectories { try? FileManager.default.removeItem(atPath: d) } }
    for k in 1...n {
      let d = temporaryDirectory()
      shardDirectories.append(d)
      try runEnsemble(driftScenarioText(runs: 50), into: d, shard: MonteCarloShard(index: k, count: n)!, threads: 1)
      #expect(FileManager.default.fileExists(atPath: d + "/summary.json") == (n == 1))
    }
    let merged = try EnsembleMerge.merge(directories: shardDirectories.reversed())
    let output = MonteCarloEnsemble.summaryOutput(header: merged.header, sortedRecords: merged.records)
    let files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.name, $0.contents) })
    #expect(files["summary.json"] == fileText(whole + "/summary.json"))
    #expect(files["runs.csv"] == fileText(whole + "/runs.csv"))
    #expect(files.keys.filter { $0.hasSuffix(".svg") }.allSatisfy { files[$0] == fileText(whole + "/" + $0) })
  }

  /// Spreads of zero: every run is the nominal run to the last bit. The nominal run is the
  /// ensemble without any dispersion (the model is then never handed a drawn value).
  @Test func zeroDispersionsReproduceTheNominalRunBitForBit() throws {
    let nominal = temporaryDirectory()
    let zero = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: nominal); try? FileManager.default.removeItem(atPath: zero) }
    try runEnsemble(driftScenarioText(runs: 1, dispersions: ""), into: nominal)
    try runEnsemble(
      driftScenarioText(
        runs: 25,
        dispersions: """
          "insertion_state": { "distribution": "truncated-normal", "position_sigma_m": [0, 0, 0], "velocity_sigma_m_s": [0, 0, 0] }
          """), into: zero)
    let reference = try #require(try RunStream.read(nominal + "/runs.jsonl").records.first)
    let runs = try RunStream.read(zero + "/runs.jsonl").records
    #expect(runs.count == 25)
    for r in runs {
      var expected = reference
      expected.run = r.run
      #expect(r.isBitIdentical(to: expected), "run \(r.run)")
    }
    // And the draws themselves are exactly zero.
    let spec = MonteCarloSpec(
      runs: 10, seed: 3,
      dispersions: [
        Dispersion(name: .insertionState, distribution: .normal, mean: [0, 0, 0, 0, 0, 0], spread: [0, 0, 0, 0, 0, 0]),
        Dispersion(name: .thrust, distribution: .uniform, mean: [0], spread: [0]),
      ], fingerprint: "test")
    for k in 0..<10 {
      let d = MonteCarloDraws(run: k, spec: spec)
      let e = d.stateError(.insertionState)
      #expect(e.position == .zero && e.velocity == .zero)
      #expect(d.scalar(.thrust).bitPattern == 0)
    }
  }

  @Test func resumeAfterATornLineGivesTheSameStatistics() throws {
    let whole = temporaryDirectory()
    let cut = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: whole); try? FileManager.default.removeItem(atPath: cut) }
    try runEnsemble(driftScenarioText(), into: whole)
    try runEnsemble(driftScenarioText(), into: cut)
    // Simulate a kill: keep the header and 20 runs, then half of the next line; no summary.
    let stream = cut + "/runs.jsonl"
    let lines = fileText(stream).split(separator: "\n", omittingEmptySubsequences: false)
    let torn = lines[0...20].joined(separator: "\n") + "\n" + lines[21].prefix(lines[21].count / 2)
    try torn.write(toFile: stream, atomically: false, encoding: .utf8)
    for f in ["summary.json", "runs.csv"] { try FileManager.default.removeItem(atPath: cut + "/" + f) }
    let read = try RunStream.read(stream)
    #expect(read.records.count == 20)
    #expect(read.hadTornLine)
    let lines2 = try runEnsemble(driftScenarioText(), into: cut, resume: true)
    #expect(lines2.first?.contains("20 runs already done") == true, "\(lines2)")
    #expect(fileText(cut + "/summary.json") == fileText(whole + "/summary.json"))
    #expect(try RunStream.read(stream).records.count == 60)
    #expect(try RunStream.read(stream).hadTornLine == false)
  }

  @Test func resumeRefusesAnotherSeedOrShard() throws {
    let d = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: d) }
    try runEnsemble(driftScenarioText(seed: 7), into: d)
    let before = fileText(d + "/runs.jsonl")
    #expect {
      try runEnsemble(driftScenarioText(seed: 8), into: d, resume: true)
    } throws: { error in
      guard let e = error as? ScenarioError, e.isDataError else { return false }
      return e.lines.contains { $0.contains("seed: the run stream has seed 7, this run has seed 8") }
    }
    #expect {
      try runEnsemble(driftScenarioText(seed: 7), into: d, shard: MonteCarloShard(index: 1, count: 2), resume: true)
    } throws: { error in
      (error as? ScenarioError)?.lines.contains { $0.contains("shard 1/1, this run has shard 1/2") } == true
    }
    // Without resume an existing stream is refused too, and nothing was changed.
    #expect(throws: ScenarioError.self) { try runEnsemble(driftScenarioText(seed: 7), into: d) }
    #expect(fileText(d + "/runs.jsonl") == before)
  }

  @Test func negativeSigmasAreReportedWithTheirJSONPath() {
    let text = driftScenarioText(
      dispersions: """
        "insertion_state": { "distribution": "normal", "position_sigma_m": [100, -5, 100] }
        """)
    #expect {
      try loadEnsemble(text)
    } throws: { error in
      guard let e = error as? ScenarioError, e.isDataError else { return false }
      return e.lines == ["test.json: monte_carlo.dispersions.insertion_state.position_sigma_m[1]: must be ≥ 0, got -5"]
    }
  }

  @Test func otherBadSectionsAreReported() {
    let cases: [(String, String)] = [
      (#""thrust": { "distribution": "normal", "sigma_percent": 1 }"#, "monte_carlo.dispersions.thrust: not used by kind"),
      (#""insertion_state": { "distribution": "gaussian", "position_sigma_m": [1, 1, 1] }"#, "unknown value \"gaussian\""),
      (
        #""insertion_state": { "distribution": "uniform", "position_sigma_m": [1, 1, 1] }"#,
        "position_sigma_m: not used by distribution \"uniform\""
      ),
      (
        #""insertion_state": { "distribution": "truncated-normal", "position_sigma_m": [1, 1, 1], "bounds_sigma": [2, -2] }"#,
        "bounds_sigma: must be [lower, upper] with lower < upper"
      ),
      (
        #""insertion_state": { "distribution": "normal", "covariance": [[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,1,0,0,0],[0,0,0,1,2,0],[0,0,0,2,1,0],[0,0,0,0,0,1]] }"#,
        "covariance: the covariance is not positive semi-definite"
      ),
    ]
    for (dispersions, message) in cases {
      #expect {
        try loadEnsemble(driftScenarioText(dispersions: dispersions))
      } throws: { error in
        (error as? ScenarioError)?.lines.contains { $0.contains(message) } == true
      }
    }
    #expect(throws: ScenarioError.self) { try loadEnsemble(driftScenarioText(runs: 0)) }
  }

  /// A covariance is reproduced by the draws (L·Lᵀ = Σ): sample covariance of 20,000 runs
  /// against the matrix given, within 5 standard errors of each element.
  @Test func covarianceDrawsReproduceTheCovariance() throws {
    let sigma: [[Double]] = [
      [400, 120, 0, 0, 0.8, 0], [120, 900, 0, 0.3, 0, 0], [0, 0, 100, 0, 0, 0],
      [0, 0.3, 0, 0.01, 0, 0], [0.8, 0, 0, 0, 0.04, 0], [0, 0, 0, 0, 0, 0.0025],
    ]
    let rows = sigma.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",")
    let s = try loadEnsembleSpec(
      driftScenarioText(dispersions: #""insertion_state": { "distribution": "normal", "covariance": [\#(rows)] }"#))
    let n = 20_000
    var samples: [[Double]] = []
    for k in 0..<n {
      let e = MonteCarloDraws(run: k, spec: s).stateError(.insertionState)
      samples.append([e.position.x, e.position.y, e.position.z, e.velocity.x, e.velocity.y, e.velocity.z])
    }
    for i in 0..<6 {
      for j in 0...i {
        let c = samples.reduce(0.0) { $0 + $1[i] * $1[j] } / Double(n)
        // Standard error of a sample covariance: √((σᵢᵢσⱼⱼ + σᵢⱼ²)/n).
        let se = ((sigma[i][i] * sigma[j][j] + sigma[i][j] * sigma[i][j]) / Double(n)).squareRoot()
        #expect(abs(c - sigma[i][j]) <= 5 * se, "Σ[\(i)][\(j)] = \(c), expected \(sigma[i][j]) ± \(5 * se)")
      }
    }
  }

  /// Hyndman & Fan definition 7 (numpy's default, Excel PERCENTILE.INC): Wikipedia's
  /// "Percentile" worked example, {15, 20, 35, 40, 50}: 40th percentile 29, 5th 16, 50th 35.
  @Test func percentilesFollowDefinitionSeven() {
    let x: [Double] = [15, 20, 35, 40, 50]
    #expect(EnsembleStatistics.quantile(x, 0.40) == 29)
    #expect(EnsembleStatistics.quantile(x, 0.05) == 16)
    #expect(EnsembleStatistics.quantile(x, 0.50) == 35)
    #expect(EnsembleStatistics.quantile(x, 1) == 50)
    let s = EnsembleStatistics.summarize(name: "x", x)
    #expect(s.mean == 32)
    // Sample standard deviation √(Σ(x − 32)²/4) = √((289 + 144 + 9 + 64 + 324)/4) = √(830/4).
    #expect(s.sigma == (830.0 / 4).squareRoot())
  }

  @Test func shardsPartitionTheRuns() {
    for runs in [0, 1, 2, 10, 97, 1000] {
      for n in 1...8 {
        var seen = [Int](repeating: 0, count: runs)
        for k in 1...n {
          let shard = MonteCarloShard(index: k, count: n)!
          let mine = Array(shard.runs(of: runs))
          #expect(mine.count == shard.runCount(of: runs))
          for r in mine {
            #expect(shard.contains(run: r))
            seen[r] += 1
          }
        }
        #expect(seen.allSatisfy { $0 == 1 }, "runs \(runs), N \(n)")
      }
    }
    #expect(MonteCarloShard(index: 0, count: 3) == nil)
    #expect(MonteCarloShard(index: 4, count: 3) == nil)
    if case .failure(let e) = MonteCarloShard.parse("4/3") {
      #expect(e.message == "shard index 4 is out of range 1...3")
    } else {
      Issue.record("4/3 accepted")
    }
  }
}

/// The spec of an ensemble scenario, through the public loader: the fingerprint and
/// dispersions as the engine sees them.
func loadEnsembleSpec(_ text: String) throws -> MonteCarloSpec {
  let json = try JSONParser.parse(text)
  guard case .object(let top) = json, let section = top["monte_carlo"] else { throw ScenarioError.unreadable(file: "", reason: "") }
  return try MonteCarloSpec.parse(section, scenario: json, kind: "insertion-dispersion", uses: [.insertionState])
}
