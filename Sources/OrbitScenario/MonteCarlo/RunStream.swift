import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The run stream `runs.jsonl` of an ensemble (or of one shard): JSON lines, a header line
/// first, then one line per finished run in the order the runs finished:
///
/// ```
/// {"orbit_monte_carlo":1,"scenario":"…","kind":"…","fingerprint":"…","seed":7,"runs":1000,"shard":"2/3","fields":[…],…}
/// {"run":4,"success":true,"scheme":"2-orbit","fallback":false,"values":[3.21,…],"failure":""}
/// ```
///
/// Lines are appended with one write(2) each as runs finish, so a killed process leaves every
/// finished run on disk and at most one torn last line (no newline, or not valid JSON), which a
/// resume drops. Values are written in shortest round-trip form, so reading them back gives the
/// same bits; NaN (an undefined value) is written as `null`.
public enum RunStream {
  /// The file name inside an ensemble's output directory.
  public static let fileName = "runs.jsonl"
  /// The format version in the header.
  public static let formatVersion = 1

  /// The header line's contents: what makes two streams parts of the same ensemble.
  public struct Header: Sendable, Equatable {
    /// Scenario `name`.
    public var scenario: String
    /// Scenario `kind`.
    public var kind: String
    /// `MonteCarloSpec.fingerprint`.
    public var fingerprint: String
    /// The seed.
    public var seed: UInt64
    /// Runs of the whole ensemble.
    public var runs: Int
    /// The shard this stream holds.
    public var shard: MonteCarloShard
    /// The per-run value fields.
    public var fields: [String]
    /// Chart settings (so `orbit merge` can draw them without the scenario).
    public var histogramField: String?
    public var scatterX: String?
    public var scatterY: String?
    public var histogramBins: Int

    /// The same ensemble, whatever the shard.
    public func sameEnsemble(as other: Header) -> Bool {
      var a = self
      a.shard = other.shard
      return a == other
    }
  }

  static func line(_ header: Header) -> String {
    var members: [JSONObject.Member] = [
      .init(key: "orbit_monte_carlo", value: .int(formatVersion)),
      .init(key: "scenario", value: .string(header.scenario)),
      .init(key: "kind", value: .string(header.kind)),
      .init(key: "fingerprint", value: .string(header.fingerprint)),
      .init(key: "seed", value: .number(JSONNumber(text: String(header.seed)))),
      .init(key: "runs", value: .int(header.runs)),
      .init(key: "shard", value: .string(header.shard.description)),
      .init(key: "fields", value: .array(header.fields.map { .string($0) })),
      .init(key: "histogram_bins", value: .int(header.histogramBins)),
    ]
    if let h = header.histogramField { members.append(.init(key: "histogram", value: .string(h))) }
    if let x = header.scatterX, let y = header.scatterY {
      members.append(.init(key: "scatter", value: .array([.string(x), .string(y)])))
    }
    return CompactJSON.string(.object(JSONObject(members))) + "\n"
  }

  static func line(_ record: MonteCarloRecord) -> String {
    var out = "{\"run\":\(record.run),\"success\":\(record.success),\"scheme\":"
    out += JSONWriter.quoted(record.scheme)
    out += ",\"fallback\":\(record.fallback),\"values\":["
    for (i, v) in record.values.enumerated() {
      if i > 0 { out += "," }
      out += v.isFinite ? NumberFormat.shortest(v) : "null"
    }
    out += "],\"failure\":" + JSONWriter.quoted(record.failure) + "}\n"
    return out
  }

  /// Why a run stream cannot be used.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line (1-based), when the problem is on one.
    public var line: Int?
    /// What is wrong.
    public var message: String
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
  }

  /// A run stream as read back.
  public struct Contents: Sendable {
    /// The header; nil when the file is empty or holds only a torn header.
    public var header: Header?
    /// The complete run lines, in file order.
    public var records: [MonteCarloRecord]
    /// Bytes up to the end of the last complete line (where appending resumes).
    public var validLength: Int
    /// Whether a torn last line was found (and ignored).
    public var hadTornLine: Bool
  }

  /// Reads the run stream at `path`. A last line without a newline, or whose JSON is cut
  /// short, is ignored (a run torn by a kill); any other malformed line is an error.
  public static func read(_ path: String) throws(Problem) -> Contents {
    let bytes: [UInt8]
    do throws(AtomicFileWriter.Failure) {
      bytes = try readAll(path)
    } catch {
      throw Problem(path: path, line: nil, message: "cannot read: \(error.reason)")
    }
    var header: Header? = nil
    var records: [MonteCarloRecord] = []
    var start = 0
    var lineNumber = 0
    var validLength = 0
    var torn = false
    while start < bytes.count {
      lineNumber += 1
      guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        torn = true  // no newline: cut short
        break
      }
      let lineBytes = Array(bytes[start..<newline])
      let isLast = newline + 1 == bytes.count
      let value: JSONValue
      do throws(JSONSyntaxError) {
        value = try JSONParser.parse(lineBytes)
      } catch {
        if isLast {
          torn = true
          break
        }
        throw Problem(path: path, line: lineNumber, message: "not a JSON line: \(error.message)")
      }
      if lineNumber == 1 {
        guard let h = parseHeader(value) else {
          throw Problem(path: path, line: 1, message: "not an orbit Monte Carlo run stream (bad header)")
        }
        header = h
      } else {
        guard let r = parseRecord(value, fields: header!.fields.count) else {
          throw Problem(path: path, line: lineNumber, message: "not a run record")
        }
        records.append(r)
      }
      start = newline + 1
      validLength = start
    }
    return Contents(header: header, records: records, validLength: validLength, hadTornLine: torn)
  }

  static func parseHeader(_ value: JSONValue) -> Header? {
    guard case .object(let o) = value, case .number(let version)? = o["orbit_monte_carlo"],
      version.value == Double(formatVersion),
      case .string(let scenario)? = o["scenario"], case .string(let kind)? = o["kind"],
      case .string(let fingerprint)? = o["fingerprint"], case .number(let seed)? = o["seed"],
      let seedValue = UInt64(seed.text), case .number(let runs)? = o["runs"], let runsValue = Int(runs.text),
      case .string(let shardText)? = o["shard"], case .success(let shard) = MonteCarloShard.parse(shardText),
      case .array(let fieldValues)? = o["fields"], case .number(let bins)? = o["histogram_bins"],
      let binsValue = Int(bins.text)
    else { return nil }
    var fields: [String] = []
    for f in fieldValues {
      guard case .string(let s) = f else { return nil }
      fields.append(s)
    }
    var histogram: String? = nil
    if case .string(let h)? = o["histogram"] { histogram = h }
    var scatter: (String, String)? = nil
    if case .array(let xy)? = o["scatter"], xy.count == 2, case .string(let x) = xy[0], case .string(let y) = xy[1] {
      scatter = (x, y)
    }
    return Header(
      scenario: scenario, kind: kind, fingerprint: fingerprint, seed: seedValue, runs: runsValue, shard: shard,
      fields: fields, histogramField: histogram, scatterX: scatter?.0, scatterY: scatter?.1, histogramBins: binsValue)
  }

  static func parseRecord(_ value: JSONValue, fields: Int) -> MonteCarloRecord? {
    guard case .object(let o) = value, case .number(let run)? = o["run"], let k = Int(run.text),
      case .bool(let success)? = o["success"], case .string(let scheme)? = o["scheme"],
      case .bool(let fallback)? = o["fallback"], case .array(let items)? = o["values"], items.count == fields,
      case .string(let failure)? = o["failure"]
    else { return nil }
    var values: [Double] = []
    values.reserveCapacity(fields)
    for item in items {
      switch item {
      case .number(let n): values.append(n.value)
      case .null: values.append(.nan)
      default: return nil
      }
    }
    return MonteCarloRecord(run: k, success: success, scheme: scheme, fallback: fallback, values: values, failure: failure)
  }

  static func readAll(_ path: String) throws(AtomicFileWriter.Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw .init(path: path, reason: AtomicFileWriter.errnoText(errno)) }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .init(path: path, reason: AtomicFileWriter.errnoText(errno))
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }

  /// Whether a file exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }
}

/// read(2), outside `RunStream` so that its `read(_:)` does not shadow it.
func posixRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, pointer, count)
}
