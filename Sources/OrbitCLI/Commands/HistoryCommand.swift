import OrbitCore
import OrbitMissions
import OrbitScenario

/// `orbit history FILE`: decay rates per interval and detected reboosts of an element-set history.
enum HistoryCommand {
  static let spec = CommandSpec(
    name: "history",
    summary: "Decay rates and reboosts of an element-set history (GP JSON or TLE file).",
    usage: "orbit history <file> [--format text|json]",
    positionals: [
      PositionalSpec(name: "<file>", help: "A CelesTrak GP JSON array (OMM) or a file of TLEs, one object over time.")
    ],
    options: [
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text")
    ],
    details: """
      Reads every element set, sorts them by epoch, drops exact duplicates and computes each
      set's mean altitude: the SGP4 (WGS-72, Brouwer) mean semi-major axis recovered from the
      Kozai mean motion, minus 6378.135 km. Sets that agree with neither the 3 sets before nor
      the 3 after (residual > max(5 × the median residual, 200 m)) are flagged as outliers and
      left out of the fits. A reboost is a rise of > 150 m confirmed by the next 2 sets; its Δa is
      the difference of the detrended levels on both sides, its Δv = vΔa/(2a). Each interval
      between reboosts with ≥ 3 sets over ≥ 1 day gets a least-squares decay rate (m/day).

      Text: a summary, the intervals, the reboosts and the outliers. JSON keys: file,
      element_sets, duplicates_dropped, outlier_threshold_m, decay_intervals[] (start_utc,
      end_utc, days, sets, mean_altitude_start_km, mean_altitude_end_km, decay_m_per_day),
      reboosts[] (last_before_utc, first_after_utc, mean_altitude_before_km, delta_a_m,
      delta_v_m_s), outliers[] (epoch_utc, mean_altitude_km).

      Exit codes: 1 missing or unreadable file; 65 a file that does not parse (file, line or
      element index named), a set with an invalid epoch or elements, or fewer than 7 distinct
      sets; 64 bad options.

      Examples:
        orbit history iss-gp.json
        orbit history iss.tle --format json
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let path = arguments.positionals[0]
    let json = (arguments.option("--format") ?? "text") == "json"
    let text = try InputFile.text(path)
    let history: ElementSetHistory
    do throws(ElementSetHistoryError) {
      history = try ElementSetHistory(contents: text, fileName: path)
    } catch {
      throw .data(error.description)
    }
    out += json ? Self.json(history, path: path) : Self.text(history, path: path)
  }

  static func km(_ meters: Double, _ digits: Int = 3) -> String { NumberFormat.fixed(meters / 1000, digits: digits) }

  static func text(_ h: ElementSetHistory, path: String) -> String {
    let outliers = h.samples.indices.filter { h.isOutlier[$0] }
    var s = "\(path): \(h.samples.count) element sets"
    if let first = h.samples.first, let last = h.samples.last { s += ", \(first.label) … \(last.label)" }
    s += "\n\(h.duplicatesDropped) exact duplicates dropped, \(outliers.count) outliers flagged (threshold "
    s += "\(NumberFormat.fixed(h.outlierThreshold, digits: 0)) m)\n"
    s += "mean altitude = SGP4 (WGS-72) mean semi-major axis - 6378.135 km\n\n"
    s += "Decay intervals (\(h.decayIntervals.count)):\n"
    s += pad("  start (UTC)", 30) + pad("end (UTC)", 28) + pad("days", 8) + pad("sets", 6) + pad("alt start km", 14)
      + pad("alt end km", 12) + "decay m/day\n"
    for d in h.decayIntervals {
      s += pad("  " + d.first.label, 30) + pad(d.last.label, 28) + pad(NumberFormat.fixed(d.days, digits: 2), 8)
        + pad(String(d.setCount), 6) + pad(km(d.first.meanAltitude), 14) + pad(km(d.last.meanAltitude), 12)
        + NumberFormat.fixed(d.decayRate, digits: 1) + "\n"
    }
    s += "\nReboosts (\(h.reboosts.count)):\n"
    s += pad("  last set before (UTC)", 30) + pad("first set after (UTC)", 28) + pad("alt before km", 15)
      + pad("delta a m", 11) + "delta v m/s\n"
    for r in h.reboosts {
      s += pad("  " + r.lastBefore.label, 30) + pad(r.firstAfter.label, 28)
        + pad(km(r.semiMajorAxisBefore - SGP4MeanElements.equatorialRadius), 15)
        + pad(NumberFormat.fixed(r.deltaSemiMajorAxis, digits: 0), 11) + NumberFormat.fixed(r.estimatedDeltaV, digits: 3)
        + "\n"
    }
    s += "\nOutliers (\(outliers.count)):\n"
    for i in outliers {
      s += "  \(h.samples[i].label)  \(km(h.samples[i].meanAltitude)) km\n"
    }
    return s
  }

  static func json(_ h: ElementSetHistory, path: String) -> String {
    let intervals: [JSONValue] = h.decayIntervals.map { d in
      .fields([
        "start_utc": .string(d.first.label), "end_utc": .string(d.last.label), "days": .double(d.days),
        "sets": .int(d.setCount), "mean_altitude_start_km": .double(d.first.meanAltitude / 1000),
        "mean_altitude_end_km": .double(d.last.meanAltitude / 1000), "decay_m_per_day": .double(d.decayRate),
      ])
    }
    let reboosts: [JSONValue] = h.reboosts.map { r in
      .fields([
        "last_before_utc": .string(r.lastBefore.label), "first_after_utc": .string(r.firstAfter.label),
        "mean_altitude_before_km": .double((r.semiMajorAxisBefore - SGP4MeanElements.equatorialRadius) / 1000),
        "delta_a_m": .double(r.deltaSemiMajorAxis), "delta_v_m_s": .double(r.estimatedDeltaV),
      ])
    }
    let outliers: [JSONValue] = h.samples.indices.filter { h.isOutlier[$0] }.map { i in
      .fields(["epoch_utc": .string(h.samples[i].label), "mean_altitude_km": .double(h.samples[i].meanAltitude / 1000)])
    }
    return JSONWriter.string(
      .fields([
        "file": .string(path), "element_sets": .int(h.samples.count), "duplicates_dropped": .int(h.duplicatesDropped),
        "outlier_threshold_m": .double(h.outlierThreshold), "decay_intervals": .array(intervals),
        "reboosts": .array(reboosts), "outliers": .array(outliers),
      ]))
  }
}
