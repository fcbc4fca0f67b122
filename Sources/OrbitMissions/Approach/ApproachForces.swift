// The force model of the close approach, the same for the ship and the station: point-mass
// gravity + J2 (WGS-84 values) + drag in Vallado's banded exponential atmosphere, with an
// optional density scale (Monte Carlo). Over the ~35 min of the approach the relative motion
// is what matters: J2 acts almost identically on both vehicles a few km apart, and the
// differential drag (ballistic factors 3.7e-3 vs 1.2e-2 m²/kg) is below 1e-6 m/s².
//
// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.2 (J2), §3.5 (drag); Vallado
// (2013) §8.6.2, Table 8-4 (exponential atmosphere).

import OrbitCore

/// An atmosphere whose density is another one's times a constant factor.
///
/// References: used for the density dispersion of `RendezvousPerturbations.densityScale`.
public struct ScaledExponentialAtmosphere: Atmosphere {
  /// The base model.
  public var base: ExponentialAtmosphere
  /// The density factor (dimensionless, ≥ 0).
  public var scale: Double

  /// Vallado's exponential atmosphere scaled by `scale`.
  ///
  /// - Parameter scale: density factor (dimensionless).
  public init(scale: Double = 1) {
    base = ExponentialAtmosphere()
    self.scale = scale
  }

  /// ρ_base × scale (kg/m³).
  public func density(position: Vector3, context: ForceContext) -> Double {
    scale * base.density(position: position, context: context)
  }
}

/// The forces of the approach: μ/r², J2, drag.
public typealias ApproachForceModel = ForceModelSum<
  ForceModelSum<PointMassGravity, ZonalGravity>, AtmosphericDrag<ScaledExponentialAtmosphere>
>

/// Builds the approach force model and dynamics.
public enum ApproachForces {
  /// The force model: point mass + J2 of WGS-84, drag with a density factor.
  ///
  /// - Parameter densityScale: density factor (dimensionless; 1 nominal).
  /// - Returns: the force model.
  public static func model(densityScale: Double = 1) -> ApproachForceModel {
    PointMassGravity(.wgs84).adding(ZonalGravity(.wgs84, maxDegree: 2))
      .adding(AtmosphericDrag(atmosphere: ScaledExponentialAtmosphere(scale: densityScale)))
  }

  /// Cowell dynamics of a vehicle under the approach forces.
  ///
  /// - Parameters:
  ///   - referenceEpoch: t = 0 of the dynamics.
  ///   - dragArea: drag area (m²).
  ///   - dragCoefficient: C_D (dimensionless).
  ///   - densityScale: density factor.
  ///   - earthOrientation: the Earth-orientation model (tabulate it over the arc for speed).
  /// - Returns: the dynamics.
  public static func dynamics(
    referenceEpoch: Epoch, dragArea: Double, dragCoefficient: Double, densityScale: Double,
    earthOrientation: EarthOrientationModel
  ) -> ForceModelDynamics<ApproachForceModel> {
    ForceModelDynamics(
      forces: model(densityScale: densityScale), referenceEpoch: referenceEpoch,
      properties: SpacecraftProperties(dragArea: dragArea, dragCoefficient: dragCoefficient),
      earthOrientation: earthOrientation)
  }
}
