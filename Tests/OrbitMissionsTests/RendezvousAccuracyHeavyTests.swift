import OrbitCore
import OrbitMissions
import Testing
import _OrbitTestSupport

/// The whole flight from the reported liftoff and the pre-launch TLE against the reported
/// contact times of the training missions (Scenarios/missions), the acceptance:
/// median |error| ≤ 3 min, max ≤ 8 min, `auto` = the scheme flown. Also the calibration: the
/// hand-over constants are the medians of what each flight needs, and the leave-one-out errors.
/// Release-only (≈ 1 s per 2-day flight in release).
@Suite(.enabled(if: HeavyTests.enabled)) struct RendezvousAccuracyHeavyTests {
  struct Row {
    var record: MissionRecord
    var result: RendezvousResult
    /// Simulated − reported contact (s).
    var error: Double { result.dockingEpoch - record.docking.epoch }
    /// The insertion → hand-over time this flight needs to dock at its reported time (min).
    var neededHandoverMinutes: Double {
      let approach = result.dockingEpoch - result.phasing.handover.epoch
      return (record.docking.epoch - result.insertion.epoch - approach) / 60
    }
  }

  static func rows() throws -> [Row] {
    try MissionFiles.records().filter { $0.training && $0.stationTLE != nil }.map { r in
      let result = try RendezvousMission.simulate(
        tle: r.stationTLE!.tle, liftoff: r.liftoff.epoch, pad: r.pad, profile: .auto,
        port: try DockingPort.named(r.port), vehicle: try RendezvousVehicle.preset(named: r.vehicle))
      return Row(record: r, result: result)
    }
  }

  static func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
  }

  @Test func dockingTimesOfTheTrainingMissions() throws {
    let rows = try Self.rows()
    #expect(rows.count >= 9, "training flights with a TLE: \(rows.count)")
    for r in rows {
      #expect(r.result.profile.rawValue == r.record.schemeFlown.name, "\(r.record.mission): auto chose \(r.result.profile)")
    }
    let errors = rows.map { abs($0.error) }
    // Acceptance (issue 6): median ≤ 3 min, max ≤ 8 min.
    #expect(Self.median(errors) <= 180, "median |error| \(Self.median(errors)) s")
    #expect(errors.max()! <= 480, "max |error| \(errors.max()!) s")
    // Total Δv of every 2-orbit flight: Hohmann-like (~120 m/s) plus the plane correction and
    // the approach, below 170 m/s.
    for r in rows where r.result.profile == .twoOrbit {
      #expect(r.result.phasingDeltaV > 115 && r.result.totalDeltaV < 170, "\(r.record.mission): \(r.result.totalDeltaV) m/s")
    }
  }

  /// The calibrated hand-over times are the medians of the per-flight needs (0.1 min: rounding
  /// of the constants), and leaving a flight out of its group's median moves its error by at most
  /// 8 min (groups of two or more flights).
  @Test func calibrationAndLeaveOneOut() throws {
    let rows = try Self.rows()
    let groups: [(String, [Row], Double)] = [
      ("2-orbit Soyuz", rows.filter { $0.result.profile == .twoOrbit && $0.record.vehicle == "soyuz-ms" },
       SchemeTimeline.Calibration.twoOrbitSoyuzHandoverMinutes),
      ("2-orbit Progress", rows.filter { $0.result.profile == .twoOrbit && $0.record.vehicle == "progress-ms" },
       SchemeTimeline.Calibration.twoOrbitProgressHandoverMinutes),
      ("4-orbit", rows.filter { $0.result.profile == .fourOrbit }, SchemeTimeline.Calibration.fourOrbitHandoverMinutes),
      ("2-day", rows.filter { $0.result.profile == .twoDay }, SchemeTimeline.Calibration.twoDayHandoverMinutes),
    ]
    for (name, group, constant) in groups {
      try #require(!group.isEmpty, "\(name): no flights")
      let needs = group.map(\.neededHandoverMinutes)
      expectClose(Self.median(needs), constant, absolute: 0.1, "\(name) calibration (min)")
      guard needs.count >= 2 else { continue }
      for i in needs.indices {
        var others = needs
        others.remove(at: i)
        let looError = abs(needs[i] - Self.median(others))
        #expect(looError <= 8, "\(name) \(group[i].record.mission): leave-one-out error \(looError) min")
      }
    }
  }
}
