import OrbitCore
import OrbitMissions

extension ReboostMonteCarlo {
  /// The ensemble model of a `reboost` scenario: its nominal plan, made once as the kind makes
  /// it (planned goal or fixed duration), flown per run with the run's dispersions.
  /// - Throws: `.propagationFailed` when the nominal plan cannot be made.
  static func model(_ spec: ReboostKind.Spec) throws(ScenarioError) -> MonteCarloModel {
    let plan: ReboostPlan
    do throws(ReboostError) {
      switch spec.goal {
      case .planned(let goal):
        plan = try ReboostPlanner.plan(
          initialState: spec.initialState, mass: spec.mass, propellant: spec.propellant, thruster: spec.thruster,
          goal: goal, start: spec.start, burnCount: spec.burnCount, environment: spec.environment)
      case .duration(let d):
        let period = ReboostPlanner.period(of: spec.initialState, mu: spec.environment.gravitationalParameter)
        let start = spec.start ?? spec.initialState.epoch + 1.15 * period
        plan = try ReboostPlanner.fixedBurns(
          initialState: spec.initialState, mass: spec.mass, propellant: spec.propellant, thruster: spec.thruster,
          burns: [(start, d)], environment: spec.environment)
      }
    } catch {
      throw .propagationFailed(propagator: "reboost (nominal plan)", reason: error.description)
    }
    return model(plan: plan, sampleStep: spec.sampleStep)
  }
}
