import OrbitCore

/// Scenario kind `insertion-dispersion`: how an insertion error grows. A target on a Keplerian
/// orbit and a chaser inserted at an offset from it (LVLH) are propagated two-body (Kepler,
/// exact) for `duration_s`; the result is the chaser's final offset in the target's LVLH frame
/// and its range. With a `monte_carlo` section the insertion state is dispersed
/// (`insertion_state`) and the ensemble gives the distribution of the final offset — the
/// classical picture of along-track drift from radial and velocity errors (Clohessy &
/// Wiltshire 1960). It is also the cheap model the ensemble engine is tested with.
///
/// Keys: `target` {`semi_major_axis_km`, `eccentricity`, `inclination_deg`, `raan_deg`,
/// `arg_perigee_deg`, `true_anomaly_deg`}, optional `chaser_offset` {`position_m`,
/// `velocity_m_s`} (LVLH axes of OrbitCore: x along V-bar, y = −orbit normal, z nadir; the
/// velocity offset is the inertial velocity difference in those axes), `duration_s`,
/// `success_range_m`, optional `monte_carlo`.
///
/// References: W. H. Clohessy, R. S. Wiltshire, "Terminal guidance system for satellite
/// rendezvous", J. Aerospace Sci. 27 (1960) 653–658.
enum InsertionDispersionKind {
  static let kind = "insertion-dispersion"

  static let handler = ScenarioKindHandler(kind: kind) { top, c in read(top, &c) }

  struct Nominal: Sendable {
    var target: CartesianState
    var offsetPosition: SIMD3<Double>
    var offsetVelocity: SIMD3<Double>
    var durationS: Double
    var successRangeM: Double
  }

  static let fields = ["final_range_m", "final_x_m", "final_y_m", "final_z_m"]

  static func read(_ json: JSONValue, _ c: inout Checker) -> ExtendedScenario? {
    let root = JSONPath.root
    guard
      let top = c.object(
        json, at: root,
        allowed: [
          "schema_version", "name", "kind", "description", "target", "chaser_offset", "duration_s", "success_range_m",
          "monte_carlo",
        ],
        required: ["schema_version", "name", "kind", "target", "duration_s", "success_range_m"])
    else { return nil }
    let header = ScenarioValidator.readHeader(top, &c)
    let positive: (Double) -> String? = { $0 > 0 ? nil : "must be > 0" }
    let duration = c.number(top["duration_s"], at: root.appending("duration_s"), check: positive)
    let success = c.number(top["success_range_m"], at: root.appending("success_range_m"), check: positive)
    var target: CartesianState? = nil
    if let t = top["target"] {
      let p = root.appending("target")
      let keys = ["semi_major_axis_km", "eccentricity", "inclination_deg", "raan_deg", "arg_perigee_deg", "true_anomaly_deg"]
      if let o = c.object(t, at: p, allowed: keys, required: keys) {
        let a = c.number(o["semi_major_axis_km"], at: p.appending("semi_major_axis_km"), check: positive)
        let e = c.number(o["eccentricity"], at: p.appending("eccentricity")) { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1)" }
        let angles = keys[2...].map { c.number(o[$0], at: p.appending($0)) }
        if let a, let e, angles.allSatisfy({ $0 != nil }) {
          let d = angles.map { Angle.radians(fromDegrees: $0!) }
          do throws(ElementsError) {
            let k = try KeplerianElements(
              semiMajorAxis: a * 1000, eccentricity: e, inclination: d[0], raan: d[1], argumentOfPeriapsis: d[2],
              trueAnomaly: d[3])
            target = k.cartesianState(epoch: .j2000, frame: .gcrf, mu: CentralBody.wgs84.gravitationalParameter)
          } catch {
            c.report(p, error.description)
          }
        }
      }
    }
    var offsetPosition = SIMD3<Double>.zero
    var offsetVelocity = SIMD3<Double>.zero
    var offsetOK = true
    if let o = top["chaser_offset"] {
      let p = root.appending("chaser_offset")
      if let obj = c.object(o, at: p, allowed: ["position_m", "velocity_m_s"], required: []) {
        if let v = obj["position_m"] {
          if let x = c.vector3(v, at: p.appending("position_m")) { offsetPosition = x } else { offsetOK = false }
        }
        if let v = obj["velocity_m_s"] {
          if let x = c.vector3(v, at: p.appending("velocity_m_s")) { offsetVelocity = x } else { offsetOK = false }
        }
      } else {
        offsetOK = false
      }
    }
    guard let header, let duration, let success, let target, offsetOK else {
      // Still check the section, to report all problems at once.
      if let section = top["monte_carlo"] {
        _ = MonteCarloSpec.read(
          section, at: root.appending("monte_carlo"), scenario: json, kind: kind, uses: [.insertionState], checker: &c)
      }
      return nil
    }
    let nominal = Nominal(
      target: target, offsetPosition: offsetPosition, offsetVelocity: offsetVelocity, durationS: duration,
      successRangeM: success)
    if let section = top["monte_carlo"] {
      return MonteCarloEnsemble.scenario(
        section, scenario: json, kind: kind, name: header.name, uses: [.insertionState], checker: &c
      ) { model(nominal) }
    }
    let name = header.name
    return ExtendedScenario(kind: kind, name: name) { (_: ScenarioRunOptions) throws(ScenarioError) in
      let r = simulate(nominal, draws: .nominal())
      var lines = ["\(name): chaser offset after \(NumberFormat.shortest(duration)) s (two-body)"]
      for (f, v) in zip(fields, r.values) { lines.append("  \(f): \(NumberFormat.fixed(v, digits: 3))") }
      lines.append(r.success ? "  within success_range_m" : "  outside success_range_m")
      return ScenarioRunOutput(summaryLines: lines, files: [])
    }
  }

  /// The ensemble model: histogram of the final range, scatter of the final nadir offset
  /// against the along-track offset.
  static func model(_ nominal: Nominal) -> MonteCarloModel {
    MonteCarloModel(
      fields: fields, histogramField: "final_range_m", scatterFields: (x: "final_x_m", y: "final_z_m")
    ) { draws in simulate(nominal, draws: draws) }
  }

  /// One run: the chaser inserted at the nominal offset plus the drawn insertion error.
  static func simulate(_ nominal: Nominal, draws: MonteCarloDraws) -> MonteCarloRecord {
    let t = nominal.target
    let m = LocalOrbitalFrame.lvlh.rotation(position: t.position, velocity: t.velocity)
    var dr = nominal.offsetPosition
    var dv = nominal.offsetVelocity
    if draws.has(.insertionState) {
      let e = draws.stateError(.insertionState)
      if e.position != .zero { dr += e.position }
      if e.velocity != .zero { dv += e.velocity }
    }
    let chaser = CartesianState(
      epoch: t.epoch, frame: t.frame, position: t.position + m.transposeMultiply(dr),
      velocity: t.velocity + m.transposeMultiply(dv))
    let mu = CentralBody.wgs84.gravitationalParameter
    let end = t.epoch + nominal.durationS
    do throws(PropagationError) {
      let tf = try KeplerPropagator(initialState: t, mu: mu).state(at: end)
      let cf = try KeplerPropagator(initialState: chaser, mu: mu).state(at: end)
      let rel = LocalOrbitalFrame.lvlh.rotation(position: tf.position, velocity: tf.velocity) * (cf.position - tf.position)
      let range = (rel.x * rel.x + rel.y * rel.y + rel.z * rel.z).squareRoot()
      let ok = range <= nominal.successRangeM
      return MonteCarloRecord(
        run: draws.run, success: ok, values: [range, rel.x, rel.y, rel.z],
        failure: ok ? "" : "final range above success_range_m")
    } catch {
      return MonteCarloRecord(
        run: draws.run, success: false, values: [.nan, .nan, .nan, .nan], failure: "propagation: \(error)")
    }
  }
}
