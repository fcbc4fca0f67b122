// Validation of the conical Earth shadow against an independent numerical integration of the
// visible solar disk, and of the cannonball radiation-pressure acceleration against its
// published magnitude.

#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("SRP: conical shadow and cannonball radiation pressure", .tags(.validation))
struct SRPTests {
  static let au = SolarRadiationPressure.astronomicalUnit
  static let sun = Vector3(au, 0, 0)

  /// The visible fraction of the solar disk by brute force: the Sun and Earth as disks of
  /// angular radii a, b at separation c on the sky (small-angle flat geometry), sampled on a
  /// polar grid over the solar disk. Independent of the closed-form lens area.
  static func bruteForceFraction(satellite r: Vector3, sun s: Vector3) -> Double {
    let d = s - r
    let a = asin(EarthShadow.sunRadius / d.norm)
    let b = asin(EarthShadow.earthRadius / r.norm)
    let c = acos(-r.dot(d) / (r.norm * d.norm))
    let radialSteps = 400, angularSteps = 720
    var visible = 0.0, total = 0.0
    for i in 0..<radialSteps {
      let rho = a * (Double(i) + 0.5) / Double(radialSteps)
      for j in 0..<angularSteps {
        let phi = 2 * Double.pi * (Double(j) + 0.5) / Double(angularSteps)
        // Point on the solar disk, Sun centre at the origin, Earth centre at (c, 0).
        let x = rho * cos(phi) - c, y = rho * sin(phi)
        let weight = rho
        total += weight
        if x * x + y * y > b * b { visible += weight }
      }
    }
    return visible / total
  }

  @Test("Sunlit, umbra and penumbra at constructed geometries")
  func shadowRegions() {
    // Sunlit: between the Earth and the Sun.
    #expect(EarthShadow.visibleFraction(satellite: Vector3(7_000e3, 0, 0), sun: Self.sun) == 1)
    // Umbra: directly behind the Earth at LEO and GEO (the umbra cone is ~1.4e6 km long).
    #expect(EarthShadow.visibleFraction(satellite: Vector3(-7_000e3, 0, 0), sun: Self.sun) == 0)
    #expect(EarthShadow.visibleFraction(satellite: Vector3(-42_164e3, 0, 0), sun: Self.sun) == 0)
    // Sunlit: beside the Earth, well off the shadow axis.
    #expect(EarthShadow.visibleFraction(satellite: Vector3(0, 7_000e3, 0), sun: Self.sun) == 1)
    // Annular: beyond the umbra's apex (~1.38e9 m) on the axis, the Earth covers the Sun's centre only.
    let far = EarthShadow.visibleFraction(satellite: Vector3(-3e9, 0, 0), sun: Self.sun)
    #expect(far > 0 && far < 1)
  }

  @Test("Penumbra fraction matches a numerical integration of the solar disk", arguments: [0.05, 0.25, 0.5, 0.75, 0.95])
  func penumbraAgainstIntegration(depth: Double) throws {
    // Place a GEO satellite behind the Earth at the offset from the shadow axis where the
    // overlap goes from none (c = a + b) to full (c = b − a): c = (a + b) − depth · 2a.
    let radius = 42_164e3
    let b = asin(EarthShadow.earthRadius / radius)
    let a = asin(EarthShadow.sunRadius / (Self.au + radius))  // ≈ a at that geometry
    let c = (a + b) - depth * 2 * a
    // Angle at the satellite between the Earth centre and the Sun centre is c; for a satellite at
    // angle θ from the anti-Sun axis: find θ by a few fixed-point steps.
    var theta = c
    for _ in 0..<50 {
      let r = Vector3(-radius * cos(theta), radius * sin(theta), 0)
      let d = Self.sun - r
      let cNow = acos(-r.dot(d) / (r.norm * d.norm))
      theta += c - cNow
    }
    let r = Vector3(-radius * cos(theta), radius * sin(theta), 0)
    let nu = EarthShadow.visibleFraction(satellite: r, sun: Self.sun)
    let reference = Self.bruteForceFraction(satellite: r, sun: Self.sun)
    #expect(nu > 0 && nu < 1)
    // 2e-3: the polar grid (400 × 720 cells) resolves the lens area to ~1e-3 of the disk.
    expectClose(nu, reference, absolute: 2e-3, "depth \(depth)")
  }

  @Test("Cannonball SRP: 4.56e-6 N/m² at 1 AU, away from the Sun, zero in the umbra")
  func cannonball() throws {
    let srp = SolarRadiationPressure()
    // 1 AU from the Sun (satellite at the geocentre's distance, sunlit side): a = P Cr A/m.
    let r = Vector3(0, 7_000e3, 0)
    let a = srp.acceleration(satellite: r, sun: Self.sun, reflectivityAreaToMass: 1.3 * 10 / 1000)
    let d = Self.sun - r
    let expected = 4.56e-6 * 1.3 * 10 / 1000 * (Self.au * Self.au / d.normSquared)
    // Pure arithmetic on the same formula: rounding only.
    expectClose(a.norm, expected, relative: 1e-14)
    #expect(a.angle(to: -d) < 1e-12)
    // ~5.9e-8 m/s² for A/m = 0.013 m²/kg, C_R = 1.3: the textbook order of magnitude for SRP
    // on a LEO satellite (Montenbruck & Gill (2000) §3.4, Fig. 3.1: ~1e-7 m/s² per 0.01 m²/kg).
    #expect(a.norm > 5e-8 && a.norm < 7e-8)
    let shadowed = srp.acceleration(satellite: Vector3(-7_000e3, 0, 0), sun: Self.sun, reflectivityAreaToMass: 0.013)
    #expect(shadowed == .zero)
    // Through the ForceModel entry point with spacecraft properties from the context.
    let context = ForceContext(
      referenceEpoch: .j2000, properties: SpacecraftProperties(dragArea: 10, dragCoefficient: 2.2, srpArea: 10, reflectivityCoefficient: 1.3),
      sunPosition: Self.sun)
    let viaModel = srp.acceleration(position: r, velocity: .zero, mass: 1000, context: context)
    #expect(viaModel == a)
    #expect(srp.requirements == .sun)
  }
}
