// Solar radiation pressure on a cannonball spacecraft with a conical Earth shadow.
//
// Acceleration (Montenbruck & Gill, Satellite Orbits (2000), §3.4.1, for a sphere):
//   a = −ν P⊙ C_R (A/m) (AU/|s − r|)² ê,  ê = (s − r)/|s − r|  (pointing to the Sun),
// with P⊙ = 4.56e-6 N/m² at 1 AU (M&G §3.4.1) and AU = 149 597 870 700 m (IAU 2012 B2).
// Shadow function ν ∈ [0, 1] of a conical (umbra/penumbra) Earth shadow from the apparent
// radii and separation of the solar and terrestrial disks (M&G §3.4.2):
//   a = asin(R⊙/|s − r|),  b = asin(R⊕/|r|),  c = acos(−rᵀ(s − r)/(|r||s − r|)),
//   c ≥ a + b: ν = 1;  c < b − a: ν = 0 (umbra);  c < a − b: ν = 1 − b²/a² (annular);
//   otherwise x = (c² + a² − b²)/(2c), y = √(a² − x²),
//   A = a² acos(x/a) + b² acos((c − x)/b) − c y,  ν = 1 − A/(π a²).
// R⊙ = 696 000 km (M&G §3.4.2), R⊕ = 6 378 137 m (WGS-84 equatorial, spherical Earth). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fraction of the solar disk seen from a satellite, for a spherical Earth (conical
/// umbra and penumbra).
///
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.4.2.
public enum EarthShadow {
  /// Radius of the Sun's photosphere (m): 696 000 km (Montenbruck & Gill (2000) §3.4.2).
  public static let sunRadius = 696_000e3
  /// Radius of the occulting Earth (m): the WGS-84 equatorial radius.
  public static let earthRadius = 6_378_137.0

  /// The visible fraction ν of the solar disk: 1 sunlit, 0 umbra, in between in the penumbra
  /// (or an annular eclipse).
  ///
  /// - Parameters:
  ///   - satellite: geocentric satellite position r (m).
  ///   - sun: geocentric Sun position s (m), same axes.
  ///   - occultingRadius: the Earth's radius (m; default WGS-84 a).
  /// - Returns: ν (dimensionless, in [0, 1]).
  /// - References: Montenbruck & Gill (2000) §3.4.2.
  @inlinable
  public static func visibleFraction(satellite r: Vector3, sun s: Vector3, occultingRadius: Double = earthRadius)
    -> Double
  {
    let d = s - r
    let dNorm = d.norm
    let rNorm = r.norm
    let a = asin(min(1, sunRadius / dNorm))
    let b = asin(min(1, occultingRadius / rNorm))
    let cosC = -(r.x * d.x + r.y * d.y + r.z * d.z) / (rNorm * dNorm)
    let c = acos(max(-1, min(1, cosC)))
    if c >= a + b { return 1 }
    if c < b - a { return 0 }
    if c < a - b { return 1 - (b * b) / (a * a) }
    let x = (c * c + a * a - b * b) / (2 * c)
    let y = max(0, a * a - x * x).squareRoot()
    let area = a * a * acos(max(-1, min(1, x / a))) + b * b * acos(max(-1, min(1, (c - x) / b))) - c * y
    return max(0, min(1, 1 - area / (Double.pi * a * a)))
  }
}

/// Solar radiation pressure on a cannonball (sphere-like) spacecraft, with the Earth's conical
/// shadow.
///
/// Uses the context's Sun position (`SolarEphemeris`) and the spacecraft's `srpArea` and
/// `reflectivityCoefficient`. Zero in the umbra.
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.4.1, §3.4.2.
@frozen
public struct SolarRadiationPressure: ForceModel {
  /// Solar radiation pressure at 1 AU P⊙ (N/m²); default 4.56e-6 (M&G §3.4.1).
  public var pressureAtOneAU: Double
  /// The astronomical unit (m): 149 597 870 700 (IAU 2012 Resolution B2).
  public static let astronomicalUnit = 149_597_870_700.0
  /// Whether the Earth's shadow is applied (default true).
  public var usesShadow: Bool

  /// Cannonball radiation pressure.
  ///
  /// - Parameters:
  ///   - pressureAtOneAU: P⊙ at 1 AU (N/m²; default 4.56e-6).
  ///   - usesShadow: apply the conical Earth shadow (default true).
  @inlinable
  public init(pressureAtOneAU: Double = 4.56e-6, usesShadow: Bool = true) {
    self.pressureAtOneAU = pressureAtOneAU
    self.usesShadow = usesShadow
  }

  /// The Sun position.
  @inlinable
  public var requirements: ForceContextRequirements { .sun }

  /// −ν P⊙ C_R (A/m)(AU/d)² ê (m/s²).
  ///
  /// - Parameters:
  ///   - satellite: geocentric position r (m).
  ///   - sun: geocentric Sun position s (m).
  ///   - areaToMass: C_R·A/m (m²/kg).
  /// - Returns: acceleration (m/s²), same axes.
  @inlinable
  public func acceleration(satellite r: Vector3, sun s: Vector3, reflectivityAreaToMass: Double) -> Vector3 {
    let nu = usesShadow ? EarthShadow.visibleFraction(satellite: r, sun: s) : 1
    if nu == 0 { return .zero }
    let d = s - r
    let d2 = d.x * d.x + d.y * d.y + d.z * d.z
    let dNorm = d2.squareRoot()
    let au = Self.astronomicalUnit
    let magnitude = nu * pressureAtOneAU * reflectivityAreaToMass * (au * au / d2)
    return (-magnitude / dNorm) * d
  }

  /// The radiation-pressure acceleration in GCRF (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    let p = context.properties
    return acceleration(
      satellite: position, sun: context.sunPosition,
      reflectivityAreaToMass: p.reflectivityCoefficient * p.srpArea / mass)
  }
}
