// Zonal harmonics J2…J6 of the central body in closed form (axially symmetric, so evaluated in
// Earth-fixed axes with only the pole direction: the ITRF z axis).
//
// Potential of one zonal term: U_n = −(μ/r) J_n (R/r)^n P_n(u), u = z/r (Vallado, Fundamentals of
// Astrodynamics and Applications, 4th ed. (2013), §8.7, with m = 0; Montenbruck &
// Gill, Satellite Orbits (2000), §3.2). Its gradient, with ∇u = (ẑ − u r̂)/r, is
//   a_n = (μ J_n / r²)(R/r)^n [ ((n+1) P_n(u) + u P_n'(u)) r̂ − P_n'(u) ẑ ],
// our own derivation; for n = 2, 3, 4 it reproduces Vallado's closed forms (§8.7). P_n and P_n'
// are written out as polynomials (Abramowitz & Stegun, Handbook of Mathematical Functions
// (1964), Table 22.9). The test suite
// checks this model against the spherical-harmonic model restricted to m = 0.

/// The zonal harmonics J2…J6 of a central body, closed form (no central term).
///
/// The pole is the ITRF z axis: the GCRF position is rotated with the context's GCRF → ITRF
/// rotation and the acceleration rotated back. `zonalAcceleration(itrfPosition:)` gives the
/// Earth-fixed result directly.
///
/// References: Vallado (2013) §8.7; Montenbruck & Gill (2000) §3.2.
@frozen
public struct ZonalGravity: ForceModel {
  /// Gravitational parameter μ (m³/s²).
  public var gravitationalParameter: Double
  /// Reference radius R of the harmonics (m).
  public var referenceRadius: Double
  /// Unnormalized J2 (dimensionless).
  public var j2: Double
  /// Unnormalized J3 (dimensionless).
  public var j3: Double
  /// Unnormalized J4 (dimensionless).
  public var j4: Double
  /// Unnormalized J5 (dimensionless).
  public var j5: Double
  /// Unnormalized J6 (dimensionless).
  public var j6: Double

  /// The zonal terms of `body` up to `maxDegree` (2…6; higher terms are set to zero).
  ///
  /// - Parameters:
  ///   - body: the central body (μ, R, J2…J6).
  ///   - maxDegree: the highest zonal degree kept (default 6).
  @inlinable
  public init(_ body: CentralBody, maxDegree: Int = 6) {
    precondition((2...6).contains(maxDegree), "zonal degree must be 2…6")
    gravitationalParameter = body.gravitationalParameter
    referenceRadius = body.equatorialRadius
    j2 = body.j2
    j3 = maxDegree >= 3 ? body.j3 : 0
    j4 = maxDegree >= 4 ? body.j4 : 0
    j5 = maxDegree >= 5 ? body.j5 : 0
    j6 = maxDegree >= 6 ? body.j6 : 0
  }

  /// Needs the GCRF → ITRF rotation (the pole direction).
  @inlinable
  public var requirements: ForceContextRequirements { .earthRotation }

  /// The zonal acceleration in Earth-fixed axes (m/s²).
  ///
  /// - Parameter p: Earth-fixed position (m).
  /// - Returns: Σ_{n=2…6} a_n (m/s²), Earth-fixed; non-finite at r = 0.
  /// - References: see the file header.
  @inlinable
  public func zonalAcceleration(itrfPosition p: Vector3) -> Vector3 {
    let r2 = p.x * p.x + p.y * p.y + p.z * p.z
    let r = r2.squareRoot()
    let rInv = 1 / r
    let u = p.z * rInv
    let u2 = u * u
    let q = referenceRadius * rInv
    // Legendre polynomials P_n(u) and derivatives P_n'(u), n = 2…6 (A&S Table 22.9).
    let p2 = 0.5 * (3 * u2 - 1)
    let d2 = 3 * u
    let p3 = 0.5 * u * (5 * u2 - 3)
    let d3 = 1.5 * (5 * u2 - 1)
    let p4 = 0.125 * ((35 * u2 - 30) * u2 + 3)
    let d4 = 2.5 * u * (7 * u2 - 3)
    let p5 = 0.125 * u * ((63 * u2 - 70) * u2 + 15)
    let d5 = 1.875 * ((21 * u2 - 14) * u2 + 1)
    let p6 = 0.0625 * (((231 * u2 - 315) * u2 + 105) * u2 - 5)
    let d6 = 2.625 * u * ((33 * u2 - 30) * u2 + 5)
    // Σ J_n q^n [(n+1) P_n + u P_n'] and Σ J_n q^n P_n'.
    let q2 = q * q
    let w2 = j2 * q2, w3 = j3 * q2 * q, w4 = j4 * q2 * q2, w5 = j5 * q2 * q2 * q, w6 = j6 * q2 * q2 * q2
    let radial = w2 * (3 * p2 + u * d2) + w3 * (4 * p3 + u * d3) + w4 * (5 * p4 + u * d4)
      + w5 * (6 * p5 + u * d5) + w6 * (7 * p6 + u * d6)
    let polar = w2 * d2 + w3 * d3 + w4 * d4 + w5 * d5 + w6 * d6
    let k = gravitationalParameter / r2
    // a = k [radial r̂ − polar ẑ]
    let s = k * radial * rInv
    return Vector3(s * p.x, s * p.y, s * p.z - k * polar)
  }

  /// The zonal acceleration in GCRF (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    let rotation = context.gcrfToITRF
    return rotation.transposeMultiply(zonalAcceleration(itrfPosition: rotation * position))
  }
}
