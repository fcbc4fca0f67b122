// Mean elements as orbit averages: the osculating semi-major axis, eccentricity vector and
// inclination averaged in time over one draconic revolution (the argument of latitude advancing
// by exactly 2π) of the numerical trajectory. Over a full revolution the first-order J2
// short-period terms average out (Kozai 1959; Brouwer 1959), so the average is the mean
// element to O(J2²) plus the drag decay within the window (the value belongs to the window's
// centre). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// Mean orbit from an orbit average over one draconic revolution.
///
/// Mean altitude = mean semi-major axis − the WGS-84 equatorial radius 6 378 137 m (the
/// "average altitude" of Roscosmos reboost reports is of this kind; the SGP4 mean altitude of
/// `ElementSetHistory` uses the WGS-72 radius, 2 m less, and SGP4's own mean elements, which
/// differ from an orbit average by a near-constant offset of a few km: compare changes, not
/// levels).
///
/// References: Kozai, "The motion of a close earth satellite", Astron. J. 64 (1959);
/// Brouwer, "Solution of the problem of artificial satellite theory without drag", Astron. J.
/// 64 (1959); Vallado (2013) §9.6 (mean vs osculating elements).
public struct MeanOrbit: Hashable, Sendable {
  /// The WGS-84 equatorial radius (m) that mean altitudes are measured from.
  public static let referenceRadius = 6_378_137.0

  /// Centre of the averaging window.
  public var epoch: Epoch
  /// Window start.
  public var windowStart: Epoch
  /// Window end.
  public var windowEnd: Epoch
  /// Mean semi-major axis (m).
  public var semiMajorAxis: Double
  /// Mean eccentricity (norm of the averaged eccentricity vector).
  public var eccentricity: Double
  /// Mean inclination (rad, GCRF).
  public var inclination: Double
  /// The averaged eccentricity vector (GCRF, dimensionless; points to the mean perigee).
  public var eccentricityVector: Vector3

  /// Mean altitude ā − Rₑ (m).
  public var meanAltitude: Double { semiMajorAxis - Self.referenceRadius }
  /// Mean perigee altitude ā(1 − ē) − Rₑ (m).
  public var perigeeAltitude: Double { semiMajorAxis * (1 - eccentricity) - Self.referenceRadius }
  /// Mean apogee altitude ā(1 + ē) − Rₑ (m).
  public var apogeeAltitude: Double { semiMajorAxis * (1 + eccentricity) - Self.referenceRadius }

  /// A mean orbit from its parts.
  public init(
    epoch: Epoch, windowStart: Epoch, windowEnd: Epoch, semiMajorAxis: Double, eccentricity: Double,
    inclination: Double, eccentricityVector: Vector3 = .zero
  ) {
    self.eccentricityVector = eccentricityVector
    self.epoch = epoch
    self.windowStart = windowStart
    self.windowEnd = windowEnd
    self.semiMajorAxis = semiMajorAxis
    self.eccentricity = eccentricity
    self.inclination = inclination
  }

  /// The average over the draconic revolution that starts (`forward`) or ends (`!forward`) at
  /// `anchor` (s since `reference`), from states sampled densely (≤ 30 s apart) over it.
  ///
  /// - Parameters:
  ///   - samples: states in time order (GCRF).
  ///   - anchor: the window's start (forward) or end (backward), s since `reference`.
  ///   - forward: which side of `anchor` the window lies.
  ///   - reference: the epoch of t = 0 of the samples.
  ///   - mu: gravitational parameter (m³/s²).
  /// - Returns: the mean orbit, or nil when the samples do not cover a revolution.
  static func average(
    _ samples: [ReboostSample], anchor: Double, forward: Bool, reference: Epoch, mu: Double
  ) -> MeanOrbit? {
    guard samples.count >= 3 else { return nil }
    let n = samples.count
    var t = [Double](repeating: 0, count: n)
    var a = t, ex = t, ey = t, ez = t, inc = t, u = t
    var turns = 0.0
    for k in 0..<n {
      let s = samples[k]
      let r = s.position, v = s.velocity
      let rn = r.norm, v2 = v.dot(v)
      t[k] = s.time
      a[k] = 1 / (2 / rn - v2 / mu)
      let e = ((v2 - mu / rn) * r - r.dot(v) * v) / mu
      ex[k] = e.x; ey[k] = e.y; ez[k] = e.z
      let h = r.cross(v)
      let hn = h.norm
      inc[k] = acos(max(-1, min(1, h.z / hn)))
      // Argument of latitude: angle from the ascending node to r in the orbit plane.
      var node = Vector3(-h.y, h.x, 0)
      let nn = node.norm
      node = nn > 0 ? node / nn : Vector3(1, 0, 0)
      let w = h.cross(node) / hn
      var angle = atan2(r.dot(w), r.dot(node))
      if k > 0 {
        let previous = u[k - 1] - turns
        if angle - previous < -Double.pi { turns += 2 * Double.pi }
        if angle - previous > Double.pi { turns -= 2 * Double.pi }
      }
      angle += turns
      u[k] = angle
    }
    func interp(_ y: [Double], _ i: Int, _ x: Double) -> Double {
      let f = (x - t[i]) / (t[i + 1] - t[i])
      return y[i] + f * (y[i + 1] - y[i])
    }
    // Index of the segment containing x.
    func segment(_ x: Double) -> Int? {
      guard x >= t[0], x <= t[n - 1] else { return nil }
      var lo = 0, hi = n - 1
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if t[mid] <= x { lo = mid } else { hi = mid }
      }
      return lo
    }
    guard let ia = segment(anchor) else { return nil }
    let ua = interp(u, ia, anchor)
    let goal = forward ? ua + 2 * Double.pi : ua - 2 * Double.pi
    // Find the time where u reaches `goal`.
    var other: Double? = nil
    if forward {
      var k = ia
      while k < n - 1 {
        if u[k + 1] >= goal {
          let f = (goal - u[k]) / (u[k + 1] - u[k])
          other = t[k] + f * (t[k + 1] - t[k])
          break
        }
        k += 1
      }
    } else {
      var k = ia + 1
      while k > 0 {
        if u[k - 1] <= goal {
          let f = (goal - u[k - 1]) / (u[k] - u[k - 1])
          other = t[k - 1] + f * (t[k] - t[k - 1])
          break
        }
        k -= 1
      }
    }
    guard let other else { return nil }
    let t0 = min(anchor, other), t1 = max(anchor, other)
    // Trapezoid integral of piecewise-linear data over [t0, t1].
    func integral(_ y: [Double]) -> Double {
      guard let i0 = segment(t0), let i1 = segment(t1) else { return .nan }
      var sum = 0.0
      var x = t0
      var yx = interp(y, i0, t0)
      var i = i0
      while i <= i1 {
        let xEnd = min(t[i + 1], t1)
        let yEnd = xEnd == t[i + 1] ? y[i + 1] : interp(y, i, xEnd)
        sum += 0.5 * (yx + yEnd) * (xEnd - x)
        x = xEnd
        yx = yEnd
        i += 1
        if x >= t1 { break }
      }
      return sum / (t1 - t0)
    }
    let meanA = integral(a)
    let meanEVector = Vector3(integral(ex), integral(ey), integral(ez))
    let meanE = meanEVector.norm
    let meanI = integral(inc)
    guard meanA.isFinite, meanE.isFinite, meanI.isFinite else { return nil }
    return MeanOrbit(
      epoch: reference + 0.5 * (t0 + t1), windowStart: reference + t0, windowEnd: reference + t1,
      semiMajorAxis: meanA, eccentricity: meanE, inclination: meanI, eccentricityVector: meanEVector)
  }
}

/// One sampled state of a reboost simulation.
///
/// References: none (a record).
public struct ReboostSample: Hashable, Sendable {
  /// Time since the simulation's reference epoch (s).
  public var time: Double
  /// The epoch.
  public var epoch: Epoch
  /// GCRF position (m).
  public var position: Vector3
  /// GCRF velocity (m/s).
  public var velocity: Vector3
  /// Mass (kg).
  public var mass: Double
  /// Whether a burn fires at this instant.
  public var thrusting: Bool

  /// A sample from its parts.
  public init(time: Double, epoch: Epoch, position: Vector3, velocity: Vector3, mass: Double, thrusting: Bool) {
    self.time = time
    self.epoch = epoch
    self.position = position
    self.velocity = velocity
    self.mass = mass
    self.thrusting = thrusting
  }

  /// Osculating semi-major axis from vis-viva (m).
  public func osculatingSemiMajorAxis(mu: Double) -> Double {
    1 / (2 / position.norm - velocity.dot(velocity) / mu)
  }

  /// Geocentric radius minus the WGS-84 equatorial radius (m): a cheap altitude for plots.
  public var radialAltitude: Double { position.norm - MeanOrbit.referenceRadius }
}
