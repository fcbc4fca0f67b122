// The close-approach profile of Soyuz MS / Progress MS from the hand-over (2.5 km behind the
// station on the V-bar) to contact: range gates, fly-around, station-keeping and the final
// approach, each number with its source. Labels: [P] primary, [S] secondary, [A] assumed.
//
// Published (ESA blog, Thomas Pesquet, "The road to rendezvous", 2016-11-19, Soyuz MS-03) [P]:
// "At 21:28 GMT they reach 2.5 km, four minutes later 1.1 km, two minutes after that they will
// be at 640 m"; docking expected 22:02 GMT, i.e. 2.5 km at T−34 min, 1.1 km at T−30 min,
// 640 m at T−28 min; "then fly-around, station-keeping and final approach".
// Station-keeping before the final approach at "about 500 feet" (≈ 150 m) from the station
// (Spaceflight Now/Flame Trench, Soyuz TMA-21 arrival, 2011-04-06) [S]. Final approach "at a
// rate of about 0.1 meters per second" (Flame Trench, Soyuz TMA-16 relocation to Poisk,
// 2010-01-21) [S]. The timing of the fly-around and of station-keeping is not public: the
// values below are [A], chosen so that the phases add up to the ESA T−34 min.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// The close-approach profile: range gates on the V-bar, fly-around radius and rate,
/// station-keeping, final-approach speed law and guidance settings.
///
/// Time from the hand-over to contact with the defaults: 4 + 2 (gates) + 4 (to the fly-around
/// entry) + fly-around (90° at 0.3°/s = 5 min for a nadir or zenith port) + 2.5 (station-keeping)
/// + final approach (150 m → 0 with v = clamp(d/500 s, 0.1, 0.3) m/s: 17.5 min) ≈ 35 min, against
/// the 34 min of the ESA timeline.
///
/// References: ESA blog "The road to rendezvous" (2016-11-19); Flame Trench (2010-01-21,
/// 2011-04-06); W. Fehse, *Automated Rendezvous and Docking of Spacecraft* (2003), ch. 2 (approach
/// phases) and ch. 5 (closed-loop guidance with impulsive corrections).
public struct ApproachProfile: Hashable, Sendable {
  /// Gate ranges behind the station on the V-bar (m) [P ESA: 1,100 m and 640 m].
  public var gateRanges: [Double]
  /// Gate times from the hand-over (s) [P ESA: +240 s and +360 s].
  public var gateTimes: [Double]
  /// Duration of the braking leg from the last gate to the fly-around entry (s) [A].
  public var brakingDuration: Double
  /// Fly-around radius about the port = station-keeping distance from the port (m) [S ≈ 150 m].
  public var stationKeepingDistance: Double
  /// Fly-around angular rate (rad/s) [A: 0.3°/s, ≈ 0.8 m/s at 150 m].
  public var flyAroundRate: Double
  /// Station-keeping duration on the docking axis (s) [A].
  public var stationKeepingDuration: Double
  /// Final-approach closing-speed time constant τ: v = d/τ between the limits (s) [A].
  public var finalApproachTimeConstant: Double
  /// Closing speed at the start of the final approach, upper limit (m/s) [A].
  public var finalApproachMaxSpeed: Double
  /// Closing speed near and at contact, lower limit (m/s) [S 0.1 m/s].
  public var contactSpeed: Double
  /// Guidance cycle during the gates and the braking leg (s) [A].
  public var farGuidanceCycle: Double
  /// Guidance cycle during the fly-around, station-keeping and final approach (s) [A].
  public var nearGuidanceCycle: Double
  /// Corrections smaller than this are not executed (m/s) [A].
  public var deadband: Double
  /// Distance from the ship's centre of mass to the tip of its docking probe (m) [A: the
  /// probe on the orbital module's forward end, ≈ half the 7.5 m ship length].
  public var probeLength: Double
  /// Burns of at least this Δv use the main engine, smaller ones the approach thrusters (m/s) [A].
  public var mainEngineThreshold: Double
  /// Give up if there is no contact this long after the hand-over (s).
  public var timeLimit: Double

  /// A profile (defaults: the sourced nominal values above).
  public init(
    gateRanges: [Double] = [1_100, 640], gateTimes: [Double] = [240, 360],
    brakingDuration: Double = 240, stationKeepingDistance: Double = 150,
    flyAroundRate: Double = 0.3 * Angle.degree, stationKeepingDuration: Double = 150,
    finalApproachTimeConstant: Double = 500, finalApproachMaxSpeed: Double = 0.3,
    contactSpeed: Double = 0.1, farGuidanceCycle: Double = 60, nearGuidanceCycle: Double = 20,
    deadband: Double = 0.005, probeLength: Double = 3.5, mainEngineThreshold: Double = 2,
    timeLimit: Double = 5_400
  ) {
    self.gateRanges = gateRanges
    self.gateTimes = gateTimes
    self.brakingDuration = brakingDuration
    self.stationKeepingDistance = stationKeepingDistance
    self.flyAroundRate = flyAroundRate
    self.stationKeepingDuration = stationKeepingDuration
    self.finalApproachTimeConstant = finalApproachTimeConstant
    self.finalApproachMaxSpeed = finalApproachMaxSpeed
    self.contactSpeed = contactSpeed
    self.farGuidanceCycle = farGuidanceCycle
    self.nearGuidanceCycle = nearGuidanceCycle
    self.deadband = deadband
    self.probeLength = probeLength
    self.mainEngineThreshold = mainEngineThreshold
    self.timeLimit = timeLimit
  }

  /// The nominal profile.
  public static let nominal = ApproachProfile()

  /// The commanded closing speed at axial distance `d` of the probe tip from the port (m/s):
  /// clamp(d/τ, contactSpeed, finalApproachMaxSpeed).
  @inlinable
  public func closingSpeed(atDistance d: Double) -> Double {
    min(finalApproachMaxSpeed, max(contactSpeed, d / finalApproachTimeConstant))
  }

  /// The probe tip's commanded axial distance t seconds into the final approach, starting at
  /// `start` metres (m; negative after the nominal contact). Closed form of ḋ = −closingSpeed(d).
  ///
  /// - Parameters:
  ///   - t: time since the start of the final approach (s).
  ///   - start: initial axial distance of the probe tip (m).
  /// - Returns: d(t) (m).
  public func finalApproachDistance(after t: Double, from start: Double) -> Double {
    let tau = finalApproachTimeConstant
    let dHigh = finalApproachMaxSpeed * tau  // above: constant max speed
    let dLow = contactSpeed * tau  // below: constant contact speed
    var d = start
    var time = t
    if d > dHigh {
      let t1 = (d - dHigh) / finalApproachMaxSpeed
      if time <= t1 { return d - finalApproachMaxSpeed * time }
      time -= t1
      d = dHigh
    }
    if d > dLow {
      let t2 = tau * log(d / dLow)
      if time <= t2 { return d * exp(-time / tau) }
      time -= t2
      d = dLow
    }
    return d - contactSpeed * time
  }

  /// The nominal duration of the final approach from `start` metres to contact (s).
  public func finalApproachDuration(from start: Double) -> Double {
    let tau = finalApproachTimeConstant
    let dHigh = finalApproachMaxSpeed * tau
    let dLow = contactSpeed * tau
    var d = start
    var t = 0.0
    if d > dHigh {
      t += (d - dHigh) / finalApproachMaxSpeed
      d = dHigh
    }
    if d > dLow {
      t += tau * log(d / dLow)
      d = dLow
    }
    return t + max(0, d) / contactSpeed
  }
}
