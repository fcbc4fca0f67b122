// orbit-bench: the Orbit benchmark runner.
//
//   swift run -c release orbit-bench [--filter REGEX] [--min-time S] [--json FILE] [--list]
//
// Exit codes: 0 success, 1 a result check failed, 64 bad arguments, 73 cannot write --json.

import Foundation
import OrbitCore

let usage = """
  usage: orbit-bench [--filter REGEX] [--min-time SECONDS] [--json FILE] [--list] [--help]
         orbit-bench --work-precision-svg FILE [--peers JSON] [--min-time SECONDS]

    --filter REGEX     run only cases whose name contains a match of REGEX (Swift Regex)
    --min-time S       minimum measured time per case in seconds (default 0.5)
    --json FILE        also write the results as a JSON array to FILE
    --list             list the case names (after --filter) and exit
    --work-precision-svg FILE
                       run the integrator work-precision sweep and batch cases, print
                       their table and write a log-log chart to FILE (SVG)
    --peers FILE       peers' points for that chart (JSON from
                       Benchmarks/peers/integrator_peers.py --json)
    --help             show this help
  """

func fail(usage message: String) -> Never {
  FileHandle.standardError.write(Data("orbit-bench: \(message)\n\(usage)\n".utf8))
  exit(64)
}

var options = RunOptions()
var filterPattern: String? = nil
var jsonPath: String? = nil
var listOnly = false
var workPrecisionSVG: String? = nil
var peersPath: String? = nil

var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  func value() -> String {
    guard let v = arguments.next() else { fail(usage: "\(argument) needs a value") }
    return v
  }
  switch argument {
  case "--filter": filterPattern = value()
  case "--min-time":
    let text = value()
    guard let seconds = Double(text), seconds.isFinite, seconds > 0 else {
      fail(usage: "--min-time needs a positive number of seconds, got '\(text)'")
    }
    options.minTime = seconds
  case "--json": jsonPath = value()
  case "--list": listOnly = true
  case "--work-precision-svg": workPrecisionSVG = value()
  case "--peers": peersPath = value()
  case "--help", "-h":
    print(usage)
    exit(0)
  default: fail(usage: "unknown argument '\(argument)'")
  }
}

if let workPrecisionSVG {
  exit(runWorkPrecision(svgPath: workPrecisionSVG, peersPath: peersPath, options: options))
}

var registry = BenchmarkRegistry()
registerMathBenchmarks(into: &registry)
registerKeplerBenchmarks(into: &registry)
registerElementsBenchmarks(into: &registry)
registerFramesBenchmarks(into: &registry)
registerForceModelBenchmarks(into: &registry)
registerIntegratorBenchmarks(into: &registry)
registerSGP4Benchmarks(into: &registry)
registerLambertBenchmarks(into: &registry)
registerAtmosphereBenchmarks(into: &registry)

var selected = registry.benchmarks
if let filterPattern {
  let regex: Regex<AnyRegexOutput>
  do {
    regex = try Regex(filterPattern)
  } catch {
    fail(usage: "--filter '\(filterPattern)' is not a valid regular expression: \(error)")
  }
  selected = selected.filter { $0.name.contains(regex) }
}

if listOnly {
  for b in selected {
    print(b.tags.isEmpty ? b.name : "\(b.name)  [\(b.tags.joined(separator: ", "))]")
  }
  exit(0)
}

if BuildInfo.isDebug {
  let banner = """
    ************************************************************************
    *  WARNING: orbit-bench was built in DEBUG (-Onone).                    *
    *  These numbers are meaningless. Use: swift run -c release orbit-bench *
    ************************************************************************
    """
  print(banner)
  FileHandle.standardError.write(Data((banner + "\n").utf8))
}

print("orbit-bench")
print("  swift:         \(BuildInfo.swiftVersion) (from #if swift(>=…) at compile time)")
print("  configuration: \(BuildInfo.configuration)")
print("  build flags:   \(BuildInfo.flags)")
print("  kernel FMA:    \(OrbitBuild.fusedMultiplyAdd ? "yes (built with ORBIT_FMA=1)" : "no (portable)")")
print("  arch:          \(BuildInfo.architecture)")
print("  cpu:           \(MachineInfo.cpuModel) (\(MachineInfo.logicalCPUs) logical CPUs)")
print("  cpu features:  \(MachineInfo.vectorFeatures)")
print("  date:          \(currentDateString())")
print("  min time:      \(options.minTime) s per case")
print("")

if selected.isEmpty {
  print("no benchmark matches the filter")
  exit(0)
}

let nameWidth = max(4, selected.map(\.name.count).max() ?? 4)
print(tableHeader(nameWidth: nameWidth))
var results: [BenchmarkResult] = []
var failures: [String] = []
for benchmark in selected {
  let instance = benchmark.prepare()
  // Run once and check the result before timing: a fast wrong answer fails the run.
  instance.run(1)
  if case .failed(let message) = instance.check() {
    failures.append("\(benchmark.name): \(message)")
    print("\(benchmark.name)  CHECK FAILED: \(message)")
    continue
  }
  let result = measure(benchmark, instance, options: options)
  // Check again after the measured iterations (state may have evolved).
  if case .failed(let message) = instance.check() {
    failures.append("\(benchmark.name) (after timing): \(message)")
    print("\(benchmark.name)  CHECK FAILED after timing: \(message)")
    continue
  }
  results.append(result)
  print(tableRow(result, nameWidth: nameWidth))
}

if let jsonPath {
  do {
    try writeJSON(results, to: jsonPath)
    print("\nwrote \(jsonPath)")
  } catch {
    FileHandle.standardError.write(Data("orbit-bench: cannot write \(jsonPath): \(error)\n".utf8))
    exit(73)
  }
}

if !failures.isEmpty {
  FileHandle.standardError.write(
    Data(("orbit-bench: \(failures.count) check(s) failed:\n" + failures.joined(separator: "\n") + "\n").utf8))
  exit(1)
}
