import OrbitCore

/// A scenario kind other than `propagate` (e.g. `reboost`, `decay`, `rendezvous`): it reads and
/// checks its own keys and knows how to run itself. Each kind lives in a file of its own under
/// `Kinds/` and is listed once in `ScenarioKinds.extended`.
struct ScenarioKindHandler: Sendable {
  /// The `kind` value that selects this handler.
  var kind: String
  /// Reads the whole top-level object (every key, including `schema_version`, `name` and
  /// `kind`), reporting each problem on `checker` with its JSON path; nil when invalid.
  var read: @Sendable (_ top: JSONValue, _ checker: inout Checker) -> ExtendedScenario?
}

/// A validated scenario of an extended kind, ready to run.
public struct ExtendedScenario: Sendable {
  /// `kind`.
  public var kind: String
  /// `name`: used for the default output directory `out/<name>`.
  public var name: String
  /// True when the scenario is a Monte Carlo ensemble (it has a `monte_carlo` section): it
  /// honours the ensemble options of `ScenarioRunOptions` and streams `runs.jsonl` itself.
  public var isEnsemble = false
  /// Runs the scenario. Files are returned, not written: `ScenarioRunner.writeFiles` writes
  /// them all or nothing.
  public var run: @Sendable (_ options: ScenarioRunOptions) throws(ScenarioError) -> ScenarioRunOutput

  /// A scenario of `kind` named `name` that runs `run`.
  public init(
    kind: String, name: String,
    run: @escaping @Sendable (_ options: ScenarioRunOptions) throws(ScenarioError) -> ScenarioRunOutput
  ) {
    self.kind = kind
    self.name = name
    self.run = run
  }
}

/// Options of `orbit run` that a scenario kind may use.
public struct ScenarioRunOptions: Sendable {
  /// The directory the outputs will be written to (already chosen; not yet created).
  public var outputDirectory: String
  /// Time-scale data (leap seconds, EOP).
  public var timeData: TimeScaleData
  /// Ensembles (`monte_carlo`): the shard to run (nil: every run), see `MonteCarloShard`.
  public var shard: MonteCarloShard? = nil
  /// Ensembles: complete the run stream already in `outputDirectory` instead of refusing it.
  public var resume = false
  /// Ensembles: worker threads (nil: one per online CPU).
  public var threads: Int? = nil
  /// Ensembles: progress on stderr (nil: only when stderr is a terminal).
  public var progress: Bool? = nil

  /// Options writing into `outputDirectory`.
  public init(outputDirectory: String, timeData: TimeScaleData = .standard) {
    self.outputDirectory = outputDirectory
    self.timeData = timeData
  }
}

/// What an extended scenario produced: summary lines for stdout and files for the output directory.
public struct ScenarioRunOutput: Sendable {
  /// Lines printed by `orbit run` (without trailing newlines).
  public var summaryLines: [String]
  /// Files to write into the output directory: plain names (no directory part) and contents.
  public var files: [(name: String, contents: String)]

  /// An output with `summaryLines` and `files`.
  public init(summaryLines: [String], files: [(name: String, contents: String)]) {
    self.summaryLines = summaryLines
    self.files = files
  }
}

/// A scenario file of any kind, as loaded.
public enum LoadedScenario: Sendable {
  /// `kind: "propagate"`.
  case propagate(Scenario)
  /// Any other kind (see `ScenarioKinds`).
  case extended(ExtendedScenario)

  /// `name`.
  public var name: String {
    switch self {
    case .propagate(let s): s.name
    case .extended(let s): s.name
    }
  }

  /// `kind`.
  public var kind: String {
    switch self {
    case .propagate: Scenario.Kind.propagate.rawValue
    case .extended(let s): s.kind
    }
  }
}

extension ScenarioValidator {
  /// Reads the common header keys of an extended kind: `schema_version` (must be current),
  /// `name` and `description`. The caller checks the key set with `Checker.object`.
  static func readHeader(
    _ top: JSONObject, _ c: inout Checker
  ) -> (name: String, description: String?)? {
    let root = JSONPath.root
    var versionOK = false
    if let v = c.integer(top["schema_version"], at: root.appending("schema_version")) {
      if v == Scenario.currentSchemaVersion {
        versionOK = true
      } else {
        c.report(
          root.appending("schema_version"),
          "unsupported schema version \(v) (this orbit reads version \(Scenario.currentSchemaVersion))")
      }
    }
    let name = c.string(top["name"], at: root.appending("name"), check: checkName)
    let description = c.string(top["description"], at: root.appending("description"))
    guard versionOK, let name else { return nil }
    return (name, description)
  }
}
