// Angle constants and normalisation against exact values and edge cases.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite struct MathAnglesTests {
  @Test(.tags(.validation))
  func constants() {
    #expect(Angle.twoPi == 6.283185307179586)  // 2π correctly rounded (exact doubling of π)
    // The conversion constants are one correctly rounded division each: within 1 ulp.
    expectClose(Angle.degree * 180, Double.pi, ulps: 1)
    expectClose(Angle.arcsecond * 648_000, Double.pi, ulps: 1)
    expectClose(Angle.milliarcsecond * 1000, Angle.arcsecond, ulps: 1)
    expectClose(Angle.radians(fromDegrees: 90), Double.pi / 2, ulps: 1)
    expectClose(Angle.degrees(fromRadians: Double.pi), 180, ulps: 1)
    expectClose(Angle.degrees(fromRadians: Angle.radians(fromDegrees: 123.456)), 123.456, ulps: 2)
  }

  @Test(.tags(.validation))
  func normalizedPositive() {
    #expect(Angle.normalizedPositive(0) == 0)
    #expect(Angle.normalizedPositive(Angle.twoPi) == 0)
    #expect(Angle.normalizedPositive(1) == 1)
    // −π/2 + 2π = 3π/2: one rounding.
    expectClose(Angle.normalizedPositive(-Double.pi / 2), 3 * Double.pi / 2, ulps: 1)
    // fmod is exact, so 7 − 2π is computed with a single rounding.
    #expect(Angle.normalizedPositive(7) == 7 - Angle.twoPi)
    // A tiny negative angle: −1e-300 + 2π rounds to 2π, which must fold to 0, not stay 2π.
    let tiny = Angle.normalizedPositive(-1e-300)
    #expect(tiny >= 0 && tiny < Angle.twoPi)
    #expect(Angle.normalizedPositive(.nan).isNaN)
    #expect(Angle.normalizedPositive(.infinity).isNaN)
  }

  @Test(.tags(.validation))
  func normalizedSigned() {
    #expect(Angle.normalizedSigned(Double.pi) == -Double.pi)  // half-open [−π, π)
    #expect(Angle.normalizedSigned(-Double.pi) == -Double.pi)
    #expect(Angle.normalizedSigned(0) == 0)
    // 3π/2 ≡ −π/2; two roundings (reduce, then subtract 2π).
    expectClose(Angle.normalizedSigned(3 * Double.pi / 2), -Double.pi / 2, ulps: 2)
    // Around 10: 10 − 2π·k in [10 − π, 10 + π).
    let a = Angle.normalized(0.5, around: 10)
    expectClose(a, 0.5 + 2 * Angle.twoPi, absolute: 1e-14)  // k = 2; ~10 ulps at magnitude 13
  }

  @Test(.tags(.property))
  func rangesHoldForRandomAngles() {
    var rng = SplitMix64(seed: 42)
    for _ in 0..<10_000 {
      let x = Double.random(in: -1e6...1e6, using: &rng)
      let p = Angle.normalizedPositive(x)
      let s = Angle.normalizedSigned(x)
      #expect(p >= 0 && p < Angle.twoPi)
      #expect(s >= -Double.pi && s < Double.pi)
    }
  }
}
