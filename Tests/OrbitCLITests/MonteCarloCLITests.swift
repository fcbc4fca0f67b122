import Foundation
import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A cheap ensemble scenario (two Kepler propagations per run) for CLI tests.
func cheapEnsembleText(runs: Int = 40, seed: Int = 11, sigma: String = "[100, 50, 100]") -> String {
  """
  {
    "schema_version": 1,
    "name": "cheap-ensemble",
    "kind": "insertion-dispersion",
    "target": { "semi_major_axis_km": 6796, "eccentricity": 0.0005, "inclination_deg": 51.64,
                "raan_deg": 10, "arg_perigee_deg": 20, "true_anomaly_deg": 30 },
    "chaser_offset": { "position_m": [-1000, 0, 0] },
    "duration_s": 5400,
    "success_range_m": 3000,
    "monte_carlo": {
      "runs": \(runs), "seed": \(seed),
      "dispersions": {
        "insertion_state": { "distribution": "normal", "position_sigma_m": \(sigma), "velocity_sigma_m_s": [0.1, 0.05, 0.1] }
      }
    }
  }
  """
}

func readText(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

@Suite struct MonteCarloCLITests {
  @Test(arguments: [1, 3, 7])
  func shardsMergedByTheCLIEqualOneRun(_ n: Int) throws {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let scenario = dir + "/mc.json"
    writeText(cheapEnsembleText(), to: scenario)
    let whole = orbit("run", scenario, "--output", dir + "/whole", "--threads", "2")
    #expect(whole.code == 0, "\(whole.stderr)")
    var shardDirs: [String] = []
    for k in 1...n {
      let d = dir + "/shard-\(k)"
      shardDirs.append(d)
      let r = orbit("run", scenario, "--shard", "\(k)/\(n)", "--output", d, "--threads", "1")
      #expect(r.code == 0, "\(r.stderr)")
    }
    let m = orbit(["merge"] + shardDirs + ["--output", dir + "/merged"])
    #expect(m.code == 0, "\(m.stderr)")
    #expect(m.stdout.contains("merged \(n) shard"))
    let a = try #require(readText(dir + "/whole/summary.json"))
    #expect(readText(dir + "/merged/summary.json") == a, "bit-identical summary")
    #expect(readText(dir + "/merged/runs.csv") == readText(dir + "/whole/runs.csv"))
  }

  @Test func badEnsembleInputIsReportedWithExitCodes() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let scenario = dir + "/mc.json"
    writeText(cheapEnsembleText(sigma: "[100, -50, 100]"), to: scenario)
    let negative = orbit("run", scenario, "--output", dir + "/out")
    #expect(negative.code == 65)
    #expect(
      negative.stderr
        == "orbit: run: \(scenario): monte_carlo.dispersions.insertion_state.position_sigma_m[1]: must be ≥ 0, got -50\n")
    #expect(listing(dir) == ["mc.json"], "nothing written")

    writeText(cheapEnsembleText(), to: scenario)
    for (shard, message) in [
      ("4/3", "--shard: shard index 4 is out of range 1...3"), ("0/3", "--shard: shard index 0 is out of range 1...3"),
      ("1/0", "--shard: the shard count N must be ≥ 1, got 0"), ("x", "--shard: expected K/N"),
    ] {
      let r = orbit("run", scenario, "--shard", shard, "--output", dir + "/out")
      #expect(r.code == 64, "\(shard)")
      #expect(r.stderr.contains(message), "\(r.stderr)")
    }
    let threads = orbit("run", scenario, "--threads", "0", "--output", dir + "/out")
    #expect(threads.code == 64)
    #expect(listing(dir) == ["mc.json"], "nothing written")

    // Ensemble options on a scenario without monte_carlo.
    let plain = dir + "/plain.json"
    writeText(validScenarioText, to: plain)
    let r = orbit("run", plain, "--shard", "1/2", "--output", dir + "/plain-out")
    #expect(r.code == 64)
    #expect(r.stderr == "orbit: run: --shard: only for scenarios with a monte_carlo section\n")
  }

  @Test func existingStreamNeedsResume() throws {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let scenario = dir + "/mc.json"
    writeText(cheapEnsembleText(), to: scenario)
    #expect(orbit("run", scenario, "--output", dir + "/out").code == 0)
    let before = readText(dir + "/out/runs.jsonl")
    let again = orbit("run", scenario, "--output", dir + "/out")
    #expect(again.code == 64)
    #expect(again.stderr.contains("already holds a run stream: add --resume"))
    #expect(readText(dir + "/out/runs.jsonl") == before)
    // --resume on a complete stream recomputes the same summary without new runs.
    let resumed = orbit("run", scenario, "--output", dir + "/out", "--resume")
    #expect(resumed.code == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("ran 0 runs"))
    #expect(readText(dir + "/out/runs.jsonl") == before)
  }

  @Test func truncatedStreamResumesToTheSameStatistics() throws {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let scenario = dir + "/mc.json"
    writeText(cheapEnsembleText(runs: 80), to: scenario)
    #expect(orbit("run", scenario, "--output", dir + "/whole").code == 0)
    #expect(orbit("run", scenario, "--output", dir + "/cut").code == 0)
    let stream = dir + "/cut/runs.jsonl"
    let text = try #require(readText(stream))
    // Cut mid-line, a third of the way through the file; drop the summary files.
    let cut = text.utf8.count / 3
    try Data(text.utf8.prefix(cut)).write(to: URL(fileURLWithPath: stream))
    #expect(!text.utf8.prefix(cut).last.map { $0 == UInt8(ascii: "\n") }!, "cut inside a line")
    for f in listing(dir + "/cut") where f != "runs.jsonl" { removeItem(dir + "/cut/" + f) }
    let r = orbit("run", scenario, "--output", dir + "/cut", "--resume")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("a torn last line was dropped"))
    #expect(readText(dir + "/cut/summary.json") == readText(dir + "/whole/summary.json"))
  }

  @Test func mismatchedShardsAreRefusedAndNothingIsWritten() {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let a = dir + "/a.json"
    let b = dir + "/b.json"
    writeText(cheapEnsembleText(seed: 1), to: a)
    writeText(cheapEnsembleText(seed: 2), to: b)
    #expect(orbit("run", a, "--shard", "1/2", "--output", dir + "/a1").code == 0)
    #expect(orbit("run", a, "--shard", "2/2", "--output", dir + "/a2").code == 0)
    #expect(orbit("run", b, "--shard", "2/2", "--output", dir + "/b2").code == 0)
    #expect(orbit("run", a, "--shard", "1/3", "--output", dir + "/a13").code == 0)

    let seeds = orbit("merge", dir + "/a1", dir + "/b2", "--output", dir + "/m")
    #expect(seeds.code == 65)
    #expect(seeds.stderr.contains("seed 2 differs from seed 1"), "\(seeds.stderr)")
    let count = orbit("merge", dir + "/a1", dir + "/a13", "--output", dir + "/m")
    #expect(count.code == 65)
    #expect(count.stderr.contains("it is a shard of 3"), "\(count.stderr)")
    let twice = orbit("merge", dir + "/a1", dir + "/a1", "--output", dir + "/m")
    #expect(twice.code == 65)
    #expect(twice.stderr.contains("are both shard 1/2"), "\(twice.stderr)")
    let missing = orbit("merge", dir + "/a1", "--output", dir + "/m")
    #expect(missing.code == 65)
    #expect(missing.stderr.contains("missing shard 2/2"), "\(missing.stderr)")
    let absent = orbit("merge", dir + "/a1", dir + "/nowhere", "--output", dir + "/m")
    #expect(absent.code == 1)
    #expect(!listing(dir).contains("m"), "nothing written")
    // A correct merge, then the same output again: refused, the first result kept.
    #expect(orbit("merge", dir + "/a1", dir + "/a2", "--output", dir + "/m").code == 0)
    let summary = readText(dir + "/m/summary.json")
    let again = orbit("merge", dir + "/a1", dir + "/a2", "--output", dir + "/m")
    #expect(again.code == 64)
    #expect(readText(dir + "/m/summary.json") == summary)
    #expect(orbit("merge").code == 64)
  }

  /// A real kill: a child `orbit` process is sent SIGKILL mid-ensemble, then `--resume`
  /// completes the stream to the statistics of an uninterrupted run.
  @Test func sigkilledEnsembleResumesToTheSameStatistics() throws {
    let binary = orbitExecutablePath()
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      Issue.record("orbit executable not found at \(binary) (build it with swift build)")
      return
    }
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let scenario = dir + "/mc.json"
    let runs = 20_000
    writeText(cheapEnsembleText(runs: runs), to: scenario)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["run", scenario, "--output", dir + "/killed", "--threads", "1"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until some runs are on disk, then kill without warning.
    let stream = dir + "/killed/runs.jsonl"
    var lines = 0
    for _ in 0..<3000 {
      usleep(10_000)
      lines = (readText(stream) ?? "").split(separator: "\n").count
      if lines > 200 || !process.isRunning { break }
    }
    let killedMidway = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if !killedMidway {
      Issue.record("the child finished before it could be killed (\(lines) lines)")
      return
    }
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(!FileManager.default.fileExists(atPath: dir + "/killed/summary.json"))
    let kept = try RunStream.read(stream).records.count
    #expect(kept > 0 && kept < runs, "\(kept) runs kept")
    let resumed = orbit("run", scenario, "--output", dir + "/killed", "--resume")
    #expect(resumed.code == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("runs already done"))
    #expect(orbit("run", scenario, "--output", dir + "/whole").code == 0)
    #expect(readText(dir + "/killed/summary.json") == readText(dir + "/whole/summary.json"))
  }
}

/// The `orbit` executable built next to the test bundle (`.build/<config>/orbit`).
func orbitExecutablePath() -> String {
  var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  // The Swift Testing runner may be …/OrbitPackageTests.xctest (Linux: a file) or inside a bundle.
  if url.lastPathComponent.hasSuffix(".xctest") || url.path.contains(".xctest/") {
    while url.path.contains(".xctest") { url.deleteLastPathComponent() }
  }
  return url.appendingPathComponent("orbit").path
}
