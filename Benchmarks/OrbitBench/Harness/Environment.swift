// The run header: Swift version, build configuration, flags, CPU, date.

import Foundation

enum BuildInfo {
  /// The language version the bench was compiled with (from `#if swift(>=…)`).
  static let swiftVersion: String = {
    #if swift(>=7.0)
      return ">= 7.0"
    #elseif swift(>=6.4)
      return "6.4.x"
    #elseif swift(>=6.3.1)
      return "6.3.1+"
    #elseif swift(>=6.3)
      return "6.3"
    #elseif swift(>=6.2)
      return "6.2.x"
    #else
      return "< 6.2"
    #endif
  }()

  /// `debug` or `release`, from the `DEBUG` compilation condition SwiftPM sets in debug builds.
  static let configuration: String = {
    #if DEBUG
      return "debug"
    #else
      return "release"
    #endif
  }()

  static var isDebug: Bool { configuration == "debug" }

  static let architecture: String = {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #else
      return "other"
    #endif
  }()

  /// Extra build flags, which the binary cannot see: recorded from `ORBIT_BENCH_FLAGS` if set.
  static var flags: String {
    ProcessInfo.processInfo.environment["ORBIT_BENCH_FLAGS"] ?? "(none recorded; set ORBIT_BENCH_FLAGS)"
  }
}

enum MachineInfo {
  /// `model name` from /proc/cpuinfo, or "unknown".
  static let cpuModel: String = {
    cpuinfoField("model name") ?? cpuinfoField("Model") ?? "unknown"
  }()

  /// Whether the CPU reports AVX2 and FMA (affects what `-Xcc -march=x86-64-v3` could use).
  static let vectorFeatures: String = {
    guard let flags = cpuinfoField("flags")?.split(separator: " ") else { return "unknown" }
    let wanted = ["sse4_2", "avx", "avx2", "fma", "avx512f"]
    let present = wanted.filter { flags.contains(Substring($0)) }
    return present.isEmpty ? "none of \(wanted.joined(separator: ", "))" : present.joined(separator: " ")
  }()

  static var logicalCPUs: Int { ProcessInfo.processInfo.activeProcessorCount }

  private static func cpuinfoField(_ key: String) -> String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
        return parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}

/// The current date and time in UTC, ISO 8601.
func currentDateString() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.timeZone = TimeZone(identifier: "UTC")
  return formatter.string(from: Date())
}
