// Vector3 helpers (dot, cross, norm, unit, angle) against exact identities and known values.

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

@Suite struct MathVector3Tests {
  static let x = Vector3(1, 0, 0)
  static let y = Vector3(0, 1, 0)
  static let z = Vector3(0, 0, 1)

  /// The right-handed basis: x × y = z, y × z = x, z × x = y, and each reversed is negated.
  @Test(.tags(.validation))
  func crossOfBasisVectors() {
    #expect(Self.x.cross(Self.y) == Self.z)
    #expect(Self.y.cross(Self.z) == Self.x)
    #expect(Self.z.cross(Self.x) == Self.y)
    #expect(Self.y.cross(Self.x) == -Self.z)
    #expect(Self.z.cross(Self.y) == -Self.x)
    #expect(Self.x.cross(Self.z) == -Self.y)
    #expect(Self.x.cross(Self.x) == .zero)
    #expect(cross(Self.x, Self.y) == Self.z)
  }

  /// Integer inputs make every product and difference exact.
  @Test(.tags(.validation))
  func exactIntegerValues() {
    let a = Vector3(1, 2, 3), b = Vector3(4, 5, 6)
    // (2·6 − 3·5, 3·4 − 1·6, 1·5 − 2·4) by hand.
    #expect(a.cross(b) == Vector3(-3, 6, -3))
    #expect(a.dot(b) == 32)
    #expect(dot(a, b) == 32)
    #expect(a.normSquared == 14)
    // 3-4-12-13 is a Pythagorean quadruple: the square root is exact.
    #expect(Vector3(3, 4, 12).norm == 13)
    #expect(Vector3(3, -4, 12).unit == Vector3(3.0 / 13, -4.0 / 13, 12.0 / 13))
  }

  @Test(.tags(.validation))
  func knownAngles() {
    // atan2 is within 1 ulp in glibc; π/4 and π/2 are the correctly rounded constants.
    let libmULPs: UInt64 = 1
    expectClose(Self.x.angle(to: Vector3(1, 1, 0)), Double.pi / 4, ulps: libmULPs)
    expectClose(Self.x.angle(to: Self.y), Double.pi / 2, ulps: libmULPs)
    expectClose(Self.x.angle(to: -Self.x), Double.pi, ulps: libmULPs)
    #expect(Self.x.angle(to: Self.x) == 0)
  }

  /// Nearly parallel vectors: the angle is atan(1e-10) = 1e-10 − 3.3e-31, where an acos-based
  /// formula would return 0 (cos(1e-10) rounds to 1).
  @Test(.tags(.validation))
  func angleBetweenNearlyParallelVectors() {
    let tinyAngleULPs: UInt64 = 2  // one rounding in the cross product, one in atan2
    expectClose(Self.x.angle(to: Vector3(1, 1e-10, 0)), 1e-10, ulps: tinyAngleULPs)
    expectClose(Self.x.angle(to: Vector3(-1, 1e-10, 0)), Double.pi - 1e-10, ulps: tinyAngleULPs)
  }

  @Test func unitOfZeroIsNaN() {
    let u = Vector3.zero.unit
    #expect(u.x.isNaN && u.y.isNaN && u.z.isNaN)
    #expect(!u.isFinite)
    #expect(Vector3(1, .infinity, 0).isFinite == false)
    #expect(Vector3(1, 2, 3).isFinite)
  }

  /// Lagrange's identity |a × b|² = |a|²|b|² − (a·b)² and a × b ⟂ a, b for random vectors.
  @Test(.tags(.property))
  func lagrangeIdentityAndOrthogonality() {
    var rng = SplitMix64(seed: 0x0B17)
    // Terms are O(1) products of O(1) components; a handful of roundings each.
    let unitScaleRoundoff = 1e-14
    for _ in 0..<1000 {
      let a = Vector3(
        .random(in: -1...1, using: &rng), .random(in: -1...1, using: &rng),
        .random(in: -1...1, using: &rng))
      let b = Vector3(
        .random(in: -1...1, using: &rng), .random(in: -1...1, using: &rng),
        .random(in: -1...1, using: &rng))
      let c = a.cross(b)
      expectClose(
        c.normSquared, a.normSquared * b.normSquared - a.dot(b) * a.dot(b),
        absolute: unitScaleRoundoff)
      expectClose(c.dot(a), 0, absolute: unitScaleRoundoff)
      expectClose(c.dot(b), 0, absolute: unitScaleRoundoff)
      #expect(b.cross(a) == -c)  // exact: the same products, subtracted the other way
    }
  }
}
