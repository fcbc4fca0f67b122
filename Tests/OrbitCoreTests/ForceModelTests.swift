// Composition and wiring of force models: composites equal the sum of their parts, the context
// builder computes what is required, the ODE adapters assemble Cowell's equations, and the
// zonal J2 term equals the textbook closed form.

#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("ForceModel: composites, context and dynamics adapters")
struct ForceModelTests {
  static let epoch: Epoch = {
    do { return try Epoch(iso8601: "2025-06-01T00:00:00Z") } catch { preconditionFailure("\(error)") }
  }()
  static let position = Vector3(4_000e3, -5_000e3, 2_500e3)
  static let velocity = Vector3(5_000, 3_500, 2_000)
  static let properties = SpacecraftProperties(dragArea: 1_000, dragCoefficient: 2.2, srpArea: 1_500, reflectivityCoefficient: 1.3)

  @Test("Sum, variadic set and dynamic set give the sum of the parts", .tags(.property))
  func compositesSum() {
    let builder = ForceContextBuilder(requirements: [.earthRotation, .sun, .moon])
    let c = builder.context(referenceEpoch: Self.epoch, offset: 120, properties: Self.properties)
    let point = PointMassGravity(.egm96)
    let zonal = ZonalGravity(.egm96)
    let drag = AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere())
    let sun = ThirdBodyGravity.sun, moon = ThirdBodyGravity.moon
    let srp = SolarRadiationPressure()
    let (r, v, m) = (Self.position, Self.velocity, 420_000.0)
    let parts: [Vector3] = [
      point.acceleration(position: r, velocity: v, mass: m, context: c),
      zonal.acceleration(position: r, velocity: v, mass: m, context: c),
      drag.acceleration(position: r, velocity: v, mass: m, context: c),
      sun.acceleration(position: r, velocity: v, mass: m, context: c),
      moon.acceleration(position: r, velocity: v, mass: m, context: c),
      srp.acceleration(position: r, velocity: v, mass: m, context: c),
    ]
    let expected = parts.reduce(Vector3.zero, +)
    let pair = point.adding(zonal).adding(drag).adding(sun).adding(moon).adding(srp)
    let set = ForceModelSet(point, zonal, drag, sun, moon, srp)
    let dynamic = DynamicForceModelSet([point, zonal, drag, sun, moon, srp])
    // Same terms summed in the same order: identical to rounding of the association (1e-15).
    expectClose(pair.acceleration(position: r, velocity: v, mass: m, context: c), expected, relative: 1e-15)
    expectClose(set.acceleration(position: r, velocity: v, mass: m, context: c), expected, relative: 1e-15)
    expectClose(dynamic.acceleration(position: r, velocity: v, mass: m, context: c), expected, relative: 1e-15)
    let all: ForceContextRequirements = [.earthRotation, .sun, .moon]
    #expect(pair.requirements == all && set.requirements == all && dynamic.requirements == all)
    #expect(point.requirements.isEmpty)
    #expect(set.massRate(position: r, velocity: v, mass: m, context: c) == 0)
    #expect(dynamic.massRate(position: r, velocity: v, mass: m, context: c) == 0)
  }

  @Test("The context builder's rotation is the Frames GCRF → ITRF transform at the epoch")
  func contextEarthRotation() throws {
    let builder = ForceContextBuilder(requirements: .earthRotation)
    let c = builder.context(referenceEpoch: Self.epoch, offset: 3_600.5, properties: .none)
    let t = try FrameTransform.between(.gcrf, .itrf, at: Self.epoch + 3_600.5, data: .standard)
    expectClose(c.gcrfToITRF, t.rotation, absolute: 1e-15)
    // ω⊕ in GCRF: 7.292115e-5 rad/s within LOD (~1e-12 rad/s), within ~0.4° of the z axis
    // (precession since J2000 tilts the pole by ≈ 0.35°).
    expectClose(c.earthAngularVelocity.norm, 7.292115e-5, relative: 1e-7)
    #expect(c.earthAngularVelocity.angle(to: Vector3(0, 0, 1)) < 0.5 * Angle.degree)
    // Unrequested parts stay at their placeholders.
    #expect(c.sunPosition == .zero && c.moonPosition == .zero)
    // Outside the EOP table: held values, never a crash.
    let far = builder.context(referenceEpoch: Self.epoch, offset: 40 * 365.25 * 86_400, properties: .none)
    #expect(far.gcrfToITRF.determinant > 0.999_999_999)
  }

  @Test("Tabulated Earth orientation matches the direct reduction to 1e-10 rad")
  func tabulatedEarthOrientation() {
    let start = Self.epoch, end = Self.epoch + 2 * 86_400
    let direct = EarthOrientationModel()
    let tabulated = EarthOrientationModel(tabulatedFrom: start, to: end)
    var rng = ForceTestRandom(seed: 3)
    var worst = 0.0
    for _ in 0..<200 {
      let e = start + 2 * 86_400 * rng.unit()
      let a = tabulated.gcrfToITRF(at: e), b = direct.gcrfToITRF(at: e)
      worst = max(worst, a.rotation.maxAbsDifference(b.rotation))
      // ω⊕ from LOD, linear in time either way: rounding only.
      expectClose(a.angularVelocity, b.angularVelocity, relative: 1e-12)
    }
    // 1e-10 rad (0.6 mm at LEO radius): linear interpolation over 1 h of the 13.66-day
    // nutation term (~5e-11 rad) and of the daily EOP kinks.
    #expect(worst < 1e-10, "worst element difference \(worst)")
    // At the nodes and outside the span: the direct reduction.
    expectClose(tabulated.gcrfToITRF(at: start).rotation, direct.gcrfToITRF(at: start).rotation, absolute: 1e-14)
    #expect(tabulated.gcrfToITRF(at: end + 10 * 86_400) == direct.gcrfToITRF(at: end + 10 * 86_400))
    print("tabulated vs direct Earth orientation: worst element difference \(worst)")
  }

  @Test("Harmonics in GCRF rotate the ITRF acceleration back")
  func harmonicsRotation() {
    let builder = ForceContextBuilder(requirements: .earthRotation)
    let c = builder.context(referenceEpoch: Self.epoch, offset: 0, properties: .none)
    let field = SphericalHarmonicGravity.egm96(degree: 8, order: 8)
    let a = field.acceleration(position: Self.position, velocity: .zero, mass: 1, context: c)
    let itrf = field.acceleration(itrfPosition: c.gcrfToITRF * Self.position)
    expectClose(c.gcrfToITRF * a, itrf, relative: 1e-15)
    // Degree 0 is the point mass.
    let central = SphericalHarmonicGravity.egm96(degree: 0, order: 0)
    expectClose(
      central.acceleration(itrfPosition: Self.position),
      PointMassGravity(gravitationalParameter: 3.986004415e14).acceleration(at: Self.position), relative: 1e-15)
  }

  @Test("J2 alone equals the textbook closed form (Vallado (2013) §8.7)")
  func j2ClosedForm() {
    let body = CentralBody.egm96
    let j2 = ZonalGravity(body, maxDegree: 2)
    for p in [Self.position, Vector3(6_778e3, 0, 0), Vector3(1e6, 2e6, -6.5e6)] {
      let r = p.norm, z = p.z
      let k = -1.5 * body.j2 * body.gravitationalParameter * body.equatorialRadius * body.equatorialRadius / pow(r, 5)
      let f = 5 * z * z / (r * r)
      let expected = Vector3(k * p.x * (1 - f), k * p.y * (1 - f), k * p.z * (3 - f))
      // Two algebraic forms of the same expression: rounding only.
      expectClose(j2.zonalAcceleration(itrfPosition: p), expected, relative: 1e-14)
    }
  }

  @Test("Cowell dynamics: (v, Σa, ṁ) with the context at referenceEpoch + t")
  func dynamicsAdapter() {
    let forces = ForceModelSet(PointMassGravity(.egm96), ThirdBodyGravity.moon)
    let dynamics = ForceModelDynamics(forces: forces, referenceEpoch: Self.epoch, properties: Self.properties)
    let y = OrbitState(position: Self.position, velocity: Self.velocity, mass: 1_000)
    let d = dynamics.derivative(y, at: 86_400)
    #expect(d.position == Self.velocity)
    #expect(d.mass == 0)
    let c = ForceContextBuilder(requirements: .moon).context(
      referenceEpoch: Self.epoch + 86_400, offset: 0, properties: Self.properties)
    let expected = forces.acceleration(position: Self.position, velocity: Self.velocity, mass: 1_000, context: c)
    expectClose(d.velocity, expected, relative: 1e-15)
    // Second-order form for velocity-independent forces agrees with the first-order one.
    let second = ForceModelSecondOrderDynamics(
      forces: PointMassGravity(.egm96).adding(ThirdBodyGravity.moon), referenceEpoch: Self.epoch)
    expectClose(second.acceleration(position: Self.position, mass: 1_000, at: 86_400), expected, relative: 1e-15)
    let secondSet = ForceModelSecondOrderDynamics(forces: forces, referenceEpoch: Self.epoch)
    expectClose(secondSet.acceleration(position: Self.position, mass: 1_000, at: 86_400), expected, relative: 1e-15)
  }
}
