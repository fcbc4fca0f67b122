// Validation of the IAU-76/FK5 reduction against published worked examples:
//
// - Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Example 3-15
//   "Performing an IAU-76/FK5 reduction" and Table 3-6 (Example 3-14 in the 3rd ed., 2007):
//   2004-04-06 07:51:28.386009 UTC, ΔUT1 = −0.4399619 s, ΔAT = 32 s, x_p = −0.140682″,
//   y_p = 0.333309″, LOD = 0.0015563 s, δΔψ = −0.052195″, δΔε = −0.003875″.
// - Vallado, Crawford, Hujsak, Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753,
//   Appendix C: the same instant and EOP, the SGP4 TEME state converted to ITRF.
//
// The book prints positions to 1e-7 km (0.1 mm) and velocities to 1e-9 km/s (1 µm/s).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Frames: Vallado Example 3-15 and AIAA 2006-6753 Appendix C", .tags(.validation))
struct FramesValladoTests {
  static let arcsecond = Angle.arcsecond
  static let km = 1000.0

  static func epoch() throws -> Epoch { try Epoch(iso8601: "2004-04-06T07:51:28.386009Z", scale: .utc) }
  static let eop = EOPValues(
    ut1MinusUTC: -0.4399619, xp: -0.140682 * arcsecond, yp: 0.333309 * arcsecond,
    lengthOfDayExcess: 0.0015563)
  static let corrections = CelestialPoleModel.nutationCorrections(
    dPsi: -0.052195 * arcsecond, dEps: -0.003875 * arcsecond)

  // Table 3-6 / Example 3-15 states (km, km/s).
  static let rITRF = Vector3(-1033.4793830, 7901.2952754, 6380.3565958) * km
  static let vITRF = Vector3(-3.225636520, -2.872451450, 5.531924446) * km
  static let rPEF = Vector3(-1033.4750313, 7901.3055856, 6380.3445327) * km
  static let vPEF = Vector3(-3.225632747, -2.872442511, 5.531931288) * km
  static let rTOD = Vector3(5094.5162030, 6127.3652784, 6380.3445327) * km
  static let rMOD = Vector3(5094.0283745, 6127.8708164, 6380.2485164) * km
  static let vMOD = Vector3(-4.746263052, 0.786014045, 5.531790562) * km
  static let rGCRF = Vector3(5102.5089579, 6123.0114007, 6378.1369282) * km
  static let vGCRF = Vector3(-4.743220157, 0.790536497, 5.533755727) * km
  static let rTEME = Vector3(5094.1801621, 6127.6446595, 6380.3445327) * km
  static let vTEME = Vector3(-4.746131487, 0.785818041, 5.531931288) * km
  // Without δΔψ, δΔε and without frame bias ("J2000"), printed to 1e-4 km.
  static let rJ2000Uncorrected = Vector3(5102.5096, 6123.01152, 6378.1363) * km
  static let vJ2000Uncorrected = Vector3(-4.7432196, 0.7905366, 5.53375619) * km

  /// Vallado's code (and so the printed example) holds JD(UT1) in one Double,
  /// 2453101.827406783; Doubles near 2.45e6 are 40 µs apart, and that value lies 14.7 µs from
  /// the exact instant (JD 2453101.5 + 0.3274067829525…). We reproduce the example with that
  /// same UT1 through the non-throwing API, and separately check the exact `Epoch` path.
  static let valladoUT1 = JulianDate(whole: 2_453_101.827406783, fraction: 0)
  /// TT of the example (Vallado prints JD_TT = 2453101.828154745); from the epoch, exactly.
  static func tt() throws -> JulianDate { try epoch().julianDateTT }

  /// 0.2 mm: positions are printed to 0.1 mm (1e-7 km).
  static let positionTolerance = 2e-4
  /// 1.5 µm/s: velocities are printed to 1 µm/s (1e-9 km/s); half a digit in each component.
  static let velocityTolerance = 1.5e-6
  /// 12 mm and 12 µm/s for the exact-UT1 path: 14.7 µs of Earth rotation is 1.07e-9 rad, i.e.
  /// 8.5 mm at the 7,970 km equatorial distance of this state and 7.5 µm/s at 7 km/s.
  static let exactUT1PositionTolerance = 1.2e-2
  static let exactUT1VelocityTolerance = 1.2e-5

  static func transform(_ from: Frame, _ to: Frame, model: CelestialPoleModel) throws -> FrameTransform {
    FrameTransform.between(
      from, to, julianDateTT: try tt(), julianDateUT1: valladoUT1, eop: eop, model: model)
  }

  @Test("ITRF → GCRF, PEF, TOD, MOD, TEME (position and velocity)")
  func itrfToInertial() throws {
    func check(_ frame: Frame, _ r: Vector3, _ v: Vector3?) throws -> (Double, Double) {
      let t = try Self.transform(.itrf, frame, model: Self.corrections)
      let out = t.apply(position: Self.rITRF, velocity: Self.vITRF)
      expectClose(out.position, r, absolute: Self.positionTolerance, "r \(frame)")
      var dv = 0.0
      if let v {
        expectClose(out.velocity, v, absolute: Self.velocityTolerance, "v \(frame)")
        dv = (out.velocity - v).norm
      }
      return ((out.position - r).norm, dv)
    }
    let gcrf = try check(.gcrf, Self.rGCRF, Self.vGCRF)
    let pef = try check(.pef, Self.rPEF, Self.vPEF)
    let tod = try check(.tod, Self.rTOD, nil)
    let mod = try check(.mod, Self.rMOD, Self.vMOD)
    let teme = try check(.teme, Self.rTEME, Self.vTEME)
    print(
      "FramesValladoTests.itrfToInertial (|Δr| m, |Δv| m/s): GCRF \(gcrf) PEF \(pef) TOD \(tod) MOD \(mod) TEME \(teme)")
  }

  @Test("GCRF → ITRF (position and velocity), and the inverse transform round trip")
  func gcrfToITRF() throws {
    let t = try Self.transform(.gcrf, .itrf, model: Self.corrections)
    let out = t.apply(position: Self.rGCRF, velocity: Self.vGCRF)
    expectClose(out.position, Self.rITRF, absolute: Self.positionTolerance)
    expectClose(out.velocity, Self.vITRF, absolute: Self.velocityTolerance)
    let back = t.inverse.apply(position: out.position, velocity: out.velocity)
    // 10 nm, 10 pm/s: a rotation and its transpose, rounding only.
    expectClose(back.position, Self.rGCRF, absolute: 1e-8)
    expectClose(back.velocity, Self.vGCRF, absolute: 1e-11)
    print(
      "FramesValladoTests.gcrfToITRF |Δr| \((out.position - Self.rITRF).norm) m, |Δv| \((out.velocity - Self.vITRF).norm) m/s")
  }

  @Test("The Epoch API (exact two-part UT1) agrees within the 14.7 µs of Vallado's UT1 rounding")
  func epochAPI() throws {
    let epoch = try Self.epoch()
    let t = try Frame.gcrf.transform(to: .itrf, at: epoch, eop: Self.eop, model: Self.corrections)
    let out = t.apply(position: Self.rGCRF, velocity: Self.vGCRF)
    expectClose(out.position, Self.rITRF, absolute: Self.exactUT1PositionTolerance)
    expectClose(out.velocity, Self.vITRF, absolute: Self.exactUT1VelocityTolerance)
    // The same through FK5Reduction and transformFromGCRF.
    let reduction = try FK5Reduction(epoch: epoch, eop: Self.eop, model: Self.corrections)
    let direct = reduction.transformFromGCRF(to: .itrf)
    // 1e-15 per element and 1e-20 rad/s: two orders of the same products.
    #expect(direct.rotation.maxAbsDifference(t.rotation) < 1e-15)
    #expect((direct.angularVelocity - t.angularVelocity).norm < 1e-20)
    print(
      "FramesValladoTests.epochAPI |Δr| \((out.position - Self.rITRF).norm) m, |Δv| \((out.velocity - Self.vITRF).norm) m/s")
  }

  @Test("Without corrections and bias the FK5 J2000 result of Example 3-15 is reproduced")
  func uncorrectedJ2000() throws {
    let t = try Self.transform(.itrf, .eme2000, model: .nutationCorrections(dPsi: 0, dEps: 0))
    let out = t.apply(position: Self.rITRF, velocity: Self.vITRF)
    // 0.1 m and 0.1 mm/s: the book prints this case to 1e-4 km and 1e-7–1e-8 km/s.
    expectClose(out.position, Self.rJ2000Uncorrected, absolute: 0.1)
    expectClose(out.velocity, Self.vJ2000Uncorrected, absolute: 1e-4)
  }

  @Test("AIAA 2006-6753 Appendix C: TEME → PEF → ITRF by GMST82 only, and TEME → GCRF")
  func temeExample() throws {
    let toITRF = try Self.transform(.teme, .itrf, model: Self.corrections)
    let itrf = toITRF.apply(position: Self.rTEME, velocity: Self.vTEME)
    expectClose(itrf.position, Self.rITRF, absolute: Self.positionTolerance)
    expectClose(itrf.velocity, Self.vITRF, absolute: Self.velocityTolerance)
    // TEME → PEF depends on GMST only, so it is the same for either celestial-pole model.
    let toPEF = try Self.transform(.teme, .pef, model: .frameBias)
    let pef = toPEF.apply(position: Self.rTEME, velocity: Self.vTEME)
    expectClose(pef.position, Self.rPEF, absolute: Self.positionTolerance)
    expectClose(pef.velocity, Self.vPEF, absolute: Self.velocityTolerance)
    let gmst = SiderealTime.gmst82(ut1: Self.valladoUT1)
    // 1e-15 per element: R3(−EqE)·R3(GAST) equals R3(GMST) to rounding.
    #expect(toPEF.rotation.maxAbsDifference(Matrix3.rotationZ(gmst)) < 1e-15)
    let toGCRF = try Self.transform(.teme, .gcrf, model: Self.corrections)
    let gcrf = toGCRF.apply(position: Self.rTEME, velocity: Self.vTEME)
    expectClose(gcrf.position, Self.rGCRF, absolute: Self.positionTolerance)
    expectClose(gcrf.velocity, Self.vGCRF, absolute: Self.velocityTolerance)
    print(
      "FramesValladoTests.teme |Δr| ITRF \((itrf.position - Self.rITRF).norm) PEF \((pef.position - Self.rPEF).norm)"
        + " GCRF \((gcrf.position - Self.rGCRF).norm) m; |Δv| ITRF \((itrf.velocity - Self.vITRF).norm) m/s")
  }

  @Test("Default model (frame bias, no pole offsets) stays within 0.05″ of the corrected GCRF")
  func defaultModelAccuracy() throws {
    let t = try Self.transform(.itrf, .gcrf, model: .frameBias)
    let r = t.apply(position: Self.rITRF)
    // 0.05″ × |r| ≈ 2.5 m at 10,000 km: the documented bound of the uncorrected model.
    let bound = 0.05 * Angle.arcsecond * Self.rGCRF.norm
    #expect((r - Self.rGCRF).norm < bound)
    print("FramesValladoTests.defaultModel |Δr| vs corrected GCRF: \((r - Self.rGCRF).norm) m (bound \(bound))")
  }
}
