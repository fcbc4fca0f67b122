// Brent's root finder on functions whose roots are known independently.

import OrbitCore
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct MathBrentRootTests {
  struct KnownRoot: Sendable, CustomTestStringConvertible {
    let name: String
    let lower: Double
    let upper: Double
    let root: Double
    let f: @Sendable (Double) -> Double
    var testDescription: String { name }
  }

  static let cases: [KnownRoot] = [
    // The Dottie number, the fixed point of cos: 0.739085133215160641655312087673873…
    KnownRoot(name: "cos x − x", lower: 0, upper: 1, root: 0.7390851332151607) { cos($0) - $0 },
    // Wallis's cubic (the example Newton/Wallis used): 2.0945514815423265914823865405793…
    KnownRoot(name: "x³ − 2x − 5", lower: 2, upper: 3, root: 2.0945514815423265) {
      $0 * $0 * $0 - 2 * $0 - 5
    },
    // √2 = 1.41421356237309504880…; the bracket is given in reverse order.
    KnownRoot(name: "x² − 2 (reversed bracket)", lower: 2, upper: 0, root: 2.0.squareRoot()) {
      $0 * $0 - 2
    },
    // ln 2 = 0.693147180559945309417…
    KnownRoot(name: "eˣ − 2", lower: -5, upper: 5, root: M_LN2) { exp($0) - 2 },
    // A triple root: no sign-change slope to exploit, the bisection fallback must still work.
    KnownRoot(name: "(x − 1)³", lower: -3, upper: 2.5, root: 1) { ($0 - 1) * ($0 - 1) * ($0 - 1) },
    // A jump, not a root: Brent converges to the discontinuity at 0.3.
    KnownRoot(name: "sign step at 0.3", lower: 0, upper: 1, root: 0.3) { $0 < 0.3 ? -1 : 1 },
  ]

  @Test(.tags(.validation), arguments: cases)
  func convergesToKnownRoot(_ c: KnownRoot) {
    let absoluteTolerance = 1e-13
    let outcome = BrentRoot.solve(from: c.lower, to: c.upper, absoluteTolerance: absoluteTolerance, c.f)
    guard case .converged(let root, let iterations) = outcome else {
      Issue.record("\(c.name): expected convergence, got \(outcome)")
      return
    }
    // Brent (1973) §4.2: the root lies within 2·tol of the returned point, where
    // tol = 2ε|x| + absoluteTolerance/2.
    let bound = 4 * Double.ulpOfOne * abs(c.root) + absoluteTolerance
    expectClose(root, c.root, absolute: bound, "\(c.name)")
    // Brent's guarantee: at most about (log2((b − a)/tol))² evaluations; here ≤ 45² is generous.
    #expect(iterations <= 2025, "\(c.name) took \(iterations) iterations")
  }

  /// Smooth simple roots converge superlinearly: far fewer steps than bisection's ~40.
  @Test(.tags(.validation))
  func smoothRootsConvergeFast() {
    let outcome = BrentRoot.solve(from: 0, to: 1, absoluteTolerance: 1e-13) { cos($0) - $0 }
    guard case .converged(_, let iterations) = outcome else {
      Issue.record("expected convergence, got \(outcome)")
      return
    }
    #expect(iterations < 15)
  }

  @Test func rootAtAnEndpoint() {
    #expect(BrentRoot.solve(from: 2, to: 5) { $0 - 2 } == .converged(root: 2, iterations: 0))
    #expect(BrentRoot.solve(from: -1, to: 5) { $0 - 5 } == .converged(root: 5, iterations: 0))
  }

  @Test func notBracketed() {
    // x² + 1 > 0 everywhere.
    #expect(BrentRoot.solve(from: -1, to: 1) { $0 * $0 + 1 } == .notBracketed)
    // Two roots inside, same sign at the ends.
    #expect(BrentRoot.solve(from: -2, to: 2) { $0 * $0 - 1 } == .notBracketed)
    // NaN at an end is never a bracket.
    #expect(BrentRoot.solve(from: -1, to: 1) { $0 > 0 ? .nan : -1 } == .notBracketed)
  }

  @Test func iterationLimitIsReported() {
    let outcome = BrentRoot.solve(from: 0, to: 1, absoluteTolerance: 0, maxIterations: 2) {
      cos($0) - $0
    }
    guard case .iterationLimit(let best) = outcome else {
      Issue.record("expected .iterationLimit, got \(outcome)")
      return
    }
    #expect(best >= 0 && best <= 1)
  }
}
