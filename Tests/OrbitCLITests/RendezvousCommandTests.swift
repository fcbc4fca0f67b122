import Foundation
import OrbitCore
import Testing
import _OrbitTestSupport

/// `orbit rendezvous` end to end on Soyuz MS-22: the reported liftoff 2022-09-21T13:54:49.531Z
/// and docking 17:06:33 UTC (Roscosmos text via russianspacenews.com) with the ISS element set
/// of 2022-09-18 (Scenarios/soyuz-ms-22-fast-rendezvous.json, source there); and bad input.
@Suite struct RendezvousCommandTests {
  static let line1 = "1 25544U 98067A   22261.04293564  .00008098  00000-0  14900-3 0  9998"
  static let line2 = "2 25544  51.6433 236.5547 0002449 262.4353 208.9254 15.50138447359588"
  static let liftoff = "2022-09-21T13:54:49.531Z"

  static func file(_ text: String, name: String = "iss.tle") -> String {
    let path = makeTemporaryDirectory() + "/" + name
    writeText(text, to: path)
    return path
  }

  static let iss = file("ISS (ZARYA)\n\(line1)\n\(line2)\n")

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The JSON keys are the contract; the docking is within the issue's 8-minute maximum of the
  /// reported contact; the scheme is the one flown; the Δv is plausible (a Hohmann-equivalent
  /// raise from ~200 km to the ISS costs ~120 m/s, the approach ~20 m/s).
  @Test func soyuzMS22() throws {
    let r = orbit("rendezvous", "--tle", Self.iss, "--launch", Self.liftoff, "--port", "rassvet", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let root = try Self.object(r.stdout)
    #expect(
      Set(root.keys) == [
        "profile", "liftoff_utc", "insertion_utc", "phase_angle_at_insertion_deg", "burns", "events", "docking_utc",
        "total_delta_v_m_s",
      ])
    #expect(root["profile"] as? String == "2-orbit")
    #expect(root["liftoff_utc"] as? String == "2022-09-21T13:54:49.531Z")
    let burns = try #require(root["burns"] as? [[String: Any]])
    #expect(burns.count >= 5)
    for b in burns { #expect(Set(b.keys) == ["time_utc", "delta_v_m_s", "duration_s"]) }
    let times = try burns.map { try Epoch(iso8601: $0["time_utc"] as! String) }
    #expect(zip(times, times.dropFirst()).allSatisfy { !($1 < $0) })
    let events = try #require(root["events"] as? [[String: Any]])
    for e in events { #expect(Set(e.keys) == ["name", "time_utc"]) }
    let names = events.compactMap { $0["name"] as? String }
    for n in ["liftoff", "insertion", "approach-start", "fly-around-start", "final-approach-start", "contact"] {
      #expect(names.contains(n), "missing event \(n)")
    }
    let docking = try Epoch(iso8601: try #require(root["docking_utc"] as? String))
    let reported = try Epoch(iso8601: "2022-09-21T17:06:33Z")
    #expect(abs(docking - reported) <= 8 * 60, "simulated \(root["docking_utc"]!)")
    let dv = try #require(root["total_delta_v_m_s"] as? Double)
    #expect(dv > 110 && dv < 220, "total Δv \(dv) m/s")
    let sum = burns.reduce(0.0) { $0 + ($1["delta_v_m_s"] as! Double) }
    #expect(abs(sum - dv) < 0.001 * Double(burns.count) + 1e-9)
  }

  @Test func textFormat() {
    let r = orbit("rendezvous", "--tle", Self.iss, "--launch", Self.liftoff)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("profile          2-orbit"))
    #expect(r.stdout.contains("docking          2022-09-21T17:"))
    #expect(r.stdout.contains("contact"))
  }

  @Test(arguments: [
    (["--port", "zarya"], "zarya"), (["--pad", "canaveral"], "canaveral"), (["--profile", "1-orbit"], "1-orbit"),
    (["--vehicle", "dragon"], "dragon"),
  ])
  func unknownNamesAreUsageErrors(_ extra: [String], _ bad: String) {
    let r = orbit(["rendezvous", "--tle", Self.iss, "--launch", Self.liftoff] + extra)
    #expect(r.code == 64)
    #expect(r.stderr.contains(bad) && r.stderr.hasPrefix("orbit: rendezvous: "), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func missingOptions() {
    #expect(orbit("rendezvous", "--launch", Self.liftoff).code == 64)
    #expect(orbit("rendezvous", "--tle", Self.iss).code == 64)
    let bad = orbit("rendezvous", "--tle", Self.iss, "--launch", "yesterday")
    #expect(bad.code == 64 && bad.stderr.contains("--launch"))
  }

  /// Pirs left the station on 2021-07-26.
  @Test func pirsAfterItsUndockingIsADataError() {
    let r = orbit("rendezvous", "--tle", Self.iss, "--launch", Self.liftoff, "--port", "pirs")
    #expect(r.code == 65)
    #expect(r.stderr.contains("pirs") && r.stderr.contains("2021-07-26"), "\(r.stderr)")
  }

  /// Three hours later the pad is far from the station's plane: no window.
  @Test func launchOutsideAnyWindow() {
    let r = orbit("rendezvous", "--tle", Self.iss, "--launch", "2022-09-21T17:00:00Z")
    #expect(r.code == 65)
    #expect(r.stderr.contains("window"), "\(r.stderr)")
  }

  /// On a 2-orbit day (phase 12.7° at insertion) the 4-orbit scheme's 21.5–43.5° window cannot
  /// be met.
  @Test func aProfileThatCannotClose() {
    let r = orbit("rendezvous", "--tle", Self.iss, "--launch", Self.liftoff, "--profile", "4-orbit")
    #expect(r.code == 65)
    #expect(r.stderr.contains("4-orbit") && r.stderr.contains("cannot close"), "\(r.stderr)")
  }

  /// A sun-synchronous satellite (98.2°): no in-plane Soyuz launch from Baikonur reaches it.
  @Test func aTLEOfAnotherOrbit() {
    var l2 = Array(Self.line2)
    l2.replaceSubrange(8..<16, with: Array(" 98.2000"))
    var text = String(l2.dropLast())
    text += String(TLE.checksum(of: text))
    let path = Self.file("POLAR\n\(Self.line1)\n\(text)\n", name: "polar.tle")
    let r = orbit("rendezvous", "--tle", path, "--launch", Self.liftoff)
    #expect(r.code == 65)
    #expect(r.stderr.contains("inclination"), "\(r.stderr)")
  }

  @Test func unreadableAndMalformedTLEFiles() {
    let missing = orbit("rendezvous", "--tle", "/nonexistent/iss.tle", "--launch", Self.liftoff)
    #expect(missing.code == 1 && missing.stderr.contains("/nonexistent/iss.tle"))
    let garbage = Self.file("ISS\n1 25544U garbage\n", name: "bad.tle")
    let r = orbit("rendezvous", "--tle", garbage, "--launch", Self.liftoff)
    #expect(r.code == 65 && r.stderr.contains("bad.tle"), "\(r.stderr)")
  }
}
