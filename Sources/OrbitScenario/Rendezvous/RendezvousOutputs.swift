import OrbitCore
import OrbitMissions
import OrbitRendezvous

/// Writers of a `RendezvousTimeline`: the JSON document of `orbit rendezvous` (its keys are a
/// contract), a text table, CSV ephemerides of each vehicle, the approach in the station's
/// LVLH frame as CSV, a two-object CCSDS OEM and the SVG charts.
public enum RendezvousOutputs {
  /// UTC text with millisecond resolution (`2022-09-21T17:06:33.000Z`).
  static func utc(_ epoch: Epoch, _ data: TimeScaleData) throws(TimeError) -> String {
    try epoch.iso8601(.utc, fractionDigits: 3, data: data)
  }

  /// The JSON document of `orbit rendezvous`: exactly `profile`, `liftoff_utc`,
  /// `insertion_utc`, `phase_angle_at_insertion_deg`, `burns[]` (`time_utc`, `delta_v_m_s`,
  /// `duration_s`), `events[]` (`name`, `time_utc`), `docking_utc`, `total_delta_v_m_s`.
  ///
  /// - Parameters:
  ///   - t: the timeline.
  ///   - data: leap seconds for UTC.
  /// - Returns: the JSON value.
  /// - Throws: `TimeError` for an epoch outside the UTC tables.
  public static func json(_ t: RendezvousTimeline, data: TimeScaleData = .standard) throws(TimeError) -> JSONValue {
    var burns: [JSONValue] = []
    for b in t.burns {
      burns.append(
        .fields([
          "time_utc": .string(try utc(b.epoch, data)), "delta_v_m_s": .double(round3(b.deltaV)),
          "duration_s": .double(round3(b.duration)),
        ]))
    }
    var events: [JSONValue] = []
    for e in t.events {
      events.append(.fields(["name": .string(e.name), "time_utc": .string(try utc(e.epoch, data))]))
    }
    return .fields([
      "profile": .string(t.profile),
      "liftoff_utc": .string(try utc(t.liftoff, data)),
      "insertion_utc": .string(try utc(t.insertion, data)),
      "phase_angle_at_insertion_deg": .double(round3(Angle.degrees(fromRadians: t.phaseAngleAtInsertion))),
      "burns": .array(burns),
      "events": .array(events),
      "docking_utc": .string(try utc(t.docking, data)),
      "total_delta_v_m_s": .double(round3(t.totalDeltaV)),
    ])
  }

  /// The timeline document of the `rendezvous` scenario kind: the CLI document plus the
  /// vehicle, port, contact conditions and, when given, the reported docking and the error.
  ///
  /// - Parameters:
  ///   - t: the timeline.
  ///   - name: scenario name.
  ///   - reportedDocking: the reported contact, if known.
  ///   - data: leap seconds.
  /// - Throws: `TimeError`.
  public static func timelineJSON(
    _ t: RendezvousTimeline, name: String, reportedDocking: Epoch?, data: TimeScaleData = .standard
  ) throws(TimeError) -> JSONValue {
    guard case .object(var object) = try json(t, data: data) else { return .null }
    var extra: [(String, JSONValue)] = [
      ("name", .string(name)), ("vehicle", .string(t.vehicle)), ("port", .string(t.port)),
      ("flight_time_s", .double(round3(t.docking - t.liftoff))),
    ]
    if let a = t.approach {
      extra.append(("station_attitude", .string(a.attitude.rawValue)))
      extra.append(("contact_speed_m_s", .double(round3(a.contactSpeed))))
      extra.append(("contact_lateral_offset_m", .double(round3(a.contactLateralOffset))))
      extra.append(("approach_delta_v_m_s", .double(round3(a.totalDeltaV))))
    }
    if let reportedDocking {
      extra.append(("reported_docking_utc", .string(try utc(reportedDocking, data))))
      extra.append(("docking_error_s", .double(round3(t.docking - reportedDocking))))
    }
    for (k, v) in extra { object.members.append(.init(key: k, value: v)) }
    return .object(object)
  }

  /// A human-readable table of the timeline.
  ///
  /// - Parameters:
  ///   - t: the timeline.
  ///   - data: leap seconds.
  /// - Returns: lines ending in `\n`.
  /// - Throws: `TimeError`.
  public static func text(_ t: RendezvousTimeline, data: TimeScaleData = .standard) throws(TimeError) -> String {
    func clock(_ e: Epoch) -> String {
      let s = Int((e - t.liftoff).rounded())
      let sign = s < 0 ? "-" : "+"
      let a = abs(s)
      let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
      return "L\(sign)\(a / 3600):\(two(a / 60 % 60)):\(two(a % 60))"
    }
    var out = "profile          \(t.profile)  (\(t.vehicle) to \(t.port))\n"
    out += "liftoff          \(try utc(t.liftoff, data))\n"
    out += "insertion        \(try utc(t.insertion, data))  \(clock(t.insertion))\n"
    out += "phase angle      \(NumberFormat.fixed(Angle.degrees(fromRadians: t.phaseAngleAtInsertion), digits: 2)) deg at insertion\n"
    out += "docking          \(try utc(t.docking, data))  \(clock(t.docking))\n"
    out += "total delta-v    \(NumberFormat.fixed(t.totalDeltaV, digits: 2)) m/s in \(t.burns.count) burns\n"
    out += "\nburns\n"
    for b in t.burns {
      out += "  \(try utc(b.epoch, data))  \(clock(b.epoch))  \(pad(NumberFormat.fixed(b.deltaV, digits: 3), 9)) m/s  "
      out += "\(pad(NumberFormat.fixed(b.duration, digits: 1), 7)) s  \(b.label)\n"
    }
    out += "\nevents\n"
    for e in t.events { out += "  \(try utc(e.epoch, data))  \(clock(e.epoch))  \(e.name)\n" }
    return out
  }

  /// CSV ephemeris of one vehicle: `time_utc,t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s` (GCRF,
  /// t from `start`).
  ///
  /// - Parameters:
  ///   - states: the states.
  ///   - start: t = 0.
  ///   - data: leap seconds.
  /// - Throws: `TimeError`.
  public static func csv(_ states: [CartesianState], start: Epoch, data: TimeScaleData = .standard) throws(TimeError)
    -> String
  {
    var out = "time_utc,t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s\n"
    for s in states {
      let r = s.position / 1000
      let v = s.velocity / 1000
      out += try utc(s.epoch, data) + ","
      out += [s.epoch - start, r.x, r.y, r.z, v.x, v.y, v.z].map(NumberFormat.shortest).joined(separator: ",") + "\n"
    }
    return out
  }

  /// CSV of the close approach in the station's LVLH frame: `time_utc,t_s` (from the hand-over),
  /// `x_m` (V-bar), `y_m` (−h), `z_m` (nadir), `vx_m_s,vy_m_s,vz_m_s`, `range_m`, `mass_kg`.
  ///
  /// - Parameters:
  ///   - a: the approach.
  ///   - data: leap seconds.
  /// - Throws: `TimeError`.
  public static func approachCSV(_ a: ApproachResult, data: TimeScaleData = .standard) throws(TimeError) -> String {
    var out = "time_utc,t_s,x_m,y_m,z_m,vx_m_s,vy_m_s,vz_m_s,range_m,mass_kg\n"
    guard let start = a.samples.first?.epoch else { return out }
    for s in a.samples {
      let p = s.relative.position
      let v = s.relative.velocity
      out += try utc(s.epoch, data) + ","
      out += [s.epoch - start, p.x, p.y, p.z, v.x, v.y, v.z, s.range, s.shipMass].map(NumberFormat.shortest)
        .joined(separator: ",") + "\n"
    }
    return out
  }

  /// A CCSDS OEM 2.0 with two objects: the ship and the station (GCRF, km, km/s).
  ///
  /// - Parameters:
  ///   - t: the timeline.
  ///   - shipName: OBJECT_NAME of the ship (e.g. `SOYUZ MS-22`).
  ///   - creationDate: CREATION_DATE (default now).
  ///   - data: leap seconds.
  /// - Throws: `OEMWriter.Failure`.
  public static func oem(
    _ t: RendezvousTimeline, shipName: String, creationDate: String? = nil, data: TimeScaleData = .standard
  ) throws(OEMWriter.Failure) -> String {
    func states(_ list: [CartesianState]) -> [OEMWriter.State] {
      list.map { OEMWriter.State(epoch: $0.epoch, positionKm: $0.position / 1000, velocityKmPerSecond: $0.velocity / 1000) }
    }
    let ship = OEMWriter.Segment(
      objectName: shipName, objectID: "UNKNOWN", frame: .gcrf,
      comments: ["\(t.vehicle), \(t.profile) rendezvous to \(t.port): insertion to contact"],
      states: states(t.shipTrajectory))
    let station = OEMWriter.Segment(
      objectName: "ISS (ZARYA)", objectID: "1998-067A", frame: .gcrf,
      comments: ["numerically propagated from the pre-launch element set"], states: states(t.stationTrajectory))
    return try OEMWriter.render(
      [ship, station], creationDate: creationDate, headerComments: ["Orbit rendezvous simulation"], data: data)
  }

  /// The approach in the station's LVLH frame: V-bar (x) horizontal, R-bar vertical (radial
  /// up = −z, so the Earth is below), equal axes; the station at the origin, the port, the
  /// events.
  ///
  /// - Parameters:
  ///   - a: the approach.
  ///   - title: chart title.
  ///   - within: show only samples within this range of the station (m), nil for all.
  /// - Returns: the SVG document.
  public static func approachChart(_ a: ApproachResult, title: String, within: Double? = nil) -> String {
    var chart = SVGChart(
      title: title, xLabel: "V-bar x (m, along the station velocity)", yLabel: "R-bar (m, radial up = -z LVLH)")
    chart.equalAspect = true
    chart.subtitle =
      "station LVLH, \(a.attitude.rawValue.uppercased()) attitude; port \(a.port.rawValue) axis (\(vectorText(a.axis.direction)))"
    let keep = { (s: ApproachSample) in within.map { s.range <= $0 } ?? true }
    let track = a.samples.filter(keep).map { SIMD2($0.relative.position.x, -$0.relative.position.z) }
    chart.addLine(track, label: "ship (centre of mass)")
    chart.addPoints([SIMD2(0, 0)], label: "station centre of mass", marker: .square)
    let port = a.axis.portPosition
    let axisEnd = a.axis.point(atDistance: within.map { min($0, 200) } ?? 200)
    chart.addLine(
      [SIMD2(port.x, -port.z), SIMD2(axisEnd.x, -axisEnd.z)], label: "docking axis (\(a.port.rawValue))", dashed: true)
    var marks: [SIMD2<Double>] = []
    var names: [String] = []
    for e in a.events {
      guard let s = a.samples.min(by: { abs($0.epoch - e.epoch) < abs($1.epoch - e.epoch) }), keep(s) else { continue }
      marks.append(SIMD2(s.relative.position.x, -s.relative.position.z))
      names.append(e.name)
    }
    chart.addPoints(marks, label: "events", marker: .diamond, pointLabels: names)
    return chart.render()
  }

  /// Ship–station range against time since liftoff (log scale), with the events.
  ///
  /// - Parameters:
  ///   - t: the timeline.
  ///   - title: chart title.
  /// - Returns: the SVG document.
  public static func rangeChart(_ t: RendezvousTimeline, title: String) -> String {
    var chart = SVGChart(title: title, xLabel: "time since liftoff (h)", yLabel: "ship-station range (m)")
    chart.yScale = .log10
    chart.subtitle = "\(t.vehicle) to \(t.port), \(t.profile) profile"
    var points: [SIMD2<Double>] = []
    for (s, st) in zip(t.shipTrajectory, t.stationTrajectory) {
      points.append(SIMD2((s.epoch - t.liftoff) / 3600, (s.position - st.position).norm))
    }
    if let a = t.approach {
      for s in a.samples where !(points.last.map { (s.epoch - t.liftoff) / 3600 <= $0.x } ?? false) {
        points.append(SIMD2((s.epoch - t.liftoff) / 3600, s.range))
      }
    }
    points.sort { $0.x < $1.x }
    chart.addLine(points, label: "range")
    for e in t.events where ["insertion", "approach-start", "contact"].contains(e.name) {
      chart.addGuide(x: (e.epoch - t.liftoff) / 3600, label: e.name)
    }
    return chart.render()
  }

  static func vectorText(_ v: Vector3) -> String {
    [v.x, v.y, v.z].map { NumberFormat.fixed($0, digits: 2) }.joined(separator: ", ")
  }

  static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
  }
}
