// Finite burns: constant thrust F along a direction fixed in inertial or local orbital axes,
// with mass flow ṁ = −F/(Isp g0), integrated as part of the equations of motion. A burn given
// by Δv gets its duration from the rocket equation at its start:
// t_b = (m0 − m1)/|ṁ|, m1 = m0 exp(−Δv/(Isp g0)).
//
// References: Curtis, Orbital Mechanics for Engineering Students, 3rd ed. (2014), §6.1 (rocket
// equation); Montenbruck & Gill, Satellite Orbits (2000), §3.8 (thrust as a force, mass flow)
// and §4.1.4 (discontinuities at step boundaries); Orekit `ConstantThrustManeuver`. Our own code.

/// A constant-thrust burn with mass flow, switched on and off at exact epochs.
///
/// References: Curtis (2014) §6.1; Montenbruck & Gill (2000) §3.8; Orekit
/// `ConstantThrustManeuver`.
@frozen
public struct FiniteBurn: Hashable, Sendable {
  /// How long the burn lasts.
  public enum Extent: Hashable, Sendable {
    /// A fixed duration (s).
    case duration(Double)
    /// A Δv budget (m/s): the duration follows from the mass at the burn's start.
    case deltaV(Double)
  }

  /// Thrust magnitude F (N).
  public var thrust: Double
  /// Specific impulse (s).
  public var isp: Double
  /// Unit thrust direction in `axes` (normalised by the initializer).
  public var direction: Vector3
  /// The axes of `direction`, re-evaluated along the burn (LVLH/RTN/VNB turn with the orbit).
  public var axes: ThrustAxes
  /// Ignition epoch.
  public var start: Epoch
  /// Duration or Δv.
  public var extent: Extent

  /// A finite burn.
  ///
  /// - Parameters:
  ///   - thrust: F (N, > 0).
  ///   - isp: specific impulse (s, > 0).
  ///   - direction: thrust direction in `axes` (any non-zero length).
  ///   - axes: inertial, LVLH, RTN or VNB.
  ///   - start: ignition epoch.
  ///   - extent: `.duration(s)` or `.deltaV(m/s)`.
  @inlinable
  public init(thrust: Double, isp: Double, direction: Vector3, axes: ThrustAxes, start: Epoch, extent: Extent) {
    self.thrust = thrust
    self.isp = isp
    let n = direction.norm
    self.direction = n > 0 ? direction / n : direction
    self.axes = axes
    self.start = start
    self.extent = extent
  }

  /// The propellant mass flow |ṁ| = F/(Isp g0) (kg/s).
  @inlinable
  public var massFlowRate: Double { thrust / (isp * RocketEquation.standardGravity) }

  /// Whether the parameters are usable: F > 0, Isp > 0, a unit direction, a positive finite
  /// duration or Δv.
  @inlinable
  public var isValid: Bool {
    let amount: Double
    switch extent {
    case .duration(let d): amount = d
    case .deltaV(let dv): amount = dv
    }
    return thrust > 0 && thrust.isFinite && isp > 0 && isp.isFinite && direction.isFinite
      && abs(direction.norm - 1) < 1e-12 && amount > 0 && amount.isFinite
  }

  /// The burn's duration when it starts with mass `startMass` (s).
  ///
  /// - Parameter startMass: m0 (kg).
  /// - Returns: the duration (s): the given one, or (m0 − m1)/|ṁ| for a Δv.
  @inlinable
  public func duration(startMass: Double) -> Double {
    switch extent {
    case .duration(let d):
      return d
    case .deltaV(let dv):
      let m1 = RocketEquation.finalMass(initialMass: startMass, deltaV: dv, isp: isp)
      return (startMass - m1) / massFlowRate
    }
  }

  /// The thrust acceleration F/m along the direction, in inertial axes (m/s²).
  ///
  /// - Parameters:
  ///   - position: inertial position (m).
  ///   - velocity: inertial velocity (m/s).
  ///   - mass: current mass (kg).
  /// - Returns: acceleration (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double) -> Vector3 {
    (thrust / mass) * axes.inertial(direction, position: position, velocity: velocity)
  }
}
