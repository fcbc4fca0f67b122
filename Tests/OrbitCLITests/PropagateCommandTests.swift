import Foundation
import OrbitCore
import Testing
import _OrbitTestSupport

/// `orbit propagate`: numerical two-body against the Kepler closed form, SGP4 against the
/// Vallado reference, and the validation of every flag.
@Suite struct PropagateCommandTests {
  /// Issue 4's acceptance bound for two-body numerical vs Kepler over a day.
  static let oneMillimeterKm = 1e-6

  static func rows(_ csv: String) -> [[Double]] {
    csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
  }

  static let iss = ["--keplerian", "6796,0.0005,51.64,30,40,50", "--epoch", "2024-01-01T00:00:00Z"]

  @Test(
    "numerical point mass equals the Kepler closed form within 1 mm after one ISS day",
    .tags(.validation),
    arguments: [
      ["--integrator", "dp87", "--tolerance-m", "1e-8"],
      ["--integrator", "rkn1210", "--tolerance-m", "1e-8"],
      // Störmer–Cowell at a fixed 60 s step (1,440 steps, one force evaluation each).
      ["--integrator", "sc11", "--fixed-step-s", "60"],
    ])
  func numericalTwoBodyMatchesKepler(_ integrator: [String]) {
    let span = ["--duration-s", "86400", "--step-s", "3600"]
    let kepler = orbit(["propagate"] + Self.iss + span + ["--propagator", "kepler"])
    let numerical = orbit(["propagate"] + Self.iss + span + ["--forces", "point-mass"] + integrator)
    #expect(kepler.code == 0 && numerical.code == 0, "\(kepler.stderr)\(numerical.stderr)")
    #expect(kepler.stdout.hasPrefix("t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s\n"))
    let k = Self.rows(kepler.stdout), n = Self.rows(numerical.stdout)
    #expect(k.count == 25 && n.count == 25)
    for (a, b) in zip(k, n) {
      #expect(a[0] == b[0])
      let dr = (SIMD3(a[1], a[2], a[3]) - SIMD3(b[1], b[2], b[3])).norm
      #expect(dr <= Self.oneMillimeterKm, "t = \(a[0]) s: |Δr| = \(dr * 1e6) mm")
    }
  }

  @Test("sgp4 through propagate equals SGP4 of the Vallado set turned to GCRF", .tags(.validation))
  func sgp4MatchesTheReference() throws {
    // Case 00005 of SGP4-VER.TLE (epoch 2000-06-27): tcppver.out's TEME states at 0 and 360 min.
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let file = dir + "/00005.tle"
    writeText(
      """
      1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753
      2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667

      """, to: file)
    let r = orbit("propagate", "--tle", file, "--duration-s", "21600", "--step-s", "21600")
    #expect(r.code == 0, "\(r.stderr)")
    let rows = Self.rows(r.stdout)
    try #require(rows.count == 2)
    let blocks = try ValladoFiles.blocks()
    let ref = try #require(blocks.first { $0.norad == 5 })
    let tle = try TLE(
      line1: "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
      line2: "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667")
    let epoch = try tle.epoch()
    for (row, minutes) in zip(rows, [0.0, 360.0]) {
      let refRow = try #require(ref.rows.first { $0.t == minutes })
      // TEME → GCRF with OrbitCore (the transform needs no EOP for TEME ↔ GCRF).
      let x = try FrameTransform.between(.teme, .gcrf, at: epoch + minutes * 60, eop: .zero)
      let rv = x.apply(position: refRow.r * 1000, velocity: refRow.v * 1000)
      let dr = (SIMD3(row[1], row[2], row[3]) - rv.position / 1000).norm
      let dv = (SIMD3(row[4], row[5], row[6]) - rv.velocity / 1000).norm
      #expect(row[0] == minutes * 60)
      #expect(dr <= Self.oneMillimeterKm, "t = \(minutes) min: |Δr| = \(dr) km")
      #expect(dv <= 1e-8, "t = \(minutes) min: |Δv| = \(dv) km/s")
    }
  }

  @Test func fullForceRunsAndFormats() throws {
    let dir = makeTemporaryDirectory()
    defer { removeItem(dir) }
    let base = ["propagate"] + Self.iss + [
      "--duration-s", "600", "--step-s", "300", "--forces", "egm96:8x8,drag:harris-priester,sun,moon,srp",
      "--mass-kg", "420000", "--drag-area-m2", "1600",
    ]
    let csv = orbit(base)
    #expect(csv.code == 0, "\(csv.stderr)")
    #expect(Self.rows(csv.stdout).map { $0[0] } == [0, 300, 600])
    let json = orbit(base + ["--format", "json"])
    let doc = try #require(foundationJSON(json.stdout))
    #expect(doc["frame"] as? String == "gcrf")
    #expect(doc["forces"] as? [String] == ["egm96:8x8", "drag:harris-priester", "sun", "moon", "srp"])
    #expect((doc["states"] as? [Any])?.count == 3)
    let out = dir + "/iss.oem"
    let oem = orbit(base + ["--format", "oem", "--output", out])
    #expect(oem.code == 0 && oem.stdout.isEmpty)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.contains("REF_FRAME = GCRF\n"))
    #expect(text.contains("START_TIME = 2024-01-01T00:00:00.000000\n"))
    #expect(text.contains("STOP_TIME = 2024-01-01T00:10:00.000000\n"))
    #expect(listing(dir) == ["iss.oem"])
  }

  @Test(arguments: [
    ([String](), "expected one of --keplerian, --state, --tle"),
    (["--state", "7000,0,0,0,7.5,0", "--keplerian", "7000,0,0,0,0,0"], "cannot be used together"),
    (["--keplerian", "7000,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z"], "--keplerian: expected 6 comma-separated numbers"),
    (["--keplerian", "7000,0,0,0,0,x", "--epoch", "2024-01-01T00:00:00Z"], "--keplerian: field 6 of 6 is not a number"),
    (["--keplerian", "7000,0,0,0,0,0"], "missing --epoch"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "yesterday"], "--epoch:"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--step-s", "0"], "--step-s must be > 0"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--step-s", "nan"], "--step-s: not a finite number"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--propagator", "sgp4"], "--propagator sgp4 needs --tle"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--propagator", "kepler", "--forces", "j2"],
     "--forces applies to --propagator numerical only"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "j3"], "--forces: unknown force model \"j3\""),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "j2,zonal6"], "both gravity fields"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "egm96:20x30"], "order must be in 0…degree"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "sun"], "no gravity field"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "j2,drag:harris-priester"], "--mass-kg is needed with drag"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "j2,drag:exponential", "--mass-kg", "100", "--drag-area-m2", "1",
      "--integrator", "rkn1210"], "rkn1210 (Runge–Kutta–Nyström) needs velocity-independent forces"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--forces", "j2,drag:exponential", "--mass-kg", "100", "--drag-area-m2", "1",
      "--integrator", "sc11"], "sc11 (Störmer–Cowell) needs velocity-independent forces"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--integrator", "sc11", "--tolerance-m", "1"], "--tolerance-m does not apply to sc11"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--fixed-step-s", "30"], "--fixed-step-s applies to the fixed-step integrators"),
    // 0.1 rad of the angular rate of a 7000 km circular orbit is 92.76 s.
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--integrator", "sc11", "--fixed-step-s", "600"],
     "sc11 (Störmer–Cowell) is unstable at a 600 s step on this orbit; use at most 92.7 s"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--cd", "2.2"], "--cd needs drag in --forces"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--integrator", "rk45"], "--integrator: unknown value \"rk45\""),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2024-01-01T00:00:00Z", "--integrator", "rk4", "--tolerance-m", "1"], "--tolerance-m does not apply to rk4"),
  ])
  func badFlagsExit64(_ extra: [String], _ message: String) {
    var args = ["propagate"] + extra
    if !extra.contains("--step-s") { args += ["--step-s", "60"] }
    args += ["--duration-s", "600"]
    let r = orbit(args)
    #expect(r.code == 64, "\(args): \(r.stderr)")
    #expect(r.stderr.hasPrefix("orbit: propagate: "), "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stdout.isEmpty)
  }

  @Test(arguments: [
    (["--keplerian", "7000,1.2,0,0,0,0"], "--keplerian: eccentricity must be in [0, 1)"),
    (["--keplerian", "6000,0,0,0,0,0"], "inside the Earth"),
    (["--state", "7000,0,0,7.5,0,0"], "parallel"),
    (["--keplerian", "7000,0,0,0,0,0", "--forces", "j2,srp", "--mass-kg", "-1", "--srp-area-m2", "1"], "--mass-kg must be > 0 kg"),
    (["--keplerian", "7000,0,0,0,0,0", "--epoch", "2023-02-30T00:00:00Z"], "--epoch:"),
  ])
  func impossibleValuesExit65(_ extra: [String], _ message: String) {
    var args = ["propagate"] + extra + ["--step-s", "60", "--duration-s", "600"]
    if !extra.contains("--epoch") { args += ["--epoch", "2024-01-01T00:00:00Z"] }
    let r = orbit(args)
    #expect(r.code == 65, "\(args): \(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  @Test func missingTLEFileExits1() {
    let r = orbit("propagate", "--tle", "/nonexistent.tle", "--duration-s", "60", "--step-s", "60")
    #expect(r.code == 1)
    #expect(r.stderr == "orbit: propagate: /nonexistent.tle: cannot read: No such file or directory\n")
  }
}
