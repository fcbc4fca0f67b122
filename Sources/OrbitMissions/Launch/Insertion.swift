// The result of the ascent model: where and when the ship starts its rendezvous.

import OrbitCore

/// The ship at spacecraft separation and the station at the same instant.
///
/// References: see `AscentModel`.
public struct Insertion: Hashable, Sendable {
  /// Liftoff.
  public var liftoff: Epoch
  /// Spacecraft separation (liftoff + `AscentModel.separationTime`).
  public var epoch: Epoch
  /// The ship at separation, GCRF (m, m/s).
  public var ship: CartesianState
  /// The station at separation from its TLE (SGP4 → GCRF; m, m/s).
  public var station: CartesianState
  /// Phase angle: station argument of latitude minus ship argument of latitude, in the
  /// station's plane (rad, 0…2π): how far the station is ahead of the ship, which catches up
  /// from below and behind (a ship just ahead of the station has a phase near 2π).
  public var phaseAngle: Double
  /// Ship argument of latitude in the station's plane at separation (rad).
  public var shipArgumentOfLatitude: Double
  /// Station argument of latitude at separation (rad).
  public var stationArgumentOfLatitude: Double
  /// Angle of the pad from the station's plane at liftoff (rad; positive on the orbit-normal
  /// side, i.e. the plane has not reached the pad yet on a northbound pass).
  public var padOutOfPlaneAngleAtLiftoff: Double

  /// The phase angle in degrees.
  public var phaseAngleDegrees: Double { phaseAngle / Angle.degree }

  /// ISO-8601 UTC text of an epoch (millisecond precision), or the TAI seconds if it cannot be
  /// placed on UTC.
  static func utcText(_ epoch: Epoch) -> String {
    (try? epoch.iso8601(.utc, fractionDigits: 3)) ?? "TAI+\(epoch.taiSecondsSinceOrigin) s"
  }
}
