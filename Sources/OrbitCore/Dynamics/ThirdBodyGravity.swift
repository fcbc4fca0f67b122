// Point-mass attraction of a third body (Sun, Moon) on an Earth satellite, in the geocentric
// frame: the direct term minus the acceleration of the Earth (the indirect term),
//   a = μ_b [ (s − r)/|s − r|³ − s/|s|³ ],
// Montenbruck & Gill, Satellite Orbits (2000), §3.3.1; Vallado, Fundamentals of
// Astrodynamics and Applications, 4th ed. (2013), §8.6.3. The difference is formed
// directly (no Battin F(q) trick); at LEO the two terms differ by ~1e-4 relative so the
// cancellation loses about 4 of 16 digits, far below the ephemeris error.
// Gravitational parameters: IERS Conventions (2010) Table 1.1 (GM_Sun = 1.32712442099e20 m³/s²,
// TDB-compatible) and DE430 (GM_Moon = GM_Earth/81.300 56907 with GM_Earth = 3.986004418e14:
// 4.9028e12 m³/s²).

/// The gravitational pull of the Sun or the Moon on an Earth satellite, including the
/// indirect term (the same body's pull on the Earth).
///
/// Positions come from the analytic ephemerides through the `ForceContext` (`SolarEphemeris`,
/// `LunarEphemeris`), so the accuracy is that of those series (≤ 0.01° Sun, ≤ 4′ Moon: relative
/// acceleration errors ~1e-4 and ~1e-3).
/// References: Montenbruck & Gill (2000) §3.3.1; Vallado (2013) §8.6.3.
@frozen
public struct ThirdBodyGravity: ForceModel {
  /// Which body.
  public enum Body: Sendable, Hashable {
    /// The Sun.
    case sun
    /// The Moon.
    case moon
  }

  /// The attracting body.
  public var body: Body
  /// Its gravitational parameter (m³/s²).
  public var gravitationalParameter: Double

  /// A third body with a given μ.
  ///
  /// - Parameters:
  ///   - body: the Sun or the Moon.
  ///   - gravitationalParameter: μ (m³/s²).
  @inlinable
  public init(_ body: Body, gravitationalParameter: Double) {
    self.body = body
    self.gravitationalParameter = gravitationalParameter
  }

  /// The Sun, μ = 1.32712442099e20 m³/s² (IERS Conventions (2010) Table 1.1).
  public static let sun = ThirdBodyGravity(.sun, gravitationalParameter: 1.327_124_420_99e20)
  /// The Moon, μ = 4.902800066e12 m³/s² (DE430: GM_Earth / 81.30056907).
  public static let moon = ThirdBodyGravity(.moon, gravitationalParameter: 4.902_800_066e12)

  /// The Sun or Moon position.
  @inlinable
  public var requirements: ForceContextRequirements { body == .sun ? .sun : .moon }

  /// μ_b [(s − r)/|s − r|³ − s/|s|³] (m/s²).
  ///
  /// - Parameters:
  ///   - satellite: geocentric satellite position r (m).
  ///   - bodyPosition: geocentric body position s (m), same axes.
  /// - Returns: the perturbing acceleration (m/s²), same axes.
  @inlinable
  public func acceleration(satellite r: Vector3, bodyPosition s: Vector3) -> Vector3 {
    let d = s - r
    let d2 = d.x * d.x + d.y * d.y + d.z * d.z
    let s2 = s.x * s.x + s.y * s.y + s.z * s.z
    let d3 = d2 * d2.squareRoot()
    let s3 = s2 * s2.squareRoot()
    return gravitationalParameter * ((1 / d3) * d - (1 / s3) * s)
  }

  /// The perturbing acceleration in GCRF (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    acceleration(satellite: position, bodyPosition: body == .sun ? context.sunPosition : context.moonPosition)
  }
}
