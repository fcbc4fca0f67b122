// Compensated (Neumaier) summation on sums whose exact values are known and where naive
// left-to-right summation is wrong.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite struct MathCompensatedSumTests {
  /// Neumaier's example: 1 + 1e100 + 1 − 1e100 = 2. Naive summation gives 0, and Kahan's
  /// original algorithm also gives 0 (the compensation is lost when |x| > |sum|).
  @Test(.tags(.validation))
  func neumaierExample() {
    let values = [1.0, 1e100, 1.0, -1e100]
    #expect(values.reduce(0, +) == 0)
    #expect(CompensatedSum.of(values) == 2)
  }

  /// Ten copies of 0.1: the exact sum of ten doubles 0.1000000000000000055511… is
  /// 1.000000000000000055511…, which rounds to 1. Naive summation gives 0.9999999999999999.
  @Test(.tags(.validation))
  func tenTenths() {
    let values = [Double](repeating: 0.1, count: 10)
    #expect(values.reduce(0, +) == 0.9999999999999999)
    #expect(CompensatedSum.of(values) == 1)
  }

  /// 1 followed by 10⁶ copies of 1e-16: each 1e-16 is below half an ulp of 1 (1.1e-16), so
  /// naive summation never moves from 1. The exact sum is 1 + 1e-10 (to 1e-26).
  @Test(.tags(.validation))
  func manySmallTermsAfterALargeOne() {
    var naive = 1.0
    var s = CompensatedSum(1)
    for _ in 0..<1_000_000 {
      naive += 1e-16
      s.add(1e-16)
    }
    #expect(naive == 1)
    // The result is correctly rounded (within half an ulp of 1 + 1e-10) when compensation
    // works; allow one ulp.
    expectClose(s.value, 1 + 1e-10, ulps: 1)
  }

  /// The compensated sum does not depend on order for values that sum exactly in double-double.
  @Test(.tags(.property))
  func orderIndependence() {
    var rng = SplitMix64(seed: 7)
    // Values of widely different magnitude whose sum cancels heavily.
    var values: [Double] = []
    for _ in 0..<200 {
      let magnitude = Double(sign: .plus, exponent: Int.random(in: -30...30, using: &rng), significand: 1)
      let v = Double.random(in: 1..<2, using: &rng) * magnitude
      values.append(v)
      values.append(-v)
    }
    values.append(1.0 / 3.0)
    let forward = CompensatedSum.of(values)
    let backward = CompensatedSum.of(values.reversed())
    var shuffled = values
    shuffled.shuffle(using: &rng)
    let random = CompensatedSum.of(shuffled)
    // Every ±v pair cancels exactly, so the true sum is exactly the double 1/3.
    #expect(forward == 1.0 / 3.0)
    #expect(backward == 1.0 / 3.0)
    #expect(random == 1.0 / 3.0)
  }

  @Test func emptyAndInitial() {
    #expect(CompensatedSum.of([Double]()) == 0)
    var s = CompensatedSum(5)
    s.add(-2)
    #expect(s.value == 3)
    #expect(s.sum == 3 && s.compensation == 0)
  }
}
