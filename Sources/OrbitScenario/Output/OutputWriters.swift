import OrbitCore

/// Renders a `ScenarioResult` as the text of each output format.
public enum OutputWriters {
  /// The CSV header. The `propagator` column is last so that the first seven columns are the
  /// same for every scenario.
  public static let csvHeader = "t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,propagator"

  /// CSV: a header, then one row per propagator and output time (propagators in scenario order,
  /// times ascending); numbers in shortest round-trip form; `\n` line ends.
  public static func csv(_ result: ScenarioResult) -> String {
    var out = csvHeader + "\n"
    for t in result.trajectories {
      for i in t.timesSeconds.indices {
        let r = t.positionsKm[i]
        let v = t.velocitiesKmPerSecond[i]
        let numbers = [t.timesSeconds[i], r.x, r.y, r.z, v.x, v.y, v.z].map(NumberFormat.shortest)
        out += numbers.joined(separator: ",") + "," + t.propagator.rawValue + "\n"
      }
    }
    return out
  }

  /// JSON: the scenario's identity, epoch, frame, summary and every propagator's states.
  public static func json(_ result: ScenarioResult) -> String {
    let s = result.scenario
    let differences: [JSONValue] = result.differences.map { d in
      .fields([
        "propagator": .string(d.propagator.rawValue),
        "reference": .string(d.reference.rawValue),
        "final_position_difference_km": .double(d.finalPositionDifferenceKm),
        "max_position_difference_km": .double(d.maximumPositionDifferenceKm),
        "final_velocity_difference_km_s": .double(d.finalVelocityDifferenceKmPerSecond),
      ])
    }
    let trajectories: [JSONValue] = result.trajectories.map { t in
      let states: [JSONValue] = t.timesSeconds.indices.map { i in
        let r = t.positionsKm[i]
        let v = t.velocitiesKmPerSecond[i]
        return .fields([
          "t_s": .double(t.timesSeconds[i]),
          "position_km": .array([.double(r.x), .double(r.y), .double(r.z)]),
          "velocity_km_s": .array([.double(v.x), .double(v.y), .double(v.z)]),
        ])
      }
      return .fields(["propagator": .string(t.propagator.rawValue), "states": .array(states)])
    }
    let document: JSONValue = .fields([
      "schema_version": .int(s.schemaVersion),
      "name": .string(s.name),
      "kind": .string(s.kind.rawValue),
      "epoch": .fields([
        "scale": .string(s.epoch.scale.rawValue),
        "text": .string(s.epoch.text),
        "utc": result.initialEpochUTC.map(JSONValue.string) ?? .null,
      ]),
      "central_body": .string(s.centralBody.rawValue),
      "frame": .string("gcrf"),
      "duration_s": .double(s.durationSeconds),
      "step_s": .double(s.stepSeconds),
      "differences": .array(differences),
      "events": .array(result.events.map { e in
        .fields([
          "t_s": .double(e.timeS), "kind": .string(e.kind), "source": .string(e.source),
          "position_km": .array([.double(e.state.position.x / 1000), .double(e.state.position.y / 1000), .double(e.state.position.z / 1000)]),
          "velocity_km_s": .array([.double(e.state.velocity.x / 1000), .double(e.state.velocity.y / 1000), .double(e.state.velocity.z / 1000)]),
          "mass_kg": .double(e.state.mass),
        ])
      }),
      "trajectories": .array(trajectories),
    ])
    return JSONWriter.string(document)
  }

  /// CCSDS OEM 2.0 (KVN): one segment per propagator (OBJECT_NAME the spacecraft name, a
  /// COMMENT naming the propagator), GCRF, UTC epochs.
  public static func oem(_ result: ScenarioResult) throws(OEMWriter.Failure) -> String {
    let s = result.scenario
    var objectID = s.name
    if case .tle(let tle) = s.spacecraft.orbit { objectID = String(tle.catalogNumber) }
    let segments = result.trajectories.map { t in
      OEMWriter.Segment(
        objectName: s.spacecraft.name ?? s.name, objectID: objectID, frame: .gcrf,
        comments: ["scenario \(s.name), propagator \(t.propagator.rawValue)"],
        states: t.timesSeconds.indices.map { i in
          OEMWriter.State(
            epoch: s.epoch.epoch + t.timesSeconds[i], positionKm: t.positionsKm[i],
            velocityKmPerSecond: t.velocitiesKmPerSecond[i])
        })
    }
    return try OEMWriter.render(segments, headerComments: s.description.map { $0.split(separator: "\n").map(String.init) } ?? [])
  }

  /// The text of one output.
  public static func render(_ format: OutputSpec.Format, _ result: ScenarioResult) throws(OEMWriter.Failure) -> String {
    switch format {
    case .csv: csv(result)
    case .json: json(result)
    case .oem: try oem(result)
    }
  }
}
