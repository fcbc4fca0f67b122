// Validation of the exponential and Harris–Priester atmospheres against their published tables
// (Tests/ReferenceData/atmosphere/, see PROVENANCE.md), and of drag on a co-rotating atmosphere.

#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Atmosphere: exponential and Harris–Priester densities, drag", .tags(.validation))
struct AtmosphereTests {
  static let exponentialFile = "atmosphere/vallado_exponential.csv"
  static let exponentialSHA = "402c4cdb141bca7599a196c27081718083aac0d72bdf111259da38b326ff82bc"
  static let harrisPriesterFile = "atmosphere/harris_priester_mean_solar.csv"
  static let harrisPriesterSHA = "2c3de16c2224fb8f71686fab7def9cda5c627f40704e6c91c1d1d1e1b66370d6"

  /// 1e-14 relative: the tables are reproduced exactly at their nodes, up to one rounding of
  /// the exponential (exp(0) = 1) and of the km → m conversion.
  static let nodeTolerance = 1e-14

  static func number(_ row: [String: String], _ key: String) throws -> Double {
    try #require(row[key].flatMap(Double.init), "column \(key)")
  }

  @Test("Exponential: ρ0 at every band base and ρ0 exp(−Δh/H) inside the band (Vallado Table 8-4)")
  func exponentialTable() throws {
    try ReferenceData.verifySHA256(Self.exponentialFile, expected: Self.exponentialSHA)
    let rows = try ReferenceData.csvRows(Self.exponentialFile)
    #expect(rows.count == 28)
    let model = ExponentialAtmosphere()
    for row in rows {
      let h0 = try Self.number(row, "base_altitude_km") * 1e3
      let rho0 = try Self.number(row, "nominal_density_kg_m3")
      let scale = try Self.number(row, "scale_height_km") * 1e3
      expectClose(model.density(altitude: h0), rho0, relative: Self.nodeTolerance, "base \(h0) m")
      // Interpolation inside the band: 40 % of the way to the next base (or +50 km on top).
      let upper = row["band_upper_km"].flatMap(Double.init).map { $0 * 1e3 } ?? h0 + 125e3
      let h = h0 + 0.4 * (upper - h0)
      expectClose(model.density(altitude: h), rho0 * exp(-(h - h0) / scale), relative: 1e-14, "inside band at \(h) m")
    }
    // The ISS altitude: 400 km base, 3.725e-12 kg/m³.
    expectClose(model.density(altitude: 400e3), 3.725e-12, relative: 1e-14)
    // Continuity across band boundaries within 1 % (PROVENANCE.md).
    for row in rows.dropLast() {
      let upper = try Self.number(row, "band_upper_km") * 1e3
      let below = model.density(altitude: upper.nextDown)
      let above = model.density(altitude: upper)
      #expect(abs(below / above - 1) < 0.01, "discontinuity at \(upper) m: \(below) vs \(above)")
    }
  }

  @Test("Harris–Priester: ρ_min, ρ_max at every table altitude and geometric means between rows (M&G Table 3.8)")
  func harrisPriesterTable() throws {
    try ReferenceData.verifySHA256(Self.harrisPriesterFile, expected: Self.harrisPriesterSHA)
    let rows = try ReferenceData.csvRows(Self.harrisPriesterFile)
    #expect(rows.count == 50)
    let model = HarrisPriesterAtmosphere()
    var previous: (h: Double, lo: Double, hi: Double)? = nil
    for row in rows {
      let h = try Self.number(row, "altitude_km") * 1e3
      let lo = try Self.number(row, "rho_min_kg_m3")
      let hi = try Self.number(row, "rho_max_kg_m3")
      let bounds = model.densityBounds(altitude: h)
      expectClose(bounds.minimum, lo, relative: Self.nodeTolerance, "ρ_min at \(h) m")
      expectClose(bounds.maximum, hi, relative: Self.nodeTolerance, "ρ_max at \(h) m")
      // Antapex (cos ψ = −1) gives ρ_min, apex (cos ψ = 1) gives ρ_max.
      expectClose(model.density(altitude: h, cosineToApex: -1), lo, relative: Self.nodeTolerance)
      expectClose(model.density(altitude: h, cosineToApex: 1), hi, relative: Self.nodeTolerance)
      if let p = previous {
        // Exponential interpolation: at the midpoint the density is the geometric mean.
        let mid = model.densityBounds(altitude: 0.5 * (p.h + h))
        expectClose(mid.minimum, (p.lo * lo).squareRoot(), relative: 1e-13, "ρ_min between \(p.h) and \(h) m")
        expectClose(mid.maximum, (p.hi * hi).squareRoot(), relative: 1e-13, "ρ_max between \(p.h) and \(h) m")
      }
      previous = (h, lo, hi)
    }
    #expect(model.densityBounds(altitude: 1001e3) == (0, 0))
  }

  @Test("Harris–Priester diurnal bulge: cos^n(ψ/2) weighting and the 30° lag", arguments: [2.0, 3.0, 6.0])
  func harrisPriesterBulge(exponent: Double) throws {
    let model = HarrisPriesterAtmosphere(exponent: exponent)
    let h = 400e3
    let lo = 2.249e-12, hi = 7.492e-12  // Table 3.8 at 400 km
    // ψ = 90°: cos^n(45°) = 2^(−n/2).
    expectClose(model.density(altitude: h, cosineToApex: 0), lo + (hi - lo) * pow(0.5, exponent / 2), relative: 1e-14)
    // The apex lags the Sun by 30° in right ascension at the Sun's declination.
    let sun = Vector3(cos(0.4), sin(0.4), 0.2) * 1.496e11
    let apex = model.bulgeApexDirection(sun: sun)
    let sunRA = atan2(sun.y, sun.x), apexRA = atan2(apex.y, apex.x)
    expectClose(Angle.normalizedSigned(apexRA - sunRA), 30 * Angle.degree, absolute: 1e-15)
    expectClose(asin(apex.z), asin(sun.z / sun.norm), absolute: 1e-15)
    // Through the position API (identity Earth rotation): a satellite at the apex direction
    // sees ρ_max at its ellipsoidal altitude.
    let r = apex * (6_378_137.0 + h)
    let context = ForceContext(referenceEpoch: .j2000, sunPosition: sun)
    let altitude = GeodeticPoint(cartesian: r).altitude
    expectClose(model.density(position: r, context: context), model.density(altitude: altitude, cosineToApex: 1), relative: 1e-14)
  }

  @Test("Harris–Priester with the bulge agrees with Orekit's HarrisPriester (n = 2, 3, 6)")
  func harrisPriesterAgainstOrekit() throws {
    let file = "orekit/harris_priester_densities.csv"
    try ReferenceData.verifySHA256(file, expected: "6f609b28dfcd81374013d360b06451227d23455eac32df85a12a4e031e490c05")
    let rows = try ReferenceData.csvRows(file)
    #expect(rows.count == 2250)
    var models: [Double: HarrisPriesterAtmosphere] = [:]
    var worst = 0.0
    for row in rows {
      let n = try Self.number(row, "n")
      let model = models[n] ?? HarrisPriesterAtmosphere(exponent: n)
      models[n] = model
      let sun = Vector3(try Self.number(row, "sun_x_m"), try Self.number(row, "sun_y_m"), try Self.number(row, "sun_z_m"))
      let r = Vector3(try Self.number(row, "x_m"), try Self.number(row, "y_m"), try Self.number(row, "z_m"))
      let expected = try Self.number(row, "density_kg_m3")
      // Orekit's HarrisPriester measures height along the geocentric radius,
      // h = r − a √((1 − e²)/(1 − e² cos² φc)) (HarrisPriester.getHeight), where M&G and we use
      // the geodetic height; feed its height to our interpolation and bulge weighting.
      let a = 6_378_137.0, f = 1 / 298.257223563
      let e2 = f * (2 - f)
      let sinLat = r.z / r.norm
      let orekitHeight = r.norm - a * ((1 - e2) / (1 - e2 * (1 - sinLat * sinLat))).squareRoot()
      let cosPsi = model.bulgeApexDirection(sun: sun).dot(r) / r.norm
      let rho = model.density(altitude: orekitHeight, cosineToApex: cosPsi)
      if expected > 0 { worst = max(worst, abs(rho / expected - 1)) }
      // 1e-12 relative: the same table, exponential interpolation and cos^n(ψ/2) weighting,
      // evaluated in a different order (Orekit: ρ_i (ρ_{i+1}/ρ_i)^Δ; we: ρ_i exp(Δh/H)).
      expectClose(rho, expected, relative: 1e-12, "n = \(n) at \(r)")
      // Through the position API (geodetic height, identity Earth rotation as Orekit's GCRF-fixed
      // ellipsoid): the two height definitions differ by metres, i.e. ≤ 2e-4 of the density.
      let full = model.density(position: r, context: ForceContext(referenceEpoch: .j2000, sunPosition: sun))
      expectClose(full, expected, relative: 2e-4, "geodetic-height density, n = \(n) at \(r)")
    }
    print("Harris–Priester vs Orekit: max relative difference \(worst)")
  }

  @Test("Drag: zero for a co-rotating satellite, −½ρ(C_D A/m)|v_rel|v_rel otherwise")
  func dragCoRotating() throws {
    let omega = Vector3(0, 0, 7.292115e-5)
    let properties = SpacecraftProperties(dragArea: 1000, dragCoefficient: 2.2)
    let context = ForceContext(referenceEpoch: .j2000, properties: properties, earthAngularVelocity: omega)
    let drag = AtmosphericDrag(atmosphere: ExponentialAtmosphere())
    let r = Vector3(6_778_137.0, 0, 0)  // 400 km over the equator (identity rotation)
    let coRotating = omega.cross(r)
    #expect(drag.acceleration(position: r, velocity: coRotating, mass: 420_000, context: context) == .zero)
    // ISS-like: 7.67 km/s prograde; v_rel = v − ω × r (about 0.49 km/s less).
    let v = Vector3(0, 7_668.0, 0)
    let a = drag.acceleration(position: r, velocity: v, mass: 420_000, context: context)
    let vRel = v - coRotating
    let rho = 3.725e-12  // Table 8-4 at 400 km (equator: geodetic = geocentric altitude)
    let expected = -0.5 * rho * 2.2 * 1000 / 420_000 * vRel.norm * vRel
    expectClose(a, expected, relative: 1e-13)
    // ~5e-7 m/s² (C_D A/m = 5.2e-3 m²/kg, v_rel = 7.18 km/s): the order of magnitude that
    // makes the ISS lose ~2 km/month of altitude.
    #expect(a.norm > 4e-7 && a.norm < 6e-7)
    #expect(drag.requirements.contains(.earthRotation))
    #expect(AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere()).requirements == [.earthRotation, .sun])
  }
}
