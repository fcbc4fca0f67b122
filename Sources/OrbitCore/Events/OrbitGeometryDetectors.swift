// Events of the osculating orbit geometry: apsides (r·v = 0), nodes (z = 0) and an argument of
// latitude. References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013),
// §2.5 (r·v = 0 at the apsides; node vector n = k̂ × h; argument of latitude u = ∠(n, r)).
// Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Apsides: g = r·v (m²/s), increasing through zero at periapsis, decreasing at apoapsis.
///
/// For a near-circular orbit under J2 the osculating r·v has extra roots (the short-period
/// radial oscillation is comparable with a·e below e ≈ 1e-3); use it on orbits with e well
/// above that.
///
/// References: Vallado (2013) §2.5; Orekit `ApsideDetector`.
@frozen
public struct ApsisDetector: EventDetector, Hashable {
  /// `.increasing` for periapsis only, `.decreasing` for apoapsis only, `.both`.
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the apsis.
  public var isTerminal: Bool

  /// An apsis detector.
  ///
  /// - Parameters:
  ///   - direction: `.increasing` periapsis, `.decreasing` apoapsis, `.both` (default).
  ///   - maxCheckInterval: sampling interval (s; default 600 s, below half of any LEO period).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the apsis (default false).
  @inlinable
  public init(
    direction: EventDirection = .both, maxCheckInterval: Double = 600, threshold: Double = 1e-7,
    isTerminal: Bool = false
  ) {
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
  }

  /// g = r·v (m²/s).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double { state.position.dot(state.velocity) }

  /// Periapsis or apoapsis.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .periapsis : .apoapsis }
}

/// Node crossings: g = z (m) in the inertial frame, increasing at the ascending node.
///
/// References: Vallado (2013) §2.5; Orekit `NodeDetector`.
@frozen
public struct NodeDetector: EventDetector, Hashable {
  /// `.increasing` ascending only, `.decreasing` descending only, `.both`.
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the node.
  public var isTerminal: Bool

  /// A node detector.
  ///
  /// - Parameters:
  ///   - direction: `.increasing` ascending, `.decreasing` descending, `.both` (default).
  ///   - maxCheckInterval: sampling interval (s; default 600 s).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the node (default false).
  @inlinable
  public init(
    direction: EventDirection = .both, maxCheckInterval: Double = 600, threshold: Double = 1e-7,
    isTerminal: Bool = false
  ) {
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
  }

  /// g = z (m).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double { state.position.z }

  /// Ascending or descending node.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .ascendingNode : .descendingNode }
}

/// The osculating argument of latitude u reaching u0: g = sin(u − u0), which increases through
/// zero at u = u0 (and decreases at u0 + π, reported as `.decreasing` when accepted).
///
/// u is measured in the orbit plane from the node vector n = k̂ × h (Vallado §2.5); undefined
/// (g NaN, a typed error) for an equatorial orbit.
///
/// References: Vallado (2013) §2.5.
@frozen
public struct ArgumentOfLatitudeDetector: EventDetector, Hashable {
  /// The argument of latitude u0 (rad).
  public var argumentOfLatitude: Double
  /// Accepted crossings (default `.increasing`: u passing u0).
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the crossing.
  public var isTerminal: Bool
  @usableFromInline let cosU0: Double
  @usableFromInline let sinU0: Double

  /// An argument-of-latitude detector.
  ///
  /// - Parameters:
  ///   - argumentOfLatitude: u0 (rad).
  ///   - direction: default `.increasing` (u passing u0 on a prograde orbit).
  ///   - maxCheckInterval: sampling interval (s; default 600 s, below half a LEO period).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the crossing (default false).
  @inlinable
  public init(
    argumentOfLatitude: Double, direction: EventDirection = .increasing, maxCheckInterval: Double = 600,
    threshold: Double = 1e-7, isTerminal: Bool = false
  ) {
    self.argumentOfLatitude = argumentOfLatitude
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
    cosU0 = cos(argumentOfLatitude)
    sinU0 = sin(argumentOfLatitude)
  }

  /// g = sin(u − u0) (dimensionless).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    let r = state.position
    let h = r.cross(state.velocity)
    let n = Vector3(-h.y, h.x, 0)  // k̂ × h
    let nHat = n / n.norm
    let mHat = h.cross(nHat) / h.norm
    let rNorm = r.norm
    let cosU = r.dot(nHat) / rNorm
    let sinU = r.dot(mHat) / rNorm
    return sinU * cosU0 - cosU * sinU0
  }

  /// `.argumentOfLatitude` for u passing u0, `.decreasing` for u passing u0 + π.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .argumentOfLatitude : .decreasing }
}
