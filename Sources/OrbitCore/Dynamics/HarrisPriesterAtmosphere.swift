// The modified Harris–Priester atmosphere with the diurnal bulge (Montenbruck & Gill, Satellite
// Orbits (2000), §3.5.2, Table 3.8 for mean solar activity):
//   ρ(h) = ρ_min(h) + (ρ_max(h) − ρ_min(h)) cos^n(ψ/2),
// where ρ_min, ρ_max are interpolated exponentially between the tabulated heights
// (ρ(h) = ρ(h_i) exp((h_i − h)/H_i), H_i = (h_i − h_{i+1})/ln(ρ(h_{i+1})/ρ(h_i))) and ψ is the
// angle between the satellite and the bulge apex, which lags the Sun by 30° in right
// ascension: e_b = (cos δ⊙ cos(α⊙ + 30°), cos δ⊙ sin(α⊙ + 30°), sin δ⊙), and
// cos^n(ψ/2) = ((1 + e_r·e_b)/2)^(n/2). n = 2 suits low and n = 6 polar inclinations; the default
// n = 3 is the value of the book's reference implementation. Altitude is the height above the
// WGS-84 ellipsoid (M&G use an ellipsoid too). The table numbers: Data/AtmosphereTables.swift,
// provenance in Tests/ReferenceData/atmosphere/PROVENANCE.md. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The modified Harris–Priester density model (mean solar activity) with its diurnal bulge.
///
/// Valid from 100 km to 1000 km: above 1000 km the density is 0 (as in M&G); below 100 km the
/// lowest interval's scale height is extrapolated (a stand-in for re-entry, not a model).
/// Sun positions come from the context (`SolarEphemeris`), in GCRF rather than true of date
/// (the difference, < 0.4° until 2030, is negligible against the model's 30° lag).
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.5.2 and Table 3.8.
public struct HarrisPriesterAtmosphere: Atmosphere {
  /// The cosine exponent n of the bulge (2 low inclination … 6 polar; default 3).
  public let exponent: Double
  /// The lag of the bulge apex behind the Sun in right ascension (rad; default 30°).
  public let lag: Double
  @usableFromInline let altitudes: [Double]  // m
  @usableFromInline let minimum: [Double]  // kg/m³
  @usableFromInline let maximum: [Double]  // kg/m³
  @usableFromInline let minimumScale: [Double]  // m, per interval
  @usableFromInline let maximumScale: [Double]  // m, per interval

  /// The mean-solar-activity table of M&G Table 3.8.
  ///
  /// - Parameters:
  ///   - exponent: n in cos^n(ψ/2) (default 3; 2 for low, 6 for polar inclinations).
  ///   - lag: bulge lag in right ascension (rad; default 30°).
  public init(exponent: Double = 3, lag: Double = 30 * Angle.degree) {
    self.exponent = exponent
    self.lag = lag
    let h = harrisPriesterAltitudesKM.map { $0 * 1e3 }
    altitudes = h
    minimum = harrisPriesterMinimumDensity
    maximum = harrisPriesterMaximumDensity
    func scales(_ rho: [Double]) -> [Double] {
      var out = [Double]()
      for i in 0..<(h.count - 1) {
        let ratio: Double = rho[i + 1] / rho[i]
        let dh: Double = h[i] - h[i + 1]
        out.append(dh / log(ratio))
      }
      return out
    }
    minimumScale = scales(harrisPriesterMinimumDensity)
    maximumScale = scales(harrisPriesterMaximumDensity)
  }

  /// Needs the Earth rotation (altitude) and the Sun (bulge).
  public var requirements: ForceContextRequirements { [.earthRotation, .sun] }

  /// The antapex and apex densities (kg/m³) at an ellipsoidal altitude.
  ///
  /// - Parameter altitude: height above the WGS-84 ellipsoid (m).
  /// - Returns: (ρ_min, ρ_max), exponentially interpolated; zero above 1000 km.
  /// - References: Montenbruck & Gill (2000) §3.5.2.
  public func densityBounds(altitude: Double) -> (minimum: Double, maximum: Double) {
    let last = altitudes.count - 1
    if altitude > altitudes[last] { return (0, 0) }
    var i = 0
    if altitude >= altitudes[0] {
      // Largest i with altitudes[i] ≤ altitude, and i < last.
      var lo = 0, hi = last
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if altitudes[mid] <= altitude { lo = mid } else { hi = mid }
      }
      i = lo
    }
    let dh = altitudes[i] - altitude
    return (minimum[i] * exp(dh / minimumScale[i]), maximum[i] * exp(dh / maximumScale[i]))
  }

  /// Density (kg/m³) at an ellipsoidal altitude and bulge factor.
  ///
  /// - Parameters:
  ///   - altitude: height above the WGS-84 ellipsoid (m).
  ///   - cosineToApex: cos ψ, the cosine of the angle to the bulge apex.
  /// - Returns: ρ_min + (ρ_max − ρ_min)((1 + cos ψ)/2)^(n/2) (kg/m³).
  public func density(altitude: Double, cosineToApex: Double) -> Double {
    let (lo, hi) = densityBounds(altitude: altitude)
    let half = max(0, 0.5 * (1 + cosineToApex))
    return lo + (hi - lo) * pow(half, 0.5 * exponent)
  }

  /// The unit vector to the bulge apex for a Sun direction (same axes as the Sun position).
  ///
  /// - Parameter sun: geocentric Sun position (m).
  /// - Returns: e_b with the apex 30° (the lag) east of the Sun in right ascension.
  public func bulgeApexDirection(sun: Vector3) -> Vector3 {
    let rho = (sun.x * sun.x + sun.y * sun.y).squareRoot()
    let r = sun.norm
    let cosDec = rho / r, sinDec = sun.z / r
    let alpha = atan2(sun.y, sun.x) + lag
    return Vector3(cosDec * cos(alpha), cosDec * sin(alpha), sinDec)
  }

  /// Density (kg/m³) at a GCRF position.
  public func density(position: Vector3, context: ForceContext) -> Double {
    let h = ellipsoidalAltitude(position: position, context: context)
    if h > altitudes[altitudes.count - 1] { return 0 }
    let apex = bulgeApexDirection(sun: context.sunPosition)
    let cosPsi = position.dot(apex) / position.norm
    return density(altitude: h, cosineToApex: cosPsi)
  }
}
