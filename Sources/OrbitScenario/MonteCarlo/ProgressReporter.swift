#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// Progress of an ensemble on stderr: runs done, rate and estimated time left. On a terminal
/// one line is rewritten in place (carriage return) at most 5 times a second; otherwise (when
/// asked for with `--progress`) a full line at most every 2 s. Written with write(2) directly
/// so that it appears while the command runs.
struct ProgressReporter {
  let total: Int
  let tty: Bool
  let start = ContinuousClock.now
  var lastReport: ContinuousClock.Instant? = nil

  init(total: Int, tty: Bool) {
    self.total = total
    self.tty = tty
  }

  mutating func update(done: Int) {
    let now = ContinuousClock.now
    let interval: Duration = tty ? .milliseconds(200) : .seconds(2)
    if let last = lastReport, now - last < interval, done < total { return }
    lastReport = now
    emit(done: done, now: now, final: false)
  }

  mutating func finish(done: Int) {
    emit(done: done, now: ContinuousClock.now, final: true)
  }

  func emit(done: Int, now: ContinuousClock.Instant, final: Bool) {
    let elapsed = now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let rate = seconds > 0 ? Double(done) / seconds : 0
    var text = "orbit: monte carlo: \(done)/\(total) runs, \(NumberFormat.fixed(rate, digits: 1)) runs/s"
    if final {
      text += ", \(NumberFormat.fixed(seconds, digits: 1)) s"
    } else if rate > 0 {
      text += ", ETA \(NumberFormat.fixed(Double(total - done) / rate, digits: 0)) s"
    }
    let line = tty ? "\r" + text + "\u{1B}[K" + (final ? "\n" : "") : text + "\n"
    var bytes = Array(line.utf8)
    _ = bytes.withUnsafeMutableBytes { streamWrite(2, $0.baseAddress!, $0.count) }
  }
}
