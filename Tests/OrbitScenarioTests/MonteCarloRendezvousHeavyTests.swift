import Foundation
import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

/// The Soyuz MS-24 flight (as Scenarios/soyuz-ms-24-fast-rendezvous.json) with a
/// `monte_carlo` section.
func soyuzEnsembleText(monteCarlo: String) throws -> String {
  """
  {
    "schema_version": 1,
    "name": "soyuz-ms-24-ensemble-test",
    "kind": "rendezvous",
    "station_tle": {
      "line1": "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998",
      "line2": "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756"
    },
    "launch": { "liftoff_utc": "2023-09-15T15:44:35.417Z", "pad": "baikonur-31" },
    "vehicle": "soyuz-ms",
    "profile": "auto",
    "port": "rassvet",
    "monte_carlo": \(monteCarlo)
  }
  """
}

/// The real rendezvous model (ascent, targeted phasing on J2 + drag, approach): too slow for a
/// debug `swift test`, run in release by CI (`ORBIT_HEAVY_TESTS=1`).
@Suite(.enabled(if: HeavyTests.enabled)) struct MonteCarloRendezvousHeavyTests {
  /// Zero spreads: every run is the nominal flight (`RendezvousPerturbations.none`, which the
  /// ensemble without dispersions flies) to the last bit.
  @Test func zeroDispersionsFlyTheNominalRendezvousBitForBit() throws {
    let nominal = temporaryDirectory()
    let zero = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: nominal); try? FileManager.default.removeItem(atPath: zero) }
    try runEnsemble(try soyuzEnsembleText(monteCarlo: #"{ "runs": 1, "seed": 1, "dispersions": {} }"#), into: nominal)
    let zeroSection = """
      { "runs": 4, "seed": 5, "dispersions": {
        "insertion_state": { "distribution": "normal", "position_sigma_m": [0, 0, 0], "velocity_sigma_m_s": [0, 0, 0] },
        "burn_magnitude": { "distribution": "normal", "sigma_percent": 0 },
        "burn_pointing": { "distribution": "normal", "sigma_deg": 0 },
        "thrust": { "distribution": "truncated-normal", "sigma_percent": 0 },
        "isp": { "distribution": "uniform", "half_width_percent": 0 },
        "ballistic_coefficient": { "distribution": "normal", "sigma_percent": 0 },
        "atmosphere_scale": { "distribution": "uniform", "half_width_percent": 0 },
        "navigation_at_kurs": { "distribution": "normal", "position_sigma_m": [0, 0, 0], "velocity_sigma_m_s": [0, 0, 0] },
        "launch_delay": { "distribution": "truncated-normal", "sigma_s": 0, "bounds_sigma": [0, 3] } } }
      """
    try runEnsemble(try soyuzEnsembleText(monteCarlo: zeroSection), into: zero)
    let reference = try #require(try RunStream.read(nominal + "/runs.jsonl").records.first)
    #expect(reference.success && reference.scheme == "2-orbit")
    let runs = try RunStream.read(zero + "/runs.jsonl").records
    #expect(runs.count == 4)
    for r in runs {
      var expected = reference
      expected.run = r.run
      #expect(r.isBitIdentical(to: expected), "run \(r.run): \(r.values) vs \(reference.values)")
    }
  }

  /// The dispersed model gives the same bits on one thread and on two.
  @Test func dispersedRunsAreIdenticalOnOneAndTwoThreads() throws {
    let text = try soyuzEnsembleText(
      monteCarlo: """
        { "runs": 6, "seed": 99, "dispersions": {
          "insertion_state": { "distribution": "normal", "position_sigma_m": [300, 100, 100], "velocity_sigma_m_s": [0.3, 0.1, 0.1] },
          "thrust": { "distribution": "normal", "sigma_percent": 2 },
          "atmosphere_scale": { "distribution": "uniform", "half_width_percent": 30 },
          "navigation_at_kurs": { "distribution": "normal", "position_sigma_m": [30, 10, 10], "velocity_sigma_m_s": [0.05, 0.02, 0.02] } } }
        """)
    let a = temporaryDirectory()
    let b = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    try runEnsemble(text, into: a, threads: 1)
    try runEnsemble(text, into: b, threads: 2)
    #expect(fileText(a + "/summary.json") == fileText(b + "/summary.json"))
    #expect(fileText(a + "/runs.csv") == fileText(b + "/runs.csv"))
  }
}
