// CCSDS Orbit Mean-Elements Messages (OMM) carrying SGP4 mean elements: the KVN form of the
// standard and the JSON form CelesTrak and Space-Track publish ("GP" data).
//
// References: CCSDS 502.0-B-3, "Orbit Data Messages", Blue Book (2023), section 4 (OMM) and
// table 4-3 (keywords, units: deg, rev/day, rev/day**2, rev/day**3, 1/ER); CelesTrak, "A New Way
// to Obtain GP Data (aka TLEs)" (T. S. Kelso, 2020), the JSON key names, which are the KVN
// keywords. No code was copied.

/// An OMM with SGP4 mean elements (the subset of keywords SGP4 needs, plus identification).
///
/// Units are those of the standard, which are the TLE's: angles in degrees, mean motion in
/// rev/day, B* in 1/Earth radii. `meanMotionDot` and `meanMotionDDot` hold what CelesTrak and
/// Space-Track write under MEAN_MOTION_DOT and MEAN_MOTION_DDOT, the TLE's ṅ/2 (rev/day²) and
/// n̈/6 (rev/day³) fields; SGP4 does not use them.
///
/// ```swift
/// let omm = try OMM.parseKVN(text, fileName: "iss.omm")
/// let sgp4 = try SGP4(omm: omm)
/// ```
///
/// References: CCSDS 502.0-B-3 §4 and table 4-3; CelesTrak GP JSON.
public struct OMM: Hashable, Sendable {
  /// OBJECT_NAME (spacecraft name), if given.
  public var objectName: String?
  /// OBJECT_ID (international designator, e.g. `1998-067A`), if given.
  public var objectID: String?
  /// EPOCH as written (UTC), e.g. `2024-09-15T00:58:12.885024`.
  public var epochText: String
  /// The epoch year (e.g. 2024).
  public var epochYear: Int
  /// The epoch day of year, 1.0 at January 1 00:00 UTC, with the day fraction.
  public var epochDayOfYear: Double
  /// MEAN_MOTION (rev/day), Kozai mean motion as in the TLE.
  public var meanMotion: Double
  /// ECCENTRICITY.
  public var eccentricity: Double
  /// INCLINATION (deg).
  public var inclination: Double
  /// RA_OF_ASC_NODE (deg).
  public var raan: Double
  /// ARG_OF_PERICENTER (deg).
  public var argumentOfPericenter: Double
  /// MEAN_ANOMALY (deg).
  public var meanAnomaly: Double
  /// EPHEMERIS_TYPE (0 for SGP4 element sets).
  public var ephemerisType: Int
  /// CLASSIFICATION_TYPE (`U`, `C`, `S`).
  public var classification: Character
  /// NORAD_CAT_ID.
  public var noradCatalogID: Int
  /// ELEMENT_SET_NO.
  public var elementSetNumber: Int
  /// REV_AT_EPOCH.
  public var revolutionNumber: Int
  /// BSTAR (1/Earth radii).
  public var bstar: Double
  /// MEAN_MOTION_DOT (rev/day²), the TLE's ṅ/2 field.
  public var meanMotionDot: Double
  /// MEAN_MOTION_DDOT (rev/day³), the TLE's n̈/6 field.
  public var meanMotionDDot: Double

  /// An OMM from its values (units as the properties). `epochText` is derived.
  public init(
    objectName: String? = nil, objectID: String? = nil, epochYear: Int, epochDayOfYear: Double,
    meanMotion: Double, eccentricity: Double, inclination: Double, raan: Double,
    argumentOfPericenter: Double, meanAnomaly: Double, ephemerisType: Int = 0,
    classification: Character = "U", noradCatalogID: Int, elementSetNumber: Int = 999,
    revolutionNumber: Int = 0, bstar: Double, meanMotionDot: Double = 0, meanMotionDDot: Double = 0
  ) {
    self.objectName = objectName
    self.objectID = objectID
    self.epochYear = epochYear
    self.epochDayOfYear = epochDayOfYear
    self.epochText = "\(epochYear)-\(epochDayOfYear)"
    self.meanMotion = meanMotion
    self.eccentricity = eccentricity
    self.inclination = inclination
    self.raan = raan
    self.argumentOfPericenter = argumentOfPericenter
    self.meanAnomaly = meanAnomaly
    self.ephemerisType = ephemerisType
    self.classification = classification
    self.noradCatalogID = noradCatalogID
    self.elementSetNumber = elementSetNumber
    self.revolutionNumber = revolutionNumber
    self.bstar = bstar
    self.meanMotionDot = meanMotionDot
    self.meanMotionDDot = meanMotionDDot
  }

  /// The same mean elements as a `TLE` (field by field; the international designator in the
  /// TLE's `YYNNNPPP` form when OBJECT_ID is `YYYY-NNNPPP`).
  public var tle: TLE {
    TLE(
      name: objectName, catalogNumber: noradCatalogID, classification: classification,
      internationalDesignator: Self.tleDesignator(objectID), epochYear: epochYear,
      epochDayOfYear: epochDayOfYear, meanMotionDotOver2: meanMotionDot,
      meanMotionDDotOver6: meanMotionDDot, bstar: bstar, ephemerisType: ephemerisType,
      elementSetNumber: elementSetNumber, inclination: inclination, raan: raan,
      eccentricity: eccentricity, argumentOfPerigee: argumentOfPericenter,
      meanAnomaly: meanAnomaly, meanMotion: meanMotion, revolutionNumber: revolutionNumber)
  }

  /// `1998-067A` → `98067A`; other forms unchanged.
  static func tleDesignator(_ id: String?) -> String {
    guard let id else { return "" }
    let c = Array(id)
    if c.count >= 6, c[4] == "-", c[0..<4].allSatisfy(\.isNumber) {
      return String(c[2..<4]) + String(c[5...])
    }
    return id
  }
}

extension SGP4 {
  /// Initialises SGP4 from an OMM's mean elements: the same conversion as from a TLE.
  ///
  /// - Parameters:
  ///   - omm: the message (WGS-72 SGP4 mean elements, degrees, rev/day, 1/ER).
  ///   - gravity: the gravity model (default `.wgs72`).
  ///   - mode: the operation mode (default `.improved`).
  /// - Throws: `SGP4Error` when propagation to the epoch fails.
  /// - References: CCSDS 502.0-B-3 §4; Vallado et al., AIAA 2006-6753, rev. 3, `sgp4init`.
  public init(omm: OMM, gravity: Gravity = .wgs72, mode: OperationMode = .improved) throws(SGP4Error) {
    try self.init(tle: omm.tle, gravity: gravity, mode: mode)
  }
}
