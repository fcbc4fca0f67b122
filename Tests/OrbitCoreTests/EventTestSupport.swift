// Shared helpers for the event, maneuver and ephemeris tests.

import OrbitCore

/// Fixtures for the `Event*`, `Maneuver*` and `Ephemeris*` suites.
enum EventFixture {
  /// WGS-84 μ (m³/s²), as the other numerical tests.
  static let mu = NumericalFixture.mu
  static let epoch = NumericalFixture.epoch
  /// Tight tolerances (0.7 µm per step at LEO radius): integration error far below the
  /// 1 µs × (a few km/s) scale of the event checks.
  static let tight = NumericalFixture.tight

  /// The state of Keplerian elements at `epoch` (GCRF).
  static func state(
    a: Double, e: Double, iDeg: Double, raanDeg: Double, argpDeg: Double, nuDeg: Double
  ) throws -> CartesianState {
    let k = try KeplerianElements(
      semiMajorAxis: a, eccentricity: e, inclination: Angle.radians(fromDegrees: iDeg),
      raan: Angle.radians(fromDegrees: raanDeg), argumentOfPeriapsis: Angle.radians(fromDegrees: argpDeg),
      trueAnomaly: Angle.radians(fromDegrees: nuDeg))
    let pv = k.positionAndVelocity(mu: mu)
    return CartesianState(epoch: epoch, frame: .gcrf, position: pv.position, velocity: pv.velocity)
  }

  /// An eccentric LEO orbit: perigee ≈ 300 km, apogee ≈ 1500 km altitude (a = 7278 km,
  /// e ≈ 0.0824), i = 51.6°: crosses 800 km at a radial speed of ≈ 0.5 km/s.
  static func eccentric() throws -> CartesianState {
    try state(a: 7_278_137, e: 600_000 / 7_278_137, iDeg: 51.6, raanDeg: 40, argpDeg: 30, nuDeg: 200)
  }
}
