import OrbitCore

/// The velocity-independent part of a force set chosen at run time (gravity field, Sun, Moon,
/// SRP), as one concrete value: optional members instead of existentials, so the derivative is
/// specialised and does not allocate.
public struct ConservativeForces: VelocityIndependentForceModel {
  /// Central term alone (used with `zonal`, or alone for `point-mass`).
  public var pointMass: PointMassGravity?
  /// J2 or J2…J6 (no central term).
  public var zonal: ZonalGravity?
  /// EGM96 harmonics including the central term.
  public var harmonics: SphericalHarmonicGravity?
  /// The Sun as a third body.
  public var sun: ThirdBodyGravity?
  /// The Moon as a third body.
  public var moon: ThirdBodyGravity?
  /// Solar radiation pressure.
  public var srp: SolarRadiationPressure?

  /// The set described by `spec` around `body`.
  public init(_ spec: ForceModelSpec, body: CentralBody) {
    switch spec.gravity {
    case .pointMass:
      pointMass = PointMassGravity(body)
    case .j2:
      pointMass = PointMassGravity(body)
      zonal = ZonalGravity(body, maxDegree: 2)
    case .zonal6:
      pointMass = PointMassGravity(body)
      zonal = ZonalGravity(body, maxDegree: 6)
    case .egm96(let d, let m):
      harmonics = SphericalHarmonicGravity.egm96(degree: d, order: m)
    }
    sun = spec.sun ? .sun : nil
    moon = spec.moon ? .moon : nil
    srp = spec.srp ? SolarRadiationPressure() : nil
  }

  /// The union of the members' requirements.
  public var requirements: ForceContextRequirements {
    var r: ForceContextRequirements = []
    if let zonal { r.formUnion(zonal.requirements) }
    if let harmonics { r.formUnion(harmonics.requirements) }
    if let sun { r.formUnion(sun.requirements) }
    if let moon { r.formUnion(moon.requirements) }
    if let srp { r.formUnion(srp.requirements) }
    return r
  }

  /// The sum of the members' accelerations (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    var a = Vector3.zero
    if let pointMass { a += pointMass.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let zonal { a += zonal.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let harmonics { a += harmonics.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let sun { a += sun.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let moon { a += moon.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let srp { a += srp.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    return a
  }
}

/// A conservative set plus drag in atmosphere `Model`.
public struct DraggedForces<Model: Atmosphere>: ForceModel {
  /// Gravity, third bodies, SRP.
  public var conservative: ConservativeForces
  /// Drag.
  public var drag: AtmosphericDrag<Model>

  /// The two parts.
  public init(conservative: ConservativeForces, drag: AtmosphericDrag<Model>) {
    self.conservative = conservative
    self.drag = drag
  }

  /// The union of both parts' requirements.
  public var requirements: ForceContextRequirements { conservative.requirements.union(drag.requirements) }

  /// Conservative plus drag acceleration (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    conservative.acceleration(position: position, velocity: velocity, mass: mass, context: context)
      + drag.acceleration(position: position, velocity: velocity, mass: mass, context: context)
  }
}
