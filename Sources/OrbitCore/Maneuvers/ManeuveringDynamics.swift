// Dynamics plus finite burns, switched at their start and end epochs (see `SwitchingDynamics`).
// References: Montenbruck & Gill, Satellite Orbits (2000), §3.8 and §4.1.4; Orekit
// `ConstantThrustManeuver` with date triggers. Our own code.

/// Base dynamics plus finite burns: while a burn fires, its thrust acceleration F/m and mass
/// flow −F/(Isp g0) are added to the base derivative.
///
/// A `SwitchingDynamics`: the session ends a step exactly at every ignition and cut-off and
/// restarts the integrator there, so no step integrates across the thrust discontinuity; the
/// firing flags are part of the value, set by `prepareArc`. At ignition the propellant is
/// checked against `dryMass` (typed error `.insufficientPropellant`). Velocity-dependent
/// (local-frame directions), so use a Runge–Kutta integrator, not RKN.
///
/// Backward propagation across a burn is supported for duration-specified burns and for
/// Δv-specified burns already flown forward by this value; otherwise it throws
/// `.invalidOptions(.backwardBurn)`.
///
/// References: Montenbruck & Gill (2000) §3.8, §4.1.4; Orekit `ConstantThrustManeuver`.
public struct ManeuveringDynamics<Base: ODESystem>: SwitchingDynamics where Base.State == OrbitState {
  /// The integrated state.
  public typealias State = OrbitState

  /// The dynamics without thrust.
  public var base: Base
  /// The burns, in any order (they may overlap).
  public let burns: [FiniteBurn]
  /// The mass without propellant (kg).
  public let dryMass: Double
  @usableFromInline var firing: [Bool]
  @usableFromInline var durations: [Double]

  /// Dynamics with burns.
  ///
  /// - Parameters:
  ///   - base: the dynamics without thrust (state `OrbitState`).
  ///   - burns: the finite burns.
  ///   - dryMass: mass without propellant (kg; default 0).
  /// - Throws: `.invalidOptions(.maneuver(index:))` for an invalid burn or dry mass.
  public init(base: Base, burns: [FiniteBurn], dryMass: Double = 0) throws(PropagationError) {
    for (i, burn) in burns.enumerated() where !burn.isValid {
      throw .invalidOptions(.maneuver(index: i))
    }
    guard dryMass >= 0, dryMass.isFinite else { throw .invalidOptions(.maneuver(index: 0)) }
    self.base = base
    self.burns = burns
    self.dryMass = dryMass
    firing = Array(repeating: false, count: burns.count)
    durations = burns.map {
      if case .duration(let d) = $0.extent { return d }
      return .nan
    }
  }

  /// Whether burn `index` fires in the current arc.
  public func isFiring(_ index: Int) -> Bool { firing[index] }

  /// The duration of burn `index` (s), or nil for a Δv burn not yet ignited.
  public func duration(ofBurn index: Int) -> Double? { durations[index].isNaN ? nil : durations[index] }

  /// The base derivative plus the thrust and mass flow of the firing burns.
  ///
  /// - Parameters:
  ///   - y: position (m), velocity (m/s), mass (kg).
  ///   - t: time (s since the base dynamics' reference epoch).
  /// - Returns: (m/s, m/s², kg/s).
  @inlinable
  public func derivative(_ y: OrbitState, at t: Double) -> OrbitState {
    var d = base.derivative(y, at: t)
    for i in firing.indices where firing[i] {
      let burn = burns[i]
      d.velocity += burn.acceleration(position: y.position, velocity: y.velocity, mass: y.mass)
      d.mass -= burn.massFlowRate
    }
    return d
  }

  /// The next ignition or cut-off strictly after `t` (s since `referenceEpoch`).
  public func nextSwitch(after t: Double, referenceEpoch: Epoch, forward: Bool) -> Double? {
    var best: Double? = nil
    func consider(_ c: Double) {
      guard forward ? c > t : c < t else { return }
      if let b = best, forward ? c >= b : c <= b { return }
      best = c
    }
    for i in burns.indices {
      let ts = burns[i].start - referenceEpoch
      consider(ts)
      if !durations[i].isNaN { consider(ts + durations[i]) }
    }
    return best
  }

  /// Sets which burns fire on the arc from `t`; resolves Δv burns at ignition and checks the
  /// propellant.
  public mutating func prepareArc(
    at t: Double, referenceEpoch: Epoch, state: OrbitState, forward: Bool
  ) throws(PropagationError) -> Bool {
    var changed = false
    var propellantNeeded = 0.0
    for i in burns.indices {
      let ts = burns[i].start - referenceEpoch
      if durations[i].isNaN {
        if forward && ts <= t {
          durations[i] = burns[i].duration(startMass: state.mass)
        } else if !forward && ts < t {
          throw .invalidOptions(.backwardBurn(index: i))
        }
      }
      let te = durations[i].isNaN ? ts : ts + durations[i]
      let on = forward ? (ts <= t && t < te) : (ts < t && t <= te)
      if on != firing[i] {
        firing[i] = on
        changed = true
      }
      if on && forward { propellantNeeded += burns[i].massFlowRate * (te - t) }
    }
    let available = state.mass - dryMass
    if forward && propellantNeeded > 0 && propellantNeeded > available * (1 + 1e-12) {
      throw .insufficientPropellant(
        epoch: referenceEpoch + t, required: propellantNeeded, available: available)
    }
    return changed
  }
}
