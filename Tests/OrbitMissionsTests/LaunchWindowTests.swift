#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import OrbitMissions
import Testing
import _OrbitTestSupport

/// Launch windows against the reported liftoffs of the training missions (Scenarios/missions,
/// sources in each file): predictions from the pre-launch TLE alone, the window on the reported
/// UTC date for the scheme flown.
@Suite struct LaunchWindowTests {
  /// A mission's predicted liftoff (the window on the liftoff's UTC date) minus the reported one (s).
  static func predictionError(_ r: MissionRecord, scheme: PhasingScheme? = nil, liftoff: Epoch? = nil) throws -> Double {
    guard let liftoff else {
      let option = try #require(try r.predictedLaunch(scheme: scheme))
      return option.liftoff - r.liftoff.epoch
    }
    let planner = try LaunchWindowPlanner(target: try #require(r.stationTLE?.tle), pad: r.pad)
    let windows = try planner.windows(utcDate: try liftoff.components(.utc).date)
    let s = scheme ?? r.schemeFlown
    let w = try #require(windows.min { abs($0.option(s).liftoff - liftoff) < abs($1.option(s).liftoff - liftoff) })
    return w.option(s).liftoff - liftoff
  }

  /// Liftoff tolerance: 30 s with a TLE at most 2 days old, 60 s otherwise (the issue's
  /// acceptance); the plane of an older set drifts through errors in its nodal rate.
  static func tolerance(ageSeconds: Double) -> Double { ageSeconds <= 2 * 86_400 ? 30 : 60 }

  @Test func predictedLiftoffsMatchTheReportedOnes() throws {
    for r in try MissionFiles.records() where r.stationTLE != nil && r.training {
      let error = try Self.predictionError(r)
      let age = try #require(r.tleAgeAtLiftoff)
      // The liftoff seconds of MS-20 are "from memory" (precision 60 s): add the precision.
      let allowed = Self.tolerance(ageSeconds: age) + (r.liftoff.precision >= 60 ? 60 : 0)
      #expect(abs(error) <= allowed, "\(r.mission): predicted − reported = \(error) s (TLE age \(age / 86_400) d)")
    }
  }

  /// Progress MS-07's planned 2-orbit liftoff (2017-10-12T09:32:03Z, scrubbed) was not used in
  /// any fit: an out-of-sample check of the fast-scheme lead.
  @Test func plannedTwoOrbitLiftoffOfProgressMS07() throws {
    let r = try #require(try MissionFiles.records().first { $0.mission == "Progress MS-07" })
    let planned = try #require(r.plannedLiftoff?.epoch)
    let error = try Self.predictionError(r, scheme: .twoOrbit, liftoff: planned)
    #expect(abs(error) <= 30, "predicted − planned = \(error) s (TLE 0.51 d old)")
    let planner = try LaunchWindowPlanner(target: r.stationTLE!.tle, pad: r.pad)
    let w = try planner.window(nearest: planned)
    #expect(w.recommendedScheme == .twoOrbit, "phase \(w.option(.twoOrbit).insertion.phaseAngleDegrees)°")
  }

  /// Missions the project added (not used in any fit), reported apart from the training set.
  /// 2-orbit/4-orbit: liftoff within the same tolerances and the scheme flown is the one
  /// recommended. 2-day: the one-flight 2-day lead does not carry over (Progress MS-21 flew 80 s
  /// later relative to the plane than Progress MS-07, and at a phase of 34°, outside the 2-day
  /// window centred on MS-07, from a higher insertion orbit); what holds is that the liftoff
  /// lies within 2 min of the in-plane time, which is asserted.
  @Test func addedMissionsOutsideTheTrainingSet() throws {
    let added = try MissionFiles.records().filter { !$0.training }
    #expect(added.count == 5)
    for r in added {
      let tle = try #require(r.stationTLE?.tle)
      if r.schemeFlown == .twoDay {
        let planner = try LaunchWindowPlanner(target: tle, pad: r.pad)
        let offset = try planner.window(nearest: r.liftoff.epoch).inPlaneTime - r.liftoff.epoch
        #expect(abs(offset) <= 120 + r.liftoff.precision, "\(r.mission): in-plane − liftoff = \(offset) s")
        continue
      }
      let error = try Self.predictionError(r)
      let age = try #require(r.tleAgeAtLiftoff)
      #expect(abs(error) <= Self.tolerance(ageSeconds: age), "\(r.mission): predicted − reported = \(error) s")
      let i = try AscentModel.insertion(liftoff: r.liftoff.epoch, pad: r.pad, target: tle)
      #expect(PhasingScheme.feasible(phaseAngleDegrees: i.phaseAngleDegrees).first == r.schemeFlown, "\(r.mission): phase \(i.phaseAngleDegrees)°")
    }
  }

  /// Leave-one-out: the fast-scheme lead refitted without each mission predicts that mission.
  @Test func leaveOneOutLeadPredictsEachFastSchemeMission() throws {
    let fast = try MissionFiles.records().filter { $0.stationTLE != nil && $0.schemeFlown != .twoDay && $0.training }
    #expect(fast.count == 8)
    var leads: [Double] = []
    for r in fast {
      let planner = try LaunchWindowPlanner(target: r.stationTLE!.tle, pad: r.pad)
      let t = try planner.window(nearest: r.liftoff.epoch).inPlaneTime
      leads.append(t - r.liftoff.epoch)
    }
    let mean = leads.reduce(0, +) / Double(leads.count)
    // The shipped constant is the fit (rounded to 0.1 s), not a tuned value.
    #expect(abs(mean - AscentModel.Calibration.inPlaneLead) <= 0.05, "fitted mean lead \(mean) s")
    for (i, r) in fast.enumerated() {
      let others = (leads.reduce(0, +) - leads[i]) / Double(leads.count - 1)
      let error = leads[i] - others  // predicted − reported liftoff (liftoff = in-plane time − lead)
      let allowed = Self.tolerance(ageSeconds: r.tleAgeAtLiftoff!) + (r.liftoff.precision >= 60 ? 60 : 0)
      #expect(abs(error) <= allowed, "\(r.mission): leave-one-out error \(error) s")
    }
  }

  /// The window centres and the downrange angle are the means they are documented to be.
  @Test func calibratedPhaseCentresAreTheTrainingMeans() throws {
    var phases: [PhasingScheme: [Double]] = [:]
    for r in try MissionFiles.records() where r.stationTLE != nil && r.training {
      let i = try AscentModel.insertion(liftoff: r.liftoff.epoch, pad: r.pad, target: r.stationTLE!.tle)
      phases[r.schemeFlown, default: []].append(i.phaseAngleDegrees)
      #expect(r.schemeFlown.allows(phaseAngleDegrees: i.phaseAngleDegrees), "\(r.mission): phase \(i.phaseAngleDegrees)°")
      #expect(
        PhasingScheme.feasible(phaseAngleDegrees: i.phaseAngleDegrees).first == r.schemeFlown,
        "\(r.mission): the fastest feasible scheme at phase \(i.phaseAngleDegrees)° is not the one flown")
    }
    for scheme in PhasingScheme.allCases {
      let p = try #require(phases[scheme])
      let mean = p.reduce(0, +) / Double(p.count)
      // Constants are rounded to 0.1°.
      #expect(abs(mean - scheme.windowCentreDegrees) <= 0.05, "\(scheme): training mean \(mean)°")
    }
    #expect(phases[.twoOrbit]?.count == 6 && phases[.fourOrbit]?.count == 2 && phases[.twoDay]?.count == 1)
  }

  /// The in-plane time moves earlier by one sidereal-day deficit (3 min 56 s) plus the nodal
  /// regression (J2: dΩ/dt = −1.5 n J2 (R/p)² cos i ≈ −5°/day ≈ 20 min) each day: ~23–24 min.
  @Test func inPlaneTimeMovesEarlierBy23To24MinutesADay() throws {
    let r = try #require(try MissionFiles.records().first { $0.mission == "Soyuz MS-24" })
    let tle = r.stationTLE!.tle
    let planner = try LaunchWindowPlanner(target: tle, pad: r.pad)
    let windows = try planner.windows(utcDate: CivilDate(year: 2023, month: 9, day: 10), days: 10)
    #expect(windows.count >= 9)
    // Independent estimate from the TLE's mean elements (WGS-72 J2 and radius, as SGP4 uses).
    let mu = 398_600.8, re = 6378.135, j2 = 0.001082616
    let n = tle.meanMotion * 2 * Double.pi / 86_400
    let a = cbrt(mu / (n * n))
    let p = a * (1 - tle.eccentricity * tle.eccentricity)
    let nodeRate = -1.5 * n * j2 * (re / p) * (re / p) * cos(tle.inclination * Double.pi / 180)  // rad/s
    let earthRate = 7.292115e-5  // rad/s
    let expectedShift = 86_400 * (1 - (earthRate - nodeRate) * 86_400 / (2 * Double.pi)) / ((earthRate - nodeRate) * 86_400 / (2 * Double.pi))
    for k in 1..<windows.count {
      let shift = (windows[k].inPlaneTime - windows[k - 1].inPlaneTime) - 86_400  // s, negative = earlier
      #expect(shift <= -23 * 60 && shift >= -24.5 * 60, "day \(k): \(shift / 60) min")
      // SGP4's short-period terms and the osculating plane move the daily shift by a few
      // seconds around the mean-element estimate.
      #expect(abs(shift - expectedShift) <= 15, "day \(k): \(shift) s vs J2 estimate \(expectedShift) s")
    }
  }

  /// Both crossings a day exist; only the northbound one is a window (NE azimuth ≈ 63°).
  @Test func onlyNorthboundWindowsWithNortheastAzimuth() throws {
    let r = try #require(try MissionFiles.records().first { $0.mission == "Soyuz MS-22" })
    let planner = try LaunchWindowPlanner(target: r.stationTLE!.tle, pad: r.pad)
    let w = try planner.windows(utcDate: CivilDate(year: 2022, month: 9, day: 19), days: 4)
    #expect(w.count == 4)
    for x in w {
      // sin β = cos 51.64° / cos 46.0° → β = 63.4°; 0.3° covers the TLE's osculating inclination.
      #expect(abs(x.launchAzimuth / Angle.degree - 63.4) <= 0.3)
    }
  }

  static func editedISS(inclination: String) throws -> TLE {
    var l2 = Array("2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756")
    let field = Array(inclination)
    l2.replaceSubrange(8..<16, with: field)
    var line2 = String(l2.dropLast())
    line2 += String(TLE.checksum(of: line2))
    return try TLE(
      line1: "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998", line2: line2)
  }

  @Test func orbitsTheModelCannotReachAreRefusedWithAReason() throws {
    let sso = try Self.editedISS(inclination: " 98.2000")
    let equatorial = try Self.editedISS(inclination: "  0.1000")
    do throws(LaunchWindowError) {
      _ = try LaunchWindowPlanner(target: sso, pad: .baikonur31)
      Issue.record("a sun-synchronous orbit must be refused")
    } catch {
      #expect(error.description.contains("outside the Soyuz-to-ISS corridor"), "\(error)")
    }
    do throws(LaunchWindowError) {
      _ = try LaunchWindowPlanner(target: equatorial, pad: .baikonur31)
      Issue.record("an equatorial orbit must be refused")
    } catch {
      #expect(error.description.contains("never passes over baikonur-31"), "\(error)")
    }
    do throws(LaunchSiteError) {
      _ = try LaunchSite.named("plesetsk-43")
      Issue.record("unknown pad")
    } catch {
      #expect(error.description == "unknown launch pad \"plesetsk-43\" (valid pads: baikonur-31, baikonur-1)")
    }
  }
}
