// Central-body presets against their published defining constants.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Bodies: central-body presets")
struct BodiesTests {
  @Test("WGS-84 (NIMA TR8350.2 tables 3.1, 3.3)", .tags(.validation))
  func wgs84() {
    let b = CentralBody.wgs84
    #expect(b.gravitationalParameter == 3.986004418e14)
    #expect(b.equatorialRadius == 6_378_137)
    #expect(b.flattening == 1 / 298.257223563)
    #expect(b.rotationRate == 7.292115e-5)
    // J2 = −√5·C̄20 = 1.082629821313e-3 (TR8350.2 lists J2 = 0.108262982131e-2).
    expectClose(b.j2, 1.08262982131e-3, relative: 1e-11)
  }

  @Test("WGS-72 as used by SGP4 (AIAA 2006-6753)", .tags(.validation))
  func wgs72() {
    let b = CentralBody.wgs72
    // 398 600.8 km³/s² and 6378.135 km converted to SI; exact up to the km→m rounding.
    expectClose(b.gravitationalParameter, 398_600.8e9, relative: 1e-15)
    #expect(b.equatorialRadius == 6_378_135)
    #expect(b.j2 == 0.001082616)
    #expect(b.j3 == -0.00000253881)
    #expect(b.j4 == -0.00000165597)
    #expect(b.zonal(degree: 5) == 0)
  }

  /// EGM96 zonals: J_n = −√(2n+1)·C̄n0 with the C̄n0 of EGM96.cof; the expected J_n below were
  /// computed from those C̄n0 independently (Python, IEEE double) and agree with the EGM96
  /// report's J2 = 1.0826267e-3.
  @Test("EGM96 zonals from the normalized coefficients", .tags(.validation),
    arguments: zip(2...6, [
      1.0826266835531513e-3, -2.5326564853322355e-6, -1.619621591367e-6,
      -2.2729608286869828e-7, 5.406812391070849e-7,
    ]))
  func egm96(degree: Int, expected: Double) {
    let b = CentralBody.egm96
    #expect(b.gravitationalParameter == 3.986004415e14)
    #expect(b.equatorialRadius == 6_378_136.3)
    // A few ulps: √(2n+1) and the product round differently in Python and Swift.
    expectClose(b.zonal(degree: degree), expected, relative: 1e-15)
  }

  @Test("Undefined degrees are zero")
  func undefinedDegrees() {
    #expect(CentralBody.egm96.zonal(degree: 7) == 0)
    #expect(CentralBody.wgs84.zonal(degree: 3) == 0)
  }
}
