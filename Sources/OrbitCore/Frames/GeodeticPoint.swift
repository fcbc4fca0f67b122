// Geodetic coordinates (latitude, longitude, ellipsoidal height). The conversions are in
// ReferenceEllipsoid.swift, which gives their sources (NIMA TR8350.2; Vallado (2013) ch. 3).

/// A point given by geodetic latitude, longitude and height above a reference ellipsoid.
@frozen
public struct GeodeticPoint: Sendable, Hashable {
  /// Geodetic latitude φ (rad, in [−π/2, π/2]): angle of the ellipsoid normal to the equator.
  public var latitude: Double
  /// Longitude λ (rad, east positive; the inverse conversion returns (−π, π]).
  public var longitude: Double
  /// Height above the ellipsoid along the normal (m; negative below).
  public var altitude: Double

  /// A geodetic point.
  ///
  /// - Parameters:
  ///   - latitude: geodetic latitude (rad).
  ///   - longitude: east longitude (rad).
  ///   - altitude: ellipsoidal height (m).
  @inlinable
  public init(latitude: Double, longitude: Double, altitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
    self.altitude = altitude
  }

  /// The Earth-fixed Cartesian position of this point (m).
  ///
  /// - Parameter ellipsoid: the reference ellipsoid (default WGS-84).
  /// - References: Vallado (2013) ch. 3 (site coordinates); NIMA TR8350.2 ch. 4.
  @inlinable
  public func cartesian(on ellipsoid: ReferenceEllipsoid = .wgs84) -> Vector3 {
    ellipsoid.cartesian(from: self)
  }

  /// The geodetic coordinates of an Earth-fixed Cartesian position (m).
  ///
  /// - Parameters:
  ///   - position: Earth-fixed position (m).
  ///   - ellipsoid: the reference ellipsoid (default WGS-84).
  @inlinable
  public init(cartesian position: Vector3, on ellipsoid: ReferenceEllipsoid = .wgs84) {
    self = ellipsoid.geodetic(from: position)
  }
}
