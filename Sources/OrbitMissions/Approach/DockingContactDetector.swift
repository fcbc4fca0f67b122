// Contact: the ship's docking-probe tip reaching the port's docking plane. The station's state
// comes from a random-access propagator (an `Ephemeris` of its numerical propagation), so the
// event is located on the ship's dense output like any other OrbitCore event.

import OrbitCore

/// The axial distance of the ship's probe tip from a port's docking plane; contact when it
/// falls through zero.
///
/// g = (r_ship − r_port)·â − L, with r_port = r_station + Mᵀ p_port and â = Mᵀ a (M the
/// station's inertial → LVLH rotation, p_port and a the port position and outward axis in LVLH,
/// L the probe length: the ship flies with its probe along −â during the final approach).
///
/// References: Orekit-style event detection (see `EventDetector`); `DockingAxis`.
public struct DockingContactDetector<Station: AnalyticalPropagator>: EventDetector {
  /// The station's states.
  public var station: Station
  /// The port in the station's LVLH frame.
  public var axis: DockingAxis
  /// Ship centre of mass to probe tip (m).
  public var probeLength: Double

  /// A contact detector.
  ///
  /// - Parameters:
  ///   - station: the station's propagator (same inertial frame as the ship's session).
  ///   - axis: the port's LVLH axis.
  ///   - probeLength: centre of mass to probe tip (m).
  public init(station: Station, axis: DockingAxis, probeLength: Double) {
    self.station = station
    self.axis = axis
    self.probeLength = probeLength
  }

  /// Axial distance of the probe tip from the docking plane (m); NaN if the station state is
  /// unavailable.
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double {
    let s: CartesianState
    do { s = try station.state(at: epoch) } catch { return .nan }
    let m = LocalOrbitalFrame.lvlh.rotation(position: s.position, velocity: s.velocity)
    let port = s.position + m.transposeMultiply(axis.portPosition)
    let a = m.transposeMultiply(axis.direction)
    return (state.position - port).dot(a) - probeLength
  }

  /// Closing crossings only.
  public var direction: EventDirection { .decreasing }
  /// 2 s: the probe moves 0.2–0.6 m in that time at final-approach speeds.
  public var maxCheckInterval: Double { 2 }
  /// Stops the propagation.
  public var isTerminal: Bool { true }
  /// `range-closing`.
  public func kind(increasing: Bool) -> EventKind { increasing ? .rangeOpening : .rangeClosing }
}
