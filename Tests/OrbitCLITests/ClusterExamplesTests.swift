import Foundation
import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

/// The cluster examples in Scenarios/cluster/ are run as documented, locally, with N = 3 and a
/// cheap scenario in place of the shipped 1,000-run one: the Slurm array script once per array
/// index (SLURM_ARRAY_TASK_ID = 1…3), the Kubernetes Indexed Job's container script once per
/// completion index (JOB_COMPLETION_INDEX = 0…2), then each merge step; the merged summary must
/// equal an unsharded run's bit for bit.
@Suite struct ClusterExamplesTests {
  static let clusterDirectory = packageRoot + "/Scenarios/cluster"

  /// Runs `script` with /bin/sh and `environment` (plus PATH with the built `orbit`).
  static func sh(_ arguments: [String], environment: [String: String]) throws -> (code: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    let bin = URL(fileURLWithPath: orbitExecutablePath()).deletingLastPathComponent().path
    env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The literal block under `args: - |` of a Job manifest, dedented.
  static func containerScript(_ yaml: String) -> String? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- |" }) else { return nil }
    let blockIndent = lines[start].prefix { $0 == " " }.count
    var body: [String] = []
    for line in lines[(start + 1)...] {
      let indent = line.prefix { $0 == " " }.count
      if !line.trimmingCharacters(in: .whitespaces).isEmpty && indent <= blockIndent { break }
      body.append(line)
    }
    let strip = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return body.map { String($0.dropFirst(min(strip, $0.count))) }.joined(separator: "\n")
  }

  /// The value of `key: value` at the top of a line (first occurrence).
  static func scalar(_ yaml: String, _ key: String) -> String? {
    for line in yaml.split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix(key + ":") { return t.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }
    return nil
  }

  /// The `value` following `- name: <name>` in an env list.
  static func envValue(_ yaml: String, _ name: String) -> String? {
    let lines = yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    guard let i = lines.firstIndex(of: "- name: \(name)"), i + 1 < lines.count, lines[i + 1].hasPrefix("value:") else { return nil }
    return lines[i + 1].dropFirst(6).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
  }

  func prepare() -> (dir: String, scenario: String, reference: String) {
    let dir = makeTemporaryDirectory()
    let scenario = dir + "/cheap.json"
    writeText(cheapEnsembleText(runs: 30), to: scenario)
    let whole = orbit("run", scenario, "--output", dir + "/whole")
    #expect(whole.code == 0)
    return (dir, scenario, readText(dir + "/whole/summary.json") ?? "<missing>")
  }

  @Test func slurmArrayExampleRunsAndMerges() throws {
    guard FileManager.default.isExecutableFile(atPath: orbitExecutablePath()) else {
      Issue.record("orbit executable not found at \(orbitExecutablePath())")
      return
    }
    let shards = try #require(readText(Self.clusterDirectory + "/slurm-shards.sbatch"))
    let merge = try #require(readText(Self.clusterDirectory + "/slurm-merge.sbatch"))
    // The documented array and the default shard count agree (8 and 8).
    #expect(shards.contains("#SBATCH --array=1-8"))
    #expect(shards.contains("SHARDS=\"${SHARDS:-8}\""))
    #expect(merge.contains("SHARDS=\"${SHARDS:-8}\""))
    let (dir, scenario, reference) = prepare()
    defer { removeItem(dir) }
    let env = ["SCENARIO": scenario, "SHARDS": "3", "RESULTS": dir + "/results"]
    for k in 1...3 {
      let r = try Self.sh(
        [Self.clusterDirectory + "/slurm-shards.sbatch"], environment: env.merging(["SLURM_ARRAY_TASK_ID": "\(k)"]) { $1 })
      #expect(r.code == 0, "task \(k): \(r.output)")
    }
    let m = try Self.sh([Self.clusterDirectory + "/slurm-merge.sbatch"], environment: env)
    #expect(m.code == 0, "\(m.output)")
    #expect(readText(dir + "/results/merged/summary.json") == reference)
  }

  @Test func kubernetesIndexedJobExampleRunsAndMerges() throws {
    guard FileManager.default.isExecutableFile(atPath: orbitExecutablePath()) else {
      Issue.record("orbit executable not found at \(orbitExecutablePath())")
      return
    }
    let job = try #require(readText(Self.clusterDirectory + "/k8s-shards-job.yaml"))
    let mergeJob = try #require(readText(Self.clusterDirectory + "/k8s-merge-job.yaml"))
    #expect(Self.scalar(job, "completionMode") == "Indexed")
    let completions = Self.scalar(job, "completions")
    #expect(completions == "8")
    #expect(Self.envValue(job, "SHARDS") == completions, "SHARDS must equal completions")
    #expect(Self.envValue(mergeJob, "SHARDS") == completions)
    let script = try #require(Self.containerScript(job))
    let mergeScript = try #require(Self.containerScript(mergeJob))
    #expect(script.contains("orbit run"))
    #expect(mergeScript.contains("orbit merge"))
    let (dir, scenario, reference) = prepare()
    defer { removeItem(dir) }
    let env = ["SCENARIO": scenario, "SHARDS": "3", "RESULTS": dir + "/results"]
    for index in 0..<3 {
      let r = try Self.sh(["-c", script], environment: env.merging(["JOB_COMPLETION_INDEX": "\(index)"]) { $1 })
      #expect(r.code == 0, "index \(index): \(r.output)")
    }
    let m = try Self.sh(["-c", mergeScript], environment: env)
    #expect(m.code == 0, "\(m.output)")
    #expect(readText(dir + "/results/merged/summary.json") == reference)
  }
}
