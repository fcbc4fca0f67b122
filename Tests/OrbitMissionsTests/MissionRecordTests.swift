import OrbitCore
import OrbitMissions
import Testing
import _OrbitTestSupport

/// The mission files against the compiled mission data set they were generated from
/// (Tests/ReferenceData/missions: missions.csv, iss-tles*.txt), and the reader's errors.
@Suite struct MissionRecordTests {
  @Test func referenceFilesHaveTheirRecordedHashes() throws {
    for (path, hash) in MissionFiles.hashes { try ReferenceData.verifySHA256(path, expected: hash) }
  }

  @Test func everyMissionFileMatchesItsRowInMissionsCSV() throws {
    let records = try MissionFiles.records().filter { $0.training }
    // missions.csv has quoted-free rows but commas inside the source column: take the fixed
    // leading columns only.
    let text = try ReferenceData.text("missions/missions.csv")
    let rows = text.split(whereSeparator: { $0.isNewline }).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(records.count == rows.count)
    // The added missions are the ones the project sourced itself.
    #expect(try MissionFiles.records().filter { !$0.training }.map(\.mission) == ["Soyuz MS-18", "Soyuz MS-19", "Progress MS-21", "Soyuz MS-23", "Progress MS-23"])
    for row in rows {
      let name = row[0]
      guard let r = records.first(where: { $0.mission == name }) else {
        Issue.record("no mission file for \(name)")
        continue
      }
      #expect(r.liftoff.utcText == row[2], "\(name) liftoff")
      #expect(r.docking.utcText == row[3], "\(name) docking")
      #expect(String(r.schemeFlown.orbits) == row[4], "\(name) scheme")
      #expect(r.pad == .baikonur31 && row[1].contains("Site 31/6"), "\(name) pad")
      #expect(r.liftoff.sources.allSatisfy { row[6].contains($0.split(separator: " ").first.map(String.init) ?? "?") })
    }
  }

  /// Each TLE is a verbatim set of the data set, and the youngest one there with an epoch
  /// before liftoff.
  @Test func stationTLEsAreTheYoungestPreLaunchSetsOfTheDataSet() throws {
    let text = try ReferenceData.text("missions/iss-tles.txt") + "\n" + ReferenceData.text("missions/iss-tles-added.txt")
    let sets = try TLE.parseMany(text).map(\.tle)
    for r in try MissionFiles.records() {
      guard let s = r.stationTLE else {
        #expect(r.mission == "Soyuz MS-25", "only MS-25 lacks a verified set")
        continue
      }
      #expect(text.contains(s.line1) && text.contains(s.line2), "\(r.mission): TLE not in the data set")
      let liftoff = r.liftoff.epoch
      let before = try sets.filter { try $0.epoch() < liftoff }
      let youngest = try #require(try before.max { try $0.epoch() < $1.epoch() })
      #expect(youngest == s.tle, "\(r.mission): not the youngest pre-launch set")
    }
  }

  @Test func ageOfTLEsAtLiftoff() throws {
    // Ages stated in the data set's comments (liftoff − epoch), to 0.01 d.
    let stated: [String: Double] = [
      "Progress MS-11": 0.91, "Soyuz MS-16": 0.45, "Progress MS-14": 0.53, "Soyuz MS-17": 1.15,
      "Soyuz MS-20": 1.92, "Soyuz MS-22": 3.54, "Soyuz MS-24": 0.44, "Soyuz MS-27": 0.72, "Progress MS-07": 2.48,
    ]
    for r in try MissionFiles.records() {
      guard let age = r.tleAgeAtLiftoff, let expected = stated[r.mission] else { continue }
      // Half the last digit of the stated age, plus the seconds of the liftoff: 0.006 d.
      #expect(abs(age / 86_400 - expected) <= 0.006, "\(r.mission): age \(age / 86_400) d")
    }
  }

  static let valid = """
    {"schema_version": 1, "mission": "Test", "vehicle": "soyuz-ms", "launch_vehicle": "Soyuz-2.1a",
     "pad": "baikonur-31", "port": "rassvet", "scheme_flown": "2-orbit",
     "liftoff": {"utc": "2023-09-15T15:44:35.417Z", "precision_s": 0.001, "sources": ["x"], "confidence": "c"},
     "docking": {"utc": "2023-09-15T18:53:32Z", "precision_s": 1, "sources": ["x"], "confidence": "c"},
     "iss_tle": {"line1": "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998",
                 "line2": "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756", "source": "s"},
     "training": false}
    """

  @Test func aValidMinimalFileReads() throws {
    let r = try MissionRecord(json: Self.valid, fileName: "t.json")
    #expect(r.schemeFlown == .twoOrbit && r.schemePlanned == nil && r.port == "rassvet" && !r.training)
    #expect(r.stationTLE?.tle.catalogNumber == 25544)
  }

  @Test(arguments: [
    ("\"port\": \"rassvet\"", "\"port\": \"unity\"", "t.json: port: \"unity\" is not one of: rassvet, poisk, prichal, pirs, zvezda-aft"),
    ("\"pad\": \"baikonur-31\"", "\"pad\": \"vostochny\"", "t.json: pad: unknown launch pad \"vostochny\" (valid pads: baikonur-31, baikonur-1)"),
    ("\"scheme_flown\": \"2-orbit\"", "\"scheme_flown\": \"1-orbit\"", "t.json: scheme_flown: \"1-orbit\" is not one of: 2-orbit, 4-orbit, 2-day"),
    ("\"training\": false", "\"training\": false, \"trainign\": true", "t.json: trainign: unknown key"),
    ("\"precision_s\": 1,", "\"precision_s\": \"1\",", "t.json: docking.precision_s: expected a finite number, found a string"),
    ("2023-09-15T18:53:32Z", "2023-09-15T18:63:32Z", "t.json: docking.utc: \"2023-09-15T18:63:32Z\""),
    ("2023-09-15T18:53:32Z", "2023-09-14T18:53:32Z", "t.json: docking.utc: docking 2023-09-14T18:53:32Z is not after liftoff"),
    ("0  9998", "0  9997", "t.json: iss_tle: line 1: checksum"),
    ("\"schema_version\": 1", "\"schema_version\": 2", "t.json: schema_version: unsupported schema version 2"),
    ("\"mission\": \"Test\",", "", "t.json: mission: missing (required)"),
  ])
  func badFilesNameTheJSONPath(_ change: (String, String, String)) throws {
    let text = Self.valid.replacingOccurrences(of: change.0, with: change.1)
    #expect(text != Self.valid, "the edit must apply")
    do {
      _ = try MissionRecord(json: text, fileName: "t.json")
      Issue.record("expected an error for \(change.1)")
    } catch {
      #expect(error.description.hasPrefix(change.2), "got: \(error.description)")
    }
  }

  @Test func syntaxErrorsNameLineAndColumn() {
    do {
      _ = try MissionRecord(json: "{\n  \"mission\": ,\n}", fileName: "t.json")
      Issue.record("expected a syntax error")
    } catch {
      #expect(error.description.hasPrefix("t.json:2:"), "got: \(error.description)")
    }
  }
}
