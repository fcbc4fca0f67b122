// The Russian-segment docking ports of the ISS that Soyuz MS and Progress MS use: where they
// are in the station's body frame, which way they face, and when they existed.
//
// Body frame: the Space Station Analysis Coordinate System (SSP 30219 Rev. F, "Space Station
// Reference Coordinate Systems", 2001): +X from Zvezda towards Unity and PMA-2 (forward in
// +XVV flight), +Z nadir (towards PMA-3 and the Earth), +Y completing a right-handed set
// (starboard). Origin: we put it at the station's centre of mass (the SSACS origin is at the
// centre of the S0 truss, a few metres from the centre of mass; the difference is within the
// ±3 m accuracy stated below).
//
// Positions [D, ±3 m]: obtained by stacking the published module lengths along the station's
// axis from the US Laboratory, whose centre we place at X = 0, Z = 0 (the S0 truss sits on
// it): Destiny 8.53 m, Unity 5.47 m, PMA-1 1.9 m, Zarya 12.6 m (diameter 4.1 m), Zvezda 13.1 m
// (transfer compartment diameter ≈ 2.2 m), Rassvet 6.0 m, Poisk 4.04 m, Pirs 4.91 m, Nauka
// 13.12 m, Prichal 3.3 m sphere (NASA "Reference Guide to the International Space Station",
// 2015 edition, module data pages; RSC Energia module pages for Nauka and Prichal). Dates:
// Zvezda 2000-07-26, Pirs 2001-09-16 to 2021-07-26 (undocked by Progress MS-16 and burnt
// up), Poisk 2009-11-12, Rassvet 2010-05-18, Prichal 2021-11-26 (NASA ISS blog; Roscosmos).

import OrbitCore

/// A docking port of the ISS Russian segment for Soyuz MS and Progress MS.
///
/// `positionInBody` is the centre of the port's docking plane and `axisInBody` its outward
/// normal (the direction the arriving ship comes from), both in the station body frame
/// (SSACS: +X forward, +Y starboard, +Z nadir; origin at the centre of mass).
///
/// Accuracy: positions ±3 m (module lengths stacked, see the file header); axes exact
/// (nadir, zenith, aft).
///
/// References: SSP 30219 Rev. F (2001), SSACS definition; NASA "Reference Guide to the
/// International Space Station" (2015), module data; RSC Energia (Nauka, Prichal); NASA ISS
/// blog (dates).
public enum DockingPort: String, CaseIterable, Hashable, Sendable {
  /// Rassvet (MRM-1), on Zarya's nadir port: the usual port of crewed Soyuz (MS-17, MS-22, MS-24).
  case rassvet
  /// Poisk (MRM-2), on Zvezda's zenith port.
  case poisk
  /// Prichal (UM), nadir port, on Nauka (MS-25, MS-27).
  case prichal
  /// Pirs (DC-1), on Zvezda's nadir port, until 2021-07-26.
  case pirs
  /// Zvezda's aft port (Progress).
  case zvezdaAft = "zvezda-aft"

  /// The lookup name (`rassvet`, …, `zvezda-aft`).
  public var name: String { rawValue }

  /// A human-readable name with the module designation.
  public var displayName: String {
    switch self {
    case .rassvet: "Rassvet (MRM-1) nadir"
    case .poisk: "Poisk (MRM-2) zenith"
    case .prichal: "Prichal (UM) nadir"
    case .pirs: "Pirs (DC-1) nadir"
    case .zvezdaAft: "Zvezda aft"
    }
  }

  /// The centre of the docking plane in the station body frame (m).
  public var positionInBody: Vector3 {
    switch self {
    // Zarya's nadir port is at its forward end, ≈ 13.5 m aft of the Lab centre; Rassvet adds
    // 6.0 m below Zarya's 2.05 m radius.
    case .rassvet: Vector3(-13.5, 0, 8.1)
    // Zvezda's transfer compartment centre ≈ 25.8 m aft; its radius ≈ 1.1 m; Poisk 4.04 m up.
    case .poisk: Vector3(-25.8, 0, -5.1)
    // Nauka (13.12 m) then the Prichal sphere (3.3 m) below Zvezda's transfer compartment.
    case .prichal: Vector3(-25.8, 0, 17.5)
    // Pirs (4.91 m) below Zvezda's transfer compartment.
    case .pirs: Vector3(-25.8, 0, 6.0)
    // The aft end of Zvezda, 13.1 m long from its transfer compartment's forward face.
    case .zvezdaAft: Vector3(-37.4, 0, 0)
    }
  }

  /// The port's outward docking axis in the station body frame (unit).
  public var axisInBody: Vector3 {
    switch self {
    case .rassvet, .prichal, .pirs: Vector3(0, 0, 1)
    case .poisk: Vector3(0, 0, -1)
    case .zvezdaAft: Vector3(-1, 0, 0)
    }
  }

  /// The first UTC day the port could receive a ship (ISO 8601).
  public var availableFromUTC: String {
    switch self {
    case .rassvet: "2010-05-18T00:00:00Z"
    case .poisk: "2009-11-12T00:00:00Z"
    case .prichal: "2021-11-26T16:00:00Z"
    case .pirs: "2001-09-16T00:00:00Z"
    case .zvezdaAft: "2000-07-26T00:00:00Z"
    }
  }

  /// The instant after which the port no longer exists (ISO 8601 UTC), or nil.
  public var availableUntilUTC: String? {
    switch self {
    case .pirs: "2021-07-26T10:55:00Z"
    default: nil
    }
  }

  /// The port with this name (case-insensitive): `rassvet`, `poisk`, `prichal`, `pirs`,
  /// `zvezda-aft`.
  ///
  /// - Parameter name: the lookup name.
  /// - Returns: the port.
  /// - Throws: `DockingPortError.unknownName` listing the valid names.
  public static func named(_ name: String) throws(DockingPortError) -> DockingPort {
    guard let port = DockingPort(rawValue: name.lowercased()) else {
      throw .unknownName(name, valid: allCases.map(\.rawValue))
    }
    return port
  }

  /// Checks that the port exists at `epoch`.
  ///
  /// - Parameters:
  ///   - epoch: the docking epoch (or the hand-over epoch).
  ///   - data: time-scale data for UTC.
  /// - Throws: `DockingPortError.notAvailable` for an epoch before the module arrived or after
  ///   it left (Pirs after 2021-07-26).
  public func checkAvailable(at epoch: Epoch, data: TimeScaleData = .standard) throws(DockingPortError) {
    if let from = try? Epoch(iso8601: availableFromUTC, scale: .utc, data: data), epoch < from {
      throw .notAvailable(self, reason: "it was installed on \(availableFromUTC.prefix(10))")
    }
    if let text = availableUntilUTC, let until = try? Epoch(iso8601: text, scale: .utc, data: data),
      !(epoch < until)
    {
      throw .notAvailable(self, reason: "it was undocked on \(text.prefix(10))")
    }
  }
}

/// An error choosing a docking port.
public enum DockingPortError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No port has this name; `valid` lists the names that exist.
  case unknownName(String, valid: [String])
  /// The port did not exist at the requested time.
  case notAvailable(DockingPort, reason: String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .unknownName(let name, let valid):
      "unknown port '\(name)'; valid ports: \(valid.joined(separator: ", "))"
    case .notAvailable(let port, let reason):
      "port '\(port.rawValue)' (\(port.displayName)) is not available at that date: \(reason)"
    }
  }
}
