import Foundation
import OrbitCore
import Testing
import _OrbitTestSupport

/// `orbit history`: the shipped ISS history as GP JSON and as TLEs, and bad input.
@Suite struct HistoryCommandTests {
  static let gp = ReferenceData.url("iss-history/iss-gp-2024-09-15_2025-03-09.json")

  /// The same history written as TLEs (from the GP sets' own elements, OMM → TLE), in a
  /// temporary file.
  static func tleFile() throws -> String {
    let omms = try OMM.parseJSON(ReferenceData.text("iss-history/iss-gp-2024-09-15_2025-03-09.json"), fileName: "gp")
    var text = ""
    for o in omms { text += "ISS (ZARYA)\n\(o.tle.line1)\n\(o.tle.line2)\n" }
    let path = makeTemporaryDirectory() + "/iss.tle"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func write(_ text: String, name: String) throws -> String {
    let path = makeTemporaryDirectory() + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func gpJSONTextListsTheIntervalsAndReboosts() {
    let r = orbit("history", Self.gp)
    #expect(r.code == 0, "\(r.stderr)")
    // 9 reboosts and 10 intervals: the jumps listed in ElementSetHistoryTests.inspectedJumps.
    #expect(r.stdout.contains("Decay intervals (10):"))
    #expect(r.stdout.contains("Reboosts (9):"))
    #expect(r.stdout.contains("2024-11-13T09:37"))  // the largest reboost's last set before
    #expect(r.stderr.isEmpty)
  }

  @Test func jsonAndTLEInputAgree() throws {
    let a = orbit("history", Self.gp, "--format", "json")
    #expect(a.code == 0, "\(a.stderr)")
    let tle = try Self.tleFile()
    let b = orbit("history", tle, "--format", "json")
    #expect(b.code == 0, "\(b.stderr)")
    let ja = try JSONParser.parse(a.stdout)
    let jb = try JSONParser.parse(b.stdout)
    guard case .object(let oa) = ja, case .object(let ob) = jb, case .array(let ra)? = oa["reboosts"],
      case .array(let rb)? = ob["reboosts"], case .array(let da)? = oa["decay_intervals"]
    else {
      Issue.record("unexpected JSON shape")
      return
    }
    #expect(ra.count == 9 && rb.count == 9 && da.count == 10)
    for (x, y) in zip(ra, rb) {
      guard case .object(let px) = x, case .object(let py) = y, case .number(let dx)? = px["delta_a_m"],
        case .number(let dy)? = py["delta_a_m"], case .number(let vx)? = px["delta_v_m_s"]
      else {
        Issue.record("reboost without delta_a_m")
        continue
      }
      // The TLE carries the same elements rounded to its columns (mean motion to 1e-8 rev/day ≈ 3 mm
      // in a; epoch to 1e-8 day); 1 m covers both.
      expectClose(dx.value, dy.value, absolute: 1)
      // Δv = vΔa/(2a): 1 m/s per ~1.77 km at the ISS.
      expectClose(vx.value, dx.value / 1774, absolute: 0.01)
    }
  }

  @Test func missingFileExits1() {
    let r = orbit("history", "/nonexistent/iss.json")
    #expect(r.code == 1)
    #expect(r.stderr.contains("orbit: history: /nonexistent/iss.json: cannot read"), "\(r.stderr)")
  }

  @Test func malformedGPElementNamesItsIndex() throws {
    let text = try ReferenceData.text("iss-history/iss-gp-2024-09-15_2025-03-09.json")
    // Break the third element's MEAN_MOTION.
    var objects = text.components(separatedBy: "\"MEAN_MOTION\":")
    objects[3] = " \"fast\"," + objects[3].drop(while: { $0 != "," }).dropFirst()
    let path = try Self.write(objects.joined(separator: "\"MEAN_MOTION\":"), name: "bad.json")
    let r = orbit("history", path)
    #expect(r.code == 65)
    #expect(r.stderr.contains(path) && r.stderr.contains("[2]") && r.stderr.contains("MEAN_MOTION"), "\(r.stderr)")
  }

  @Test func malformedTLENamesItsLine() throws {
    let tle = try String(contentsOfFile: try Self.tleFile(), encoding: .utf8)
    var lines = tle.components(separatedBy: "\n")
    // Line 5 is the second set's line 1: change one digit so its checksum fails.
    var chars = Array(lines[4])
    chars[20] = chars[20] == "1" ? "2" : "1"
    lines[4] = String(chars)
    let path = try Self.write(lines.joined(separator: "\n"), name: "bad.tle")
    let r = orbit("history", path)
    #expect(r.code == 65)
    #expect(r.stderr.contains("\(path):5"), "\(r.stderr)")
  }

  @Test func tooFewSetsAndEmptyFilesAreDataErrors() throws {
    let tle = try String(contentsOfFile: try Self.tleFile(), encoding: .utf8)
    let three = tle.components(separatedBy: "\n").prefix(9).joined(separator: "\n") + "\n"
    let r = orbit("history", try Self.write(three, name: "three.tle"))
    #expect(r.code == 65)
    #expect(r.stderr.contains("3 distinct element sets") && r.stderr.contains("at least 7"), "\(r.stderr)")
    let empty = orbit("history", try Self.write("\n  \n", name: "empty.tle"))
    #expect(empty.code == 65)
    #expect(empty.stderr.contains("no element sets"), "\(empty.stderr)")
  }

  @Test func badFormatIsAUsageError() {
    let r = orbit("history", Self.gp, "--format", "xml")
    #expect(r.code == 64)
    #expect(r.stderr.contains("--format"), "\(r.stderr)")
  }
}
