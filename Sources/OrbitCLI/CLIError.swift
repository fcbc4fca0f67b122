/// The process exit codes of `orbit` (a subset of BSD sysexits).
public enum ExitCode {
  /// Success.
  public static let success: Int32 = 0
  /// A run failure: unreadable or missing input file, output that cannot be written,
  /// a propagator that fails at run time.
  public static let failure: Int32 = 1
  /// `EX_USAGE`: unknown command or option, missing or malformed argument (including numbers
  /// that are not finite decimals and dates that are not ISO-8601 text).
  public static let usage: Int32 = 64
  /// `EX_DATAERR`: well-formed input that describes something impossible: an invalid scenario
  /// file, a calendar date that does not exist, a leap second on a day without one, UTC before
  /// 1972, an orbit with e ≥ 1 where an ellipse is needed.
  public static let dataError: Int32 = 65
  /// `EX_SOFTWARE`: an internal error (a bug).
  public static let internalError: Int32 = 70
}

/// An error that ends a command: an exit code and the lines for stderr (without the
/// `orbit: <command>: ` prefix, which `runOrbit` adds).
struct CLIError: Error {
  var code: Int32
  var lines: [String]

  init(_ code: Int32, _ message: String) {
    self.code = code
    self.lines = [message]
  }

  init(_ code: Int32, lines: [String]) {
    self.code = code
    self.lines = lines
  }

  static func usage(_ message: String) -> CLIError { CLIError(ExitCode.usage, message) }
  static func data(_ message: String) -> CLIError { CLIError(ExitCode.dataError, message) }
}
