import OrbitScenario

/// `orbit run <file.json>`: runs a scenario and writes its outputs.
enum RunCommand: OrbitCommand {
  static let spec = CommandSpec(
    name: "run",
    summary: "Run a scenario: propagate, print a summary, write the outputs.",
    usage: "orbit run <file.json> [--output DIR]",
    positionals: [PositionalSpec(name: "<file.json>", help: "Scenario file (see Scenarios/README.md).")],
    options: [
      OptionSpec(
        name: "--output", valueName: "DIR", help: "Directory for the output files (created if missing).",
        defaultValue: "out/<name>")
    ],
    details: """
      The scenario is validated first (as 'orbit validate' does; problems exit 65). The outputs
      named in the file are written into DIR, default out/<scenario name>/ below the current
      directory, all or nothing: each file goes to a temporary file in DIR and is renamed once
      every output is complete, so a failed run leaves no output and no temporary file (exit 1).
      The summary on stdout gives each propagator's final state and, with several propagators,
      the position difference of each from the first one.
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let loaded = try loadAnyScenario(arguments.positionals[0])
    let directory = arguments.option("--output") ?? "out/\(loaded.name)"
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
      let output: ScenarioRunOutput
      do throws(ScenarioError) {
        output = try scenario.run(ScenarioRunOptions(outputDirectory: directory))
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
      for path in written { out += "wrote \(path)\n" }
    }
  }
}
