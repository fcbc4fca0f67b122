import Foundation
import Testing
import OrbitCLI
import _OrbitTestSupport

/// The shipped ISS scenario against the textbook J2 nodal regression
/// Ω̇ = −(3/2) n J2 (R/p)² cos i (Vallado, 4th ed., eq. 9-41; Curtis, 3rd ed., eq. 4.52), with
/// WGS-84 μ = 398600.4418 km³/s², R = 6378.137 km and J2 = −√5·C̄20, C̄20 = −0.484166774985e-3
/// (NIMA TR8350.2, table 3.3). For a = 6796 km, i = 51.64° this is about −5.0°/day, the
/// well-known ISS node drift.
@Suite struct ISSScenarioValidationTests {
  @Test(.tags(.validation))
  func nodalRegressionOverOneDay() throws {
    let path = packageRoot + "/Scenarios/iss-400km-kepler-vs-j2.json"
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let r = orbit("run", path, "--output", dir)
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("j2-secular − kepler: final |Δr| = "))

    let csv = try String(contentsOfFile: dir + "/states.csv", encoding: .utf8)
    let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(rows.count == 2 * 1441)
    func raanDeg(_ row: [String]) -> Double {
      let v = row[1...6].map { Double($0)! }
      let h = (v[1] * v[5] - v[2] * v[4], v[2] * v[3] - v[0] * v[5])  // (h_x, h_y)
      var raan = atan2(h.0, -h.1) * 180 / Double.pi
      if raan < 0 { raan += 360 }
      return raan
    }
    let keplerLast = try #require(rows.last { $0[7] == "kepler" })
    let j2Last = try #require(rows.last { $0[7] == "j2-secular" })
    #expect(keplerLast[0] == "86400.0")
    expectClose(raanDeg(keplerLast), 120, absolute: 1e-9, "two-body: the plane does not move")

    let mu = 398_600.4418, radius = 6378.137, j2 = 5.0.squareRoot() * 0.484166774985e-3
    let a = 6796.0, e = 0.0005, i = 51.64 * Double.pi / 180
    let n = (mu / (a * a * a)).squareRoot()
    let p = a * (1 - e * e)
    let rate = -1.5 * n * j2 * (radius / p) * (radius / p) * cos(i)  // rad/s
    let expected = 120 + rate * 86_400 * 180 / Double.pi
    #expect(expected > 114.9 && expected < 115.1, "≈ −5.0°/day")
    // 0.005° allows for second-order (J2²) differences between secular theories.
    expectClose(raanDeg(j2Last), expected, absolute: 0.005)
  }
}
