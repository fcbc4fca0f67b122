// Soyuz MS and Progress MS as rendezvous vehicles: mass, main engine, drag properties, with
// sources. Labels as in the mission facts: [P] primary, [S] secondary, [A] assumed.

import OrbitCore

/// A ship flying a rendezvous: its mass at separation, its main engine (the SKD/S5.80 of the
/// KTDU-80 propulsion system, used for every phasing burn) and its drag properties.
///
/// References: Soyuz MS — launch mass 7,080 kg, diameter 2.72 m, span 10.7 m [S Wikipedia
/// "Soyuz MS", 2023/2024 revisions]; Progress MS — "starting mass about 7.3 tons", diameter
/// 2.72 m [S RSC Energia description via altusintel, 2021-10-25]; S5.80 main engine
/// 2,950 N, Isp 302 s [S KTDU-80 description; same values as `Thruster.progressMainEngine`].
public struct RendezvousVehicle: Hashable, Sendable {
  /// Lookup name (`soyuz-ms`, `progress-ms`).
  public var name: String
  /// Human-readable name.
  public var displayName: String
  /// Mass at separation from the launcher (kg).
  public var massAtSeparation: Double
  /// Propellant of the integrated propulsion system available for the rendezvous (kg).
  public var propellant: Double
  /// The main engine used for the phasing burns.
  public var mainEngine: Thruster
  /// Drag reference area, attitude-averaged (m²).
  public var dragArea: Double
  /// Drag coefficient (dimensionless).
  public var dragCoefficient: Double
  /// Where the numbers come from.
  public var source: String

  /// A vehicle.
  ///
  /// - Parameters: see the properties (kg, N, s, m²).
  public init(
    name: String, displayName: String, massAtSeparation: Double, propellant: Double, mainEngine: Thruster,
    dragArea: Double, dragCoefficient: Double, source: String
  ) {
    self.name = name
    self.displayName = displayName
    self.massAtSeparation = massAtSeparation
    self.propellant = propellant
    self.mainEngine = mainEngine
    self.dragArea = dragArea
    self.dragCoefficient = dragCoefficient
    self.source = source
  }

  /// The mass without usable propellant (kg).
  public var dryMass: Double { massAtSeparation - propellant }

  /// The ballistic factor C_D·A/m at separation (m²/kg).
  public var ballisticFactor: Double { dragCoefficient * dragArea / massAtSeparation }

  /// Soyuz MS crew vehicle.
  ///
  /// Mass 7,080 kg [S Wikipedia "Soyuz MS"]; S5.80 main engine 2,950 N, 302 s [S KTDU-80];
  /// propellant for own manoeuvres 800 kg [A: Soyuz TMA-class figures of ~880–900 kg quoted in
  /// secondary sources, not verified]; drag area 12 m² [A: 2.72 m body seen side-on (≈ 7 m ×
  /// 2.72 m ≈ 19 m²) and end-on (5.8 m²) plus the 10.7 m solar arrays, attitude-averaged],
  /// C_D 2.2 [A: the usual free-molecular value].
  public static let soyuzMS = RendezvousVehicle(
    name: "soyuz-ms", displayName: "Soyuz MS", massAtSeparation: 7_080, propellant: 800,
    mainEngine: .progressMainEngine, dragArea: 12, dragCoefficient: 2.2,
    source:
      "mass 7,080 kg (Wikipedia Soyuz MS); S5.80 2,950 N / 302 s (KTDU-80); propellant 800 kg, drag area 12 m2, Cd 2.2 assumed")

  /// Progress MS cargo vehicle.
  ///
  /// Mass 7,300 kg ("about 7.3 tons") [S RSC Energia description, 2021]; same S5.80 main
  /// engine; propellant for own manoeuvres 800 kg [A]; drag area 12 m², C_D 2.2 [A, as Soyuz MS:
  /// same 2.72 m body and similar arrays].
  public static let progressMS = RendezvousVehicle(
    name: "progress-ms", displayName: "Progress MS", massAtSeparation: 7_300, propellant: 800,
    mainEngine: .progressMainEngine, dragArea: 12, dragCoefficient: 2.2,
    source:
      "mass about 7.3 t (RSC Energia via altusintel 2021-10-25); S5.80 2,950 N / 302 s (KTDU-80); propellant 800 kg, drag area 12 m2, Cd 2.2 assumed")

  /// All presets, in lookup order.
  public static let presets: [RendezvousVehicle] = [soyuzMS, progressMS]

  /// The preset with this name (case-insensitive): `soyuz-ms` or `progress-ms`.
  ///
  /// - Throws: `RendezvousVehicleError.unknownName` listing the valid names.
  public static func preset(named name: String) throws(RendezvousVehicleError) -> RendezvousVehicle {
    let key = name.lowercased()
    guard let v = presets.first(where: { $0.name == key }) else {
      throw .unknownName(name, valid: presets.map(\.name))
    }
    return v
  }
}

/// An error looking up a vehicle preset.
public enum RendezvousVehicleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No preset has this name; `valid` lists the names that exist.
  case unknownName(String, valid: [String])

  /// A one-line message listing the valid names.
  public var description: String {
    switch self {
    case .unknownName(let name, let valid):
      "unknown vehicle '\(name)'; valid names: \(valid.joined(separator: ", "))"
    }
  }
}
