// The non-default SGP4 settings (WGS-84 constants, AFSPC operation mode) against python-sgp4 2.27
// (Vallado's C++ code) for the verification TLEs; tcppver.out covers only WGS-72 with 'i'.
//
// Reference data: Tests/ReferenceData/vallado-sgp4/options/ (generate.py, PROVENANCE.md).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("SGP4 options against python-sgp4 2.27")
struct SGP4OptionsTests {
  static let csvPath = "vallado-sgp4/options/options.csv"
  static let csvSHA256 = "60a1fe2aa46c0e3f0234b9da3fb0d49543b435d10447eeee23e87148a68eadab"
  /// The acceptance bound of issue 3 (1 mm); the same code on the same machine agrees far better.
  static let positionToleranceKm = 1e-6
  /// The acceptance bound of issue 3 for velocity.
  static let velocityToleranceKmPerSecond = 1e-8

  @Test("WGS-84/'i', WGS-72/'a' and WGS-84/'a': every state and error code of options.csv",
        .tags(.validation))
  func options() throws {
    try #require(try ReferenceData.verifySHA256(Self.csvPath, expected: Self.csvSHA256))
    let rows = try ReferenceData.csvRows(Self.csvPath)
    let cases = try ValladoCases.load()
    try #require(rows.count > 1000)
    var maxR = 0.0
    var maxV = 0.0
    var errorsSeen = 0
    for row in rows {
      let index = try #require(Int(row["case"] ?? "")) - 1
      let tle = cases[index].record.tle
      try #require(String(tle.catalogNumber) == row["norad"])
      let gravity: SGP4.Gravity = row["gravity"] == "wgs84" ? .wgs84 : .wgs72
      let mode: SGP4.OperationMode = row["opsmode"] == "a" ? .afspc : .improved
      let t = try #require(Double(row["minutes"] ?? ""))
      let code = try #require(Int(row["error"] ?? ""))
      let label = "case \(index + 1) (\(tle.catalogNumber)) \(gravity)/\(mode) t=\(t)"
      let result: Result<SGP4State, SGP4Error>
      do {
        result = try SGP4(tle: tle, gravity: gravity, mode: mode).propagate(minutesSinceEpoch: t)
      } catch {
        result = .failure(error)
      }
      if code != 0 {
        errorsSeen += 1
        #expect(result == .failure(SGP4Error(rawValue: code)!), "\(label)")
        continue
      }
      guard case .success(let state) = result else {
        Issue.record("\(label): \(result)")
        continue
      }
      let values = try ["x_km", "y_km", "z_km", "vx_km_s", "vy_km_s", "vz_km_s"].map {
        try #require(Double(row[$0] ?? ""))
      }
      let dr = (state.position - Vector3(values[0], values[1], values[2])).norm
      let dv = (state.velocity - Vector3(values[3], values[4], values[5])).norm
      maxR = max(maxR, dr)
      maxV = max(maxV, dv)
      #expect(dr <= Self.positionToleranceKm, "\(label): |Δr| = \(dr) km")
      #expect(dv <= Self.velocityToleranceKmPerSecond, "\(label): |Δv| = \(dv) km/s")
    }
    #expect(errorsSeen == 9)  // 28872 (6), 33333 (4), 33334 (3) under each of the 3 settings
    print("SGP4 options vs python-sgp4: \(rows.count) rows, max |Δr| = \(maxR * 1e6) mm, max |Δv| = \(maxV) km/s")
  }

  @Test("the settings matter: WGS-84 and AFSPC move a deep-space state by more than the tolerance",
        .tags(.property))
  func settingsAreUsed() throws {
    let cases = try ValladoCases.load()
    // 23599 (ARIANE 42P+3 R/B): below 0.2 rad inclination, where the AFSPC mode keeps the node
    // in [0, 2π) in the Lyddane branch; python-sgp4 shows a 1 km difference at 1440 min, and
    // it is the only verification case where the modes differ at that time.
    let ariane = try #require(cases.first { $0.record.tle.catalogNumber == 23599 }).record.tle
    let t = 1440.0
    let base = try SGP4(tle: ariane).state(minutesSinceEpoch: t).position
    let wgs84 = try SGP4(tle: ariane, gravity: .wgs84).state(minutesSinceEpoch: t).position
    let afspc = try SGP4(tle: ariane, mode: .afspc).state(minutesSinceEpoch: t).position
    #expect((wgs84 - base).norm > 1e-3)  // > 1 m
    expectClose((afspc - base).norm, 1.0244902150214723, absolute: 1e-6, "python-sgp4 2.27 difference (km)")
  }
}
