import OrbitCore

/// A validated `monte_carlo` section: how many runs, the seed, the dispersions, and the
/// fingerprint of the scenario that holds it (to refuse resuming or merging outputs of a
/// different scenario).
public struct MonteCarloSpec: Sendable {
  /// Number of runs N; run indices are 0 ..< N.
  public var runs: Int
  /// The seed of `CounterRNG`.
  public var seed: UInt64
  /// Dispersions, in file order (the order does not affect the draws: streams are named).
  public var dispersions: [Dispersion]
  /// Bins of the histogram chart.
  public var histogramBins: Int
  /// 16 hexadecimal digits: FNV-1a 64 of the whole scenario in canonical compact JSON
  /// (key order as written, numbers as written, no white space).
  public var fingerprint: String

  /// A spec with `runs`, `seed` and `dispersions`.
  public init(
    runs: Int, seed: UInt64, dispersions: [Dispersion], histogramBins: Int = 40, fingerprint: String
  ) {
    self.runs = runs
    self.seed = seed
    self.dispersions = dispersions
    self.histogramBins = histogramBins
    self.fingerprint = fingerprint
  }

  /// The dispersion of `name`, if the section has one.
  public func dispersion(_ name: DispersionName) -> Dispersion? {
    dispersions.first { $0.name == name }
  }

  /// The fingerprint of a scenario's JSON (see `fingerprint`).
  public static func fingerprint(of scenario: JSONValue) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in CompactJSON.string(scenario).utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// One-line JSON (no white space), numbers in their shortest round-trip form (or the source
/// text for parsed numbers), for the run stream and fingerprints.
enum CompactJSON {
  static func string(_ value: JSONValue) -> String {
    var out = ""
    write(value, into: &out)
    return out
  }

  static func write(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n.value.isFinite ? n.text : "null"
    case .string(let s): out += JSONWriter.quoted(s)
    case .array(let elements):
      out += "["
      for (i, e) in elements.enumerated() {
        if i > 0 { out += "," }
        write(e, into: &out)
      }
      out += "]"
    case .object(let object):
      out += "{"
      for (i, m) in object.members.enumerated() {
        if i > 0 { out += "," }
        out += JSONWriter.quoted(m.key) + ":"
        write(m.value, into: &out)
      }
      out += "}"
    }
  }
}
