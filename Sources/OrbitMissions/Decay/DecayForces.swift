// The force set of a long decay run: EGM96 harmonics, optionally the Sun and Moon as third
// bodies, and drag in NRLMSISE-00 with the real space weather, as one concrete value (no
// existential call per derivative).
//
// References: Montenbruck & Gill, Satellite Orbits (2000), §3.2 (harmonics), §3.3 (third
// bodies), §3.5 (drag); Picone et al., J. Geophys. Res. 107(A12) (2002) 1468 (NRLMSISE-00).

import OrbitCore

/// Gravity (EGM96 N×M), Sun and Moon, and drag in NRLMSISE-00.
///
/// References: Montenbruck & Gill (2000) §3.2, §3.3, §3.5; Lemoine et al., NASA/TP-1998-206861
/// (EGM96); Picone et al. (2002) (NRLMSISE-00).
public struct DecayForces: ForceModel {
  /// EGM96 harmonics including the central term.
  public var gravity: SphericalHarmonicGravity
  /// The Sun as a third body (nil: off).
  public var sun: ThirdBodyGravity?
  /// The Moon as a third body (nil: off).
  public var moon: ThirdBodyGravity?
  /// Drag in NRLMSISE-00 (co-rotating atmosphere).
  public var drag: AtmosphericDrag<NRLMSISE00>

  /// The set.
  /// - Parameters:
  ///   - degree: EGM96 degree N (≥ 2).
  ///   - order: EGM96 order M (≤ N).
  ///   - sunAndMoon: whether to add the Sun and Moon.
  ///   - atmosphere: the NRLMSISE-00 model with its space weather.
  public init(degree: Int, order: Int, sunAndMoon: Bool, atmosphere: NRLMSISE00) {
    gravity = SphericalHarmonicGravity.egm96(degree: degree, order: order)
    sun = sunAndMoon ? .sun : nil
    moon = sunAndMoon ? .moon : nil
    drag = AtmosphericDrag(atmosphere: atmosphere)
  }

  /// The union of the members' requirements.
  public var requirements: ForceContextRequirements {
    var r = gravity.requirements.union(drag.requirements)
    if let sun { r.formUnion(sun.requirements) }
    if let moon { r.formUnion(moon.requirements) }
    return r
  }

  /// The summed acceleration (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    var a = gravity.acceleration(position: position, velocity: velocity, mass: mass, context: context)
    if let sun { a += sun.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let moon { a += moon.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    a += drag.acceleration(position: position, velocity: velocity, mass: mass, context: context)
    return a
  }
}
