// Atmospheric drag on a co-rotating atmosphere:
//   a = −½ ρ (C_D A/m) |v_rel| v_rel,  v_rel = v − ω⊕ × r,
// Montenbruck & Gill, Satellite Orbits (2000), §3.5.1; Vallado,
// Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §8.6.2. ω⊕ is the Earth's
// angular velocity from the context (IAU-76/FK5 with LOD), in GCRF. Our own code.

/// Aerodynamic drag of a cannonball spacecraft in an atmosphere that rotates with the Earth.
///
/// Uses the spacecraft's `dragArea` and `dragCoefficient` from the context.
/// References: Montenbruck & Gill (2000) §3.5.1; Vallado (2013) §8.6.2.
public struct AtmosphericDrag<Model: Atmosphere>: ForceModel {
  /// The density model.
  public var atmosphere: Model

  /// Drag with the given atmosphere.
  ///
  /// - Parameter atmosphere: the density model.
  @inlinable
  public init(atmosphere: Model) { self.atmosphere = atmosphere }

  /// The atmosphere's requirements plus the Earth rotation (for v_rel).
  @inlinable
  public var requirements: ForceContextRequirements { atmosphere.requirements.union(.earthRotation) }

  /// −½ ρ (C_D A/m)|v_rel| v_rel (m/s²).
  ///
  /// - Parameters:
  ///   - density: ρ (kg/m³).
  ///   - relativeVelocity: velocity relative to the atmosphere (m/s).
  ///   - ballisticFactor: C_D A/m (m²/kg).
  /// - Returns: acceleration (m/s²).
  @inlinable
  public static func acceleration(density: Double, relativeVelocity v: Vector3, ballisticFactor: Double) -> Vector3 {
    (-0.5 * density * ballisticFactor * v.norm) * v
  }

  /// The drag acceleration in GCRF (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    let p = context.properties
    let factor = p.dragCoefficient * p.dragArea / mass
    if factor == 0 { return .zero }
    let rho = atmosphere.density(position: position, context: context)
    if rho == 0 { return .zero }
    let vRel = velocity - context.earthAngularVelocity.cross(position)
    return Self.acceleration(density: rho, relativeVelocity: vRel, ballisticFactor: factor)
  }
}
