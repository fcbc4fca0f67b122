// The distance between the propagated spacecraft and another object given by a random-access
// propagator. Our own code.
//
// Design: the session integrates one spacecraft; the other object is any
// `AnalyticalPropagator` (Kepler, J2 secular, SGP4 — mind its TEME frame — or an `Ephemeris`
// recorded from an earlier numerical run, which is how two numerically propagated objects are
// compared). Its `state(at:)` is pure and random access, so the root finder can evaluate it at
// any instant of a step. Both states must be in the same inertial frame (not checked: the
// detector only sees the session's `OrbitState`).

/// Events on the distance to another object: crossing a given range, or closest approach.
///
/// If the other propagator fails (e.g. an epoch outside an ephemeris), g is NaN and the session
/// throws `PropagationError.eventFunctionNotFinite`.
///
/// References: Orekit `InterSatDirectViewDetector`/`ExtremumApproachDetector` (closest approach
/// as a root of the range rate).
public struct DistanceDetector<Other: AnalyticalPropagator>: EventDetector {
  /// What is detected.
  public enum Mode: Hashable, Sendable {
    /// |r − r_other| crossing the given distance (m): `.rangeClosing` / `.rangeOpening`.
    case range(Double)
    /// Extrema of the distance: g = Δr·Δv (m²/s), increasing at a closest approach.
    case closestApproach
  }

  /// The other object.
  public var other: Other
  /// What is detected.
  public var mode: Mode
  /// Accepted crossings.
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the event.
  public var isTerminal: Bool

  /// A distance detector.
  ///
  /// - Parameters:
  ///   - other: the other object's propagator (same inertial frame as the session).
  ///   - mode: a range crossing or closest approach.
  ///   - direction: accepted crossings (default `.both`; `.increasing` with `.closestApproach`
  ///     gives minima only).
  ///   - maxCheckInterval: sampling interval (s; default 60 s: two LEO objects in different
  ///     planes pass each other in seconds to minutes).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the event (default false).
  public init(
    other: Other, mode: Mode, direction: EventDirection = .both, maxCheckInterval: Double = 60,
    threshold: Double = 1e-7, isTerminal: Bool = false
  ) {
    self.other = other
    self.mode = mode
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
  }

  /// |Δr| − d (m) or Δr·Δv (m²/s); NaN if the other propagator fails.
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    let o: CartesianState
    do { o = try other.state(at: epoch) } catch { return .nan }
    let dr = state.position - o.position
    switch mode {
    case .range(let distance):
      return dr.norm - distance
    case .closestApproach:
      return dr.dot(state.velocity - o.velocity)
    }
  }

  /// Range closing/opening, or closest approach/farthest distance.
  public func kind(increasing: Bool) -> EventKind {
    switch mode {
    case .range: return increasing ? .rangeOpening : .rangeClosing
    case .closestApproach: return increasing ? .closestApproach : .farthestDistance
    }
  }
}
