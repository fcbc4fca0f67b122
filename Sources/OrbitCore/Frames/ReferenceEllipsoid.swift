// Geodetic coordinates on a reference ellipsoid (WGS-84 by default) ⇄ Earth-fixed Cartesian.
//
// Forward: the closed form x = (N + h) cos φ cos λ, y = (N + h) cos φ sin λ,
// z = (N (1 − e²) + h) sin φ with N = a / √(1 − e² sin² φ) (Vallado, Fundamentals of
// Astrodynamics and Applications, 4th ed. (2013), ch. 3 (site coordinates); NIMA TR8350.2 ch. 4).
//
// Inverse: our own formulation of the nearest-point problem in the meridian plane. The foot
// point (x_e, z_e) of the normal through (p, z) satisfies, with s a Lagrange parameter,
//   x_e = a² p / (s + a² − b²),   z_e = b² z / s,   (a p / (s + a² − b²))² + (b z / s)² = 1,
// the last of which is convex and strictly decreasing in s > 0 (z ≠ 0), so Newton's method from
// a start where it is ≥ 0 converges monotonically (the distance-to-ellipse root of D. Eberly,
// "Distance from a Point to an Ellipse, an Ellipsoid, or a Hyperellipsoid", Geometric Tools
// (2013), parametrised here so that s stays well scaled near the centre). Then
// φ = atan2(a² z_e, b² x_e) and h = (p − x_e) cos φ + (z − z_e) sin φ. The solution is exact to
// rounding everywhere (poles, equator, inside the evolute near the centre), unlike one-pass
// Bowring formulas. WGS-84 constants: NIMA TR8350.2, 3rd ed. (2000), Table 3.1.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An oblate ellipsoid of revolution: equatorial radius a and flattening f.
///
/// References: NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed. (2000).
@frozen
public struct ReferenceEllipsoid: Sendable, Hashable {
  /// Equatorial radius a (m).
  public let equatorialRadius: Double
  /// Flattening f = (a − b)/a (dimensionless).
  public let flattening: Double

  /// An ellipsoid from a and f.
  ///
  /// - Parameters:
  ///   - equatorialRadius: a (m), positive.
  ///   - flattening: f, in [0, 1).
  @inlinable
  public init(equatorialRadius: Double, flattening: Double) {
    precondition(equatorialRadius > 0 && flattening >= 0 && flattening < 1, "invalid ellipsoid")
    self.equatorialRadius = equatorialRadius
    self.flattening = flattening
  }

  /// WGS-84: a = 6378137 m, 1/f = 298.257223563.
  ///
  /// References: NIMA TR8350.2 (2000), Table 3.1.
  public static let wgs84 = ReferenceEllipsoid(equatorialRadius: 6_378_137.0, flattening: 1.0 / 298.257223563)

  /// Polar radius b = a (1 − f) (m).
  @inlinable
  public var polarRadius: Double { equatorialRadius * (1 - flattening) }

  /// First eccentricity squared e² = f (2 − f).
  @inlinable
  public var eccentricitySquared: Double { flattening * (2 - flattening) }

  /// The Earth-fixed Cartesian position of a geodetic point (m).
  ///
  /// - References: Vallado (2013) ch. 3 (site coordinates); NIMA TR8350.2 ch. 4.
  @inlinable
  public func cartesian(from point: GeodeticPoint) -> Vector3 {
    let e2 = eccentricitySquared
    let sinPhi = sin(point.latitude), cosPhi = cos(point.latitude)
    let n = equatorialRadius / (1 - e2 * sinPhi * sinPhi).squareRoot()
    let rxy = (n + point.altitude) * cosPhi
    return Vector3(
      rxy * cos(point.longitude), rxy * sin(point.longitude),
      (n * (1 - e2) + point.altitude) * sinPhi)
  }

  /// The geodetic coordinates of an Earth-fixed position (m).
  ///
  /// Returns the foot point nearest to `position` on the ellipsoid: at the centre, φ = +π/2 and
  /// h = −b; on the polar axis, λ = 0.
  /// - Accuracy: rounding only (Newton iteration to convergence, typically 3–6 steps): round
  ///   trips through `cartesian(from:)` agree to < 1e-7 m from the centre out to 1e8 m in the
  ///   tests, including the poles, the equator and inside the evolute near the centre.
  /// - References: see the file header (nearest point on the meridian ellipse).
  public func geodetic(from position: Vector3) -> GeodeticPoint {
    let a = equatorialRadius
    let b = polarRadius
    let c2 = (a - b) * (a + b)  // a² − b², formed without cancellation
    let p = (position.x * position.x + position.y * position.y).squareRoot()
    let zAbs = abs(position.z)
    let longitude = p > 0 ? atan2(position.y, position.x) : 0

    var xe: Double  // foot point in the meridian quadrant
    var ze: Double
    if zAbs == 0 {
      // Equatorial plane: the foot point is (a, 0) unless p lies inside the evolute.
      if a * p >= c2 || c2 == 0 {
        xe = a
        ze = 0
      } else {
        xe = a * a * p / c2
        let u = xe / a
        ze = b * max(0, (1 - u) * (1 + u)).squareRoot()
      }
    } else {
      let ap = a * p
      let bz = b * zAbs
      // Start where F(s) ≥ 0: at s = max(ap − c², bz) one term alone is ≥ 1.
      var s = max(ap - c2, bz)
      for _ in 0..<100 {
        let q = s + c2
        let g1 = ap / q
        let g2 = bz / s
        let f = g1 * g1 + g2 * g2 - 1
        let df = -2 * (g1 * g1 / q + g2 * g2 / s)
        let step = -f / df
        let next = s + step
        if !(next > s) || step <= 4 * s.ulp {
          if next > s { s = next }
          break
        }
        s = next
      }
      xe = a * a * p / (s + c2)
      ze = b * b * zAbs / s
    }
    let latitudeAbs = atan2(a * a * ze, b * b * xe)
    let altitude = (p - xe) * cos(latitudeAbs) + (zAbs - ze) * sin(latitudeAbs)
    let latitude = position.z < 0 ? -latitudeAbs : latitudeAbs
    return GeodeticPoint(latitude: latitude, longitude: longitude, altitude: altitude)
  }
}
