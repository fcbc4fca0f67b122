// The ISS flight attitude during an arrival: LVLH-hold with the body X axis along or against
// the velocity (+XVV or −XVV), and what that makes of a port's position and axis in the
// station's LVLH frame.
//
// In +XVV the SSACS body axes coincide with Orbit's LVLH axes (x V-bar, y = −h = starboard,
// z nadir); −XVV is a 180° yaw about the nadir axis: (x, y, z)_LVLH = (−X, −Y, Z)_body.
// "For Soyuz arrivals the ISS is usually yawed 180° so the Russian segment is flying forward"
// (ESA blog, "The road to rendezvous", 2016-11-19, Soyuz MS-03: "flip the Station 180° using
// its thrusters so the Russian segment is flying forward", to keep the docking port lit and
// the Kurs antennas in view). The torque-equilibrium offsets of a few degrees are ignored.

import OrbitCore

/// The station's attitude during an arrival: LVLH-hold, body +X along (+XVV) or against
/// (−XVV) the velocity.
///
/// References: SSP 30219 Rev. F (SSACS axes); ESA blog "The road to rendezvous" (2016-11-19).
public enum StationAttitude: String, CaseIterable, Hashable, Sendable {
  /// Body +X along the velocity (the US segment forward), body Z nadir.
  case plusXVV = "+xvv"
  /// Yawed 180°: body −X along the velocity (the Russian segment forward), body Z nadir.
  case minusXVV = "-xvv"

  /// A body-frame vector in the station's LVLH frame (x V-bar, y = −h, z nadir).
  ///
  /// - Parameter v: a vector in the station body frame (any unit).
  /// - Returns: the same vector in LVLH (same unit).
  @inlinable
  public func lvlh(fromBody v: Vector3) -> Vector3 {
    switch self {
    case .plusXVV: v
    case .minusXVV: Vector3(-v.x, -v.y, v.z)
    }
  }

  /// The usual attitude for an arrival of `vehicle`: −XVV for Soyuz MS (ESA, above); +XVV,
  /// the station's ordinary attitude, for Progress MS (assumed: no source found for a yaw
  /// manoeuvre before Progress arrivals).
  ///
  /// - Parameter vehicleName: `soyuz-ms` or `progress-ms`.
  /// - Returns: the attitude.
  public static func usual(forVehicle vehicleName: String) -> StationAttitude {
    vehicleName.lowercased().hasPrefix("soyuz") ? .minusXVV : .plusXVV
  }
}

/// A port's docking plane centre and outward axis in the station's LVLH frame.
///
/// References: `DockingPort`, `StationAttitude`.
@frozen
public struct DockingAxis: Hashable, Sendable {
  /// The port's docking-plane centre relative to the station's centre of mass, LVLH (m).
  public var portPosition: Vector3
  /// The outward unit axis in LVLH: the ship comes in along −axis, from portPosition + d·axis.
  public var direction: Vector3

  /// The axis of `port` with the station in `attitude`.
  ///
  /// - Parameters:
  ///   - port: the docking port.
  ///   - attitude: the station attitude.
  public init(port: DockingPort, attitude: StationAttitude) {
    portPosition = attitude.lvlh(fromBody: port.positionInBody)
    direction = attitude.lvlh(fromBody: port.axisInBody)
  }

  /// An axis from its parts.
  ///
  /// - Parameters:
  ///   - portPosition: LVLH position of the docking plane centre (m).
  ///   - direction: outward axis (normalised here).
  public init(portPosition: Vector3, direction: Vector3) {
    self.portPosition = portPosition
    self.direction = direction.unit
  }

  /// The point at `distance` out along the axis from the port (m, LVLH).
  @inlinable
  public func point(atDistance distance: Double) -> Vector3 { portPosition + distance * direction }

  /// Axial distance (along the outward axis) and lateral offset of an LVLH point from the port (m).
  ///
  /// - Parameter p: LVLH position (m).
  /// - Returns: (axial, lateral) in metres.
  @inlinable
  public func offsets(of p: Vector3) -> (axial: Double, lateral: Double) {
    let d = p - portPosition
    let axial = d.dot(direction)
    return (axial, (d - axial * direction).norm)
  }
}
