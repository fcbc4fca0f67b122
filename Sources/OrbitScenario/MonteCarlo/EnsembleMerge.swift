import OrbitCore

/// Combines the run streams of the N shards of one ensemble into the complete ensemble.
///
/// Every input must be a shard of the same ensemble (same scenario fingerprint, name, kind,
/// seed, run count and fields) and of the same N; together they must hold every shard exactly
/// once, each complete. The records are then sorted by run index, so the statistics are those
/// of one unsharded run, bit for bit (`EnsembleStatistics`).
public enum EnsembleMerge {
  /// Why shards cannot be merged.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// True for unreadable inputs (exit 1), false for mismatched or incomplete shards (exit 65).
    public var isReadFailure: Bool
    /// One line per problem.
    public var lines: [String]
    public var description: String { lines.joined(separator: "\n") }
  }

  /// The merged ensemble: the header (as for an unsharded run) and every record sorted by run.
  public static func merge(directories: [String]) throws(Failure) -> (header: RunStream.Header, records: [MonteCarloRecord]) {
    var shards: [(directory: String, contents: RunStream.Contents, header: RunStream.Header)] = []
    var readProblems: [String] = []
    var dataProblems: [String] = []
    for directory in directories {
      let path = (directory.hasSuffix("/") ? directory : directory + "/") + RunStream.fileName
      guard RunStream.exists(path) else {
        readProblems.append("\(path): cannot read: no run stream (is \(directory) the output directory of 'orbit run --shard'?)")
        continue
      }
      do throws(RunStream.Problem) {
        let contents = try RunStream.read(path)
        guard let header = contents.header else {
          dataProblems.append("\(path): empty run stream (no header)")
          continue
        }
        shards.append((directory, contents, header))
      } catch {
        if error.line == nil { readProblems.append(error.description) } else { dataProblems.append(error.description) }
      }
    }
    if !readProblems.isEmpty { throw Failure(isReadFailure: true, lines: readProblems + dataProblems) }
    if !dataProblems.isEmpty { throw Failure(isReadFailure: false, lines: dataProblems) }
    guard let first = shards.first else { throw Failure(isReadFailure: false, lines: ["no shard directories given"]) }

    // Same ensemble, same N.
    for s in shards.dropFirst() {
      var differences: [String] = []
      let a = first.header
      let b = s.header
      if a.fingerprint != b.fingerprint || a.scenario != b.scenario || a.kind != b.kind {
        differences.append(
          "scenario \"\(b.scenario)\" (\(b.kind), fingerprint \(b.fingerprint)) differs from \"\(a.scenario)\" (\(a.kind), fingerprint \(a.fingerprint))")
      }
      if a.seed != b.seed { differences.append("seed \(b.seed) differs from seed \(a.seed)") }
      if a.runs != b.runs { differences.append("\(b.runs) runs differ from \(a.runs) runs") }
      if a.shard.count != b.shard.count {
        differences.append("it is a shard of \(b.shard.count), \(first.directory) a shard of \(a.shard.count)")
      }
      if differences.isEmpty && !a.sameEnsemble(as: b) { differences.append("its fields or charts differ") }
      for d in differences {
        dataProblems.append("\(s.directory) does not belong with \(first.directory): \(d)")
      }
    }
    if !dataProblems.isEmpty { throw Failure(isReadFailure: false, lines: dataProblems) }

    let n = first.header.shard.count
    let runs = first.header.runs
    var byIndex: [Int: String] = [:]
    for s in shards {
      if let other = byIndex[s.header.shard.index] {
        dataProblems.append("\(other) and \(s.directory) are both shard \(s.header.shard)")
        continue
      }
      byIndex[s.header.shard.index] = s.directory
      var seen = Set<Int>()
      for r in s.contents.records {
        if !s.header.shard.contains(run: r.run) || r.run < 0 || r.run >= runs {
          dataProblems.append("\(s.directory): run \(r.run) does not belong to shard \(s.header.shard)")
        } else if !seen.insert(r.run).inserted {
          dataProblems.append("\(s.directory): run \(r.run) appears twice")
        }
      }
      let expected = s.header.shard.runCount(of: runs)
      if seen.count < expected {
        dataProblems.append(
          "\(s.directory): shard \(s.header.shard) is incomplete, \(seen.count) of \(expected) runs (complete it with 'orbit run <scenario> --shard \(s.header.shard) --output \(s.directory) --resume')")
      }
    }
    let missing = (1...n).filter { byIndex[$0] == nil }
    if !missing.isEmpty {
      dataProblems.append("missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) of \(first.header.scenario)")
    }
    if !dataProblems.isEmpty { throw Failure(isReadFailure: false, lines: dataProblems) }

    var records = shards.flatMap(\.contents.records)
    records.sort { $0.run < $1.run }
    var header = first.header
    header.shard = .whole
    return (header, records)
  }

  /// The run stream of a merged ensemble: its header, then the records in run order.
  public static func stream(header: RunStream.Header, sortedRecords records: [MonteCarloRecord]) -> String {
    var out = RunStream.line(header)
    for r in records { out += RunStream.line(r) }
    return out
  }
}
