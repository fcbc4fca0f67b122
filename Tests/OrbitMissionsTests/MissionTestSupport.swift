import Foundation
import OrbitCore
import OrbitMissions
import _OrbitTestSupport

/// The shipped mission files (`Scenarios/missions/*.json`), read once.
enum MissionFiles {
  /// `<package>/Scenarios/missions`, from this file's path.
  static let directory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios/missions").path

  /// (file name, text) of every `*.json` file, sorted by name.
  static func texts() throws -> [(name: String, text: String)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
    return try names.map { name in
      (name, try String(contentsOfFile: directory + "/" + name, encoding: .utf8))
    }
  }

  /// Every record, sorted by liftoff.
  static func records() throws -> [MissionRecord] { try MissionRecord.readAll(texts()) }

  /// The SHA-256 of each reference file, as recorded in Tests/ReferenceData/missions/PROVENANCE.md.
  static let hashes: [(String, String)] = [
    ("missions/FACTS.md", "3fcc649d2b0bd12b2c2f3a894327cbbfe0a36b635dcf8512b51297a410da8297"),
    ("missions/missions.csv", "913f67fdee2cb5cf93b23b3c908081345ce5bbd140ffe7ca82fea1085c137cc5"),
    ("missions/iss-tles.txt", "533cf45ff7e9d9be43e819895b20a653b83a2554e604b39b30594a308cd8dadf"),
    ("missions/iss-tles-added.txt", "44dfc8a597976a7ec101ae4005442d27cde5678fc716de9b5e82a34d04f555e4"),
  ]
}
