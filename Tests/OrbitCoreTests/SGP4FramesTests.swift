// SGP4 states in GCRF and ITRF and the geodetic sub-point, against AIAA 2006-6753 Appendix C:
// the TEME state of the example at 2004-04-06 07:51:28.386009 UTC with the EOP quoted in
// FramesValladoTests, converted to ITRF, PEF and GCRF (the published numbers are reused from that
// suite), and the propagator's own framed states checked to be that conversion of its TEME state.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("SGP4 output frames: AIAA 2006-6753 Appendix C")
struct SGP4FramesTests {
  /// 12 mm and 12 µm/s: the exact-UT1 path differs from the paper's one-Double UT1 by 14.7 µs
  /// of Earth rotation (see FramesValladoTests); the published values are printed to 0.1 mm.
  static let positionToleranceM = 1.2e-2
  static let velocityToleranceMPerS = 1.2e-5

  static func exampleTEME() throws -> CartesianState {
    CartesianState(
      epoch: try FramesValladoTests.epoch(), frame: .teme,
      position: FramesValladoTests.rTEME, velocity: FramesValladoTests.vTEME)
  }

  @Test("the example's TEME state converted to ITRF, PEF and GCRF", .tags(.validation))
  func appendixC() throws {
    let teme = try Self.exampleTEME()
    let eop = FramesValladoTests.eop
    let itrf = try SGP4Propagator.convert(teme, to: .itrf, eop: eop)
    #expect(itrf.frame == .itrf)
    expectClose(itrf.position, FramesValladoTests.rITRF, absolute: Self.positionToleranceM)
    expectClose(itrf.velocity, FramesValladoTests.vITRF, absolute: Self.velocityToleranceMPerS)
    let pef = try SGP4Propagator.convert(teme, to: .pef, eop: eop)
    expectClose(pef.position, FramesValladoTests.rPEF, absolute: Self.positionToleranceM)
    expectClose(pef.velocity, FramesValladoTests.vPEF, absolute: Self.velocityToleranceMPerS)
    let gcrf = try SGP4Propagator.convert(teme, to: .gcrf, eop: eop, model: FramesValladoTests.corrections)
    expectClose(gcrf.position, FramesValladoTests.rGCRF, absolute: Self.positionToleranceM)
    expectClose(gcrf.velocity, FramesValladoTests.vGCRF, absolute: Self.velocityToleranceMPerS)
    #expect(try SGP4Propagator.convert(teme, to: .teme) == teme)
  }

  @Test("propagator states in ITRF/GCRF and the sub-point are the conversions of its TEME state",
        .tags(.validation))
  func propagatorFrames() throws {
    let tle = try TLE(
      line1: "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
      line2: "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667")
    let p = try SGP4Propagator(tle: tle)
    let epoch = p.epoch + 4320 * 60
    let eop = FramesValladoTests.eop
    let teme = try p.state(at: epoch, in: .teme, eop: eop)
    // tcppver.out, 00005 at 4320 min (km, km/s), printed to 1e-8 km: 0.2 mm.
    expectClose(teme.position, Vector3(-9060.47373569, 4658.70952502, 813.68673153) * 1000, absolute: 2e-4)
    expectClose(teme.velocity, Vector3(-2.232832783, -4.110453490, -3.157345433) * 1000, absolute: 1.5e-6)
    for frame in [Frame.itrf, .gcrf, .pef] {
      let direct = try p.state(at: epoch, in: frame, eop: eop)
      let converted = try SGP4Propagator.convert(teme, to: frame, eop: eop)
      #expect(direct == converted, "\(frame)")
    }
    let itrf = try SGP4Propagator.convert(teme, to: .itrf, eop: eop)
    let point = try p.subPoint(at: epoch, eop: eop)
    #expect(point == GeodeticPoint(cartesian: itrf.position))
    // The geodetic form of the example's published ITRF position (the paper's state).
    let published = GeodeticPoint(cartesian: FramesValladoTests.rITRF)
    let fromTEME = GeodeticPoint(
      cartesian: try SGP4Propagator.convert(try Self.exampleTEME(), to: .itrf, eop: eop).position)
    // 12 mm at 10,000 km: 1.2e-9 rad.
    #expect(abs(fromTEME.latitude - published.latitude) < 2e-9)
    #expect(abs(fromTEME.longitude - published.longitude) < 2e-9)
    #expect(abs(fromTEME.altitude - published.altitude) < Self.positionToleranceM)
  }

  @Test("SGP4 failures and frame errors come out typed", .tags(.regression))
  func errors() throws {
    let tle = try TLE(
      line1: "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
      line2: "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667")
    let p = try SGP4Propagator(tle: tle)
    // Far outside the EOP table: a typed time error, not a crash.
    #expect(throws: SGP4FrameError.self) { try p.state(at: p.epoch + 1e10, in: .itrf) }
  }
}
