// The phasing flight from spacecraft separation to the hand-over point, with the burns solved by
// OrbitRendezvous' differential corrector on the numerical model (J2 + drag, finite burns of the
// S5.80 main engine with mass flow).
//
// Burn structure (shape from the sourced timeline, Δv from the geometry):
//   B1 (`firstBurnAfterLiftoff`): along-track raise + the out-of-plane Δv that removes the
//      ship's velocity across the station's plane (the quasi-coplanar plane correction combined
//      with the first raise, Murtazin IAC-2016);
//   B2 (half a revolution later): circularises (along-track and radial), the phasing orbit;
//   B3 (`finalTransferDuration` before the hand-over, the ESA "97 km at T−74 min"): long-range
//      rendezvous burn, any direction;
//   B4 (2 min before the hand-over epoch): arrival burn, any direction.
// Stage 1 (targeter, 1×1): B1 along-track so that at B3 the ship is where a transfer of
//   `finalTransferDuration` closes on the hand-over point (x + 0.75·n·T·z = x_handover); B2
//   circularises at the new apogee; the plane residual is left to B3/B4.
// Stage 2 (targeter, 6×6): B3 and B4 (LVLH vectors) so that at the hand-over epoch the ship sits
//   at the hand-over point at rest in the station's LVLH frame. First guess from Lambert (Izzo).
// Dispersions (RendezvousPerturbations) act on the executed burns and the models; the burns are
// planned with the nominal engine on the ship's actual state (perfect navigation at planning).
//
// References: Fehse, Automated Rendezvous and Docking of Spacecraft (2003) ch. 2–3 (phasing,
// far-range rendezvous, hold points); Vallado (2013) ch. 6–7; Izzo (2015); ESA blog "The road
// to rendezvous" (2016-11-19); Murtazin, IAC-2016.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import OrbitCore
import OrbitRendezvous

/// Where and when the phasing starts: the insertion as the ascent model gives it.
public struct PhasingStart: Hashable, Sendable {
  /// Liftoff epoch.
  public var liftoff: Epoch
  /// Spacecraft separation (insertion) epoch.
  public var epoch: Epoch
  /// Ship GCRF state at `epoch` (m, m/s).
  public var ship: CartesianState
  /// Station GCRF state at `epoch` (m, m/s).
  public var station: CartesianState
  /// Phase angle at insertion: station ahead of the ship (rad).
  public var phaseAngle: Double

  /// A start.
  ///
  /// - Parameters: see the properties.
  public init(liftoff: Epoch, epoch: Epoch, ship: CartesianState, station: CartesianState, phaseAngle: Double) {
    self.liftoff = liftoff
    self.epoch = epoch
    self.ship = ship
    self.station = station
    self.phaseAngle = phaseAngle
  }
}

/// One executed burn of the main engine.
public struct RendezvousBurn: Hashable, Sendable {
  /// Label: `B1`…`B4` (phasing), or the approach's own names.
  public var name: String
  /// Ignition epoch.
  public var ignition: Epoch
  /// Commanded Δv in the ship's LVLH frame at ignition (m/s): x along-track, y = −h, z nadir.
  public var deltaV: Vector3
  /// Burn duration (s).
  public var duration: Double
  /// Mass before the burn (kg).
  public var massBefore: Double

  /// |Δv| (m/s).
  public var deltaVMagnitude: Double { deltaV.norm }
}

/// A sample of both vehicles (GCRF).
public struct RendezvousSample: Hashable, Sendable {
  /// Epoch.
  public var epoch: Epoch
  /// Ship position (m).
  public var shipPosition: Vector3
  /// Ship velocity (m/s).
  public var shipVelocity: Vector3
  /// Ship mass (kg).
  public var shipMass: Double
  /// Station position (m).
  public var stationPosition: Vector3
  /// Station velocity (m/s).
  public var stationVelocity: Vector3
}

/// The phasing flight's outcome.
public struct PhasingResult: Hashable, Sendable {
  /// The scheme flown.
  public var scheme: SchemeTimeline
  /// The start (after insertion dispersions, if any).
  public var start: PhasingStart
  /// B1…B4 as executed.
  public var burns: [RendezvousBurn]
  /// The hand-over to the approach.
  public var handover: RendezvousHandover
  /// Samples of both vehicles from insertion to the hand-over.
  public var samples: [RendezvousSample]
  /// Targeter iterations (stage 1, stage 2).
  public var targeterIterations: (Int, Int)
  /// Propagations used by the targeter.
  public var targeterEvaluations: Int
  /// Δv of the phasing burns (m/s).
  public var totalDeltaV: Double { burns.reduce(0) { $0 + $1.deltaVMagnitude } }

  public static func == (a: PhasingResult, b: PhasingResult) -> Bool {
    a.scheme == b.scheme && a.start == b.start && a.burns == b.burns && a.handover == b.handover
      && a.samples == b.samples && a.targeterIterations == b.targeterIterations
      && a.targeterEvaluations == b.targeterEvaluations
  }
  public func hash(into h: inout Hasher) {
    h.combine(scheme)
    h.combine(burns)
    h.combine(handover)
  }
}

/// Plans and flies the phasing part of a rendezvous.
///
/// References: see the file header.
public struct PhasingPlanner: Sendable {
  /// The ship.
  public var vehicle: RendezvousVehicle
  /// The station (drag properties).
  public var station: ISSModel
  /// The hand-over point.
  public var point: HandoverPoint
  /// Range to the station at B3 used for the first guess (m): 97 km at T−74 min [P ESA blog
  /// 2016]; the solved range follows from the phase.
  public var aimRange: Double
  /// Integration step (s): fixed-step Dormand–Prince 8(7) (smooth in the burn parameters, which
  /// finite-difference Jacobians need).
  public var step: Double
  /// Output sample spacing (s).
  public var sampleStep: Double

  /// A planner with the documented defaults.
  ///
  /// - Parameters:
  ///   - vehicle: the ship (default Soyuz MS).
  ///   - station: the station model (default `ISSModel.reference`).
  ///   - point: the hand-over point (default `.nominal`).
  public init(vehicle: RendezvousVehicle = .soyuzMS, station: ISSModel = .reference, point: HandoverPoint = .nominal) {
    self.vehicle = vehicle
    self.station = station
    self.point = point
    aimRange = 97_000
    step = 60
    sampleStep = 60
  }

  /// B4 is centred this long before the hand-over epoch (s).
  static let arrivalBurnLead = 120.0

  typealias Ship = ManeuveringDynamics<PhasingDynamics>
  typealias Method = DormandPrince87<Ship>

  /// Flies the phasing of `scheme` from `start`.
  ///
  /// - Parameters:
  ///   - start: the insertion.
  ///   - scheme: the scheme (its phase window is checked).
  ///   - perturbations: dispersions (default none).
  /// - Returns: burns, samples and the hand-over.
  /// - Throws: `RendezvousError` (`.phaseOutOfWindow`, `.targetingFailed`, `.propagation`, …).
  public func run(
    start nominalStart: PhasingStart, scheme: SchemeTimeline, perturbations p: RendezvousPerturbations = .none
  ) throws(RendezvousError) -> PhasingResult {
    guard nominalStart.ship.isFinite, nominalStart.station.isFinite, nominalStart.phaseAngle.isFinite else {
      throw .invalidInput("non-finite insertion state")
    }
    guard scheme.admits(phaseAngle: nominalStart.phaseAngle) else {
      let w = scheme.phaseWindowDegrees
      throw .phaseOutOfWindow(
        profile: scheme.profile.rawValue, phaseDegrees: Angle.normalizedSigned(nominalStart.phaseAngle) / Angle.degree,
        lowerDegrees: w.lower, upperDegrees: w.upper)
    }
    var start = nominalStart
    if p.insertionPositionError != .zero || p.insertionVelocityError != .zero {
      let m = LocalOrbitalFrame.lvlh.rotation(position: start.ship.position, velocity: start.ship.velocity)
      start.ship.position += m.transposeMultiply(p.insertionPositionError)
      start.ship.velocity += m.transposeMultiply(p.insertionVelocityError)
    }
    let t0 = start.epoch
    let mu = CentralBody.egm96.gravitationalParameter
    let ship0 = start.ship
    let aShip = 1 / (2 / ship0.position.norm - ship0.velocity.normSquared / mu)
    let shipPeriod = 2 * Double.pi * (aShip * aShip * aShip / mu).squareRoot()
    let tB1 = start.liftoff + scheme.firstBurnAfterLiftoff
    let tB2 = tB1 + scheme.secondBurnAfterFirst * shipPeriod
    let tH = t0 + scheme.handoverAfterInsertion(for: vehicle)
    let tB3 = tH - scheme.finalTransferDuration
    let tB4 = tH - Self.arrivalBurnLead
    guard tB1 - t0 > 300, tB3 - tB2 > 600 else {
      throw .invalidInput("scheme timing: burns out of order (B1 \(tB1 - t0) s after insertion, B3 − B2 \(tB3 - tB2) s)")
    }

    // Models.
    var shipDyn = PhasingDynamics(
      dragAreaCoefficient: vehicle.dragArea * vehicle.dragCoefficient, densityScale: 1)
    if p.ballisticCoefficientScale != 1 { shipDyn.dragAreaCoefficient *= p.ballisticCoefficientScale }
    if p.densityScale != 1 { shipDyn.densityScale = p.densityScale }
    var stationDyn = PhasingDynamics(dragAreaCoefficient: station.dragArea * station.dragCoefficient)
    if p.densityScale != 1 { stationDyn.densityScale = p.densityScale }
    let engine = vehicle.mainEngine
    var executedThrust = engine.thrust
    if p.thrustScale != 1 { executedThrust *= p.thrustScale }
    var executedIsp = engine.specificImpulse
    if p.ispScale != 1 { executedIsp *= p.ispScale }
    let dryMass = vehicle.dryMass

    // Station: one propagation, states at the key epochs and on the sample grid.
    var stationSamples: [(Epoch, OrbitState)] = []
    var stationAt: [Epoch: OrbitState] = [:]
    do throws(PropagationError) {
      let prop = NumericalPropagator(
        dynamics: try Ship(base: stationDyn, burns: []), integrator: Method(), options: .fixed(step: step))
      var s = try prop.session(from: start.station, mass: station.mass)
      for e in [tB3, tB4, tH] {
        _ = try s.propagate(to: e, outputStep: sampleStep) { epoch, y in
          if stationSamples.last.map({ epoch - $0.0 > 1e-6 }) ?? true { stationSamples.append((epoch, y)) }
        }
        stationAt[e] = s.state
      }
    } catch {
      throw .propagation("station: \(error)")
    }
    guard let stationB3 = stationAt[tB3], let stationB4 = stationAt[tB4], let stationH = stationAt[tH] else {
      throw .propagation("station states missing")
    }

    // Helpers.
    func planned(
      _ name: String, center: Epoch, deltaV: Vector3, massBefore: Double, executed: Bool
    ) -> (RendezvousBurn, FiniteBurn)? {
      let dv = deltaV.norm
      guard dv > 1e-6 else { return nil }
      let m1 = RocketEquation.finalMass(initialMass: massBefore, deltaV: dv, isp: engine.specificImpulse)
      let duration = (massBefore - m1) / engine.massFlowRate
      let ignition = center - 0.5 * duration
      var dir = deltaV / dv
      var executedDV = dv
      var thrust = engine.thrust
      var isp = engine.specificImpulse
      if executed {
        // Execution errors: the planner does not see them (targeting flies the nominal engine).
        if p.burnMagnitudeScale != 1 { executedDV *= p.burnMagnitudeScale }
        if p.burnPointingError != 0 { dir = Self.tilt(dir, by: p.burnPointingError, azimuth: p.burnPointingAzimuth) }
        thrust = executedThrust
        isp = executedIsp
      }
      let fb = FiniteBurn(
        thrust: thrust, isp: isp, direction: dir, axes: .lvlh, start: ignition, extent: .deltaV(executedDV))
      return (RendezvousBurn(name: name, ignition: ignition, deltaV: deltaV, duration: duration, massBefore: massBefore), fb)
    }
    func massAfter(_ m: Double, _ dv: Vector3) -> Double {
      RocketEquation.finalMass(initialMass: m, deltaV: dv.norm, isp: engine.specificImpulse)
    }
    func fly(
      from state: OrbitState, at epoch: Epoch, to end: Epoch, burns: [FiniteBurn],
      sample: ((Epoch, OrbitState) -> Void)? = nil
    ) throws(PropagationError) -> OrbitState {
      let prop = NumericalPropagator(
        dynamics: try Ship(base: shipDyn, burns: burns, dryMass: dryMass), integrator: Method(),
        options: .fixed(step: step))
      var s = try prop.session(from: epoch, frame: .gcrf, state: state)
      if let sample {
        _ = try s.propagate(to: end, outputStep: sampleStep, sample)
      } else {
        _ = try s.propagate(to: end)
      }
      return s.state
    }
    func cart(_ y: OrbitState, _ e: Epoch) -> CartesianState {
      CartesianState(epoch: e, frame: .gcrf, position: y.position, velocity: y.velocity)
    }

    // Leg 0: insertion → shortly before B1 (coast).
    let m0 = vehicle.massAtSeparation
    let y0 = OrbitState(position: ship0.position, velocity: ship0.velocity, mass: m0)
    let tC1 = tB1 - 240
    var evaluations = 0
    let yC1: OrbitState
    do throws(PropagationError) {
      yC1 = try fly(from: y0, at: t0, to: tC1, burns: [])
    } catch {
      throw .propagation("ship before B1: \(error)")
    }

    // B1 out-of-plane: remove the ship's velocity across the station's plane at B1 (station
    // plane from its state at insertion; the node drifts ~0.01° in an hour).
    let hStation = start.station.position.cross(start.station.velocity).unit
    let y1Guess: OrbitState
    do throws(PropagationError) {
      y1Guess = try fly(from: yC1, at: tC1, to: tB1, burns: [])
    } catch {
      throw .propagation("ship at B1: \(error)")
    }
    // LVLH y = −h of the ship; the Δv along station-normal maps to LVLH y ≈ +(v·ĥ_s).
    let crossPlaneSpeed = y1Guess.velocity.dot(hStation)
    let b1Normal = crossPlaneSpeed  // LVLH y is −ĥ: +crossPlaneSpeed along y cancels it.

    // Stage 1 guess: phasing orbit radius from the circular phase-gain balance.
    let aStation = 1 / (2 / start.station.position.norm - start.station.velocity.normSquared / mu)
    let nS = (mu / (aStation * aStation * aStation)).squareRoot()
    func n(_ a: Double) -> Double { (mu / (a * a * a)).squareRoot() }
    // Aim at B3: the final transfer of duration T closes ≈ 0.75·n·T·Δz along-track from Δz below
    // (the mean of the CW drift rates 1.5·n·Δz at its start and 0 at its end).
    let transferDrift = 0.75 * nS * scheme.finalTransferDuration
    let aimBelowGuess = aimRange / (1 + transferDrift * transferDrift).squareRoot()
    let aimXGuess = point.relativePosition.x - transferDrift * aimBelowGuess
    let gainNeeded = start.phaseAngle + aimXGuess / aStation
    let r1 = y1Guess.position.norm
    func gain(_ ap: Double) -> Double {
      let aT = 0.5 * (r1 + ap)
      let half = Double.pi / n(aT)
      let tPhase = (tB3 - tB1) - half
      return (n(aShip) - nS) * (tB1 - t0) + (Double.pi - nS * half) + (n(ap) - nS) * tPhase
    }
    var lo = aShip - 80_000
    var hi = aStation + 20_000
    var ap = aStation - aimBelowGuess
    if (gain(lo) - gainNeeded) * (gain(hi) - gainNeeded) < 0 {
      for _ in 0..<80 {
        ap = 0.5 * (lo + hi)
        if (gain(ap) - gainNeeded) * (gain(lo) - gainNeeded) > 0 { lo = ap } else { hi = ap }
      }
    } else {
      throw .targetingFailed(
        profile: scheme.profile.rawValue,
        detail: "no phasing orbit between \(Int((lo - 6_378_137) / 1000)) and \(Int((hi - 6_378_137) / 1000)) km closes a phase of \(format(start.phaseAngle / Angle.degree))°")
    }
    let v1 = y1Guess.velocity.norm
    let aT = 0.5 * (r1 + ap)
    let dv1Guess = (mu * (2 / r1 - 1 / aT)).squareRoot() - v1

    // Stage 1: B1 along-track (the targeter's variable) raises the apogee; B2 circularises there
    // (computed from the state at B2); objective at B3: x + (0.75·n·T)·z = x_handover in
    // curvilinear LVLH, i.e. the ship is where the final transfer closes on the hand-over point.
    let tC2 = tB2 - 240
    let tC3 = tB3 - 240
    func stage1(_ x: [Double], to end: Epoch, executed: Bool) throws(PropagationError) -> ([RendezvousBurn], [FiniteBurn], OrbitState, OrbitState) {
      var burns: [RendezvousBurn] = []
      var finite: [FiniteBurn] = []
      var m = yC1.mass
      let d1 = Vector3(x[0], b1Normal, 0)
      var f1: [FiniteBurn] = []
      if let b = planned("B1", center: tB1, deltaV: d1, massBefore: m, executed: executed) {
        burns.append(b.0)
        f1.append(b.1)
        m = massAfter(m, d1)
      }
      finite += f1
      let yC2 = try fly(from: yC1, at: tC1, to: tC2, burns: f1)
      let yB2 = try fly(from: yC2, at: tC2, to: tB2, burns: [])
      let mB2 = LocalOrbitalFrame.lvlh.rotation(position: yB2.position, velocity: yB2.velocity)
      let vL = mB2 * yB2.velocity
      let d2 = Vector3((mu / yB2.position.norm).squareRoot() - vL.x, 0, -vL.z)
      var f2: [FiniteBurn] = []
      if let b = planned("B2", center: tB2, deltaV: d2, massBefore: yC2.mass, executed: executed) {
        burns.append(b.0)
        f2.append(b.1)
      }
      finite += f2
      let yEnd = try fly(from: yC2, at: tC2, to: end, burns: f2)
      return (burns, finite, yC2, yEnd)
    }
    let targeter = Targeter(maxIterations: 25)
    let s1: TargeterResult
    do throws(TargeterError) {
      s1 = try targeter.solve(
        initial: [dv1Guess], perturbations: [0.01], tolerances: [20]
      ) { (x: [Double]) throws(PropagationError) -> [Double] in
        let y = try stage1(x, to: tB3, executed: false).3
        let c = Self.curvilinear(ship: y.position, station: stationB3.position, stationVelocity: stationB3.velocity)
        return [point.relativePosition.x - (c.x + transferDrift * c.z)]
      }
    } catch {
      throw .targetingFailed(profile: scheme.profile.rawValue, detail: "phasing burns B1/B2: \(error)")
    }
    evaluations += s1.evaluations
    let burns12: [RendezvousBurn]
    let finite12: [FiniteBurn]
    let yC2: OrbitState
    let yC3: OrbitState
    do throws(PropagationError) {
      (burns12, finite12, yC2, yC3) = try stage1(s1.variables, to: tC3, executed: true)
    } catch {
      throw .propagation("ship before B3: \(error)")
    }
    let mC3 = yC3.mass

    // Stage 2 guess: Lambert from the ship at B3 to the hand-over point at B4.
    let yB3: OrbitState
    do throws(PropagationError) {
      yB3 = try fly(from: yC3, at: tC3, to: tB3, burns: [])
    } catch {
      throw .propagation("ship at B3: \(error)")
    }
    let aimB4 = RelativeState(position: point.relativePosition, velocity: point.relativeVelocity)
      .chaser(target: cart(stationB4, tB4))
    let lambert = LambertSolver(mu: mu)
    var guess = [Double](repeating: 0, count: 6)
    if let sol = lambert.solution(from: yB3.position, to: aimB4.position, timeOfFlight: tB4 - tB3) {
      let m3 = LocalOrbitalFrame.lvlh.rotation(position: yB3.position, velocity: yB3.velocity)
      let d3 = m3 * (sol.departureVelocity - yB3.velocity)
      let m4 = LocalOrbitalFrame.lvlh.rotation(position: aimB4.position, velocity: sol.arrivalVelocity)
      let d4 = m4 * (aimB4.velocity - sol.arrivalVelocity)
      guess = [d3.x, d3.y, d3.z, d4.x, d4.y, d4.z]
    }
    func stage2Burns(_ x: [Double], executed: Bool) -> ([RendezvousBurn], [FiniteBurn], Double) {
      var burns: [RendezvousBurn] = []
      var finite: [FiniteBurn] = []
      var m = mC3
      let d3 = Vector3(x[0], x[1], x[2])
      if let b = planned("B3", center: tB3, deltaV: d3, massBefore: m, executed: executed) {
        burns.append(b.0)
        finite.append(b.1)
        m = massAfter(m, d3)
      }
      let d4 = Vector3(x[3], x[4], x[5])
      if let b = planned("B4", center: tB4, deltaV: d4, massBefore: m, executed: executed) {
        burns.append(b.0)
        finite.append(b.1)
        m = massAfter(m, d4)
      }
      return (burns, finite, m)
    }
    let stationHCart = cart(stationH, tH)
    let s2: TargeterResult
    do throws(TargeterError) {
      s2 = try targeter.solve(
        initial: guess, perturbations: [Double](repeating: 0.01, count: 6),
        tolerances: [1, 1, 1, 1e-3, 1e-3, 1e-3]
      ) { (x: [Double]) throws(PropagationError) -> [Double] in
        let (_, finite, _) = stage2Burns(x, executed: false)
        let y = try fly(from: yC3, at: tC3, to: tH, burns: finite)
        let rel = RelativeState(chaser: cart(y, tH), target: stationHCart)
        let dr = point.relativePosition - rel.position
        let dv = point.relativeVelocity - rel.velocity
        return [dr.x, dr.y, dr.z, dv.x, dv.y, dv.z]
      }
    } catch {
      throw .targetingFailed(profile: scheme.profile.rawValue, detail: "rendezvous burns B3/B4: \(error)")
    }
    evaluations += s2.evaluations
    let (burns34, finite34, _) = stage2Burns(s2.variables, executed: true)

    // The flown trajectory with samples (the same legs as the targeting, so nominal runs
    // reproduce the targeted hand-over exactly).
    var shipSamples: [(Epoch, OrbitState)] = []
    let yH: OrbitState
    do throws(PropagationError) {
      let record: (Epoch, OrbitState) -> Void = { e, y in
        if shipSamples.last.map({ e - $0.0 > 1e-6 }) ?? true { shipSamples.append((e, y)) }
      }
      _ = try fly(from: y0, at: t0, to: tC1, burns: [], sample: record)
      _ = try fly(from: yC1, at: tC1, to: tC2, burns: finite12.filter { $0.start < tC2 }, sample: record)
      _ = try fly(from: yC2, at: tC2, to: tC3, burns: finite12.filter { $0.start >= tC2 }, sample: record)
      yH = try fly(from: yC3, at: tC3, to: tH, burns: finite34, sample: record)
    } catch {
      throw .propagation("ship: \(error)")
    }
    var samples: [RendezvousSample] = []
    samples.reserveCapacity(min(shipSamples.count, stationSamples.count))
    var j = 0
    for (e, y) in shipSamples {
      while j < stationSamples.count && stationSamples[j].0 - e < -1e-6 { j += 1 }
      guard j < stationSamples.count, abs(stationSamples[j].0 - e) <= 1e-6 else { continue }
      let st = stationSamples[j].1
      samples.append(
        RendezvousSample(
          epoch: e, shipPosition: y.position, shipVelocity: y.velocity, shipMass: y.mass,
          stationPosition: st.position, stationVelocity: st.velocity))
    }
    let handover = RendezvousHandover(
      epoch: tH, ship: cart(yH, tH), shipMass: yH.mass, station: stationHCart, point: point)
    return PhasingResult(
      scheme: scheme, start: start, burns: burns12 + burns34, handover: handover, samples: samples,
      targeterIterations: (s1.iterations, s2.iterations), targeterEvaluations: evaluations)
  }

  /// Ship relative to the station in curvilinear LVLH coordinates: x = arc along the station's
  /// orbit (ahead positive), y = out of plane (LVLH sense, −ĥ), z = radius difference (below
  /// positive) (m).
  static func curvilinear(ship r: Vector3, station rs: Vector3, stationVelocity vs: Vector3) -> Vector3 {
    let h = rs.cross(vs).unit
    let outOfPlane = r.dot(h)
    let rp = r - outOfPlane * h
    let du = atan2(rs.cross(rp).dot(h), rs.dot(rp))
    return Vector3(rs.norm * du, -outOfPlane, rs.norm - r.norm)
  }

  /// A unit vector tilted by `angle` toward the azimuth `azimuth` about it (rad).
  static func tilt(_ d: Vector3, by angle: Double, azimuth: Double) -> Vector3 {
    let ref = abs(d.z) < 0.9 ? Vector3(0, 0, 1) : Vector3(1, 0, 0)
    let e1 = d.cross(ref).unit
    let e2 = d.cross(e1)
    let side = cos(azimuth) * e1 + sin(azimuth) * e2
    return (cos(angle) * d + sin(angle) * side).unit
  }
}
