// Altitude crossings and impact: g = h(r) − h0 above a sphere or the WGS-84 ellipsoid.
//
// Geodetic altitude: the position is rotated GCRF → ITRF with OrbitCore's IAU-76/FK5 Earth
// orientation (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §3.7)
// and converted with `ReferenceEllipsoid.geodetic(from:)` (nearest point on the ellipsoid).
// Only the pole matters for an ellipsoid of revolution; the Earth's rotation angle cancels.
// Our own code.

/// The surface altitudes are measured from.
public enum AltitudeReference: Sendable {
  /// A sphere of the given radius (m) centred on the origin: h = |r| − R.
  case sphere(radius: Double)
  /// An ellipsoid of revolution: the geodetic altitude (normal to the ellipsoid). The GCRF
  /// position is rotated to ITRF with `earthOrientation`; with nil the inertial z axis is taken
  /// as the polar axis (the J2000 pole drifts ~20″ per year from the true pole, which changes
  /// the altitude of a LEO satellite by up to ~2 m per year from 2000 at mid latitudes).
  case ellipsoid(ReferenceEllipsoid, earthOrientation: EarthOrientationModel?)

  /// The WGS-84 ellipsoid with the default Earth-orientation model.
  public static var wgs84: AltitudeReference { .ellipsoid(.wgs84, earthOrientation: EarthOrientationModel()) }

  /// The altitude of `position` at `epoch` (m).
  ///
  /// - Parameters:
  ///   - position: inertial (GCRF) position (m).
  ///   - epoch: the instant (for the Earth orientation).
  /// - Returns: altitude (m); negative below the surface.
  @inlinable
  public func altitude(of position: Vector3, at epoch: Epoch) -> Double {
    switch self {
    case .sphere(let radius):
      return position.norm - radius
    case .ellipsoid(let ellipsoid, let orientation):
      let fixed = orientation.map { $0.gcrfToITRF(at: epoch).rotation * position } ?? position
      return ellipsoid.geodetic(from: fixed).altitude
    }
  }
}

/// An altitude crossing: g = h − h0 (m), rising (increasing) or falling (decreasing).
///
/// References: Orekit `AltitudeDetector`; Vallado (2013) §3.7 (Earth orientation).
public struct AltitudeDetector: EventDetector {
  /// The crossing altitude h0 (m).
  public var altitude: Double
  /// The surface altitudes are measured from.
  public var reference: AltitudeReference
  /// Accepted crossings.
  public var direction: EventDirection
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double
  /// Whether the propagation stops at the crossing.
  public var isTerminal: Bool

  /// An altitude detector.
  ///
  /// - Parameters:
  ///   - altitude: h0 (m).
  ///   - reference: sphere or ellipsoid (default WGS-84 with the default Earth orientation).
  ///   - direction: accepted crossings (default both).
  ///   - maxCheckInterval: sampling interval (s; default 120 s: an eccentric orbit can cross
  ///     a given altitude twice within minutes near periapsis).
  ///   - threshold: root-finder threshold (s; default 1e-7 s).
  ///   - isTerminal: stop at the crossing (default false).
  public init(
    altitude: Double, reference: AltitudeReference = .wgs84, direction: EventDirection = .both,
    maxCheckInterval: Double = 120, threshold: Double = 1e-7, isTerminal: Bool = false
  ) {
    self.altitude = altitude
    self.reference = reference
    self.direction = direction
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
    self.isTerminal = isTerminal
  }

  /// g = h(r) − h0 (m).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    reference.altitude(of: state.position, at: epoch) - altitude
  }

  /// Rising or falling.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { increasing ? .altitudeRising : .altitudeFalling }
}

/// Impact: the altitude falls through `altitude` (default 0 m, the surface). Terminal: a session
/// returns the `.impact` outcome (the `Propagator` view throws `PropagationError.impact`), and a
/// session that starts below that altitude returns `.impact` at once instead of integrating
/// through the Earth.
///
/// References: Orekit `AltitudeDetector` used as a ground-impact stop.
public struct ImpactDetector: EventDetector {
  /// The impact altitude (m; default 0).
  public var altitude: Double
  /// The surface.
  public var reference: AltitudeReference
  /// Sampling interval (s).
  public var maxCheckInterval: Double
  /// Root-finder threshold (s).
  public var threshold: Double

  /// An impact detector.
  ///
  /// - Parameters:
  ///   - altitude: impact altitude (m; default 0, e.g. 100 km for an atmospheric interface).
  ///   - reference: the surface (default WGS-84 with the default Earth orientation).
  ///   - maxCheckInterval: sampling interval (s; default 60 s).
  ///   - threshold: root-finder threshold (s; default 1e-6 s).
  public init(
    altitude: Double = 0, reference: AltitudeReference = .wgs84, maxCheckInterval: Double = 60,
    threshold: Double = 1e-6
  ) {
    self.altitude = altitude
    self.reference = reference
    self.maxCheckInterval = maxCheckInterval
    self.threshold = threshold
  }

  /// g = h(r) − h_impact (m).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    reference.altitude(of: state.position, at: epoch) - altitude
  }

  /// Falling only.
  @inlinable public var direction: EventDirection { .decreasing }
  /// Terminal.
  @inlinable public var isTerminal: Bool { true }
  /// `.impact`.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { .impact }
}
