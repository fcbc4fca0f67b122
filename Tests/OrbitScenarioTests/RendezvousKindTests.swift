import Foundation
import OrbitCore
import OrbitScenario
import Testing
import _OrbitTestSupport

/// The `rendezvous` scenario kind: the three shipped fast-rendezvous scenarios against their
/// reported dockings (in each file, with sources), the files it writes, and validation with
/// JSON paths.
@Suite struct RendezvousKindTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func scenario(_ name: String) throws -> ExtendedScenario {
    let path = root + "/Scenarios/\(name).json"
    guard case .extended(let s) = try ScenarioLoader.loadAny(path: path) else {
      throw ScenarioError.invalid(file: path, issues: [])
    }
    return s
  }

  static func issues(_ text: String) -> [String] {
    do {
      _ = try ScenarioLoader.loadAny(bytes: Array(text.utf8), name: "test.json")
      return []
    } catch {
      return error.lines
    }
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Reported contacts: MS-22 17:06:33, MS-24 18:53:32, MS-27 08:57:45 (UTC). The issue's
  /// acceptance is a median ≤ 3 min and a maximum ≤ 8 min over the training missions; each of
  /// these three must at least be within the 8 minutes, and fly the 2-orbit scheme.
  @Test(arguments: ["soyuz-ms-22-fast-rendezvous", "soyuz-ms-24-fast-rendezvous", "soyuz-ms-27-fast-rendezvous"])
  func shippedScenarioDocksNearTheReportedTime(_ name: String) throws {
    let s = try Self.scenario(name)
    #expect(s.kind == "rendezvous" && s.name == name)
    let out = try s.run(ScenarioRunOptions(outputDirectory: "unused"))
    let files = Dictionary(uniqueKeysWithValues: out.files.map { ($0.name, $0.contents) })
    #expect(
      Set(files.keys) == [
        "timeline.json", "ship.csv", "station.csv", "approach-lvlh.csv", "approach-lvlh.svg", "approach-lvlh-close.svg",
        "range.svg", "trajectory.oem",
      ])
    let timeline = try Self.object(try #require(files["timeline.json"]))
    #expect(timeline["profile"] as? String == "2-orbit")
    let error = try #require(timeline["docking_error_s"] as? Double)
    #expect(abs(error) <= 480, "\(name): simulated docking \(error) s from the reported one")
    #expect(try #require(timeline["contact_speed_m_s"] as? Double) > 0.05)
    // Two OEM objects, ship then station, in GCRF/UTC.
    let oem = try #require(files["trajectory.oem"])
    #expect(oem.components(separatedBy: "META_START").count == 3)
    #expect(oem.contains("OBJECT_NAME = ISS (ZARYA)") && oem.contains("OBJECT_NAME = Soyuz MS"))
    // CSVs: one header, then rows of 8 fields; ship and station on the same epochs.
    let ship = files["ship.csv"]!.split(separator: "\n")
    let station = files["station.csv"]!.split(separator: "\n")
    #expect(ship.first == "time_utc,t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s")
    #expect(ship.count == station.count && ship.count > 100)
    #expect(zip(ship.dropFirst(), station.dropFirst()).allSatisfy { $0.prefix(24) == $1.prefix(24) })
    for svg in ["approach-lvlh.svg", "approach-lvlh-close.svg", "range.svg"] {
      #expect(files[svg]!.contains("<svg") && files[svg]!.contains("</svg>"))
    }
    #expect(out.summaryLines.contains { $0.contains("reported") })
  }

  static let base = """
    {
      "schema_version": 1,
      "name": "t",
      "kind": "rendezvous",
      "station_tle": {
        "line1": "1 25544U 98067A   22261.04293564  .00008098  00000-0  14900-3 0  9998",
        "line2": "2 25544  51.6433 236.5547 0002449 262.4353 208.9254 15.50138447359588"
      },
      "launch": { "liftoff_utc": "2022-09-21T13:54:49.531Z" },
      "port": "rassvet"
    }
    """

  @Test func minimalScenarioIsValid() {
    #expect(Self.issues(Self.base).isEmpty)
  }

  @Test(arguments: [
    ("\"port\": \"rassvet\"", "\"port\": \"zarya\"", "test.json: port: unknown port 'zarya'"),
    ("\"port\": \"rassvet\"", "\"port\": \"pirs\"", "test.json: port: port 'pirs'"),
    ("\"port\": \"rassvet\"", "\"prot\": \"rassvet\"", "test.json: prot: unknown key (did you mean \"port\"?)"),
    ("\"port\": \"rassvet\"", "\"port\": \"rassvet\", \"vehicle\": \"dragon\"", "test.json: vehicle: unknown vehicle"),
    ("\"port\": \"rassvet\"", "\"port\": \"rassvet\", \"profile\": \"1-orbit\"", "test.json: profile: unknown profile"),
    ("\"port\": \"rassvet\"", "\"port\": \"rassvet\", \"output_step_s\": 0", "test.json: output_step_s: must be in [1, 3600]"),
    ("9998\"", "9997\"", "test.json: station_tle.line1: "),
    ("2022-09-21T13:54:49.531Z", "2022-09-31T13:54:49Z", "test.json: launch.liftoff_utc:"),
    ("{ \"liftoff_utc\"", "{ \"pad\": \"canaveral\", \"liftoff_utc\"", "test.json: launch.pad: unknown launch pad"),
  ])
  func problemsAreReportedWithTheirPath(_ from: String, _ to: String, _ expected: String) {
    let text = Self.base.replacingOccurrences(of: from, with: to)
    let lines = Self.issues(text)
    #expect(lines.contains { $0.hasPrefix(expected) }, "\(lines)")
  }

  @Test func missingKeysAreReported() {
    let text = Self.base.replacingOccurrences(of: "\"launch\": { \"liftoff_utc\": \"2022-09-21T13:54:49.531Z\" },", with: "")
    #expect(Self.issues(text).contains("test.json: launch: missing required key"))
  }
}
