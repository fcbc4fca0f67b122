// Space-weather look-up with the conventions of NRLMSISE-00:
//   F10.7  = observed flux of the PREVIOUS UTC day (sfu),
//   F10.7A = 81-day mean of observed F10.7 centred on the day of interest (CelesTrak "Obs Ctr81",
//            which we checked is centred on its own row: recomputed from the flux column it
//            matches every row with 40 days on each side to the printed 0.1 sfu),
//   Ap     = daily Ap of the day; in the 3-hourly mode the 7-element AP array of the model:
//            daily Ap, ap of the current 3-h interval and of the three before it, and the means
//            of the eight intervals 12–33 h and 36–57 h before the current time.
// The model uses the OBSERVED flux (at the Earth's distance), not the flux adjusted to 1 AU:
// NRLMSISE-00 distribution, GTD7 input notes ("F107 and F107A values used to generate the model
// correspond to the 10.7 cm radio flux at the actual distance of the Earth from the Sun rather
// than the radio flux at 1 AU"), also in nrlmsise-00.h of the C port; Picone et al. (2002) §2.
// Our own code.

/// The 7-element magnetic-activity array of NRLMSISE-00 (the model's `AP(1…7)` for switch 9 = −1).
///
/// References: NRLMSISE-00 GTD7 input description (AP array); Picone et al. (2002).
@frozen
public struct ApHistory: Sendable, Hashable {
  /// Daily Ap of the day.
  public var daily: Double
  /// 3-hourly ap of the interval containing the current time.
  public var current: Double
  /// 3-hourly ap of the interval 3 h before.
  public var before3h: Double
  /// 3-hourly ap of the interval 6 h before.
  public var before6h: Double
  /// 3-hourly ap of the interval 9 h before.
  public var before9h: Double
  /// Mean of the eight 3-hourly ap from 12 to 33 h before the current time.
  public var mean12To33h: Double
  /// Mean of the eight 3-hourly ap from 36 to 57 h before the current time.
  public var mean36To57h: Double

  /// An AP array from its seven values (in the model's order).
  @inlinable
  public init(
    daily: Double, current: Double, before3h: Double, before6h: Double, before9h: Double,
    mean12To33h: Double, mean36To57h: Double
  ) {
    self.daily = daily
    self.current = current
    self.before3h = before3h
    self.before6h = before6h
    self.before9h = before9h
    self.mean12To33h = mean12To33h
    self.mean36To57h = mean36To57h
  }

  /// Every element equal to `ap` (a quiet or constant-activity history).
  @inlinable
  public init(constant ap: Double) {
    self.init(
      daily: ap, current: ap, before3h: ap, before6h: ap, before9h: ap, mean12To33h: ap,
      mean36To57h: ap)
  }
}

/// Where a set of indices came from.
public enum SpaceWeatherSource: Sendable, Hashable {
  /// Every row used is final.
  case observed
  /// From the table, but at least one row used is provisional.
  case provisional
  /// The date is outside the table; the fallback supplied the values.
  case fallback
}

/// The solar and geomagnetic inputs of NRLMSISE-00 for one instant.
@frozen
public struct SpaceWeatherIndices: Sendable, Hashable {
  /// Observed F10.7 of the previous UTC day (sfu).
  public var f107: Double
  /// 81-day mean of observed F10.7 centred on the day (sfu).
  public var f107Average: Double
  /// Daily Ap of the day.
  public var ap: Double
  /// The 3-hourly AP array (for the model's switch 9 = −1 mode).
  public var apHistory: ApHistory
  /// Table (final or provisional) or fallback.
  public var source: SpaceWeatherSource

  /// Indices from their parts.
  ///
  /// - Parameters:
  ///   - f107: previous-day observed F10.7 (sfu).
  ///   - f107Average: 81-day centred mean of observed F10.7 (sfu).
  ///   - ap: daily Ap.
  ///   - apHistory: the AP array (default: every element `ap`).
  ///   - source: where the values came from (default `.observed`).
  @inlinable
  public init(
    f107: Double, f107Average: Double, ap: Double, apHistory: ApHistory? = nil,
    source: SpaceWeatherSource = .observed
  ) {
    self.f107 = f107
    self.f107Average = f107Average
    self.ap = ap
    self.apHistory = apHistory ?? ApHistory(constant: ap)
    self.source = source
  }

  /// True when the fallback supplied the values (the date is outside the table).
  @inlinable public var usedFallback: Bool { source == .fallback }
}

/// What to use for dates the table does not cover.
public enum SpaceWeatherFallback: Sendable, Hashable {
  /// Constant, user-supplied indices: F10.7 = `f107`, F10.7A = `f107Average`, and `ap` for the
  /// daily Ap and every element of the AP array.
  case constant(f107: Double, f107Average: Double, ap: Double)
  /// The table's last 81-day means: F10.7 = F10.7A = the mean observed F10.7 of the table's last
  /// 81 days, and Ap (daily and every AP-array element) = the mean daily Ap of those days.
  case lastMean
}

/// A date the space-weather table does not cover, with no fallback given.
public enum SpaceWeatherError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The day needs rows before the table's first day.
  case beforeTable(date: CivilDate, firstCoveredDate: CivilDate)
  /// The day needs rows after the table's last day.
  case afterTable(date: CivilDate, lastCoveredDate: CivilDate)

  public var description: String {
    switch self {
    case .beforeTable(let d, let first):
      return "no space weather for \(Self.iso(d)): the table covers \(Self.iso(first)) onwards "
        + "(give a fallback to use constant indices)"
    case .afterTable(let d, let last):
      return "no space weather for \(Self.iso(d)): the table ends at \(Self.iso(last)) "
        + "(give a fallback: constant indices or the table's last 81-day mean)"
    }
  }

  static func iso(_ d: CivilDate) -> String {
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
  }
}

/// Looks up NRLMSISE-00's solar and geomagnetic inputs by UTC date and time.
///
/// A day D is covered when the table holds days D − 3 … D (D − 1 for F10.7, D for F10.7A and Ap,
/// D − 3 … D for the 57 hours of the AP array); with the built-in table that is 2018-01-04 to
/// 2026-06-30. Outside that range the `fallback` applies and the result says so
/// (`source == .fallback`); without a fallback the throwing look-ups throw `SpaceWeatherError`.
/// Values are step functions of time (no interpolation), as in the model's own use.
///
/// References: NRLMSISE-00 GTD7 input notes (F107 of the previous day, F107A 81-day average
/// centred on the day, observed flux); Picone et al. (2002), J. Geophys. Res. 107(A12), 1468;
/// CelesTrak CSSI space-weather format.
public struct SpaceWeather: Sendable, Hashable {
  /// The daily table.
  public let table: SpaceWeatherTable
  /// Used outside the table's coverage (nil: such dates are an error).
  public let fallback: SpaceWeatherFallback?
  /// Mean observed F10.7 (sfu) and mean daily Ap over the table's last 81 days (or all of it if
  /// shorter): the values of `SpaceWeatherFallback.lastMean`.
  public let lastMeans: (f107: Double, ap: Double)

  /// A look-up over `table` (default: the built-in history).
  ///
  /// - Parameters:
  ///   - table: the daily table.
  ///   - fallback: the values for uncovered dates (default nil: an error).
  public init(table: SpaceWeatherTable = .builtIn, fallback: SpaceWeatherFallback? = nil) {
    self.table = table
    self.fallback = fallback
    let n = min(81, table.count)
    var f = 0.0, a = 0.0
    for i in max(0, table.count - n)..<table.count {
      f += table.f107Observed[i]
      a += table.apDaily[i]
    }
    lastMeans = n > 0 ? (f / Double(n), a / Double(n)) : (.nan, .nan)
  }

  public static func == (lhs: SpaceWeather, rhs: SpaceWeather) -> Bool {
    lhs.table == rhs.table && lhs.fallback == rhs.fallback
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(table)
    hasher.combine(fallback)
  }

  /// The built-in table with no fallback.
  public static let builtIn = SpaceWeather()

  /// First covered UTC day (MJD): the table's first day + 3.
  @inlinable public var firstCoveredMJD: Int { table.firstMJD + 3 }
  /// Last covered UTC day (MJD): the table's last day.
  @inlinable public var lastCoveredMJD: Int { table.lastMJD }

  /// The indices at a UTC day and time.
  ///
  /// - Parameters:
  ///   - mjd: UTC modified Julian day.
  ///   - secondOfDay: UTC seconds since 00:00 of that day (s; 86 400 … inside a leap second).
  /// - Returns: the indices, with `source` saying whether they are final, provisional or the
  ///   fallback's.
  /// - Throws: `SpaceWeatherError` when the day is not covered and there is no fallback.
  public func indices(mjd: Int, secondOfDay: Double) throws(SpaceWeatherError) -> SpaceWeatherIndices {
    if let v = indicesIfAvailable(mjd: mjd, secondOfDay: secondOfDay) { return v }
    let date = CivilDate(modifiedJulianDay: mjd)
    if mjd < firstCoveredMJD {
      throw .beforeTable(date: date, firstCoveredDate: CivilDate(modifiedJulianDay: firstCoveredMJD))
    }
    throw .afterTable(date: date, lastCoveredDate: CivilDate(modifiedJulianDay: lastCoveredMJD))
  }

  /// The indices at an instant (UTC read through `leapSeconds`).
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - leapSeconds: the leap-second table (default: built in).
  /// - Returns: the indices.
  /// - Throws: `SpaceWeatherError` when the day is not covered and there is no fallback (also
  ///   before 1972, where UTC is not defined here).
  public func indices(at epoch: Epoch, leapSeconds: LeapSecondTable = .builtIn) throws(SpaceWeatherError)
    -> SpaceWeatherIndices
  {
    guard let u = leapSeconds.utc(fromTAI: epoch.wholeSeconds) else {
      if let fallback { return fallbackIndices(fallback) }
      throw .beforeTable(
        date: CivilDate(year: 1972, month: 1, day: 1),
        firstCoveredDate: CivilDate(modifiedJulianDay: firstCoveredMJD))
    }
    return try indices(mjd: u.mjd, secondOfDay: Double(u.secondOfDay) + epoch.fraction)
  }

  /// The indices, or nil when the day is not covered and there is no fallback (non-throwing,
  /// non-allocating: for hot paths).
  ///
  /// - Parameters:
  ///   - mjd: UTC modified Julian day.
  ///   - secondOfDay: UTC seconds since 00:00 (s).
  /// - Returns: the indices or nil.
  public func indicesIfAvailable(mjd: Int, secondOfDay: Double) -> SpaceWeatherIndices? {
    guard mjd >= firstCoveredMJD && mjd <= lastCoveredMJD else {
      guard let fallback else { return nil }
      return fallbackIndices(fallback)
    }
    let day = mjd - table.firstMJD
    // Interval index of the current 3-hour slot, counted from the table's first 00:00 UT.
    let slotOfDay = min(7, max(0, Int(secondOfDay / 10_800)))
    let k = 8 * day + slotOfDay
    let ap3 = table.ap3Hourly
    func mean(from start: Int) -> Double {  // mean of ap3[start − 7 … start]
      var s = 0.0
      for j in (start - 7)...start { s += ap3[j] }
      return s / 8
    }
    let history = ApHistory(
      daily: table.apDaily[day], current: ap3[k], before3h: ap3[k - 1], before6h: ap3[k - 2],
      before9h: ap3[k - 3], mean12To33h: mean(from: k - 4), mean36To57h: mean(from: k - 12))
    var provisional = false
    for d in (day - 3)...day where table.provisional[d] { provisional = true }
    return SpaceWeatherIndices(
      f107: table.f107Observed[day - 1], f107Average: table.f107ObservedCentered81[day],
      ap: table.apDaily[day], apHistory: history, source: provisional ? .provisional : .observed)
  }

  /// The fallback's indices.
  func fallbackIndices(_ fallback: SpaceWeatherFallback) -> SpaceWeatherIndices {
    switch fallback {
    case .constant(let f107, let f107Average, let ap):
      return SpaceWeatherIndices(f107: f107, f107Average: f107Average, ap: ap, source: .fallback)
    case .lastMean:
      let m = lastMeans
      return SpaceWeatherIndices(f107: m.f107, f107Average: m.f107, ap: m.ap, source: .fallback)
    }
  }
}
