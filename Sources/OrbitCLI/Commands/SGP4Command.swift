import OrbitCore
import OrbitScenario

/// `orbit sgp4 <file.tle>`: SGP4/SDP4 states of every element set in a file.
enum SGP4Command {
  static let defaultMinutes = "0:1440:60"
  /// Most rows per satellite (guards memory against a typo such as a step of 1e-9).
  static let maximumTimesPerSatellite = 1_000_000

  static let spec = CommandSpec(
    name: "sgp4",
    summary: "Propagate every TLE in a file with SGP4/SDP4 (TEME, GCRF or ITRF).",
    usage: "orbit sgp4 <file.tle> [--minutes START:STOP:STEP] [--frame teme|gcrf|itrf] [--format csv|json|oem] [--vallado] [--geodetic] [--output FILE]",
    positionals: [PositionalSpec(name: "<file.tle>", help: "Two- or three-line element sets (one or more).")],
    options: [
      OptionSpec(
        name: "--minutes", valueName: "START:STOP:STEP",
        help: "Times since each TLE's epoch (min); STOP included.", defaultValue: defaultMinutes),
      OptionSpec(name: "--frame", valueName: "FRAME", help: "Frame of the states.", choices: ["teme", "gcrf", "itrf"], defaultValue: "teme"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["csv", "json", "oem"], defaultValue: "csv"),
      OptionSpec(
        name: "--vallado", valueName: "", help: "Verification mode: times from the columns after line 2; checksums not enforced.",
        isFlag: true),
      OptionSpec(name: "--geodetic", valueName: "", help: "Add lat_deg, lon_deg, alt_km (WGS-84) columns/keys.", isFlag: true),
      OptionSpec(name: "--output", valueName: "FILE", help: "Write to FILE (atomically) instead of standard output."),
    ],
    details: """
      SGP4/SDP4 with WGS-72 constants in the improved operation mode (Vallado et al., AIAA
      2006-6753), the model the element sets are fitted with. States come out in TEME and are
      turned into GCRF or ITRF with OrbitCore's IAU-76/FK5 reduction. TEME → GCRF needs no
      Earth-orientation data (any epoch from 1972); ITRF and --geodetic need UT1 and polar motion
      from the built-in IERS EOP table (2012-01-01 … 2027-10-29) and fail outside it (exit 65).

      CSV columns: norad,minutes,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s
      (+ lat_deg,lon_deg,alt_km with --geodetic), one row per satellite and time, numbers in
      shortest round-trip form. JSON: {frame, satellites: [{norad, name, line, states:
      [{minutes, position_km, velocity_km_s}], error}]}. OEM: CCSDS 502.0-B-2 KVN, one segment
      per satellite, epochs in UTC.

      --minutes START:STOP:STEP gives START, START+STEP, … and STOP (STEP > 0, STOP ≥ START,
      each time computed as START + k·STEP). --vallado reads SGP4-VER.TLE's start/stop/step
      columns instead, prints t = 0 first and steps as the reference driver does (so the rows
      line up with tcppver.out), and accepts the set's deliberate checksum errors.

      A satellite that SGP4 cannot propagate (error codes 1–6: eccentricity out of range, mean
      motion, perturbed eccentricity, semi-latus rectum, decayed) is reported on stderr with its
      code and time; its rows up to then are kept and the others go on (exit 0). A file that
      does not parse exits 65 with file:line: field: problem; a missing file exits 1; bad
      options exit 64.

      Examples:
        orbit sgp4 iss.tle --minutes 0:90:1
        orbit sgp4 SGP4-VER.TLE --vallado
        orbit sgp4 iss.tle --frame itrf --geodetic --format json
      """)

  enum FrameChoice: String { case teme, gcrf, itrf }
  enum Format: String { case csv, json, oem }

  /// One satellite's results.
  struct SatelliteRows {
    var record: TLERecord
    var minutes: [Double] = []
    var positionsKm: [Vector3] = []
    var velocitiesKmPerSecond: [Vector3] = []
    var geodetic: [(latDeg: Double, lonDeg: Double, altKm: Double)] = []
    var epochs: [Epoch] = []
    var failure: (code: Int, minutes: Double, message: String)? = nil
  }

  static func run(_ arguments: ParsedArguments, out: inout String, err: inout String) throws(CLIError) {
    let path = arguments.positionals[0]
    let frame = FrameChoice(rawValue: arguments.option("--frame") ?? "teme") ?? .teme
    let format = Format(rawValue: arguments.option("--format") ?? "csv") ?? .csv
    let vallado = arguments.flag("--vallado")
    let geodetic = arguments.flag("--geodetic")
    if vallado && arguments.option("--minutes") != nil {
      throw .usage("--minutes and --vallado cannot be used together (--vallado takes the times from the file)")
    }
    let minutes = try parseMinutes(arguments.option("--minutes") ?? defaultMinutes)
    let records = try readTLEs(path, vallado: vallado)

    let data = TimeScaleData.standard
    var satellites: [SatelliteRows] = []
    for record in records {
      var rows = SatelliteRows(record: record)
      let tle = record.tle
      let times: [Double]
      if vallado {
        guard let schedule = valladoSchedule(record.trailingText) else {
          throw .data("\(path):\(record.lineNumber + 1): line 2: --vallado needs \"start stop step\" minutes after column 69, got \"\(record.trailingText)\"")
        }
        times = [0] + valladoTimes(start: schedule.start, stop: schedule.stop, step: schedule.step)
      } else {
        times = minutes
      }
      let model: SGP4
      do throws(SGP4Error) {
        model = try SGP4(tle: tle)
      } catch {
        rows.failure = (error.code, 0, error.description)
        err += failureLine(path, record, error.description, minutes: 0)
        satellites.append(rows)
        continue
      }
      let epoch: Epoch?
      do throws(TimeError) { epoch = try tle.epoch(data: data) } catch { epoch = nil }
      if (frame != .teme || geodetic || format == .oem), epoch == nil {
        throw .data("\(path):\(record.lineNumber): satellite \(tle.catalogNumber): the TLE epoch cannot be placed on UTC (before 1972), so --frame \(frame.rawValue)\(geodetic ? ", --geodetic" : "")\(format == .oem ? ", --format oem" : "") cannot be used")
      }
      for t in times {
        switch model.propagate(minutesSinceEpoch: t) {
        case .success(let s):
          var r = s.position, v = s.velocity
          var instant: Epoch? = nil
          if let epoch {
            instant = epoch + t * 60
          }
          if let instant, frame != .teme || geodetic {
            let target: Frame = frame == .gcrf ? .gcrf : .itrf
            do throws(TimeError) {
              if frame != .teme {
                let x = try temeTransform(to: target, at: instant, data: data)
                let rv = x.apply(position: r * 1000, velocity: v * 1000)
                r = rv.position / 1000
                v = rv.velocity / 1000
              }
              if geodetic {
                let itrf = frame == .itrf
                  ? r * 1000 : try FrameTransform.between(.teme, .itrf, at: instant, data: data).apply(position: s.position * 1000)
                let g = GeodeticPoint(cartesian: itrf, on: .wgs84)
                rows.geodetic.append(
                  (Angle.degrees(fromRadians: g.latitude), Angle.degrees(fromRadians: g.longitude), g.altitude / 1000))
              }
            } catch {
              throw .data("\(path):\(record.lineNumber): satellite \(tle.catalogNumber) at \(NumberFormat.shortest(t)) min: \(error.description); --frame teme needs no Earth-orientation data")
            }
          }
          rows.minutes.append(t)
          rows.positionsKm.append(r)
          rows.velocitiesKmPerSecond.append(v)
          if let instant { rows.epochs.append(instant) }
        case .failure(let e):
          rows.failure = (e.code, t, e.description)
          err += failureLine(path, record, e.description, minutes: t)
        }
        if rows.failure != nil { break }
      }
      satellites.append(rows)
    }

    let text: String
    switch format {
    case .csv: text = csv(satellites, geodetic: geodetic)
    case .json: text = json(satellites, frame: frame, geodetic: geodetic)
    case .oem: text = try oem(satellites, frame: frame)
    }
    if let output = arguments.option("--output") {
      try writeAtomically(text, to: output)
    } else {
      out += text
    }
  }

  static func failureLine(_ path: String, _ record: TLERecord, _ message: String, minutes: Double) -> String {
    "orbit: sgp4: \(path):\(record.lineNumber): satellite \(record.tle.catalogNumber): \(message) at t = \(NumberFormat.shortest(minutes)) min; rows before it are kept\n"
  }

  /// Reads and parses the TLE file: missing/unreadable → 1, parse errors → 65.
  static func readTLEs(_ path: String, vallado: Bool) throws(CLIError) -> [TLERecord] {
    let text = try InputFile.text(path)
    do throws(TLEParseError) {
      return try TLE.parseMany(text, fileName: path, options: vallado ? .verification : .strict)
    } catch {
      throw .data(error.description)
    }
  }

  /// `START:STOP:STEP` → the times START + k·STEP ≤ STOP, then STOP.
  static func parseMinutes(_ text: String) throws(CLIError) -> [Double] {
    let fields = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard fields.count == 3 else {
      throw .usage("--minutes: expected START:STOP:STEP (three numbers separated by ':'), got \"\(text)\"")
    }
    var values: [Double] = []
    for (i, f) in fields.enumerated() {
      switch NumberArgument.parse(f) {
      case .success(let v): values.append(v)
      case .failure:
        throw .usage("--minutes: \(["START", "STOP", "STEP"][i]) is not a finite number: \"\(f)\" (in \"\(text)\")")
      }
    }
    let (start, stop, step) = (values[0], values[1], values[2])
    guard step > 0 else { throw .usage("--minutes: STEP must be > 0, got \(fields[2])") }
    guard stop >= start else { throw .usage("--minutes: STOP (\(fields[1])) must not be before START (\(fields[0]))") }
    let count = ((stop - start) / step).rounded(.down)
    guard count + 2 <= Double(maximumTimesPerSatellite) else {
      throw .usage("--minutes: \"\(text)\" gives more than \(maximumTimesPerSatellite) times per satellite; use a larger STEP")
    }
    var times: [Double] = []
    for k in 0...Int(count) {
      let t = start + Double(k) * step
      if t > stop { break }
      times.append(t)
    }
    if let last = times.last, stop - last > 1e-9 * max(1, abs(stop)) { times.append(stop) }
    return times
  }

  /// The `start stop step` numbers after line 2 of the verification set.
  static func valladoSchedule(_ text: String) -> (start: Double, stop: Double, step: Double)? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).compactMap { Double(String($0)) }
    guard parts.count == 3, parts.allSatisfy(\.isFinite), parts[2] > 0 else { return nil }
    guard ((parts[1] - parts[0]) / parts[2]) < Double(maximumTimesPerSatellite) else { return nil }
    return (parts[0], parts[1], parts[2])
  }

  /// The times the reference driver (Vallado's testcpp) visits after t = 0: from start (t = 0
  /// not repeated) by repeated addition of step, the last one clamped to stop.
  static func valladoTimes(start: Double, stop: Double, step: Double) -> [Double] {
    var times: [Double] = []
    var t = start
    if abs(t) > 1e-8 { t -= step }
    while t < stop {
      t += step
      if t > stop { t = stop }
      times.append(t)
    }
    return times
  }

  static let csvHeader = "norad,minutes,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s"

  static func csv(_ satellites: [SatelliteRows], geodetic: Bool) -> String {
    var out = csvHeader + (geodetic ? ",lat_deg,lon_deg,alt_km" : "") + "\n"
    for s in satellites {
      let norad = String(s.record.tle.catalogNumber)
      for i in s.minutes.indices {
        let r = s.positionsKm[i], v = s.velocitiesKmPerSecond[i]
        out += norad + "," + [s.minutes[i], r.x, r.y, r.z, v.x, v.y, v.z].map(NumberFormat.shortest).joined(separator: ",")
        if geodetic, i < s.geodetic.count {
          let g = s.geodetic[i]
          out += "," + [g.latDeg, g.lonDeg, g.altKm].map(NumberFormat.shortest).joined(separator: ",")
        }
        out += "\n"
      }
    }
    return out
  }

  static func json(_ satellites: [SatelliteRows], frame: FrameChoice, geodetic: Bool) -> String {
    let list: [JSONValue] = satellites.map { s in
      let states: [JSONValue] = s.minutes.indices.map { i in
        let r = s.positionsKm[i], v = s.velocitiesKmPerSecond[i]
        var members: [JSONObject.Member] = [
          .init(key: "minutes", value: .double(s.minutes[i])),
          .init(key: "position_km", value: .array([.double(r.x), .double(r.y), .double(r.z)])),
          .init(key: "velocity_km_s", value: .array([.double(v.x), .double(v.y), .double(v.z)])),
        ]
        if geodetic, i < s.geodetic.count {
          let g = s.geodetic[i]
          members += [
            .init(key: "lat_deg", value: .double(g.latDeg)), .init(key: "lon_deg", value: .double(g.lonDeg)),
            .init(key: "alt_km", value: .double(g.altKm)),
          ]
        }
        return .object(JSONObject(members))
      }
      let error: JSONValue = s.failure.map { f in
        .fields(["code": .int(f.code), "minutes": .double(f.minutes), "message": .string(f.message)])
      } ?? .null
      return .fields([
        "norad": .int(s.record.tle.catalogNumber),
        "name": s.record.tle.name.map(JSONValue.string) ?? .null,
        "line": .int(s.record.lineNumber),
        "states": .array(states),
        "error": error,
      ])
    }
    return JSONWriter.string(.fields(["frame": .string(frame.rawValue), "satellites": .array(list)]))
  }

  /// `98067A` → `1998-067A` (the CCSDS OBJECT_ID form), else the catalogue number.
  static func objectID(_ tle: TLE) -> String {
    let d = Array(tle.internationalDesignator)
    if d.count >= 6, d[0...4].allSatisfy(\.isNumber), let yy = Int(String(d[0...1])) {
      let year = yy >= 57 ? 1900 + yy : 2000 + yy
      return "\(year)-\(String(d[2...4]))\(String(d[5...]))"
    }
    return String(tle.catalogNumber)
  }

  static func oem(_ satellites: [SatelliteRows], frame: FrameChoice) throws(CLIError) -> String {
    let segments = satellites.compactMap { s -> OEMWriter.Segment? in
      guard !s.epochs.isEmpty else { return nil }
      let tle = s.record.tle
      let states = s.epochs.indices.map { i in
        OEMWriter.State(epoch: s.epochs[i], positionKm: s.positionsKm[i], velocityKmPerSecond: s.velocitiesKmPerSecond[i])
      }
      let f: Frame = frame == .teme ? .teme : (frame == .gcrf ? .gcrf : .itrf)
      return OEMWriter.Segment(
        objectName: tle.name ?? "NORAD \(tle.catalogNumber)", objectID: objectID(tle), frame: f,
        comments: ["SGP4/SDP4 (WGS-72, improved mode) from the TLE of catalogue number \(tle.catalogNumber)"],
        states: states)
    }
    if segments.isEmpty { throw CLIError(ExitCode.failure, "no satellite produced a state: nothing to write as OEM") }
    do throws(OEMWriter.Failure) {
      return try OEMWriter.render(segments)
    } catch {
      throw .data(error.description)
    }
  }
}

/// The transform from TEME to `target` at `epoch`. GCRF needs no EOP (the TEME → GCRF chain is
/// precession, nutation and the frame bias on TT), so it works at any epoch from 1972; ITRF
/// takes UT1 − UTC and polar motion from the EOP table and throws outside it.
func temeTransform(to target: Frame, at epoch: Epoch, data: TimeScaleData) throws(TimeError) -> FrameTransform {
  if target.isEarthFixed { return try FrameTransform.between(.teme, target, at: epoch, data: data) }
  return try FrameTransform.between(.teme, target, at: epoch, eop: .zero, data: data)
}

/// Writes `text` to `path` atomically (temporary file + rename); failures exit 1.
func writeAtomically(_ text: String, to path: String) throws(CLIError) {
  do throws(AtomicFileWriter.Failure) {
    try AtomicFileWriter.write([(path: path, contents: text)])
  } catch {
    throw CLIError(ExitCode.failure, "\(error.path): cannot write: \(error.reason)")
  }
}
