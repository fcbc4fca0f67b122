// Gravity constants and operation modes of SGP4.
//
// References: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
// 2006-6753 (2006), rev. 3, section "Gravitational constants" and `getgravconst` (WGS-72 low
// precision, WGS-72, WGS-84), and section "Operation mode" ('a' AFSPC, 'i' improved).

extension SGP4 {
  /// The Earth model whose constants SGP4 uses. Element sets are fitted with WGS-72, so
  /// `.wgs72` is the default; the others exist for comparison with other programs.
  ///
  /// References: Vallado et al., AIAA 2006-6753, rev. 3, `getgravconst`.
  public enum Gravity: String, Hashable, Sendable, CaseIterable {
    /// WGS-72 with the low-precision `xke` of Spacetrack Report #3 (0.0743669161).
    case wgs72old
    /// WGS-72: μ = 398 600.8 km³/s², R = 6378.135 km, J2 = 0.001082616, J3 = −0.00000253881,
    /// J4 = −0.00000165597. The default, and what the element sets are fitted with.
    case wgs72
    /// WGS-84 (as in the reference code): μ = 398 600.5 km³/s², R = 6378.137 km,
    /// J2 = 0.00108262998905, J3 = −0.00000253215306, J4 = −0.00000161098761.
    case wgs84

    /// The constants of this model.
    @inlinable
    public var constants: Constants {
      switch self {
      case .wgs72old:
        return Constants(
          mu: 398_600.79964, radiusKm: 6378.135, xke: 0.0743669161,
          j2: 0.001082616, j3: -0.00000253881, j4: -0.00000165597)
      case .wgs72:
        let mu = 398_600.8, r = 6378.135
        return Constants(
          mu: mu, radiusKm: r, xke: 60.0 / (r * r * r / mu).squareRoot(),
          j2: 0.001082616, j3: -0.00000253881, j4: -0.00000165597)
      case .wgs84:
        let mu = 398_600.5, r = 6378.137
        return Constants(
          mu: mu, radiusKm: r, xke: 60.0 / (r * r * r / mu).squareRoot(),
          j2: 0.00108262998905, j3: -0.00000253215306, j4: -0.00000161098761)
      }
    }
  }

  /// The constants SGP4 needs from an Earth model, in its own units.
  @frozen
  public struct Constants: Hashable, Sendable {
    /// Gravitational parameter μ (km³/s²).
    public var mu: Double
    /// Equatorial radius (km); the SGP4 distance unit.
    public var radiusKm: Double
    /// √μ in Earth radii^1.5 per minute (1/min), the SGP4 `xke`.
    public var xke: Double
    /// Zonal harmonic J2 (dimensionless).
    public var j2: Double
    /// Zonal harmonic J3 (dimensionless).
    public var j3: Double
    /// Zonal harmonic J4 (dimensionless).
    public var j4: Double

    /// Constants from their parts (units as the properties).
    @inlinable
    public init(mu: Double, radiusKm: Double, xke: Double, j2: Double, j3: Double, j4: Double) {
      self.mu = mu
      self.radiusKm = radiusKm
      self.xke = xke
      self.j2 = j2
      self.j3 = j3
      self.j4 = j4
    }
  }

  /// How the reference code's two historical variants differ.
  ///
  /// References: Vallado et al., AIAA 2006-6753, rev. 3, "opsmode".
  public enum OperationMode: String, Hashable, Sendable, CaseIterable {
    /// 'i', "improved": Greenwich sidereal time at epoch from the IAU-82 GMST formula, and no
    /// node wrap in the Lyddane branch. The default; `tcppver.out` is made with it.
    case improved
    /// 'a', AFSPC: sidereal time from the 1970-based formula of the operational code, and the
    /// node kept in [0, 2π) in the Lyddane branch, as the Air Force code does.
    case afspc
  }
}
