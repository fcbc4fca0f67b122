// Targeting an impulsive transfer on any propagation model: vary the departure burn's Δv (and
// optionally its time) to reach a target position at a fixed arrival epoch.

import OrbitCore

/// A transfer found by `Targeter.targetPosition`.
public struct TargetedTransfer: Hashable, Sendable {
  /// The burn epoch.
  public var burnEpoch: Epoch
  /// The burn, inertial (m/s).
  public var deltaV: Vector3
  /// The state just after the burn (m, m/s).
  public var postBurnState: CartesianState
  /// The state reached at the arrival epoch (m, m/s).
  public var arrivalState: CartesianState
  /// Corrector iterations and propagations used.
  public var iterations: Int
  /// Residual evaluations (each one propagation of the whole arc).
  public var evaluations: Int
}

extension Targeter {
  /// Corrects a departure burn so that the propagated trajectory reaches `target` at `arrival`.
  ///
  /// The chaser coasts from `initialState` to the burn epoch `initialState.epoch + burnDelay`,
  /// receives Δv, and coasts to `arrival`. Variables: Δv (3), plus the burn delay if
  /// `varyBurnTime` (then 4 variables for 3 objectives and the corrector takes minimum-norm
  /// steps, Δv scaled by 1 mm/s and time by 1 s). A Lambert solution on the two-body model is the
  /// natural first guess.
  ///
  /// - Parameters:
  ///   - initialState: the chaser before the burn (m, m/s).
  ///   - burnDelay: burn time after `initialState.epoch` (s); the first guess if varied (the
  ///     solution may then move the burn before `initialState.epoch`: the coast to it is
  ///     propagated backwards).
  ///   - deltaV: first guess of the burn, inertial (m/s).
  ///   - arrival: the arrival epoch.
  ///   - target: the position to reach at `arrival`, inertial (m).
  ///   - positionTolerance: convergence tolerance on each position component (m).
  ///   - varyBurnTime: whether the burn time is a variable too.
  ///   - propagate: the model: the state at an epoch from a state (any dynamics).
  /// - Returns: the targeted transfer.
  /// - Throws: `TargeterError`.
  public func targetPosition(
    from initialState: CartesianState, burnDelay: Double = 0, deltaV: Vector3, arrival: Epoch,
    target: Vector3, positionTolerance: Double = 1e-3, varyBurnTime: Bool = false,
    propagate: (CartesianState, Epoch) throws(PropagationError) -> CartesianState
  ) throws(TargeterError) -> TargetedTransfer {
    func arc(_ x: [Double]) throws(PropagationError) -> (CartesianState, CartesianState) {
      let delay = varyBurnTime ? x[3] : burnDelay
      var atBurn =
        delay == 0 ? initialState : try propagate(initialState, initialState.epoch + delay)
      atBurn.velocity += Vector3(x[0], x[1], x[2])
      return (atBurn, try propagate(atBurn, arrival))
    }
    var initial = [deltaV.x, deltaV.y, deltaV.z]
    var perturbations = [1e-3, 1e-3, 1e-3]
    if varyBurnTime {
      initial.append(burnDelay)
      perturbations.append(1)
    }
    let result = try solve(
      initial: initial, perturbations: perturbations,
      tolerances: [positionTolerance, positionTolerance, positionTolerance]
    ) { (x: [Double]) throws(PropagationError) -> [Double] in
      let end = try arc(x).1.position
      return [target.x - end.x, target.y - end.y, target.z - end.z]
    }
    let x = result.variables
    let (postBurn, arrived): (CartesianState, CartesianState)
    do { (postBurn, arrived) = try arc(x) } catch { throw .propagationFailed(error) }
    return TargetedTransfer(
      burnEpoch: postBurn.epoch, deltaV: Vector3(x[0], x[1], x[2]), postBurnState: postBurn,
      arrivalState: arrived, iterations: result.iterations, evaluations: result.evaluations + 1)
  }
}
