// Topocentric horizon coordinates of a target seen from a ground site: the East–North–Up (ENU)
// and South–East–Zenith (SEZ) axes, azimuth, elevation, range and range rate.
//
// The local vertical is the ellipsoid normal at the site (geodetic latitude φ). With passive
// rotations: ECEF → SEZ = R2(π/2 − φ) · R3(λ) (Vallado, Fundamentals of Astrodynamics and
// Applications, 4th ed. (2013), ch. 4, the SEZ frame and the RAZEL algorithm); ENU has rows
// ê = (−sin λ, cos λ, 0), n̂ = (−sin φ cos λ, −sin φ sin λ, cos φ), û = (cos φ cos λ, cos φ sin λ,
// sin φ). Azimuth is measured from north, clockwise (towards east), in [0, 2π); elevation from
// the local horizontal plane, positive up.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Azimuth, elevation, range and range rate of a target seen from a ground site.
@frozen
public struct TopocentricObservation: Sendable, Hashable {
  /// Azimuth (rad, in [0, 2π)): from north, clockwise (north 0, east π/2).
  public var azimuth: Double
  /// Elevation above the local horizontal plane (rad, in [−π/2, π/2]).
  public var elevation: Double
  /// Range from the site to the target (m).
  public var range: Double
  /// Range rate, d(range)/dt (m/s; positive when receding). Zero when no velocity was given.
  public var rangeRate: Double

  /// An observation from its components (rad, rad, m, m/s).
  @inlinable
  public init(azimuth: Double, elevation: Double, range: Double, rangeRate: Double) {
    self.azimuth = azimuth
    self.elevation = elevation
    self.range = range
    self.rangeRate = rangeRate
  }
}

/// Topocentric (horizon) frames at a ground site and observations from it.
public enum Topocentric {
  /// The rotation from Earth-fixed axes to East–North–Up axes at `site`: `r_enu = M · r_ecef`.
  ///
  /// Rows are ê, n̂, û; û is the ellipsoid normal (geodetic latitude).
  /// - References: NIMA TR8350.2; Vallado (2013) ch. 3.
  @inlinable
  public static func enuRotation(at site: GeodeticPoint) -> Matrix3 {
    let sp = sin(site.latitude), cp = cos(site.latitude)
    let sl = sin(site.longitude), cl = cos(site.longitude)
    return Matrix3(
      rows: Vector3(-sl, cl, 0), Vector3(-sp * cl, -sp * sl, cp), Vector3(cp * cl, cp * sl, sp))
  }

  /// The rotation from Earth-fixed axes to South–East–Zenith axes at `site`: `r_sez = M · r_ecef`.
  ///
  /// M = R2(π/2 − φ) · R3(λ) (passive rotations).
  /// - References: Vallado (2013) ch. 4 (SEZ topocentric frame).
  @inlinable
  public static func sezRotation(at site: GeodeticPoint) -> Matrix3 {
    Matrix3.rotationY(Double.pi / 2 - site.latitude) * Matrix3.rotationZ(site.longitude)
  }

  /// Azimuth, elevation, range and range rate of a target relative to a ground site.
  ///
  /// Both `position` and `velocity` are in the Earth-fixed frame of the ellipsoid (ITRF or PEF);
  /// the site is fixed in that frame.
  /// - Parameters:
  ///   - position: target position, Earth-fixed (m).
  ///   - velocity: target velocity, Earth-fixed (m/s); zero gives range rate 0.
  ///   - site: the observer's geodetic coordinates.
  ///   - ellipsoid: the reference ellipsoid of `site` (default WGS-84).
  /// - Returns: azimuth (rad, clockwise from north), elevation (rad), range (m), range rate (m/s).
  ///   At the zenith or nadir (no horizontal component) the azimuth is 0.
  /// - References: Vallado (2013) ch. 4 (the RAZEL algorithm).
  public static func observation(
    of position: Vector3, velocity: Vector3 = .zero, from site: GeodeticPoint,
    on ellipsoid: ReferenceEllipsoid = .wgs84
  ) -> TopocentricObservation {
    let rho = position - ellipsoid.cartesian(from: site)
    let enu = enuRotation(at: site) * rho
    let horizontal = (enu.x * enu.x + enu.y * enu.y).squareRoot()
    let range = rho.norm
    let azimuth = horizontal > 0 ? Angle.normalizedPositive(atan2(enu.x, enu.y)) : 0
    let elevation = atan2(enu.z, horizontal)
    let rangeRate = range > 0 ? rho.dot(velocity) / range : 0
    return TopocentricObservation(azimuth: azimuth, elevation: elevation, range: range, rangeRate: rangeRate)
  }
}
