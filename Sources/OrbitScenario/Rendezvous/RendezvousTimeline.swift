import OrbitCore
import OrbitMissions

/// A simulated rendezvous, launch to contact, as the CLI and the `rendezvous` scenario kind
/// report it: profile, key epochs, burns, events and both vehicles' trajectories.
///
/// Built from a `RendezvousResult` (whole mission) or from an `ApproachResult` alone; the
/// writers in `RendezvousOutputs` turn it into JSON, text, CSV, OEM and SVG.
public struct RendezvousTimeline: Sendable {
  /// One executed burn.
  public struct Burn: Sendable, Hashable {
    /// Ignition epoch.
    public var epoch: Epoch
    /// |Δv| (m/s).
    public var deltaV: Double
    /// Duration (s).
    public var duration: Double
    /// What it is (`phasing-1`, `approach`, …).
    public var label: String

    /// A burn.
    /// - Parameters: ignition, |Δv| (m/s), duration (s), label.
    public init(epoch: Epoch, deltaV: Double, duration: Double, label: String) {
      self.epoch = epoch
      self.deltaV = deltaV
      self.duration = duration
      self.label = label
    }
  }

  /// One named event.
  public struct Event: Sendable, Hashable {
    /// Name (kebab-case).
    public var name: String
    /// Epoch.
    public var epoch: Epoch

    /// An event.
    public init(name: String, epoch: Epoch) {
      self.name = name
      self.epoch = epoch
    }
  }

  /// The profile flown (`2-orbit`, `4-orbit`, `2-day`).
  public var profile: String
  /// Vehicle name (`soyuz-ms`, `progress-ms`).
  public var vehicle: String
  /// Port name.
  public var port: String
  /// Liftoff.
  public var liftoff: Epoch
  /// Insertion (spacecraft separation).
  public var insertion: Epoch
  /// Phase angle of the station ahead of the ship at insertion (rad).
  public var phaseAngleAtInsertion: Double
  /// Burns in time order.
  public var burns: [Burn]
  /// Events in time order.
  public var events: [Event]
  /// Contact.
  public var docking: Epoch
  /// The ship's GCRF states, insertion to contact, in time order.
  public var shipTrajectory: [CartesianState]
  /// The station's GCRF states at the same epochs as `shipTrajectory`.
  public var stationTrajectory: [CartesianState]
  /// The close approach (hand-over to contact), when simulated.
  public var approach: ApproachResult?

  /// A timeline from its parts.
  public init(
    profile: String, vehicle: String, port: String, liftoff: Epoch, insertion: Epoch, phaseAngleAtInsertion: Double,
    burns: [Burn], events: [Event], docking: Epoch, shipTrajectory: [CartesianState],
    stationTrajectory: [CartesianState], approach: ApproachResult?
  ) {
    self.profile = profile
    self.vehicle = vehicle
    self.port = port
    self.liftoff = liftoff
    self.insertion = insertion
    self.phaseAngleAtInsertion = phaseAngleAtInsertion
    self.burns = burns
    self.events = events
    self.docking = docking
    self.shipTrajectory = shipTrajectory
    self.stationTrajectory = stationTrajectory
    self.approach = approach
  }

  /// Σ|Δv| (m/s).
  public var totalDeltaV: Double { burns.reduce(0) { $0 + $1.deltaV } }
}
