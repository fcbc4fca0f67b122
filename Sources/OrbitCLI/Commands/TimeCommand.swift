import OrbitCore
import OrbitScenario

/// `orbit time <instant>`: an instant in every time scale, its Julian dates, GMST and ERA.
enum TimeCommand: OrbitCommand {
  static let inputScales = ["utc", "tai", "tt", "gps", "tdb"]
  static let fractionDigits = 9

  static let spec = CommandSpec(
    name: "time",
    summary: "Show an instant in every time scale, with Julian dates, GMST and ERA.",
    usage: "orbit time <instant> [--scale utc|tai|tt|gps|tdb] [--format text|json]",
    positionals: [
      PositionalSpec(
        name: "<instant>",
        help: "ISO-8601 date-time, e.g. 2024-01-01T12:00:00Z (Z only for UTC)")
    ],
    options: [
      OptionSpec(name: "--scale", valueName: "SCALE", help: "Time scale of <instant>.", choices: inputScales, defaultValue: "utc"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
    ],
    details: """
      Prints UTC, TAI, TT, GPS, TDB and UT1 as ISO-8601 text with \(fractionDigits) fractional digits,
      the two-part Julian dates [whole, fraction] (days) in TT, TDB, UTC and UT1, GMST (IAU 1982)
      and the Earth rotation angle (IAU 2000) in degrees.
      UT1 − UTC comes from the built-in IERS EOP table. Outside the table, UT1 is reported as
      unavailable (null in JSON), GMST and ERA use UT1 = UTC (error up to 0.9 s of rotation,
      about 0.004°), and a note says so.

      JSON keys: input, scale, utc, tai, tt, gps, tdb, ut1 (ISO-8601 strings; ut1 may be null),
      jd_tt, jd_tdb, jd_utc, jd_ut1 ([whole, fraction] days; jd_ut1 null without EOP),
      ut1_minus_utc_s (null without EOP), gmst_deg, era_deg, notes (array of strings).

      Examples:
        orbit time 2024-01-01T00:00:00Z
        orbit time 2024-01-01T00:01:09.184 --scale tt --format json
      """)

  /// Maps a time error to an exit code: text that is not of ISO-8601 form is a usage error
  /// (64); a well-formed date that does not exist or cannot be used is bad data (65).
  static func exitCode(for error: TimeError) -> Int32 {
    if case .malformed = error { return ExitCode.usage }
    return ExitCode.dataError
  }

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let text = arguments.positionals[0]
    let scaleName = arguments.option("--scale") ?? "utc"
    let scale = TimeScale(rawValue: scaleName) ?? .utc
    let data = TimeScaleData.standard
    let epoch: Epoch
    switch EpochText.parse(text, scale: scale, data: data) {
    case .success(let e): epoch = e
    case .failure(let error): throw CLIError(exitCode(for: error), error.description)
    }
    func iso(_ s: TimeScale) throws(CLIError) -> String {
      do throws(TimeError) {
        return try epoch.iso8601(s, fractionDigits: fractionDigits, data: data)
      } catch {
        throw CLIError(ExitCode.dataError, "\(s): \(error.description)")
      }
    }
    func jd(_ s: TimeScale) throws(CLIError) -> JulianDate {
      do throws(TimeError) {
        return try epoch.julianDate(s, data: data)
      } catch {
        throw CLIError(ExitCode.dataError, "\(s): \(error.description)")
      }
    }
    let utc = try iso(.utc)
    var notes: [String] = []
    var ut1Text: String? = nil
    var ut1MinusUTC: Double? = nil
    do throws(TimeError) {
      let eop = try data.eop(at: epoch)
      ut1MinusUTC = eop.ut1MinusUTC
      ut1Text = try epoch.iso8601(.ut1, fractionDigits: fractionDigits, data: data)
    } catch {
      notes.append(
        "UT1 unavailable (\(error.description)); GMST and ERA computed with UT1 = UTC")
    }
    let jdUT1: JulianDate
    do throws(TimeError) {
      jdUT1 = try epoch.julianDateUT1(ut1MinusUTC: ut1MinusUTC ?? 0, data: data)
    } catch {
      throw CLIError(ExitCode.dataError, error.description)
    }
    let gmst = Angle.degrees(fromRadians: SiderealTime.gmst82(ut1: jdUT1))
    let era = Angle.degrees(fromRadians: SiderealTime.earthRotationAngle(ut1: jdUT1))
    let jdTT = try jd(.tt)
    let jdTDB = try jd(.tdb)
    let jdUTC = try jd(.utc)
    let values: [(String, String?)] = [
      ("utc", utc), ("tai", try iso(.tai)), ("tt", try iso(.tt)), ("gps", try iso(.gps)),
      ("tdb", try iso(.tdb)), ("ut1", ut1Text),
    ]
    if arguments.option("--format") == "json" {
      func pair(_ j: JulianDate) -> JSONValue { .array([.double(j.whole), .double(j.fraction)]) }
      var members: [JSONObject.Member] = [
        .init(key: "input", value: .string(text)),
        .init(key: "scale", value: .string(scaleName)),
      ]
      for (k, v) in values { members.append(.init(key: k, value: v.map(JSONValue.string) ?? .null)) }
      members += [
        .init(key: "jd_tt", value: pair(jdTT)),
        .init(key: "jd_tdb", value: pair(jdTDB)),
        .init(key: "jd_utc", value: pair(jdUTC)),
        .init(key: "jd_ut1", value: ut1MinusUTC == nil ? .null : pair(jdUT1)),
        .init(key: "ut1_minus_utc_s", value: .double(ut1MinusUTC)),
        .init(key: "gmst_deg", value: .double(gmst)),
        .init(key: "era_deg", value: .double(era)),
        .init(key: "notes", value: .array(notes.map(JSONValue.string))),
      ]
      out += JSONWriter.string(.object(JSONObject(members)))
      return
    }
    for (k, v) in values {
      out += pad(k.uppercased(), 14) + (v ?? "unavailable (outside the EOP table)") + "\n"
    }
    func jdText(_ j: JulianDate) -> String { "\(NumberFormat.shortest(j.whole)) + \(NumberFormat.shortest(j.fraction))" }
    out += pad("JD(TT)", 14) + jdText(jdTT) + "\n"
    out += pad("JD(TDB)", 14) + jdText(jdTDB) + "\n"
    out += pad("JD(UTC)", 14) + jdText(jdUTC) + "\n"
    out += pad("JD(UT1)", 14) + (ut1MinusUTC == nil ? "unavailable" : jdText(jdUT1)) + "\n"
    out += pad("UT1-UTC", 14) + (ut1MinusUTC.map { NumberFormat.fixed($0, digits: 7) + " s" } ?? "unavailable") + "\n"
    out += pad("GMST", 14) + NumberFormat.fixed(gmst, digits: 9) + " deg (IAU 1982)\n"
    out += pad("ERA", 14) + NumberFormat.fixed(era, digits: 9) + " deg (IAU 2000)\n"
    for n in notes { out += "note: \(n)\n" }
  }
}
