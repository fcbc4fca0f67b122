// The UTC leap-second table (TAI − UTC), 1972 onward.
//
// References: IERS Bulletin C; data: Leap_Second.dat of the IERS EOP Centre as shipped in
// astropy-iers-data 0.2026.11.2.0.34.55 (see Tests/ReferenceData/iers/PROVENANCE.md).

/// TAI − UTC as a step function of the UTC date, from 1972-01-01 (10 s) onward.
///
/// After the last entry the last offset is assumed to hold (the source file expires on
/// 2027-06-28; later dates use 37 s until a new table is shipped). Before 1972 UTC is not
/// defined by this table and look-ups throw `TimeError.utcBefore1972`.
public struct LeapSecondTable: Sendable, Hashable {
  /// Modified Julian days (UTC, 0h) at which each offset starts, ascending.
  public let startMJD: [Int]
  /// TAI − UTC (whole seconds) from each start date.
  public let offsetSeconds: [Int]
  /// The same starts as TAI seconds since the `Epoch` origin (2000-01-01T12:00:00 TAI).
  @usableFromInline let startTAI: [Int64]

  /// A table from ascending start dates and their offsets.
  public init(startMJD: [Int], offsetSeconds: [Int]) {
    precondition(startMJD.count == offsetSeconds.count && !startMJD.isEmpty)
    self.startMJD = startMJD
    self.offsetSeconds = offsetSeconds
    startTAI = zip(startMJD, offsetSeconds).map { mjd, offset in
      Int64(mjd - 51544) * 86400 - 43200 + Int64(offset)
    }
  }

  /// The table compiled into Orbit (28 entries, 1972-01-01 to 2017-01-01).
  public static let builtIn: LeapSecondTable = {
    var mjds: [Int] = []
    var offsets: [Int] = []
    for line in builtInLeapSecondsCSV.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      guard fields.count == 3, let mjd = Int(fields[0]), let offset = Int(fields[2]) else {
        preconditionFailure("corrupt built-in leap-second table: \(line)")
      }
      mjds.append(mjd)
      offsets.append(offset)
    }
    return LeapSecondTable(startMJD: mjds, offsetSeconds: offsets)
  }()

  /// The first UTC day the table covers (MJD 41317 = 1972-01-01).
  public var firstMJD: Int { startMJD[0] }

  /// TAI − UTC (s) in force on UTC modified Julian day `mjd`, or nil before the table.
  @inlinable
  public func offset(onUTCDay mjd: Int) -> Int? {
    guard mjd >= startMJD[0] else { return nil }
    var lo = 0, hi = startMJD.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if startMJD[mid] <= mjd { lo = mid } else { hi = mid - 1 }
    }
    return offsetSeconds[lo]
  }

  /// True when UTC day `mjd` ends with an inserted leap second (23:59:60 exists).
  @inlinable
  public func endsWithLeapSecond(utcDay mjd: Int) -> Bool {
    guard let today = offset(onUTCDay: mjd), let tomorrow = offset(onUTCDay: mjd + 1) else {
      return false
    }
    return tomorrow > today
  }

  /// The UTC reading of a TAI instant.
  ///
  /// - Parameter taiWholeSeconds: whole TAI seconds since the `Epoch` origin.
  /// - Returns: the UTC day (MJD), the whole seconds of that day (0…86400, where 86400 is
  ///   the inserted second 23:59:60), and TAI − UTC (s); nil before 1972.
  @inlinable
  public func utc(fromTAI taiWholeSeconds: Int64) -> (mjd: Int, secondOfDay: Int64, taiMinusUTC: Int)? {
    guard taiWholeSeconds >= startTAI[0] else { return nil }
    var lo = 0, hi = startTAI.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if startTAI[mid] <= taiWholeSeconds { lo = mid } else { hi = mid - 1 }
    }
    let offset = offsetSeconds[lo]
    if lo + 1 < startTAI.count {
      let step = Int64(offsetSeconds[lo + 1] - offset)
      if step > 0 && taiWholeSeconds >= startTAI[lo + 1] - step {
        // Inside an inserted leap second: 23:59:60 of the day before the new offset starts.
        let into = taiWholeSeconds - (startTAI[lo + 1] - step)
        return (startMJD[lo + 1] - 1, 86400 + into, offset)
      }
    }
    let utcCount = taiWholeSeconds - Int64(offset) + 43200  // seconds since 2000-01-01T00:00 UTC
    let day = utcCount >= 0 ? utcCount / 86400 : (utcCount - 86399) / 86400
    return (51544 + Int(day), utcCount - day * 86400, offset)
  }
}
