// Clohessy–Wiltshire (Hill) linearized relative motion about a circular target orbit: the
// closed-form 6×6 state-transition matrix in the LVLH frame and two-impulse transfers.
//
// Provenance: W. H. Clohessy and R. S. Wiltshire, "Terminal guidance system for satellite
// rendezvous", J. Aerospace Sciences 27 (1960) 653–658; G. W. Hill (1878). Equations of motion
// in Orbit's LVLH axes (x V-bar, y = −h, z = −r, nadir), as in Fehse, *Automated Rendezvous and
// Docking of Spacecraft* (2003), ch. 3:
//     ẍ = 2n ż,   ÿ = −n² y,   z̈ = −2n ẋ + 3n² z.
// The closed-form solution was obtained by us from the Hill/RSW form in Vallado, *Fundamentals
// of Astrodynamics and Applications*, 4th ed. (2013), ch. 6 (relative motion, the CW solution), mapped with
// x_RSW = −z, y_RSW = x, z_RSW = −y, and checked in the tests against the ODE (dΦ/dt = AΦ),
// the group property Φ(t1 + t2) = Φ(t1)Φ(t2) and nonlinear two-body relative motion.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// Errors of the CW two-impulse transfer.
public enum ClohessyWiltshireError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The transfer time makes the position block Φ_rv singular: nT a multiple of 2π in plane,
  /// or of π out of plane when the out-of-plane target is not the free-motion one (s).
  case singularTransfer(duration: Double)
  /// A duration, mean motion or state component is not finite, or the mean motion is ≤ 0.
  case invalidInput

  /// A one-line message.
  public var description: String {
    switch self {
    case .singularTransfer(let t):
      return
        "CW transfer: a duration of \(t) s makes the transfer singular (n*T a multiple of pi); choose another duration"
    case .invalidInput:
      return "CW transfer: non-finite input or non-positive mean motion"
    }
  }
}

/// The 6×6 CW state-transition matrix Φ(t), stored as four 3×3 blocks:
/// [ρ(t); ρ̇(t)] = [[rr, rv]; [vr, vv]] · [ρ(0); ρ̇(0)].
@frozen
public struct CWStateTransition: Hashable, Sendable {
  /// ∂ρ(t)/∂ρ(0) (dimensionless).
  public var rr: Matrix3
  /// ∂ρ(t)/∂ρ̇(0) (s).
  public var rv: Matrix3
  /// ∂ρ̇(t)/∂ρ(0) (1/s).
  public var vr: Matrix3
  /// ∂ρ̇(t)/∂ρ̇(0) (dimensionless).
  public var vv: Matrix3

  /// A state-transition matrix from its blocks.
  @inlinable
  public init(rr: Matrix3, rv: Matrix3, vr: Matrix3, vv: Matrix3) {
    self.rr = rr
    self.rv = rv
    self.vr = vr
    self.vv = vv
  }

  /// Element (i, j) of the 6×6 matrix, i and j in 0..<6 (position components first).
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    switch (i < 3, j < 3) {
    case (true, true): return rr[i, j]
    case (true, false): return rv[i, j - 3]
    case (false, true): return vr[i - 3, j]
    case (false, false): return vv[i - 3, j - 3]
    }
  }

  /// Φ applied to a relative state.
  @inlinable
  public static func * (phi: CWStateTransition, s: RelativeState) -> RelativeState {
    RelativeState(
      position: phi.rr * s.position + phi.rv * s.velocity,
      velocity: phi.vr * s.position + phi.vv * s.velocity)
  }

  /// The product Φ_a · Φ_b (apply b first).
  @inlinable
  public static func * (a: CWStateTransition, b: CWStateTransition) -> CWStateTransition {
    CWStateTransition(
      rr: a.rr * b.rr + a.rv * b.vr, rv: a.rr * b.rv + a.rv * b.vv,
      vr: a.vr * b.rr + a.vv * b.vr, vv: a.vr * b.rv + a.vv * b.vv)
  }
}

/// A two-impulse transfer in the CW model: Δv₁ at the start, coast for `duration`, Δv₂ at the end.
@frozen
public struct CWTransfer: Hashable, Sendable {
  /// Transfer time T (s).
  public var duration: Double
  /// First impulse, LVLH (m/s).
  public var departureDeltaV: Vector3
  /// Second impulse, LVLH (m/s): matches the final velocity asked for.
  public var arrivalDeltaV: Vector3
  /// The relative state just after the first impulse (m, m/s).
  public var departureState: RelativeState
  /// The relative state just before the second impulse (m, m/s).
  public var arrivalState: RelativeState

  /// |Δv₁| + |Δv₂| (m/s).
  @inlinable
  public var totalDeltaV: Double { departureDeltaV.norm + arrivalDeltaV.norm }
}

/// Clohessy–Wiltshire (Hill) relative motion about a circular target orbit of mean motion n.
///
/// All states are `RelativeState`s in Orbit's LVLH frame (x V-bar, y = −ĥ, z = −r̂).
///
/// Accuracy: exact for the linearized equations. Against two-body relative motion about a
/// circular target of radius r the neglected gravity terms are bounded by 3n²ρ²/r, and the
/// position error after time t obeys |δρ| ≤ 3(ρ²/r)(1.5(nt)² + 10 nt) (derived in
/// `Tests/OrbitRendezvousTests/ClohessyWiltshireTests.swift`): 54 m after one orbit for ρ = 1 km
/// at r = 6778 km, while the measured errors are 1.4–2.8 m (and scale as ρ²: ×4.000 for 2 km). The target's eccentricity e adds errors of order e·ρ.
///
/// References: Clohessy & Wiltshire (1960); Vallado (2013) ch. 6 (relative motion); Fehse (2003) ch. 3.
@frozen
public struct ClohessyWiltshire: Hashable, Sendable {
  /// Mean motion n of the circular target orbit (rad/s).
  public var meanMotion: Double

  /// A CW model of mean motion `meanMotion`.
  ///
  /// - Parameter meanMotion: n = √(μ/a³) (rad/s), > 0.
  @inlinable
  public init(meanMotion: Double) {
    self.meanMotion = meanMotion
  }

  /// A CW model for a circular orbit of radius `radius`.
  ///
  /// - Parameters:
  ///   - radius: target orbit radius (m).
  ///   - mu: gravitational parameter μ (m³/s²).
  @inlinable
  public init(radius: Double, mu: Double) {
    self.meanMotion = (mu / (radius * radius * radius)).squareRoot()
  }

  /// The state-transition matrix Φ(t) in LVLH.
  ///
  /// - Parameter t: elapsed time (s); negative values propagate backwards.
  /// - Returns: Φ(t), with [ρ(t); ρ̇(t)] = Φ(t)[ρ(0); ρ̇(0)].
  /// - References: Vallado (2013) ch. 6 (relative motion) (mapped to LVLH); Fehse (2003) ch. 3.
  @inlinable
  public func stateTransition(duration t: Double) -> CWStateTransition {
    let n = meanMotion
    let nt = n * t
    let s = sin(nt)
    let c = cos(nt)
    let omc = 1 - c
    let rr = Matrix3(
      rows: Vector3(1, 0, 6 * (nt - s)), Vector3(0, c, 0), Vector3(0, 0, 4 - 3 * c))
    let rv = Matrix3(
      rows: Vector3((4 * s - 3 * nt) / n, 0, 2 * omc / n), Vector3(0, s / n, 0),
      Vector3(-2 * omc / n, 0, s / n))
    let vr = Matrix3(
      rows: Vector3(0, 0, 6 * n * omc), Vector3(0, -n * s, 0), Vector3(0, 0, 3 * n * s))
    let vv = Matrix3(
      rows: Vector3(4 * c - 3, 0, 2 * s), Vector3(0, c, 0), Vector3(-2 * s, 0, c))
    return CWStateTransition(rr: rr, rv: rv, vr: vr, vv: vv)
  }

  /// The relative state after `duration` of free motion.
  ///
  /// - Parameters:
  ///   - state: relative state at the start (m, m/s).
  ///   - duration: elapsed time (s).
  /// - Returns: the relative state at the end (m, m/s).
  @inlinable
  public func propagate(_ state: RelativeState, duration: Double) -> RelativeState {
    stateTransition(duration: duration) * state
  }

  /// The relative acceleration of the linearized equations (m/s²): ẍ = 2nż, ÿ = −n²y,
  /// z̈ = −2nẋ + 3n²z.
  ///
  /// - Parameter state: relative state (m, m/s).
  @inlinable
  public func acceleration(_ state: RelativeState) -> Vector3 {
    let n = meanMotion
    let p = state.position
    let v = state.velocity
    return Vector3(2 * n * v.z, -n * n * p.y, -2 * n * v.x + 3 * n * n * p.z)
  }

  /// The two-impulse transfer from `start` to `end` in time `duration`.
  ///
  /// The first impulse puts the chaser on the free CW arc from start.position to end.position
  /// (solving Φ_rv ρ̇₀⁺ = ρ_f − Φ_rr ρ₀); the second matches end.velocity.
  ///
  /// - Parameters:
  ///   - start: relative state before the first impulse (m, m/s).
  ///   - end: relative state wanted after the second impulse (m, m/s).
  ///   - duration: transfer time T (s), > 0.
  /// - Returns: the impulses and the states around them.
  /// - Throws: `.singularTransfer` when nT is a multiple of 2π (in plane) or of π out of plane
  ///   unless the out-of-plane end position is the free-motion one (then no out-of-plane Δv₁ is
  ///   applied); `.invalidInput` for non-finite input.
  /// - References: Vallado (2013) ch. 6 (relative motion) (two-impulse rendezvous with the CW solution).
  public func transfer(
    from start: RelativeState, to end: RelativeState, duration: Double
  ) throws(ClohessyWiltshireError) -> CWTransfer {
    let n = meanMotion
    guard n > 0, n.isFinite, duration.isFinite, duration > 0, start.position.isFinite,
      start.velocity.isFinite, end.position.isFinite, end.velocity.isFinite
    else { throw .invalidInput }
    let phi = stateTransition(duration: duration)
    let rhs = end.position - phi.rr * start.position
    let nt = n * duration
    let s = sin(nt)
    // In plane: [[a, b], [−b, d]] (ẋ, ż) = (rhs.x, rhs.z), a = (4s − 3nt)/n, b = 2(1 − c)/n, d = s/n.
    let a = phi.rv[0, 0]
    let b = phi.rv[0, 2]
    let d = phi.rv[2, 2]
    let det = a * d + b * b  // = (8 − 8c − 3nt·s)/n²
    // Relative to the scale of the block (|a| ~ 3T): singular to ~1e-12 of it.
    let scale = max(a * a, b * b, d * d, 1 / (n * n))
    guard abs(det) > 1e-12 * scale else { throw .singularTransfer(duration: duration) }
    let vx = (d * rhs.x - b * rhs.z) / det
    let vz = (a * rhs.z + b * rhs.x) / det
    // Out of plane: (s/n) ẏ = rhs.y.
    let vy: Double
    if abs(s) > 1e-12 {
      vy = rhs.y * n / s
    } else {
      let tolerance = 1e-9 * max(abs(end.position.y), abs(start.position.y), 1e-3)
      guard abs(rhs.y) <= tolerance else { throw .singularTransfer(duration: duration) }
      vy = start.velocity.y
    }
    let departure = RelativeState(position: start.position, velocity: Vector3(vx, vy, vz))
    let arrival = phi * departure
    return CWTransfer(
      duration: duration, departureDeltaV: departure.velocity - start.velocity,
      arrivalDeltaV: end.velocity - arrival.velocity, departureState: departure,
      arrivalState: arrival)
  }
}
