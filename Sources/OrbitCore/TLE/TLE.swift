// Two-line element sets: the mean elements of the SGP4/SDP4 theory as NORAD/18 SDS publish them.
//
// Format: Hoots & Roehrich, Spacetrack Report #3 (1980), section 12 (input of the element set);
// CelesTrak, "NORAD Two-Line Element Set Format" (T. S. Kelso), the column table; the alpha-5
// catalogue numbers of the 18th Space Defense Squadron ("Alpha-5" schema, first digit replaced by
// a letter A–Z without I and O for 100000–339999).

/// A parsed two-line element set (TLE), with its fields in the TLE's own units.
///
/// The fields keep the units in which the format writes them (degrees, revolutions per day,
/// inverse Earth radii); `SGP4` converts them to radians and minutes at its boundary. The
/// elements are *mean* elements of the SGP4 theory (Kozai mean motion), not osculating ones.
///
/// Parse with `init(line1:line2:name:options:)` or `TLE.parseMany(_:fileName:options:)`; write
/// back with `line1`, `line2` or `formattedLines(checksums:)`.
///
/// References: Hoots & Roehrich, Spacetrack Report #3 (1980); CelesTrak, "NORAD Two-Line Element
/// Set Format"; Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753 (2006), §
/// "TLE input" (units and the `twoline2rv` conversions).
public struct TLE: Hashable, Sendable {
  /// The satellite name from the name line of the 3-line form (trailing blanks removed, a
  /// leading `0 ` of the CelesTrak 3LE form dropped), or nil for the 2-line form.
  public var name: String?
  /// The satellite catalogue number, 0…339 999 (alpha-5 numbers decoded: `A0000` = 100000).
  public var catalogNumber: Int
  /// The classification letter (`U` unclassified, `C` classified, `S` secret), or a blank.
  public var classification: Character
  /// The international designator (COSPAR ID without the century), e.g. `98067A`; trailing
  /// blanks removed, may be empty.
  public var internationalDesignator: String
  /// The epoch's calendar year, four digits (two-digit years 57…99 are 1957…1999, 00…56 are
  /// 2000…2056).
  public var epochYear: Int
  /// The epoch's day of the year with fraction (1.0 = 1 January 00:00 UTC).
  public var epochDayOfYear: Double
  /// The first time derivative of the mean motion divided by two, ṅ/2 (rev/day²). SGP4 does
  /// not use it.
  public var meanMotionDotOver2: Double
  /// The second time derivative of the mean motion divided by six, n̈/6 (rev/day³). SGP4 does
  /// not use it.
  public var meanMotionDDotOver6: Double
  /// The SGP4 drag term B* (1/Earth radii).
  public var bstar: Double
  /// The ephemeris type digit (0 for SGP4 elements; a blank column reads as 0).
  public var ephemerisType: Int
  /// The element set number, 0…9999.
  public var elementSetNumber: Int
  /// The mean inclination (deg), 0…180.
  public var inclination: Double
  /// The mean right ascension of the ascending node (deg), 0…360.
  public var raan: Double
  /// The mean eccentricity (dimensionless), 0 ≤ e < 1.
  public var eccentricity: Double
  /// The mean argument of perigee (deg), 0…360.
  public var argumentOfPerigee: Double
  /// The mean anomaly (deg), 0…360.
  public var meanAnomaly: Double
  /// The mean motion (rev/day), the Kozai mean motion of the SGP4 theory.
  public var meanMotion: Double
  /// The revolution number at epoch, 0…99 999.
  public var revolutionNumber: Int
  /// Text details that the field values cannot carry, kept so that formatting reproduces the
  /// parsed lines exactly. Part of equality.
  public var layout: Layout

  /// Text details of a TLE that are not element values.
  public struct Layout: Hashable, Sendable {
    /// The character found in column 69 of line 1 when parsed (nil when built from values).
    public var line1Checksum: Character?
    /// The character found in column 69 of line 2 when parsed (nil when built from values).
    public var line2Checksum: Character?
    /// Whether the ephemeris-type column (line 1, column 63) was blank.
    public var ephemerisTypeIsBlank: Bool
    /// The exponent sign written for an exponent of zero in the B* field (`-` or `+`).
    public var bstarZeroExponentSign: Character
    /// The exponent sign written for an exponent of zero in the n̈/6 field (`-` or `+`).
    public var meanMotionDDotZeroExponentSign: Character

    /// The layout of a TLE built from values: checksums computed, `-0` for zero exponents.
    public static let standard = Layout(
      line1Checksum: nil, line2Checksum: nil, ephemerisTypeIsBlank: false,
      bstarZeroExponentSign: "-", meanMotionDDotZeroExponentSign: "-")

    /// A layout from its parts.
    public init(
      line1Checksum: Character?, line2Checksum: Character?, ephemerisTypeIsBlank: Bool,
      bstarZeroExponentSign: Character, meanMotionDDotZeroExponentSign: Character
    ) {
      self.line1Checksum = line1Checksum
      self.line2Checksum = line2Checksum
      self.ephemerisTypeIsBlank = ephemerisTypeIsBlank
      self.bstarZeroExponentSign = bstarZeroExponentSign
      self.meanMotionDDotZeroExponentSign = meanMotionDDotZeroExponentSign
    }
  }

  /// A TLE from its field values (in the TLE's own units; see the property documentation).
  ///
  /// No range checks are made here; formatting clamps values that do not fit their columns.
  public init(
    name: String? = nil, catalogNumber: Int, classification: Character = "U",
    internationalDesignator: String = "", epochYear: Int, epochDayOfYear: Double,
    meanMotionDotOver2: Double = 0, meanMotionDDotOver6: Double = 0, bstar: Double,
    ephemerisType: Int = 0, elementSetNumber: Int = 999,
    inclination: Double, raan: Double, eccentricity: Double, argumentOfPerigee: Double,
    meanAnomaly: Double, meanMotion: Double, revolutionNumber: Int = 0,
    layout: Layout = .standard
  ) {
    self.name = name
    self.catalogNumber = catalogNumber
    self.classification = classification
    self.internationalDesignator = internationalDesignator
    self.epochYear = epochYear
    self.epochDayOfYear = epochDayOfYear
    self.meanMotionDotOver2 = meanMotionDotOver2
    self.meanMotionDDotOver6 = meanMotionDDotOver6
    self.bstar = bstar
    self.ephemerisType = ephemerisType
    self.elementSetNumber = elementSetNumber
    self.inclination = inclination
    self.raan = raan
    self.eccentricity = eccentricity
    self.argumentOfPerigee = argumentOfPerigee
    self.meanAnomaly = meanAnomaly
    self.meanMotion = meanMotion
    self.revolutionNumber = revolutionNumber
    self.layout = layout
  }

  /// The epoch as an `Epoch` (the TLE's day fraction is read on UTC).
  ///
  /// - Parameter data: leap seconds for the UTC → TAI conversion.
  /// - Returns: the epoch instant.
  /// - Throws: `TimeError` for epochs before 1972 (no UTC leap-second table) or a day out of range.
  public func epoch(data: TimeScaleData = .standard) throws(TimeError) -> Epoch {
    try Epoch(tleYear: epochYear, dayOfYear: epochDayOfYear, data: data)
  }

  /// The epoch as a UTC Julian date in one `Double` (resolution about 40 µs), formed as the
  /// reference code forms it: the whole-day Julian date plus the day fraction, rounded once.
  ///
  /// SGP4's deep-space terms are sensitive to this rounding at the millimetre level for
  /// highly eccentric orbits, so it is kept identical to the reference.
  ///
  /// References: Vallado et al., AIAA 2006-6753, `twoline2rv` and `jday`; Vallado,
  /// Fundamentals of Astrodynamics and Applications, 4th ed., algorithm 14.
  public var epochJulianDate: Double {
    // Julian date of 1 January 00:00 of the year (valid 1901–2099; algorithm 14 with month 1,
    // day 1); an integer plus one half, exact in a Double.
    let y = Double(epochYear)
    let jdJanuary1 = 367.0 * y - (7.0 * y / 4.0).rounded(.down) + 30.0 + 1.0 + 1_721_013.5
    let wholeDay = epochDayOfYear.rounded(.down)
    return (jdJanuary1 + (wholeDay - 1.0)) + (epochDayOfYear - wholeDay)
  }

  /// The epoch in days since 1949 December 31 00:00 UTC (JD 2433281.5), the time argument of
  /// SGP4's deep-space and sidereal-time terms: `epochJulianDate − 2433281.5` (exact).
  ///
  /// References: Vallado et al., AIAA 2006-6753, `sgp4init` (epoch "days since 0 jan 1950").
  public var epochDaysSince1950: Double { epochJulianDate - 2_433_281.5 }

  /// Whether the checksum digits found when parsing match the computed ones (true for a TLE
  /// built from values).
  public var hasValidChecksums: Bool {
    let lines = formattedLines(checksums: .computed)
    let c1 = lines.line1.last, c2 = lines.line2.last
    return (layout.line1Checksum ?? c1) == c1 && (layout.line2Checksum ?? c2) == c2
  }
}

/// Options for reading TLE text.
///
/// References: the Vallado verification set's conventions (`SGP4-VER.TLE`: checksum errors on
/// purpose, start/stop/step minutes after column 69 of line 2).
public struct TLEParseOptions: Hashable, Sendable {
  /// Whether a checksum that does not match column 69 is an error.
  public var verifiesChecksums: Bool
  /// Whether text after column 69 is allowed (it is returned in `TLERecord.trailingText`).
  public var allowsTrailingText: Bool

  /// Options from their parts.
  public init(verifiesChecksums: Bool = true, allowsTrailingText: Bool = false) {
    self.verifiesChecksums = verifiesChecksums
    self.allowsTrailingText = allowsTrailingText
  }

  /// Checksums verified, nothing after column 69: for element sets from the wild.
  public static let strict = TLEParseOptions(verifiesChecksums: true, allowsTrailingText: false)

  /// The verification mode of the Vallado set: checksum mismatches are accepted (the set has
  /// some on purpose; `TLE.hasValidChecksums` still reports them) and line 2 may carry the
  /// start/stop/step minutes after column 69.
  public static let verification = TLEParseOptions(verifiesChecksums: false, allowsTrailingText: true)
}

/// One element set read from a file, with where it was found.
public struct TLERecord: Hashable, Sendable {
  /// The element set.
  public var tle: TLE
  /// The 1-based line number of its line 1 in the input.
  public var lineNumber: Int
  /// Text after column 69 of line 2 with surrounding blanks removed (empty if none), e.g. the
  /// `start stop step` minutes of the Vallado verification set.
  public var trailingText: String

  /// A record from its parts.
  public init(tle: TLE, lineNumber: Int, trailingText: String) {
    self.tle = tle
    self.lineNumber = lineNumber
    self.trailingText = trailingText
  }
}
