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

/// One line of Random123's `kat_vectors` for philox4x32.
struct PhiloxKnownAnswer: CustomStringConvertible, Sendable {
  var rounds: Int
  var counter: SIMD4<UInt32>
  var key: SIMD2<UInt32>
  var expected: SIMD4<UInt32>
  var description: String { "philox4x32-\(rounds) ctr \(counter) key \(key)" }
}

func philoxKnownAnswers() throws -> [PhiloxKnownAnswer] {
  let text = try ReferenceData.text("random123/kat_vectors_philox4x32.txt")
  var out: [PhiloxKnownAnswer] = []
  for line in text.split(separator: "\n") where !line.hasPrefix("#") {
    let f = line.split(separator: " ", omittingEmptySubsequences: true)
    guard f.count == 12, f[0] == "philox4x32", let rounds = Int(f[1]) else { continue }
    let w = f[2...].map { UInt32($0, radix: 16)! }
    out.append(
      PhiloxKnownAnswer(
        rounds: rounds, counter: SIMD4(w[0], w[1], w[2], w[3]), key: SIMD2(w[4], w[5]),
        expected: SIMD4(w[6], w[7], w[8], w[9])))
  }
  return out
}

@Suite struct CounterRNGKnownAnswerTests {
  @Test func referenceFileHasTheSixPhiloxLines() throws {
    let answers = try philoxKnownAnswers()
    #expect(answers.count == 6)
    #expect(answers.filter { $0.rounds == 10 }.count == 3)
  }

  @Test(.tags(.validation), arguments: try philoxKnownAnswers())
  func philoxBlockMatchesRandom123(_ kat: PhiloxKnownAnswer) {
    let out = Philox4x32.block(counter: kat.counter, key: kat.key, rounds: kat.rounds)
    #expect(out == kat.expected, "\(kat)")
  }

  /// The documented address layout, checked on Random123's third 10-round vector: key =
  /// (seed low, seed high), counter = (draw, stream, run low, run high).
  @Test(.tags(.validation)) func addressLayoutMapsOntoTheKnownAnswer() {
    let rng = CounterRNG(seed: 0x299f_31d0_a409_3822)
    let w = rng.block(run: 0x0370_7344_1319_8a2e, stream: 0x85a3_08d3, draw: 0x243f_6a88)
    #expect(w == SIMD4(0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    // uniform: top 52 bits of 0xd16cfe0994fdcceb, then (x + 1/2)·2^-52.
    let x: UInt64 = 0xd16c_fe09_94fd_cceb >> 12
    let u = rng.uniform(run: 0x0370_7344_1319_8a2e, stream: 0x85a3_08d3, draw: 0x243f_6a88)
    #expect(u == (Double(x) + 0.5) / 4_503_599_627_370_496)
  }
}

@Suite struct CounterRNGPropertyTests {
  @Test func unitIntervalIsOpenAndSymmetric() {
    #expect(CounterRNG.unitInterval(high: 0, low: 0) == 0x1p-53)
    #expect(CounterRNG.unitInterval(high: .max, low: .max) == 1 - 0x1p-53)
    var g = SplitMix64(seed: 7)
    for _ in 0..<1000 {
      let w = g.next()
      let u = CounterRNG.unitInterval(high: UInt32(w >> 32), low: UInt32(truncatingIfNeeded: w))
      let v = CounterRNG.unitInterval(high: ~UInt32(w >> 32), low: ~UInt32(truncatingIfNeeded: w))
      #expect(u > 0 && u < 1)
      #expect(u + v == 1, "the complement word maps to 1 − u exactly")
    }
  }

  @Test func valuesDependOnlyOnTheirAddress() {
    let rng = CounterRNG(seed: 20_231_116)
    let forward = (0..<64).map { rng.normal(run: UInt64($0), stream: 5, draw: 3) }
    let backward = (0..<64).reversed().map { rng.normal(run: UInt64($0), stream: 5, draw: 3) }
    #expect(forward == Array(backward.reversed()))
    // Every address component matters, including the run's high word and the seed's.
    let base = rng.block(run: 1, stream: 2, draw: 3)
    #expect(base != rng.block(run: 1 + (1 << 32), stream: 2, draw: 3))
    #expect(base != rng.block(run: 1, stream: 3, draw: 3))
    #expect(base != rng.block(run: 1, stream: 2, draw: 4))
    #expect(base != CounterRNG(seed: 20_231_116 + (1 << 32)).block(run: 1, stream: 2, draw: 3))
  }

  @Test func streamNamesUseFNV1a() {
    // FNV-1a 32-bit published check values (draft-eastlake-fnv, test vectors): "" and "a".
    #expect(CounterRNG.stream(named: "") == 0x811c_9dc5)
    #expect(CounterRNG.stream(named: "a") == 0xe40c_292c)
    #expect(CounterRNG.stream(named: "foobar") == 0xbf9c_f968)
  }

  /// PortableMath against glibc on the arguments the generator uses.
  @Test func portableLogAndCosineAgreeWithLibm() {
    var g = SplitMix64(seed: 99)
    var worstLog = 0.0
    var worstCos = 0.0
    for _ in 0..<20_000 {
      let w = g.next()
      let u = CounterRNG.unitInterval(high: UInt32(w >> 32), low: UInt32(truncatingIfNeeded: w))
      let l = PortableMath.log(u)
      worstLog = max(worstLog, abs(l - Glibc.log(u)) / Glibc.log(u).ulp)
      let c = PortableMath.cosTwoPi(u)
      // Compare in absolute terms (near a zero of the cosine a relative error is meaningless).
      worstCos = max(worstCos, abs(c - Glibc.cos(2 * Double.pi * u)))
    }
    #expect(worstLog <= 2, "log within 2 ulp of glibc: \(worstLog)")
    // 2π·u itself is rounded (≤ 4.4e-16 rad), so glibc's cos(2π·u) carries that error.
    #expect(worstCos <= 1e-15, "cos(2πu) within 1e-15 of glibc: \(worstCos)")
    #expect(PortableMath.log(1) == 0)
    #expect(PortableMath.cosTwoPi(0) == 1)
    #expect(PortableMath.cosTwoPi(0.5) == -1)
  }
}

/// Statistical sanity checks. The generator is deterministic, so these cannot flake: each
/// bound is set at about five standard errors (or a tail probability below 10⁻⁵) for a good
/// generator, so a wrong mapping or distribution fails them by a wide margin.
@Suite struct CounterRNGStatisticsTests {
  static let count = 100_000
  let rng = CounterRNG(seed: 0x5eed)

  /// Φ(x), from glibc's erfc (an independent implementation).
  static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
  static func density(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

  /// The Kolmogorov–Smirnov distance of `samples` from the CDF `cdf`.
  static func ksDistance(_ samples: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = samples.sorted()
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
      let f = cdf(x)
      d = max(d, abs(f - Double(i) / n), abs(Double(i + 1) / n - f))
    }
    return d
  }

  @Test func uniformBinsPassChiSquare() {
    var bins = [Int](repeating: 0, count: 100)
    var sum = 0.0
    for k in 0..<Self.count {
      let u = rng.uniform(run: UInt64(k), stream: 1, draw: 0)
      #expect(u > 0 && u < 1)
      bins[Int(u * 100)] += 1
      sum += u
    }
    let expected = Double(Self.count) / 100
    let chi2 = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    // 99 degrees of freedom: P(χ² > 160) ≈ 1e-4.
    #expect(chi2 < 160, "χ² = \(chi2)")
    // Mean ½ with standard error √(1/12/N) = 9.1e-4: allow 5 standard errors.
    #expect(abs(sum / Double(Self.count) - 0.5) < 5 * (1.0 / 12 / Double(Self.count)).squareRoot())
  }

  @Test func normalHasUnitMomentsAndNormalCDF() {
    let z = (0..<Self.count).map { rng.normal(run: UInt64($0), stream: 2, draw: 7) }
    let n = Double(Self.count)
    let mean = z.reduce(0, +) / n
    let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    // Standard errors: mean 1/√N = 3.2e-3, variance √(2/N) = 4.5e-3; 5 of each.
    #expect(abs(mean) < 5 / n.squareRoot(), "mean \(mean)")
    #expect(abs(variance - 1) < 5 * (2 / n).squareRoot(), "variance \(variance)")
    // Kolmogorov–Smirnov: P(D > 1.95/√N) ≈ 0.001 (asymptotic); bound 2.3/√N ≈ 5e-5 tail.
    let d = Self.ksDistance(z, cdf: Self.phi)
    #expect(d < 2.3 / n.squareRoot(), "KS D = \(d)")
    #expect(z.allSatisfy { abs($0) < 8.6 })
  }

  struct Interval: Sendable, CustomStringConvertible {
    var lower: Double
    var upper: Double
    var description: String { "[\(lower), \(upper)]" }
  }

  /// One case per branch of Robert's algorithm: wide and narrow intervals around 0, a short
  /// and a long right-tail interval, a left tail (mirrored) and a half-line.
  @Test(arguments: [
    Interval(lower: -3, upper: 3), Interval(lower: -0.5, upper: 1), Interval(lower: 1, upper: 1.5),
    Interval(lower: 2, upper: 5), Interval(lower: -4, upper: -2.5), Interval(lower: 3, upper: .infinity),
  ])
  func truncatedNormalMatchesItsDistribution(_ interval: Interval) {
    let (a, b) = (interval.lower, interval.upper)
    let n = 40_000
    let z = (0..<n).map {
      rng.truncatedNormal(lower: a, upper: b, run: UInt64($0), stream: 3, draw: 1 << 16)
    }
    #expect(z.allSatisfy { $0 >= a && $0 <= b })
    // Analytic moments of the truncated normal (Johnson, Kotz & Balakrishnan, Continuous
    // Univariate Distributions vol. 1, ch. 13.10): with Z = Φ(b) − Φ(a),
    // mean = (φ(a) − φ(b))/Z, variance = 1 + (aφ(a) − bφ(b))/Z − mean².
    let mass = Self.phi(b) - Self.phi(a)
    let phiA = a.isFinite ? Self.density(a) : 0
    let phiB = b.isFinite ? Self.density(b) : 0
    let mean = (phiA - phiB) / mass
    let aPhiA = a.isFinite ? a * phiA : 0
    let bPhiB = b.isFinite ? b * phiB : 0
    let variance = 1 + (aPhiA - bPhiB) / mass - mean * mean
    let sampleMean = z.reduce(0, +) / Double(n)
    #expect(abs(sampleMean - mean) < 5 * (variance / Double(n)).squareRoot(), "mean \(sampleMean) vs \(mean)")
    let d = Self.ksDistance(z) { (Self.phi($0) - Self.phi(a)) / mass }
    #expect(d < 2.3 / Double(n).squareRoot(), "KS D = \(d)")
  }
}
