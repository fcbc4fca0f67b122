import Testing
import OrbitCLI

@Suite struct HelpAndVersionTests {
  @Test func version() {
    let r = orbit("--version")
    #expect(r.code == 0)
    #expect(r.stdout == "orbit 0.1.0\n")
    #expect(r.stderr.isEmpty)
  }

  @Test(arguments: [["--help"], ["-h"], ["help"]])
  func mainHelpListsEveryCommand(_ arguments: [String]) {
    let r = orbit(arguments)
    #expect(r.code == 0)
    #expect(r.stderr.isEmpty)
    for command in [
      "time", "elements", "sgp4", "propagate", "run", "merge", "validate", "history", "reboost", "rendezvous",
      "launch-window", "compare", "help",
    ] {
      #expect(r.stdout.contains("\n  \(command) "), "help lacks \(command)")
    }
    #expect(r.stdout.contains("64"))
  }

  @Test(arguments: [
    "time", "elements", "sgp4", "propagate", "run", "merge", "validate", "history", "reboost", "rendezvous",
    "launch-window", "compare",
  ])
  func commandHelp(_ command: String) {
    for arguments in [[command, "--help"], [command, "-h"], ["help", command], [command, "--bogus", "--help"]] {
      let r = orbit(arguments)
      #expect(r.code == 0, "\(arguments)")
      #expect(r.stdout.contains("Usage: orbit \(command)"), "\(arguments)")
      #expect(r.stderr.isEmpty)
    }
  }

  @Test func helpListsTheFlags() {
    #expect(orbit("time", "--help").stdout.contains("--scale"))
    #expect(orbit("elements", "--help").stdout.contains("--keplerian"))
    #expect(orbit("run", "--help").stdout.contains("--output"))
  }
}
