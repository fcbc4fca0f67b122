// Central-body constants: gravitational parameter, shape, rotation and zonal harmonics.
//
// Provenance of the presets:
// - WGS-84: NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed. (2000),
//   table 3.1 (a, 1/f, ω, GM) and table 3.3 (normalized C̄20 = −0.484166774985e-3).
// - WGS-72: the SGP4 gravity constants of Vallado, Crawford, Hujsak & Kelso, "Revisiting
//   Spacetrack Report #3", AIAA 2006-6753 (2006), `getgravconst(wgs72)`; flattening
//   1/298.26 and ω = 7.292115147e-5 rad/s are the WGS-72 defining values (DMA TR 8350.2, 1974).
// - EGM96: Lemoine et al., NASA/TP-1998-206861 (1998), as distributed in GMAT's `EGM96.cof`
//   (GM and R from the POTFIELD line; C̄n0 from the RECOEF lines n = 2…6, tide-free). The
//   coefficients were copied once from that file; nothing reads it at run time.
//
// Unnormalized zonals follow from the fully normalized coefficients by
// Jn = −C̄n0·√(2n+1) (the full-normalization factor for order m = 0, as defined in the EGM96
// report, Lemoine et al. 1998).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Constants of a central body: gravitational parameter, reference ellipsoid, rotation rate and
/// unnormalized zonal harmonics J2…J6.
///
/// All values are SI (m, s, rad). Zonal harmonics that a model does not define are zero.
///
/// References: NIMA TR8350.2 (WGS-84); Vallado et al., AIAA 2006-6753 (WGS-72 for SGP4);
/// Lemoine et al., NASA/TP-1998-206861 (EGM96).
@frozen
public struct CentralBody: Hashable, Sendable, CustomStringConvertible {
  /// A short name for the model, e.g. `"WGS-84"`.
  public var name: String
  /// Gravitational parameter μ = GM (m³/s²).
  public var gravitationalParameter: Double
  /// Equatorial radius of the reference ellipsoid, also the harmonics' reference radius (m).
  public var equatorialRadius: Double
  /// Flattening f = (a − b)/a of the reference ellipsoid (dimensionless).
  public var flattening: Double
  /// Rotation rate about the body's pole (rad/s).
  public var rotationRate: Double
  /// Unnormalized zonal harmonic J2 (dimensionless).
  public var j2: Double
  /// Unnormalized zonal harmonic J3 (dimensionless).
  public var j3: Double
  /// Unnormalized zonal harmonic J4 (dimensionless).
  public var j4: Double
  /// Unnormalized zonal harmonic J5 (dimensionless).
  public var j5: Double
  /// Unnormalized zonal harmonic J6 (dimensionless).
  public var j6: Double

  /// A body from its constants.
  ///
  /// - Parameters:
  ///   - name: a short model name.
  ///   - gravitationalParameter: μ (m³/s²).
  ///   - equatorialRadius: reference radius (m).
  ///   - flattening: ellipsoid flattening (dimensionless; 0 for a sphere).
  ///   - rotationRate: rotation rate (rad/s).
  ///   - j2: J2 … `j6`: J6, unnormalized zonal harmonics (dimensionless; default 0).
  public init(
    name: String, gravitationalParameter: Double, equatorialRadius: Double,
    flattening: Double = 0, rotationRate: Double = 0,
    j2: Double = 0, j3: Double = 0, j4: Double = 0, j5: Double = 0, j6: Double = 0
  ) {
    self.name = name
    self.gravitationalParameter = gravitationalParameter
    self.equatorialRadius = equatorialRadius
    self.flattening = flattening
    self.rotationRate = rotationRate
    self.j2 = j2
    self.j3 = j3
    self.j4 = j4
    self.j5 = j5
    self.j6 = j6
  }

  /// The unnormalized zonal harmonic Jn for n = 2…6, and 0 for any other degree.
  ///
  /// - Parameter degree: n.
  /// - Returns: Jn (dimensionless).
  @inlinable
  public func zonal(degree: Int) -> Double {
    switch degree {
    case 2: return j2
    case 3: return j3
    case 4: return j4
    case 5: return j5
    case 6: return j6
    default: return 0
    }
  }

  /// Jn = −C̄n0·√(2n+1): the unnormalized zonal from a fully normalized one.
  ///
  /// - Parameters:
  ///   - normalized: C̄n0 (dimensionless).
  ///   - degree: n.
  /// - Returns: Jn (dimensionless).
  /// - References: Lemoine et al., NASA/TP-1998-206861 (1998), definition of the fully
  ///   normalized coefficients (factor √(2n+1) for m = 0).
  @inlinable
  public static func unnormalizedZonal(fromNormalized normalized: Double, degree: Int) -> Double {
    -normalized * Double(2 * degree + 1).squareRoot()
  }

  public var description: String { name }

  /// WGS-84: μ = 3.986004418e14 m³/s², a = 6 378 137 m, 1/f = 298.257223563,
  /// ω = 7.292115e-5 rad/s, J2 = −√5·C̄20 with C̄20 = −0.484166774985e-3. J3…J6 are zero: WGS-84
  /// defines only C̄20 (use `.egm96` for higher zonals).
  ///
  /// References: NIMA TR8350.2, 3rd ed. (2000), tables 3.1 and 3.3.
  public static let wgs84 = CentralBody(
    name: "WGS-84", gravitationalParameter: 3.986004418e14, equatorialRadius: 6_378_137.0,
    flattening: 1.0 / 298.257223563, rotationRate: 7.292115e-5,
    j2: unnormalizedZonal(fromNormalized: -0.484166774985e-3, degree: 2))

  /// WGS-72 as used by SGP4: μ = 398 600.8 km³/s², a = 6378.135 km, J2 = 0.001082616,
  /// J3 = −0.00000253881, J4 = −0.00000165597; 1/f = 298.26 and ω = 7.292115147e-5 rad/s.
  /// SGP4 must use these constants, not WGS-84.
  ///
  /// References: Vallado et al., AIAA 2006-6753, `getgravconst(wgs72)`; DMA TR 8350.2 (1974).
  public static let wgs72 = CentralBody(
    name: "WGS-72", gravitationalParameter: 398_600.8e9, equatorialRadius: 6_378_135.0,
    flattening: 1.0 / 298.26, rotationRate: 7.292115147e-5,
    j2: 0.001082616, j3: -0.00000253881, j4: -0.00000165597)

  /// EGM96: GM = 3.986004415e14 m³/s², R = 6 378 136.3 m, J2…J6 from the tide-free normalized
  /// zonals C̄20 = −4.84165371736e-4, C̄30 = 9.57254173792e-7, C̄40 = 5.39873863789e-7,
  /// C̄50 = 6.85323475630e-8, C̄60 = −1.49957994714e-7 via Jn = −√(2n+1)·C̄n0
  /// (J2 ≈ 1.08262668e-3). EGM96 defines no ellipsoid or rotation rate; flattening and ω are
  /// the WGS-84 values.
  ///
  /// References: Lemoine et al., NASA/TP-1998-206861 (1998); GMAT `EGM96.cof` (POTFIELD and
  /// RECOEF n = 2…6, m = 0).
  public static let egm96 = CentralBody(
    name: "EGM96", gravitationalParameter: 3.986004415e14, equatorialRadius: 6_378_136.3,
    flattening: 1.0 / 298.257223563, rotationRate: 7.292115e-5,
    j2: unnormalizedZonal(fromNormalized: -4.84165371736e-4, degree: 2),
    j3: unnormalizedZonal(fromNormalized: 9.57254173792e-7, degree: 3),
    j4: unnormalizedZonal(fromNormalized: 5.39873863789e-7, degree: 4),
    j5: unnormalizedZonal(fromNormalized: 6.85323475630e-8, degree: 5),
    j6: unnormalizedZonal(fromNormalized: -1.49957994714e-7, degree: 6))
}
