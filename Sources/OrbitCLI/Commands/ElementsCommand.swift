import OrbitCore
import OrbitScenario

/// `orbit elements`: Cartesian state ⇄ osculating Keplerian elements.
enum ElementsCommand: OrbitCommand {
  static let spec = CommandSpec(
    name: "elements",
    summary: "Convert a GCRF state to orbital elements, or elements to a state.",
    usage: "orbit elements (--state x,y,z,vx,vy,vz | --keplerian a,e,i,raan,argp,nu) [--body wgs84|egm96] [--format text|json]",
    positionals: [],
    options: [
      OptionSpec(name: "--state", valueName: "X,Y,Z,VX,VY,VZ", help: "GCRF position (km) and velocity (km/s)."),
      OptionSpec(
        name: "--keplerian", valueName: "A,E,I,RAAN,ARGP,NU",
        help: "a (km), e, i, RAAN, arg. of perigee, true anomaly (deg)."),
      OptionSpec(name: "--body", valueName: "BODY", help: "Central body whose μ is used.", choices: ["wgs84", "egm96"], defaultValue: "wgs84"),
      OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
    ],
    details: """
      Exactly one of --state and --keplerian. μ: wgs84 = 398600.4418 km³/s² (WGS-84, NIMA TR8350.2),
      egm96 = 398600.4415 km³/s² (EGM96). Numbers are plain decimals (1e3 allowed; nan/inf not).
      --keplerian needs an ellipse: a > 0, 0 ≤ e < 1, 0 ≤ i ≤ 180.

      JSON keys for --state: semi_major_axis_km, eccentricity, inclination_deg, raan_deg,
      arg_perigee_deg, true_anomaly_deg, mean_anomaly_deg, period_s (null when hyperbolic),
      mu_km3_s2, central_body.
      JSON keys for --keplerian: position_km, velocity_km_s ([x, y, z]), frame, period_s,
      mu_km3_s2, central_body.
      Angles are reduced to [0, 360); a hyperbolic true/mean anomaly to (−180, 180].

      Examples:
        orbit elements --state 6778,0,0,0,7.6686,0
        orbit elements --keplerian 6796,0.0005,51.64,0,0,0 --format json
      """)

  static func run(_ arguments: ParsedArguments, out: inout String) throws(CLIError) {
    let body: CentralBodyModel = arguments.option("--body") == "egm96" ? .egm96 : .wgs84
    let json = arguments.option("--format") == "json"
    switch (arguments.option("--state"), arguments.option("--keplerian")) {
    case (let s?, nil):
      let v = try parseNumberList(s, count: 6, option: "--state")
      try fromState(SIMD3(v[0], v[1], v[2]), SIMD3(v[3], v[4], v[5]), body: body, json: json, out: &out)
    case (nil, let k?):
      let v = try parseNumberList(k, count: 6, option: "--keplerian")
      try fromElements(v, body: body, json: json, out: &out)
    case (nil, nil):
      throw .usage("expected one of --state or --keplerian")
    case (_?, _?):
      throw .usage("--state and --keplerian cannot be used together")
    }
  }

  static func degrees(_ radians: Double) -> Double { Angle.degrees(fromRadians: radians) }

  static func fromState(
    _ rKm: SIMD3<Double>, _ vKmS: SIMD3<Double>, body: CentralBodyModel, json: Bool, out: inout String
  ) throws(CLIError) {
    let mu = body.body.gravitationalParameter
    let elements: KeplerianElements
    do throws(ElementsError) {
      elements = try KeplerianElements(position: rKm * 1000, velocity: vKmS * 1000, mu: mu)
    } catch {
      throw .data("--state: \(error.description)")
    }
    let a = elements.semiMajorAxis / 1000
    let nu = elements.isElliptic ? degrees(elements.trueAnomaly) : degrees(Angle.normalizedSigned(elements.trueAnomaly))
    let m = elements.isElliptic
      ? degrees(Angle.normalizedPositive(elements.meanAnomaly))
      : degrees(elements.meanAnomaly)
    let period: Double? = elements.isElliptic ? elements.period(mu: mu) : nil
    let rows: [(String, Double?, String)] = [
      ("semi_major_axis_km", a, "km"),
      ("eccentricity", elements.eccentricity, ""),
      ("inclination_deg", degrees(elements.inclination), "deg"),
      ("raan_deg", degrees(elements.raan), "deg"),
      ("arg_perigee_deg", degrees(elements.argumentOfPeriapsis), "deg"),
      ("true_anomaly_deg", nu, "deg"),
      ("mean_anomaly_deg", m, "deg"),
      ("period_s", period, "s"),
    ]
    if json {
      var members = rows.map { JSONObject.Member(key: $0.0, value: .double($0.1)) }
      members.append(.init(key: "mu_km3_s2", value: .double(body.muKm3PerS2)))
      members.append(.init(key: "central_body", value: .string(body.rawValue)))
      out += JSONWriter.string(.object(JSONObject(members)))
      return
    }
    let labels = [
      "semi-major axis", "eccentricity", "inclination", "RAAN", "argument of perigee",
      "true anomaly", "mean anomaly", "period",
    ]
    for (label, row) in zip(labels, rows) {
      let value = row.1.map { NumberFormat.fixed($0, digits: row.0 == "eccentricity" ? 10 : 6) } ?? "none (hyperbolic)"
      out += pad(label, 22) + value + (row.1 == nil || row.2.isEmpty ? "" : " \(row.2)") + "\n"
    }
    if let period { out += pad("", 22) + "(\(NumberFormat.fixed(period / 60, digits: 3)) min)\n" }
    out += pad("mu", 22) + "\(NumberFormat.shortest(body.muKm3PerS2)) km^3/s^2 (\(body.rawValue))\n"
  }

  static func fromElements(_ v: [Double], body: CentralBodyModel, json: Bool, out: inout String) throws(CLIError) {
    let (a, e, i) = (v[0], v[1], v[2])
    guard a > 0 else { throw .data("--keplerian: semi-major axis must be > 0 km, got \(NumberFormat.shortest(a))") }
    guard e >= 0 && e < 1 else {
      throw .data("--keplerian: eccentricity must be in [0, 1) (an ellipse), got \(NumberFormat.shortest(e))")
    }
    guard i >= 0 && i <= 180 else {
      throw .data("--keplerian: inclination must be in [0, 180] deg, got \(NumberFormat.shortest(i))")
    }
    let mu = body.body.gravitationalParameter
    let elements: KeplerianElements
    do throws(ElementsError) {
      elements = try KeplerianElements(
        semiMajorAxis: a * 1000, eccentricity: e, inclination: Angle.radians(fromDegrees: i),
        raan: Angle.radians(fromDegrees: v[3]), argumentOfPeriapsis: Angle.radians(fromDegrees: v[4]),
        trueAnomaly: Angle.radians(fromDegrees: v[5]))
    } catch {
      throw .data("--keplerian: \(error.description)")
    }
    let (r, vel) = elements.positionAndVelocity(mu: mu)
    let rKm = r / 1000
    let vKmS = vel / 1000
    let period = elements.period(mu: mu)
    if json {
      out += JSONWriter.string(
        .fields([
          "position_km": .array([.double(rKm.x), .double(rKm.y), .double(rKm.z)]),
          "velocity_km_s": .array([.double(vKmS.x), .double(vKmS.y), .double(vKmS.z)]),
          "frame": .string("gcrf"),
          "period_s": .double(period),
          "mu_km3_s2": .double(body.muKm3PerS2),
          "central_body": .string(body.rawValue),
        ]))
      return
    }
    func vec(_ x: SIMD3<Double>, _ d: Int) -> String {
      [x.x, x.y, x.z].map { NumberFormat.fixed($0, digits: d) }.joined(separator: ", ")
    }
    out += pad("position (GCRF)", 22) + "[\(vec(rKm, 6))] km\n"
    out += pad("velocity (GCRF)", 22) + "[\(vec(vKmS, 9))] km/s\n"
    out += pad("period", 22) + "\(NumberFormat.fixed(period, digits: 6)) s (\(NumberFormat.fixed(period / 60, digits: 3)) min)\n"
    out += pad("mu", 22) + "\(NumberFormat.shortest(body.muKm3PerS2)) km^3/s^2 (\(body.rawValue))\n"
  }
}
