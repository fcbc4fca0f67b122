import OrbitCore
/// One problem found in a scenario file, with the JSON path of the value at fault.
public struct ScenarioIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Where the problem is.
  public var path: JSONPath
  /// What is wrong, e.g. `must be in [0, 1), got 1.2`.
  public var message: String

  /// An issue at `path`.
  public init(path: JSONPath, message: String) {
    self.path = path
    self.message = message
  }

  /// `spacecraft.orbit.keplerian.eccentricity: must be in [0, 1), got 1.2`.
  public var description: String { "\(path): \(message)" }

  /// Sorted by path (see `JSONPath.<`), then message.
  public static func < (lhs: ScenarioIssue, rhs: ScenarioIssue) -> Bool {
    if lhs.path != rhs.path { return lhs.path < rhs.path }
    return lhs.message < rhs.message
  }
}

/// Why a scenario could not be loaded, validated, run or written.
public enum ScenarioError: Error, Sendable, CustomStringConvertible {
  /// The file could not be read (missing, a directory, no permission, not UTF-8).
  case unreadable(file: String, reason: String)
  /// The file is not valid JSON.
  case syntax(file: String, JSONSyntaxError)
  /// The JSON does not describe a valid scenario; every problem, sorted.
  case invalid(file: String, issues: [ScenarioIssue])
  /// A propagator failed during the run.
  case propagationFailed(propagator: String, reason: String)
  /// An output directory or file could not be created or written; no output was left behind.
  case outputFailed(path: String, reason: String)

  /// True for problems with the scenario's content (exit 65), false for run failures (exit 1).
  public var isDataError: Bool {
    switch self {
    case .syntax, .invalid: true
    case .unreadable, .propagationFailed, .outputFailed: false
    }
  }

  /// One line per problem, each naming the file and the line/column or JSON path.
  public var lines: [String] {
    switch self {
    case .unreadable(let file, let reason):
      return ["\(file): cannot read: \(reason)"]
    case .syntax(let file, let e):
      return ["\(file):\(e.line):\(e.column): JSON syntax error: \(e.message)"]
    case .invalid(let file, let issues):
      return issues.map { "\(file): \($0)" }
    case .propagationFailed(let propagator, let reason):
      return ["propagator \(propagator): \(reason)"]
    case .outputFailed(let path, let reason):
      return ["\(path): cannot write: \(reason)"]
    }
  }

  public var description: String { lines.joined(separator: "\n") }
}
