import OrbitCore
import OrbitScenario

/// `orbit validate <file.json>`: checks a scenario file without running it.
enum ValidateCommand: OrbitCommand {
  static let spec = CommandSpec(
    name: "validate",
    summary: "Check a scenario file and report every problem with its JSON path.",
    usage: "orbit validate <file.json>",
    positionals: [PositionalSpec(name: "<file.json>", help: "Scenario file (see Scenarios/README.md).")],
    options: [],
    details: """
      Prints "ok" and exits 0 for a valid scenario. Otherwise prints one line per problem on
      stderr, sorted by JSON path, e.g.
        orbit: validate: s.json: spacecraft.orbit.keplerian.eccentricity: must be in [0, 1) ...
      and exits 65; a JSON syntax error names the line and column. A missing or unreadable
      file exits 1.
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    _ = try loadAnyScenario(arguments.positionals[0])
    out += "ok\n"
  }
}

/// Loads a scenario of any kind, mapping failures to exit codes: unreadable file 1, syntax or schema 65.
func loadAnyScenario(_ path: String) throws(CLIError) -> LoadedScenario {
  do throws(ScenarioError) {
    return try ScenarioLoader.loadAny(path: path)
  } catch {
    throw CLIError(error.isDataError ? ExitCode.dataError : ExitCode.failure, lines: error.lines)
  }
}
