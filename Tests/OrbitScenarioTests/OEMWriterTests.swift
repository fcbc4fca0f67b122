import Foundation
import Testing
import OrbitCore
import OrbitScenario

/// The OEM writer against the structure CCSDS 502.0-B-2 prescribes (§5.2, Tables 5-2 and 5-3):
/// header keywords and their order, META_START/META_STOP with the mandatory metadata keywords
/// in the table's order, one data line per state with seven fields, and values that read back.
@Suite struct OEMWriterTests {
  /// Mandatory header keywords, in the order of Table 5-2 (COMMENT optional, after the version).
  static let headerKeywords = ["CCSDS_OEM_VERS", "CREATION_DATE", "ORIGINATOR"]
  /// Mandatory metadata keywords, in the order of Table 5-3 (the optional ones omitted).
  static let metadataKeywords = [
    "OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", "TIME_SYSTEM", "START_TIME", "STOP_TIME",
  ]
  /// Every keyword Table 5-3 allows in the metadata block.
  static let allowedMetadata = Set(metadataKeywords + [
    "COMMENT", "REF_FRAME_EPOCH", "USEABLE_START_TIME", "USEABLE_STOP_TIME", "INTERPOLATION", "INTERPOLATION_DEGREE",
  ])

  static func states(count: Int, step: Double) throws -> [OEMWriter.State] {
    let start = try Epoch(iso8601: "2024-03-01T12:00:00Z", scale: .utc)
    return (0..<count).map { i in
      let t = Double(i) * step
      let angle = t * 0.0011
      return OEMWriter.State(
        epoch: start + t,
        positionKm: SIMD3(6796.123456789 * cos(angle), 6796.0 * sin(angle) * 0.62, 5321.000000001 * sin(angle)),
        velocityKmPerSecond: SIMD3(-7.512345678912 * sin(angle), 4.7 * cos(angle), 5.9 * cos(angle) + 1e-11))
    }
  }

  @Test func structureKeywordsOrderAndValues() throws {
    let states = try Self.states(count: 25, step: 60)
    let text = try OEMWriter.render(
      [OEMWriter.Segment(objectName: "ISS (ZARYA)", objectID: "1998-067A", frame: .gcrf, comments: ["test"], states: states)],
      creationDate: "2026-01-01T00:00:00.000000")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "")  // ends with a newline
    let nonBlank = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }

    // Header: the three keywords in order, first line is the version.
    #expect(nonBlank[0] == "CCSDS_OEM_VERS = 2.0")
    let headerEnd = try #require(nonBlank.firstIndex(of: "META_START"))
    let header = nonBlank[..<headerEnd].filter { !$0.hasPrefix("COMMENT") }.map { $0.components(separatedBy: " = ")[0] }
    #expect(header == Self.headerKeywords)
    #expect(nonBlank.contains("ORIGINATOR = ORBIT"))

    // Metadata block.
    let metaStop = try #require(nonBlank.firstIndex(of: "META_STOP"))
    let meta = nonBlank[(headerEnd + 1)..<metaStop]
    var keys: [String] = []
    var values: [String: String] = [:]
    for line in meta {
      if line.hasPrefix("COMMENT ") { continue }
      let parts = line.components(separatedBy: " = ")
      try #require(parts.count == 2, "not KEY = value: \(line)")
      #expect(Self.allowedMetadata.contains(parts[0]), "\(parts[0]) is not an OEM metadata keyword")
      keys.append(parts[0])
      values[parts[0]] = parts[1]
    }
    #expect(keys == Self.metadataKeywords)
    #expect(values["CENTER_NAME"] == "EARTH")
    #expect(values["REF_FRAME"] == "GCRF")
    #expect(values["TIME_SYSTEM"] == "UTC")
    #expect(values["START_TIME"] == "2024-03-01T12:00:00.000000")
    #expect(values["STOP_TIME"] == "2024-03-01T12:24:00.000000")
    // Comments directly after META_START (§5.2.3: COMMENT only at the start of the block).
    #expect(meta.first == "COMMENT test")

    // Data: one line per state, 7 blank-separated fields, values within the printed resolution.
    let data = Array(nonBlank[(metaStop + 1)...])
    #expect(data.count == states.count)
    for (line, state) in zip(data, states) {
      let f = line.split(separator: " ").map(String.init)
      try #require(f.count == 7, "\(line)")
      #expect(f[0].range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$"#, options: .regularExpression) != nil, "\(f[0])")
      let epoch = try Epoch(iso8601: f[0] + "Z", scale: .utc)
      #expect(abs(epoch - state.epoch) < 1e-6)
      let numbers = f[1...].map { Double($0)! }
      // 9 decimals in km (half a µm) and 12 in km/s: the round trip is exact to the last digit.
      for k in 0..<3 {
        #expect(abs(numbers[k] - state.positionKm[k]) <= 0.5e-9 + 1e-12)
        #expect(abs(numbers[k + 3] - state.velocityKmPerSecond[k]) <= 0.5e-12 + 1e-15)
      }
    }
  }

  @Test func frameNamesFollowAnnexA() {
    #expect(OEMWriter.referenceFrameName(.gcrf) == "GCRF")
    #expect(OEMWriter.referenceFrameName(.teme) == "TEME")
    #expect(OEMWriter.referenceFrameName(.eme2000) == "EME2000")
    #expect(OEMWriter.referenceFrameName(.itrf).hasPrefix("ITRF"))
  }

  @Test func emptySegmentAndNonFiniteStatesAreErrors() throws {
    #expect(throws: OEMWriter.Failure.self) {
      try OEMWriter.render([OEMWriter.Segment(objectName: "X", objectID: "1", frame: .gcrf, states: [])])
    }
    var states = try Self.states(count: 2, step: 60)
    states[1].positionKm.x = .nan
    #expect(throws: OEMWriter.Failure.self) {
      try OEMWriter.render([OEMWriter.Segment(objectName: "X", objectID: "1", frame: .gcrf, states: states)])
    }
  }

  @Test func creationDateDefaultsToNowInUTC() throws {
    let text = try OEMWriter.render([OEMWriter.Segment(objectName: "X", objectID: "1", frame: .teme, states: try Self.states(count: 1, step: 1))])
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("CREATION_DATE = ") })
    let value = String(line.dropFirst("CREATION_DATE = ".count))
    let now = Date().timeIntervalSince1970
    let epoch = try Epoch(iso8601: value + "Z", scale: .utc)
    let unixEpoch = try Epoch(iso8601: "1970-01-01T00:00:00", scale: .tai)
    // Within a minute of the system clock (TAI − UTC is 37 s, so compare on a loose bound).
    #expect(abs((epoch - unixEpoch) - now) < 120)
  }
}
