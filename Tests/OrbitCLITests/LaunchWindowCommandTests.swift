import Foundation
import OrbitCore
import Testing
import _OrbitTestSupport

/// `orbit launch-window` end to end: the Soyuz MS-24 pre-launch ISS TLE (Scenarios/missions,
/// source in the file) against the reported liftoff 2023-09-15T15:44:35.417Z (RussianSpaceWeb),
/// and bad input.
@Suite struct LaunchWindowCommandTests {
  static let line1 = "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998"
  static let line2 = "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756"

  static func file(_ text: String) -> String {
    let dir = makeTemporaryDirectory()
    let path = dir + "/target.tle"
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let iss = file("ISS (ZARYA)\n\(line1)\n\(line2)\n")

  /// The ISS set with another inclination (columns 9–16) and a recomputed checksum.
  static func withInclination(_ field: String) -> String {
    var l2 = Array(line2)
    l2.replaceSubrange(8..<16, with: Array(field))
    var text = String(l2.dropLast())
    text += String(TLE.checksum(of: text))
    return file("TEST\n\(line1)\n\(text)\n")
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func soyuzMS24WindowMatchesTheReportedLiftoff() throws {
    let r = orbit("launch-window", "--tle", Self.iss, "--pad", "baikonur-31", "--date", "2023-09-15", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let root = try Self.object(r.stdout)
    let windows = try #require(root["windows"] as? [[String: Any]])
    #expect(windows.count == 1)
    let w = try #require(windows.first)
    let liftoff = try Epoch(iso8601: try #require(w["liftoff_utc"] as? String), scale: .utc)
    let reported = try Epoch(iso8601: "2023-09-15T15:44:35.417Z", scale: .utc)
    // Acceptance: within 30 s with a TLE ≤ 2 days old (this one is 0.44 d old).
    #expect(abs(liftoff - reported) <= 30, "predicted \(w["liftoff_utc"]!)")
    #expect(w["recommended_profile"] as? String == "2-orbit")
    #expect((w["feasible_profiles"] as? [String]) == ["2-orbit"])
    let phase = try #require(w["phase_angle_at_insertion_deg"] as? Double)
    #expect(abs(phase - 13.6) <= 3, "phase \(phase)° must lie in the 2-orbit window")
    #expect((w["profiles"] as? [[String: Any]])?.count == 3)
  }

  @Test func thirtyDaysGiveOneWindowADayMovingEarlier() throws {
    let r = orbit("launch-window", "--tle", Self.iss, "--date", "2023-09-01", "--days", "30", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let windows = try #require(try Self.object(r.stdout)["windows"] as? [[String: Any]])
    // One northbound window per day; the in-plane time drifts ~23.4 min earlier a day, so a
    // 30-day span holds 30 or 31 of them.
    #expect((30...31).contains(windows.count))
    let times = try windows.map { try Epoch(iso8601: $0["in_plane_utc"] as! String, scale: .utc) }
    for k in 1..<times.count {
      let shift = times[k] - times[k - 1] - 86_400
      #expect(shift <= -23 * 60 && shift >= -24.5 * 60, "day \(k): \(shift / 60) min")
    }
    #expect(r.stderr.contains("warning"), "windows 14 days from the TLE epoch warn")
  }

  @Test func textFormatHasATableRow() {
    let r = orbit("launch-window", "--tle", Self.iss, "--date", "2023-09-15")
    #expect(r.code == 0)
    #expect(r.stdout.contains("2023-09-15T15:44:"), "\(r.stdout)")
    #expect(r.stdout.contains("2-orbit"))
  }

  @Test(arguments: [
    (["--pad", "plesetsk"], Int32(64), "--pad: unknown launch pad \"plesetsk\" (valid pads: baikonur-31, baikonur-1)"),
    (["--date", "2023-9-15"], 64, "--date: expected YYYY-MM-DD"),
    (["--date", "2023-02-30"], 65, "--date: 2023-02-30 is not a calendar date"),
    (["--days", "0"], 64, "--days: must be 1–60, got 0"),
    (["--days", "61"], 64, "--days: must be 1–60, got 61"),
    (["--days", "ten"], 64, "--days: not an integer"),
  ])
  func badOptions(_ c: ([String], Int32, String)) {
    var args = ["launch-window", "--tle", Self.iss, "--date", "2023-09-15"]
    for i in stride(from: 0, to: c.0.count, by: 2) {
      if let j = args.firstIndex(of: c.0[i]) { args[j + 1] = c.0[i + 1] } else { args += [c.0[i], c.0[i + 1]] }
    }
    let r = orbit(args)
    #expect(r.code == c.1)
    #expect(r.stderr.hasPrefix("orbit: launch-window: " + c.2), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func unreachableOrbitsExplainWhy() {
    let sso = orbit("launch-window", "--tle", Self.withInclination(" 98.2000"), "--date", "2023-09-15")
    #expect(sso.code == 65)
    #expect(sso.stderr.contains("outside the Soyuz-to-ISS corridor"), "\(sso.stderr)")
    let equatorial = orbit("launch-window", "--tle", Self.withInclination("  0.0500"), "--date", "2023-09-15")
    #expect(equatorial.code == 65)
    #expect(equatorial.stderr.contains("never passes over baikonur-31"), "\(equatorial.stderr)")
  }

  @Test func badTLEFilesAndMissingOptions() {
    let broken = Self.file("ISS\n\(Self.line1.dropLast())7\n\(Self.line2)\n")
    let r = orbit("launch-window", "--tle", broken, "--date", "2023-09-15")
    #expect(r.code == 65)
    #expect(r.stderr.contains("target.tle:2"), "\(r.stderr)")
    let missing = orbit("launch-window", "--tle", "/nonexistent/iss.tle", "--date", "2023-09-15")
    #expect(missing.code == 1)
    let noDate = orbit("launch-window", "--tle", Self.iss)
    #expect(noDate.code == 64 && noDate.stderr.contains("missing --date"))
  }
}
