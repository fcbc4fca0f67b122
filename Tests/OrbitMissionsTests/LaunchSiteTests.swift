import OrbitCore
import OrbitMissions
import Testing

/// The pad catalogue against its sources (LaunchSite.swift doc comments).
@Suite struct LaunchSiteTests {
  /// Site 1/5: 45°55′13″ N, 63°20′32″ E ("Baikonur Cosmodrome Site 1", encyclopaedia article).
  @Test func gagarinsStartMatchesThePublishedDMS() throws {
    let p = try LaunchSite.named("baikonur-1").position
    let lat = 45 + 55 / 60.0 + 13 / 3600.0, lon = 63 + 20 / 60.0 + 32 / 3600.0
    // Half an arcsecond: the published figure is rounded to 1″.
    #expect(abs(p.latitude / Angle.degree - lat) <= 0.5 / 3600)
    #expect(abs(p.longitude / Angle.degree - lon) <= 0.5 / 3600)
  }

  /// Site 31/6 lies east of Site 1 (RussianSpaceWeb) by ~17–18 km, and neither is the
  /// cosmodrome's reference point (45.965 N, 63.305 E).
  @Test func site31IsEastOfSite1() throws {
    let a = LaunchSite.baikonur31.itrfPosition, b = LaunchSite.baikonur1.itrfPosition
    #expect(LaunchSite.baikonur31.position.longitude > LaunchSite.baikonur1.position.longitude)
    let km = (a - b).norm / 1000
    #expect((15...25).contains(km), "\(km) km")
    // On the WGS-84 ellipsoid at 46° N the geocentric radius is ~6367.5 km (+100 m height).
    #expect(abs(a.norm / 1000 - 6367.6) < 0.5)
  }

  @Test func lookupIsCaseInsensitiveAndUnknownNamesListTheValidOnes() throws {
    #expect(try LaunchSite.named("Baikonur-31") == .baikonur31)
    #expect(LaunchSite.all.map(\.name) == ["baikonur-31", "baikonur-1"])
    do throws(LaunchSiteError) {
      _ = try LaunchSite.named("kourou")
      Issue.record("unknown pad accepted")
    } catch {
      #expect(error == .unknownName("kourou", valid: ["baikonur-31", "baikonur-1"]))
    }
  }
}
