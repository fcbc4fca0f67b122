// The autonomous close approach of Soyuz MS / Progress MS to an ISS port, from the hand-over
// (2.5 km behind the station on the V-bar, T−34 min on the ESA timeline) to contact.
//
// Physics: ship and station are propagated numerically in GCRF (point mass + J2 + drag,
// `ApproachForces`; Dormand–Prince 8(7)); the station once over the whole approach into an
// `Ephemeris`, the ship cycle by cycle. The relative motion is the difference of the two
// inertial states expressed in the station's LVLH frame (`RelativeState`). Guidance: at each
// cycle the CW two-impulse transfer to the next target point (`ApproachGuidance`), its first
// impulse flown as a finite burn of the main engine (≥ 2 m/s) or of the approach thrusters;
// re-targeting from the propagated state at the next cycle closes the loop. Phases: the ESA
// range gates on the V-bar (1.1 km, 640 m), braking to the fly-around entry 150 m from the
// port, fly-around at constant range to the docking axis, station-keeping on the axis, final
// approach along the axis with a closing speed that falls to 0.1 m/s. Contact is an event:
// the probe tip reaching the port's docking plane (`DockingContactDetector`).
//
// References: ESA blog "The road to rendezvous" (2016-11-19); W. Fehse, *Automated Rendezvous
// and Docking of Spacecraft* (2003), ch. 2–5; sources of each parameter in `ApproachProfile`.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore
import OrbitRendezvous

/// Simulates the close approach from a `RendezvousHandover` to contact at a port.
///
/// Deterministic: the same inputs give bit-identical results.
///
/// References: ESA blog "The road to rendezvous" (2016-11-19); Fehse (2003) ch. 2–5.
public struct ApproachSimulator: Sendable {
  /// The approach profile (gates, fly-around, station-keeping, final approach, guidance).
  public var profile: ApproachProfile
  /// The station's mass and drag properties.
  public var station: ISSModel
  /// The station attitude; nil picks `StationAttitude.usual(forVehicle:)`.
  public var attitude: StationAttitude?
  /// Trajectory sample spacing (s).
  public var sampleStep: Double
  /// The translation thrusters used for burns below `profile.mainEngineThreshold`.
  public var approachThrusters: Thruster
  /// Time-scale data (leap seconds, EOP) for the port dates and the Earth orientation.
  public var timeData: TimeScaleData

  /// The DPO-B translation thrusters of Soyuz MS / Progress MS: four of the 28 DPO-B
  /// (11D428A-16, 130 N each) fired together [A: four for a translation]; Isp 290 s [A, as
  /// `Thruster.progress`].
  ///
  /// References: KTDU-80 description (28 × 130 N DPO-B); `Thruster.progress`.
  public static let dpoB = Thruster(
    name: "approach-thrusters", displayName: "DPO-B translation thrusters (4 x 130 N)",
    thrust: 4 * 130, specificImpulse: 290,
    source: "DPO-B 11D428A-16, 130 N each (KTDU-80 description); 4 fired together and Isp 290 s assumed")

  /// A simulator.
  ///
  /// - Parameters:
  ///   - profile: the approach profile (default: nominal).
  ///   - station: the station model (default: `ISSModel.reference`).
  ///   - attitude: the station attitude, nil for the vehicle's usual one.
  ///   - sampleStep: trajectory sample spacing (s; default 10 s).
  ///   - approachThrusters: translation thrusters (default `dpoB`).
  ///   - timeData: time-scale data.
  public init(
    profile: ApproachProfile = .nominal, station: ISSModel = .reference, attitude: StationAttitude? = nil,
    sampleStep: Double = 10, approachThrusters: Thruster = ApproachSimulator.dpoB,
    timeData: TimeScaleData = .standard
  ) {
    self.profile = profile
    self.station = station
    self.attitude = attitude
    self.sampleStep = sampleStep
    self.approachThrusters = approachThrusters
    self.timeData = timeData
  }

  /// Simulates the approach with the default simulator.
  ///
  /// - Parameters:
  ///   - handover: both vehicles' GCRF states and the ship mass at the hand-over.
  ///   - port: the docking port.
  ///   - vehicle: the ship.
  ///   - perturbations: dispersions (navigation error at Kurs acquisition, burn execution,
  ///     thrust/Isp, drag, density).
  /// - Returns: contact, events, burns and trajectory.
  /// - Throws: `ApproachError`.
  public static func run(
    handover: RendezvousHandover, port: DockingPort, vehicle: RendezvousVehicle,
    perturbations: RendezvousPerturbations = .none
  ) throws(ApproachError) -> ApproachResult {
    try ApproachSimulator().run(handover: handover, port: port, vehicle: vehicle, perturbations: perturbations)
  }

  /// The phases of the approach.
  enum Phase: Equatable {
    case gate(Int)
    case braking
    case flyAround
    case stationKeeping
    case finalApproach
  }

  /// Simulates the approach.
  ///
  /// - Parameters:
  ///   - handover: both vehicles' GCRF states and the ship mass at the hand-over.
  ///   - port: the docking port (checked against the hand-over date: Pirs after 2021-07-26
  ///     is an error).
  ///   - vehicle: the ship (mass limits, main engine, drag).
  ///   - perturbations: dispersions; the navigation error at Kurs acquisition (the hand-over)
  ///     is added to the measured relative state, scaled by (range/range at hand-over)² [A: the
  ///     angle-measurement error of a radio system grows with range, and the relative-navigation
  ///     filter converges as the ship closes in; at contact the residual is below a millimetre].
  /// - Returns: contact, events, burns and trajectory.
  /// - Throws: `ApproachError` (port, hand-over, propagation, propellant, no contact).
  public func run(
    handover: RendezvousHandover, port: DockingPort, vehicle: RendezvousVehicle,
    perturbations p: RendezvousPerturbations = .none
  ) throws(ApproachError) -> ApproachResult {
    let t0 = handover.epoch
    do throws(DockingPortError) {
      try port.checkAvailable(at: t0, data: timeData)
    } catch {
      throw .port(error)
    }
    guard handover.ship.isFinite, handover.station.isFinite, handover.ship.frame == handover.station.frame,
      abs(handover.ship.epoch - t0) < 1e-6, abs(handover.station.epoch - t0) < 1e-6
    else { throw .invalidHandover("ship and station states must be finite, in one frame, at the hand-over epoch") }
    guard handover.shipMass.isFinite, handover.shipMass > vehicle.dryMass else {
      throw .invalidHandover(
        "ship mass \(handover.shipMass) kg is not above the dry mass \(vehicle.dryMass) kg of \(vehicle.name)")
    }
    let frame = handover.station.frame
    let attitude = self.attitude ?? .usual(forVehicle: vehicle.name)
    let axis = DockingAxis(port: port, attitude: attitude)
    let pr = profile
    let horizon = pr.timeLimit + 120
    let eop = EarthOrientationModel(tabulatedFrom: t0 - 3_600, to: t0 + horizon + 3_600, data: timeData)
    let options = IntegratorOptions(
      tolerance: IntegrationTolerance(position: 1e-6, velocity: 1e-9), maxStep: 120)

    // The station over the whole approach, into an ephemeris.
    let stationDynamics = ApproachForces.dynamics(
      referenceEpoch: t0, dragArea: station.dragArea, dragCoefficient: station.dragCoefficient,
      densityScale: p.densityScale, earthOrientation: eop)
    var stationStates: [CartesianState] = []
    stationStates.reserveCapacity(Int(horizon / 30) + 2)
    let ephemeris: Ephemeris
    do throws(PropagationError) {
      let propagator = NumericalPropagator(
        dynamics: stationDynamics, integrator: DormandPrince87<ForceModelDynamics<ApproachForceModel>>(),
        options: options)
      var session = try propagator.session(from: handover.station, mass: station.mass)
      _ = try session.propagate(to: t0 + horizon, outputStep: 30) { epoch, y in
        stationStates.append(CartesianState(epoch: epoch, frame: frame, position: y.position, velocity: y.velocity))
      }
      ephemeris = try Ephemeris(states: stationStates)
    } catch {
      throw .propagation(error)
    }
    func stationState(_ t: Double) throws(ApproachError) -> CartesianState {
      do throws(PropagationError) { return try ephemeris.state(at: t0 + t) } catch { throw .propagation(error) }
    }

    // Thrusters with their dispersions.
    let main = vehicle.mainEngine
    let mainThrust = main.thrust * p.thrustScale
    let mainIsp = main.specificImpulse * p.ispScale
    let shipDragArea = vehicle.dragArea * p.ballisticCoefficientScale

    var ship = OrbitState(position: handover.ship.position, velocity: handover.ship.velocity, mass: handover.shipMass)
    var t = 0.0
    var events: [ApproachEvent] = []
    var burns: [ApproachBurn] = []
    var samples: [ApproachSample] = []
    let range0 = max(1, (handover.ship.position - handover.station.position).norm)

    func cartesian(_ y: OrbitState, _ epoch: Epoch) -> CartesianState {
      CartesianState(epoch: epoch, frame: frame, position: y.position, velocity: y.velocity)
    }
    func record(_ name: String, _ t: Double, _ y: OrbitState) throws(ApproachError) {
      let s = try stationState(t)
      events.append(ApproachEvent(name: name, epoch: t0 + t, range: (y.position - s.position).norm))
    }
    // A local, so that the nested functions below capture no `self` (a captured `self` was
    // copied, with all it holds, on every sample of every segment).
    let sampleStep = self.sampleStep
    func addSample(_ epoch: Epoch, _ y: OrbitState) throws(ApproachError) {
      if let last = samples.last, epoch - last.epoch < 0.999 * sampleStep { return }
      let s = try stationState(epoch - t0)
      samples.append(ApproachSample(epoch: epoch, ship: cartesian(y, epoch), shipMass: y.mass, station: s))
    }

    try record("approach-start", 0, ship)
    try addSample(t0, ship)

    var phase: Phase = pr.gateRanges.isEmpty ? .braking : .gate(0)
    var brakingEnd = (pr.gateTimes.last ?? 0) + pr.brakingDuration
    var entry = axis.portPosition
    var u1 = Vector3(-1, 0, 0)
    var u2 = Vector3(0, 0, 1)
    var flyAroundAngle = 0.0
    var flyAroundStart = 0.0
    var flyAroundEnd = 0.0
    var keepingEnd = 0.0
    var finalStart = 0.0
    let finalStartDistance = pr.stationKeepingDistance - pr.probeLength
    let contactDetector = DockingContactDetector(station: ephemeris, axis: axis, probeLength: pr.probeLength)

    /// Sets up the braking leg from the current relative position.
    func startBraking(_ rel: RelativeState) {
      let fromPort = rel.position - axis.portPosition
      u1 = fromPort.norm > 0 ? fromPort.unit : Vector3(-1, 0, 0)
      entry = axis.portPosition + pr.stationKeepingDistance * u1
      let c = max(-1, min(1, u1.dot(axis.direction)))
      flyAroundAngle = acos(c)
      var w = axis.direction - c * u1
      if w.norm < 1e-6 {
        // Opposite sides: go round through nadir (or the orbit normal if u1 is vertical).
        w = Vector3(0, 0, 1) - u1.z * u1
        if w.norm < 1e-6 { w = Vector3(0, 1, 0) - u1.y * u1 }
      }
      u2 = w.unit
    }

    if phase == .braking {
      let rel = RelativeState(chaser: handover.ship, target: handover.station)
      startBraking(rel)
      brakingEnd = pr.brakingDuration
    }

    while true {
      guard t <= pr.timeLimit else {
        let s = try stationState(t)
        throw .noContact(after: pr.timeLimit, range: (ship.position - s.position).norm)
      }
      let st = try stationState(t)
      let rel = RelativeState(chaser: cartesian(ship, t0 + t), target: st)

      // Phase transitions due at t.
      var transitioned = true
      while transitioned {
        transitioned = false
        switch phase {
        case .gate(let i):
          if t >= pr.gateTimes[i] - 1e-9 {
            try record("gate-\(Int(pr.gateRanges[i].rounded()))m", t, ship)
            if i + 1 < pr.gateRanges.count {
              phase = .gate(i + 1)
            } else {
              phase = .braking
              startBraking(rel)
              try record("braking-start", t, ship)
            }
            transitioned = true
          }
        case .braking:
          if t >= brakingEnd - 1e-9 {
            try record("fly-around-start", t, ship)
            phase = .flyAround
            flyAroundStart = t
            flyAroundEnd = t + (pr.flyAroundRate > 0 ? flyAroundAngle / pr.flyAroundRate : 0)
            transitioned = true
          }
        case .flyAround:
          if t >= flyAroundEnd - 1e-9 {
            try record("fly-around-end", t, ship)
            try record("station-keeping-start", t, ship)
            phase = .stationKeeping
            keepingEnd = t + pr.stationKeepingDuration
            transitioned = true
          }
        case .stationKeeping:
          if t >= keepingEnd - 1e-9 {
            try record("final-approach-start", t, ship)
            phase = .finalApproach
            finalStart = t
            transitioned = true
          }
        case .finalApproach:
          break
        }
      }

      // Target point, time to reach it, next cycle.
      let target: Vector3
      let reachIn: Double
      let phaseEnd: Double
      let cycle: Double
      let phaseName: String
      switch phase {
      case .gate(let i):
        target = Vector3(-pr.gateRanges[i], 0, 0)
        phaseEnd = pr.gateTimes[i]
        reachIn = phaseEnd - t
        cycle = pr.farGuidanceCycle
        phaseName = "gates"
      case .braking:
        target = entry
        phaseEnd = brakingEnd
        reachIn = phaseEnd - t
        cycle = pr.farGuidanceCycle
        phaseName = "braking"
      case .flyAround:
        let h = pr.nearGuidanceCycle
        let theta = min(flyAroundAngle, pr.flyAroundRate * (t + h - flyAroundStart))
        target = axis.portPosition + pr.stationKeepingDistance * (cos(theta) * u1 + sin(theta) * u2)
        phaseEnd = flyAroundEnd
        reachIn = h
        cycle = h
        phaseName = "fly-around"
      case .stationKeeping:
        let h = pr.nearGuidanceCycle
        target = axis.point(atDistance: pr.stationKeepingDistance)
        phaseEnd = keepingEnd
        reachIn = h
        cycle = h
        phaseName = "station-keeping"
      case .finalApproach:
        let h = pr.nearGuidanceCycle
        let d = pr.finalApproachDistance(after: t + h - finalStart, from: finalStartDistance)
        target = axis.point(atDistance: d + pr.probeLength)
        phaseEnd = .infinity
        reachIn = h
        cycle = h
        phaseName = "final-approach"
      }
      var next = min(t + cycle, phaseEnd)
      if next - t < 1e-6 { next = t + cycle }

      // Guidance on the navigated state.
      var navigated = rel
      if p.navigationPositionError != .zero || p.navigationVelocityError != .zero {
        let ratio = rel.position.norm / range0
        let k = ratio * ratio
        navigated.position += k * p.navigationPositionError
        navigated.velocity += k * p.navigationVelocityError
      }
      var burnList: [FiniteBurn] = []
      if reachIn > 1 {
        let dv = ApproachGuidance.deltaV(
          relative: navigated, target: target, horizon: reachIn, meanMotion: ApproachGuidance.meanMotion(of: st))
        let magnitude = dv.norm
        if magnitude > pr.deadband && magnitude.isFinite {
          let useMain = magnitude >= pr.mainEngineThreshold
          let thrust = useMain ? mainThrust : approachThrusters.thrust
          let isp = useMain ? mainIsp : approachThrusters.specificImpulse
          let m = LocalOrbitalFrame.lvlh.rotation(position: st.position, velocity: st.velocity)
          var direction = m.transposeMultiply(dv / magnitude)
          if p.burnPointingError != 0 {
            direction = Self.tilted(direction, by: p.burnPointingError, azimuth: p.burnPointingAzimuth)
          }
          let executed = magnitude * p.burnMagnitudeScale
          let burn = FiniteBurn(
            thrust: thrust, isp: isp, direction: direction, axes: .inertial, start: t0 + t,
            extent: .deltaV(executed))
          let duration = burn.duration(startMass: ship.mass)
          if t + duration > next - 0.5 { next = t + duration + 0.5 }
          burnList.append(burn)
          burns.append(
            ApproachBurn(
              epoch: t0 + t, deltaV: dv, duration: duration,
              thruster: useMain ? "main-engine" : approachThrusters.name, phase: phaseName))
        }
      }

      // Fly the segment.
      let segmentStart = t0 + t
      let base = ApproachForces.dynamics(
        referenceEpoch: segmentStart, dragArea: shipDragArea, dragCoefficient: vehicle.dragCoefficient,
        densityScale: p.densityScale, earthOrientation: eop)
      var contact: EventOccurrence? = nil
      var sampleError: ApproachError? = nil
      let outcome: PropagationOutcome
      let endState: OrbitState
      do throws(PropagationError) {
        let dynamics = try ManeuveringDynamics(base: base, burns: burnList, dryMass: vehicle.dryMass)
        let detectors: [any EventDetector] = phase == .finalApproach ? [contactDetector] : []
        let propagator = NumericalPropagator(
          dynamics: dynamics, integrator: DormandPrince87<ManeuveringDynamics<ForceModelDynamics<ApproachForceModel>>>(),
          options: options, detectors: detectors)
        var session = try propagator.session(from: segmentStart, frame: frame, state: ship)
        outcome = try session.propagate(to: t0 + next, outputStep: sampleStep) { epoch, y in
          do throws(ApproachError) { try addSample(epoch, y) } catch { sampleError = error }
        }
        endState = session.state
      } catch {
        if case .insufficientPropellant(_, let required, let available) = error {
          throw .insufficientPropellant(required: required, available: available)
        }
        throw .propagation(error)
      }
      if let sampleError { throw sampleError }
      ship = endState
      switch outcome {
      case .stoppedByEvent(let occurrence):
        contact = occurrence
        ship = occurrence.state
        t = occurrence.epoch - t0
      case .reachedTarget:
        t = next
      case .impact(let occurrence):
        throw .propagation(.impact(epoch: occurrence.epoch))
      case .stepLimit:
        throw .propagation(.invalidOptions(.maxSteps))
      }

      if let contact {
        let epoch = contact.epoch
        let s = try stationState(t)
        let shipState = cartesian(ship, epoch)
        let relative = RelativeState(chaser: shipState, target: s)
        let (axial, lateral) = axis.offsets(of: relative.position - pr.probeLength * axis.direction)
        _ = axial
        let speed = -relative.velocity.dot(axis.direction)
        try record("contact", t, ship)
        samples.append(ApproachSample(epoch: epoch, ship: shipState, shipMass: ship.mass, station: s))
        return ApproachResult(
          contactEpoch: epoch, port: port, attitude: attitude, axis: axis, events: events, burns: burns,
          samples: samples, contactSpeed: speed, contactLateralOffset: lateral, finalShipMass: ship.mass,
          finalShip: shipState, finalStation: s)
      }
    }
  }

  /// `direction` tilted by `angle` (rad) towards an azimuth about it.
  static func tilted(_ direction: Vector3, by angle: Double, azimuth: Double) -> Vector3 {
    let helper = abs(direction.z) < 0.9 ? Vector3(0, 0, 1) : Vector3(1, 0, 0)
    let e1 = direction.cross(helper).unit
    let e2 = direction.cross(e1)
    return cos(angle) * direction + sin(angle) * (cos(azimuth) * e1 + sin(azimuth) * e2)
  }
}
