import OrbitCore
import OrbitMissions
import OrbitRendezvous
import Testing
import _OrbitTestSupport

/// The phasing flight and the whole-mission composition on one reported flight (Soyuz MS-22,
/// 2022-09-21, 2-orbit, Rassvet), and the typed errors for bad input.
@Suite struct RendezvousPhasingTests {
  static let issTLE = try! TLE(
    line1: "1 25544U 98067A   22261.04293564  .00008098  00000-0  14900-3 0  9998",
    line2: "2 25544  51.6433 236.5547 0002449 262.4353 208.9254 15.50138447359588", name: "ISS (ZARYA)")
  /// Reported liftoff of Soyuz MS-22 (Roscosmos: 16:54:49.531 MSK).
  static let liftoff = try! Epoch(iso8601: "2022-09-21T13:54:49.531Z")

  static let flight: RendezvousResult = try! RendezvousMission.simulate(
    tle: issTLE, liftoff: liftoff, pad: .baikonur31, profile: .auto, port: .rassvet, vehicle: .soyuzMS)

  @Test func autoPicksTheTwoOrbitScheme() {
    #expect(Self.flight.profile == .twoOrbit)
    #expect(Self.flight.requestedProfile == .auto)
  }

  /// The targeter closes the phasing on the numerical model: the propagated ship sits at the
  /// hand-over point. Tolerances: the targeter's own (1 m, 1 mm/s).
  @Test func handoverAtTheNominalPoint() {
    let rel = Self.flight.phasing.handover.relativeState
    let point = HandoverPoint.nominal
    expectClose((rel.position - point.relativePosition).norm, 0, absolute: 1, "position at hand-over (m)")
    expectClose((rel.velocity - point.relativeVelocity).norm, 0, absolute: 1e-3, "velocity at hand-over (m/s)")
  }

  /// Δv of the phasing against the Hohmann transfer between the insertion orbit's mean radius
  /// and the station's (vis-viva, computed here): within −5 % (J2 and drag move the orbits) and
  /// +35 % (the plane correction, the 40-minute rather than half-orbit final transfer).
  @Test func phasingDeltaVIsHohmannLike() {
    let mu = CentralBody.egm96.gravitationalParameter
    let ins = Self.flight.insertion
    func sma(_ s: CartesianState) -> Double { 1 / (2 / s.position.norm - s.velocity.normSquared / mu) }
    let r1 = sma(ins.ship)
    let r2 = sma(ins.station)
    let at = 0.5 * (r1 + r2)
    let hohmann = ((mu * (2 / r1 - 1 / at)).squareRoot() - (mu / r1).squareRoot())
      + ((mu / r2).squareRoot() - (mu * (2 / r2 - 1 / at)).squareRoot())
    #expect(hohmann > 110 && hohmann < 130, "Hohmann \(hohmann) m/s")
    let dv = Self.flight.phasingDeltaV
    #expect(dv > 0.95 * hohmann && dv < 1.35 * hohmann, "phasing Δv \(dv) m/s vs Hohmann \(hohmann) m/s")
  }

  /// B1 44 min after liftoff (Progress MS-09, the sourced timing; centred, so the ignition is
  /// up to a minute earlier), four burns in time order, the hand-over before contact.
  @Test func burnTimeline() throws {
    let burns = Self.flight.phasing.burns
    #expect(burns.map(\.name) == ["B1", "B2", "B3", "B4"])
    let b1 = try #require(burns.first)
    let b1Middle = (b1.ignition + 0.5 * b1.duration) - Self.liftoff
    expectClose(b1Middle, 44 * 60, absolute: 1, "B1 centre after liftoff (s)")
    for (a, b) in zip(burns, burns.dropFirst()) { #expect(b.ignition - a.ignition > 0) }
    #expect(Self.flight.dockingEpoch - Self.flight.phasing.handover.epoch > 0)
    // Burn durations follow the rocket equation with the S5.80 (2,950 N, 302 s).
    let engine = RendezvousVehicle.soyuzMS.mainEngine
    for b in burns {
      let m1 = RocketEquation.finalMass(initialMass: b.massBefore, deltaV: b.deltaVMagnitude, isp: engine.specificImpulse)
      expectClose(b.duration, (b.massBefore - m1) / engine.massFlowRate, absolute: 1e-9, "\(b.name) duration (s)")
    }
  }

  /// Zero dispersions reproduce the nominal run bit for bit; a launch delay changes it.
  @Test func zeroPerturbationsAreNominal() throws {
    let again = try RendezvousMission.simulate(
      tle: Self.issTLE, liftoff: Self.liftoff, pad: .baikonur31, profile: .auto, port: .rassvet, vehicle: .soyuzMS,
      perturbations: RendezvousPerturbations())
    #expect(again.phasing.handover == Self.flight.phasing.handover)
    #expect(again.dockingEpoch == Self.flight.dockingEpoch)
    #expect(again.burns == Self.flight.burns)
    var p = RendezvousPerturbations()
    p.burnMagnitudeScale = 1.01
    let dispersed = try RendezvousMission.simulate(
      tle: Self.issTLE, liftoff: Self.liftoff, profile: .twoOrbit, port: .rassvet, perturbations: p)
    let miss = (dispersed.phasing.handover.relativeState.position - HandoverPoint.nominal.relativePosition).norm
    #expect(miss > 10, "a 1 % execution error must move the hand-over (moved \(miss) m)")
  }

  /// A 4-orbit flight on a 2-orbit day: the phase (12.7°) is outside the 4-orbit window.
  @Test func profileThatCannotClose() {
    #expect {
      _ = try RendezvousMission.simulate(tle: Self.issTLE, liftoff: Self.liftoff, profile: .fourOrbit, port: .rassvet)
    } throws: { error in
      guard let e = error as? RendezvousError, case .phaseOutOfWindow(let p, _, _, _) = e else { return false }
      return p == "4-orbit" && e.description.contains("cannot close") && e.description.contains("window")
    }
  }

  /// Three hours late the pad is far from the ISS plane: no window.
  @Test func launchOutsideAnyWindow() {
    #expect {
      _ = try RendezvousMission.simulate(tle: Self.issTLE, liftoff: Self.liftoff + 3 * 3600, port: .rassvet)
    } throws: { error in
      guard let e = error as? RendezvousError, case .launchOutsideWindow = e else { return false }
      return e.description.contains("outside any window")
    }
  }

  /// A sun-synchronous orbit (i = 99.16°, NOAA 19-like; an illustrative element set, checksums
  /// not verified): no in-plane Soyuz launch from Baikonur reaches it.
  @Test func orbitOfAnotherPlane() throws {
    let noaa = try TLE(
      line1: "1 33591U 09005A   22261.51047569  .00000084  00000-0  70934-4 0  9993",
      line2: "2 33591  99.1583 299.7395 0013813 227.5585 132.4398 14.12854045700329", name: "NOAA 19",
      options: TLEParseOptions(verifiesChecksums: false))
    #expect {
      _ = try RendezvousMission.simulate(tle: noaa, liftoff: Self.liftoff, port: .rassvet)
    } throws: { error in
      guard let e = error as? RendezvousError, case .targetOrbit = e else { return false }
      return e.description.contains("inclination")
    }
  }

  @Test func profileNames() throws {
    #expect(try RendezvousProfile.named("2-orbit") == .twoOrbit)
    #expect(try RendezvousProfile.named("34-orbit") == .twoDay)
    #expect(throws: RendezvousError.self) { try RendezvousProfile.named("3-orbit") }
    #expect(throws: RendezvousVehicleError.self) { try RendezvousVehicle.preset(named: "dragon") }
  }
}
