import OrbitCore
import OrbitMissions
import OrbitScenario

/// `orbit launch-window`: daily Soyuz launch windows from a Baikonur pad to the orbit of a TLE.
enum LaunchWindowCommand {
  /// Most days per run: SGP4 from one element set is not meant for longer spans.
  static let maximumDays = 60

  static let spec = CommandSpec(
    name: "launch-window",
    summary: "Daily in-plane Soyuz launch windows to a TLE's orbit, with the phase at insertion and the feasible schemes.",
    usage: "orbit launch-window --tle FILE --date YYYY-MM-DD [--pad baikonur-31|baikonur-1] [--days N] [--format text|json]",
    positionals: [],
    options: [
      OptionSpec(name: "--tle", valueName: "FILE", help: "The target's element set (the first set in the file is used)."),
      OptionSpec(name: "--date", valueName: "YYYY-MM-DD", help: "First UTC day to search."),
      OptionSpec(name: "--pad", valueName: "PAD", help: "Launch pad: \(LaunchSite.all.map(\.name).joined(separator: ", ")).", defaultValue: "baikonur-31"),
      OptionSpec(name: "--days", valueName: "N", help: "Number of UTC days (1–\(maximumDays)).", defaultValue: "1"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
    ],
    details: """
      For each UTC day: the time the pad crosses the target's mean orbital plane on the pass
      where the orbit heads north (Soyuz flies to the ISS from Baikonur on a north-east azimuth,
      ≈ 63°), the liftoff a calibrated lead earlier (186.7 s for the 2-orbit and 4-orbit
      schemes, 71.6 s for the 2-day scheme; fitted on the training missions in
      Scenarios/missions), the phase angle between ship and station at spacecraft separation
      (liftoff + 529 s; station ahead, 0–360°) and the schemes whose phase window contains it:
      2-orbit (6° wide), 4-orbit (22°), 2-day (150°). The recommended scheme is the fastest
      feasible one; the window's liftoff_utc and phase are those of that scheme (of the 2-orbit
      option when none is feasible; recommended_profile is then null).

      The ascent model (Sources/OrbitMissions/Launch) is calibrated for the ISS corridor: a TLE
      whose orbit never passes over the pad, or whose inclination is outside 50.5–53°
      (e.g. a sun-synchronous satellite), exits 65 with the reason. Predictions degrade as the
      date moves away from the TLE epoch (a warning is printed beyond 7 days).

      JSON: {pad, target: {norad, name, tle_epoch_utc, inclination_deg}, model: {...},
      windows: [{in_plane_utc, liftoff_utc, insertion_utc, phase_angle_at_insertion_deg,
      launch_azimuth_deg, feasible_profiles, recommended_profile, profiles: [{profile,
      liftoff_utc, phase_angle_at_insertion_deg, window_centre_deg, window_width_deg,
      feasible}]}]}.

      Exit codes: 64 for a malformed --date or --days, a --days outside 1–\(maximumDays), an
      unknown --pad or a missing option; 65 for a TLE that does not parse, a date that does not
      exist, or an orbit with no in-plane launch; 1 for a missing file.

      Examples:
        orbit launch-window --tle iss.tle --pad baikonur-31 --date 2023-09-15
        orbit launch-window --tle iss.tle --date 2023-09-10 --days 30 --format json
      """)

  static func run(_ arguments: ParsedArguments, out: inout String, err: inout String) throws(CLIError) {
    guard let path = arguments.option("--tle") else { throw .usage("missing --tle FILE (the target's element set)") }
    guard let dateText = arguments.option("--date") else { throw .usage("missing --date YYYY-MM-DD (the first UTC day)") }
    let padName = arguments.option("--pad") ?? "baikonur-31"
    let site: LaunchSite
    do throws(LaunchSiteError) {
      site = try LaunchSite.named(padName)
    } catch {
      throw .usage("--pad: \(error.description)")
    }
    let days = try parseDays(arguments.option("--days") ?? "1")
    let date = try parseDate(dateText)
    let json = (arguments.option("--format") ?? "text") == "json"

    let records = try SGP4Command.readTLEs(path, vallado: false)
    guard let record = records.first else { throw .data("\(path): no element set in the file") }
    let tle = record.tle

    let planner: LaunchWindowPlanner
    do throws(LaunchWindowError) {
      planner = try LaunchWindowPlanner(target: tle, pad: site)
    } catch {
      throw .data("\(path):\(record.lineNumber): satellite \(tle.catalogNumber): \(error.description)")
    }
    let windows: [LaunchWindow]
    do throws(LaunchWindowError) {
      windows = try planner.windows(utcDate: date, days: days)
    } catch {
      throw .data("\(path):\(record.lineNumber): satellite \(tle.catalogNumber): \(error.description)")
    }
    let tleEpoch = try? tle.epoch()
    if let tleEpoch, let last = windows.last, let first = windows.first {
      let gap = max(abs(first.inPlaneTime - tleEpoch), abs(last.inPlaneTime - tleEpoch)) / 86_400
      if gap > 7 {
        err += "orbit: launch-window: warning: windows up to \(NumberFormat.fixed(gap, digits: 1)) days from the TLE epoch; the plane and phase from SGP4 degrade with distance from the epoch (use a recent set)\n"
      }
    }
    out += json
      ? renderJSON(windows, site: site, tle: tle, tleEpoch: tleEpoch, model: planner.model)
      : renderText(windows, site: site, tle: tle, tleEpoch: tleEpoch, days: days, date: dateText)
  }

  /// `--days`: an integer 1…maximumDays.
  static func parseDays(_ text: String) throws(CLIError) -> Int {
    guard let n = Int(text) else { throw .usage("--days: not an integer: \"\(text)\"") }
    guard (1...maximumDays).contains(n) else {
      throw .usage("--days: must be 1–\(maximumDays), got \(n)")
    }
    return n
  }

  /// `--date`: `YYYY-MM-DD` (malformed text → 64; a day that does not exist → 65).
  static func parseDate(_ text: String) throws(CLIError) -> CivilDate {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else {
      throw .usage("--date: expected YYYY-MM-DD (e.g. 2023-09-15), got \"\(text)\"")
    }
    let date = CivilDate(year: y, month: m, day: d)
    guard (1...12).contains(m), date.isValid else {
      throw .data("--date: \(text) is not a calendar date")
    }
    guard y >= 1972 else { throw .data("--date: \(text): UTC before 1972 is not supported") }
    return date
  }

  static func utc(_ e: Epoch, digits: Int = 1) -> String {
    (try? e.iso8601(.utc, fractionDigits: digits)) ?? "?"
  }

  static func deg(_ radians: Double) -> Double { radians / Angle.degree }

  static func renderText(
    _ windows: [LaunchWindow], site: LaunchSite, tle: TLE, tleEpoch: Epoch?, days: Int, date: String
  ) -> String {
    var s = "Launch windows from \(site.name) (\(site.displayName); "
    s += "\(NumberFormat.fixed(deg(site.position.latitude), digits: 3)) N, \(NumberFormat.fixed(deg(site.position.longitude), digits: 3)) E)\n"
    s += "to \(tle.name ?? "NORAD \(tle.catalogNumber)") (NORAD \(tle.catalogNumber), i = \(NumberFormat.fixed(tle.inclination, digits: 4))°, TLE epoch \(tleEpoch.map { utc($0, digits: 0) } ?? "?"))\n"
    s += "\(days) UTC day\(days == 1 ? "" : "s") from \(date); northbound passes only (azimuth \(windows.first.map { NumberFormat.fixed(deg($0.launchAzimuth), digits: 1) } ?? "?")°)\n\n"
    s += pad("liftoff (UTC)", 25) + pad("phase", 9) + pad("feasible", 20) + "recommended\n"
    for w in windows {
      let feasible = w.feasibleSchemes.map(\.name).joined(separator: ", ")
      s += pad(utc(w.liftoff), 25) + pad(NumberFormat.fixed(w.phaseAngleDegrees, digits: 2) + "°", 9)
      s += pad(feasible.isEmpty ? "-" : feasible, 20) + (w.recommendedScheme?.name ?? "none") + "\n"
    }
    if windows.isEmpty { s += "(no window in the span)\n" }
    s += "\nPhase: station ahead of the ship at separation (liftoff + 529 s). Windows: "
    s += PhasingScheme.allCases.map { "\($0.name) \(NumberFormat.fixed($0.windowCentreDegrees, digits: 1)) ± \(NumberFormat.fixed($0.windowWidthDegrees / 2, digits: 0))°" }.joined(separator: ", ")
    s += ".\n"
    return s
  }

  static func renderJSON(
    _ windows: [LaunchWindow], site: LaunchSite, tle: TLE, tleEpoch: Epoch?, model: AscentModel
  ) -> String {
    let list: [JSONValue] = windows.map { w in
      let profiles: [JSONValue] = w.options.map { o in
        .fields([
          "profile": .string(o.scheme.name),
          "liftoff_utc": .string(utc(o.liftoff, digits: 3)),
          "phase_angle_at_insertion_deg": .double(o.insertion.phaseAngleDegrees),
          "window_centre_deg": .double(o.scheme.windowCentreDegrees),
          "window_width_deg": .double(o.scheme.windowWidthDegrees),
          "feasible": .bool(o.isFeasible),
        ])
      }
      return .fields([
        "in_plane_utc": .string(utc(w.inPlaneTime, digits: 3)),
        "liftoff_utc": .string(utc(w.liftoff, digits: 3)),
        "insertion_utc": .string(utc(w.primary.insertion.epoch, digits: 3)),
        "phase_angle_at_insertion_deg": .double(w.phaseAngleDegrees),
        "launch_azimuth_deg": .double(deg(w.launchAzimuth)),
        "feasible_profiles": .array(w.feasibleSchemes.map { .string($0.name) }),
        "recommended_profile": w.recommendedScheme.map { .string($0.name) } ?? .null,
        "profiles": .array(profiles),
      ])
    }
    let root: JSONValue = .fields([
      "pad": .fields([
        "name": .string(site.name),
        "latitude_deg": .double(deg(site.position.latitude)),
        "longitude_deg": .double(deg(site.position.longitude)),
      ]),
      "target": .fields([
        "norad": .int(tle.catalogNumber),
        "name": tle.name.map(JSONValue.string) ?? .null,
        "tle_epoch_utc": tleEpoch.map { .string(utc($0, digits: 3)) } ?? .null,
        "inclination_deg": .double(tle.inclination),
      ]),
      "model": .fields([
        "separation_s": .double(model.separationTime),
        "in_plane_lead_s": .double(model.inPlaneLead),
        "in_plane_lead_two_day_s": .double(model.inPlaneLeadTwoDay),
        "insertion_downrange_deg": .double(deg(model.insertionDownrangeAngle)),
        "insertion_perigee_km": .double(model.perigeeAltitude / 1000),
        "insertion_apogee_km": .double(model.apogeeAltitude / 1000),
      ]),
      "windows": .array(list),
    ])
    return JSONWriter.string(root)
  }
}
