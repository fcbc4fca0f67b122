// Reported Soyuz/Progress missions as data: one JSON file per mission in Scenarios/missions/
// (schema in Scenarios/README.md, "missions/"), read strictly with OrbitCore's JSON parser.

import OrbitCore

/// One reported flight to the ISS: vehicle, pad, port, the rendezvous scheme flown (and the one
/// planned, if a scrub changed it), reported liftoff and docking times with sources and
/// confidence, and the ISS element set from before launch.
///
/// Decoding is strict: unknown keys, wrong types, unknown names and malformed times or TLEs are
/// errors naming the file and the JSON path (`MissionRecordError`).
///
/// References: the `sources` of each file; Scenarios/README.md ("missions/") for the schema.
public struct MissionRecord: Hashable, Sendable {
  /// The schema version this reader understands.
  public static let schemaVersion = 1

  /// A reported time with its provenance.
  public struct ReportedTime: Hashable, Sendable {
    /// The instant (from the `utc` ISO-8601 text).
    public var epoch: Epoch
    /// The text as written in the file.
    public var utcText: String
    /// Resolution of the report (s): 0.001 for a launch time given to milliseconds, 1 for
    /// seconds, 60 for a time given to the minute.
    public var precision: Double
    /// Where the time comes from (URLs with a short note).
    public var sources: [String]
    /// Confidence label and note (e.g. "primary (Roscosmos text)").
    public var confidence: String
    /// True when the time is a planned time, not the reported event (e.g. Soyuz MS-25 docking).
    public var isPlanned: Bool
  }

  /// The ISS element set from before launch.
  public struct StationElementSet: Hashable, Sendable {
    /// The parsed element set.
    public var tle: TLE
    /// Line 1 and line 2 as written.
    public var line1: String
    public var line2: String
    /// Where it was found.
    public var source: String
  }

  /// Mission name, e.g. "Soyuz MS-22".
  public var mission: String
  /// `soyuz-ms` or `progress-ms`.
  public var vehicle: String
  /// Launch vehicle, e.g. "Soyuz-2.1a".
  public var launchVehicle: String
  /// The pad (a `LaunchSite`).
  public var pad: LaunchSite
  /// Docking port: rassvet, poisk, prichal, pirs or zvezda-aft.
  public var port: String
  /// The scheme flown.
  public var schemeFlown: PhasingScheme
  /// The scheme planned, when a scrub changed it (nil when the planned scheme was flown).
  public var schemePlanned: PhasingScheme?
  /// The planned liftoff of the scrubbed attempt, if any.
  public var plannedLiftoff: ReportedTime?
  /// Reported liftoff.
  public var liftoff: ReportedTime
  /// Reported docking (contact).
  public var docking: ReportedTime
  /// The ISS element set from before launch, or nil when no verified set was found
  /// (`"iss_tle": null`; such a mission cannot be predicted from a TLE).
  public var stationTLE: StationElementSet?
  /// True for the training missions the launch and rendezvous models were calibrated on.
  public var training: Bool
  /// Free text.
  public var notes: String?

  /// The file name used in messages.
  public var fileName: String

  /// The ports a record may name.
  public static let ports = ["rassvet", "poisk", "prichal", "pirs", "zvezda-aft"]
  /// The vehicles a record may name.
  public static let vehicles = ["soyuz-ms", "progress-ms"]

  /// Reads a mission file.
  ///
  /// - Parameters:
  ///   - text: the JSON text.
  ///   - fileName: the name used in error messages.
  /// - Throws: `MissionRecordError` with the file, the JSON path and the problem.
  public init(json text: String, fileName: String) throws(MissionRecordError) {
    let root: JSONValue
    do throws(JSONSyntaxError) {
      root = try JSONParser.parse(text)
    } catch {
      throw .syntax(file: fileName, line: error.line, column: error.column, message: error.message)
    }
    let r = Reader(file: fileName)
    let top = try r.object(root, .root)
    try r.onlyKeys(
      top, .root,
      [
        "schema_version", "mission", "vehicle", "launch_vehicle", "pad", "port", "scheme_flown", "scheme_planned",
        "planned_liftoff", "liftoff", "docking", "iss_tle", "training", "notes",
      ])
    let version = try r.int(top, "schema_version", .root)
    guard version == Self.schemaVersion else {
      throw .field(
        file: fileName, path: JSONPath.root.appending("schema_version"),
        message: "unsupported schema version \(version) (this reader understands \(Self.schemaVersion))")
    }
    mission = try r.string(top, "mission", .root)
    vehicle = try r.choice(top, "vehicle", .root, Self.vehicles)
    launchVehicle = try r.string(top, "launch_vehicle", .root)
    let padName = try r.string(top, "pad", .root)
    do throws(LaunchSiteError) {
      pad = try LaunchSite.named(padName)
    } catch {
      throw .field(file: fileName, path: JSONPath.root.appending("pad"), message: error.description)
    }
    port = try r.choice(top, "port", .root, Self.ports)
    schemeFlown = try r.scheme(top, "scheme_flown", .root)
    schemePlanned = top["scheme_planned"] == nil ? nil : try r.scheme(top, "scheme_planned", .root)
    plannedLiftoff = top["planned_liftoff"] == nil ? nil : try r.time(top, "planned_liftoff", .root)
    liftoff = try r.time(top, "liftoff", .root)
    docking = try r.time(top, "docking", .root)
    if case .null = try r.member(top, "iss_tle", .root) {
      stationTLE = nil
    } else {
      stationTLE = try r.elementSet(top, "iss_tle", .root)
    }
    training = try r.bool(top, "training", .root)
    notes = top["notes"] == nil ? nil : try r.string(top, "notes", .root)
    self.fileName = fileName
    guard docking.epoch > liftoff.epoch else {
      throw .field(
        file: fileName, path: JSONPath.root.appending("docking").appending("utc"),
        message: "docking \(docking.utcText) is not after liftoff \(liftoff.utcText)")
    }
  }

  /// The age of the station element set at liftoff (s; positive when the TLE is older), nil
  /// without a TLE.
  public var tleAgeAtLiftoff: Double? {
    guard let epoch = try? stationTLE?.tle.epoch() else { return nil }
    return liftoff.epoch - epoch
  }

  /// Reads every `*.json` text given as (file name, text) pairs, sorted by liftoff.
  /// - Throws: the first file's `MissionRecordError`.
  public static func readAll(_ files: [(name: String, text: String)]) throws(MissionRecordError) -> [MissionRecord] {
    var records: [MissionRecord] = []
    for f in files { records.append(try MissionRecord(json: f.text, fileName: f.name)) }
    return records.sorted { $0.liftoff.epoch < $1.liftoff.epoch }
  }
}

/// A problem in a mission file.
public enum MissionRecordError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not JSON.
  case syntax(file: String, line: Int, column: Int, message: String)
  /// A member is missing, of the wrong type, unknown or invalid.
  case field(file: String, path: JSONPath, message: String)

  public var description: String {
    switch self {
    case .syntax(let file, let line, let column, let message):
      return "\(file):\(line):\(column): \(message)"
    case .field(let file, let path, let message):
      return "\(file): \(path): \(message)"
    }
  }
}

/// Strict member readers that report JSON paths.
private struct Reader {
  var file: String

  func fail(_ path: JSONPath, _ message: String) -> MissionRecordError {
    .field(file: file, path: path, message: message)
  }

  func object(_ value: JSONValue, _ path: JSONPath) throws(MissionRecordError) -> JSONObject {
    guard case .object(let o) = value else { throw fail(path, "expected an object, found \(value.typeDescription)") }
    return o
  }

  func onlyKeys(_ o: JSONObject, _ path: JSONPath, _ allowed: [String]) throws(MissionRecordError) {
    for key in o.keys where !allowed.contains(key) {
      throw fail(path.appending(key), "unknown key (allowed here: \(allowed.joined(separator: ", ")))")
    }
  }

  func member(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> JSONValue {
    guard let v = o[key] else { throw fail(path.appending(key), "missing (required)") }
    return v
  }

  func string(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> String {
    let v = try member(o, key, path)
    guard case .string(let s) = v, !s.isEmpty else {
      throw fail(path.appending(key), "expected a non-empty string, found \(v.typeDescription)")
    }
    return s
  }

  func strings(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> [String] {
    let v = try member(o, key, path)
    guard case .array(let items) = v, !items.isEmpty else {
      throw fail(path.appending(key), "expected a non-empty array of strings, found \(v.typeDescription)")
    }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard case .string(let s) = item, !s.isEmpty else {
        throw fail(path.appending(key).appending(index: i), "expected a non-empty string, found \(item.typeDescription)")
      }
      out.append(s)
    }
    return out
  }

  func number(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> Double {
    let v = try member(o, key, path)
    guard case .number(let n) = v, n.value.isFinite else {
      throw fail(path.appending(key), "expected a finite number, found \(v.typeDescription)")
    }
    return n.value
  }

  func int(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> Int {
    let v = try member(o, key, path)
    guard case .number(let n) = v, n.isIntegerLiteral, let i = Int(n.text) else {
      throw fail(path.appending(key), "expected an integer, found \(v.typeDescription)")
    }
    return i
  }

  func bool(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> Bool {
    let v = try member(o, key, path)
    guard case .bool(let b) = v else { throw fail(path.appending(key), "expected true or false, found \(v.typeDescription)") }
    return b
  }

  func choice(_ o: JSONObject, _ key: String, _ path: JSONPath, _ allowed: [String]) throws(MissionRecordError) -> String {
    let s = try string(o, key, path)
    guard allowed.contains(s) else {
      throw fail(path.appending(key), "\"\(s)\" is not one of: \(allowed.joined(separator: ", "))")
    }
    return s
  }

  func scheme(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> PhasingScheme {
    let s = try choice(o, key, path, PhasingScheme.allCases.map(\.name))
    return PhasingScheme.allCases.first { $0.name == s }!
  }

  func time(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> MissionRecord.ReportedTime {
    let p = path.appending(key)
    let t = try object(try member(o, key, path), p)
    try onlyKeys(t, p, ["utc", "precision_s", "sources", "confidence", "planned"])
    let text = try string(t, "utc", p)
    let epoch: Epoch
    do throws(TimeError) {
      epoch = try Epoch(iso8601: text, scale: .utc)
    } catch {
      throw fail(p.appending("utc"), error.description)
    }
    let precision = try number(t, "precision_s", p)
    guard precision > 0 else { throw fail(p.appending("precision_s"), "must be > 0 s, got \(precision)") }
    let planned = t["planned"] == nil ? false : try bool(t, "planned", p)
    return MissionRecord.ReportedTime(
      epoch: epoch, utcText: text, precision: precision, sources: try strings(t, "sources", p),
      confidence: try string(t, "confidence", p), isPlanned: planned)
  }

  func elementSet(_ o: JSONObject, _ key: String, _ path: JSONPath) throws(MissionRecordError) -> MissionRecord.StationElementSet {
    let p = path.appending(key)
    let t = try object(try member(o, key, path), p)
    try onlyKeys(t, p, ["name", "line1", "line2", "source"])
    let name = t["name"] == nil ? nil : try string(t, "name", p)
    let line1 = try string(t, "line1", p)
    let line2 = try string(t, "line2", p)
    let tle: TLE
    do throws(TLEParseError) {
      tle = try TLE(line1: line1, line2: line2, name: name)
    } catch {
      throw fail(p, error.description)
    }
    return MissionRecord.StationElementSet(tle: tle, line1: line1, line2: line2, source: try string(t, "source", p))
  }
}
