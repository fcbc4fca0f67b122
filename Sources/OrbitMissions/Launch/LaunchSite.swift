// Launch-site catalogue: the Baikonur pads Soyuz flies from to the ISS, with coordinates and
// where they come from.

import OrbitCore

/// A launch pad: geodetic position (WGS-84), the vehicle flown from it and the source of the
/// coordinates.
///
/// References: each preset's `source`.
public struct LaunchSite: Hashable, Sendable, CustomStringConvertible {
  /// The lookup name (kebab-case), e.g. `baikonur-31`.
  public var name: String
  /// A human-readable name.
  public var displayName: String
  /// Geodetic position of the pad on WGS-84 (latitude, longitude in rad; altitude in m).
  public var position: GeodeticPoint
  /// The launch vehicle the ascent model applies to from this pad.
  public var vehicle: String
  /// Where the coordinates come from and how well they are known.
  public var source: String

  /// A launch site.
  /// - Parameters:
  ///   - name: lookup name.
  ///   - displayName: description.
  ///   - latitudeDegrees: geodetic latitude (deg, north positive).
  ///   - longitudeDegrees: longitude (deg, east positive).
  ///   - altitude: height above the WGS-84 ellipsoid (m).
  ///   - vehicle: the launch vehicle.
  ///   - source: provenance of the coordinates.
  public init(
    name: String, displayName: String, latitudeDegrees: Double, longitudeDegrees: Double, altitude: Double,
    vehicle: String, source: String
  ) {
    self.name = name
    self.displayName = displayName
    self.position = GeodeticPoint(
      latitude: latitudeDegrees * Angle.degree, longitude: longitudeDegrees * Angle.degree, altitude: altitude)
    self.vehicle = vehicle
    self.source = source
  }

  /// The pad's Earth-fixed (ITRF) position (m).
  public var itrfPosition: Vector3 { position.cartesian(on: .wgs84) }

  public var description: String { "\(name) (\(displayName))" }

  /// Baikonur Site 31, pad 6 (31/6): the pad of every crewed Soyuz since MS-16 (April 2020) and
  /// of the Progress MS flights in the training set (Soyuz-2.1a).
  ///
  /// 45.996° N, 63.564° E. The issue's fact sheet marked this figure as unverified; the same
  /// value is used for "Baikonur Cosmodrome Site 31/6" in an independent public code base
  /// (a launch-tracking app, found by exact-string search of a public code index), and
  /// RussianSpaceWeb ("Site 31 for the Soyuz rocket family") places Site 31 east of the
  /// original Site 1 complex, which agrees (63.56° E vs 63.34° E). The launch-window calibration
  /// is a third check: with this position the in-plane liftoff lead of the training missions
  /// scatters by seconds; a pad misplaced by 0.2° of longitude would move every predicted time
  /// by ~50 s, which the lead would absorb, but the scatter would not change. Altitude ~100 m
  /// (the cosmodrome is at about 90 m above sea level) has no effect on the plane geometry.
  ///
  /// References: russianspaceweb.com/baikonur_r7_31.html (location relative to Site 1);
  /// public launch-tracker source ("Baikonur Cosmodrome Site 31/6, Kazakhstan",
  /// LatLng(45.996, 63.564)); FACTS.md of the mission data set ([M] before this check).
  public static let baikonur31 = LaunchSite(
    name: "baikonur-31", displayName: "Baikonur Site 31/6 (Soyuz-2.1a)", latitudeDegrees: 45.996,
    longitudeDegrees: 63.564, altitude: 100, vehicle: "Soyuz-2.1a",
    source:
      "45.996 N, 63.564 E: mission fact sheet [M], matched by an independent public launch-tracker data set; Site 31 lies east of Site 1 (RussianSpaceWeb, baikonur_r7_31.html)"
  )

  /// Baikonur Site 1, pad 5 ("Gagarin's Start", 1/5): Soyuz-FG crew launches until Soyuz MS-15
  /// (September 2019); kept for historical flights and comparison.
  ///
  /// 45°55′13″ N, 63°20′32″ E (45.920278°, 63.342222°), as given by the encyclopaedia article
  /// "Baikonur Cosmodrome Site 1" (worldheritage.org / gutenberg.org mirrors); the fact sheet's
  /// 45.920 N, 63.342 E [M] agrees. Not the cosmodrome reference point 45.965 N, 63.305 E.
  ///
  /// References: worldheritage.org/articles/eng/Baikonur_Cosmodrome_Site_1 (retrieved through
  /// the stored-pages search, 2026-11-21).
  public static let baikonur1 = LaunchSite(
    name: "baikonur-1", displayName: "Baikonur Site 1/5, Gagarin's Start (Soyuz-FG, historical)",
    latitudeDegrees: 45.920278, longitudeDegrees: 63.342222, altitude: 100, vehicle: "Soyuz-FG / Soyuz-2.1a",
    source: "45 55 13 N, 63 20 32 E: encyclopaedia article 'Baikonur Cosmodrome Site 1' (worldheritage.org mirror)")

  /// Every site, in lookup order.
  public static let all: [LaunchSite] = [baikonur31, baikonur1]

  /// The site with this name (case-insensitive).
  /// - Parameter name: e.g. `baikonur-31`.
  /// - Throws: `LaunchSiteError.unknownName` listing the valid names.
  public static func named(_ name: String) throws(LaunchSiteError) -> LaunchSite {
    let key = name.lowercased()
    if let site = all.first(where: { $0.name == key }) { return site }
    throw .unknownName(name, valid: all.map(\.name))
  }
}

/// Why a launch site could not be found.
public enum LaunchSiteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No site of this name; `valid` lists the names that exist.
  case unknownName(String, valid: [String])

  public var description: String {
    switch self {
    case .unknownName(let name, let valid):
      return "unknown launch pad \"\(name)\" (valid pads: \(valid.joined(separator: ", ")))"
    }
  }
}
