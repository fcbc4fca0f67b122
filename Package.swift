// swift-tools-version: 6.2
// Orbit: orbital mechanics simulation engine. No package dependencies: toolchain only.
import PackageDescription

// Opt-in build for one CPU, for benchmarks on the machine that runs them (Benchmarks/README.md,
// "A build for this CPU"); unset, the build is portable and is what CI and the README use.
//   ORBIT_TARGET_CPU=native (or x86-64-v3, …)  code generation for that CPU, with the SLP
//                                              vectoriser's budget raised so the lane kernels
//                                              are vectorised whole;
//   ORBIT_FMA=1                                fused multiply-add in the integrator kernels
//                                              (only for a CPU that has FMA).
// Use a separate scratch path (`--scratch-path .build-tuned`) so the portable build is not
// rebuilt. unsafeFlags are allowed because they only appear when asked for.
let environment = Context.environment
var tuned: [SwiftSetting] = []
if let cpu = environment["ORBIT_TARGET_CPU"], !cpu.isEmpty {
  tuned.append(.unsafeFlags(["-target-cpu", cpu, "-Xllvm", "-slp-schedule-budget=1000000"]))
}
if environment["ORBIT_FMA"] == "1" {
  tuned.append(.define("ORBIT_FMA"))
}

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
] + tuned

let package = Package(
  name: "Orbit",
  products: [
    .library(name: "OrbitCore", targets: ["OrbitCore"]),
    .library(name: "OrbitRendezvous", targets: ["OrbitRendezvous"]),
    .library(name: "OrbitMissions", targets: ["OrbitMissions"]),
    .library(name: "OrbitScenario", targets: ["OrbitScenario"]),
    .library(name: "OrbitCLI", targets: ["OrbitCLI"]),
    .executable(name: "orbit", targets: ["orbit"]),
    .executable(name: "orbit-bench", targets: ["orbit-bench"]),
  ],
  targets: [
    .target(
      name: "OrbitCore",
      exclude: ["README.md", "Dynamics/README.md", "Dynamics/NRLMSISE00/README.md"],
      swiftSettings: strict),
    .target(
      name: "OrbitRendezvous", dependencies: ["OrbitCore"], exclude: ["README.md"],
      swiftSettings: strict),
    .target(
      name: "OrbitMissions", dependencies: ["OrbitCore", "OrbitRendezvous"], exclude: ["README.md"],
      swiftSettings: strict),
    .target(
      name: "OrbitScenario", dependencies: ["OrbitCore", "OrbitRendezvous", "OrbitMissions"], exclude: ["README.md"],
      swiftSettings: strict),
    .target(
      name: "OrbitCLI", dependencies: ["OrbitCore", "OrbitMissions", "OrbitScenario"], exclude: ["README.md"],
      swiftSettings: strict),
    .executableTarget(name: "orbit", dependencies: ["OrbitCLI"], swiftSettings: strict),
    .executableTarget(
      name: "orbit-bench", dependencies: ["OrbitCore", "OrbitRendezvous"], path: "Benchmarks/OrbitBench",
      swiftSettings: strict),
    .target(
      name: "_OrbitTestSupport", dependencies: ["OrbitCore"], path: "Tests/_OrbitTestSupport",
      swiftSettings: strict),
    .testTarget(
      name: "OrbitCoreTests", dependencies: ["OrbitCore", "_OrbitTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OrbitRendezvousTests", dependencies: ["OrbitRendezvous", "_OrbitTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OrbitMissionsTests", dependencies: ["OrbitMissions", "_OrbitTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OrbitScenarioTests", dependencies: ["OrbitScenario", "_OrbitTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OrbitCLITests", dependencies: ["OrbitCLI", "OrbitScenario", "_OrbitTestSupport"],
      swiftSettings: strict),
  ],
  swiftLanguageModes: [.v6]
)
