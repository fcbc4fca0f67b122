// The Soyuz-2.1a ascent as seen by rendezvous planning: liftoff → spacecraft separation time,
// the insertion orbit and where along the target's plane the ship is at separation. A few named
// parameters, calibrated once on the training missions (see `AscentModel.soyuz21a`).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// A kinematic model of the ascent to a target orbit: the ship is put at separation into the
/// target's plane (optionally turned about the pole by a quasi-coplanar node offset), at
/// perigee of a `perigeeAltitude` × `apogeeAltitude` orbit, at an argument of latitude
/// `insertionDownrangeAngle` past the pad's projection onto the plane at liftoff.
///
/// The model does not fly the rocket; it reproduces what the rendezvous needs (when and where
/// the ship starts, and the phase to the station) from parameters sourced or calibrated on
/// reported flights. See `soyuz21a` for the values and how they were obtained.
///
/// References: FACTS.md of the mission data set (Tests/ReferenceData/missions/): separation
/// 529 s (Roscosmos, Soyuz MS-17, Progress MS-20), insertion orbits 204 × 220 km (MS-22) and
/// 189 × 221 km (Progress MS-20), quasi-coplanar insertion (Murtazin, IAC-16).
public struct AscentModel: Hashable, Sendable {
  /// Liftoff to spacecraft separation (s).
  public var separationTime: Double
  /// How long before the pad crosses the target plane the rocket lifts off (s) on a 2-orbit or
  /// 4-orbit day (quasi-coplanar insertion). Calibrated (see `soyuz21a`).
  public var inPlaneLead: Double
  /// The same lead for a 2-day (34-orbit) launch (s). Calibrated (see `soyuz21a`).
  public var inPlaneLeadTwoDay: Double
  /// Argument of latitude from the pad's projection onto the target plane at liftoff to the
  /// ship at separation (rad, inertial: includes the ground arc flown and the Earth's rotation
  /// during the ascent). Calibrated (see `soyuz21a`).
  public var insertionDownrangeAngle: Double
  /// Perigee altitude of the insertion orbit above the WGS-84 equatorial radius (m); the ship
  /// separates at perigee.
  public var perigeeAltitude: Double
  /// Apogee altitude of the insertion orbit above the WGS-84 equatorial radius (m).
  public var apogeeAltitude: Double
  /// Right-ascension offset of the insertion plane from the target plane (rad, east positive):
  /// the quasi-coplanar offset. 0 puts the ship exactly in the station's plane.
  public var nodeOffset: Double

  /// An ascent model.
  /// - Parameters:
  ///   - separationTime: liftoff → separation (s).
  ///   - inPlaneLead: liftoff before the in-plane time, 2-orbit and 4-orbit (s).
  ///   - inPlaneLeadTwoDay: liftoff before the in-plane time, 2-day (s).
  ///   - insertionDownrangeAngle: insertion argument of latitude past the pad's projection (rad).
  ///   - perigeeAltitude: insertion perigee altitude (m).
  ///   - apogeeAltitude: insertion apogee altitude (m).
  ///   - nodeOffset: quasi-coplanar node offset (rad).
  public init(
    separationTime: Double, inPlaneLead: Double, inPlaneLeadTwoDay: Double, insertionDownrangeAngle: Double,
    perigeeAltitude: Double,
    apogeeAltitude: Double, nodeOffset: Double = 0
  ) {
    self.separationTime = separationTime
    self.inPlaneLead = inPlaneLead
    self.inPlaneLeadTwoDay = inPlaneLeadTwoDay
    self.insertionDownrangeAngle = insertionDownrangeAngle
    self.perigeeAltitude = perigeeAltitude
    self.apogeeAltitude = apogeeAltitude
    self.nodeOffset = nodeOffset
  }

  /// Earth's gravitational parameter used for the insertion orbit (m³/s², EGM96/WGS-84).
  public static let earthMu = 3.986004418e14
  /// WGS-84 equatorial radius (m), the datum of the insertion altitudes.
  public static let earthRadius = 6_378_137.0

  /// Soyuz-2.1a from Baikonur to the ISS: the calibrated model.
  ///
  /// - `separationTime` 529 s: Roscosmos, Soyuz MS-17 (separation 529 s after liftoff) and
  ///   Progress MS-20 ("529.2 s").
  /// - `perigeeAltitude` × `apogeeAltitude` 197 × 221 km: mean of the two sourced Soyuz-2.1a
  ///   insertions (MS-22 204 × 220 km at 51.63°; Progress MS-20 189 × 221 km at 51.66°;
  ///   der-orion launch logs).
  /// - `inPlaneLead` 186.7 s: CALIBRATED — the mean over the eight 2-orbit and 4-orbit training
  ///   flights with a pre-launch TLE of (time at which the pad crosses the ISS plane, from the
  ///   TLE) − (reported liftoff); the values scatter from 180 s to 196 s (a slow drift from
  ///   2019 to 2025). Leave-one-out errors: Sources/OrbitMissions/README.md.
  /// - `inPlaneLeadTwoDay` 71.6 s: CALIBRATED on the one 2-day training flight with a
  ///   pre-launch TLE (Progress MS-07, 2017-10-14): the fallback launch two days after a scrub is
  ///   not timed like the fast schemes (no quasi-coplanar offset is needed when 34 orbits of
  ///   phasing can trim the plane). One training sample: of the two 2-day flights added later
  ///   (not trained on), Soyuz MS-23 agrees (+19 s, liftoff reported to the minute) and
  ///   Progress MS-21 does not (−79 s): treat 2-day liftoffs as known to ~±1.5 min.
  /// - `insertionDownrangeAngle` 17.87°: CALIBRATED so that the mean phase at insertion of the six
  ///   2-orbit training flights equals 13.6°, the one published 2-orbit insertion phase
  ///   (Progress MS-09: the ISS "about 1,004 miles ahead" at insertion, Spaceflight Now). A
  ///   kinematic check: ~2,100 km of inertial arc in 529 s is what a climb from rest to
  ///   7.8 km/s covers at a mean horizontal speed of ~4 km/s.
  /// - `nodeOffset` 0: the quasi-coplanar offset is left to the phasing burns (a 0.02–0.03°
  ///   plane error costs 3–4 m/s, FACTS.md).
  public static let soyuz21a = AscentModel(
    separationTime: 529, inPlaneLead: Calibration.inPlaneLead, inPlaneLeadTwoDay: Calibration.inPlaneLeadTwoDay,
    insertionDownrangeAngle: Calibration.insertionDownrangeAngleDegrees * Angle.degree,
    perigeeAltitude: 197_000, apogeeAltitude: 221_000)

  /// The calibrated values (see `soyuz21a`).
  public enum Calibration {
    /// Liftoff before the in-plane time, 2-orbit and 4-orbit (s).
    public static let inPlaneLead = 186.7
    /// Liftoff before the in-plane time, 2-day (s).
    public static let inPlaneLeadTwoDay = 71.6
    /// Insertion downrange angle (deg).
    public static let insertionDownrangeAngleDegrees = 17.87
  }

  /// The insertion produced by the calibrated Soyuz-2.1a model (`soyuz21a`).
  ///
  /// - Parameters:
  ///   - liftoff: the liftoff instant.
  ///   - pad: the launch site.
  ///   - target: the station's element set (SGP4).
  /// - Returns: insertion epoch, ship and station states in GCRF (m, m/s), phase angle.
  /// - Throws: `AscentError` when the TLE cannot be propagated or the time converted.
  public static func insertion(liftoff: Epoch, pad: LaunchSite, target: TLE) throws(AscentError) -> Insertion {
    try soyuz21a.insertion(liftoff: liftoff, pad: pad, target: target)
  }

  /// The insertion for a liftoff at `liftoff` from `pad` toward the orbit of `target`.
  ///
  /// - Parameters:
  ///   - liftoff: the liftoff instant.
  ///   - pad: the launch site.
  ///   - target: the station's element set (SGP4).
  ///   - data: leap seconds and Earth-orientation data (default built in; outside the EOP table
  ///     UT1 − UTC and polar motion are taken as zero, an error below 1 s of liftoff time).
  /// - Returns: the insertion.
  /// - Throws: `AscentError`.
  public func insertion(
    liftoff: Epoch, pad: LaunchSite, target: TLE, data: TimeScaleData = .standard
  ) throws(AscentError) -> Insertion {
    let propagator: SGP4Propagator
    do throws(SGP4Propagator.InitializationError) {
      propagator = try SGP4Propagator(tle: target, data: data)
    } catch {
      throw .target(error.description)
    }
    return try insertion(liftoff: liftoff, pad: pad, target: propagator, data: data)
  }

  /// The insertion toward the orbit propagated by `target` (see the TLE variant).
  public func insertion(
    liftoff: Epoch, pad: LaunchSite, target: SGP4Propagator, data: TimeScaleData = .standard
  ) throws(AscentError) -> Insertion {
    let padAtLiftoff = try Self.padTEME(pad, at: liftoff, data: data)
    let stationAtLiftoff = try Self.targetTEME(target, at: liftoff)
    let epoch = liftoff + separationTime
    let station = try Self.targetTEME(target, at: epoch)

    let planeAtLiftoff = OrbitPlaneFrame(position: stationAtLiftoff.position, velocity: stationAtLiftoff.velocity)
    let padU = planeAtLiftoff.argumentOfLatitude(of: padAtLiftoff)
    let padOutOfPlane = asin(max(-1, min(1, planeAtLiftoff.outOfPlaneSine(of: padAtLiftoff))))

    // The ship's plane: the station's plane at separation, turned by the node offset. The
    // argument of latitude is carried from the liftoff plane (the node moves ~0.02° in 529 s).
    let stationPlane = OrbitPlaneFrame(position: station.position, velocity: station.velocity)
    let shipPlane = stationPlane.rotatedAboutPole(by: nodeOffset)
    let shipU = padU + insertionDownrangeAngle
    let rp = Self.earthRadius + perigeeAltitude
    let ra = Self.earthRadius + apogeeAltitude
    let a = 0.5 * (rp + ra)
    let speed = (Self.earthMu * (2 / rp - 1 / a)).squareRoot()
    let radial = shipPlane.direction(argumentOfLatitude: shipU)
    let along = shipPlane.normal.cross(radial)
    let shipTEME = CartesianState(epoch: epoch, frame: .teme, position: radial * rp, velocity: along * speed)

    let stationU = stationPlane.argumentOfLatitude(of: station.position)
    let phase = Angle.normalizedPositive(stationU - shipU)

    let ship: CartesianState
    let stationGCRF: CartesianState
    do throws(SGP4FrameError) {
      ship = try SGP4Propagator.convert(shipTEME, to: .gcrf, eop: .zero, data: data)
      stationGCRF = try SGP4Propagator.convert(station, to: .gcrf, eop: .zero, data: data)
    } catch {
      throw .time(error.description)
    }
    return Insertion(
      liftoff: liftoff, epoch: epoch, ship: ship, station: stationGCRF, phaseAngle: phase,
      shipArgumentOfLatitude: shipU, stationArgumentOfLatitude: stationU, padOutOfPlaneAngleAtLiftoff: padOutOfPlane)
  }

  /// The liftoff lead before the in-plane time for a scheme (s).
  public func inPlaneLead(for scheme: PhasingScheme) -> Double {
    scheme == .twoDay ? inPlaneLeadTwoDay : inPlaneLead
  }

  // MARK: geometry shared with LaunchWindow

  /// The pad's position in TEME (m) at `epoch`. Earth orientation comes from `data`; outside
  /// its EOP table UT1 − UTC and polar motion are taken as zero (|UT1 − UTC| < 0.9 s shifts
  /// the pad by < 0.004° of longitude, under 1 s of in-plane time).
  static func padTEME(_ pad: LaunchSite, at epoch: Epoch, data: TimeScaleData) throws(AscentError) -> Vector3 {
    let eop: EOPValues
    do throws(TimeError) { eop = try data.eop(at: epoch) } catch { eop = .zero }
    do throws(TimeError) {
      let t = try FrameTransform.between(.itrf, .teme, at: epoch, eop: eop, data: data)
      return t.apply(position: pad.itrfPosition)
    } catch {
      throw .time(error.description)
    }
  }

  /// The target's orbit normal averaged over one revolution centred on `epoch` (unit, TEME):
  /// the plane without SGP4's short-period wobble (J2 terms at twice the orbital frequency move
  /// the osculating node by ~0.1°, which would shift in-plane times by ±15 s from day to day).
  static func meanPlaneNormal(_ target: SGP4Propagator, period: Double, at epoch: Epoch) throws(AscentError) -> Vector3 {
    let samples = 16
    var sum = Vector3.zero
    for k in 0..<samples {
      let t = epoch + period * ((Double(k) + 0.5) / Double(samples) - 0.5)
      let s = try targetTEME(target, at: t)
      sum += s.position.cross(s.velocity).unit
    }
    return sum.unit
  }

  /// The target's SGP4 state in TEME (m, m/s).
  static func targetTEME(_ target: SGP4Propagator, at epoch: Epoch) throws(AscentError) -> CartesianState {
    switch target.sgp4State(at: epoch) {
    case .success(let s): return s
    case .failure(let e): throw .target("SGP4 at \(Insertion.utcText(epoch)): \(e.description)")
    }
  }
}

/// Why an insertion or a launch window could not be computed.
public enum AscentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The target's element set could not be propagated.
  case target(String)
  /// A time conversion failed (e.g. before 1972).
  case time(String)

  public var description: String {
    switch self {
    case .target(let m): return "target orbit: \(m)"
    case .time(let m): return "time: \(m)"
    }
  }
}
