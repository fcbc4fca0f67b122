import OrbitCore
import OrbitMissions

extension ReboostMonteCarlo {
  /// The ensemble model of a `reboost` scenario: its nominal plan, made once as the kind makes
  /// it (planned goal or fixed duration), flown per run with the run's dispersions.
  /// - Throws: `.propagationFailed` when the nominal plan cannot be made.
  static func model(_ spec: ReboostKind.Spec) throws(ScenarioError) -> MonteCarloModel {
    let plan: ReboostPlan
    do throws(ReboostError) {
      plan = try ReboostKind.nominalPlan(spec)
    } catch {
      throw .propagationFailed(propagator: "reboost (nominal plan)", reason: error.description)
    }
    return model(plan: plan, sampleStep: spec.sampleStep)
  }
}
