#if canImport(Glibc)
  import Glibc
#endif
import OrbitCore
import OrbitMissions
import Testing
import _OrbitTestSupport

/// The insertion state against its definition and the sourced insertion facts.
@Suite struct LaunchAscentTests {
  static func ms22() throws -> MissionRecord {
    try #require(try MissionFiles.records().first { $0.mission == "Soyuz MS-22" })
  }

  @Test func insertionStateIsTheSourcedOrbitInTheStationPlane() throws {
    let r = try Self.ms22()
    let i = try AscentModel.insertion(liftoff: r.liftoff.epoch, pad: r.pad, target: r.stationTLE!.tle)
    #expect(i.epoch - i.liftoff == 529)  // Roscosmos: separation 529 s after liftoff
    #expect(i.ship.frame == .gcrf && i.station.frame == .gcrf)
    let mu = AscentModel.earthMu
    let rs = i.ship.position.norm, v = i.ship.velocity.norm
    let a = 1 / (2 / rs - v * v / mu)
    let h = i.ship.position.cross(i.ship.velocity)
    let e = (i.ship.velocity.cross(h) / mu - i.ship.position / rs).norm
    let ra = a * (1 + e), rp = a * (1 - e)
    // 197 × 221 km above 6378.137 km, to 1 m (vis-viva round trip).
    #expect(abs(rp - 6_378_137 - 197_000) < 1 && abs(ra - 6_378_137 - 221_000) < 1)
    // Coplanar with the station (node offset 0): angle between normals below 1e-9 rad.
    let hs = i.station.position.cross(i.station.velocity)
    #expect(h.unit.cross(hs.unit).norm < 1e-9)
    // Inclination 51.6° ± 0.1° (MS-22 reported 51.63°, der-orion).
    #expect(abs(acos(h.unit.z) / Angle.degree - 51.63) < 0.1)
    // Station ahead by the phase: the angle between the two positions equals it.
    let separation = i.ship.position.unit.dot(i.station.position.unit)
    #expect(abs(acos(separation) - i.phaseAngle) < 1e-6)
    // The station's radius is ISS-like (400–430 km above the equatorial radius).
    #expect((6_778_000...6_808_000).contains(i.station.position.norm))
  }

  /// Progress MS-09's insertion phase (13.6°, Spaceflight Now) calibrates the downrange angle;
  /// the ISS "165 km south-west of the pad" at MS-07's planned 2-orbit liftoff is an independent
  /// check of the geometry: the station's sub-point distance from the pad at that instant.
  @Test func stationNearThePadAtAPlannedTwoOrbitLiftoff() throws {
    let r = try #require(try MissionFiles.records().first { $0.mission == "Progress MS-07" })
    let planned = try #require(r.plannedLiftoff?.epoch)
    let sgp4 = try SGP4Propagator(tle: r.stationTLE!.tle)
    let sub = try sgp4.subPoint(at: planned)
    let pad = r.pad.position
    // Haversine distance on a 6371 km sphere.
    let dLat = sub.latitude - pad.latitude, dLon = sub.longitude - pad.longitude
    let hav = sin(dLat / 2) * sin(dLat / 2) + cos(pad.latitude) * cos(sub.latitude) * sin(dLon / 2) * sin(dLon / 2)
    let distance = 2 * 6371.0 * asin(hav.squareRoot())
    // "165 km SW": allow ±50 km (the news figure is rounded and the TLE is half a day old).
    #expect(abs(distance - 165) <= 50, "distance \(distance) km")
    #expect(sub.latitude < pad.latitude && sub.longitude < pad.longitude, "south-west")
  }

  /// Great-circle distance (km, 6371 km sphere) from the pad to the station's sub-point.
  static func distanceKm(_ r: MissionRecord, at epoch: Epoch) throws -> (km: Double, southWest: Bool) {
    let sub = try SGP4Propagator(tle: r.stationTLE!.tle).subPoint(at: epoch)
    let pad = r.pad.position
    let dLat = sub.latitude - pad.latitude, dLon = sub.longitude - pad.longitude
    let hav = sin(dLat / 2) * sin(dLat / 2) + cos(pad.latitude) * cos(sub.latitude) * sin(dLon / 2) * sin(dLon / 2)
    return (2 * 6371.0 * asin(hav.squareRoot()), dLat < 0 && dLon < 0)
  }

  /// "On 2-orbit days the ISS is a few hundred km south-west of the pad at liftoff"
  /// (spaceflight101 on the Progress MS-07 plan, FACTS.md): a check of the mission data (times and
  /// TLEs) that uses no calibrated parameter. Measured 166–415 km on every 2-orbit flight.
  @Test func onTwoOrbitDaysTheStationIsAFewHundredKilometresSouthWestAtLiftoff() throws {
    for r in try MissionFiles.records() where r.schemeFlown == .twoOrbit && r.stationTLE != nil {
      let d = try Self.distanceKm(r, at: r.liftoff.epoch)
      #expect(d.southWest && (100...500).contains(d.km), "\(r.mission): \(d.km) km, south-west \(d.southWest)")
    }
  }

  /// Soyuz MS-16 (4-orbit): the ISS "passed directly over the launch site about three minutes
  /// before takeoff" (FACTS.md, [S]). Closest approach of the ground track: within 100 km (the
  /// station then stands above ~75° elevation: "directly over" in a news report), 1.5 to 4.5 min
  /// before liftoff ("about three minutes"). Measured: 50 km.
  @Test func beforeSoyuzMS16TheStationPassedOverThePad() throws {
    let r = try #require(try MissionFiles.records().first { $0.mission == "Soyuz MS-16" })
    var best = (km: Double.infinity, seconds: 0.0)
    for s in stride(from: 0.0, through: 600, by: 2) {
      let d = try Self.distanceKm(r, at: r.liftoff.epoch - s)
      if d.km < best.km { best = (d.km, s) }
    }
    #expect(best.km <= 100, "closest \(best.km) km")
    #expect((90...270).contains(best.seconds), "\(best.seconds) s before liftoff")
  }
}
