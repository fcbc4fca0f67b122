import OrbitCore
import OrbitScenario
import Testing

/// `kind: "reboost"`: the shipped file's keys, its run (files and the goal), and key errors
/// reported with their JSON paths.
@Suite struct ReboostKindTests {
  static let base = """
    {
      "schema_version": 1, "name": "rb", "kind": "reboost",
      "tle": {
        "line1": "1 25544U 98067A   23258.21279622  .00017394  00000+0  31980-3 0  9998",
        "line2": "2 25544  51.6410 242.5802 0005771  19.7421  91.0046 15.49290350415756"
      },
      "thruster": "THRUSTER",
      "goal": GOAL,
      "model": { "atmosphere": "harris-priester" }
    }
    """

  static func text(thruster: String = "progress", goal: String = #"{ "raise_km": 1 }"#) -> String {
    base.replacingOccurrences(of: "THRUSTER", with: thruster).replacingOccurrences(of: "GOAL", with: goal)
  }

  static func issues(_ text: String) -> [String] {
    do {
      _ = try ScenarioLoader.loadAny(bytes: Array(text.utf8), name: "rb.json")
      return []
    } catch {
      if case .invalid(_, let issues) = error { return issues.map { "\($0.path): \($0.message)" } }
      return ["\(error)"]
    }
  }

  @Test func validFileRunsAndWritesTheReportAndTheArc() throws {
    let loaded = try ScenarioLoader.loadAny(bytes: Array(Self.text().utf8), name: "rb.json")
    guard case .extended(let s) = loaded else {
      Issue.record("not an extended kind")
      return
    }
    #expect(s.kind == "reboost")
    let out = try s.run(ScenarioRunOptions(outputDirectory: "/nonexistent"))
    #expect(out.files.map(\.name) == ["report.json", "burn-arc.csv"])
    let report = try JSONParser.parse(out.files[0].contents)
    guard case .object(let o) = report, case .object(let before)? = o["before"], case .object(let after)? = o["after"],
      case .number(let b)? = before["mean_altitude_km"], case .number(let a)? = after["mean_altitude_km"]
    else {
      Issue.record("report shape")
      return
    }
    // The goal (+1 km of mean semi-major axis) is met on the model to 10 m.
    #expect(abs((a.value - b.value) - 1) < 0.01)
    let csv = out.files[1].contents.split(separator: "\n")
    #expect(csv.first?.hasPrefix("t_s,utc,x_km") == true)
    #expect(csv.contains { $0.contains(",1,") })  // thrusting rows are flagged
    #expect(out.summaryLines.contains { $0.contains("burn 1:") })
  }

  @Test func errorsCarryTheirJSONPaths() {
    #expect(Self.issues(Self.text(thruster: "soyuz")).contains { $0.hasPrefix("thruster:") && $0.contains("valid names") })
    #expect(Self.issues(Self.text(goal: #"{ "raise_km": -1 }"#)).contains { $0.hasPrefix("goal.raise_km:") })
    #expect(Self.issues(Self.text(goal: #"{ "raise_km": 1, "target_altitude_km": 420 }"#)).contains { $0.hasPrefix("goal:") })
    #expect(Self.issues(Self.text(goal: #"{ "rise_km": 1 }"#)).contains { $0.hasPrefix("goal.rise_km:") && $0.contains("raise_km") })
    let badTLE = Self.text().replacingOccurrences(of: "0  9998", with: "0  9997")
    #expect(Self.issues(badTLE).contains { $0.hasPrefix("tle.line1:") })
  }

  @Test func unreachableGoalFailsTheRun() throws {
    let loaded = try ScenarioLoader.loadAny(bytes: Array(Self.text(goal: #"{ "raise_km": 40 }"#).utf8), name: "rb.json")
    guard case .extended(let s) = loaded else { return }
    #expect(throws: ScenarioError.self) { try s.run(ScenarioRunOptions(outputDirectory: "/nonexistent")) }
  }
}
