import OrbitCore

/// The states one propagator produced at the scenario's output times.
public struct Trajectory: Sendable, Equatable {
  /// The propagator.
  public var propagator: PropagatorKind
  /// Output times (s since the scenario epoch).
  public var timesSeconds: [Double]
  /// GCRF positions (km), one per time.
  public var positionsKm: [SIMD3<Double>]
  /// GCRF velocities (km/s), one per time.
  public var velocitiesKmPerSecond: [SIMD3<Double>]
}

/// The outcome of running a scenario: every trajectory and the comparison summary.
public struct ScenarioResult: Sendable, Equatable {
  /// The scenario that was run.
  public var scenario: Scenario
  /// The epoch of the last output time as UTC ISO-8601 text (nil if UTC is unavailable).
  public var finalEpochUTC: String?
  /// The start epoch as UTC ISO-8601 text (nil if UTC is unavailable).
  public var initialEpochUTC: String?
  /// One trajectory per propagator, in scenario order.
  public var trajectories: [Trajectory]
  /// Step counts of the numerical propagator, if one ran.
  public var numericalStatistics: NumericalStatistics? = nil

  /// Events located and impulses applied by the numerical propagator, in time order.
  public var events: [LocatedEvent] = []
  /// When a terminal event stopped the numerical run (s since the epoch), else nil.
  public var stoppedAtS: Double? = nil

  /// Accepted and rejected steps and derivative evaluations of a numerical run.
  public typealias NumericalStatistics = (accepted: Int, rejected: Int, evaluations: Int)

  public static func == (a: ScenarioResult, b: ScenarioResult) -> Bool {
    a.scenario == b.scenario && a.finalEpochUTC == b.finalEpochUTC && a.initialEpochUTC == b.initialEpochUTC
      && a.trajectories == b.trajectories
  }

  /// A comparison of one propagator against the first one listed.
  public struct Difference: Sendable, Equatable {
    /// The propagator compared.
    public var propagator: PropagatorKind
    /// The reference (the first propagator of the scenario).
    public var reference: PropagatorKind
    /// |Δr| at the final time (km).
    public var finalPositionDifferenceKm: Double
    /// max |Δr| over the output times (km).
    public var maximumPositionDifferenceKm: Double
    /// |Δv| at the final time (km/s).
    public var finalVelocityDifferenceKmPerSecond: Double
  }

  /// Each propagator after the first compared with the first.
  public var differences: [Difference] {
    guard let reference = trajectories.first else { return [] }
    return trajectories.dropFirst().map { t in
      var maximum = 0.0
      for (a, b) in zip(reference.positionsKm, t.positionsKm) { maximum = max(maximum, (a - b).norm) }
      return Difference(
        propagator: t.propagator, reference: reference.propagator,
        finalPositionDifferenceKm: ((t.positionsKm.last ?? .zero) - (reference.positionsKm.last ?? .zero)).norm,
        maximumPositionDifferenceKm: maximum,
        finalVelocityDifferenceKmPerSecond:
          ((t.velocitiesKmPerSecond.last ?? .zero) - (reference.velocitiesKmPerSecond.last ?? .zero)).norm)
    }
  }

  /// The human-readable summary printed by `orbit run`, one line per entry.
  public var summaryLines: [String] {
    var lines: [String] = []
    let s = scenario
    lines.append("scenario \(s.name): \(s.propagators.map(\.rawValue).joined(separator: ", ")), "
      + "\(NumberFormat.shortest(s.durationSeconds)) s at \(NumberFormat.shortest(s.stepSeconds)) s steps "
      + "(\(trajectories.first?.timesSeconds.count ?? 0) states each)")
    if let start = initialEpochUTC, let end = finalEpochUTC {
      lines.append("epoch \(start) → \(end)")
    }
    for t in trajectories {
      guard let r = t.positionsKm.last, let v = t.velocitiesKmPerSecond.last else { continue }
      lines.append(
        "\(t.propagator.rawValue) final: r = [\(fmt(r, 3))] km, |r| = \(NumberFormat.fixed(r.norm, digits: 3)) km, "
          + "v = [\(fmt(v, 6))] km/s")
    }
    if let s = numericalStatistics, let n = scenario.numerical {
      lines.append(
        "numerical: forces \(n.forces.names.joined(separator: ",")), \(n.integrator.rawValue), tolerance \(NumberFormat.shortest(n.toleranceM)) m: "
          + "\(s.accepted) steps (\(s.rejected) rejected), \(s.evaluations) derivative evaluations")
    }
    if !events.isEmpty {
      var counts: [String: Int] = [:]
      var order: [String] = []
      for e in events {
        if counts[e.kind] == nil { order.append(e.kind) }
        counts[e.kind, default: 0] += 1
      }
      lines.append("events: " + order.map { "\($0) × \(counts[$0]!)" }.joined(separator: ", "))
      for e in events where e.kind == "impulsive-maneuver" {
        lines.append("  \(e.source) applied at t = \(NumberFormat.fixed(e.timeS, digits: 3)) s (mass before \(NumberFormat.fixed(e.state.mass, digits: 3)) kg)")
      }
    }
    if let t = stoppedAtS {
      lines.append("numerical: stopped by a terminal event at t = \(NumberFormat.fixed(t, digits: 6)) s")
    }
    for d in differences {
      lines.append(
        "\(d.propagator.rawValue) − \(d.reference.rawValue): final |Δr| = \(NumberFormat.fixed(d.finalPositionDifferenceKm, digits: 3)) km, "
          + "max |Δr| = \(NumberFormat.fixed(d.maximumPositionDifferenceKm, digits: 3)) km, "
          + "final |Δv| = \(NumberFormat.fixed(d.finalVelocityDifferenceKmPerSecond * 1000, digits: 3)) m/s")
    }
    return lines
  }

  private func fmt(_ v: SIMD3<Double>, _ digits: Int) -> String {
    [v.x, v.y, v.z].map { NumberFormat.fixed($0, digits: digits) }.joined(separator: ", ")
  }
}
