// The Soyuz/Progress rendezvous schemes and the phase-angle windows that allow each.

/// A Soyuz/Progress rendezvous scheme, fastest first.
///
/// Window widths (phase angle at insertion that each scheme can absorb): 2-orbit ≈ 6°,
/// 4-orbit ≈ 22°, 34-orbit "2-day" ≈ 150° (Rossiyskaya Gazeta, 2024, via FACTS.md). The window
/// centres are calibrated on the training missions (`windowCentre`).
///
/// References: FACTS.md of the mission data set (schemes table; RG 2024; energia.ru).
public enum PhasingScheme: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// The "3-hour" scheme (Progress MS-09, 2018, onwards; crews since Soyuz MS-17).
  case twoOrbit
  /// The "6-hour" scheme (2012–2021).
  case fourOrbit
  /// The 34-orbit, ~2-day scheme (standard before 2012, the fallback after a scrub).
  case twoDay

  /// The name used in files and on the command line: `2-orbit`, `4-orbit`, `2-day`.
  public var name: String {
    switch self {
    case .twoOrbit: "2-orbit"
    case .fourOrbit: "4-orbit"
    case .twoDay: "2-day"
    }
  }

  public var description: String { name }

  /// Orbits from insertion to docking, nominally.
  public var orbits: Int {
    switch self {
    case .twoOrbit: 2
    case .fourOrbit: 4
    case .twoDay: 34
    }
  }

  /// Width of the phase-angle window at insertion (deg), sourced (see the type's doc).
  public var windowWidthDegrees: Double {
    switch self {
    case .twoOrbit: 6
    case .fourOrbit: 22
    case .twoDay: 150
    }
  }

  /// Centre of the phase-angle window at insertion (deg), calibrated: the mean phase at
  /// insertion (from the ascent model and the pre-launch TLE) of the training missions that
  /// flew the scheme. See Sources/OrbitMissions/README.md for the values per mission.
  public var windowCentreDegrees: Double {
    switch self {
    case .twoOrbit: Calibration.twoOrbitCentreDegrees
    case .fourOrbit: Calibration.fourOrbitCentreDegrees
    case .twoDay: Calibration.twoDayCentreDegrees
    }
  }

  /// True when a phase angle at insertion (deg) lies inside the scheme's window.
  public func allows(phaseAngleDegrees phase: Double) -> Bool {
    abs(phase - windowCentreDegrees) <= 0.5 * windowWidthDegrees
  }

  /// The scheme with this name (`2-orbit`, `4-orbit`, `2-day`), or nil.
  public static func named(_ name: String) -> PhasingScheme? { allCases.first { $0.name == name } }

  /// The feasible schemes for a phase angle at insertion (deg), fastest first.
  public static func feasible(phaseAngleDegrees phase: Double) -> [PhasingScheme] {
    allCases.filter { $0.allows(phaseAngleDegrees: phase) }
  }

  /// The calibrated window centres (deg).
  public enum Calibration {
    /// Mean phase of the 2-orbit training flights (equal to 13.6° by the choice of the
    /// insertion downrange angle; see `AscentModel.soyuz21a`).
    public static let twoOrbitCentreDegrees = 13.6
    /// Mean phase of the 4-orbit training flights (Soyuz MS-16, MS-20).
    public static let fourOrbitCentreDegrees = 27.4
    /// Phase of the one 2-day training flight with a pre-launch TLE (Progress MS-07).
    public static let twoDayCentreDegrees = 236.3
  }
}
