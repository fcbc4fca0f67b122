import OrbitCore
import Foundation
import OrbitCLI

/// The outcome of one in-process `orbit` invocation.
struct OrbitOutput {
  var code: Int32
  var stdout: String
  var stderr: String
}

/// Runs `orbit` in process with the given arguments (without the program name).
func orbit(_ arguments: String...) -> OrbitOutput {
  orbit(arguments)
}

func orbit(_ arguments: [String]) -> OrbitOutput {
  var out = ""
  var err = ""
  let code = runOrbit(arguments: arguments, stdout: &out, stderr: &err)
  return OrbitOutput(code: code, stdout: out, stderr: err)
}

/// The package root, from this file's path (`<root>/Tests/OrbitCLITests/CLITestSupport.swift`).
let packageRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Every shipped scenario file, sorted.
func shippedScenarios() -> [String] {
  let dir = packageRoot + "/Scenarios"
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return names.filter { $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
}

/// The directory that holds every test directory of this process; removed when it exits.
private let temporaryRoot = NSTemporaryDirectory() + "orbit-cli-tests-" + UUID().uuidString

/// Creates `temporaryRoot` once and registers its removal at process exit.
private let temporaryRootCreated: Bool = {
  try! FileManager.default.createDirectory(atPath: temporaryRoot, withIntermediateDirectories: true)
  atexit { try? FileManager.default.removeItem(atPath: temporaryRoot) }
  return true
}()

/// A fresh empty directory under this process's test root (removed when the tests exit).
func makeTemporaryDirectory() -> String {
  _ = temporaryRootCreated
  let path = temporaryRoot + "/" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The names in `directory` (empty when it does not exist), sorted.
func listing(_ directory: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

func writeText(_ text: String, to path: String) {
  try! text.write(toFile: path, atomically: false, encoding: .utf8)
}

func removeItem(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}

/// A valid scenario used as the base for malformed variants.
let validScenarioText = """
  {
    "schema_version": 1,
    "name": "test-scenario",
    "kind": "propagate",
    "epoch": { "utc": "2024-01-01T00:00:00Z" },
    "spacecraft": {
      "orbit": {
        "keplerian": {
          "semi_major_axis_km": 7000,
          "eccentricity": 0.001,
          "inclination_deg": 51.6,
          "raan_deg": 10,
          "arg_perigee_deg": 20,
          "true_anomaly_deg": 30
        }
      }
    },
    "propagator": "kepler",
    "duration_s": 600,
    "step_s": 60,
    "outputs": [
      { "format": "csv", "file": "states.csv" },
      { "format": "json", "file": "states.json" }
    ]
  }
  """

/// Parses JSON text from the CLI with Foundation (an independent parser).
func foundationJSON(_ text: String) -> [String: Any]? {
  (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}
