// An interpolating ephemeris: stored Cartesian states with piecewise Hermite interpolation of
// position and velocity.
//
// Interpolation: the Hermite polynomial through positions and velocities at m consecutive nodes
// (degree 2m − 1; m = 4 by default, degree 7), in Newton form with repeated nodes (confluent
// divided differences), Stoer & Bulirsch, Introduction to Numerical Analysis, 3rd ed. (2002),
// §2.1.5; the velocity is its derivative. The nodes are the m nearest to the query inside one
// continuous segment: two states at the same epoch mark a discontinuity (an impulsive
// maneuver) and no polynomial spans it. Same idea as Orekit's `Ephemeris` (Hermite on
// neighbouring states) and CCSDS OEM interpolation. Our own code.

/// Stored states with Hermite interpolation; itself an `AnalyticalPropagator` over its span.
///
/// Accuracy (interpolation only, on top of the stored states' own error): the error of a
/// Hermite polynomial with m double nodes spaced h is ≈ |r⁽²ᵐ⁾| ∏(t − tₖ)²/(2m)!. For a LEO
/// orbit (|r⁽ᵏ⁾| ≈ nᵏ r, n ≈ 1.1e-3 rad/s) and m = 4 this is ~1e-12·h⁸ m; measured with 60 s
/// spacing on the ISS orbit: 0.07 µm in position, 2.4e-9 m/s in velocity (EphemerisTests).
/// With m = 2 (cubic) the same grid gives 0.37 m; m = 3 gives 0.13 mm (one-sided third node).
///
/// Storage is struct-of-arrays (`[Double]` per coordinate, STYLE.md §5.6); `state(at:)` does a
/// binary search and does not allocate.
///
/// References: Stoer & Bulirsch (2002) §2.1.5; Orekit `Ephemeris`.
public struct Ephemeris: AnalyticalPropagator {
  /// The first stored state.
  public let initialState: CartesianState
  /// The inertial frame of the states.
  public let frame: Frame
  /// Nodes per interpolation (2...4): the polynomial degree is 2m − 1.
  public let interpolationPoints: Int
  @usableFromInline let reference: Epoch
  @usableFromInline let times: [Double]
  @usableFromInline let px: [Double], py: [Double], pz: [Double]
  @usableFromInline let vx: [Double], vy: [Double], vz: [Double]
  @usableFromInline let segmentFirst: [Int]
  @usableFromInline let segmentLast: [Int]

  /// An ephemeris of `states`.
  ///
  /// - Parameters:
  ///   - states: at least two finite states in one frame, in increasing time order; a pair with
  ///     equal epochs marks a discontinuity (the state before, then after).
  ///   - interpolationPoints: nodes per interpolation, 2...4 (default 4: degree 7).
  /// - Throws: `.invalidOptions(.ephemerisStates)`.
  public init(states: [CartesianState], interpolationPoints: Int = 4) throws(PropagationError) {
    guard states.count >= 2, (2...4).contains(interpolationPoints), let first = states.first else {
      throw .invalidOptions(.ephemerisStates)
    }
    let reference = first.epoch
    var times: [Double] = [], px: [Double] = [], py: [Double] = [], pz: [Double] = []
    var vx: [Double] = [], vy: [Double] = [], vz: [Double] = []
    times.reserveCapacity(states.count)
    for (k, s) in states.enumerated() {
      guard s.isFinite, s.frame == first.frame else { throw .invalidOptions(.ephemerisStates) }
      let t = s.epoch - reference
      if k > 0 {
        let previous = times[k - 1]
        guard t >= previous else { throw .invalidOptions(.ephemerisStates) }
        // No three states at one epoch.
        if t == previous, k >= 2, times[k - 2] == t { throw .invalidOptions(.ephemerisStates) }
      }
      times.append(t)
      px.append(s.position.x); py.append(s.position.y); pz.append(s.position.z)
      vx.append(s.velocity.x); vy.append(s.velocity.y); vz.append(s.velocity.z)
    }
    guard times.last! > 0 else { throw .invalidOptions(.ephemerisStates) }
    var firsts = [Int](repeating: 0, count: times.count)
    var lasts = [Int](repeating: 0, count: times.count)
    var start = 0
    for k in 1...times.count {
      if k == times.count || times[k] == times[k - 1] {
        for j in start..<k {
          firsts[j] = start
          lasts[j] = k - 1
        }
        start = k
      }
    }
    self.initialState = first
    self.frame = first.frame
    self.interpolationPoints = interpolationPoints
    self.reference = reference
    self.times = times
    self.px = px; self.py = py; self.pz = pz
    self.vx = vx; self.vy = vy; self.vz = vz
    self.segmentFirst = firsts
    self.segmentLast = lasts
  }

  /// The first epoch.
  public var startEpoch: Epoch { reference }
  /// The last epoch.
  public var endEpoch: Epoch { reference + times[times.count - 1] }
  /// Number of stored states.
  public var count: Int { times.count }

  /// The stored state `index` (m, m/s).
  ///
  /// - Parameter index: 0 ..< count.
  /// - Returns: the state as stored.
  public func storedState(_ index: Int) -> CartesianState {
    CartesianState(
      epoch: reference + times[index], frame: frame,
      position: Vector3(px[index], py[index], pz[index]),
      velocity: Vector3(vx[index], vy[index], vz[index]))
  }

  /// The interpolated state at `epoch` (m, m/s). At a discontinuity's epoch, the state after
  /// it.
  ///
  /// - Parameter epoch: an epoch within `startEpoch`...`endEpoch`.
  /// - Returns: the state in `frame`.
  /// - Throws: `.outsideValidity` outside the span.
  public func state(at epoch: Epoch) throws(PropagationError) -> CartesianState {
    let t = epoch - reference
    let n = times.count
    guard t >= 0, t <= times[n - 1] else {
      throw .outsideValidity(epoch: epoch, start: startEpoch, end: endEpoch)
    }
    // Last index with times[i] <= t.
    var lo = 0, hi = n - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if times[mid] <= t { lo = mid } else { hi = mid - 1 }
    }
    let i = lo
    let first = segmentFirst[i]
    let last = segmentLast[i]
    if times[i] == t && (last == first || i == last) {
      return storedState(i)
    }
    let m = min(interpolationPoints, last - first + 1)
    // Nodes i − (m/2 − 1) ... centred on the interval [i, i + 1], clamped to the segment.
    var k0 = i - (m / 2 - 1)
    k0 = max(first, min(k0, last - m + 1))
    let (position, velocity) = hermite(at: t, firstNode: k0, count: m)
    return CartesianState(epoch: epoch, frame: frame, position: position, velocity: velocity)
  }

  /// Hermite interpolation on nodes k0 ..< k0 + m (positions and velocities); returns the
  /// polynomial and its derivative at t (s since `reference`).
  @usableFromInline
  func hermite(at t: Double, firstNode k0: Int, count m: Int) -> (Vector3, Vector3) {
    let n = 2 * m
    let origin = times[k0]
    var z = InlineArray<8, Double>(repeating: 0)
    var c = InlineArray<8, Vector3>(repeating: .zero)
    for j in 0..<n {
      let k = k0 + j / 2
      z[j] = times[k] - origin
      c[j] = Vector3(px[k], py[k], pz[k])
    }
    for l in 1..<n {
      var j = n - 1
      while j >= l {
        if l == 1 && j % 2 == 1 {
          let k = k0 + j / 2
          c[j] = Vector3(vx[k], vy[k], vz[k])
        } else {
          c[j] = (c[j] - c[j - 1]) / (z[j] - z[j - l])
        }
        j -= 1
      }
    }
    let x = t - origin
    var p = c[n - 1]
    var dp = Vector3.zero
    var k = n - 2
    while k >= 0 {
      let d = x - z[k]
      dp = dp * d + p
      p = p * d + c[k]
      k -= 1
    }
    return (p, dp)
  }
}
