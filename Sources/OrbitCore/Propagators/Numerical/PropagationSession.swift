// The mutable part of a numerical propagation: current state, integrator stages, counters.
//
// Step-size control: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed. (1993), §II.4,
// eq. (4.13): h_new = h·min(facmax, max(facmin, fac·err^(−1/(q+1)))), q the lower order of the
// pair, facmax = 1 right after a rejection. Initial step: ibid., pp. 169–170 (steps a–f), or
// IntegratorOptions.naturalInitialStep when larger.
// Fixed-step output from dense output: ibid., §II.6. Events: sampled at step ends (and every
// maxCheckInterval on the dense output), roots by Brent's method (Brent, Algorithms for
// Minimization without Derivatives (1973), ch. 4) on the dense output, after Orekit's event
// handling; switching dynamics: steps end at each switch (Montenbruck & Gill, Satellite Orbits
// (2000), §4.1.4). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A running numerical propagation: the current point, the integrator with its preallocated
/// stages, the proposed next step, the event detectors with their last g values, the recorded
/// events and counters. Created by `NumericalPropagator.session`.
///
/// Time inside is seconds since `startEpoch` (a `Double`), so its resolution is set by the arc
/// length, never by the distance from J2000; epochs are `startEpoch + t` in two-part form.
/// No step allocates: the loop is generic over the dynamics and the integrator and is
/// specialised at the call site. Detectors are existentials at coarse grain (STYLE.md §5.3):
/// one dynamic `g` call per detector per step end (plus samples inside steps longer than a
/// detector's `maxCheckInterval`, and the root finder's calls near an event); their g values
/// live in arrays allocated once with the session. Recording an event appends to `events`.
///
/// Events are located on the dense output of accepted steps; steps are never shortened to find
/// them; events of several detectors at one instant (within their location thresholds) are all
/// recorded, in detector order. A `.resetState` action (impulsive maneuver) or a `.stop` restarts the integrator at
/// the event. `SwitchingDynamics` (finite burns) make every step end exactly at a switch.
///
/// References: nyx `PropInstance`; Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4, §II.6;
/// Orekit event handling; Brent (1973) ch. 4.
@frozen
public struct PropagationSession<Dynamics: ODESystem, Method: Integrator>: Sendable
where Method.System == Dynamics {
  /// The differential equations (their mode changes at switches of `SwitchingDynamics`).
  @inlinable public var dynamics: Dynamics { currentDynamics }
  @usableFromInline var currentDynamics: Dynamics
  /// Step-size control options.
  public let options: IntegratorOptions
  /// The start epoch of the arc: integration time 0.
  public let startEpoch: Epoch
  /// The inertial frame of the states.
  public let frame: Frame
  /// The event detectors, in index order.
  public let detectors: [any EventDetector]
  /// The state at `startEpoch`.
  public let initialValue: Dynamics.State
  /// The events located so far, in time order (`removeAllEvents()` clears them).
  @inlinable public var events: [EventOccurrence] { eventLog }
  @usableFromInline var eventLog: [EventOccurrence] = []
  @usableFromInline var method: Method
  @usableFromInline var accepted: Int = 0
  @usableFromInline var rejected: Int = 0
  @usableFromInline var proposed: Double? = nil
  @usableFromInline var gValues: [Double]
  @usableFromInline var gScratch: [Double]
  @usableFromInline let switching: Bool
  @usableFromInline var rootScratch: [Double]
  /// Per detector: the sign of g after its event at `lastEventTime`, 0 if it had none then.
  @usableFromInline var lastEventSigns: [Double]
  @usableFromInline var lastEventTime: Double = .nan

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
    frame: Frame, detectors: [any EventDetector] = []
  ) {
    self.currentDynamics = dynamics
    self.method = integrator
    self.options = options
    self.startEpoch = startEpoch
    self.frame = frame
    self.detectors = detectors
    self.initialValue = integrator.state
    self.gValues = Array(repeating: 0, count: detectors.count)
    self.gScratch = Array(repeating: 0, count: detectors.count)
    self.rootScratch = Array(repeating: .nan, count: detectors.count)
    self.lastEventSigns = Array(repeating: 0, count: detectors.count)
    self.switching = Dynamics.self is any SwitchingDynamics.Type
    eventLog.reserveCapacity(16)
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

  /// Forgets the recorded events (detection continues).
  @inlinable
  public mutating func removeAllEvents() { eventLog.removeAll(keepingCapacity: true) }

  /// Advances the state to `target` (forward or backward), locating events on the way.
  ///
  /// - Parameter target: the epoch to reach.
  /// - Returns: `.reachedTarget`; `.stoppedByEvent` or `.impact` at a terminal event (the
  ///   session's state is then at the event); `.stepLimit` after `options.maxSteps` attempts
  ///   (the session stays usable and can be resumed).
  /// - Throws: `.nonFiniteState`, `.stepSizeUnderflow`, `.eventFunctionNotFinite`,
  ///   `.eventLocatorDiverged`, `.insufficientPropellant` and errors thrown by detectors'
  ///   actions.
  @inlinable
  public mutating func propagate(
    to target: Epoch
  ) throws(PropagationError) -> PropagationOutcome {
    try advance(to: target - startEpoch, outputStep: nil, includeResets: false) {
      (_: Double, _: Dynamics.State) in
    }
  }

  /// Advances the state to `target`, reporting states on a fixed grid taken from the dense
  /// output (the steps are not shortened to hit the grid).
  ///
  /// The grid is the current time plus k·`outputStep` (k = 0, 1, …, in the direction of
  /// `target`, computed by multiplication, not accumulation), followed by `target` itself if it
  /// is not on the grid. A grid point exactly at a state reset gets the state before the reset.
  ///
  /// - Parameters:
  ///   - target: the epoch to reach.
  ///   - outputStep: grid spacing (s, positive).
  ///   - body: called with each grid epoch and its state, in time order.
  /// - Returns: the outcome; output stops where the propagation stops.
  /// - Throws: `.invalidOptions(.outputStep)` and the errors of `propagate(to:)`.
  @inlinable
  public mutating func propagate(
    to target: Epoch, outputStep: Double, _ body: (Epoch, Dynamics.State) -> Void
  ) throws(PropagationError) -> PropagationOutcome {
    guard outputStep.isFinite, outputStep > 0 else { throw .invalidOptions(.outputStep) }
    let start = startEpoch
    return try advance(to: target - startEpoch, outputStep: outputStep, includeResets: false) { t, y in
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
    var h1 = dMax <= 1e-15 ? max(1e-6, h0 * 1e-3) : pow(0.01 / dMax, 1.0 / (q + 1))
    h1 = max(h1, IntegratorOptions.naturalInitialStep(d0: d0, d1: d1, order: q))
    var h = min(100 * h0, h1, options.maxStep)
    if !h.isFinite || h <= 0 { h = max(options.minStep, 1e-6) }
    return direction * max(h, options.minStep)
  }

  /// The state as an `OrbitState`. Only called when detectors or switching dynamics are
  /// present, which the session's creation restricts to `Dynamics.State == OrbitState`.
  @inlinable @inline(__always)
  func orbit(_ y: Dynamics.State) -> OrbitState { unsafeBitCast(y, to: OrbitState.self) }

  /// The inverse of `orbit(_:)`.
  @inlinable @inline(__always)
  func native(_ y: OrbitState) -> Dynamics.State { unsafeBitCast(y, to: Dynamics.State.self) }

  /// Sets the mode of switching dynamics for the arc starting now; restarts the integrator if
  /// the mode changed. Returns the next switch time (s), or nil. Coarse grain: once per call
  /// and per switch (the existential box may allocate).
  @inlinable
  mutating func prepareSwitchingArc(direction: Double) throws(PropagationError) -> Double? {
    guard switching, var s = dynamics as? any SwitchingDynamics else { return nil }
    let t = method.time
    let forward = direction > 0
    let changed = try s.prepareArc(
      at: t, referenceEpoch: startEpoch, state: orbit(method.state), forward: forward)
    let next = s.nextSwitch(after: t, referenceEpoch: startEpoch, forward: forward)
    currentDynamics = s as! Dynamics
    if changed { method.begin(dynamics, at: t, state: method.state) }
    return next
  }

  /// g of detector `i` at `y`, `epoch`, called on the array element in place: reading
  /// `detectors[i]` copies the existential, retaining every reference the detector holds.
  @inlinable @inline(__always)
  func eventFunction(_ i: Int, _ y: OrbitState, at epoch: Epoch) -> Double {
    detectors.withUnsafeBufferPointer { $0[i].g(y, at: epoch) }
  }

  /// The largest sampling interval (s) of detector `i`, read in place.
  @inlinable @inline(__always)
  func maxCheckInterval(_ i: Int) -> Double {
    detectors.withUnsafeBufferPointer { $0[i].maxCheckInterval }
  }

  /// g of every detector at the current point into `gValues`.
  @inlinable
  mutating func initializeEventFunctions() throws(PropagationError) {
    try evaluateEventFunctions(orbit(method.state), at: method.time)
  }

  /// g of every detector for `y` at `t` (s) into `gValues`. If the last events happened at `t`,
  /// their detectors' g keep the sign after those crossings: the event state (from a full
  /// integrator step) and the dense output it was located on differ in the last digits, and
  /// the same root must not be found twice.
  @inlinable
  mutating func evaluateEventFunctions(_ y: OrbitState, at t: Double) throws(PropagationError) {
    let epoch = startEpoch + t
    for i in detectors.indices {
      var g = eventFunction(i, y, at: epoch)
      guard g.isFinite else { throw .eventFunctionNotFinite(detector: i, epoch: epoch) }
      let sign = lastEventSigns[i]
      if sign != 0 && t == lastEventTime && !(g * sign > 0) {
        g = sign * Double.leastNormalMagnitude
      }
      gValues[i] = g
    }
  }

  /// What the events of one accepted step did.
  @usableFromInline
  enum StepEvents {
    /// Nothing that changes the trajectory (continuing events may have been recorded).
    case none
    /// A terminal event at `time` (s); the integrator was moved there.
    case stop(EventOccurrence, time: Double)
    /// A state reset at `time` (s); the integrator was restarted there with the new state.
    case reset(time: Double, before: OrbitState, after: OrbitState)
  }

  /// Finds the root of detector `i` between `a` and `b` (s) on the dense output, on the side
  /// after the crossing.
  @inlinable
  func locateRoot(
    detector i: Int, from a: Double, to b: Double, gAfter: Double, dense: Method.Interpolant
  ) throws(PropagationError) -> Double {
    if gAfter == 0 { return b }
    let detector = detectors[i]
    let start = startEpoch
    let threshold = detector.threshold
    let f = { (s: Double) -> Double in
      detector.g(unsafeBitCast(dense.state(at: s), to: OrbitState.self), at: start + s)
    }
    var root: Double
    switch BrentRoot.solve(from: a, to: b, absoluteTolerance: threshold, maxIterations: 200, f) {
    case .converged(let r, _): root = r
    case .notBracketed: return b  // the interpolant and the step end disagree in the last bits
    case .iterationLimit: throw .eventLocatorDiverged(detector: i, epoch: start + b)
    }
    // Move to the side after the crossing, so that the event is not found again.
    let direction: Double = b >= a ? 1 : -1
    var nudge = 0.5 * threshold
    for _ in 0..<8 {
      let g = f(root)
      if !g.isFinite { throw .eventFunctionNotFinite(detector: i, epoch: start + root) }
      if g == 0 || (g > 0) == (gAfter > 0) { return root }
      root += direction * nudge
      nudge *= 2
      if direction * (root - b) >= 0 { return b }
    }
    return b
  }

  /// Samples the detectors over the accepted step [t0, t1] (the integrator is at t1), locates
  /// the earliest accepted crossing, records it and applies its action; repeats for
  /// continuing events.
  @inlinable
  mutating func handleEvents(
    system: Dynamics, from t0: Double, start y0: Dynamics.State, to t1: Double, direction: Double,
    dense: inout Method.Interpolant?
  ) throws(PropagationError) -> StepEvents {
    let y1 = orbit(method.state)
    var tLo = t0
    outer: while tLo != t1 {
      let span = t1 - tLo
      var n = 1
      for i in detectors.indices {
        let k = (abs(span) / maxCheckInterval(i)).rounded(.up)
        if k > Double(n) { n = k < 1e6 ? Int(k) : 1_000_000 }
      }
      var sPrev = tLo
      for k in 1...n {
        let s = k == n ? t1 : tLo + span * (Double(k) / Double(n))
        let ys: OrbitState
        if s == t1 {
          ys = y1
        } else {
          if dense == nil { dense = method.denseOutput(system) }
          ys = orbit(dense.unsafelyUnwrapped.state(at: s))
        }
        let es = startEpoch + s
        var best = -1
        var bestTime = 0.0
        for i in detectors.indices {
          rootScratch[i] = .nan
          let gs = eventFunction(i, ys, at: es)
          guard gs.isFinite else { throw .eventFunctionNotFinite(detector: i, epoch: es) }
          gScratch[i] = gs
          let ga = gValues[i]
          let increasing: Bool
          if ga < 0 && gs >= 0 {
            increasing = true
          } else if ga > 0 && gs <= 0 {
            increasing = false
          } else {
            continue
          }
          guard detectors[i].direction.accepts(increasing: increasing) else { continue }
          if dense == nil { dense = method.denseOutput(system) }
          let root = try locateRoot(
            detector: i, from: sPrev, to: s, gAfter: gs, dense: dense.unsafelyUnwrapped)
          rootScratch[i] = root
          if best < 0 || direction * (root - bestTime) < 0 {
            best = i
            bestTime = root
          }
        }
        if best < 0 {
          for i in gValues.indices { gValues[i] = gScratch[i] }
          sPrev = s
          continue
        }
        // The earliest event of this sample interval. Its state comes from one step of the
        // integrator from t0 to te (full order, not the lower-order dense output); the
        // integrator is then put back at t1 (or restarted at te below).
        let te = bestTime
        var ye = y1
        if te != t1 {
          if dense == nil { dense = method.denseOutput(system) }
          method.begin(system, at: t0, state: y0)
          let attempt = method.attemptStep(system, to: te, tolerance: options.tolerance)
          ye = orbit(attempt.state)
          if !ye.isFinite { ye = orbit(dense.unsafelyUnwrapped.state(at: te)) }
          method.begin(system, at: t1, state: native(y1))
        }
        let epochE = startEpoch + te
        // Every detector whose crossing lies within the location threshold of te fired at the
        // same instant: each is recorded, in detector order, and its action applied; a later
        // one sees the state after an earlier one's reset. The propagation stops after the
        // instant if any of them stops it.
        var current = ye
        var stopOccurrence: EventOccurrence? = nil
        var wasReset = false
        lastEventTime = te
        for i in detectors.indices { lastEventSigns[i] = 0 }
        let bestThreshold = detectors[best].threshold
        for i in detectors.indices {
          let root = rootScratch[i]
          guard !root.isNaN, abs(root - te) <= max(detectors[i].threshold, bestThreshold) else {
            continue
          }
          // A crossing from g < 0 is increasing (gValues still hold the interval's start).
          let increasing = gValues[i] < 0
          let occurrence = EventOccurrence(
            detectorIndex: i, epoch: epochE, state: current,
            kind: detectors[i].kind(increasing: increasing), isIncreasing: increasing)
          eventLog.append(occurrence)
          lastEventSigns[i] = increasing ? 1 : -1
          switch try detectors[i].action(for: occurrence) {
          case .continue:
            break
          case .stop:
            if stopOccurrence == nil { stopOccurrence = occurrence }
          case .resetState(let newState):
            guard newState.isFinite else { throw .nonFiniteState(epoch: epochE) }
            current = newState
            wasReset = true
          }
        }
        if let stopOccurrence {
          if te != t1 || wasReset {
            if dense == nil { dense = method.denseOutput(system) }
            method.begin(system, at: te, state: native(current))
          }
          return .stop(stopOccurrence, time: te)
        }
        if wasReset {
          if dense == nil { dense = method.denseOutput(system) }
          method.begin(system, at: te, state: native(current))
          try initializeEventFunctions()
          return .reset(time: te, before: ye, after: current)
        }
        try evaluateEventFunctions(ye, at: te)
        tLo = te
        continue outer
      }
      break
    }
    return .none
  }

  /// The step loop. `emit` receives grid times (s since `startEpoch`) and states; with
  /// `includeResets`, a state reset also emits the states before and after it.
  @inlinable
  mutating func advance(
    to tEnd: Double, outputStep: Double?, includeResets: Bool,
    _ emit: (Double, Dynamics.State) -> Void
  ) throws(PropagationError) -> PropagationOutcome {
    let tStart = method.time
    let direction: Double = tEnd >= tStart ? 1 : -1
    var gridIndex = 0
    var lastEmitted = -Double.infinity
    let hasEvents = !detectors.isEmpty
    // The dynamics as a local, passed borrowed to the integrator: reading the stored property
    // for each call copied the whole value (retaining every array it holds) once per step.
    // Refreshed after each switch of a switching system.
    var system = currentDynamics
    if hasEvents {
      try initializeEventFunctions()
      // Starting below an impact altitude is an impact at once, not a run through the Earth.
      for i in detectors.indices where gValues[i] < 0 && detectors[i] is ImpactDetector {
        let occurrence = EventOccurrence(
          detectorIndex: i, epoch: startEpoch + tStart, state: orbit(method.state), kind: .impact,
          isIncreasing: false)
        eventLog.append(occurrence)
        return .impact(occurrence)
      }
    }
    if let outputStep {
      var none: Method.Interpolant? = nil
      emitGrid(
        system: system, upTo: tStart, endState: method.state, dense: &none, tStart: tStart, tEnd: tEnd,
        direction: direction, outputStep: outputStep, gridIndex: &gridIndex,
        lastEmitted: &lastEmitted, emit)
    }
    if tEnd == tStart { return .reachedTarget }
    var nextSwitch = try prepareSwitchingArc(direction: direction)
    system = currentDynamics

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
      var segmentEnd = tEnd
      if let s = nextSwitch {
        if direction * (s - t) <= 0 {
          // At (or, by rounding, past) a switch: set the next arc's mode.
          nextSwitch = try prepareSwitchingArc(direction: direction)
          system = currentDynamics
          continue
        }
        if direction * (s - tEnd) < 0 { segmentEnd = s }
      }
      if attempts >= options.maxSteps {
        proposed = abs(h)
        return .stepLimit
      }
      // Clip to the target or switch; stretch by up to 1% rather than leave a sliver.
      var stepEnd = t + h
      var finalStep = false
      if direction * (t + 1.01 * h - segmentEnd) >= 0 {
        stepEnd = segmentEnd
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
      let stepStartState = method.state
      let attempt =
        adaptive
        ? method.attemptStep(system, to: stepEnd, tolerance: options.tolerance)
        : method.attemptFixedStep(system, to: stepEnd, tolerance: options.tolerance)
      let err = attempt.errorNorm
      var factor = 1.0
      if !adaptive {
        guard err.isFinite else { throw .nonFiniteState(epoch: startEpoch + stepEnd) }
      } else if err.isNaN || err.isInfinite {
        // Non-finite stage: shrink hard; give up at the minimum step.
        rejected += 1
        lastWasRejected = true
        if abs(hActual) <= options.minStep {
          throw .nonFiniteState(epoch: startEpoch + stepEnd)
        }
        h = direction * max(abs(hActual) * options.minFactor, options.minStep)
        continue
      } else {
        factor = options.safety * pow(max(err, 1e-300), exponent)
        if err > 1 {
          rejected += 1
          lastWasRejected = true
          factor = max(options.minFactor, min(1, factor))
          let hNew = abs(hActual) * factor
          if hNew < options.minStep {
            throw .stepSizeUnderflow(epoch: startEpoch + t, step: hNew)
          }
          h = direction * hNew
          continue
        }
      }
      // Accepted.
      method.acceptStep(system)
      accepted += 1
      var dense: Method.Interpolant? = nil
      var stepEvents = StepEvents.none
      if hasEvents {
        stepEvents = try handleEvents(
          system: system, from: t, start: stepStartState, to: stepEnd, direction: direction, dense: &dense)
      }
      switch stepEvents {
      case .none:
        if let outputStep {
          emitGrid(
            system: system, upTo: stepEnd, endState: method.state, dense: &dense, tStart: tStart, tEnd: tEnd,
            direction: direction, outputStep: outputStep, gridIndex: &gridIndex,
            lastEmitted: &lastEmitted, emit)
        }
      case .stop(let occurrence, let te):
        if let outputStep {
          emitGrid(
            system: system, upTo: te, endState: native(occurrence.state), dense: &dense, tStart: tStart, tEnd: tEnd,
            direction: direction, outputStep: outputStep, gridIndex: &gridIndex,
            lastEmitted: &lastEmitted, emit)
        }
        proposed = abs(h)
        return occurrence.kind == .impact ? .impact(occurrence) : .stoppedByEvent(occurrence)
      case .reset(let te, let before, let after):
        if let outputStep {
          emitGrid(
            system: system, upTo: te, endState: native(before), dense: &dense, tStart: tStart, tEnd: tEnd,
            direction: direction, outputStep: outputStep, gridIndex: &gridIndex,
            lastEmitted: &lastEmitted, emit)
          if includeResets {
            if lastEmitted != te { emit(te, native(before)) }
            emit(te, native(after))
            lastEmitted = te
          }
        }
        nextSwitch = try prepareSwitchingArc(direction: direction)
        system = currentDynamics
      }
      if !adaptive { continue }
      // The first accepted step may grow further (the automatic initial step is small).
      let growth =
        accepted == 1 ? max(options.maxFactor, options.firstStepMaxFactor) : options.maxFactor
      factor = min(lastWasRejected ? 1 : growth, max(options.minFactor, factor))
      lastWasRejected = false
      if finalStep && abs(hActual) < abs(h) {
        // A step shortened to hit the target or a switch says little about the next one:
        // keep the proposal that preceded it (resuming from a target then rejects no step).
        h = direction * min(abs(h), options.maxStep)
      } else {
        h = direction * min(abs(hActual) * factor, options.maxStep)
      }
      proposed = abs(h)
    }
    return .reachedTarget
  }

  /// Emits the grid points up to `stepEnd` (s): from the dense output of the last accepted
  /// step, or `endState` for a grid point at `stepEnd`.
  @inlinable
  mutating func emitGrid(
    system: Dynamics, upTo stepEnd: Double, endState: Dynamics.State, dense: inout Method.Interpolant?,
    tStart: Double, tEnd: Double, direction: Double, outputStep: Double,
    gridIndex: inout Int, lastEmitted: inout Double, _ emit: (Double, Dynamics.State) -> Void
  ) {
    while true {
      let tk = tStart + direction * (Double(gridIndex) * outputStep)
      if direction * (tk - tEnd) > 0 || direction * (tk - stepEnd) > 0 { return }
      let y: Dynamics.State
      if tk == stepEnd {
        y = endState
      } else {
        if dense == nil { dense = method.denseOutput(system) }
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
  /// - Throws: `PropagationError`.
  @inlinable
  public mutating func ephemeris(
    to target: Epoch, outputStep: Double
  ) throws(PropagationError) -> (states: [CartesianState], outcome: PropagationOutcome) {
    var states: [CartesianState] = []
    let frame = self.frame
    let outcome = try propagate(to: target, outputStep: outputStep) { epoch, y in
      states.append(
        CartesianState(epoch: epoch, frame: frame, position: y.position, velocity: y.velocity))
    }
    return (states, outcome)
  }
}
