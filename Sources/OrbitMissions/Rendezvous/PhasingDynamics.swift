// The force model of the phasing flight: Earth's point mass and J2 (axis = GCRF z) plus drag in
// a banded exponential atmosphere rotating with the Earth. Cheap enough for a differential
// corrector that propagates the ship dozens of times per rendezvous.
//
// Approximation: the J2 axis is GCRF z, not the true pole (precession since J2000 is ≤ 0.15°
// until 2027); ship and station share the model, so this common-mode error barely changes
// their relative motion over a rendezvous. Density: Vallado (2013) Table 8-4 (static mean
// atmosphere, `ExponentialAtmosphere`), scaled by `densityScale`; altitude above a sphere of
// the WGS-84 equatorial radius corrected for flattening at the geocentric latitude.
// References: Vallado (2013) §8.6.2 (drag, exponential model), §8.7 (J2); Montenbruck & Gill
// (2000) §3.2, §3.5.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// Point mass + J2 + drag for a vehicle of given C_D·A (its mass is the integrated state's).
///
/// References: Vallado (2013) §8.6.2 and §8.7; Montenbruck & Gill (2000) §3.2, §3.5.
public struct PhasingDynamics: ODESystem {
  /// The integrated state: position (m), velocity (m/s), mass (kg).
  public typealias State = OrbitState
  /// Point mass and J2 (EGM96 μ, R and J2).
  public var gravity: J2Dynamics
  /// C_D·A of the vehicle (m²); 0 switches drag off.
  public var dragAreaCoefficient: Double
  /// Density scale factor (dimensionless; 1 = the mean model).
  public var densityScale: Double
  /// The atmosphere.
  public let atmosphere: ExponentialAtmosphere
  /// Earth rotation rate (rad/s) about GCRF z, for the air's velocity.
  public var earthRotationRate: Double

  /// Dynamics for a vehicle.
  ///
  /// - Parameters:
  ///   - dragAreaCoefficient: C_D·A (m²).
  ///   - densityScale: density factor (default 1).
  public init(dragAreaCoefficient: Double, densityScale: Double = 1) {
    gravity = J2Dynamics(body: .egm96)
    self.dragAreaCoefficient = dragAreaCoefficient
    self.densityScale = densityScale
    atmosphere = ExponentialAtmosphere()
    earthRotationRate = CentralBody.egm96.rotationRate
  }

  /// The derivative (m/s, m/s², kg/s = 0: burns add their own mass flow).
  @inlinable
  public func derivative(_ y: OrbitState, at t: Double) -> OrbitState {
    var a = gravity.acceleration(position: y.position, mass: y.mass, at: t)
    if dragAreaCoefficient > 0 {
      let r = y.position.norm
      let sinLat = y.position.z / r
      let altitude = r - CentralBody.egm96.equatorialRadius * (1 - CentralBody.egm96.flattening * sinLat * sinLat)
      let rho = densityScale * atmosphere.density(altitude: altitude)
      let air = Vector3(-earthRotationRate * y.position.y, earthRotationRate * y.position.x, 0)
      let vr = y.velocity - air
      a -= (0.5 * rho * dragAreaCoefficient / y.mass * vr.norm) * vr
    }
    return OrbitState(position: y.velocity, velocity: a, mass: 0)
  }
}
