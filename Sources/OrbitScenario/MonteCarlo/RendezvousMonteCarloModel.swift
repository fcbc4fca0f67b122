import OrbitCore
import OrbitMissions

extension RendezvousMonteCarlo {
  /// The per-run fields of a rendezvous ensemble.
  public static let fields = [
    "docking_time_h", "total_delta_v_m_s", "phasing_delta_v_m_s", "approach_delta_v_m_s", "phase_angle_deg",
  ]

  /// The ensemble model of the `rendezvous` kind: each run flies `RendezvousMission.simulate`
  /// with the run's `RendezvousPerturbations`. The nominal flight is simulated once first; a
  /// run whose scheme differs from the nominal one (e.g. a launch delay that closes the 2-orbit
  /// window) counts as a fallback. Docking time is contact minus the run's liftoff (after its
  /// launch delay). A run that cannot dock (no feasible scheme, targeting or approach failure)
  /// is a failure with the simulator's reason.
  ///
  /// - Throws: `.propagationFailed` when the nominal flight itself fails.
  static func model(_ n: RendezvousKind.Nominal) throws(ScenarioError) -> MonteCarloModel {
    let nominal: RendezvousResult
    do throws(RendezvousError) {
      nominal = try simulate(n, .none)
    } catch {
      throw .propagationFailed(propagator: "rendezvous (nominal flight)", reason: error.description)
    }
    let nominalProfile = nominal.profile
    return MonteCarloModel(
      fields: fields, histogramField: "docking_time_h", scatterFields: (x: "docking_time_h", y: "total_delta_v_m_s")
    ) { draws in
      let p = perturbations(draws)
      do throws(RendezvousError) {
        let r = try simulate(n, p)
        let approach = r.approach.burns.reduce(0.0) { $0 + $1.deltaVMagnitude }
        return MonteCarloRecord(
          run: draws.run, success: true, scheme: r.profile.rawValue, fallback: r.profile != nominalProfile,
          values: [
            (r.dockingEpoch - r.liftoff) / 3600, r.totalDeltaV, r.phasingDeltaV, approach,
            r.phaseAngle / Angle.degree,
          ])
      } catch {
        return MonteCarloRecord(
          run: draws.run, success: false, scheme: "", fallback: false, values: fields.map { _ in .nan },
          failure: error.description)
      }
    }
  }

  static func simulate(_ n: RendezvousKind.Nominal, _ p: RendezvousPerturbations) throws(RendezvousError) -> RendezvousResult {
    try RendezvousMission.simulate(
      tle: n.tle, liftoff: n.liftoff, pad: n.pad, profile: n.profile, port: n.port, vehicle: n.vehicle, perturbations: p)
  }
}
