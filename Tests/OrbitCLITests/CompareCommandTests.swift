import Foundation
import OrbitCore
import Testing
import _OrbitTestSupport

/// `orbit compare` on copies of shipped mission files (Scenarios/missions; reported times and
/// TLE sources in each file), and bad input.
@Suite struct CompareCommandTests {
  /// `<package>/Scenarios/missions`.
  static let missions: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios/missions").path

  /// A folder holding copies of the named mission files.
  static func folder(_ names: [String], extra: [(String, String)] = []) throws -> String {
    let dir = makeTemporaryDirectory()
    for n in names {
      try FileManager.default.copyItem(atPath: missions + "/" + n, toPath: dir + "/" + n)
    }
    for (n, text) in extra { try text.write(toFile: dir + "/" + n, atomically: true, encoding: .utf8) }
    return dir
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Soyuz MS-22 (2-orbit, TLE 3.5 days old) and Soyuz MS-25 (no pre-launch TLE): the JSON
  /// contract, the errors against the reports (liftoff within 60 s for a TLE older than 2 days,
  /// the launch-window bound; docking within 8 min, the maximum).
  @Test func jsonForTwoMissions() throws {
    let dir = try Self.folder(["soyuz-ms-22.json", "soyuz-ms-25.json"])
    let r = orbit("compare", dir, "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let root = try Self.object(r.stdout)
    let list = try #require(root["missions"] as? [[String: Any]])
    #expect(list.count == 2)
    let ms22 = try #require(list.first { $0["mission"] as? String == "Soyuz MS-22" })
    for key in [
      "profile_flown", "profile_auto", "liftoff_reported_utc", "liftoff_predicted_utc", "liftoff_error_s",
      "docking_reported_utc", "docking_simulated_utc", "docking_error_s", "total_delta_v_m_s", "training",
    ] {
      #expect(ms22[key] != nil, "missing \(key)")
    }
    #expect(ms22["profile_auto"] as? String == "2-orbit")
    #expect(ms22["docking_reported_utc"] as? String == "2022-09-21T17:06:33.000Z")
    let liftoffError = try #require(ms22["liftoff_error_s"] as? Double)
    #expect(abs(liftoffError) <= 60, "liftoff error \(liftoffError) s")
    let dockingError = try #require(ms22["docking_error_s"] as? Double)
    #expect(abs(dockingError) <= 480, "docking error \(dockingError) s")
    let dv = try #require(ms22["total_delta_v_m_s"] as? Double)
    #expect(dv > 110 && dv < 170, "total Δv \(dv) m/s")
    let ms25 = try #require(list.first { $0["mission"] as? String == "Soyuz MS-25" })
    #expect(ms25["docking_simulated_utc"] is NSNull)
    #expect((ms25["error"] as? String)?.contains("TLE") == true)
    let summary = try #require(root["summary"] as? [String: Any])
    let training = try #require(summary["training"] as? [String: Any])
    #expect(training["missions"] as? Int == 2)
    #expect(training["simulated"] as? Int == 1)
    #expect(training["auto_matches_flown"] as? Int == 1)
    expectClose(try #require(training["docking_max_abs_error_s"] as? Double), abs(dockingError), absolute: 1e-9, "summary max")
    #expect(summary["added"] != nil)
  }

  @Test func textTable() throws {
    let dir = try Self.folder(["soyuz-ms-22.json"])
    let r = orbit("compare", dir)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Training missions"))
    #expect(r.stdout.contains("Soyuz MS-22"))
    #expect(r.stdout.contains("docking |error| median"))
  }

  @Test func badInput() throws {
    let missing = orbit("compare", makeTemporaryDirectory() + "/nowhere")
    #expect(missing.code == 1)
    #expect(missing.stderr.contains("cannot read"))
    let empty = orbit("compare", makeTemporaryDirectory())
    #expect(empty.code == 1)
    #expect(empty.stderr.contains("no mission files"))
    let broken = try Self.folder(["soyuz-ms-22.json"], extra: [("zz-broken.json", "{\"schema_version\": 1, \"mission\": 5}")])
    let bad = orbit("compare", broken)
    #expect(bad.code == 65)
    #expect(bad.stderr.contains("zz-broken.json"))
    let option = orbit("compare", "--format", "xml")
    #expect(option.code == 64)
  }
}
