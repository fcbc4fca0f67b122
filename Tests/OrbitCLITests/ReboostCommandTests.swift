import Foundation
import OrbitCore
import Testing

/// `orbit reboost`: a planned Progress reboost from a real ISS TLE, and each kind of bad input
/// with its message and exit code.
@Suite struct ReboostCommandTests {
  /// The 2023-09-15 ISS set (Tests/ReferenceData/reboost/PROVENANCE.md).
  static let tleText = """
    ISS (ZARYA)
    1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998
    2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756

    """
  /// The same set moved to 2027-01-10 (beyond the space-weather table, which ends on
  /// 2026-06-30); the checksum is unchanged (digit sum 23258 ≡ 27010 mod 10).
  static let lateTLEText = """
    ISS (ZARYA)
    1 25544U 98067A   27010.21279622  .00017394  00000+0  31980-3 0  9998
    2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756

    """

  static func file(_ text: String, _ name: String = "iss.tle") -> String {
    let path = makeTemporaryDirectory() + "/" + name
    writeText(text, to: path)
    return path
  }

  static func object(_ v: JSONValue?) -> JSONObject? {
    if case .object(let o)? = v { return o }
    return nil
  }

  static func number(_ v: JSONValue?) -> Double? {
    if case .number(let n)? = v { return n.value }
    return nil
  }

  @Test func jsonReportHasTheBurnsAndTheMeanAltitudes() throws {
    let r = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "progress", "--raise-km", "2.5", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let top = try #require(Self.object(try JSONParser.parse(r.stdout)))
    guard case .array(let burns)? = top["burns"], let burn = Self.object(burns.first) else {
      Issue.record("no burns[]")
      return
    }
    #expect(burns.count == 1)
    #expect(burn["start_utc"] != nil)
    let duration = try #require(Self.number(burn["duration_s"]))
    let dv = try #require(Self.number(burn["delta_v_m_s"]))
    let propellant = try #require(Self.number(burn["propellant_kg"]))
    let before = try #require(Self.number(Self.object(top["before"])?["mean_altitude_km"]))
    let after = try #require(Self.number(Self.object(top["after"])?["mean_altitude_km"]))
    // The goal is met on the model to 10 m.
    #expect(abs((after - before) - 2.5) < 0.01, "\(after - before)")
    // Gauss: Δv = Δa v/(2a) at a ≈ 6797 km: 1.40 m/s; 2 % for drag and the finite arc.
    let a = 6_378.137 + before
    let gauss = 2.5 * (398_600.4418 / a).squareRoot() / (2 * a) * 1000
    #expect(abs(dv - gauss) / gauss < 0.02, "\(dv) vs \(gauss)")
    // Duration and propellant from thrust 770 N and Isp 290 s: F t = m0 Δv (0.1 %),
    // propellant = ṁ t.
    #expect(abs(770 * duration - 450_000 * dv) / (450_000 * dv) < 1e-3)
    #expect(abs(propellant - 770 / (290 * 9.80665) * duration) < 1e-6 * propellant)
    // The reported MS-24 burn (1.43 m/s in 905.7 s) is of this size: the duration is within 15 %.
    #expect(abs(duration - 905.7) / 905.7 < 0.15, "\(duration)")
    #expect(Self.object(top["space_weather"])?["fallback_used"] == .bool(false))
  }

  @Test func textReportAndTwoBurns() {
    let r = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "zvezda", "--raise-km", "1", "--burns", "2")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("burn 1: start 2023-09-15T"))
    #expect(r.stdout.contains("burn 2: start 2023-09-15T"))
    #expect(r.stdout.contains("before: mean altitude"))
    #expect(r.stdout.contains("after:  mean altitude"))
    #expect(!r.stdout.contains("FALLBACK"))
  }

  @Test func unknownThrusterListsTheValidOnes() {
    let r = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "soyuz", "--raise-km", "1")
    #expect(r.code == 64)
    #expect(r.stderr.contains("unknown thruster 'soyuz'"))
    for name in ["progress", "zvezda", "cygnus"] { #expect(r.stderr.contains(name)) }
    #expect(r.stdout.isEmpty)
  }

  @Test(arguments: ["-2", "0"])
  func nonPositiveRiseIsAUsageError(_ value: String) {
    let r = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "progress", "--raise-km", value)
    #expect(r.code == 64)
    #expect(r.stderr.contains("--raise-km must be > 0"))
  }

  @Test func unreachableGoalIsADataError() {
    // 30 km needs ~17 m/s, 2.7 t of propellant at Isp 290 s; 950 kg is available.
    let r = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "progress", "--raise-km", "30")
    #expect(r.code == 65)
    #expect(r.stderr.contains("propellant") && r.stderr.contains("950"))
    let low = orbit("reboost", "--tle", Self.file(Self.tleText), "--thruster", "progress", "--target-km", "300")
    #expect(low.code == 65)
    #expect(low.stderr.contains("not above the current mean altitude"))
  }

  @Test func beyondTheSpaceWeatherTableNeedsAFallback() throws {
    let path = Self.file(Self.lateTLEText)
    let r = orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1")
    #expect(r.code == 65)
    #expect(r.stderr.contains("2026-06-30") && r.stderr.contains("fallback"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    let ok = orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--space-weather-fallback", "mean")
    #expect(ok.code == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("space weather: FALLBACK used"))
    let json = orbit(
      "reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--space-weather-fallback", "150,12",
      "--format", "json")
    #expect(json.code == 0, "\(json.stderr)")
    let sw = Self.object(Self.object(try JSONParser.parse(json.stdout))?["space_weather"])
    #expect(sw?["fallback_used"] == .bool(true))
    #expect(orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--space-weather-fallback", "x").code == 64)
  }

  @Test func malformedTLEAndMissingFile() {
    let bad = Self.file("ISS\n1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998\n")
    let r = orbit("reboost", "--tle", bad, "--thruster", "progress", "--raise-km", "1")
    #expect(r.code == 65)
    #expect(r.stderr.contains(bad + ":"))
    let checksum = Self.file(Self.tleText.replacingOccurrences(of: "0  9998", with: "0  9997"))
    #expect(orbit("reboost", "--tle", checksum, "--thruster", "progress", "--raise-km", "1").code == 65)
    let missing = orbit("reboost", "--tle", "/nonexistent/iss.tle", "--thruster", "progress", "--raise-km", "1")
    #expect(missing.code == 1)
    #expect(missing.stderr.contains("/nonexistent/iss.tle"))
  }

  @Test func conflictingOrMissingOptions() {
    let path = Self.file(Self.tleText)
    #expect(orbit("reboost", "--tle", path, "--thruster", "progress").code == 64)
    #expect(orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--target-km", "420").code == 64)
    #expect(orbit("reboost", "--thruster", "progress", "--raise-km", "1").code == 64)
    #expect(orbit("reboost", "--tle", path, "--raise-km", "1").code == 64)
    #expect(orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--thrust-n", "500").code == 64)
    #expect(orbit("reboost", "--tle", path, "--thruster", "progress", "--raise-km", "1", "--start", "2030-01-01T00:00:00Z").code == 64)
    #expect(orbit("reboost", "--help").code == 0)
  }
}
