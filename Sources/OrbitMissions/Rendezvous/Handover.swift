// The hand-over between the phasing part of a rendezvous (insertion → the point near the station
// where the autonomous close approach starts) and the close approach (→ contact at a port), and
// the dispersions a Monte Carlo run applies to both parts.
//
// Hand-over point: 2.5 km behind the station on the V-bar with no relative motion, at the
// moment the ESA timeline puts "2.5 km at T−34 min" (ESA blog, Thomas Pesquet, "The road to
// rendezvous", 2016-11-19, for Soyuz MS-03; the same final phase on every Soyuz/Progress
// profile). Frame: Orbit's LVLH (x V-bar, y = −h, z nadir; `RelativeState`).
// References: W. Fehse, *Automated Rendezvous and Docking of Spacecraft* (2003), ch. 2–3
// (approach phases, hold points on the V-bar).

import OrbitCore
import OrbitRendezvous

/// Where the phasing part ends and the close approach begins, in the station's LVLH frame.
///
/// References: ESA blog "The road to rendezvous" (2016-11-19): 2.5 km at T−34 min; Fehse
/// (2003) §2.4 (V-bar hold points).
public struct HandoverPoint: Hashable, Sendable {
  /// Ship minus station position in the station's LVLH frame (m): x V-bar, y = −h, z nadir.
  public var relativePosition: Vector3
  /// Ship minus station velocity as seen in the rotating LVLH frame (m/s).
  public var relativeVelocity: Vector3

  /// A hand-over point.
  ///
  /// - Parameters:
  ///   - relativePosition: LVLH position (m).
  ///   - relativeVelocity: LVLH rotating-frame velocity (m/s).
  public init(relativePosition: Vector3, relativeVelocity: Vector3 = .zero) {
    self.relativePosition = relativePosition
    self.relativeVelocity = relativeVelocity
  }

  /// The nominal point: 2,500 m behind the station on the V-bar (x = −2,500 m, y = z = 0) at
  /// rest in LVLH (a V-bar hold point, stable to first order in the CW model).
  public static let nominal = HandoverPoint(relativePosition: Vector3(-2_500, 0, 0))

  /// Time from the hand-over to contact on the ESA timeline (s): "2.5 km at T−34 min". The
  /// approach model computes its own contact time; this is the published reference.
  public static let nominalTimeToContact: Double = 34 * 60
}

/// The state at the hand-over: both vehicles in GCRF at one epoch, the ship at (or near, with
/// dispersions) a `HandoverPoint` of the station's LVLH frame.
///
/// This is the contract between `RendezvousMission` (phasing, producer) and the approach
/// simulator (consumer).
public struct RendezvousHandover: Hashable, Sendable {
  /// The hand-over epoch (TAI).
  public var epoch: Epoch
  /// The ship's GCRF state at `epoch` (m, m/s).
  public var ship: CartesianState
  /// The ship's mass at `epoch` (kg), after the phasing propellant.
  public var shipMass: Double
  /// The station's GCRF state at `epoch` (m, m/s).
  public var station: CartesianState
  /// The LVLH point the phasing aimed for.
  public var point: HandoverPoint

  /// A hand-over.
  ///
  /// - Parameters:
  ///   - epoch: the hand-over epoch.
  ///   - ship: ship GCRF state at `epoch`.
  ///   - shipMass: ship mass (kg).
  ///   - station: station GCRF state at `epoch`.
  ///   - point: the aimed LVLH point (default `.nominal`).
  public init(
    epoch: Epoch, ship: CartesianState, shipMass: Double, station: CartesianState,
    point: HandoverPoint = .nominal
  ) {
    self.epoch = epoch
    self.ship = ship
    self.shipMass = shipMass
    self.station = station
    self.point = point
  }

  /// The ship relative to the station in the station's LVLH frame (m, m/s).
  public var relativeState: RelativeState {
    RelativeState(
      chaserPosition: ship.position, chaserVelocity: ship.velocity, targetPosition: station.position,
      targetVelocity: station.velocity)
  }
}

/// Dispersions of one rendezvous run (Monte Carlo). All zero (or ×1) by default; a zero value
/// leaves the nominal computation bit-identical (each is applied only when it differs from its
/// neutral value).
///
/// References: Fehse (2003) ch. 6 (trajectory dispersions: navigation, thrust magnitude and
/// direction errors).
public struct RendezvousPerturbations: Hashable, Sendable {
  /// Insertion position error in the ship's own LVLH frame at insertion (m).
  public var insertionPositionError: Vector3
  /// Insertion velocity error in the ship's own LVLH frame at insertion (m/s).
  public var insertionVelocityError: Vector3
  /// Scale of every commanded burn's Δv magnitude (dimensionless; 1 = nominal); applied to the
  /// executed burn after targeting (an execution error the targeter does not see).
  public var burnMagnitudeScale: Double
  /// Pointing error of every executed burn (rad): the thrust direction is tilted by this angle.
  public var burnPointingError: Double
  /// Azimuth of the pointing error about the nominal thrust direction (rad).
  public var burnPointingAzimuth: Double
  /// Scale of the main engine's thrust (dimensionless; changes burn durations, not Δv).
  public var thrustScale: Double
  /// Scale of the main engine's specific impulse (dimensionless).
  public var ispScale: Double
  /// Scale of the ship's ballistic coefficient C_D·A/m (dimensionless).
  public var ballisticCoefficientScale: Double
  /// Scale of the atmospheric density for both vehicles (dimensionless).
  public var densityScale: Double
  /// Relative navigation error at Kurs acquisition, LVLH position (m); used by the approach.
  public var navigationPositionError: Vector3
  /// Relative navigation error at Kurs acquisition, LVLH velocity (m/s); used by the approach.
  public var navigationVelocityError: Vector3
  /// Launch delay added to the given liftoff (s).
  public var launchDelay: Double

  /// Dispersions (defaults: none).
  ///
  /// - Parameters: see the properties (m, m/s, rad, s; scales dimensionless).
  public init(
    insertionPositionError: Vector3 = .zero, insertionVelocityError: Vector3 = .zero,
    burnMagnitudeScale: Double = 1, burnPointingError: Double = 0, burnPointingAzimuth: Double = 0,
    thrustScale: Double = 1, ispScale: Double = 1, ballisticCoefficientScale: Double = 1,
    densityScale: Double = 1, navigationPositionError: Vector3 = .zero,
    navigationVelocityError: Vector3 = .zero, launchDelay: Double = 0
  ) {
    self.insertionPositionError = insertionPositionError
    self.insertionVelocityError = insertionVelocityError
    self.burnMagnitudeScale = burnMagnitudeScale
    self.burnPointingError = burnPointingError
    self.burnPointingAzimuth = burnPointingAzimuth
    self.thrustScale = thrustScale
    self.ispScale = ispScale
    self.ballisticCoefficientScale = ballisticCoefficientScale
    self.densityScale = densityScale
    self.navigationPositionError = navigationPositionError
    self.navigationVelocityError = navigationVelocityError
    self.launchDelay = launchDelay
  }

  /// No dispersion.
  public static let none = RendezvousPerturbations()

  /// Whether every field has its neutral value.
  public var isNominal: Bool { self == .none }
}
