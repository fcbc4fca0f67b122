// One planned reboost burn. Our own code.

import OrbitCore

/// One reboost burn: constant thrust along +V in VNB axes (prograde, the station's usual reboost
/// attitude; with a near-circular orbit +V is also LVLH +x), from `start` for `duration`.
///
/// References: Curtis, *Orbital Mechanics for Engineering Students*, 3rd ed. (2014), §6.1
/// (rocket equation); `FiniteBurn`.
public struct ReboostBurn: Hashable, Sendable {
  /// Ignition epoch.
  public var start: Epoch
  /// Burn duration (s).
  public var duration: Double
  /// Total thrust (N).
  public var thrust: Double
  /// Specific impulse (s).
  public var specificImpulse: Double
  /// Thrust direction in `axes` (unit vector).
  public var direction: Vector3
  /// The axes of `direction` (VNB by default: +x along the velocity).
  public var axes: ThrustAxes
  /// Mass at ignition (kg).
  public var startMass: Double

  /// A burn.
  ///
  /// - Parameters:
  ///   - start: ignition epoch.
  ///   - duration: duration (s, > 0).
  ///   - thrust: total thrust (N).
  ///   - specificImpulse: Isp (s).
  ///   - startMass: mass at ignition (kg).
  ///   - direction: thrust direction in `axes` (default +V).
  ///   - axes: axes of the direction (default VNB).
  public init(
    start: Epoch, duration: Double, thrust: Double, specificImpulse: Double, startMass: Double,
    direction: Vector3 = Vector3(1, 0, 0), axes: ThrustAxes = .vnb
  ) {
    self.start = start
    self.duration = duration
    self.thrust = thrust
    self.specificImpulse = specificImpulse
    self.startMass = startMass
    self.direction = direction
    self.axes = axes
  }

  /// Cut-off epoch.
  public var end: Epoch { start + duration }
  /// Propellant mass flow F/(Isp g0) (kg/s).
  public var massFlowRate: Double { thrust / (specificImpulse * RocketEquation.standardGravity) }
  /// Propellant used (kg).
  public var propellant: Double { massFlowRate * duration }
  /// Ideal Δv from the rocket equation, Isp g0 ln(m0/m1) (m/s).
  public var deltaV: Double {
    RocketEquation.deltaV(initialMass: startMass, finalMass: startMass - propellant, isp: specificImpulse)
  }

  /// The burn as an OrbitCore finite burn (duration-specified).
  public var finiteBurn: FiniteBurn {
    FiniteBurn(
      thrust: thrust, isp: specificImpulse, direction: direction, axes: axes, start: start,
      extent: .duration(duration))
  }
}
