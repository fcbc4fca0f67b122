import OrbitCore
import OrbitMissions

/// Runs a whole flight (`RendezvousMission.simulate`) and turns the result into a
/// `RendezvousTimeline` for the CLI and the `rendezvous` scenario kind.
public enum RendezvousRun {
  /// Flies liftoff → contact and returns the timeline.
  ///
  /// - Parameters:
  ///   - tle: the station's pre-launch element set.
  ///   - liftoff: liftoff instant.
  ///   - pad: launch site.
  ///   - profile: `auto` or a scheme.
  ///   - port: docking port.
  ///   - vehicle: the ship.
  ///   - perturbations: dispersions (default none).
  ///   - outputStep: spacing of the trajectory states kept for the ephemerides (s); the close
  ///     approach keeps its own 10 s samples.
  ///   - data: time-scale data.
  /// - Returns: the timeline.
  /// - Throws: `RendezvousError` from the mission.
  public static func simulate(
    tle: TLE, liftoff: Epoch, pad: LaunchSite, profile: RendezvousProfile, port: DockingPort,
    vehicle: RendezvousVehicle, perturbations: RendezvousPerturbations = .none, outputStep: Double = 60,
    data: TimeScaleData = .standard
  ) throws(RendezvousError) -> RendezvousTimeline {
    let r = try RendezvousMission.simulate(
      tle: tle, liftoff: liftoff, pad: pad, profile: profile, port: port, vehicle: vehicle,
      perturbations: perturbations)
    return timeline(r, vehicle: vehicle, port: port, outputStep: outputStep)
  }

  /// The timeline of a simulated flight.
  ///
  /// - Parameters:
  ///   - r: the flight.
  ///   - vehicle: the ship.
  ///   - port: the port.
  ///   - outputStep: trajectory spacing (s) before the hand-over; approach samples are all kept.
  /// - Returns: the timeline.
  public static func timeline(
    _ r: RendezvousResult, vehicle: RendezvousVehicle, port: DockingPort, outputStep: Double
  ) -> RendezvousTimeline {
    let handover = r.approach.samples.first?.epoch ?? r.dockingEpoch
    var ship: [CartesianState] = []
    var station: [CartesianState] = []
    var last: Epoch? = nil
    for (i, s) in r.samples.enumerated() {
      let isLast = i == r.samples.count - 1
      let inApproach = !(s.epoch < handover)
      if let l = last, !isLast, !inApproach, s.epoch - l < outputStep - 1e-6 { continue }
      if let l = last, !(l < s.epoch) { continue }
      ship.append(CartesianState(epoch: s.epoch, frame: .gcrf, position: s.shipPosition, velocity: s.shipVelocity))
      station.append(
        CartesianState(epoch: s.epoch, frame: .gcrf, position: s.stationPosition, velocity: s.stationVelocity))
      last = s.epoch
    }
    return RendezvousTimeline(
      profile: r.profile.rawValue, vehicle: vehicle.name, port: port.rawValue, liftoff: r.liftoff,
      insertion: r.insertion.epoch, phaseAngleAtInsertion: r.phaseAngle,
      burns: r.burns.map { .init(epoch: $0.ignition, deltaV: $0.deltaV, duration: $0.duration, label: $0.name) },
      events: r.events.map { .init(name: $0.name, epoch: $0.epoch) }, docking: r.dockingEpoch,
      shipTrajectory: ship, stationTrajectory: station, approach: r.approach)
  }
}
