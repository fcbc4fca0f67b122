// Geodetic ⇄ ECEF (WGS-84 and other ellipsoids) and topocentric observations.

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

/// A tiny seeded generator (SplitMix64, Steele et al., OOPSLA 2014) private to these tests.
private struct FramesGeodeticRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Frames: geodetic coordinates")
struct FramesGeodeticTests {
  static let wgs84 = ReferenceEllipsoid.wgs84
  /// 1 mm: the brief's bound for the inverse conversion anywhere.
  static let oneMillimeter = 1e-3

  @Test("Vallado Example 3-3: ECEF → geodetic", .tags(.validation))
  func valladoExample3_3() {
    // Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Example 3-3:
    // r = (6524.834, 6862.875, 6448.296) km → φ_gd = 34.352496°, λ = 46.4464°, h = 5085.22 km.
    let p = GeodeticPoint(cartesian: Vector3(6524.834, 6862.875, 6448.296) * 1000)
    // Longitude and height: half a unit in the last printed digit. Latitude: 1.5e-6° (0.3 m):
    // the converged latitude is 34.35249515° (a plain fixed-point iteration run to convergence
    // gives the same digits), 8.5e-7° below the printed value, whose iteration stops early.
    expectClose(Angle.degrees(fromRadians: p.latitude), 34.352496, absolute: 1.5e-6)
    expectClose(Angle.degrees(fromRadians: p.longitude), 46.4464, absolute: 5e-5)
    expectClose(p.altitude, 5085.22e3, absolute: 5)
  }

  @Test("WGS-84 constants (NIMA TR8350.2 Table 3.1 and derived b, e²)", .tags(.validation))
  func wgs84Constants() {
    #expect(Self.wgs84.equatorialRadius == 6_378_137.0)
    #expect(Self.wgs84.flattening == 1 / 298.257223563)
    // TR8350.2 Table 3.3: b = 6356752.3142 m, e² = 6.69437999014e-3 (published digits).
    expectClose(Self.wgs84.polarRadius, 6_356_752.3142, absolute: 5e-5)
    expectClose(Self.wgs84.eccentricitySquared, 6.69437999014e-3, absolute: 5e-15)
  }

  @Test("Round trip geodetic → ECEF → geodetic at 20,000 random points, −10 km to 100,000 km", .tags(.property))
  func roundTripGeodetic() {
    var rng = FramesGeodeticRandom(state: 20_261_121)
    var worstHorizontal = 0.0, worstHeight = 0.0
    for i in 0..<20_000 {
      // Include exact poles and the equator now and then.
      var lat = asin(Double.random(in: -1...1, using: &rng))
      if i % 1000 == 0 { lat = Double.pi / 2 } else if i % 1000 == 1 { lat = -Double.pi / 2 } else if i % 1000 == 2 { lat = 0 }
      let lon = Double.random(in: -Double.pi..<Double.pi, using: &rng)
      let h = i % 2 == 0 ? Double.random(in: -10_000...2_000_000, using: &rng) : Double.random(in: -10_000...1e8, using: &rng)
      let point = GeodeticPoint(latitude: lat, longitude: lon, altitude: h)
      let r = point.cartesian()
      let back = GeodeticPoint(cartesian: r)
      let radius = Self.wgs84.equatorialRadius + h
      let dLat = abs(back.latitude - lat) * radius
      // Longitude is undefined at the poles.
      let dLon = abs(lat) == Double.pi / 2 ? 0 : abs(Angle.normalizedSigned(back.longitude - lon)) * radius * cos(lat)
      let dH = abs(back.altitude - h)
      worstHorizontal = max(worstHorizontal, max(dLat, dLon))
      worstHeight = max(worstHeight, dH)
      if !(max(dLat, dLon) <= Self.oneMillimeter && dH <= Self.oneMillimeter) {
        Issue.record("round trip failed at φ=\(lat) λ=\(lon) h=\(h): \(back)")
        return
      }
    }
    print("FramesGeodeticTests.roundTripGeodetic worst horizontal \(worstHorizontal) m, height \(worstHeight) m")
  }

  @Test("Round trip ECEF → geodetic → ECEF everywhere, including near the centre", .tags(.property))
  func roundTripCartesian() {
    var rng = FramesGeodeticRandom(state: 20_261_122)
    var worst = 0.0
    for i in 0..<20_000 {
      let direction = Vector3(
        Double.random(in: -1...1, using: &rng), Double.random(in: -1...1, using: &rng),
        Double.random(in: -1...1, using: &rng))
      guard direction.norm > 1e-3 else { continue }
      // |r| log-uniform from 1 m to 1e8 m: covers the evolute near the centre (< 43 km).
      let radius = pow(10, Double.random(in: 0...8, using: &rng))
      var r = direction.unit * radius
      if i % 500 == 0 { r.z = 0 }  // equatorial plane, inside and outside the evolute
      if i % 500 == 1 { r.x = 0; r.y = 0 }  // polar axis
      let p = GeodeticPoint(cartesian: r)
      let back = p.cartesian()
      let d = (back - r).norm
      worst = max(worst, d)
      if !(d <= Self.oneMillimeter) || !(abs(p.latitude) <= Double.pi / 2) {
        Issue.record("ECEF round trip failed at \(r): \(p), back \(back)")
        return
      }
    }
    print("FramesGeodeticTests.roundTripCartesian worst |Δr| \(worst) m")
  }

  @Test("Poles, equator and centre")
  func specialPoints() {
    let a = Self.wgs84.equatorialRadius, b = Self.wgs84.polarRadius
    let north = GeodeticPoint(cartesian: Vector3(0, 0, b + 400_000))
    #expect(north.latitude == Double.pi / 2 && north.longitude == 0)
    expectClose(north.altitude, 400_000, absolute: 1e-9)
    let south = GeodeticPoint(cartesian: Vector3(0, 0, -(b - 1000)))
    #expect(south.latitude == -Double.pi / 2)
    expectClose(south.altitude, -1000, absolute: 1e-9)
    let equator = GeodeticPoint(cartesian: Vector3(0, -(a + 35_786_000), 0))
    #expect(equator.latitude == 0)
    expectClose(equator.longitude, -Double.pi / 2, ulps: 1)
    expectClose(equator.altitude, 35_786_000, absolute: 1e-8)
    let centre = GeodeticPoint(cartesian: .zero)
    #expect(centre.latitude == Double.pi / 2)
    expectClose(centre.altitude, -b, absolute: 1e-9)
    // Inside the evolute on the equatorial plane: the nearest ellipsoid point is off the equator.
    let inner = GeodeticPoint(cartesian: Vector3(1000, 0, 0))
    expectClose((inner.cartesian() - Vector3(1000, 0, 0)).norm, 0, absolute: 1e-6)
    #expect(inner.latitude > 1.5)
  }

  @Test("Other ellipsoids: a sphere gives geocentric latitude and h = |r| − a")
  func sphere() {
    let sphere = ReferenceEllipsoid(equatorialRadius: 6_371_000, flattening: 0)
    let r = Vector3(1_234_567, -2_345_678, 5_432_100)
    let p = GeodeticPoint(cartesian: r, on: sphere)
    expectClose(p.latitude, atan2(r.z, (r.x * r.x + r.y * r.y).squareRoot()), absolute: 1e-15)
    expectClose(p.altitude, r.norm - 6_371_000, absolute: 1e-8)
    expectClose((p.cartesian(on: sphere) - r).norm, 0, absolute: 1e-8)
  }
}

@Suite("Frames: topocentric observations")
struct FramesTopocentricTests {
  @Test("Vallado Example 11-6: slant range in SEZ", .tags(.validation))
  func valladoSEZ() {
    // Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Example 11-6:
    // site φ_gd = 42.38°, λ = −71.13°, h = 24 m; satellite r_ECEF = (885.7296, −4389.3856,
    // 5070.1765) km → ρ_SEZ = (−773.8654, −581.4980, 328.8145) km.
    let site = GeodeticPoint(
      latitude: Angle.radians(fromDegrees: 42.38), longitude: Angle.radians(fromDegrees: -71.13), altitude: 24)
    let r = Vector3(885.7296, -4389.3856, 5070.1765) * 1000
    let expectedSEZ = Vector3(-773.8654, -581.4980, 328.8145) * 1000
    let sez = Topocentric.sezRotation(at: site) * (r - site.cartesian())
    // 0.2 m: the inputs and results are printed to 0.1 m.
    expectClose(sez, expectedSEZ, absolute: 0.2)
    let observation = Topocentric.observation(of: r, from: site)
    let expectedAzimuth = Angle.normalizedPositive(atan2(expectedSEZ.y, -expectedSEZ.x))
    let expectedElevation = asin(expectedSEZ.z / expectedSEZ.norm)
    // 5e-7 rad: 0.2 m across ~1,000 km.
    expectClose(observation.azimuth, expectedAzimuth, absolute: 5e-7)
    expectClose(observation.elevation, expectedElevation, absolute: 5e-7)
    expectClose(observation.range, expectedSEZ.norm, absolute: 0.2)
    print("FramesTopocentricTests.valladoSEZ |Δρ_SEZ| \((sez - expectedSEZ).norm) m")
  }

  @Test("Azimuth is clockwise from north; ENU and SEZ agree; range rate is d(range)/dt", .tags(.property))
  func conventions() {
    let site = GeodeticPoint(
      latitude: Angle.radians(fromDegrees: 51.5), longitude: Angle.radians(fromDegrees: -0.1), altitude: 35)
    let origin = site.cartesian()
    let enu = Topocentric.enuRotation(at: site)
    let east = enu.row(0), north = enu.row(1), up = enu.row(2)
    // 1e-9 rad: exact geometry up to rounding.
    let tol = 1e-9
    let overhead = Topocentric.observation(of: origin + 500_000 * up, from: site)
    expectClose(overhead.elevation, Double.pi / 2, absolute: tol)
    expectClose(overhead.range, 500_000, absolute: 1e-6)
    let n = Topocentric.observation(of: origin + 100_000 * north, from: site)
    expectClose(Angle.normalizedSigned(n.azimuth), 0, absolute: tol)
    expectClose(n.elevation, 0, absolute: tol)
    let e = Topocentric.observation(of: origin + 100_000 * east, from: site)
    expectClose(e.azimuth, Double.pi / 2, absolute: tol)
    let sw = Topocentric.observation(of: origin - 100_000 * (north + east) + 100_000 * up, from: site)
    expectClose(sw.azimuth, 1.25 * Double.pi, absolute: tol)
    expectClose(sw.elevation, atan(1 / 2.0.squareRoot()), absolute: tol)
    // SEZ rows are (−north, east, up).
    let sez = Topocentric.sezRotation(at: site)
    // 1e-15 per element: same trigonometry, different order.
    #expect(sez.maxAbsDifference(Matrix3(rows: -north, east, up)) < 1e-15)
    // Range rate against a central difference of the range along a straight path.
    let r0 = origin + Vector3(300_000, -200_000, 600_000)
    let v = Vector3(-3_000, 5_500, 4_200)
    let obs = Topocentric.observation(of: r0, velocity: v, from: site)
    let dt = 0.01
    let plus = Topocentric.observation(of: r0 + dt * v, from: site).range
    let minus = Topocentric.observation(of: r0 - dt * v, from: site).range
    // 1 mm/s: the central difference's truncation error here is ~1e-5 m/s.
    expectClose(obs.rangeRate, (plus - minus) / (2 * dt), absolute: 1e-3)
  }
}
