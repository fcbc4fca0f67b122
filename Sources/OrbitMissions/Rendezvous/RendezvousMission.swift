// The whole flight: liftoff → insertion (ascent model) → phasing (PhasingPlanner) → hand-over →
// close approach (ApproachSimulator) → contact at a port.
// References: see AscentModel, PhasingPlanner, ApproachSimulator.

import OrbitCore
import OrbitRendezvous

/// A named instant of the flight.
public struct RendezvousEvent: Hashable, Sendable {
  /// Name (`liftoff`, `insertion`, `B1 ignition`, …, `handover`, approach events, `contact`).
  public var name: String
  /// When.
  public var epoch: Epoch
}

/// One burn of the flight, phasing (main engine) or approach (approach thrusters).
public struct RendezvousBurnRecord: Hashable, Sendable {
  /// Label (`B1`…`B4`, or the approach phase).
  public var name: String
  /// Ignition.
  public var ignition: Epoch
  /// |Δv| commanded (m/s).
  public var deltaV: Double
  /// Duration (s).
  public var duration: Double
}

/// A simulated rendezvous from liftoff to contact.
public struct RendezvousResult: Hashable, Sendable {
  /// The profile asked for (may be `auto`).
  public var requestedProfile: RendezvousProfile
  /// The scheme flown.
  public var profile: RendezvousProfile
  /// Liftoff (after any launch delay).
  public var liftoff: Epoch
  /// The insertion (ascent model).
  public var insertion: Insertion
  /// The phasing part.
  public var phasing: PhasingResult
  /// The close approach.
  public var approach: ApproachResult
  /// All burns in time order.
  public var burns: [RendezvousBurnRecord]
  /// All events in time order.
  public var events: [RendezvousEvent]
  /// Both vehicles from insertion to contact (phasing, then approach samples).
  public var samples: [RendezvousSample]

  /// Phase angle at insertion (rad).
  public var phaseAngle: Double { insertion.phaseAngle }
  /// Contact.
  public var dockingEpoch: Epoch { approach.contactEpoch }
  /// Δv of every burn (m/s).
  public var totalDeltaV: Double { burns.reduce(0) { $0 + $1.deltaV } }
  /// Δv of the phasing burns B1–B4 (m/s).
  public var phasingDeltaV: Double { phasing.totalDeltaV }
}

/// Simulates a Soyuz/Progress flight to the ISS.
///
/// References: AscentModel (insertion), PhasingPlanner (phasing), ApproachSimulator (approach).
public enum RendezvousMission {
  /// Largest angle between the pad and the station's plane at liftoff for a launch to count as
  /// in a window (rad): 2° ≈ 12 min of Earth rotation at Baikonur's latitude; the training
  /// liftoffs are within 0.3° (a few minutes' in-plane lead).
  public static let maximumPadOutOfPlane = 2 * Angle.degree

  /// Flies liftoff → contact.
  ///
  /// - Parameters:
  ///   - tle: the station's element set from before the launch.
  ///   - liftoff: the liftoff instant.
  ///   - pad: the launch site (default Baikonur Site 31/6).
  ///   - profile: `auto` or a scheme.
  ///   - port: the docking port.
  ///   - vehicle: Soyuz MS or Progress MS.
  ///   - perturbations: dispersions (default none; `launchDelay` shifts the liftoff).
  ///   - ascent: the ascent model (default calibrated Soyuz-2.1a).
  /// - Returns: the flight.
  /// - Throws: `RendezvousError`: `.targetOrbit` (an orbit not reachable in-plane from the pad),
  ///   `.noFeasibleProfile` (liftoff outside any window), `.phaseOutOfWindow` (the scheme cannot
  ///   close), `.targetingFailed`, `.approach`, …
  public static func simulate(
    tle: TLE, liftoff requestedLiftoff: Epoch, pad: LaunchSite = .baikonur31, profile: RendezvousProfile = .auto,
    port: DockingPort, vehicle: RendezvousVehicle = .soyuzMS, perturbations: RendezvousPerturbations = .none,
    ascent: AscentModel = .soyuz21a
  ) throws(RendezvousError) -> RendezvousResult {
    // The target must be an orbit the pad can launch into, in plane.
    let inclination = tle.inclination
    let range = LaunchWindowPlanner.modelInclinationRangeDegrees
    guard range.contains(inclination) else {
      throw .targetOrbit(
        "inclination \(format(inclination))° is outside \(format(range.lowerBound))…\(format(range.upperBound))°: no in-plane Soyuz-2.1a launch from \(pad.name) reaches this orbit")
    }
    var liftoff = requestedLiftoff
    if perturbations.launchDelay != 0 { liftoff = liftoff + perturbations.launchDelay }
    let insertion: Insertion
    do throws(AscentError) {
      insertion = try ascent.insertion(liftoff: liftoff, pad: pad, target: tle)
    } catch {
      throw .insertion(error.description)
    }
    guard abs(insertion.padOutOfPlaneAngleAtLiftoff) <= maximumPadOutOfPlane else {
      throw .launchOutsideWindow(
        padOutOfPlaneDegrees: insertion.padOutOfPlaneAngleAtLiftoff / Angle.degree,
        limitDegrees: maximumPadOutOfPlane / Angle.degree)
    }
    let flown: RendezvousProfile
    if profile == .auto {
      guard let p = RendezvousProfile.fastest(forPhaseAngle: insertion.phaseAngle) else {
        throw .noFeasibleProfile(phaseDegrees: insertion.phaseAngleDegrees)
      }
      flown = p
    } else {
      flown = profile
    }
    let start = PhasingStart(
      liftoff: liftoff, epoch: insertion.epoch, ship: insertion.ship, station: insertion.station,
      phaseAngle: insertion.phaseAngle)
    let phasing = try PhasingPlanner(vehicle: vehicle).run(start: start, scheme: flown.scheme!, perturbations: perturbations)
    let approach: ApproachResult
    do throws(ApproachError) {
      approach = try ApproachSimulator.run(
        handover: phasing.handover, port: port, vehicle: vehicle, perturbations: perturbations)
    } catch {
      throw .approach(error.description)
    }
    var burns = phasing.burns.map {
      RendezvousBurnRecord(name: $0.name, ignition: $0.ignition, deltaV: $0.deltaVMagnitude, duration: $0.duration)
    }
    burns += approach.burns.map {
      RendezvousBurnRecord(name: $0.phase, ignition: $0.epoch, deltaV: $0.deltaVMagnitude, duration: $0.duration)
    }
    var events = [
      RendezvousEvent(name: "liftoff", epoch: liftoff),
      RendezvousEvent(name: "insertion", epoch: insertion.epoch),
    ]
    events += phasing.burns.map { RendezvousEvent(name: "\($0.name) ignition", epoch: $0.ignition) }
    events.append(RendezvousEvent(name: "handover", epoch: phasing.handover.epoch))
    events += approach.events.map { RendezvousEvent(name: $0.name, epoch: $0.epoch) }
    if !events.contains(where: { $0.name == "contact" }) {
      events.append(RendezvousEvent(name: "contact", epoch: approach.contactEpoch))
    }
    events.sort { $0.epoch - $1.epoch < 0 }
    var samples = phasing.samples
    let lastEpoch = samples.last?.epoch
    for s in approach.samples where lastEpoch.map({ s.epoch - $0 > 1e-6 }) ?? true {
      samples.append(
        RendezvousSample(
          epoch: s.epoch, shipPosition: s.ship.position, shipVelocity: s.ship.velocity, shipMass: s.shipMass,
          stationPosition: s.station.position, stationVelocity: s.station.velocity))
    }
    return RendezvousResult(
      requestedProfile: profile, profile: flown, liftoff: liftoff, insertion: insertion, phasing: phasing,
      approach: approach, burns: burns, events: events, samples: samples)
  }
}
