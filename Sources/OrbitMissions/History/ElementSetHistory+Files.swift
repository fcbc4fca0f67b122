// Reading a history from a TLE file, or from a file of either kind (GP JSON or TLE).

import OrbitCore

extension HistorySample {
  /// The sample for one TLE: epoch read as UTC, mean semi-major axis from the SGP4 recovery with
  /// WGS-72, label the epoch as ISO 8601 UTC (microseconds, no `Z`, like GP JSON's EPOCH).
  /// - Throws: `TimeError` when the epoch cannot be placed on UTC (before 1972).
  /// - References: Spacetrack Report #3 (1980); Vallado et al., AIAA 2006-6753 rev. 3.
  public init(tle: TLE) throws(TimeError) {
    let epoch = try tle.epoch()
    var label = try epoch.iso8601(.utc, fractionDigits: 6)
    if label.hasSuffix("Z") { label.removeLast() }
    let a = SGP4MeanElements.semiMajorAxis(
      meanMotion: tle.meanMotion, eccentricity: tle.eccentricity, inclination: tle.inclination * Double.pi / 180.0)
    self.init(epoch: epoch, label: label, meanSemiMajorAxis: a, meanMotion: tle.meanMotion)
  }
}

extension ElementSetHistory {
  /// Reads a TLE history (two- or three-line element sets, strict checksums) and analyses it.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in error messages.
  ///   - options: the analysis rules.
  /// - Throws: `ElementSetHistoryError` naming the file and line.
  /// - References: NORAD two-line element format (Spacetrack Report #3, appendix); `TLE.parseMany`.
  public init(tleText text: String, fileName: String, options: Options = Options()) throws(ElementSetHistoryError) {
    let records: [TLERecord]
    do { records = try TLE.parseMany(text, fileName: fileName) } catch { throw .tle(error) }
    guard !records.isEmpty else { throw .empty(file: fileName) }
    var samples: [HistorySample] = []
    samples.reserveCapacity(records.count)
    for r in records {
      let s: HistorySample
      do { s = try HistorySample(tle: r.tle) } catch {
        throw .invalidTLE(file: fileName, line: r.lineNumber, reason: "epoch: \(error)")
      }
      guard s.meanSemiMajorAxis.isFinite else {
        throw .invalidTLE(
          file: fileName, line: r.lineNumber,
          reason: "mean motion/eccentricity/inclination give no valid mean semi-major axis")
      }
      samples.append(s)
    }
    try self.init(samples: samples, options: options)
  }

  /// Reads a history in either format: GP JSON when the first non-blank character is `[` or
  /// `{`, TLE lines otherwise.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in error messages.
  ///   - options: the analysis rules.
  /// - Throws: `ElementSetHistoryError`.
  public init(contents text: String, fileName: String, options: Options = Options()) throws(ElementSetHistoryError) {
    guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else {
      throw .empty(file: fileName)
    }
    if first == "[" || first == "{" {
      try self.init(gpJSON: text, fileName: fileName, options: options)
    } else {
      try self.init(tleText: text, fileName: fileName, options: options)
    }
  }
}
