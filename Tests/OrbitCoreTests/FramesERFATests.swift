// Validation of the IAU-76/FK5 pieces against ERFA (pyerfa 2.0.1.5, SOFA 20231011) tables in
// Tests/ReferenceData/erfa/ (see PROVENANCE.md there for how each column was produced).

import OrbitCore
import Testing
import _OrbitTestSupport

/// Reads a named column of a reference CSV row as a Double (fails the test on a bad field).
private func number(_ row: [String: String], _ key: String, sourceLocation: SourceLocation = #_sourceLocation)
  throws -> Double
{
  let value = try #require(row[key].flatMap(Double.init), "column \(key)", sourceLocation: sourceLocation)
  return value
}

/// A row-major 3×3 matrix from columns `<prefix>00 … <prefix>22`.
private func matrix(_ row: [String: String], _ prefix: String) throws -> Matrix3 {
  var rows: [Vector3] = []
  for i in 0..<3 {
    rows.append(
      Vector3(try number(row, "\(prefix)\(i)0"), try number(row, "\(prefix)\(i)1"), try number(row, "\(prefix)\(i)2")))
  }
  return Matrix3(rows: rows[0], rows[1], rows[2])
}

/// The signed difference of two angles, reduced to [−π, π) (rad).
private func angleDifference(_ a: Double, _ b: Double) -> Double {
  Angle.normalizedSigned(a - b)
}

@Suite("Frames: IAU-76/80 pieces against ERFA", .tags(.validation))
struct FramesERFATests {
  static let gmstFile = "erfa/gmst_era.csv"
  static let precessionNutationFile = "erfa/precession_nutation_iau76_80.csv"
  static let frameBiasFile = "erfa/frame_bias.csv"
  static let gcrfITRFFile = "erfa/gcrf_itrf.csv"

  /// 1e-12 rad (0.2 µas): sidereal angles are sums of a few rounded terms of size ≤ 2e3 rad·s;
  /// ERFA and we round differently at the 1e-13 level.
  static let siderealTolerance = 1e-12
  /// 1e-14 per matrix element (2 µas): products of three elementary rotations, rounding only.
  static let matrixTolerance = 1e-14
  /// 1e-15 rad: Δψ, Δε are sums of 106 terms of ≤ 1e-3 rad; the order of summation is the same.
  static let nutationTolerance = 1e-15

  @Test("GMST82, ERA00, EqEq94 and GST94 match ERFA")
  func siderealTime() throws {
    try ReferenceData.verifySHA256(
      Self.gmstFile, expected: "9fd684e7641d8bdd39d20f01b43261f6d16125f7520a02185facd5ec847a8725")
    let rows = try ReferenceData.csvRows(Self.gmstFile)
    #expect(rows.count == 101)
    var worst = (gmst: 0.0, era: 0.0, eqeq: 0.0, gst: 0.0, gast: 0.0)
    for row in rows {
      let ut1 = JulianDate(whole: try number(row, "ut1_jd1"), fraction: try number(row, "ut1_jd2"))
      let tt = JulianDate(whole: try number(row, "tt_jd1"), fraction: try number(row, "tt_jd2"))
      let gmst = SiderealTime.gmst82(ut1: ut1)
      let era = SiderealTime.earthRotationAngle(ut1: ut1)
      let eqeq = SiderealTime.equationOfEquinoxes94(julianCenturiesTT: tt.daysSinceJ2000 / 36_525)
      // ERFA gst94 evaluates the equation of the equinoxes at UT1 (PROVENANCE.md, gmst_era.csv).
      let gstERFAStyle = gmst + SiderealTime.equationOfEquinoxes94(julianCenturiesTT: ut1.daysSinceJ2000 / 36_525)
      let gast = SiderealTime.gast94(ut1: ut1, tt: tt)
      let dGMST = abs(angleDifference(gmst, try number(row, "gmst82_rad")))
      let dERA = abs(angleDifference(era, try number(row, "era00_rad")))
      let dEqEq = abs(eqeq - (try number(row, "eqeq94_rad")))
      let dGST = abs(angleDifference(gstERFAStyle, try number(row, "gst94_rad")))
      // Our GAST uses EqE at TT: compare with ERFA's gmst82 + eqeq94(TT) columns.
      let dGAST = abs(
        angleDifference(gast, try number(row, "gmst82_rad") + (try number(row, "eqeq94_rad"))))
      #expect(dGMST <= Self.siderealTolerance, "GMST82 at \(ut1)")
      #expect(dERA <= Self.siderealTolerance, "ERA at \(ut1)")
      #expect(dEqEq <= Self.siderealTolerance, "EqEq94 at \(tt)")
      #expect(dGST <= Self.siderealTolerance, "GST94 at \(ut1)")
      #expect(dGAST <= Self.siderealTolerance, "GAST at \(ut1)")
      #expect(gmst >= 0 && gmst < Angle.twoPi && era >= 0 && era < Angle.twoPi)
      worst = (
        max(worst.gmst, dGMST), max(worst.era, dERA), max(worst.eqeq, dEqEq), max(worst.gst, dGST),
        max(worst.gast, dGAST)
      )
    }
    print("FramesERFATests.siderealTime worst |Δ| (rad): \(worst)")
  }

  @Test("IAU-76 precession, IAU-80 nutation and obliquity match ERFA pmat76/nut80/obl80/numat/pnm80")
  func precessionNutation() throws {
    try ReferenceData.verifySHA256(
      Self.precessionNutationFile,
      expected: "4bd5a680ecc4a9b2673205821ae81bcf7051c53fa4dbab9602483b0f92d66121")
    let rows = try ReferenceData.csvRows(Self.precessionNutationFile)
    #expect(rows.count == 101)
    var worst = (dPsi: 0.0, dEps: 0.0, eps: 0.0, p: 0.0, n: 0.0, pn: 0.0)
    for row in rows {
      let tt = JulianDate(whole: try number(row, "tt_jd1"), fraction: try number(row, "tt_jd2"))
      let t = tt.daysSinceJ2000 / 36_525
      let nut = Nutation1980.angles(julianCenturiesTT: t)
      let eps = Nutation1980.meanObliquity(julianCenturiesTT: t)
      let p = Precession1976.matrix(julianCenturiesTT: t)
      let n = Nutation1980.matrix(meanObliquity: eps, dPsi: nut.dPsi, dEps: nut.dEps)
      let pn = n * p
      let d = (
        abs(nut.dPsi - (try number(row, "dpsi_rad"))), abs(nut.dEps - (try number(row, "deps_rad"))),
        abs(eps - (try number(row, "epsa_rad"))), p.maxAbsDifference(try matrix(row, "p")),
        n.maxAbsDifference(try matrix(row, "n")), pn.maxAbsDifference(try matrix(row, "pn"))
      )
      #expect(d.0 <= Self.nutationTolerance, "Δψ at \(tt)")
      #expect(d.1 <= Self.nutationTolerance, "Δε at \(tt)")
      #expect(d.2 <= Self.nutationTolerance, "ε_A at \(tt)")
      #expect(d.3 <= Self.matrixTolerance, "P at \(tt)")
      #expect(d.4 <= Self.matrixTolerance, "N at \(tt)")
      #expect(d.5 <= Self.matrixTolerance, "N·P at \(tt)")
      // The convenience matrix equals the explicit one.
      #expect(Nutation1980.matrix(julianCenturiesTT: t) == n)
      worst = (
        max(worst.dPsi, d.0), max(worst.dEps, d.1), max(worst.eps, d.2), max(worst.p, d.3),
        max(worst.n, d.4), max(worst.pn, d.5)
      )
    }
    print("FramesERFATests.precessionNutation worst |Δ|: \(worst)")
  }

  @Test("The nutation table has the full 106 terms of Seidelmann (1982)")
  func nutationTableSize() {
    #expect(Nutation1980.terms.count == 106)
    // The leading 18.6-year term: −171996″e-4 − 174.2″e-4 T in Δψ, 92025″e-4 + 8.9″e-4 T in Δε.
    let first = Nutation1980.terms[0]
    #expect(first.omega == 1 && first.longitudeSine == -171996.0 && first.obliquityCosine == 92025.0)
    #expect(first.longitudeSineRate == -174.2 && first.obliquityCosineRate == 8.9)
  }

  @Test("Frame bias matches ERFA bi00/bp00")
  func frameBias() throws {
    try ReferenceData.verifySHA256(
      Self.frameBiasFile, expected: "3c346dbd31179996c0750cbe418f9146e2058be08a32c6c656f8eb42e90affec")
    let rows = try ReferenceData.csvRows(Self.frameBiasFile)
    let row = try #require(rows.first)
    // Constants are the same decimal values scaled by π/648000: equal to the last bit or two.
    expectClose(FrameBias.longitude, try number(row, "dpsibi_rad"), ulps: 2)
    expectClose(FrameBias.obliquity, try number(row, "depsbi_rad"), ulps: 2)
    expectClose(FrameBias.rightAscensionOfEquinox, try number(row, "dra_rad"), ulps: 2)
    let d = FrameBias.matrix.maxAbsDifference(try matrix(row, "b"))
    #expect(d <= Self.matrixTolerance)
    // ξ0 = −0.0166170″ (IERS Conventions 2003, eq. 28). SOFA's dψ_bias · sin ε0 gives
    // −0.01661714″; 2e-7″ (1e-12 rad, 7 µm at LEO) covers that difference of conventions.
    expectClose(FrameBias.xi0 / Angle.arcsecond, -0.0166170, absolute: 2e-7)
    print("FramesERFATests.frameBias worst element |Δ|: \(d)")
  }

  /// 1 mm: the brief's bound for the whole chain; ERFA and we agree to ~1e-12 rad, i.e. ~1e-5 m.
  static let oneMillimeter = 1e-3

  @Test("GCRF → ITRF with the file's EOP matches ERFA W·R3(gst94)·pnm80·rb")
  func gcrfToITRFExplicitEOP() throws {
    try ReferenceData.verifySHA256(
      Self.gcrfITRFFile, expected: "c7e8ed83c6cf6108df1168b72402397d55cf0d3e7d83a912af4f85411efec980")
    let rows = try ReferenceData.csvRows(Self.gcrfITRFFile)
    #expect(rows.count == 108)
    var worstPieces = 0.0, worstModel = 0.0, worstUncorrected = 0.0
    for row in rows {
      let text = try #require(row["utc_iso"])
      let epoch = try Epoch(iso8601: text, scale: .utc)
      let eop = EOPValues(
        ut1MinusUTC: try number(row, "ut1_minus_utc_s"), xp: try number(row, "xp_rad"),
        yp: try number(row, "yp_rad"))
      let gcrf = Vector3(try number(row, "gcrf_x_m"), try number(row, "gcrf_y_m"), try number(row, "gcrf_z_m"))
      let expected = Vector3(try number(row, "itrf_x_m"), try number(row, "itrf_y_m"), try number(row, "itrf_z_m"))

      // 1. ERFA's exact model from our public pieces (EqE evaluated at UT1 as in gst94).
      let tt = epoch.julianDateTT
      let ut1 = try epoch.julianDateUT1(ut1MinusUTC: eop.ut1MinusUTC)
      let t = tt.daysSinceJ2000 / 36_525
      let pn = Nutation1980.matrix(julianCenturiesTT: t) * Precession1976.matrix(julianCenturiesTT: t)
      let gst = SiderealTime.gmst82(ut1: ut1)
        + SiderealTime.equationOfEquinoxes94(julianCenturiesTT: ut1.daysSinceJ2000 / 36_525)
      let w = PolarMotion.matrix(xp: eop.xp, yp: eop.yp)
      let pieces = w * (Matrix3.rotationZ(gst) * (pn * (FrameBias.matrix * gcrf)))
      let dPieces = (pieces - expected).norm
      #expect(dPieces <= Self.oneMillimeter, "pieces at \(text)")

      // 2. FrameTransform.between, which evaluates EqE at TT (consistent with N). Remove the
      //    known ≤ 0.12 mas difference EqE(TT) − EqE(UT1) from the ERFA value about the PEF pole.
      let transform = try FrameTransform.between(.gcrf, .itrf, at: epoch, eop: eop)
      let actual = transform.apply(position: gcrf)
      let delta = SiderealTime.equationOfEquinoxes94(julianCenturiesTT: t)
        - SiderealTime.equationOfEquinoxes94(julianCenturiesTT: ut1.daysSinceJ2000 / 36_525)
      let adjusted = w * (Matrix3.rotationZ(delta) * w.transposeMultiply(expected))
      let dModel = (actual - adjusted).norm
      #expect(dModel <= Self.oneMillimeter, "between at \(text)")
      let dRaw = (actual - expected).norm
      // 5 mm: 0.12 mas (EqE at TT vs UT1, PROVENANCE.md) at 7.2e6 m is 4.2 mm.
      #expect(dRaw <= 5e-3, "between, unadjusted, at \(text)")
      // The Frame convenience gives the same transform.
      #expect(try Frame.gcrf.transform(to: .itrf, at: epoch, eop: eop) == transform)
      worstPieces = max(worstPieces, dPieces)
      worstModel = max(worstModel, dModel)
      worstUncorrected = max(worstUncorrected, dRaw)
    }
    print(
      "FramesERFATests.gcrfToITRF worst |Δr| (m): pieces \(worstPieces), between \(worstModel),"
        + " between unadjusted \(worstUncorrected)")
  }

  @Test("GCRF → ITRF with TimeScaleData.standard EOP matches ERFA and the file's interpolated EOP")
  func gcrfToITRFStandardEOP() throws {
    let rows = try ReferenceData.csvRows(Self.gcrfITRFFile)
    var worstUT1 = 0.0, worstPole = 0.0, worstR = 0.0
    for row in rows {
      let text = try #require(row["utc_iso"])
      let epoch = try Epoch(iso8601: text, scale: .utc)
      let eop = try TimeScaleData.standard.eop(at: epoch)
      let dUT1 = abs(eop.ut1MinusUTC - (try number(row, "ut1_minus_utc_s")))
      let dPole = max(abs(eop.xp - (try number(row, "xp_rad"))), abs(eop.yp - (try number(row, "yp_rad"))))
      // 1e-9 s and 1e-12 rad: the same linear rule on the same table; only rounding differs.
      #expect(dUT1 <= 1e-9, "UT1 − UTC at \(text)")
      #expect(dPole <= 1e-12, "x_p, y_p at \(text)")

      let gcrf = Vector3(try number(row, "gcrf_x_m"), try number(row, "gcrf_y_m"), try number(row, "gcrf_z_m"))
      let expected = Vector3(try number(row, "itrf_x_m"), try number(row, "itrf_y_m"), try number(row, "itrf_z_m"))
      let transform = try FrameTransform.between(.gcrf, .itrf, at: epoch, data: .standard)
      #expect(try Frame.gcrf.transform(to: .itrf, at: epoch, data: .standard) == transform)
      let actual = transform.apply(position: gcrf)
      let t = epoch.julianCenturiesTT
      let ut1 = try epoch.julianDateUT1(ut1MinusUTC: eop.ut1MinusUTC)
      let delta = SiderealTime.equationOfEquinoxes94(julianCenturiesTT: t)
        - SiderealTime.equationOfEquinoxes94(julianCenturiesTT: ut1.daysSinceJ2000 / 36_525)
      let w = PolarMotion.matrix(xp: eop.xp, yp: eop.yp)
      let adjusted = w * (Matrix3.rotationZ(delta) * w.transposeMultiply(expected))
      let dR = (actual - adjusted).norm
      #expect(dR <= Self.oneMillimeter, "between(data:) at \(text)")
      worstUT1 = max(worstUT1, dUT1)
      worstPole = max(worstPole, dPole)
      worstR = max(worstR, dR)
    }
    print("FramesERFATests.standardEOP worst: UT1−UTC \(worstUT1) s, pole \(worstPole) rad, |Δr| \(worstR) m")
  }

  @Test("Outside the EOP table the TimeScaleData convenience throws TimeError")
  func outsideEOPTable() throws {
    let epoch = try Epoch(iso8601: "2040-01-01T00:00:00Z", scale: .utc)
    #expect(throws: TimeError.self) {
      try FrameTransform.between(.gcrf, .itrf, at: epoch, data: .standard)
    }
    // With explicit EOP the same epoch works (only leap seconds are needed).
    let t = try FrameTransform.between(.gcrf, .itrf, at: epoch, eop: .zero)
    #expect(abs(t.rotation.determinant - 1) < 1e-14)
  }
}
