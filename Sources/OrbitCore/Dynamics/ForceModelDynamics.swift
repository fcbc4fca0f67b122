// Adapters from a force set to the integrators' differential equations: first-order Cowell
// dynamics (r' = v, v' = Σa, m' = Σṁ) for any force set, and the second-order form for
// velocity-independent sets (Runge–Kutta–Nyström).
//
// References: Montenbruck & Gill, Satellite Orbits (2000), §4.1 (Cowell's method); nyx
// `Dynamics`; Orekit `NumericalPropagator` (force models summed into one derivative).

/// A force model whose acceleration does not depend on the velocity (gravity, third bodies,
/// radiation pressure), so it can drive a second-order (Nyström) integrator.
///
/// Conform only models whose `acceleration` ignores its `velocity` argument.
public protocol VelocityIndependentForceModel: ForceModel {}

extension PointMassGravity: VelocityIndependentForceModel {}
extension ZonalGravity: VelocityIndependentForceModel {}
extension SphericalHarmonicGravity: VelocityIndependentForceModel {}
extension ThirdBodyGravity: VelocityIndependentForceModel {}
extension SolarRadiationPressure: VelocityIndependentForceModel {}
extension ForceModelSum: VelocityIndependentForceModel
where First: VelocityIndependentForceModel, Second: VelocityIndependentForceModel {}
extension ForceModelSet: VelocityIndependentForceModel where repeat each Model: VelocityIndependentForceModel {}

/// Cowell's equations for a spacecraft under a force set: the `ODESystem` the integrators solve.
///
/// t is seconds since `referenceEpoch`; each derivative builds one `ForceContext` (Earth
/// rotation, Sun, Moon as the forces require) and sums the forces without existential dispatch
/// when `Forces` is a concrete composite. Does not allocate.
/// References: Montenbruck & Gill (2000) §4.1.
public struct ForceModelDynamics<Forces: ForceModel>: ODESystem {
  /// The integrated state: position (m), velocity (m/s), mass (kg) in GCRF.
  public typealias State = OrbitState

  /// The forces.
  public var forces: Forces
  /// The epoch that t = 0 refers to.
  public var referenceEpoch: Epoch
  /// The spacecraft's surface properties.
  public var properties: SpacecraftProperties
  /// Builds the per-derivative context.
  public var contextBuilder: ForceContextBuilder

  /// Dynamics of a spacecraft under `forces`.
  ///
  /// - Parameters:
  ///   - forces: the force set (a concrete model or composite).
  ///   - referenceEpoch: the epoch of t = 0 (the arc's start).
  ///   - properties: drag and radiation-pressure properties (default: none).
  ///   - earthOrientation: the Earth-orientation model (default: built-in EOP, frame bias,
  ///     evaluated directly, ~3 µs per derivative when a force needs the Earth rotation; pass
  ///     `EarthOrientationModel(tabulatedFrom:to:)` over the arc for ~0.2 µs).
  public init(
    forces: Forces, referenceEpoch: Epoch, properties: SpacecraftProperties = .none,
    earthOrientation: EarthOrientationModel = .init()
  ) {
    self.forces = forces
    self.referenceEpoch = referenceEpoch
    self.properties = properties
    self.contextBuilder = ForceContextBuilder(requirements: forces.requirements, earthOrientation: earthOrientation)
  }

  /// The force context at t (s since `referenceEpoch`).
  @inlinable
  public func context(at t: Double) -> ForceContext {
    contextBuilder.context(referenceEpoch: referenceEpoch, offset: t, properties: properties)
  }

  /// (v, Σa, Σṁ) at t.
  ///
  /// - Parameters:
  ///   - y: position (m), velocity (m/s), mass (kg) in GCRF.
  ///   - t: time since `referenceEpoch` (s).
  /// - Returns: (m/s, m/s², kg/s).
  @inlinable
  public func derivative(_ y: OrbitState, at t: Double) -> OrbitState {
    let c = context(at: t)
    let a = forces.acceleration(position: y.position, velocity: y.velocity, mass: y.mass, context: c)
    let mDot = forces.massRate(position: y.position, velocity: y.velocity, mass: y.mass, context: c)
    return OrbitState(position: y.velocity, velocity: a, mass: mDot)
  }
}

/// Cowell's equations in second-order form r'' = Σa(t, r) for velocity-independent forces: the
/// `SecondOrderSystem` of the Runge–Kutta–Nyström integrators.
///
/// References: Montenbruck & Gill (2000) §4.1; Dormand, El-Mikkawy & Prince (1987) (RKN).
public struct ForceModelSecondOrderDynamics<Forces: VelocityIndependentForceModel>: SecondOrderSystem {
  /// The integrated state: position (m), velocity (m/s), mass (kg) in GCRF.
  public typealias State = OrbitState

  /// The first-order dynamics this wraps.
  public var base: ForceModelDynamics<Forces>

  /// Second-order dynamics of a spacecraft under velocity-independent `forces`.
  ///
  /// - Parameters:
  ///   - forces: the force set.
  ///   - referenceEpoch: the epoch of t = 0.
  ///   - properties: radiation-pressure properties (default: none).
  ///   - earthOrientation: the Earth-orientation model (default: built-in EOP, frame bias).
  public init(
    forces: Forces, referenceEpoch: Epoch, properties: SpacecraftProperties = .none,
    earthOrientation: EarthOrientationModel = .init()
  ) {
    base = ForceModelDynamics(
      forces: forces, referenceEpoch: referenceEpoch, properties: properties, earthOrientation: earthOrientation)
  }

  /// Σa at `position` and t (m/s²); the velocity passed to the forces is zero (unused).
  ///
  /// - Parameters:
  ///   - position: GCRF position (m).
  ///   - mass: mass (kg).
  ///   - t: time since the reference epoch (s).
  /// - Returns: acceleration (m/s²).
  @inlinable
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    base.forces.acceleration(position: position, velocity: .zero, mass: mass, context: base.context(at: t))
  }
}
