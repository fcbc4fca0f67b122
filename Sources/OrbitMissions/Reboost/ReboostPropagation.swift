// Numerical propagation for reboosts: Cowell with the environment's forces, finite burns with
// mass flow through OrbitCore's ManeuveringDynamics (steps end exactly at ignition and cut-off),
// Dormand–Prince 8(7). Our own code.

import OrbitCore

/// Runs the environment's model, with or without burns, and samples it.
///
/// References: Montenbruck & Gill (2000) §4.1 (Cowell), §3.8 (thrust); Prince & Dormand (1981).
enum ReboostPropagation {
  /// Propagates `state` (GCRF) from `from` to `to` (either direction) and returns the state at
  /// `to`; with `sampleStep`, also the states every `sampleStep` seconds from `from` (forward
  /// runs only), times measured from `reference`.
  static func run(
    _ environment: ReboostEnvironment, from: Epoch, state: OrbitState, to: Epoch, burns: [FiniteBurn] = [],
    dryMass: Double = 0, sampleStep: Double? = nil, reference: Epoch
  ) throws(ReboostError) -> (state: OrbitState, samples: [ReboostSample]) {
    let lo = from < to ? from : to
    let hi = from < to ? to : from
    let earth = EarthOrientationModel(tabulatedFrom: lo - 3600, to: hi + 3600)
    let base = ForceModelDynamics(
      forces: environment.forces(), referenceEpoch: from, properties: environment.properties,
      earthOrientation: earth)
    if burns.isEmpty {
      return try integrate(base, environment, from: from, state: state, to: to, sampleStep: sampleStep, burns: [], reference: reference)
    }
    let dynamics: ManeuveringDynamics<ForceModelDynamics<ReboostForces>>
    do throws(PropagationError) {
      dynamics = try ManeuveringDynamics(base: base, burns: burns, dryMass: dryMass)
    } catch {
      throw .propagation(error)
    }
    return try integrate(dynamics, environment, from: from, state: state, to: to, sampleStep: sampleStep, burns: burns, reference: reference)
  }

  static func integrate<D: ODESystem>(
    _ dynamics: D, _ environment: ReboostEnvironment, from: Epoch, state: OrbitState, to: Epoch,
    sampleStep: Double?, burns: [FiniteBurn], reference: Epoch
  ) throws(ReboostError) -> (state: OrbitState, samples: [ReboostSample]) where D.State == OrbitState {
    let propagator = NumericalPropagator(
      dynamics: dynamics, integrator: DormandPrince87<D>(), options: environment.options)
    var samples: [ReboostSample] = []
    var session: PropagationSession<D, DormandPrince87<D>>
    let outcome: PropagationOutcome
    do throws(PropagationError) {
      session = try propagator.session(from: from, frame: .gcrf, state: state)
      if let step = sampleStep, to - from > 0 {
        samples.reserveCapacity(Int((to - from) / step) + 2)
        outcome = try session.propagate(to: to, outputStep: step) { epoch, y in
          let firing = burns.contains { b in
            if case .duration(let d) = b.extent { return !(epoch < b.start) && epoch - b.start < d }
            return false
          }
          samples.append(
            ReboostSample(
              time: epoch - reference, epoch: epoch, position: y.position, velocity: y.velocity, mass: y.mass,
              thrusting: firing))
        }
      } else {
        outcome = try session.propagate(to: to)
      }
    } catch {
      throw .propagation(error)
    }
    switch outcome {
    case .reachedTarget:
      return (session.state, samples)
    case .stepLimit:
      throw .invalidInput("the numerical propagation reached its step limit at \(ReboostReport.utc(session.epoch))")
    case .stoppedByEvent(let e), .impact(let e):
      throw .invalidInput("the numerical propagation stopped at \(ReboostReport.utc(e.epoch)) (the orbit reached the surface)")
    }
  }
}
