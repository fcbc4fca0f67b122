// Validation of the analytic Sun and Moon ephemerides against ERFA (epv00, moon98; data in
// Tests/ReferenceData/erfa-ephem/) and of the third-body acceleration against the tidal
// approximation.

#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Third body: Sun and Moon ephemerides and point-mass perturbations", .tags(.validation))
struct ThirdBodyTests {
  static let file = "erfa-ephem/sun_moon_positions.csv"
  static let sha256 = "51104d1ded0bba7933bac3f856b2e2eb4e9fa305262caecd5c5ec602e24d2f85"

  struct Row {
    var t: Double  // Julian centuries TT since J2000
    var sun: Vector3
    var moon: Vector3
  }

  static func rows() throws -> [Row] {
    try ReferenceData.verifySHA256(file, expected: sha256)
    return try ReferenceData.csvRows(file).map { r in
      func v(_ key: String) throws -> Double { try #require(r[key].flatMap(Double.init), "column \(key)") }
      let days = (try v("tt_jd1") - 2_451_545.0) + (try v("tt_jd2"))
      return Row(
        t: days / 36_525,
        sun: Vector3(try v("sun_x_m"), try v("sun_y_m"), try v("sun_z_m")),
        moon: Vector3(try v("moon_x_m"), try v("moon_y_m"), try v("moon_z_m")))
    }
  }

  @Test("Sun: direction within 0.01° and distance within 1e-4 of ERFA epv00, 2000–2040")
  func sunAgainstERFA() throws {
    var worstAngle = 0.0, worstDistance = 0.0
    for row in try Self.rows() {
      let s = SolarEphemeris.position(julianCenturiesTT: row.t)
      worstAngle = max(worstAngle, s.angle(to: row.sun))
      worstDistance = max(worstDistance, abs(s.norm / row.sun.norm - 1))
    }
    // 0.01° is the accuracy the Astronomical Almanac claims for its low-precision series;
    // 1e-4 in distance (15 000 km) is the size of the omitted planetary terms.
    #expect(worstAngle < 0.01 * Angle.degree, "worst Sun direction error \(worstAngle / Angle.degree)°")
    #expect(worstDistance < 1e-4, "worst Sun distance error \(worstDistance)")
    print("Sun vs ERFA epv00: max direction error \(worstAngle / Angle.arcsecond)″, max distance error \(worstDistance)")
  }

  @Test("Moon: direction within 5′ and distance within 500 km of ERFA moon98, 2000–2040")
  func moonAgainstERFA() throws {
    var worstAngle = 0.0, worstDistance = 0.0
    for row in try Self.rows() {
      let m = LunarEphemeris.position(julianCenturiesTT: row.t)
      worstAngle = max(worstAngle, m.angle(to: row.moon))
      worstDistance = max(worstDistance, abs(m.norm - row.moon.norm))
    }
    // M&G §3.3.2 quote "several arcminutes" for this truncated series; 5′ and 500 km bound
    // the omitted terms (the largest left out are ~1′ and ~100 km each).
    #expect(worstAngle < 5 * Angle.arcsecond * 60, "worst Moon direction error \(worstAngle / Angle.arcsecond)″")
    #expect(worstDistance < 500e3, "worst Moon distance error \(worstDistance) m")
    print("Moon vs ERFA moon98: max direction error \(worstAngle / Angle.arcsecond)″, max distance error \(worstDistance) m")
  }

  @Test("Epoch entry point uses TT centuries")
  func epochEntryPoint() throws {
    let epoch = try Epoch(iso8601: "2024-03-20T03:06:00Z")
    let t = epoch.julianCenturiesTT
    #expect(SolarEphemeris.position(at: epoch) == SolarEphemeris.position(julianCenturiesTT: t))
    #expect(LunarEphemeris.position(at: epoch) == LunarEphemeris.position(julianCenturiesTT: t))
    // At the March equinox (2024-03-20 03:06 UTC, USNO) the Sun is on the +x axis of the
    // equator and equinox of date. Bound 0.03°: series accuracy (0.01°) + aberration (20.5″)
    // + nutation (≤ 18″) separate the mean-of-date geometric direction from the true apparent one.
    let s = SolarEphemeris.position(at: epoch)
    let meanOfDate = Precession1976.matrix(julianCenturiesTT: t) * s
    #expect(meanOfDate.angle(to: Vector3(1, 0, 0)) < 0.03 * Angle.degree)
    // In GCRF the equinox of date sits ~0.34° (24 years of precession) from the +x axis.
    #expect(s.angle(to: Vector3(1, 0, 0)) > 0.25 * Angle.degree)
  }

  @Test(
    "Third-body acceleration approaches the tidal approximation μ/d³ (3(ŝ·r)ŝ − r)",
    arguments: [ThirdBodyGravity.sun, ThirdBodyGravity.moon], [7_000e3, 42_164e3])
  func tidalLimit(body: ThirdBodyGravity, radius: Double) {
    let d = body.body == .sun ? SolarEphemeris.astronomicalUnit : 384_400e3
    let s = Vector3(0.3, -0.8, 0.5).unit * d
    var worst = 0.0
    for r in [Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1), Vector3(0.3, -0.8, 0.5), Vector3(-1, 2, 0.5)] {
      let rv = r.unit * radius
      let exact = body.acceleration(satellite: rv, bodyPosition: s)
      let sHat = s.unit
      let tidal = (body.gravitationalParameter / (d * d * d)) * (3 * sHat.dot(rv) * sHat - rv)
      worst = max(worst, (exact - tidal).norm / (body.gravitationalParameter / (d * d * d) * radius))
    }
    // The next term of the expansion is O(r/d) relative to the tidal term (coefficient ≤ 4
    // for these directions): allow 5 r/d.
    #expect(worst < 5 * radius / d, "relative deviation \(worst) at r = \(radius) m")
    #expect(worst > 0)
  }

  @Test("Third body reads the Sun or Moon position from the context")
  func contextWiring() throws {
    let epoch = try Epoch(iso8601: "2025-01-01T00:00:00Z")
    let builder = ForceContextBuilder(requirements: [.sun, .moon])
    let context = builder.context(referenceEpoch: epoch, offset: 3600, properties: .none)
    #expect(context.epoch == epoch + 3600)
    #expect(context.sunPosition == SolarEphemeris.position(at: epoch + 3600))
    #expect(context.moonPosition == LunarEphemeris.position(at: epoch + 3600))
    let r = Vector3(7_000e3, 0, 0)
    let a = ThirdBodyGravity.moon.acceleration(position: r, velocity: .zero, mass: 1, context: context)
    #expect(a == ThirdBodyGravity.moon.acceleration(satellite: r, bodyPosition: context.moonPosition))
    #expect(ThirdBodyGravity.sun.requirements == .sun && ThirdBodyGravity.moon.requirements == .moon)
  }
}
