// Hermite interpolants on one step, in Newton form with repeated nodes (confluent divided
// differences). References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.6,
// eq. (6.7) (cubic Hermite dense output); Stoer & Bulirsch, *Introduction to Numerical
// Analysis*, 3rd ed., §2.1.5 (Hermite interpolation by divided differences). Our own code.

/// The cubic Hermite interpolant through (y0, f0) and (y1, f1) at the ends of a step.
///
/// Accuracy: local error O(h⁴) (a 3rd-order dense output), max ≈ h⁴·|y⁽⁴⁾|/384.
///
/// References: Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.6, eq. (6.7).
@frozen
public struct CubicHermiteInterpolant<State: IntegrableState>: DenseOutput {
  /// Start of the step (s since the arc's start epoch).
  public var startTime: Double
  /// End of the step (s since the arc's start epoch).
  public var endTime: Double
  @usableFromInline var c0: State
  @usableFromInline var c1: State
  @usableFromInline var c2: State
  @usableFromInline var c3: State

  /// The interpolant from the step's end values and derivatives.
  ///
  /// - Parameters:
  ///   - startTime: t0 (s since the arc's start epoch).
  ///   - endTime: t1 (s).
  ///   - y0: the state at t0. - f0: its derivative.
  ///   - y1: the state at t1. - f1: its derivative.
  @inlinable
  public init(startTime: Double, endTime: Double, y0: State, f0: State, y1: State, f1: State) {
    self.startTime = startTime
    self.endTime = endTime
    let h = endTime - startTime
    // Nodes 0, 0, 1, 1 in s = (t − t0)/h.
    let d01 = y1 - y0
    let df0 = h * f0
    let df1 = h * f1
    c0 = y0
    c1 = df0
    c2 = d01 - df0
    c3 = (df1 - d01) - (d01 - df0)
  }

  /// The interpolated state at `t` (s since the arc's start epoch).
  @inlinable
  public func state(at t: Double) -> State {
    let s = (t - startTime) / (endTime - startTime)
    // p(s) = c0 + s(c1 + s(c2 + (s − 1)c3))
    return c0 + s * (c1 + s * (c2 + (s - 1) * c3))
  }
}

/// The quintic Hermite interpolant through values and derivatives at the start, the middle and
/// the end of a step.
///
/// Accuracy: local error O(h⁶) (a 5th-order dense output), max ≈ h⁶·|y⁽⁶⁾|·0.00231/720.
///
/// References: Stoer & Bulirsch, *Introduction to Numerical Analysis*, 3rd ed., §2.1.5.
@frozen
public struct QuinticHermiteInterpolant<State: IntegrableState>: DenseOutput {
  /// Start of the step (s since the arc's start epoch).
  public var startTime: Double
  /// End of the step (s since the arc's start epoch).
  public var endTime: Double
  @usableFromInline var c0: State
  @usableFromInline var c1: State
  @usableFromInline var c2: State
  @usableFromInline var c3: State
  @usableFromInline var c4: State
  @usableFromInline var c5: State

  /// The interpolant from values and derivatives at t0, (t0 + t1)/2 and t1.
  ///
  /// - Parameters:
  ///   - startTime: t0 (s since the arc's start epoch).
  ///   - endTime: t1 (s).
  ///   - y0: the state at t0. - f0: its derivative.
  ///   - yMid: the state at the midpoint. - fMid: its derivative.
  ///   - y1: the state at t1. - f1: its derivative.
  @inlinable
  public init(
    startTime: Double, endTime: Double, y0: State, f0: State, yMid: State, fMid: State,
    y1: State, f1: State
  ) {
    self.startTime = startTime
    self.endTime = endTime
    let h = endTime - startTime
    // Nodes z = 0, 0, ½, ½, 1, 1 in s = (t − t0)/h; confluent divided differences.
    let g0 = h * f0
    let gm = h * fMid
    let g1 = h * f1
    // First differences: f[z0,z1]=g0, f[z1,z2]=2(ym−y0), f[z2,z3]=gm, f[z3,z4]=2(y1−ym), f[z4,z5]=g1.
    let d12 = 2.0 * (yMid - y0)
    let d34 = 2.0 * (y1 - yMid)
    // Second differences (spans ½, ½, ½, ½).
    let e0 = 2.0 * (d12 - g0)
    let e1 = 2.0 * (gm - d12)
    let e2 = 2.0 * (d34 - gm)
    let e3 = 2.0 * (g1 - d34)
    // Third differences (spans ½, 1, ½).
    let q0 = 2.0 * (e1 - e0)
    let q1 = e2 - e1
    let q2 = 2.0 * (e3 - e2)
    // Fourth differences (spans 1, 1).
    let r0 = q1 - q0
    let r1 = q2 - q1
    c0 = y0
    c1 = g0
    c2 = e0
    c3 = q0
    c4 = r0
    c5 = r1 - r0  // fifth difference (span 1)
  }

  /// The interpolated state at `t` (s since the arc's start epoch).
  @inlinable
  public func state(at t: Double) -> State {
    let s = (t - startTime) / (endTime - startTime)
    let sm = s - 0.5
    // Newton form on nodes 0, 0, ½, ½, 1, 1.
    let inner = c3 + sm * (c4 + (s - 1) * c5)
    return c0 + s * (c1 + s * (c2 + sm * inner))
  }
}
