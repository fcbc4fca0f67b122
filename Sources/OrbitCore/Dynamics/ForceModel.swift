// The force-model protocol: an acceleration in GCRF for a spacecraft at an instant.
//
// Design after Orekit's `ForceModel` and nyx's `AccelModel`: each model is a value type; sets of
// models are summed by generic composites (`ForceModelSum`, `ForceModelSet`) that specialise
// statically, so no existential dispatch happens per derivative unless a caller chooses
// `DynamicForceModelSet` at the coarse level. What is expensive and shared by several models
// (the GCRF → ITRF rotation, the Sun and Moon positions) is computed once per derivative into a
// `ForceContext`, as each model's `requirements` ask for.

/// What a force model needs in its `ForceContext`, so that the context is built once per
/// derivative with only the expensive parts some model uses.
@frozen
public struct ForceContextRequirements: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  /// A requirement set from its raw bits.
  @inlinable
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The GCRF → ITRF rotation and the Earth's angular velocity (IAU-76/FK5 with EOP).
  public static let earthRotation = ForceContextRequirements(rawValue: 1)
  /// The geocentric position of the Sun (analytic ephemeris).
  public static let sun = ForceContextRequirements(rawValue: 2)
  /// The geocentric position of the Moon (analytic ephemeris).
  public static let moon = ForceContextRequirements(rawValue: 4)
}

/// A force acting on a spacecraft, expressed as an acceleration in GCRF.
///
/// Conforming types are `Sendable` value types with trivial or immutable stored properties.
/// `acceleration` is a hot kernel: it must not allocate, throw or block, and it reads shared
/// per-instant quantities (Earth rotation, Sun, Moon) from the `context` instead of computing
/// them itself; `requirements` tells the context builder which of them to compute.
///
/// Non-finite inputs give non-finite outputs (no traps); the propagator reports them as errors.
///
/// References: Orekit `ForceModel`; nyx `AccelModel`/`ForceModel`; Montenbruck & Gill,
/// *Satellite Orbits* (2000), ch. 3.
public protocol ForceModel: Sendable {
  /// The parts of the `ForceContext` this model reads (default: none).
  var requirements: ForceContextRequirements { get }

  /// The acceleration in GCRF (m/s²).
  ///
  /// - Parameters:
  ///   - position: spacecraft position in GCRF (m).
  ///   - velocity: spacecraft velocity in GCRF (m/s).
  ///   - mass: spacecraft mass (kg).
  ///   - context: the instant and the shared per-instant quantities.
  /// - Returns: acceleration in GCRF (m/s²).
  func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3

  /// The rate of change of the spacecraft mass (kg/s; default 0, negative for thrust).
  ///
  /// - Parameters:
  ///   - position: spacecraft position in GCRF (m).
  ///   - velocity: spacecraft velocity in GCRF (m/s).
  ///   - mass: spacecraft mass (kg).
  ///   - context: the instant and the shared per-instant quantities.
  /// - Returns: dm/dt (kg/s).
  func massRate(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Double
}

extension ForceModel {
  /// No shared quantities.
  @inlinable
  public var requirements: ForceContextRequirements { [] }

  /// Zero: the model does not change the mass.
  @inlinable
  public func massRate(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Double {
    0
  }

  /// This model followed by `other`, summed: a statically specialised pair.
  ///
  /// - Parameter other: the model to add.
  /// - Returns: `ForceModelSum(self, other)`.
  @inlinable
  public func adding<Other: ForceModel>(_ other: Other) -> ForceModelSum<Self, Other> {
    ForceModelSum(self, other)
  }
}
