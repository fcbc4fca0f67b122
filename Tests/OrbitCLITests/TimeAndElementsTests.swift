import OrbitCore
import Foundation
import Testing
import OrbitCLI
import _OrbitTestSupport

/// `orbit time` against values fixed outside this code: TAI − UTC = 37 s since 2017-01-01
/// (IERS Bulletin C), TT = TAI + 32.184 s, GPS = TAI − 19 s, IERS finals2000A UT1 − UTC, ERFA
/// tables, and the IAU 2000 definition of the Earth rotation angle.
@Suite struct TimeCommandTests {
  @Test func scalesOfAKnownInstant() throws {
    let r = orbit("time", "2024-01-01T00:00:00Z", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let json = try #require(foundationJSON(r.stdout))
    #expect(json["utc"] as? String == "2024-01-01T00:00:00.000000000Z")
    #expect(json["tai"] as? String == "2024-01-01T00:00:37.000000000")
    #expect(json["tt"] as? String == "2024-01-01T00:01:09.184000000")
    #expect(json["gps"] as? String == "2024-01-01T00:00:18.000000000")
    // TDB − TT is periodic with amplitude < 1.7 ms (USNO Circular 179, eq. 2.6).
    let tdb = try #require(json["tdb"] as? String)
    #expect(tdb.hasPrefix("2024-01-01T00:01:09.18"))
    // UT1 − UTC on 2024-01-01 from IERS finals2000A (Tests/ReferenceData/iers): 0.0087837 s.
    expectClose(try #require(json["ut1_minus_utc_s"] as? Double), 0.0087837, absolute: 1e-9)
    #expect(json["ut1"] as? String == "2024-01-01T00:00:00.008783700")
    // Two-part JD(TT) = 2460310.5 + 69.184 s.
    let jdTT = try #require(json["jd_tt"] as? [Double])
    #expect(jdTT.count == 2)
    expectClose((jdTT[0] - 2_460_310.5) + jdTT[1], 69.184 / 86_400, absolute: 1e-12, "1e-12 d ≈ 0.1 µs")
    #expect((json["notes"] as? [Any])?.isEmpty == true)
    // ERA by its IAU 2000 definition, from the UT1 Julian date the command reports.
    let jdUT1 = try #require(json["jd_ut1"] as? [Double])
    let du = (jdUT1[0] - 2_451_545.0) + jdUT1[1]
    var turns = (0.7790572732640 + 0.00273781191135448 * du + du.truncatingRemainder(dividingBy: 1))
      .truncatingRemainder(dividingBy: 1)
    if turns < 0 { turns += 1 }
    expectClose(try #require(json["era_deg"] as? Double), turns * 360, absolute: 1e-8, "1e-8 deg ≈ 0.04 mas")
  }

  @Test func otherInputScales() throws {
    // 2024-01-01T00:01:09.184 TT is 2024-01-01T00:00:00 UTC (TT − UTC = 69.184 s).
    let tt = try #require(foundationJSON(orbit("time", "2024-01-01T00:01:09.184", "--scale", "tt", "--format", "json").stdout))
    #expect(tt["utc"] as? String == "2024-01-01T00:00:00.000000000Z")
    let gps = try #require(foundationJSON(orbit("time", "2024-01-01T00:00:18", "--scale", "gps", "--format", "json").stdout))
    #expect(gps["utc"] as? String == "2024-01-01T00:00:00.000000000Z")
    let tai = try #require(foundationJSON(orbit("time", "2017-01-01T00:00:36.5", "--scale", "tai", "--format", "json").stdout))
    #expect(tai["utc"] as? String == "2016-12-31T23:59:60.500000000Z", "inside the leap second")
  }

  @Test func leapSecondItselfIsAccepted() {
    let r = orbit("time", "2016-12-31T23:59:60Z")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("TAI           2017-01-01T00:00:36.000000000"))
  }

  /// Outside the EOP table (2012-01-01 … 2027-10-29): ut1 null, a note, GMST from UT1 = UTC.
  /// At 2000-01-01T12:00:00 UTC, UT1 = UTC gives JD(UT1) = 2451545.0, for which ERFA's gmst82
  /// is 4.894961212823059 rad (Tests/ReferenceData/erfa/gmst_era.csv, first row).
  @Test func outsideTheEOPTable() throws {
    let r = orbit("time", "2000-01-01T12:00:00Z", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let json = try #require(foundationJSON(r.stdout))
    #expect(json["ut1"] is NSNull)
    #expect(json["jd_ut1"] is NSNull)
    let notes = try #require(json["notes"] as? [String])
    #expect(notes.count == 1)
    #expect(notes.first?.contains("UT1 = UTC") == true)
    expectClose(try #require(json["gmst_deg"] as? Double), 4.894961212823059 * 180 / Double.pi, absolute: 1e-9)
    expectClose(try #require(json["era_deg"] as? Double), 4.894961212823756 * 180 / Double.pi, absolute: 1e-9)
    let text = orbit("time", "2030-06-01T00:00:00Z")
    #expect(text.code == 0)
    #expect(text.stdout.contains("note: UT1 unavailable"))
  }

  /// JD(TT) and JD(TDB) for every row of the ERFA time-scale table.
  @Test func agreesWithERFATimeScales() throws {
    let table = try ReferenceData.csvRows("erfa/time_scales.csv")
    #expect(table.count > 100)
    for row in table.prefix(60) {
      let iso = try #require(row["utc_iso"])
      let r = orbit("time", iso, "--format", "json")
      #expect(r.code == 0, "\(iso): \(r.stderr)")
      guard let json = foundationJSON(r.stdout), let tt = json["jd_tt"] as? [Double], let tdb = json["jd_tdb"] as? [Double]
      else { Issue.record("no JSON for \(iso)"); continue }
      let ttRef = (Double(row["tt_jd1"]!)!, Double(row["tt_jd2"]!)!)
      let tdbRef = (Double(row["tdb_jd1"]!)!, Double(row["tdb_jd2"]!)!)
      // The ISO text has 6 decimals, so compare differences of the parts: 1e-10 d ≈ 9 µs.
      expectClose((tt[0] - ttRef.0) + (tt[1] - ttRef.1), 0, absolute: 1e-10, "\(iso) TT")
      expectClose((tdb[0] - tdbRef.0) + (tdb[1] - tdbRef.1), 0, absolute: 1e-10, "\(iso) TDB")
    }
  }
}

/// `orbit elements` against Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed.,
/// Example 2-5 (RV2COE) and Example 2-6 (COE2RV), which use μ = 398600.4418 km³/s² (WGS-84).
/// Example 2-6's answer is retyped as in Tests/OrbitCoreTests/ElementsValladoExamplesTests.swift.
@Suite struct ElementsCommandTests {
  @Test func valladoExample2_5() throws {
    let r = orbit("elements", "--state", "6524.834,6862.875,6448.296,4.901327,5.533756,-1.976341", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let j = try #require(foundationJSON(r.stdout))
    // The book prints a = 36127.343 km, e = 0.832853, i = 87.870°, Ω = 227.898°, ω = 53.38°,
    // ν = 92.335°; tolerances are the book's last printed digit.
    expectClose(try #require(j["semi_major_axis_km"] as? Double), 36_127.343, absolute: 0.01)
    expectClose(try #require(j["eccentricity"] as? Double), 0.832853, absolute: 1e-6)
    expectClose(try #require(j["inclination_deg"] as? Double), 87.870, absolute: 1e-3)
    expectClose(try #require(j["raan_deg"] as? Double), 227.898, absolute: 1e-3)
    expectClose(try #require(j["arg_perigee_deg"] as? Double), 53.38, absolute: 0.01)
    expectClose(try #require(j["true_anomaly_deg"] as? Double), 92.335, absolute: 1e-3)
    // Period 2π√(a³/μ) with the book's a.
    let a = 36_127.343
    expectClose(try #require(j["period_s"] as? Double), 2 * Double.pi * (a * a * a / 398_600.4418).squareRoot(), relative: 1e-6)
    #expect(j["mean_anomaly_deg"] is Double)
  }

  @Test func valladoExample2_6() throws {
    // p = 11067.790 km, e = 0.83285 → a = p / (1 − e²).
    let a = 11_067.790 / (1 - 0.83285 * 0.83285)
    let r = orbit("elements", "--keplerian", "\(a),0.83285,87.87,227.89,53.38,92.335", "--format", "json")
    #expect(r.code == 0, "\(r.stderr)")
    let j = try #require(foundationJSON(r.stdout))
    let p = try #require(j["position_km"] as? [Double])
    let v = try #require(j["velocity_km_s"] as? [Double])
    // Book (4th ed.): r = [6525.368, 6861.532, 6449.119] km, v = [4.902279, 5.533140, −1.975710]
    // km/s; tolerances are half a unit in the book's last printed digit plus rounding of the inputs.
    for (x, ref) in zip(p, [6525.368, 6861.532, 6449.119]) { expectClose(x, ref, absolute: 0.002) }
    for (x, ref) in zip(v, [4.902279, 5.533140, -1.975710]) { expectClose(x, ref, absolute: 2e-6) }
  }

  @Test func circularOrbit() throws {
    // v = √(μ/r) for a circular orbit: √(398600.4418 / 7000) km/s.
    let j = try #require(foundationJSON(orbit("elements", "--keplerian", "7000,0,0,0,0,0", "--format", "json").stdout))
    let p = try #require(j["position_km"] as? [Double])
    let v = try #require(j["velocity_km_s"] as? [Double])
    expectClose(p[0], 7000, absolute: 1e-9)
    expectClose(v[1], (398_600.4418 / 7000.0).squareRoot(), relative: 1e-14)
    #expect(j["mu_km3_s2"] as? Double == 398_600.4418)
    let egm = try #require(foundationJSON(orbit("elements", "--keplerian", "7000,0,0,0,0,0", "--body", "egm96", "--format", "json").stdout))
    #expect(egm["mu_km3_s2"] as? Double == 398_600.4415)
  }

  @Test func hyperbolicStateHasNoPeriod() throws {
    // 12 km/s at 7000 km exceeds escape speed √(2μ/r) ≈ 10.67 km/s.
    let r = orbit("elements", "--state", "7000,0,0,0,12,0", "--format", "json")
    #expect(r.code == 0)
    let j = try #require(foundationJSON(r.stdout))
    #expect(j["period_s"] is NSNull)
    #expect(try #require(j["eccentricity"] as? Double) > 1)
    #expect(try #require(j["semi_major_axis_km"] as? Double) < 0)
    let text = orbit("elements", "--state", "7000,0,0,0,12,0")
    #expect(text.stdout.contains("none (hyperbolic)"))
  }

  @Test func textOutputNamesEveryElement() {
    let r = orbit("elements", "--state", "6778,0,0,0,7.6686,1")
    #expect(r.code == 0)
    for label in ["semi-major axis", "eccentricity", "inclination", "RAAN", "argument of perigee", "true anomaly", "mean anomaly", "period"] {
      #expect(r.stdout.contains(label))
    }
  }
}
