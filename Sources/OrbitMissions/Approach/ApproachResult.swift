// What the close-approach simulation produces: the contact, the named events, the executed
// burns and the trajectory of both vehicles.

import OrbitCore
import OrbitRendezvous

/// A named moment of the approach (`approach-start`, `gate-1100m`, `fly-around-start`, …,
/// `contact`).
public struct ApproachEvent: Hashable, Sendable {
  /// The event name (kebab-case).
  public var name: String
  /// When it happened.
  public var epoch: Epoch
  /// Distance from the ship's centre of mass to the station's centre of mass then (m).
  public var range: Double

  /// An event.
  ///
  /// - Parameters:
  ///   - name: kebab-case name.
  ///   - epoch: epoch.
  ///   - range: ship–station distance (m).
  public init(name: String, epoch: Epoch, range: Double) {
    self.name = name
    self.epoch = epoch
    self.range = range
  }
}

/// One executed burn of the approach: a finite burn of the main engine or of the approach
/// thrusters.
public struct ApproachBurn: Hashable, Sendable {
  /// Ignition epoch.
  public var epoch: Epoch
  /// The commanded Δv in the station's LVLH frame at ignition (m/s).
  public var deltaV: Vector3
  /// The burn duration (s).
  public var duration: Double
  /// The thruster set that flew it (`main-engine` or `approach-thrusters`).
  public var thruster: String
  /// The phase it belongs to (`gates`, `braking`, `fly-around`, `station-keeping`,
  /// `final-approach`).
  public var phase: String

  /// A burn.
  ///
  /// - Parameters:
  ///   - epoch: ignition.
  ///   - deltaV: LVLH Δv (m/s).
  ///   - duration: duration (s).
  ///   - thruster: thruster set name.
  ///   - phase: phase name.
  public init(epoch: Epoch, deltaV: Vector3, duration: Double, thruster: String, phase: String) {
    self.epoch = epoch
    self.deltaV = deltaV
    self.duration = duration
    self.thruster = thruster
    self.phase = phase
  }

  /// |Δv| (m/s).
  public var deltaVMagnitude: Double { deltaV.norm }
}

/// One trajectory sample: both vehicles in GCRF and the ship in the station's LVLH frame.
public struct ApproachSample: Hashable, Sendable {
  /// The sample epoch.
  public var epoch: Epoch
  /// The ship's GCRF state (m, m/s).
  public var ship: CartesianState
  /// The ship's mass (kg).
  public var shipMass: Double
  /// The station's GCRF state (m, m/s).
  public var station: CartesianState
  /// The ship relative to the station, LVLH (m, m/s): x V-bar, y = −h, z nadir (R-bar down).
  public var relative: RelativeState

  /// A sample.
  ///
  /// - Parameters:
  ///   - epoch: epoch.
  ///   - ship: ship GCRF state.
  ///   - shipMass: ship mass (kg).
  ///   - station: station GCRF state.
  public init(epoch: Epoch, ship: CartesianState, shipMass: Double, station: CartesianState) {
    self.epoch = epoch
    self.ship = ship
    self.shipMass = shipMass
    self.station = station
    self.relative = RelativeState(chaser: ship, target: station)
  }

  /// Ship–station centre-of-mass distance (m).
  public var range: Double { relative.position.norm }
}

/// The outcome of the close approach: contact at the port, events, burns and trajectory.
public struct ApproachResult: Hashable, Sendable {
  /// The contact epoch: the docking probe tip reaches the port's docking plane.
  public var contactEpoch: Epoch
  /// The port.
  public var port: DockingPort
  /// The station attitude flown.
  public var attitude: StationAttitude
  /// The port's axis in LVLH for that attitude.
  public var axis: DockingAxis
  /// Named events in time order, from `approach-start` to `contact`.
  public var events: [ApproachEvent]
  /// Executed burns in time order.
  public var burns: [ApproachBurn]
  /// Trajectory samples (every `sampleStep` seconds, plus the contact), in time order.
  public var samples: [ApproachSample]
  /// Closing speed along the docking axis at contact (m/s).
  public var contactSpeed: Double
  /// Lateral offset of the probe tip from the port's axis at contact (m).
  public var contactLateralOffset: Double
  /// The ship's mass at contact (kg).
  public var finalShipMass: Double
  /// The ship's GCRF state at contact.
  public var finalShip: CartesianState
  /// The station's GCRF state at contact.
  public var finalStation: CartesianState

  /// Σ|Δv| of the burns (m/s).
  public var totalDeltaV: Double { burns.reduce(0) { $0 + $1.deltaVMagnitude } }

  /// The epoch of the first event named `name`, if any.
  ///
  /// - Parameter name: event name.
  public func epoch(of name: String) -> Epoch? { events.first { $0.name == name }?.epoch }
}

/// Why the close approach failed.
public enum ApproachError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The port cannot be used (unknown, or not there at that date).
  case port(DockingPortError)
  /// The hand-over states are not usable (non-finite, different frames or epochs, no mass).
  case invalidHandover(String)
  /// No contact within the profile's time limit (s).
  case noContact(after: Double, range: Double)
  /// The numerical propagation failed.
  case propagation(PropagationError)
  /// The ship ran out of propellant for the approach.
  case insufficientPropellant(required: Double, available: Double)

  /// A one-line message.
  public var description: String {
    switch self {
    case .port(let e): e.description
    case .invalidHandover(let why): "invalid hand-over: \(why)"
    case .noContact(let t, let r):
      "no contact within \(Int(t)) s of the hand-over (ship still \(Int(r.rounded())) m from the station)"
    case .propagation(let e): "approach propagation failed: \(e)"
    case .insufficientPropellant(let required, let available):
      "approach needs \(Int(required.rounded())) kg of propellant, \(Int(available.rounded())) kg left"
    }
  }
}
