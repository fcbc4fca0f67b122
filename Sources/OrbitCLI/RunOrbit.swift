import OrbitCore
/// The version printed by `orbit --version`.
public let orbitVersion = "0.1.0"

/// Runs the `orbit` command line and returns the process exit code.
///
/// - Parameters:
///   - arguments: the arguments **without** the program name (`CommandLine.arguments.dropFirst()`).
///   - stdout: receives results (help, `ok`, tables, JSON).
///   - stderr: receives diagnostics, one line per problem, each starting `orbit: <command>: `.
/// - Returns: 0 success, 1 run failure, 64 usage error, 65 data error, 70 internal error
///   (see `ExitCode`).
public func runOrbit(
  arguments: [String], stdout: inout some TextOutputStream, stderr: inout some TextOutputStream
) -> Int32 {
  var out = ""
  var err = ""
  let code = dispatch(arguments, out: &out, err: &err)
  stdout.write(out)
  stderr.write(err)
  return code
}

/// The commands, in help order.
enum Command: CaseIterable {
  case time, elements, sgp4, propagate, run, merge, validate, history, reboost, rendezvous, launchWindow, compare

  var spec: CommandSpec {
    switch self {
    case .time: TimeCommand.spec
    case .elements: ElementsCommand.spec
    case .sgp4: SGP4Command.spec
    case .propagate: PropagateCommand.spec
    case .run: RunCommand.spec
    case .merge: MergeCommand.spec
    case .validate: ValidateCommand.spec
    case .launchWindow: LaunchWindowCommand.spec
    case .history: HistoryCommand.spec
    case .reboost: ReboostCommand.spec
    case .rendezvous: RendezvousCommand.spec
    case .compare: CompareCommand.spec
    }
  }

  /// Runs the command: results to `out`, warnings that do not fail the run (e.g. a satellite
  /// that SGP4 cannot propagate) to `err` as complete lines.
  func run(_ arguments: ParsedArguments, out: inout String, err: inout String) throws(CLIError) {
    switch self {
    case .time: try TimeCommand.run(arguments, out: &out)
    case .elements: try ElementsCommand.run(arguments, out: &out)
    case .sgp4: try SGP4Command.run(arguments, out: &out, err: &err)
    case .propagate: try PropagateCommand.run(arguments, out: &out)
    case .run: try RunCommand.run(arguments, out: &out)
    case .merge: try MergeCommand.run(arguments, out: &out)
    case .validate: try ValidateCommand.run(arguments, out: &out)
    case .launchWindow: try LaunchWindowCommand.run(arguments, out: &out, err: &err)
    case .history: try HistoryCommand.run(arguments, out: &out)
    case .reboost: try ReboostCommand.run(arguments, out: &out)
    case .rendezvous: try RendezvousCommand.run(arguments, out: &out)
    case .compare: try CompareCommand.run(arguments, out: &out)
    }
  }
}

let commands = Command.allCases

/// A subcommand of `orbit`.
protocol OrbitCommand {
  static var spec: CommandSpec { get }
  /// Runs with parsed arguments; writes results to `out`.
  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError)
}

let mainHelp: String = {
  var s = """
    orbit \(orbitVersion): orbital mechanics from the command line.

    Usage: orbit <command> [arguments] [options]
           orbit --help | --version
           orbit help <command>

    Commands:

    """
  for c in commands { s += pad("  \(c.spec.name)", 14) + c.spec.summary + "\n" }
  s += pad("  help", 14) + "Show help for a command.\n"
  s += """

    Exit codes: 0 success, 1 run failure (missing/unreadable file, output not writable),
    64 usage error, 65 invalid data (scenario, date, impossible orbit), 70 internal error.
    Run 'orbit <command> --help' for a command's arguments.

    """
  return s
}()

func dispatch(_ arguments: [String], out: inout String, err: inout String) -> Int32 {
  guard let first = arguments.first else {
    err += "orbit: missing command (expected one of: \(commandNames.joined(separator: ", ")); try 'orbit --help')\n"
    return ExitCode.usage
  }
  switch first {
  case "-h", "--help":
    out += mainHelp
    return ExitCode.success
  case "--version", "-V":
    out += "orbit \(orbitVersion)\n"
    return ExitCode.success
  case "help":
    let rest = arguments.dropFirst()
    guard let name = rest.first else {
      out += mainHelp
      return ExitCode.success
    }
    if rest.count > 1 {
      err += "orbit: help: unexpected argument \"\(rest[rest.startIndex + 1])\"\n"
      return ExitCode.usage
    }
    guard let command = commands.first(where: { $0.spec.name == name }) else {
      err += "orbit: help: \(unknownCommandMessage(name))\n"
      return ExitCode.usage
    }
    out += command.spec.help
    return ExitCode.success
  default:
    break
  }
  if first.hasPrefix("-") {
    err += "orbit: \(ArgumentParser.unknownOptionMessage(first, known: ["--help", "--version"]))\n"
    return ExitCode.usage
  }
  guard let command = commands.first(where: { $0.spec.name == first }) else {
    err += "orbit: \(unknownCommandMessage(first))\n"
    return ExitCode.usage
  }
  let name = command.spec.name
  do throws(CLIError) {
    let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: command.spec)
    if parsed.helpRequested {
      out += command.spec.help
      return ExitCode.success
    }
    var commandOut = ""
    var commandErr = ""
    defer { err += commandErr }
    try command.run(parsed, out: &commandOut, err: &commandErr)
    out += commandOut
    return ExitCode.success
  } catch {
    for line in error.lines { err += "orbit: \(name): \(line)\n" }
    return error.code
  }
}

var commandNames: [String] { commands.map { $0.spec.name } + ["help"] }

func unknownCommandMessage(_ name: String) -> String {
  var message = "unknown command \"\(name)\""
  if let guess = closestWord(to: name, in: commandNames) {
    message += " (did you mean \(guess)?)"
  } else {
    message += " (expected one of: \(commandNames.joined(separator: ", ")))"
  }
  return message
}
