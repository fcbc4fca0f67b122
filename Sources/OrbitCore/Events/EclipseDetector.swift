// Eclipse entry and exit for the conical Earth shadow of `EarthShadow` (Montenbruck & Gill,
// Satellite Orbits (2000), §3.4.2): with the apparent solar radius a = asin(R⊙/|s − r|), the
// apparent Earth radius b = asin(R⊕/|r|) and their separation c, the satellite is fully lit
// (ν = 1) for c ≥ a + b and in the umbra (ν = 0) for c < b − a. The switching functions are
// g = c − (a + b) (penumbra boundary) and g = c − (b − a) (umbra boundary), smooth where
// ν itself is flat. Sun: `SolarEphemeris`. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Eclipse entry (g decreasing) and exit (g increasing) of the conical Earth shadow.
///
/// Accuracy: the boundaries are exactly those of `EarthShadow.visibleFraction` (same radii and
/// angles), so the located event agrees with where the SRP force switches; the Sun position
/// is `SolarEphemeris` (≈ 0.01° ⇒ ~1 s in eclipse timing for LEO).
///
/// References: Montenbruck & Gill (2000) §3.4.2; Orekit `EclipseDetector`.
@frozen
public struct EclipseDetector: EventDetector, Hashable {
  /// Which boundary of the shadow.
  public enum Boundary: String, Hashable, Sendable {
    /// Penumbra: the first loss of sunlight (ν < 1).
    case penumbra
    /// Umbra: total shadow (ν = 0).
    case umbra
  }

  /// The boundary.
  public var boundary: Boundary
  /// Radius of the occulting Earth (m; default `EarthShadow.earthRadius`).
  public var occultingRadius: Double
  /// `.decreasing` entry only, `.increasing` exit only, `.both`.
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the boundary.
  public var isTerminal: Bool

  /// An eclipse detector.
  ///
  /// - Parameters:
  ///   - boundary: penumbra (default) or umbra.
  ///   - occultingRadius: Earth radius (m; default WGS-84 a, as `EarthShadow`).
  ///   - direction: default `.both` (entry and exit).
  ///   - maxCheckInterval: sampling interval (s; default 300 s: LEO eclipses last ≳ 20 min).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the boundary (default false).
  @inlinable
  public init(
    boundary: Boundary = .penumbra, occultingRadius: Double = EarthShadow.earthRadius,
    direction: EventDirection = .both, maxCheckInterval: Double = 300, threshold: Double = 1e-7,
    isTerminal: Bool = false
  ) {
    self.boundary = boundary
    self.occultingRadius = occultingRadius
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
  }

  /// g = c − (a + b) or c − (b − a) (rad), positive on the sunlit side.
  ///
  /// - Parameters:
  ///   - r: geocentric satellite position (m).
  ///   - s: geocentric Sun position (m), same axes.
  /// - Returns: g (rad).
  @inlinable
  public func g(satellite r: Vector3, sun s: Vector3) -> Double {
    let d = s - r
    let dNorm = d.norm
    let rNorm = r.norm
    let a = asin(min(1, EarthShadow.sunRadius / dNorm))
    let b = asin(min(1, occultingRadius / rNorm))
    let cosC = -r.dot(d) / (rNorm * dNorm)
    let c = acos(max(-1, min(1, cosC)))
    switch boundary {
    case .penumbra: return c - (a + b)
    case .umbra: return c - (b - a)
    }
  }

  /// g with the Sun from `SolarEphemeris` at `epoch` (rad).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    g(satellite: state.position, sun: SolarEphemeris.position(at: epoch))
  }

  /// Entry (decreasing) or exit (increasing).
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .eclipseExit : .eclipseEntry }
}
