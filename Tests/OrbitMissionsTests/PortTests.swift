// Docking ports: lookup, dates (Pirs undocked 2021-07-26, Prichal from 2021-11-26; NASA ISS
// blog), the axis in LVLH from port and attitude (SSP 30219 axes; ESA: the ISS yawed 180° for
// Soyuz arrivals), and contact on that axis for every port.

import OrbitCore
import OrbitMissions
import OrbitRendezvous
import Testing
import _OrbitTestSupport

@Suite struct PortTests {
  @Test(arguments: ["rassvet", "poisk", "prichal", "pirs", "zvezda-aft", "Rassvet", "ZVEZDA-AFT"])
  func namedLookupsWork(_ name: String) throws {
    #expect(try DockingPort.named(name).rawValue == name.lowercased())
  }

  @Test func unknownPortListsTheValidOnes() {
    #expect(throws: DockingPortError.unknownName("zarya", valid: ["rassvet", "poisk", "prichal", "pirs", "zvezda-aft"])) {
      try DockingPort.named("zarya")
    }
    let message = DockingPortError.unknownName("x", valid: DockingPort.allCases.map(\.rawValue)).description
    for p in DockingPort.allCases { #expect(message.contains(p.rawValue)) }
  }

  @Test func portDates() throws {
    // Pirs: MS-11 docked there in 2019; it was undocked on 2021-07-26 at 10:55 UTC.
    try DockingPort.pirs.checkAvailable(at: try Epoch(iso8601: "2019-04-04T14:22:26Z"))
    #expect(throws: DockingPortError.self) { try DockingPort.pirs.checkAvailable(at: try Epoch(iso8601: "2021-07-26T11:00:00Z")) }
    #expect(throws: DockingPortError.self) { try DockingPort.pirs.checkAvailable(at: try Epoch(iso8601: "2022-09-21T17:06:33Z")) }
    // Prichal did not exist for MS-17 (2020); it did for MS-27 (2025).
    #expect(throws: DockingPortError.self) { try DockingPort.prichal.checkAvailable(at: try Epoch(iso8601: "2020-10-14T08:48:47Z")) }
    try DockingPort.prichal.checkAvailable(at: try Epoch(iso8601: "2025-04-08T08:57:45Z"))
    try DockingPort.rassvet.checkAvailable(at: try Epoch(iso8601: "2022-09-21T17:06:33Z"))
  }

  /// Nadir ports face the Earth (+z LVLH) and Poisk faces away in either attitude; the aft port
  /// faces backwards (−V-bar) in +XVV and forwards (+V-bar) when the station is yawed 180°.
  @Test func axesInLVLH() {
    for a in StationAttitude.allCases {
      #expect(DockingAxis(port: .rassvet, attitude: a).direction == Vector3(0, 0, 1))
      #expect(DockingAxis(port: .prichal, attitude: a).direction == Vector3(0, 0, 1))
      #expect(DockingAxis(port: .pirs, attitude: a).direction == Vector3(0, 0, 1))
      #expect(DockingAxis(port: .poisk, attitude: a).direction == Vector3(0, 0, -1))
    }
    #expect(DockingAxis(port: .zvezdaAft, attitude: .plusXVV).direction == Vector3(-1, 0, 0))
    #expect(DockingAxis(port: .zvezdaAft, attitude: .minusXVV).direction == Vector3(1, 0, 0))
    // The Russian segment is aft of the centre of mass: behind in +XVV, ahead in −XVV.
    #expect(DockingAxis(port: .rassvet, attitude: .plusXVV).portPosition.x < 0)
    #expect(DockingAxis(port: .rassvet, attitude: .minusXVV).portPosition.x > 0)
    #expect(StationAttitude.usual(forVehicle: "soyuz-ms") == .minusXVV)
  }
}

/// Contact at every port: the probe tip reaches the docking plane on the port's axis, at the
/// sourced 0.1 m/s, for both station attitudes where the port faces another way.
@Suite struct PortApproachTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var port: DockingPort
    var attitude: StationAttitude
    var utc: String
    var testDescription: String { "\(port.rawValue) \(attitude.rawValue)" }
  }

  static let cases: [Case] = [
    Case(port: .rassvet, attitude: .minusXVV, utc: "2022-09-21T16:32:33Z"),
    Case(port: .poisk, attitude: .minusXVV, utc: "2022-09-21T16:32:33Z"),
    Case(port: .prichal, attitude: .minusXVV, utc: "2022-09-21T16:32:33Z"),
    Case(port: .zvezdaAft, attitude: .plusXVV, utc: "2022-09-21T16:32:33Z"),
    Case(port: .zvezdaAft, attitude: .minusXVV, utc: "2022-09-21T16:32:33Z"),
  ]

  @Test(arguments: cases)
  func contactOnThePortAxis(_ c: Case) throws {
    let h = try ApproachFixture.handover(utc: c.utc)
    let sim = ApproachSimulator(attitude: c.attitude)
    let r = try sim.run(handover: h, port: c.port, vehicle: .soyuzMS)
    let axis = DockingAxis(port: c.port, attitude: c.attitude)
    let rel = RelativeState(chaser: r.finalShip, target: r.finalStation)
    let tip = rel.position - sim.profile.probeLength * axis.direction
    let (axial, lateral) = axis.offsets(of: tip)
    // The event is located to 1e-7 s: the tip is on the plane to far better than a millimetre.
    expectClose(axial, 0, absolute: 1e-3)
    // Closed-loop guidance every 20 s keeps the tip on the axis to a few centimetres.
    #expect(lateral < 0.1, "lateral offset \(lateral) m")
    expectClose(r.contactSpeed, 0.1, absolute: 0.02, "closing speed at contact (m/s)")
    // Moving along −axis at contact: the velocity is almost all axial.
    let v = rel.velocity
    #expect(abs(v.dot(axis.direction) + r.contactSpeed) < 1e-12)
    #expect((v - v.dot(axis.direction) * axis.direction).norm < 0.03)
  }
}
