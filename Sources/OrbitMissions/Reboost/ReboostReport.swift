// JSON, text and CSV renderings of a simulated reboost, shared by `orbit reboost` and the
// `reboost` scenario kind. Our own code.

import OrbitCore

/// Renders a `ReboostResult` as JSON (snake_case keys with units), text, or a CSV of the arc.
///
/// JSON: `burns[]` {`start_utc`, `end_utc`, `duration_s`, `delta_v_m_s`, `propellant_kg`,
/// `thrust_n`, `isp_s`, `axes`, `direction`, `start_mass_kg`}; `before`/`after`
/// {`epoch_utc`, `mean_altitude_km`, `mean_semi_major_axis_km`, `mean_eccentricity`,
/// `mean_inclination_deg`, `mean_perigee_altitude_km`, `mean_apogee_altitude_km`, `mass_kg`};
/// `delta_semi_major_axis_km`, `delta_v_m_s`, `propellant_kg`, `goal`, `thruster`, `model`,
/// `space_weather` {`fallback_used`, `fallback`}.
///
/// References: none (output format).
public struct ReboostReport: Sendable {
  /// The plan.
  public var plan: ReboostPlan
  /// Its simulation.
  public var result: ReboostResult
  /// A description of the space-weather fallback, when one was configured (e.g. `last 81-day
  /// means`), printed when it was used.
  public var fallbackDescription: String?

  /// A report.
  public init(plan: ReboostPlan, result: ReboostResult, fallbackDescription: String? = nil) {
    self.plan = plan
    self.result = result
    self.fallbackDescription = fallbackDescription
  }

  /// An epoch as ISO-8601 UTC with milliseconds.
  public static func utc(_ e: Epoch) -> String {
    (try? e.iso8601(.utc, fractionDigits: 3)) ?? "invalid"
  }

  /// The goal as text.
  public var goalText: String {
    switch plan.goal {
    case .raiseSemiMajorAxis(let d): "raise the mean semi-major axis by \(NumberFormat.fixed(d / 1000, digits: 3)) km"
    case .targetMeanAltitude(let h): "reach a mean altitude of \(NumberFormat.fixed(h / 1000, digits: 3)) km"
    case .phase(let u, let date):
      "argument of latitude \(NumberFormat.fixed(u * 180 / Double.pi, digits: 3)) deg at \(Self.utc(date))"
    }
  }

  /// The model as text.
  public var modelText: String {
    let env = plan.environment
    var parts: [String] = []
    switch env.gravity {
    case .zonal(let n): parts.append(n == 2 ? "point mass + J2" : "point mass + J2..J\(n)")
    case .egm96(let d, let m): parts.append("EGM96 \(d)x\(m)")
    }
    switch env.atmosphere {
    case .none: parts.append("no drag")
    case .harrisPriester: parts.append("Harris-Priester drag")
    case .nrlmsise00: parts.append("NRLMSISE-00 drag (built-in space weather)")
    }
    if env.thirdBodies { parts.append("Sun, Moon") }
    parts.append("Cd \(NumberFormat.shortest(env.dragCoefficient)), area \(NumberFormat.shortest(env.dragArea)) m2")
    return parts.joined(separator: ", ")
  }

  func meanJSON(_ m: MeanOrbit, mass: Double) -> JSONValue {
    .fields([
      "epoch_utc": .string(Self.utc(m.epoch)),
      "window_start_utc": .string(Self.utc(m.windowStart)),
      "window_end_utc": .string(Self.utc(m.windowEnd)),
      "mean_altitude_km": .double(m.meanAltitude / 1000),
      "mean_semi_major_axis_km": .double(m.semiMajorAxis / 1000),
      "mean_eccentricity": .double(m.eccentricity),
      "mean_inclination_deg": .double(m.inclination * 180 / Double.pi),
      "mean_perigee_altitude_km": .double(m.perigeeAltitude / 1000),
      "mean_apogee_altitude_km": .double(m.apogeeAltitude / 1000),
      "mass_kg": .double(mass),
    ])
  }

  /// The JSON report.
  public var json: JSONValue {
    let burns: [JSONValue] = result.burns.map { b in
      .fields([
        "start_utc": .string(Self.utc(b.start)),
        "end_utc": .string(Self.utc(b.end)),
        "duration_s": .double(b.duration),
        "delta_v_m_s": .double(b.deltaV),
        "propellant_kg": .double(b.propellant),
        "thrust_n": .double(b.thrust),
        "isp_s": .double(b.specificImpulse),
        "axes": .string(b.axes.rawValue),
        "direction": .array([.double(b.direction.x), .double(b.direction.y), .double(b.direction.z)]),
        "start_mass_kg": .double(b.startMass),
      ])
    }
    let t = plan.thruster
    return .fields([
      "goal": .string(goalText),
      "target_delta_semi_major_axis_km": .double(plan.targetRise / 1000),
      "thruster": .fields([
        "name": .string(t.name), "thrust_n": .double(t.thrust), "isp_s": .double(t.specificImpulse),
        "source": .string(t.source),
      ]),
      "model": .string(modelText),
      "mean_definition": .string("osculating elements averaged over one draconic revolution; altitude = a - 6378.137 km"),
      "burns": .array(burns),
      "before": meanJSON(result.before, mass: result.initialMass),
      "after": meanJSON(result.after, mass: result.finalMass),
      "delta_semi_major_axis_km": .double(result.semiMajorAxisChange / 1000),
      "delta_v_m_s": .double(result.deltaV),
      "propellant_kg": .double(result.propellant),
      "available_propellant_kg": .double(plan.availablePropellant),
      "space_weather": .fields([
        "fallback_used": .bool(result.usedSpaceWeatherFallback),
        "fallback": fallbackDescription.map(JSONValue.string) ?? .null,
      ]),
    ])
  }

  /// The text report (lines without trailing newlines).
  public var textLines: [String] {
    func km(_ m: Double, _ d: Int = 3) -> String { NumberFormat.fixed(m / 1000, digits: d) }
    func mean(_ label: String, _ m: MeanOrbit, mass: Double) -> String {
      "\(label) mean altitude \(km(m.meanAltitude)) km (a \(km(m.semiMajorAxis)) km, e \(NumberFormat.fixed(m.eccentricity, digits: 6)), i (GCRF) \(NumberFormat.fixed(m.inclination * 180 / Double.pi, digits: 4)) deg, perigee/apogee \(km(m.perigeeAltitude, 2))/\(km(m.apogeeAltitude, 2)) km) at \(Self.utc(m.epoch)), mass \(NumberFormat.fixed(mass, digits: 1)) kg"
    }
    let t = plan.thruster
    var lines = [
      "goal: \(goalText)",
      "thruster: \(t.name) (\(NumberFormat.shortest(t.thrust)) N, Isp \(NumberFormat.shortest(t.specificImpulse)) s)",
      "model: \(modelText); mean = orbit average over one draconic revolution, altitude = a - 6378.137 km",
      mean("before:", result.before, mass: result.initialMass),
    ]
    for (i, b) in result.burns.enumerated() {
      lines.append(
        "burn \(i + 1): start \(Self.utc(b.start)), duration \(NumberFormat.fixed(b.duration, digits: 1)) s, Δv \(NumberFormat.fixed(b.deltaV, digits: 3)) m/s, propellant \(NumberFormat.fixed(b.propellant, digits: 1)) kg, prograde (+V, \(b.axes.rawValue.uppercased()))")
    }
    lines.append(mean("after: ", result.after, mass: result.finalMass))
    lines.append(
      "change: Δa \(km(result.semiMajorAxisChange)) km (target \(km(plan.targetRise)) km), Δv \(NumberFormat.fixed(result.deltaV, digits: 3)) m/s, propellant \(NumberFormat.fixed(result.propellant, digits: 1)) of \(NumberFormat.fixed(plan.availablePropellant, digits: 1)) kg")
    if result.usedSpaceWeatherFallback {
      lines.append("space weather: FALLBACK used (\(fallbackDescription ?? "configured fallback")) for dates beyond the built-in table")
    }
    return lines
  }

  /// CSV of the sampled run: t_s (since the first ignition), utc, GCRF state (km, km/s), mass,
  /// thrusting flag, osculating semi-major axis and radial altitude (km).
  public var arcCSV: String {
    let mu = plan.environment.gravitationalParameter
    let ignition = result.burns.first?.start ?? plan.initialState.epoch
    var out = "t_s,utc,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,mass_kg,thrusting,osculating_sma_km,radial_altitude_km\n"
    for s in result.samples {
      let r = s.position / 1000, v = s.velocity / 1000
      out += [NumberFormat.fixed(s.epoch - ignition, digits: 3), Self.utc(s.epoch)].joined(separator: ",") + ","
      out += [r.x, r.y, r.z, v.x, v.y, v.z, s.mass].map(NumberFormat.shortest).joined(separator: ",")
      out += s.thrusting ? ",1," : ",0,"
      out += NumberFormat.fixed(s.osculatingSemiMajorAxis(mu: mu) / 1000, digits: 6) + ","
      out += NumberFormat.fixed(s.radialAltitude / 1000, digits: 6) + "\n"
    }
    return out
  }
}
