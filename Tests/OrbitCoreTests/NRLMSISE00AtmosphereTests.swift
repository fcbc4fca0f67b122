// NRLMSISE-00 as an `Atmosphere`: the embedded coefficients equal the distribution's numbers,
// the GCRF-position density equals the model evaluated at the geodetic point with the looked-up
// space weather, and an uncovered epoch gives NaN (or the fallback's value).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("NRLMSISE-00: embedded coefficients and the Atmosphere conformance")
struct NRLMSISE00AtmosphereTests {
  @Test("every embedded coefficient equals the number in nrlmsise-00_data.c")
  func coefficients() throws {
    #expect(
      try ReferenceData.verifySHA256(
        "nrlmsise00/nrlmsise-00_data.c",
        expected: try provenanceHash(file: "nrlmsise-00_data.c", in: "nrlmsise00/PROVENANCE.md")))
    let tables = try Self.cTables(try ReferenceData.text("nrlmsise00/nrlmsise-00_data.c"))
    let c = NRLMSISE00Coefficients.standard
    #expect(tables["pt"] == c.temperature)
    #expect(tables["pd"] == c.density)
    #expect(tables["ps"] == c.gradient)
    #expect(tables["pdl"] == c.turbopause)
    #expect(tables["ptm"] == c.lowerBoundary)
    #expect(tables["pdm"] == c.lowerBoundaryDensity)
    #expect(tables["ptl"] == c.thermosphereNodes)
    #expect(tables["pma"] == c.mesosphereNodes)
    #expect(tables["pavgm"] == c.middleAtmosphereAverages)
    #expect(c.density.count == 1350 && c.mesosphereNodes.count == 1000)
  }

  /// The numbers of each `double name[..] = { ... };` array of the C file, comments removed.
  static func cTables(_ text: String) throws -> [String: [Double]] {
    var clean = ""
    var rest = Substring(text)
    while let open = rest.firstRange(of: "/*") {
      clean += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "*/") else { break }
      rest = rest[close.upperBound...]
    }
    clean += rest
    var out: [String: [Double]] = [:]
    var scan = Substring(clean)
    while let decl = scan.firstRange(of: "double ") {
      let after = scan[decl.upperBound...]
      guard let bracket = after.firstIndex(of: "["), let brace = after.firstIndex(of: "{"),
        let end = after.firstRange(of: "};")
      else { break }
      let name = String(after[..<bracket]).trimmingCharacters()
      let body = after[after.index(after: brace)..<end.lowerBound]
      out[name] = body.split(whereSeparator: { ", \n\t{}".contains($0) }).compactMap { Double($0) }
      scan = after[end.upperBound...]
    }
    return out
  }

  @Test("density at a GCRF position = model at the geodetic point with the table's indices")
  func gcrfDensity() throws {
    let model = NRLMSISE00()
    let epoch = try Epoch(iso8601: "2024-05-10T18:30:00Z")
    // An identity GCRF→ITRF rotation keeps the check about this model, not the frames.
    let context = ForceContext(referenceEpoch: epoch)
    let point = GeodeticPoint(latitude: 0.6, longitude: -1.2, altitude: 415_000)
    let position = point.cartesian()
    let rho = model.density(position: position, context: context)
    let w = try SpaceWeather.builtIn.indices(at: epoch)
    let g = ReferenceEllipsoid.wgs84.geodetic(from: position)
    let doy = CivilDate(year: 2024, month: 5, day: 10).dayOfYear
    let expected = model.evaluate(
      NRLMSISE00.Input(
        dayOfYear: doy, secondsOfDay: 18.5 * 3600, altitude: g.altitude, latitude: g.latitude,
        longitude: g.longitude, f107: w.f107, f107Average: w.f107Average, ap: w.ap))
    #expect(rho == expected.dragMassDensity)
    #expect(rho > 1e-12 && rho < 1e-10, "ISS altitude during a severe storm")
    // The 3-hourly mode uses the AP array (different, still physical).
    let storm = NRLMSISE00(magneticMode: .apHistory).density(position: position, context: context)
    #expect(storm != rho && storm > 0)
  }

  @Test("an uncovered epoch gives NaN without a fallback, the fallback's density with one")
  func uncovered() throws {
    let epoch = try Epoch(iso8601: "2027-01-15T00:00:00Z")
    let context = ForceContext(referenceEpoch: epoch)
    let position = GeodeticPoint(latitude: 0, longitude: 0, altitude: 400_000).cartesian()
    #expect(NRLMSISE00().density(position: position, context: context).isNaN)
    let fallback = NRLMSISE00(spaceWeather: SpaceWeather(fallback: .constant(f107: 150, f107Average: 150, ap: 4)))
    let rho = fallback.density(position: position, context: context)
    let expected = fallback.evaluate(
      NRLMSISE00.Input(
        dayOfYear: 15, secondsOfDay: 0, altitude: 400_000, latitude: 0, longitude: 0, f107: 150,
        f107Average: 150, ap: 4))
    let geodeticInversion = 1e-9  // relative; altitude from the cartesian round trip (< 1 nm)
    expectClose(rho, expected.dragMassDensity, relative: geodeticInversion)
    // As a drag model.
    let drag = AtmosphericDrag(atmosphere: fallback)
    let properties = SpacecraftProperties(dragArea: 10, dragCoefficient: 2.2)
    let a = drag.acceleration(
      position: position, velocity: Vector3(0, 7_670, 0), mass: 1000,
      context: ForceContext(referenceEpoch: epoch, properties: properties))
    #expect(a.y < 0 && a.y > -1e-4)
  }
}

@Test("NRLMSISE00/README.md usage snippet compiles and runs")
func nrlmsiseReadmeExample() {
  let atmosphere = NRLMSISE00()  // built-in space weather, daily Ap
  let storm = NRLMSISE00(magneticMode: .apHistory)  // 3-hourly AP array (switch 9 = −1)
  let future = NRLMSISE00(spaceWeather: SpaceWeather(fallback: .lastMean))
  let drag = AtmosphericDrag(atmosphere: atmosphere)
  let out = atmosphere.evaluate(
    NRLMSISE00.Input(
      dayOfYear: 172, secondsOfDay: 29_000, altitude: 400_000, latitude: 1.047, longitude: -1.222, f107: 150,
      f107Average: 150, ap: 4))
  #expect(out.dragMassDensity > 1e-12 && out.dragMassDensity < 5e-12)  // 400 km, F10.7 = 150, night side
  #expect(storm.magneticMode == .apHistory && future.spaceWeather.fallback == .lastMean)
  #expect(drag.atmosphere.magneticMode == .dailyAp)
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
