// The mutable part of a numerical propagation: current state, integrator stages, counters.
//
// Step-size control: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.4,
// eq. (4.13): h_new = h·min(facmax, max(facmin, fac·err^(−1/(q+1)))), q the lower order of the
// pair, facmax = 1 right after a rejection. Initial step: ibid., pp. 169–170 (steps a–f).
// Fixed-step output from dense output: ibid., §II.6. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A running numerical propagation: the current point, the integrator with its preallocated
/// stages, the proposed next step and counters. Created by `NumericalPropagator.session`.
///
/// Time inside is seconds since `startEpoch` (a `Double`), so its resolution is set by the arc
/// length, never by the distance from J2000; epochs are `startEpoch + t` in two-part form.
/// No step allocates: the loop is generic over the dynamics and the integrator and is
/// specialised at the call site.
///
/// References: nyx `PropInstance`; Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4, §II.6.
@frozen
public struct PropagationSession<Dynamics: ODESystem, Method: Integrator>: Sendable
where Method.System == Dynamics {
  /// The differential equations.
  public let dynamics: Dynamics
  /// Step-size control options.
  public let options: IntegratorOptions
  /// The start epoch of the arc: integration time 0.
  public let startEpoch: Epoch
  /// The inertial frame of the states.
  public let frame: Frame
  @usableFromInline var method: Method
  @usableFromInline var accepted: Int = 0
  @usableFromInline var rejected: Int = 0
  @usableFromInline var proposed: Double? = nil

  /// The integrator, its stage storage and its current point.
  @inlinable public var integrator: Method { method }
  /// Accepted steps so far.
  @inlinable public var acceptedSteps: Int { accepted }
  /// Rejected step attempts so far.
  @inlinable public var rejectedSteps: Int { rejected }
  /// The step magnitude error control proposes next (s); nil before the first step.
  @inlinable public var proposedStep: Double? { proposed }

  @inlinable
  init(
    dynamics: Dynamics, integrator: Method, options: IntegratorOptions, startEpoch: Epoch,
    frame: Frame
  ) {
    self.dynamics = dynamics
    self.method = integrator
    self.options = options
    self.startEpoch = startEpoch
    self.frame = frame
  }

  /// Time of the current state (s since `startEpoch`).
  @inlinable
  public var time: Double { method.time }
  /// Epoch of the current state.
  @inlinable
  public var epoch: Epoch { startEpoch + method.time }
  /// The current state.
  @inlinable
  public var state: Dynamics.State { method.state }
  /// Derivative evaluations so far (including dense-output stages).
  @inlinable
  public var evaluationCount: Int { method.evaluationCount }

  /// Advances the state to `target` (forward or backward).
  ///
  /// - Parameter target: the epoch to reach.
  /// - Returns: `.reachedTarget`, or `.stepLimit` after `options.maxSteps` attempts (the
  ///   session stays usable and can be resumed).
  /// - Throws: `.nonFiniteState`, `.stepSizeUnderflow`.
  @inlinable
  public mutating func propagate(
    to target: Epoch
  ) throws(NumericalPropagationError) -> PropagationOutcome {
    try advance(to: target - startEpoch, outputStep: nil) { (_: Double, _: Dynamics.State) in }
  }

  /// Advances the state to `target`, reporting states on a fixed grid taken from the dense
  /// output (the steps are not shortened to hit the grid).
  ///
  /// The grid is the current time plus k·`outputStep` (k = 0, 1, …, in the direction of
  /// `target`, computed by multiplication, not accumulation), followed by `target` itself if it
  /// is not on the grid.
  ///
  /// - Parameters:
  ///   - target: the epoch to reach.
  ///   - outputStep: grid spacing (s, positive).
  ///   - body: called with each grid epoch and its state, in time order.
  /// - Returns: the outcome; output stops where the propagation stops.
  /// - Throws: `.invalidOptions(.outputStep)`, `.nonFiniteState`, `.stepSizeUnderflow`.
  @inlinable
  public mutating func propagate(
    to target: Epoch, outputStep: Double, _ body: (Epoch, Dynamics.State) -> Void
  ) throws(NumericalPropagationError) -> PropagationOutcome {
    guard outputStep.isFinite, outputStep > 0 else { throw .invalidOptions(.outputStep) }
    let start = startEpoch
    return try advance(to: target - startEpoch, outputStep: outputStep) { t, y in
      body(start + t, y)
    }
  }

  /// The automatic initial step of Hairer, Nørsett & Wanner (§II.4, pp. 169–170), signed.
  @inlinable
  func automaticInitialStep(direction: Double) -> Double {
    let t0 = method.time
    let y0 = method.state
    let f0 = dynamics.derivative(y0, at: t0)
    let tol = options.tolerance
    let q = Double(min(Method.order, Method.embeddedOrder ?? Method.order))
    let d0 = Dynamics.State.errorNorm(y0, start: y0, end: y0, tolerance: tol)
    let d1 = Dynamics.State.errorNorm(f0, start: y0, end: y0, tolerance: tol)
    var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
    h0 = min(h0, options.maxStep)
    let y1 = y0 + (direction * h0) * f0
    let f1 = dynamics.derivative(y1, at: t0 + direction * h0)
    let d2 = Dynamics.State.errorNorm(f1 - f0, start: y0, end: y0, tolerance: tol) / h0
    let dMax = max(d1, d2)
    let h1 = dMax <= 1e-15 ? max(1e-6, h0 * 1e-3) : pow(0.01 / dMax, 1.0 / (q + 1))
    var h = min(100 * h0, h1, options.maxStep)
    if !h.isFinite || h <= 0 { h = max(options.minStep, 1e-6) }
    return direction * max(h, options.minStep)
  }

  /// The step loop. `emit` receives grid times (s since `startEpoch`) and states.
  @inlinable
  mutating func advance(
    to tEnd: Double, outputStep: Double?, _ emit: (Double, Dynamics.State) -> Void
  ) throws(NumericalPropagationError) -> PropagationOutcome {
    let tStart = method.time
    let direction: Double = tEnd >= tStart ? 1 : -1
    var gridIndex = 0
    var lastEmitted = -Double.infinity
    if let outputStep {
      emitGrid(
        stepEnd: tStart, tStart: tStart, tEnd: tEnd, direction: direction,
        outputStep: outputStep, gridIndex: &gridIndex, lastEmitted: &lastEmitted, emit)
    }
    if tEnd == tStart { return .reachedTarget }

    let adaptive = options.fixedStep == nil
    let q = Double(min(Method.order, Method.embeddedOrder ?? Method.order))
    let exponent = -1.0 / (q + 1)
    var h: Double
    if let fixed = options.fixedStep {
      h = direction * fixed
    } else if let proposed {
      h = direction * min(abs(proposed), options.maxStep)
    } else if let initial = options.initialStep {
      h = direction * min(initial, options.maxStep)
    } else {
      h = automaticInitialStep(direction: direction)
    }
    var attempts = 0
    var lastWasRejected = false
    while true {
      let t = method.time
      if t == tEnd {
        if outputStep != nil && lastEmitted != tEnd { emit(tEnd, method.state) }
        break
      }
      if attempts >= options.maxSteps {
        proposed = abs(h)
        return .stepLimit
      }
      // Clip to the target; stretch by up to 1% rather than leave a sliver.
      var stepEnd = t + h
      var finalStep = false
      if direction * (t + 1.01 * h - tEnd) >= 0 {
        stepEnd = tEnd
        finalStep = true
      }
      let hActual = stepEnd - t
      if adaptive && !finalStep && abs(hActual) < options.minStep {
        throw .stepSizeUnderflow(epoch: startEpoch + t, step: abs(hActual))
      }
      if hActual == 0 || abs(hActual) <= 4 * t.ulp {
        throw .stepSizeUnderflow(epoch: startEpoch + t, step: abs(hActual))
      }
      attempts += 1
      let attempt = method.attemptStep(dynamics, to: stepEnd, tolerance: options.tolerance)
      let err = attempt.errorNorm
      if !adaptive {
        guard err.isFinite else { throw .nonFiniteState(epoch: startEpoch + stepEnd) }
        method.acceptStep(dynamics)
        accepted += 1
        if let outputStep {
          emitGrid(
            stepEnd: stepEnd, tStart: tStart, tEnd: tEnd, direction: direction,
            outputStep: outputStep, gridIndex: &gridIndex, lastEmitted: &lastEmitted, emit)
        }
        continue
      }
      if err.isNaN || err.isInfinite {
        // Non-finite stage: shrink hard; give up at the minimum step.
        rejected += 1
        lastWasRejected = true
        if abs(hActual) <= options.minStep {
          throw .nonFiniteState(epoch: startEpoch + stepEnd)
        }
        h = direction * max(abs(hActual) * options.minFactor, options.minStep)
        continue
      }
      var factor = options.safety * pow(max(err, 1e-300), exponent)
      if err <= 1 {
        method.acceptStep(dynamics)
        accepted += 1
        if let outputStep {
          emitGrid(
            stepEnd: stepEnd, tStart: tStart, tEnd: tEnd, direction: direction,
            outputStep: outputStep, gridIndex: &gridIndex, lastEmitted: &lastEmitted, emit)
        }
        factor = min(lastWasRejected ? 1 : options.maxFactor, max(options.minFactor, factor))
        lastWasRejected = false
        if finalStep && abs(hActual) < abs(h) {
          // A step shortened to hit the target says little about the next one: keep the
          // proposal that preceded it (resuming from a target then rejects no step).
          h = direction * min(abs(h), options.maxStep)
        } else {
          h = direction * min(abs(hActual) * factor, options.maxStep)
        }
        proposed = abs(h)
      } else {
        rejected += 1
        lastWasRejected = true
        factor = max(options.minFactor, min(1, factor))
        let hNew = abs(hActual) * factor
        if hNew < options.minStep {
          throw .stepSizeUnderflow(epoch: startEpoch + t, step: hNew)
        }
        h = direction * hNew
      }
    }
    return .reachedTarget
  }

  /// Emits the grid points in the step that ends at `stepEnd` (s): from the dense output, or
  /// the step's own end state for a grid point on it.
  @inlinable
  mutating func emitGrid(
    stepEnd: Double, tStart: Double, tEnd: Double, direction: Double, outputStep: Double,
    gridIndex: inout Int, lastEmitted: inout Double, _ emit: (Double, Dynamics.State) -> Void
  ) {
    var dense: Method.Interpolant? = nil
    while true {
      let tk = tStart + direction * (Double(gridIndex) * outputStep)
      if direction * (tk - tEnd) > 0 || direction * (tk - stepEnd) > 0 { return }
      let y: Dynamics.State
      if tk == stepEnd {
        y = method.state
      } else {
        if dense == nil { dense = method.denseOutput(dynamics) }
        y = dense.unsafelyUnwrapped.state(at: tk)
      }
      emit(tk, y)
      lastEmitted = tk
      gridIndex += 1
    }
  }
}

extension PropagationSession where Dynamics.State == OrbitState {
  /// The current position and velocity as a `CartesianState` (m, m/s).
  @inlinable
  public var cartesianState: CartesianState {
    let y = method.state
    return CartesianState(epoch: epoch, frame: frame, position: y.position, velocity: y.velocity)
  }

  /// Advances to `target` and returns the states on a fixed grid (see
  /// `propagate(to:outputStep:_:)`), as an ephemeris table.
  ///
  /// - Parameters:
  ///   - target: the epoch to reach.
  ///   - outputStep: grid spacing (s).
  /// - Returns: the grid states (m, m/s) and the outcome.
  /// - Throws: `NumericalPropagationError`.
  @inlinable
  public mutating func ephemeris(
    to target: Epoch, outputStep: Double
  ) throws(NumericalPropagationError) -> (states: [CartesianState], outcome: PropagationOutcome) {
    var states: [CartesianState] = []
    let frame = self.frame
    let outcome = try propagate(to: target, outputStep: outputStep) { epoch, y in
      states.append(
        CartesianState(epoch: epoch, frame: frame, position: y.position, velocity: y.velocity))
    }
    return (states, outcome)
  }
}
