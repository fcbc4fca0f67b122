import Dispatch
import OrbitCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a scenario's ensemble: the runs of one shard (all runs by default) in parallel,
/// each appended to `runs.jsonl` as soon as it finishes, then — for a complete ensemble — the
/// statistics and charts from the records sorted by run index.
///
/// - Parallelism: `threads` workers (default: the online CPUs) take the next run index from
///   one atomic counter (`DispatchQueue.concurrentPerform`); each run is a pure function of
///   (seed, run index), so results do not depend on the thread count or the finishing order.
///   The only shared state is that counter and a mutex around the stream file and progress.
/// - Interruption: a killed ensemble keeps every finished run; `resume` reads the stream
///   back (dropping a torn last line), checks that it belongs to this scenario, seed and
///   shard (header and fingerprint), and runs only the missing indices.
/// - Progress (runs done, rate, ETA) goes to stderr when `progress` is true, or when it is
///   nil and stderr is a terminal.
public enum MonteCarloEnsemble {
  /// The number of online CPUs (at least 1).
  public static var availableCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// Runs the ensemble described by `spec` with `model` and writes `runs.jsonl` into
  /// `options.outputDirectory` as runs finish.
  ///
  /// - Returns: summary lines, and for a complete (unsharded) ensemble the files
  ///   `summary.json`, `runs.csv` and the charts, for `ScenarioRunner.writeFiles`.
  /// - Throws: `.outputFailed` when the stream cannot be written or already exists without
  ///   `resume`; `.invalid` (data) when an existing stream belongs to another ensemble or is
  ///   corrupt.
  public static func run(
    model: MonteCarloModel, spec: MonteCarloSpec, scenario: String, kind: String, options: ScenarioRunOptions
  ) throws(ScenarioError) -> ScenarioRunOutput {
    let shard = options.shard ?? .whole
    let header = RunStream.Header(
      scenario: scenario, kind: kind, fingerprint: spec.fingerprint, seed: spec.seed, runs: spec.runs,
      shard: shard, fields: model.fields, histogramField: model.histogramField,
      scatterX: model.scatterFields?.x, scatterY: model.scatterFields?.y, histogramBins: spec.histogramBins)
    let directory = options.outputDirectory.isEmpty ? "." : options.outputDirectory
    do throws(AtomicFileWriter.Failure) {
      try AtomicFileWriter.createDirectory(directory)
    } catch {
      throw .outputFailed(path: error.path, reason: error.reason)
    }
    let path = directory.hasSuffix("/") ? directory + RunStream.fileName : directory + "/" + RunStream.fileName

    // What is already on disk.
    var done = Set<Int>()
    var keepBytes = 0
    var resumedRuns = 0
    var droppedTornLine = false
    if RunStream.exists(path) {
      guard options.resume else {
        throw .outputFailed(
          path: path, reason: "already holds a run stream (add --resume to complete it, or choose another --output)")
      }
      let contents = try readStream(path)
      if let existing = contents.header {
        try check(existing, matches: header, path: path)
        for r in contents.records {
          guard r.run >= 0, r.run < spec.runs, shard.contains(run: r.run) else {
            throw .invalid(file: path, issues: [ScenarioIssue(path: .root, message: "run \(r.run) does not belong to shard \(shard) of \(spec.runs) runs")])
          }
          guard done.insert(r.run).inserted else {
            throw .invalid(file: path, issues: [ScenarioIssue(path: .root, message: "run \(r.run) appears twice")])
          }
        }
        keepBytes = contents.validLength
        resumedRuns = done.count
      }
      droppedTornLine = contents.hadTornLine
    }
    let todo = shard.runs(of: spec.runs).filter { !done.contains($0) }

    // Open for appending, cut off a torn tail, write the header of a new stream.
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw .outputFailed(path: path, reason: AtomicFileWriter.errnoText(errno)) }
    if ftruncate(fd, off_t(keepBytes)) != 0 || lseek(fd, off_t(keepBytes), SEEK_SET) < 0 {
      let reason = AtomicFileWriter.errnoText(errno)
      close(fd)
      throw .outputFailed(path: path, reason: reason)
    }
    if keepBytes == 0, let problem = writeAll(fd, RunStream.line(header)) {
      close(fd)
      throw .outputFailed(path: path, reason: problem)
    }

    let threads = max(1, min(options.threads ?? availableCores, max(todo.count, 1)))
    let showProgress = options.progress ?? (isatty(2) == 1)
    let start = ContinuousClock.now
    let failure = executeRuns(
      todo, model: model, spec: spec, fd: fd, threads: threads, progress: showProgress ? ProgressReporter(total: todo.count, tty: isatty(2) == 1) : nil)
    if failure == nil && fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
      let reason = AtomicFileWriter.errnoText(errno)
      close(fd)
      throw .outputFailed(path: path, reason: reason)
    }
    close(fd)
    if let failure { throw .outputFailed(path: path, reason: failure) }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

    // Read back what is on disk: the statistics come from the stream, sorted by run.
    let contents = try readStream(path)
    let records = contents.records.sorted { $0.run < $1.run }
    guard records.count == shard.runCount(of: spec.runs) else {
      throw .outputFailed(path: path, reason: "holds \(records.count) runs, expected \(shard.runCount(of: spec.runs))")
    }
    var lines: [String] = []
    if resumedRuns > 0 || droppedTornLine {
      lines.append(
        "resumed \(path): \(resumedRuns) runs already done\(droppedTornLine ? " (a torn last line was dropped)" : ""), \(todo.count) run now")
    }
    let rate = seconds > 0 ? Double(todo.count) / seconds : 0
    lines.append(
      "ran \(todo.count) runs on \(threads) thread\(threads == 1 ? "" : "s") in \(NumberFormat.fixed(seconds, digits: 2)) s (\(NumberFormat.fixed(rate, digits: 1)) runs/s)")
    guard shard.count == 1 else {
      lines.append(
        "shard \(shard): \(records.count) of \(spec.runs) runs in \(path); combine all \(shard.count) shards with 'orbit merge'")
      return ScenarioRunOutput(summaryLines: lines, files: [])
    }
    var complete = header
    complete.shard = .whole
    let output = summaryOutput(header: complete, sortedRecords: records)
    return ScenarioRunOutput(summaryLines: lines + output.summaryLines, files: output.files)
  }

  /// The summary lines and files of a complete ensemble (also used by `orbit merge`).
  public static func summaryOutput(header: RunStream.Header, sortedRecords records: [MonteCarloRecord]) -> ScenarioRunOutput {
    let statistics = EnsembleStatistics(header: header, sortedRecords: records)
    var files: [(name: String, contents: String)] = [
      ("summary.json", statistics.json),
      ("runs.csv", EnsembleStatistics.csv(header: header, sortedRecords: records)),
    ]
    files += EnsembleCharts.files(header: header, sortedRecords: records)
    return ScenarioRunOutput(summaryLines: statistics.lines, files: files)
  }

  /// Runs `todo` on `threads` workers; returns a write failure, if any.
  static func executeRuns(
    _ todo: [Int], model: MonteCarloModel, spec: MonteCarloSpec, fd: Int32, threads: Int, progress: ProgressReporter?
  ) -> String? {
    guard !todo.isEmpty else { return nil }
    let next = Atomic<Int>(0)
    let shared = Mutex(SharedState(progress: progress))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < todo.count else { return }
        let record = model.run(MonteCarloDraws(run: todo[i], spec: spec))
        let line = RunStream.line(record)
        let stop = shared.withLock { state -> Bool in
          guard state.failure == nil else { return true }
          if let problem = writeAll(fd, line) {
            state.failure = problem
            return true
          }
          state.done += 1
          state.progress?.update(done: state.done)
          return false
        }
        if stop { return }
      }
    }
    return shared.withLock { state in
      state.progress?.finish(done: state.done)
      return state.failure
    }
  }

  struct SharedState {
    var done = 0
    var failure: String? = nil
    var progress: ProgressReporter?
  }

  static func readStream(_ path: String) throws(ScenarioError) -> RunStream.Contents {
    do throws(RunStream.Problem) {
      return try RunStream.read(path)
    } catch {
      throw .invalid(file: path, issues: [ScenarioIssue(path: .root, message: error.line.map { "line \($0): \(error.message)" } ?? error.message)])
    }
  }

  /// Refuses a stream made by another scenario, seed, run count or shard.
  static func check(_ existing: RunStream.Header, matches expected: RunStream.Header, path: String) throws(ScenarioError) {
    var issues: [ScenarioIssue] = []
    func differ(_ key: String, _ a: String, _ b: String) {
      issues.append(
        ScenarioIssue(path: JSONPath.root.appending(key), message: "the run stream has \(a), this run has \(b): refusing to resume a different ensemble"))
    }
    if existing.scenario != expected.scenario { differ("scenario", existing.scenario, expected.scenario) }
    if existing.kind != expected.kind { differ("kind", existing.kind, expected.kind) }
    if existing.fingerprint != expected.fingerprint {
      differ("fingerprint", "scenario fingerprint \(existing.fingerprint)", "\(expected.fingerprint) (the scenario file changed)")
    }
    if existing.seed != expected.seed { differ("seed", "seed \(existing.seed)", "seed \(expected.seed)") }
    if existing.runs != expected.runs { differ("runs", "\(existing.runs) runs", "\(expected.runs) runs") }
    if existing.shard != expected.shard { differ("shard", "shard \(existing.shard)", "shard \(expected.shard)") }
    if issues.isEmpty && existing != expected {
      differ("fields", "fields \(existing.fields)", "fields \(expected.fields)")
    }
    if !issues.isEmpty { throw .invalid(file: path, issues: issues) }
  }

  /// Writes all of `text` with write(2) (one call unless interrupted); nil or the reason.
  static func writeAll(_ fd: Int32, _ text: String) -> String? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let n = streamWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return AtomicFileWriter.errnoText(errno)
        }
        offset += n
      }
      return nil
    }
  }
}

/// write(2), outside the enums whose members would shadow it.
func streamWrite(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  write(fd, pointer, count)
}
