// An impulsive maneuver: an instantaneous Δv applied through an event's state reset, with the
// mass from the rocket equation. After Orekit's `ImpulseManeuver` (a trigger detector whose
// action resets the state). Our own code.

/// An instantaneous Δv at a date or at the event of another detector, with the propellant mass
/// from Tsiolkovsky's equation.
///
/// It is itself an `EventDetector`: its g, direction, check interval and threshold are the
/// trigger's, and its action is `.resetState` with the new velocity and mass (the integrator
/// restarts there). The Δv axes (LVLH, RTN, VNB) are built from the state at the event. A
/// maneuver that would take the mass below `dryMass` throws
/// `PropagationError.insufficientPropellant` from the session.
///
/// Add one maneuver per trigger occurrence you want: a maneuver on a recurring trigger (e.g.
/// every apoapsis) fires at each occurrence.
///
/// References: Orekit `ImpulseManeuver`; Curtis (2014) §6.1 (rocket equation).
public struct ImpulsiveManeuver<Trigger: EventDetector>: EventDetector {
  /// The detector whose events fire the maneuver.
  public var trigger: Trigger
  /// Δv in `axes` (m/s).
  public var deltaV: Vector3
  /// The axes of `deltaV`.
  public var axes: ThrustAxes
  /// Specific impulse (s); `.infinity` leaves the mass unchanged.
  public var isp: Double
  /// The mass below which there is no propellant (kg; default 0).
  public var dryMass: Double

  /// A maneuver on the events of `trigger`.
  ///
  /// - Parameters:
  ///   - trigger: the detector that fires it (its direction selects the crossings).
  ///   - deltaV: Δv in `axes` (m/s).
  ///   - axes: inertial, LVLH, RTN or VNB.
  ///   - isp: specific impulse (s; `.infinity` for no mass change).
  ///   - dryMass: dry mass (kg; default 0).
  public init(trigger: Trigger, deltaV: Vector3, axes: ThrustAxes, isp: Double, dryMass: Double = 0) {
    self.trigger = trigger
    self.deltaV = deltaV
    self.axes = axes
    self.isp = isp
    self.dryMass = dryMass
  }

  /// The trigger's g.
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double { trigger.g(state, at: epoch) }
  /// The trigger's direction.
  public var direction: EventDirection { trigger.direction }
  /// The trigger's sampling interval (s).
  public var maxCheckInterval: Double { trigger.maxCheckInterval }
  /// The trigger's threshold (s).
  public var threshold: Double { trigger.threshold }
  /// `.impulsiveManeuver`.
  public func kind(increasing: Bool) -> EventKind { .impulsiveManeuver }

  /// The state after the maneuver.
  ///
  /// - Parameter state: the state before (m, m/s, kg).
  /// - Returns: the state with v + Δv (inertial) and m·exp(−|Δv|/(Isp g0)).
  /// - Throws: `.insufficientPropellant` when the new mass is below `dryMass` (the epoch in
  ///   the error is `epoch`), `.invalidOptions(.maneuver(index: 0))` for a non-finite Δv or a
  ///   non-positive Isp.
  public func applied(to state: OrbitState, at epoch: Epoch) throws(PropagationError) -> OrbitState {
    guard deltaV.isFinite, isp > 0, !isp.isNaN, dryMass >= 0, dryMass.isFinite else {
      throw .invalidOptions(.maneuver(index: 0))
    }
    let dv = axes.inertial(deltaV, position: state.position, velocity: state.velocity)
    let m1 = RocketEquation.finalMass(initialMass: state.mass, deltaV: deltaV.norm, isp: isp)
    if m1 < dryMass {
      throw .insufficientPropellant(epoch: epoch, required: state.mass - m1, available: state.mass - dryMass)
    }
    return OrbitState(position: state.position, velocity: state.velocity + dv, mass: m1)
  }

  /// `.resetState` with the maneuvered state.
  public func action(for occurrence: EventOccurrence) throws(PropagationError) -> EventAction {
    .resetState(try applied(to: occurrence.state, at: occurrence.epoch))
  }
}

extension ImpulsiveManeuver where Trigger == DateDetector {
  /// A maneuver at a date.
  ///
  /// - Parameters:
  ///   - date: the epoch of the impulse.
  ///   - deltaV: Δv in `axes` (m/s).
  ///   - axes: inertial, LVLH, RTN or VNB.
  ///   - isp: specific impulse (s; `.infinity` for no mass change).
  ///   - dryMass: dry mass (kg; default 0).
  public init(at date: Epoch, deltaV: Vector3, axes: ThrustAxes, isp: Double, dryMass: Double = 0) {
    self.init(trigger: DateDetector(date), deltaV: deltaV, axes: axes, isp: isp, dryMass: dryMass)
  }
}
