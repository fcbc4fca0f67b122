import OrbitScenario

/// `orbit merge DIR... [--output DIR]`: combines the shard outputs of a Monte Carlo ensemble.
enum MergeCommand: OrbitCommand {
  static let spec = CommandSpec(
    name: "merge",
    summary: "Combine the shards of a Monte Carlo ensemble into its statistics.",
    usage: "orbit merge <shard-dir>... [--output DIR]",
    positionals: [
      PositionalSpec(
        name: "<shard-dir>...", help: "Output directories of 'orbit run --shard K/N' (each with runs.jsonl).",
        repeats: true)
    ],
    options: [
      OptionSpec(
        name: "--output", valueName: "DIR", help: "Directory for the merged outputs (created if missing).",
        defaultValue: "out/<scenario name>")
    ],
    details: """
      Reads DIR/runs.jsonl of every shard, checks that they are the N shards of one ensemble
      (same scenario fingerprint, seed and run count; each shard once and complete) and writes
      the merged runs.jsonl (sorted by run), runs.csv, summary.json and the charts into the
      output directory, all or nothing. summary.json is bit-identical to that of one unsharded
      'orbit run' of the scenario. Mismatched or incomplete shards exit 65 and write nothing;
      an unreadable shard directory exits 1. The output directory must not already hold a run
      stream.
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let directories = arguments.positionals
    let merged: (header: RunStream.Header, records: [MonteCarloRecord])
    do throws(EnsembleMerge.Failure) {
      merged = try EnsembleMerge.merge(directories: directories)
    } catch {
      throw CLIError(error.isReadFailure ? ExitCode.failure : ExitCode.dataError, lines: error.lines)
    }
    let directory = arguments.option("--output") ?? "out/\(merged.header.scenario)"
    let normalized = { (d: String) in d.hasSuffix("/") ? String(d.dropLast()) : d }
    if directories.map(normalized).contains(normalized(directory)) {
      throw .usage("--output: \(directory) is one of the shard directories; choose another")
    }
    let stream = normalized(directory) + "/" + RunStream.fileName
    if RunStream.exists(stream) {
      throw .usage("--output: \(stream) already exists; choose another directory")
    }
    let output = MonteCarloEnsemble.summaryOutput(header: merged.header, sortedRecords: merged.records)
    let files =
      [(name: RunStream.fileName, contents: EnsembleMerge.stream(header: merged.header, sortedRecords: merged.records))]
      + output.files
    let written: [String]
    do throws(ScenarioError) {
      written = try ScenarioRunner.writeFiles(files, to: directory)
    } catch {
      throw CLIError(ExitCode.failure, lines: error.lines)
    }
    out += "merged \(directories.count) shard\(directories.count == 1 ? "" : "s")\n"
    for line in output.summaryLines { out += line + "\n" }
    for path in written { out += "wrote \(path)\n" }
  }
}
