// Batch propagation: many spacecraft under the same dynamics, integrated together in SIMD lanes
// with Runge–Kutta–Nyström 12(10), a shared step per lane group, and lane groups spread over
// threads.
//
// Step-size control is that of `PropagationSession` (Hairer, Nørsett & Wanner, *Solving ODEs
// I*, 2nd ed. (1993), §II.4, eq. (4.13), and the starting step of pp. 169–170), with the error
// norm of the group taken as the largest lane norm, so every lane meets its tolerance. Layout
// after heyoka's batch mode (one trajectory per SIMD lane). Our own code.

import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIMD lanes per group of a batch propagation: the number of spacecraft integrated together.
public enum BatchLaneWidth: Int, Sendable, CaseIterable {
  /// Two lanes (`SIMD2<Double>`: one SSE2 register per coordinate, no lane shuffles in the
  /// baseline x86-64 build).
  case two = 2
  /// Four lanes (`SIMD4<Double>`: one AVX register, two SSE2 registers).
  case four = 4
  /// Eight lanes (`SIMD8<Double>`: one AVX-512 register).
  case eight = 8
  /// Sixteen lanes (`SIMD16<Double>`: two AVX-512 registers, two independent dependency
  /// chains per stage for the out-of-order core to overlap).
  case sixteen = 16
}

/// Counters of a batch propagation, summed over lane groups.
@frozen
public struct BatchStatistics: Sendable, Hashable {
  /// The number of lane groups (⌈N / lanes⌉).
  public var laneGroups: Int = 0
  /// Accepted steps, summed over groups.
  public var acceptedSteps: Int = 0
  /// Rejected step attempts, summed over groups.
  public var rejectedSteps: Int = 0
  /// Acceleration evaluations of lane groups (each evaluates every lane of its group once).
  public var evaluations: Int = 0
  /// Groups that stopped at `IntegratorOptions.maxSteps` before the target; their
  /// spacecraft keep their initial states.
  public var stepLimitGroups: Int = 0

  /// Empty counters.
  @inlinable
  public init() {}
}

/// Propagates N spacecraft together under `LaneSecondOrderSystem` dynamics (point mass, point
/// mass + J2): struct-of-arrays states, `laneWidth` spacecraft per SIMD lane group, each group
/// integrated from the start epoch to the target by Runge–Kutta–Nyström 12(10), fixed-step or
/// adaptive with one step for the whole group (controlled by its worst lane); groups run on
/// `threads` threads.
///
/// Each group is independent, so the results do not depend on the number of threads. A group
/// of one real spacecraft (its spare lanes hold copies of it) takes exactly the steps of a
/// scalar `PropagationSession` with `RungeKuttaNystrom1210` started with the same initial step,
/// and its lane then equals the scalar result bit for bit (with the automatic initial step the
/// two estimate their first step slightly differently: the batch ignores mass).
///
/// Velocity-dependent forces (drag) are not supported: the Nyström method needs r'' = a(t, r).
///
/// References: Dormand, El-Mikkawy & Prince, IMA J. Numer. Anal. 7 (1987) 423–430; Hairer,
/// Nørsett & Wanner, *Solving ODEs I*, §II.4; heyoka batch mode.
@frozen
public struct BatchPropagator<Dynamics: LaneSecondOrderSystem>: Sendable {
  /// The dynamics, evaluated per lane.
  public var dynamics: Dynamics
  /// Step control: tolerances (m, m/s, relative; mass is ignored), initial, minimum and maximum
  /// step (s), step limit per group, fixed step, controller factors.
  public var options: IntegratorOptions
  /// Spacecraft per lane group.
  public var laneWidth: BatchLaneWidth

  /// A batch propagator from its parts.
  ///
  /// - Parameters:
  ///   - dynamics: the lane dynamics.
  ///   - options: step-size control (or `.fixed(step:)`).
  ///   - laneWidth: spacecraft per lane group (default 8).
  @inlinable
  public init(dynamics: Dynamics, options: IntegratorOptions, laneWidth: BatchLaneWidth = .eight) {
    self.dynamics = dynamics
    self.options = options
    self.laneWidth = laneWidth
  }

  /// Propagates every spacecraft of `states` from `epoch` to `target`, in place.
  ///
  /// - Parameters:
  ///   - states: positions (m) and velocities (m/s) at `epoch`; on return, at `target`.
  ///   - epoch: the epoch of `states`.
  ///   - target: the epoch to reach (earlier or later).
  ///   - threads: threads to spread the lane groups over (1, the default, runs on the
  ///     caller's thread; values below 1 count as 1).
  /// - Returns: step and evaluation counters.
  /// - Throws: `.invalidOptions` for unusable options; `.nonFiniteState` for
  ///   a non-finite input or a group whose state became non-finite; `.stepSizeUnderflow` when
  ///   error control needs a step below `options.minStep`. On a throw, `states` is unchanged.
  @inlinable
  public func propagate(
    _ states: inout BatchOrbitStates, from epoch: Epoch, to target: Epoch, threads: Int = 1
  ) throws(PropagationError) -> BatchStatistics {
    try options.validate(adaptive: true)
    guard states.isFinite else { throw .nonFiniteState(epoch: epoch) }
    let duration = target - epoch
    var output = states
    let results: [GroupResult]
    switch laneWidth {
    case .two:
      results = run(&output, duration: duration, threads: threads, lanes: SIMD2<Double>.self)
    case .four:
      results = run(&output, duration: duration, threads: threads, lanes: SIMD4<Double>.self)
    case .eight:
      results = run(&output, duration: duration, threads: threads, lanes: SIMD8<Double>.self)
    case .sixteen:
      results = run(&output, duration: duration, threads: threads, lanes: SIMD16<Double>.self)
    }
    var statistics = BatchStatistics()
    statistics.laneGroups = results.count
    for r in results {
      switch r.status {
      case .reachedTarget: break
      case .stepLimit: statistics.stepLimitGroups += 1
      case .nonFinite: throw .nonFiniteState(epoch: epoch + r.time)
      case .underflow: throw .stepSizeUnderflow(epoch: epoch + r.time, step: r.step)
      }
      statistics.acceptedSteps += r.accepted
      statistics.rejectedSteps += r.rejected
      statistics.evaluations += r.evaluations
    }
    states = output
    return statistics
  }

  /// How one lane group ended.
  @usableFromInline
  enum GroupStatus: Sendable {
    case reachedTarget, stepLimit, nonFinite, underflow
  }

  /// The end of one lane group's integration.
  @usableFromInline
  struct GroupResult: Sendable {
    @usableFromInline var status: GroupStatus = .reachedTarget
    /// Time of a failure (s since the start epoch).
    @usableFromInline var time = 0.0
    /// The step that underflowed (s).
    @usableFromInline var step = 0.0
    @usableFromInline var accepted = 0
    @usableFromInline var rejected = 0
    @usableFromInline var evaluations = 0

    @inlinable init() {}
  }

  /// Base addresses of the six component arrays and the results, shared by the worker
  /// threads; each group reads and writes only its own indices.
  @usableFromInline
  struct SharedBuffers: @unchecked Sendable {
    @usableFromInline let components: [UnsafeMutablePointer<Double>]
    @usableFromInline let results: UnsafeMutablePointer<GroupResult>
    @usableFromInline let count: Int

    @inlinable
    init(components: [UnsafeMutablePointer<Double>], results: UnsafeMutablePointer<GroupResult>, count: Int) {
      self.components = components
      self.results = results
      self.count = count
    }
  }

  /// Integrates every lane group of `states` (in place) and returns the groups' results.
  @inlinable
  func run<Lanes: SIMD & Sendable>(
    _ states: inout BatchOrbitStates, duration: Double, threads: Int, lanes: Lanes.Type
  ) -> [GroupResult] where Lanes.Scalar == Double {
    let n = states.count
    let width = Lanes.scalarCount
    let groups = (n + width - 1) / width
    var results = [GroupResult](repeating: GroupResult(), count: groups)
    if n == 0 { return results }
    let system = dynamics
    let options = self.options
    states.x.withUnsafeMutableBufferPointer { x in
      states.y.withUnsafeMutableBufferPointer { y in
        states.z.withUnsafeMutableBufferPointer { z in
          states.vx.withUnsafeMutableBufferPointer { vx in
            states.vy.withUnsafeMutableBufferPointer { vy in
              states.vz.withUnsafeMutableBufferPointer { vz in
                results.withUnsafeMutableBufferPointer { out in
                  let shared = SharedBuffers(
                    components: [
                      x.baseAddress!, y.baseAddress!, z.baseAddress!, vx.baseAddress!,
                      vy.baseAddress!, vz.baseAddress!,
                    ], results: out.baseAddress!, count: n)
                  let workers = min(threads, groups)
                  if workers <= 1 {
                    for g in 0..<groups {
                      Self.integrateGroup(g, shared, system, options, duration, Lanes.self)
                    }
                  } else {
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                      var g = w
                      while g < groups {
                        Self.integrateGroup(g, shared, system, options, duration, Lanes.self)
                        g += workers
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return results
  }

  /// Loads group `g` into lanes (spare lanes repeat the last spacecraft), integrates it and
  /// stores the lanes that hold spacecraft if the target was reached.
  @inlinable
  static func integrateGroup<Lanes: SIMD & Sendable>(
    _ g: Int, _ shared: SharedBuffers, _ system: Dynamics, _ options: IntegratorOptions,
    _ duration: Double, _ lanes: Lanes.Type
  ) where Lanes.Scalar == Double {
    let width = Lanes.scalarCount
    let first = g * width
    let c = shared.components
    var r = LaneVector3<Lanes>.zero
    var v = LaneVector3<Lanes>.zero
    for lane in 0..<width {
      let i = min(first + lane, shared.count - 1)
      r.x[lane] = c[0][i]
      r.y[lane] = c[1][i]
      r.z[lane] = c[2][i]
      v.x[lane] = c[3][i]
      v.y[lane] = c[4][i]
      v.z[lane] = c[5][i]
    }
    let result = integrate(system, options: options, position: &r, velocity: &v, duration: duration)
    shared.results[g] = result
    guard result.status == .reachedTarget else { return }
    for lane in 0..<min(width, shared.count - first) {
      let i = first + lane
      c[0][i] = r.x[lane]
      c[1][i] = r.y[lane]
      c[2][i] = r.z[lane]
      c[3][i] = v.x[lane]
      c[4][i] = v.y[lane]
      c[5][i] = v.z[lane]
    }
  }

  /// The scaled error norm of every lane (`OrbitState.errorNorm` lane by lane, mass excluded),
  /// NaN in a lane whose end state is not finite.
  @inlinable @inline(__always)
  static func laneErrorNorms<Lanes: SIMD>(
    errorPosition: LaneVector3<Lanes>, errorVelocity: LaneVector3<Lanes>,
    r0: LaneVector3<Lanes>, v0: LaneVector3<Lanes>, r1: LaneVector3<Lanes>, v1: LaneVector3<Lanes>,
    tolerance: IntegrationTolerance
  ) -> Lanes where Lanes.Scalar == Double {
    let sr = tolerance.position
      + tolerance.relative * pointwiseMax(r0.normSquared.squareRoot(), r1.normSquared.squareRoot())
    let sv = tolerance.velocity
      + tolerance.relative * pointwiseMax(v0.normSquared.squareRoot(), v1.normSquared.squareRoot())
    let er = errorPosition.normSquared / (sr * sr)
    let ev = errorVelocity.normSquared / (sv * sv)
    return ((er + ev) * (1.0 / 6.0)).squareRoot() + finiteProbe(r1, v1)
  }

  /// 0 in every lane whose position and velocity are finite, NaN in the others.
  @inlinable @inline(__always)
  static func finiteProbe<Lanes: SIMD>(
    _ r: LaneVector3<Lanes>, _ v: LaneVector3<Lanes>
  ) -> Lanes where Lanes.Scalar == Double {
    // ∞ − ∞ or ∞ × 0 is NaN.
    (r.x + r.y + r.z + v.x + v.y + v.z) * 0
  }

  /// The largest lane value; NaN if any lane is NaN.
  @inlinable @inline(__always)
  static func worst<Lanes: SIMD>(_ norms: Lanes) -> Double where Lanes.Scalar == Double {
    var m = 0.0
    for i in 0..<Lanes.scalarCount {
      let e = norms[i]
      if e.isNaN { return .nan }
      m = max(m, e)
    }
    return m
  }

  /// The automatic first step of Hairer, Nørsett & Wanner (§II.4, pp. 169–170) for every lane
  /// (position and velocity parts of `OrbitState.errorNorm`), the smallest over the lanes,
  /// signed.
  @inlinable
  static func automaticInitialStep<Lanes: SIMD>(
    _ system: Dynamics, options: IntegratorOptions, r0: LaneVector3<Lanes>, v0: LaneVector3<Lanes>,
    a0: LaneVector3<Lanes>, direction: Double
  ) -> Double where Lanes.Scalar == Double {
    let tol = options.tolerance
    let sr = tol.position + tol.relative * r0.normSquared.squareRoot()
    let sv = tol.velocity + tol.relative * v0.normSquared.squareRoot()
    func norm(_ p: LaneVector3<Lanes>, _ q: LaneVector3<Lanes>) -> Lanes {
      ((p.normSquared / (sr * sr) + q.normSquared / (sv * sv)) * (1.0 / 6.0)).squareRoot()
    }
    let d0 = norm(r0, v0)
    let d1 = norm(v0, a0)
    var h0 = Lanes()
    for i in 0..<Lanes.scalarCount {
      h0[i] = min((d0[i] < 1e-5 || d1[i] < 1e-5) ? 1e-6 : 0.01 * d0[i] / d1[i], options.maxStep)
    }
    let dh = direction * h0
    let r1 = r0 + dh * v0
    let v1 = v0 + dh * a0
    let a1 = system.acceleration(position: r1, at: 0)
    let d2 = norm(v1 - v0, a1 - a0)
    let q = 10.0  // the lower order of RKN12(10)
    var h = Double.infinity
    for i in 0..<Lanes.scalarCount {
      let dMax = max(d1[i], d2[i] / h0[i])
      var h1 = dMax <= 1e-15 ? max(1e-6, h0[i] * 1e-3) : pow(0.01 / dMax, 1.0 / (q + 1))
      h1 = max(
        h1,
        IntegratorOptions.naturalInitialStep(d0: d0[i], d1: d1[i], order: q))
      var hi = min(100 * h0[i], h1, options.maxStep)
      if !hi.isFinite || hi <= 0 { hi = max(options.minStep, 1e-6) }
      h = min(h, max(hi, options.minStep))
    }
    return direction * h
  }

  /// Integrates one lane group over `duration` (s): the step loop of `PropagationSession`
  /// without events, on the group's worst lane.
  @inlinable
  static func integrate<Lanes: SIMD>(
    _ system: Dynamics, options: IntegratorOptions, position r: inout LaneVector3<Lanes>,
    velocity v: inout LaneVector3<Lanes>, duration tEnd: Double
  ) -> GroupResult where Lanes.Scalar == Double {
    var result = GroupResult()
    var t = 0.0
    if tEnd == 0 { return result }
    let direction: Double = tEnd >= 0 ? 1 : -1
    var g1 = system.acceleration(position: r, at: 0)
    result.evaluations = 1
    let adaptive = options.fixedStep == nil
    let exponent = -1.0 / 11.0  // −1/(q + 1), q = 10
    var h: Double
    if let fixed = options.fixedStep {
      h = direction * fixed
    } else if let initial = options.initialStep {
      h = direction * min(initial, options.maxStep)
    } else {
      h = automaticInitialStep(system, options: options, r0: r, v0: v, a0: g1, direction: direction)
      result.evaluations += 1
    }
    let tolerance = options.tolerance
    let accelerations = LaneNystromAcceleration(system: system, lanes: Lanes.self)
    var attempts = 0
    var lastWasRejected = false
    while t != tEnd {
      if attempts >= options.maxSteps {
        result.status = .stepLimit
        result.time = t
        return result
      }
      var stepEnd = t + h
      var finalStep = false
      if direction * (t + 1.01 * h - tEnd) >= 0 {
        stepEnd = tEnd
        finalStep = true
      }
      let hActual = stepEnd - t
      if (adaptive && !finalStep && abs(hActual) < options.minStep) || hActual == 0
        || abs(hActual) <= 4 * t.ulp
      {
        result.status = .underflow
        result.time = t
        result.step = abs(hActual)
        return result
      }
      attempts += 1
      // Fixed steps skip the error estimate (22 of the step's 150 stage terms) and only check
      // that the end states are finite.
      let s = NystromStages1210.step(
        accelerations, t: t, r: r, v: v, g1: g1, endTime: stepEnd, errorEstimate: adaptive)
      result.evaluations += 16
      let err =
        adaptive
        ? worst(
          laneErrorNorms(
            errorPosition: s.errorPosition, errorVelocity: s.errorVelocity, r0: r, v0: v,
            r1: s.position, v1: s.velocity, tolerance: tolerance))
        : worst(finiteProbe(s.position, s.velocity))
      var factor = 1.0
      if !adaptive {
        guard err.isFinite else {
          result.status = .nonFinite
          result.time = stepEnd
          return result
        }
      } else if err.isNaN || err.isInfinite {
        result.rejected += 1
        lastWasRejected = true
        if abs(hActual) <= options.minStep {
          result.status = .nonFinite
          result.time = stepEnd
          return result
        }
        h = direction * max(abs(hActual) * options.minFactor, options.minStep)
        continue
      } else {
        factor = options.safety * pow(max(err, 1e-300), exponent)
        if err > 1 {
          result.rejected += 1
          lastWasRejected = true
          factor = max(options.minFactor, min(1, factor))
          let hNew = abs(hActual) * factor
          if hNew < options.minStep {
            result.status = .underflow
            result.time = t
            result.step = hNew
            return result
          }
          h = direction * hNew
          continue
        }
      }
      // Accepted.
      t = stepEnd
      r = s.position
      v = s.velocity
      g1 = system.acceleration(position: r, at: t)
      result.evaluations += 1
      result.accepted += 1
      if !adaptive { continue }
      // The first accepted step may grow further (the automatic initial step is small).
      let growth =
        result.accepted == 1 ? max(options.maxFactor, options.firstStepMaxFactor) : options.maxFactor
      factor = min(lastWasRejected ? 1 : growth, max(options.minFactor, factor))
      lastWasRejected = false
      if finalStep && abs(hActual) < abs(h) {
        h = direction * min(abs(h), options.maxStep)
      } else {
        h = direction * min(abs(hActual) * factor, options.maxStep)
      }
    }
    return result
  }
}
