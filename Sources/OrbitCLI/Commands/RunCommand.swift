import OrbitScenario

/// `orbit run <file.json>`: runs a scenario and writes its outputs.
enum RunCommand: OrbitCommand {
  static let spec = CommandSpec(
    name: "run",
    summary: "Run a scenario: propagate, print a summary, write the outputs.",
    usage: "orbit run <file.json> [--output DIR] [--shard K/N] [--resume] [--threads N] [--progress]",
    positionals: [PositionalSpec(name: "<file.json>", help: "Scenario file (see Scenarios/README.md).")],
    options: [
      OptionSpec(
        name: "--output", valueName: "DIR", help: "Directory for the output files (created if missing).",
        defaultValue: "out/<name>, out/<name>-shard-K-of-N for a shard"),
      OptionSpec(
        name: "--shard", valueName: "K/N",
        help: "Monte Carlo: run only shard K of N (the runs k with k mod N = K - 1)."),
      OptionSpec(
        name: "--resume", valueName: "",
        help: "Monte Carlo: complete the run stream already in DIR (runs.jsonl).", isFlag: true),
      OptionSpec(
        name: "--threads", valueName: "N", help: "Monte Carlo: worker threads.", defaultValue: "one per online CPU"),
      OptionSpec(
        name: "--progress", valueName: "",
        help: "Monte Carlo: report progress on stderr even when it is not a terminal.", isFlag: true),
    ],
    details: """
      The scenario is validated first (as 'orbit validate' does; problems exit 65). The outputs
      named in the file are written into DIR, default out/<scenario name>/ below the current
      directory, all or nothing: each file goes to a temporary file in DIR and is renamed once
      every output is complete, so a failed run leaves no output and no temporary file (exit 1).
      The summary on stdout gives each propagator's final state and, with several propagators,
      the position difference of each from the first one.

      A scenario with a 'monte_carlo' section is an ensemble. Its runs go to DIR/runs.jsonl as
      they finish (one JSON line per run), in parallel on --threads workers; the statistics
      (summary.json), the sorted per-run table (runs.csv) and the charts follow when every run
      is done. Progress (runs, rate, ETA) goes to stderr on a terminal, or always with
      --progress. An interrupted ensemble keeps its finished runs: run the same command with
      --resume to complete it (a torn last line is dropped; a stream of another scenario, seed
      or shard is refused). With --shard K/N only that shard's runs are made and no statistics
      are written; 'orbit merge' combines the N shard directories into the same summary.json,
      bit for bit, as one unsharded run. Run k of a seed is the same on any machine, any
      thread count and any shard.
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let loaded = try loadAnyScenario(arguments.positionals[0])
    let ensembleOptions = try parseEnsembleOptions(arguments)
    let isEnsemble: Bool
    if case .extended(let s) = loaded, s.isEnsemble { isEnsemble = true } else { isEnsemble = false }
    if !isEnsemble, let used = ensembleOptions.given.first {
      throw .usage("\(used): only for scenarios with a monte_carlo section")
    }
    var directory = arguments.option("--output") ?? "out/\(loaded.name)"
    if arguments.option("--output") == nil, let shard = ensembleOptions.shard, shard.count > 1 {
      directory = "out/\(loaded.name)-shard-\(shard.index)-of-\(shard.count)"
    }
    switch loaded {
    case .propagate(let scenario):
      let result: ScenarioResult
      do throws(ScenarioError) {
        result = try ScenarioRunner.run(scenario)
      } catch {
        throw CLIError(error.isDataError ? ExitCode.dataError : ExitCode.failure, lines: error.lines)
      }
      let written: [String]
      do throws(ScenarioError) {
        written = try ScenarioRunner.writeOutputs(result, to: directory)
      } catch {
        throw CLIError(ExitCode.failure, lines: error.lines)
      }
      for line in result.summaryLines { out += line + "\n" }
      for path in written { out += "wrote \(path)\n" }
    case .extended(let scenario):
      var options = ScenarioRunOptions(outputDirectory: directory)
      if isEnsemble {
        let stream = (directory.hasSuffix("/") ? directory : directory + "/") + RunStream.fileName
        if !ensembleOptions.resume && RunStream.exists(stream) {
          throw .usage(
            "\(stream) already holds a run stream: add --resume to complete it, or choose another --output")
        }
        options.shard = ensembleOptions.shard
        options.resume = ensembleOptions.resume
        options.threads = ensembleOptions.threads
        options.progress = ensembleOptions.progress ? true : nil
      }
      let output: ScenarioRunOutput
      do throws(ScenarioError) {
        output = try scenario.run(options)
      } catch {
        throw CLIError(error.isDataError ? ExitCode.dataError : ExitCode.failure, lines: error.lines)
      }
      let written: [String]
      do throws(ScenarioError) {
        written = try ScenarioRunner.writeFiles(output.files, to: directory)
      } catch {
        throw CLIError(ExitCode.failure, lines: error.lines)
      }
      for line in output.summaryLines { out += line + "\n" }
      if isEnsemble { out += "wrote \((directory.hasSuffix("/") ? directory : directory + "/") + RunStream.fileName)\n" }
      for path in written { out += "wrote \(path)\n" }
    }
  }

  struct EnsembleOptions {
    var shard: MonteCarloShard?
    var resume = false
    var threads: Int?
    var progress = false
    /// The ensemble options given on the command line.
    var given: [String] = []
  }

  static func parseEnsembleOptions(_ arguments: ParsedArguments) throws(CLIError) -> EnsembleOptions {
    var o = EnsembleOptions()
    if let text = arguments.option("--shard") {
      o.given.append("--shard")
      switch MonteCarloShard.parse(text) {
      case .success(let shard): o.shard = shard
      case .failure(let e): throw .usage("--shard: \(e.message)")
      }
    }
    if arguments.flag("--resume") {
      o.given.append("--resume")
      o.resume = true
    }
    if let text = arguments.option("--threads") {
      o.given.append("--threads")
      guard let n = Int(text), n >= 1, n <= 4096 else {
        throw .usage("--threads: expected a whole number in 1...4096, got \"\(text)\"")
      }
      o.threads = n
    }
    if arguments.flag("--progress") {
      o.given.append("--progress")
      o.progress = true
    }
    return o
  }
}
