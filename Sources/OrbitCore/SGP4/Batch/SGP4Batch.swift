// Batch SGP4: a catalogue of element sets propagated to a grid of times in one call, into a
// caller-provided buffer, near-Earth sets in SIMD lanes and over several threads.
//
// References: the theory is that of SGP4.swift (Hoots & Roehrich, Spacetrack Report #3 (1980);
// Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753 (2006), rev. 3). The lane layout (one
// satellite, consecutive times per vector) is Orbit's choice; see `SGP4Batch`.

import Dispatch
import Synchronization

/// Many SGP4 element sets propagated to many times in one call.
///
/// **Layout.** Output is array-of-structures, `[satellite][time][component]`, six doubles per
/// state: x, y, z (km), vx, vy, vz (km/s), TEME. State `(s, k)` starts at
/// `states[(s · timeCount + k) · 6]`, and its error code is `errors[s · timeCount + k]`. This is
/// the order of the CSV/OEM rows and of python-sgp4's `(n_sats, n_times, 3)` arrays, a state is
/// one contiguous 48-byte record, and each work chunk writes one contiguous range (no false
/// sharing between threads). The kernel itself is struct-of-arrays in registers: one satellite,
/// 8 consecutive times per `SIMD8<Double>` lane vector, so the satellite's coefficients are
/// broadcast scalars, the drag branch is uniform across lanes and nothing is gathered; the
/// transposition into records costs 48 scalar stores per 8 states (a few percent).
///
/// **Times.** State `(s, k)` is at `times[k] + offsets[s]` minutes after satellite `s`'s own
/// epoch (`offsets` default to zero, so a grid of minutes since each epoch); for one absolute
/// grid, give offsets `(gridEpoch − epoch_s)` in minutes (`offsetsMinutes(toDaysSince1950:)`).
///
/// **Deep space.** SDP4 sets (period ≥ 225 min) run through the scalar `SGP4` code, with the
/// resonance integrator continued from one time to the next (same numbers as from epoch).
///
/// **Errors.** `errors` receives 0 for a state, else the reference code (1, 2, 3, 4, 6, as
/// `SGP4Error`); failed states are NaN. Nothing throws or allocates per state.
///
/// Accuracy (tests): all 666 `tcppver.out` lines within 0.117 mm and 8.6e-10 km/s (as the
/// scalar path), and within 0.21 µm / 1.9e-13 km/s of `SGP4.propagate(minutesSinceEpoch:)` there;
/// the 1,090 python-sgp4 sets × 12 times within 0.0134 mm and 4.9e-13 km/s of python-sgp4 (the
/// scalar path: 0.44 µm), error codes at the same times. The differences from the scalar path
/// are the order of floating-point operations (no pow, fmod or atan2; rotations by small angles).
///
/// Lane width: SIMD8. Measured with the lane kernel alone (ISS-like coefficients, 10⁶ times,
/// on the shared 2-CPU machine under load 8–13): default x86-64 build SIMD2 2.5, SIMD4 3.1,
/// SIMD8 4.6 M/s; `-target-cpu native` (AVX-512) SIMD4 4.4, SIMD8 5.7 M/s.
///
/// References: Vallado et al., AIAA 2006-6753, rev. 3; Hoots & Roehrich (1980).
public struct SGP4Batch: Sendable {
  /// The element sets, in output order.
  public let satellites: [SGP4]
  /// Near-Earth lane coefficients (nil for deep-space sets), per satellite.
  let nearEarth: [NearEarthTerms?]

  /// Doubles per state record: x, y, z (km), vx, vy, vz (km/s).
  public static let componentsPerState = 6

  /// A batch of initialised models (any mix of near-Earth and deep-space sets).
  ///
  /// - Parameter satellites: the models, in output order.
  public init(_ satellites: [SGP4]) {
    self.satellites = satellites
    self.nearEarth = satellites.map { $0.isDeepSpace ? nil : NearEarthTerms($0) }
  }

  /// Per-satellite offsets (min) that turn a grid of minutes since `daysSince1950` into
  /// minutes since each satellite's epoch.
  ///
  /// - Parameter daysSince1950: the grid's reference epoch in the TLE day count (days since
  ///   1949 December 31 00:00 UTC, as `TLE.epochDaysSince1950`).
  /// - Returns: `(grid epoch − satellite epoch)` in minutes, per satellite.
  public func offsetsMinutes(toDaysSince1950 daysSince1950: Double) -> [Double] {
    satellites.map { (daysSince1950 - $0.epochDaysSince1950) * 1440.0 }
  }

  /// Propagates every satellite to every time into `states` and `errors`.
  ///
  /// - Parameters:
  ///   - times: the time grid (min); state `(s, k)` is at `times[k] + offsets[s]` minutes after
  ///     satellite `s`'s epoch.
  ///   - offsets: per-satellite offsets (min), `satellites.count` of them; nil for zeros.
  ///   - states: `satellites.count × times.count × 6` doubles, `[satellite][time][component]`
  ///     (km, km/s, TEME); failed states are NaN.
  ///   - errors: `satellites.count × times.count` codes: 0 success, else the `SGP4Error` raw value.
  ///   - threads: worker threads (≥ 1); chunks of (satellite, time range) are handed out
  ///     dynamically. 1 runs on the calling thread.
  /// - Returns: the number of failed states.
  /// - Precondition: buffer sizes as above; `threads ≥ 1`.
  /// - Complexity: O(satellites × times); no allocation per state.
  @discardableResult
  public func propagate(
    minutesSinceEpoch times: UnsafeBufferPointer<Double>,
    offsets: UnsafeBufferPointer<Double>? = nil,
    states: UnsafeMutableBufferPointer<Double>,
    errors: UnsafeMutableBufferPointer<UInt8>,
    threads: Int = 1
  ) -> Int {
    let ns = satellites.count
    let nt = times.count
    precondition(threads >= 1, "SGP4Batch: threads must be at least 1")
    precondition(states.count >= ns * nt * 6, "SGP4Batch: states buffer needs \(ns * nt * 6) doubles")
    precondition(errors.count >= ns * nt, "SGP4Batch: errors buffer needs \(ns * nt) codes")
    if let offsets { precondition(offsets.count >= ns, "SGP4Batch: one offset per satellite") }
    guard ns > 0 && nt > 0 else { return 0 }

    let job = Job(
      batch: self, times: times, offsets: offsets, states: states, errors: errors)
    if threads == 1 {
      var failures = 0
      for s in 0..<ns { failures += job.run(satellite: s, from: 0, to: nt) }
      return failures
    }
    // Chunks: whole satellites when there are many; else each satellite's times split so that
    // there are about 8 chunks per thread (multiples of the lane width).
    let target = threads * 8
    let blocksPerSatellite = ns >= target ? 1 : min((target + ns - 1) / ns, max(1, nt / 64))
    let blockLength = ((nt + blocksPerSatellite - 1) / blocksPerSatellite + 7) / 8 * 8
    let blocks = (nt + blockLength - 1) / blockLength
    let chunkCount = ns * blocks
    let next = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(threads, chunkCount)) { _ in
      var local = 0
      while true {
        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if chunk >= chunkCount { break }
        let s = chunk / blocks
        let start = (chunk % blocks) * blockLength
        local += job.run(satellite: s, from: start, to: min(nt, start + blockLength))
      }
      failed.wrappingAdd(local, ordering: .relaxed)
    }
    return failed.load(ordering: .relaxed)
  }

  /// Propagates every satellite to every time (allocating convenience form).
  ///
  /// - Parameters:
  ///   - times: minutes since each satellite's epoch.
  ///   - threads: worker threads (≥ 1).
  /// - Returns: `states` (`[satellite][time][component]`, km and km/s, TEME; NaN where failed)
  ///   and `errors` (0 or the `SGP4Error` raw value).
  public func propagate(minutesSinceEpoch times: [Double], threads: Int = 1) -> (
    states: [Double], errors: [UInt8]
  ) {
    let n = satellites.count * times.count
    var states = [Double](repeating: 0, count: n * 6)
    var errors = [UInt8](repeating: 0, count: n)
    times.withUnsafeBufferPointer { t in
      states.withUnsafeMutableBufferPointer { s in
        errors.withUnsafeMutableBufferPointer { e in
          _ = propagate(minutesSinceEpoch: t, states: s, errors: e, threads: threads)
        }
      }
    }
    return (states, errors)
  }

  /// One near-Earth satellite at `count` times: lanes of `SGP4Lane.scalarCount` times, the
  /// last lane padded with the last time; states and codes written as records. Kept out of line
  /// so that the lane kernel is register-allocated on its own (not with the deep-space path).
  /// Returns the number of failures.
  @inline(never)
  static func nearEarthBlock(
    _ terms: NearEarthTerms, times t: UnsafePointer<Double>, offset: Double, count: Int,
    states out: UnsafeMutablePointer<Double>, errors codes: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let width = SGP4Lane.scalarCount
    var failures = 0
    var k = 0
    while k < count {
      let valid = min(width, count &- k)
      var lane = SGP4Lane(repeating: t[k &+ valid &- 1] + offset)
      for i in 0..<valid { lane[i] = t[k &+ i] + offset }
      let r = nearEarthLanes(terms, lane)
      let failedLanes = r.code .!= 0.0
      let nan = SGP4Lane(repeating: .nan)
      let x = LaneMath.select(failedLanes, nan, r.x)
      let y = LaneMath.select(failedLanes, nan, r.y)
      let z = LaneMath.select(failedLanes, nan, r.z)
      let vx = LaneMath.select(failedLanes, nan, r.vx)
      let vy = LaneMath.select(failedLanes, nan, r.vy)
      let vz = LaneMath.select(failedLanes, nan, r.vz)
      for i in 0..<valid {
        let p = out + (k &+ i) &* 6
        p[0] = x[i]
        p[1] = y[i]
        p[2] = z[i]
        p[3] = vx[i]
        p[4] = vy[i]
        p[5] = vz[i]
        let code = UInt8(truncatingIfNeeded: Int(r.code[i]))
        codes[k &+ i] = code
        if code != 0 { failures &+= 1 }
      }
      k &+= width
    }
    return failures
  }

  /// The buffers of one call, shared read-only by the workers (each writes disjoint ranges).
  struct Job: @unchecked Sendable {
    let batch: SGP4Batch
    let times: UnsafeBufferPointer<Double>
    let offsets: UnsafeBufferPointer<Double>?
    let states: UnsafeMutableBufferPointer<Double>
    let errors: UnsafeMutableBufferPointer<UInt8>

    /// Satellite `s` at times `[k0, k1)`; returns the number of failures.
    func run(satellite s: Int, from k0: Int, to k1: Int) -> Int {
      let nt = times.count
      let offset = offsets?[s] ?? 0.0
      let base = s &* nt
      let out = states.baseAddress!
      let codes = errors.baseAddress!
      let t = times.baseAddress!
      var failures = 0
      if let terms = batch.nearEarth[s] {
        failures = SGP4Batch.nearEarthBlock(
          terms, times: t + k0, offset: offset, count: k1 - k0,
          states: out + (base &+ k0) &* 6, errors: codes + (base &+ k0))
      } else {
        let model = batch.satellites[s]
        var resonance = SGP4.ResonanceState()
        for k in k0..<k1 {
          let index = base &+ k
          let p = out + index &* 6
          switch model.propagate(minutesSinceEpoch: t[k] + offset, resonance: &resonance) {
          case .success(let state):
            p[0] = state.position.x
            p[1] = state.position.y
            p[2] = state.position.z
            p[3] = state.velocity.x
            p[4] = state.velocity.y
            p[5] = state.velocity.z
            codes[index] = 0
          case .failure(let error):
            for c in 0..<6 { p[c] = .nan }
            codes[index] = UInt8(truncatingIfNeeded: error.rawValue)
            failures &+= 1
          }
        }
      }
      return failures
    }
  }
}
