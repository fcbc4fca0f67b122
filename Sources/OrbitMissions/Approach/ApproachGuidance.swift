// Closed-loop impulsive guidance for the close approach: at each guidance cycle, the first
// impulse of the Clohessy–Wiltshire two-impulse transfer from the (navigated) relative state to
// the next target point. Flying it on the numerical model and re-targeting at the next cycle
// from the new measured state corrects the linearisation, J2 and drag errors (the second
// impulse is never flown as such: the next cycle's first impulse replaces it).
//
// References: W. Fehse, *Automated Rendezvous and Docking of Spacecraft* (2003), ch. 3
// (CW two-impulse transfers) and ch. 4–5 (closed-loop guidance with impulsive corrections);
// Clohessy & Wiltshire (1960).

import OrbitCore
import OrbitRendezvous

/// The CW-targeting guidance law of the approach.
///
/// References: Fehse (2003) ch. 3–5; Clohessy & Wiltshire (1960).
public enum ApproachGuidance {
  /// The velocity change that puts the ship on the CW arc reaching `target` after `horizon`.
  ///
  /// - Parameters:
  ///   - relative: the ship's (navigated) state relative to the station, LVLH (m, m/s).
  ///   - target: the LVLH position to reach (m).
  ///   - horizon: time to reach it (s, > 0).
  ///   - meanMotion: the LVLH frame's rotation rate |r × v|/r² (rad/s).
  /// - Returns: Δv in LVLH (m/s); zero when the transfer is singular (nT a multiple of 2π).
  /// - References: Fehse (2003) ch. 3; `ClohessyWiltshire.transfer`.
  public static func deltaV(
    relative: RelativeState, target: Vector3, horizon: Double, meanMotion: Double
  ) -> Vector3 {
    let cw = ClohessyWiltshire(meanMotion: meanMotion)
    do throws(ClohessyWiltshireError) {
      let transfer = try cw.transfer(
        from: relative, to: RelativeState(position: target, velocity: .zero), duration: horizon)
      return transfer.departureDeltaV
    } catch {
      return .zero
    }
  }

  /// The LVLH frame's rotation rate for a station state: |r × v|/r² (rad/s).
  ///
  /// - Parameter station: the station's inertial state.
  /// - Returns: the rate (rad/s).
  @inlinable
  public static func meanMotion(of station: CartesianState) -> Double {
    station.position.cross(station.velocity).norm / station.position.normSquared
  }
}
