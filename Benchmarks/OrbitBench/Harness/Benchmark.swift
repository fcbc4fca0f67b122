// Benchmark registration: named cases with setup (not measured), a measured body that runs
// one iteration, and a result check that runs once per case per run.

/// How a case's result check went.
public enum CheckResult: Sendable, Equatable {
  /// The result is right.
  case passed
  /// The result is wrong; the message says how.
  case failed(String)

  /// `.passed` when `condition` holds, otherwise `.failed(message())`.
  public static func expect(_ condition: Bool, _ message: @autoclosure () -> String) -> CheckResult {
    condition ? .passed : .failed(message())
  }
}

/// A prepared benchmark: its setup has run; `run(iterations)` is the measured part.
public struct BenchmarkInstance {
  /// Runs the body `iterations` times.
  public let run: (_ iterations: Int) -> Void
  /// Checks the result of the iterations run so far (at least one).
  public let check: () -> CheckResult
}

/// A registered benchmark case.
public struct Benchmark {
  /// `Group/Case/size`, e.g. `Kepler/solve/1e3`.
  public let name: String
  /// The number of items (propagations, transforms, …) one iteration processes.
  public let itemsPerIteration: Int
  /// Free-form tags (`micro`, `kernel`, `end-to-end`).
  public let tags: [String]
  /// Runs the setup and returns the measured body and its check.
  public let prepare: () -> BenchmarkInstance
}

/// The set of registered cases, in registration order.
public struct BenchmarkRegistry {
  public private(set) var benchmarks: [Benchmark] = []

  public init() {}

  /// Registers a case.
  ///
  /// - Parameters:
  ///   - name: `Group/Case/size`; must be unique.
  ///   - items: items processed by one iteration (for throughput).
  ///   - tags: free-form tags.
  ///   - setup: builds the input state; not measured.
  ///   - body: one iteration; it should leave its outputs in `state` (or pass them to
  ///     `blackHole`) so they are not optimized away.
  ///   - check: verifies the state after the body has run; once per run.
  public mutating func register<State>(
    _ name: String, items: Int = 1, tags: [String] = [],
    setup: @escaping () -> State,
    body: @escaping (inout State) -> Void,
    check: @escaping (State) -> CheckResult
  ) {
    precondition(!benchmarks.contains { $0.name == name }, "duplicate benchmark name \(name)")
    precondition(items > 0, "items per iteration must be positive")
    benchmarks.append(
      Benchmark(
        name: name, itemsPerIteration: items, tags: tags,
        prepare: {
          let box = StateBox(setup())
          return BenchmarkInstance(
            run: { iterations in
              // Work on a local copy: no exclusivity checks on the class property per iteration.
              var state = box.state
              for _ in 0..<iterations { body(&state) }
              box.state = state
            },
            check: { check(box.state) })
        }))
  }
}

/// Holds a case's state between the measured runs and the check.
final class StateBox<State> {
  var state: State
  init(_ state: State) { self.state = state }
}
