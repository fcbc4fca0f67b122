// The Soyuz/Progress rendezvous schemes and what distinguishes them: when the first phasing
// burn comes, when the ship reaches the hand-over point, and which phase angles at insertion
// each can absorb.
//
// Sources (FACTS.md of the mission data set, copied into Tests/ReferenceData/missions/):
// scheme durations 3 h 03 m – 3 h 40 m (2-orbit), 5 h 40 m – 6 h 10 m (4-orbit), ~50 h (34-orbit,
// "2-day"); phase windows 6°, 22°, 150° (Rossiyskaya Gazeta 2024); first burn 44 min after
// liftoff (Progress MS-09, Spaceflight Now / der-orion), 42 min (Soyuz MS-04 4-orbit,
// der-orion); ISS 13.6° ahead at a 2-orbit insertion (Progress MS-09, Spaceflight Now); 4-orbit
// launch-day phase 30–35° (Murtazin, IAC-2016); the automated final sequence: 97 km at T−74
// min, 2.5 km at T−34 min (ESA blog, Soyuz MS-03, 2016-11-19); MS-25 "50 hours and 34 minutes"
// (Rossiyskaya Gazeta, 2024).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore

/// A rendezvous scheme, or `auto` to pick the fastest one the phase angle allows.
///
/// References: see the file header (Rossiyskaya Gazeta 2024; Murtazin, IAC-2016; ESA 2016).
public enum RendezvousProfile: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// The fastest feasible scheme for the phase angle at insertion.
  case auto = "auto"
  /// The 2-orbit ("3-hour") scheme, 2018 on.
  case twoOrbit = "2-orbit"
  /// The 4-orbit ("6-hour") scheme, 2012–2021.
  case fourOrbit = "4-orbit"
  /// The 34-orbit ("2-day") scheme.
  case twoDay = "2-day"

  /// The CLI/JSON spelling.
  public var description: String { rawValue }

  /// The concrete schemes, fastest first.
  public static let schemes: [RendezvousProfile] = [.twoOrbit, .fourOrbit, .twoDay]

  /// Parses `auto`, `2-orbit`, `4-orbit`, `2-day` (also `34-orbit`), case-insensitive.
  ///
  /// - Throws: `RendezvousError.unknownProfile` listing the valid names.
  public static func named(_ name: String) throws(RendezvousError) -> RendezvousProfile {
    let key = name.lowercased()
    if key == "34-orbit" { return .twoDay }
    guard let p = RendezvousProfile(rawValue: key) else {
      throw .unknownProfile(name, valid: allCases.map(\.rawValue))
    }
    return p
  }

  /// The scheme's parameters (nil for `auto`).
  public var scheme: SchemeTimeline? {
    switch self {
    case .auto: nil
    case .twoOrbit: .twoOrbit
    case .fourOrbit: .fourOrbit
    case .twoDay: .twoDay
    }
  }

  /// The fastest scheme whose phase window contains `phaseAngle`, or nil.
  ///
  /// - Parameter phaseAngle: station ahead of the ship at insertion (rad, any range).
  public static func fastest(forPhaseAngle phaseAngle: Double) -> RendezvousProfile? {
    schemes.first { $0.scheme!.admits(phaseAngle: phaseAngle) }
  }
}

/// The timing of one rendezvous scheme.
///
/// Named parameters (the only ones the schemes have; values and sources on each preset):
/// `firstBurnAfterLiftoff`, `secondBurnAfterFirst`, `handoverAfterInsertion`,
/// `finalTransferDuration`; the phase windows are the launch model's (`PhasingScheme`). The phasing burns' Δv are never fixed: they are solved for the actual
/// geometry (`PhasingPlanner`).
///
/// References: see `RendezvousProfile`.
public struct SchemeTimeline: Hashable, Sendable {
  /// The profile this is.
  public var profile: RendezvousProfile
  /// Liftoff to the middle of the first phasing burn (s).
  public var firstBurnAfterLiftoff: Double
  /// Time from B1 to B2 in units of the ship's orbital period (0.5 = the opposite apsis).
  public var secondBurnAfterFirst: Double
  /// Insertion (spacecraft separation) to the hand-over for Soyuz MS (s).
  public var handoverAfterInsertion: Double
  /// Insertion to the hand-over for Progress MS (s): the cargo ship's 2-orbit timeline is
  /// longer (planned dockings L+3 h 23 min and 3 h 21 min for Progress MS-11 and MS-14 against
  /// L+3 h 07 min – 3 h 17 min for Soyuz MS-17, MS-22, MS-24, MS-27, FACTS.md).
  public var progressHandoverAfterInsertion: Double

  /// Insertion to the hand-over for `vehicle` (s).
  public func handoverAfterInsertion(for vehicle: RendezvousVehicle) -> Double {
    vehicle.name == RendezvousVehicle.progressMS.name ? progressHandoverAfterInsertion : handoverAfterInsertion
  }
  /// Duration of the last transfer, from the long-range burn B3 to the arrival burn B4 (s).
  public var finalTransferDuration: Double
  /// The launch-window scheme (phase window: centre calibrated by the launch model, sourced
  /// width; `PhasingScheme`).
  public var phasingScheme: PhasingScheme {
    switch profile {
    case .fourOrbit: .fourOrbit
    case .twoDay: .twoDay
    default: .twoOrbit
    }
  }

  /// Whether a phase angle at insertion lies in the scheme's window (any 2π multiple).
  ///
  /// - Parameter phaseAngle: station ahead of the ship (rad).
  public func admits(phaseAngle: Double) -> Bool {
    let centre = phasingScheme.windowCentreDegrees
    let phase = centre + Angle.normalizedSigned(phaseAngle - centre * Angle.degree) / Angle.degree
    return phasingScheme.allows(phaseAngleDegrees: phase)
  }

  /// The phase window in degrees (lower, upper).
  public var phaseWindowDegrees: (lower: Double, upper: Double) {
    let c = phasingScheme.windowCentreDegrees
    let w = phasingScheme.windowWidthDegrees
    return (c - 0.5 * w, c + 0.5 * w)
  }

  /// The 2-orbit scheme.
  ///
  /// - B1 44 min after liftoff [S: Progress MS-09]; B2 half a revolution later (apsidal pair).
  /// - B3 40 min before the hand-over [P: ESA timeline, 97 km at T−74 min → 2.5 km at T−34 min].
  /// - Hand-over: `Calibration.twoOrbitSoyuzHandoverMinutes`,
  ///   `Calibration.twoOrbitProgressHandoverMinutes` (CALIBRATED, see there).
  public static let twoOrbit = SchemeTimeline(
    profile: .twoOrbit, firstBurnAfterLiftoff: 44 * 60, secondBurnAfterFirst: 0.5,
    handoverAfterInsertion: Calibration.twoOrbitSoyuzHandoverMinutes * 60,
    progressHandoverAfterInsertion: Calibration.twoOrbitProgressHandoverMinutes * 60,
    finalTransferDuration: 40 * 60)

  /// The 4-orbit scheme.
  ///
  /// - B1 42 min after liftoff [S: Soyuz MS-04]; B2 half a revolution later.
  /// - Hand-over: `Calibration.fourOrbitHandoverMinutes` (CALIBRATED; inside the sourced
  ///   5 h 40 m – 6 h 10 m launch-to-docking range).
  public static let fourOrbit = SchemeTimeline(
    profile: .fourOrbit, firstBurnAfterLiftoff: 42 * 60, secondBurnAfterFirst: 0.5,
    handoverAfterInsertion: Calibration.fourOrbitHandoverMinutes * 60,
    progressHandoverAfterInsertion: Calibration.fourOrbitHandoverMinutes * 60, finalTransferDuration: 40 * 60)

  /// The 34-orbit ("2-day") scheme.
  ///
  /// - B1 on the third orbit, 3 h 10 min after liftoff, B2 half a revolution later [A: the
  ///   classic 2-day profile's first pair on orbits 3–4; no burn times in the sources].
  /// - Hand-over: `Calibration.twoDayHandoverMinutes` (CALIBRATED on Progress MS-07, the one
  ///   2-day training flight with a pre-launch TLE; the sourced Soyuz MS-25 plan, "50 hours and
  ///   34 minutes" (RG 2024), would put it 17 min later).
  public static let twoDay = SchemeTimeline(
    profile: .twoDay, firstBurnAfterLiftoff: 190 * 60, secondBurnAfterFirst: 0.5,
    handoverAfterInsertion: Calibration.twoDayHandoverMinutes * 60,
    progressHandoverAfterInsertion: Calibration.twoDayHandoverMinutes * 60, finalTransferDuration: 40 * 60)

  /// The calibrated values: insertion → hand-over (min), each the median over the training
  /// flights of the scheme (and vehicle) of (reported contact − insertion − the approach model's
  /// duration from the hand-over to contact at the flight's port). Fitted 2026-11-21 with
  /// Scenarios/missions and ApproachSimulator as of that day; per-flight values and the
  /// leave-one-out errors: Sources/OrbitMissions/README.md and RendezvousAccuracyHeavyTests.
  public enum Calibration {
    /// 2-orbit, Soyuz MS (MS-17 139.9, MS-22 148.0, MS-24 145.2, MS-27 146.8).
    public static let twoOrbitSoyuzHandoverMinutes = 145.96
    /// 2-orbit, Progress MS (MS-11 157.1, MS-14 161.2).
    public static let twoOrbitProgressHandoverMinutes = 159.15
    /// 4-orbit (Soyuz MS-16 324.6, MS-20 318.1).
    public static let fourOrbitHandoverMinutes = 321.34
    /// 2-day (Progress MS-07 2973.5).
    public static let twoDayHandoverMinutes = 2973.47
  }
}
