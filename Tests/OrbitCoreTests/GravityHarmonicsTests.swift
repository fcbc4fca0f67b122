// Validation of the EGM96 spherical-harmonic model: the embedded coefficients against the GMAT
// file they came from, accelerations against Orekit's Holmes–Featherstone model
// (Tests/ReferenceData/orekit/, see PROVENANCE.md there), and the zonal closed form against the
// zonal-only harmonic expansion.

#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Gravity: EGM96 spherical harmonics", .tags(.validation))
struct GravityHarmonicsTests {
  static let cofFile = "gravity/EGM96.cof"
  static let cofSHA256 = "3e8806223250224d3c1333a010eb5c2cc5a212a56ccee4024db81b9d889db5ea"
  static let orekitFile = "orekit/egm96_gravity_accelerations.csv"
  static let orekitSHA256 = "95b3b81aec973679cbf16bd5dc92968456c93752c7e161673aac4c7deb10e558"

  /// Relative tolerance on the total acceleration: 1e-12 is the acceptance bound. Both
  /// sides sum up to 65 000 rounded terms in a different order, which costs ~1e-15 of |a|.
  static let totalRelativeTolerance = 1e-12

  @Test("The embedded EGM96 coefficients equal every value of EGM96.cof")
  func embeddedCoefficientsMatchFile() throws {
    let field = GravityFieldCoefficients.egm96
    #expect(field.degree == 360 && field.order == 360)
    #expect(field.gravitationalParameter == 3.986004415e14)
    #expect(field.referenceRadius == 6_378_136.3)
    #expect(field.c(0, 0) == 1 && field.c(1, 0) == 0 && field.c(1, 1) == 0 && field.s(1, 1) == 0)
    let bytes = try ReferenceData.bytes(Self.cofFile)
    #expect(SHA256.hex(of: bytes) == Self.cofSHA256, "EGM96.cof differs from the file PROVENANCE.md describes")
    var count = 0
    var mismatches = 0
    // RECOEF lines: cols 8–10 n, 11–13 m, 17–37 C, 38–58 S (PROVENANCE.md); CRLF endings.
    var lineStart = 0
    for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
      let line = Array(bytes[lineStart..<i])
      lineStart = i + 1
      guard line.starts(with: Array("RECOEF".utf8)) else { continue }
      func column(_ range: Range<Int>) -> String {
        String(decoding: line[min(range.lowerBound, line.count)..<min(range.upperBound, line.count)], as: UTF8.self)
          .filter { $0 != " " && $0 != "\r" }
      }
      let n = try #require(Int(column(8..<11)))
      let m = try #require(Int(column(11..<14)))
      let c = try #require(Double(column(17..<38)))
      let s = m == 0 ? 0 : try #require(Double(column(38..<59)))
      if field.c(n, m) != c || field.s(n, m) != s { mismatches += 1 }
      count += 1
    }
    #expect(count == 65_338)
    #expect(mismatches == 0)
  }

  struct Row {
    var degree: Int
    var position: Vector3
    var nonCentral: Vector3
    var gm: Double
  }

  static func rows() throws -> [Row] {
    try ReferenceData.verifySHA256(Self.orekitFile, expected: Self.orekitSHA256)
    return try ReferenceData.csvRows(Self.orekitFile).map { r in
      func v(_ key: String) throws -> Double { try #require(r[key].flatMap(Double.init), "column \(key)") }
      return Row(
        degree: try #require(r["degree"].flatMap(Int.init)),
        position: Vector3(try v("x_m"), try v("y_m"), try v("z_m")),
        nonCentral: Vector3(
          try v("ax_noncentral_m_s2"), try v("ay_noncentral_m_s2"), try v("az_noncentral_m_s2")),
        gm: try v("gm_m3_s2"))
    }
  }

  @Test("Accelerations agree with Orekit Holmes–Featherstone to 1e-12 relative", arguments: [2, 20, 70, 360])
  func agreesWithOrekit(degree: Int) throws {
    let rows = try Self.rows().filter { $0.degree == degree }
    #expect(rows.count >= 100)
    let full = SphericalHarmonicGravity(field: .egm96, degree: degree, order: degree)
    let perturbation = SphericalHarmonicGravity(
      field: .egm96, degree: degree, order: degree, includesCentralTerm: false)
    var worstTotal = 0.0
    var worstNonCentral = 0.0
    for row in rows {
      let p = row.position
      let central = (-row.gm / (p.normSquared * p.norm)) * p
      let expected = central + row.nonCentral
      let actual = full.acceleration(itrfPosition: p)
      worstTotal = max(worstTotal, (actual - expected).norm / expected.norm)
      let nc = perturbation.acceleration(itrfPosition: p)
      worstNonCentral = max(worstNonCentral, (nc - row.nonCentral).norm / row.nonCentral.norm)
      expectClose(actual, expected, relative: Self.totalRelativeTolerance, "degree \(degree) at \(p)")
    }
    // The perturbation alone (1e-3 of |a| at LEO, 1e-5 at GEO) is held to 1e-12 of itself:
    // measured ~4e-15 at 360×360, so this leaves margin for summation-order rounding only.
    #expect(worstNonCentral < 1e-12, "degree \(degree): worst non-central relative error \(worstNonCentral)")
    print("EGM96 \(degree)x\(degree) vs Orekit: max relative error total \(worstTotal), non-central \(worstNonCentral)")
  }

  @Test("An order-limited expansion equals the full one on coefficients zeroed above that order", arguments: [0, 4, 5, 19])
  func orderLimited(order: Int) throws {
    // Degree 20, order M: the evaluation stops after column M + 1 (an even or odd number of
    // columns); the reference is the full 20×20 evaluation of a field whose m > M terms are 0.
    let egm = GravityFieldCoefficients.egm96
    let count = 21 * 22 / 2
    var c = [Double](repeating: 0, count: count), s = c
    for n in 0...20 {
      for m in 0...min(n, order) {
        c[n * (n + 1) / 2 + m] = egm.c(n, m)
        s[n * (n + 1) / 2 + m] = egm.s(n, m)
      }
    }
    let zeroed = try #require(
      GravityFieldCoefficients(
        degree: 20, order: 20, gravitationalParameter: egm.gravitationalParameter,
        referenceRadius: egm.referenceRadius, c: c, s: s))
    let limited = SphericalHarmonicGravity(field: egm, degree: 20, order: order)
    let full = SphericalHarmonicGravity(field: zeroed, degree: 20, order: 20)
    var rng = ForceTestRandom(seed: UInt64(order) + 11)
    for _ in 0..<50 {
      let v = Vector3(2 * rng.unit() - 1, 2 * rng.unit() - 1, 2 * rng.unit() - 1)
      let p = v / v.norm * (6_578_137.0 + 2_000e3 * rng.unit())
      // Same terms, partly different summation grouping: rounding only (1e-15 of |a|).
      expectClose(limited.acceleration(itrfPosition: p), full.acceleration(itrfPosition: p), relative: 1e-14)
    }
  }

  @Test("Zonal-only harmonics (m = 0, n ≤ 6) equal the closed-form J2…J6 model")
  func zonalClosedFormMatchesHarmonics() throws {
    let egm = GravityFieldCoefficients.egm96
    let count = 7 * 8 / 2
    var c = [Double](repeating: 0, count: count)
    for n in 2...6 { c[n * (n + 1) / 2] = egm.c(n, 0) }
    let zonalField = try #require(
      GravityFieldCoefficients(
        degree: 6, order: 0, gravitationalParameter: egm.gravitationalParameter,
        referenceRadius: egm.referenceRadius, c: c, s: [Double](repeating: 0, count: count)))
    let harmonics = SphericalHarmonicGravity(field: zonalField, degree: 6, order: 0, includesCentralTerm: false)
    let closed = ZonalGravity(.egm96)
    var rng = ForceTestRandom(seed: 7)
    var worst = 0.0
    for _ in 0..<200 {
      let r = 6_578_137.0 + 36_000e3 * rng.unit()
      let z = 2 * rng.unit() - 1
      let lon = 2 * Double.pi * rng.unit()
      let rho = (1 - z * z).squareRoot()
      let p = Vector3(r * rho * cos(lon), r * rho * sin(lon), r * z)
      let a: Vector3 = closed.zonalAcceleration(itrfPosition: p)
      let b: Vector3 = harmonics.acceleration(itrfPosition: p)
      worst = max(worst, (a - b).norm / b.norm)
      // 1e-13 of the zonal acceleration: two exact formulations differing only in rounding
      // (the Legendre recursion vs explicit polynomials, ~10 roundings each).
      expectClose(a, b, relative: 1e-13, "at \(p)")
    }
    print("zonal closed form vs m = 0 harmonics: max relative difference \(worst)")
  }
}

/// A small deterministic generator (SplitMix64) for test points.
struct ForceTestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
