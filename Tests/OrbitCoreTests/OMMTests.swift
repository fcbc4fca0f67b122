// OMM (KVN and CelesTrak GP JSON) → the same SGP4 mean elements and states as the TLE path.
//
// Reference data: Tests/ReferenceData/omm/ (PROVENANCE.md): OMMs written from TLEs whose lines
// are quoted, and a verbatim excerpt of real CelesTrak GP JSON.

import OrbitCore
import Testing
import _OrbitTestSupport

enum OMMFiles {
  static let iss = "omm/iss-2019-04-03.omm"
  static let issSHA256 = "c8c8402ec32c1efc38fabd134bee90fb413457917f260c37eea9a5836b1d9d42"
  static let geo = "omm/geo-28626-2006-06-25.omm"
  static let geoSHA256 = "adfa7f935dc4034fd2906884a744b83ae2fe1187ba5ad9ed00e5fc0f609bae2f"
  static let json = "omm/gp-from-tles.json"
  static let jsonSHA256 = "34b20c27b4f4cbb1cbf6dd42d4e3cde65c75b374d9305fc8a4f3256bae58e0ae"
  static let celestrak = "omm/celestrak-iss-gp-excerpt.json"
  static let celestrakSHA256 = "868d5ec2e816bdd74e889acb087db40035a2b8e6f829cae9200cb43969f1d67a"

  static let issTLE = (
    "1 25544U 98067A   19093.54651620  .00001767  00000-0  35856-4 0  9993",
    "2 25544  51.6445  12.2674 0002441 141.3518 216.2348 15.52476822163652")
  static let geoTLE = (
    "1 28626U 05008A   06176.46683397 -.00000205  00000-0  10000-3 0  2190",
    "2 28626   0.0019 286.9433 0000335  13.7918  55.6504  1.00270176  4891")

  static func text(_ path: String, _ sha: String) throws -> String {
    try #require(try ReferenceData.verifySHA256(path, expected: sha))
    return try ReferenceData.text(path)
  }
}

@Suite("OMM: KVN and CelesTrak JSON to SGP4")
struct OMMTests {
  /// The OMMs carry the TLEs' digits, so the states must agree to rounding of the epoch's
  /// day fraction (1 ulp of the day ≈ 1 ns): 1e-9 km.
  static let positionToleranceKm = 1e-9
  static let velocityToleranceKmPerSecond = 1e-12

  /// States of two models over ±1 day (and, for the 24 h resonance, 10 days).
  static func compare(_ a: SGP4, _ b: SGP4, _ label: String) {
    for t in stride(from: -1440.0, through: 14_400.0, by: 97.0) {
      let sa = a.propagate(minutesSinceEpoch: t), sb = b.propagate(minutesSinceEpoch: t)
      switch (sa, sb) {
      case (.success(let x), .success(let y)):
        #expect((x.position - y.position).norm <= positionToleranceKm, "\(label) t=\(t)")
        #expect((x.velocity - y.velocity).norm <= velocityToleranceKmPerSecond, "\(label) t=\(t)")
      default:
        #expect(sa == sb, "\(label) t=\(t)")
      }
    }
  }

  @Test("KVN ISS (near Earth) and 28626 (deep space, day-of-year epoch) give the TLE's elements and states",
        .tags(.validation), arguments: [
          (OMMFiles.iss, OMMFiles.issSHA256, OMMFiles.issTLE.0, OMMFiles.issTLE.1),
          (OMMFiles.geo, OMMFiles.geoSHA256, OMMFiles.geoTLE.0, OMMFiles.geoTLE.1),
        ])
  func kvnMatchesTLE(path: String, sha: String, line1: String, line2: String) throws {
    let omm = try OMM.parseKVN(try OMMFiles.text(path, sha), fileName: path)
    let tle = try TLE(line1: line1, line2: line2)
    #expect(omm.noradCatalogID == tle.catalogNumber)
    #expect(omm.epochYear == tle.epochYear)
    #expect(abs(omm.epochDayOfYear - tle.epochDayOfYear) <= 2 * tle.epochDayOfYear.ulp)
    #expect(omm.meanMotion == tle.meanMotion && omm.eccentricity == tle.eccentricity)
    #expect(omm.inclination == tle.inclination && omm.raan == tle.raan)
    #expect(omm.argumentOfPericenter == tle.argumentOfPerigee && omm.meanAnomaly == tle.meanAnomaly)
    // B* and ṅ/2 are read from different notations (0.35856E-4 vs 35856-4): one ulp apart at most.
    #expect(abs(omm.bstar - tle.bstar) <= tle.bstar.ulp)
    #expect(abs(omm.meanMotionDot - tle.meanMotionDotOver2) <= tle.meanMotionDotOver2.ulp)
    #expect(omm.elementSetNumber == tle.elementSetNumber && omm.revolutionNumber == tle.revolutionNumber)
    // The OMM written back as a TLE is the input TLE, column for column.
    let lines = omm.tle.formattedLines()
    #expect(lines.line1 == line1)
    #expect(lines.line2 == line2)
    Self.compare(try SGP4(omm: omm), try SGP4(tle: tle), path)
  }

  @Test("GP JSON written from the same TLEs gives the same states", .tags(.validation))
  func jsonMatchesTLE() throws {
    let omms = try OMM.parseJSON(try OMMFiles.text(OMMFiles.json, OMMFiles.jsonSHA256), fileName: "gp-from-tles.json")
    #expect(omms.count == 2)
    let tles = [OMMFiles.issTLE, OMMFiles.geoTLE]
    for (omm, lines) in zip(omms, tles) {
      let tle = try TLE(line1: lines.0, line2: lines.1)
      #expect(omm.tle.formattedLines().line1 == lines.0)
      #expect(omm.tle.formattedLines().line2 == lines.1)
      Self.compare(try SGP4(omm: omm), try SGP4(tle: tle), "json \(omm.noradCatalogID)")
    }
    // KVN and JSON of the same set agree exactly.
    let kvn = try OMM.parseKVN(try OMMFiles.text(OMMFiles.iss, OMMFiles.issSHA256), fileName: "iss.omm")
    #expect(kvn.epochDayOfYear == omms[0].epochDayOfYear && kvn.meanMotion == omms[0].meanMotion)
  }

  @Test("real CelesTrak GP JSON: 3 ISS sets read with their values; SGP4 gives an ISS-like orbit",
        .tags(.validation))
  func celestrakExcerpt() throws {
    let omms = try OMM.parseJSON(
      try OMMFiles.text(OMMFiles.celestrak, OMMFiles.celestrakSHA256), fileName: "celestrak.json")
    #expect(omms.count == 3)
    let first = try #require(omms.first)
    #expect(first.objectName == "ISS (ZARYA)" && first.objectID == "1998-067A")
    #expect(first.noradCatalogID == 25544 && first.elementSetNumber == 999 && first.revolutionNumber == 47248)
    #expect(first.meanMotion == 15.49088255 && first.eccentricity == 0.0007613)
    #expect(first.bstar == -0.00036841 && first.meanMotionDot == -0.00020782)
    #expect(first.epochYear == 2024)
    // 2024-09-15 is day 259 of a leap year; 00:58:12.885024 = 3492.885024 s.
    #expect(abs(first.epochDayOfYear - (259.0 + 3492.885024 / 86400.0)) < 1e-12)
    #expect(first.tle.formattedLines().line1.hasPrefix("1 25544U 98067A   24259.04042691"))
    for omm in omms {
      let s = try SGP4(omm: omm).state(minutesSinceEpoch: 0)
      let radius = s.position.norm
      #expect(radius > 6700 && radius < 6850, "\(radius) km")
    }
  }

  @Test("bad OMMs: each error names file, line or element, and keyword", .tags(.regression),
        arguments: [
          ("EPOCH = 2019-04-03T13:06:58\nMEAN_MOTION = abc\n", "bad.omm:2: MEAN_MOTION: 'abc' is not a number"),
          ("EPOCH = 2019-04-03T13:06:58\n", "bad.omm: MEAN_MOTION: missing"),
          ("MEAN_MOTION = 15.5 [rad/s]\n", "bad.omm:1: MEAN_MOTION: unit [rad/s] where the standard has [rev/day]"),
          ("EPOCH = 2019-13-03T13:06:58\n", "bad.omm:1: EPOCH: '2019-13-03T13:06:58' is not a UTC epoch"),
          ("INCLINATION = 1\nINCLINATION = 2\n", "bad.omm:2: INCLINATION: given twice"),
          ("just text\n", "bad.omm:1: not a 'KEY = value' line: 'just text'"),
          ("MEAN_ELEMENT_THEORY = DSST\n", "bad.omm:1: MEAN_ELEMENT_THEORY: mean elements of theory 'DSST', not SGP4"),
        ])
  func kvnErrors(text: String, message: String) {
    do {
      _ = try OMM.parseKVN(text, fileName: "bad.omm")
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.description.hasPrefix(message), "\(error.description)")
    }
  }

  @Test("bad JSON OMMs: element index and key in the message", .tags(.regression),
        arguments: [
          ("[{\"EPOCH\": \"2019-04-03T13:06:58\"}]", "bad.json: [0].MEAN_MOTION: missing"),
          ("[{}, {\"EPOCH\": 5}]", "bad.json: [0].EPOCH: missing"),
          ("{\"EPOCH\": [1]}", "bad.json: [0].EPOCH: 'an array' is not a number or a string"),
          ("[1]", "bad.json: [0]: expected an OMM object"),
          ("[", "bad.json:1: JSON: "),
        ])
  func jsonErrors(text: String, message: String) {
    do {
      _ = try OMM.parseJSON(text, fileName: "bad.json")
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.description.hasPrefix(message), "\(error.description)")
    }
  }
}
