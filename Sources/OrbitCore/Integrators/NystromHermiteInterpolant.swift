// Degree-8 Hermite interpolation of a trajectory from position, velocity and acceleration at
// the start, middle and end of a step. Newton form on the triple nodes 0, ½, 1 (confluent
// divided differences). References: Stoer & Bulirsch, *Introduction to Numerical Analysis*,
// 3rd ed., §2.1.5 (Hermite interpolation). Our own code.

/// Position interpolant of degree 8 matching r, v, a at the start, middle and end of a step;
/// the velocity is its derivative.
///
/// Accuracy: local error O(h⁹) in position (8th order) and O(h⁸) in velocity (7th order); max
/// position error ≈ h⁹·|r⁽⁹⁾|·1.1e-4/9!.
///
/// References: Stoer & Bulirsch, *Introduction to Numerical Analysis*, 3rd ed., §2.1.5.
@frozen
public struct NystromHermiteInterpolant: DenseOutput {
  /// Start of the step (s since the arc's start epoch).
  public var startTime: Double
  /// End of the step (s since the arc's start epoch).
  public var endTime: Double
  /// The (constant) mass over the step (kg).
  public var mass: Double
  // Newton coefficients c0…c8 on nodes z = 0,0,0,½,½,½,1,1,1 in s = (t − t0)/h.
  @usableFromInline var c0: Vector3
  @usableFromInline var c1: Vector3
  @usableFromInline var c2: Vector3
  @usableFromInline var c3: Vector3
  @usableFromInline var c4: Vector3
  @usableFromInline var c5: Vector3
  @usableFromInline var c6: Vector3
  @usableFromInline var c7: Vector3
  @usableFromInline var c8: Vector3

  /// The interpolant from (position m, velocity m/s, acceleration m/s²) at three instants.
  ///
  /// - Parameters:
  ///   - startTime: t0 (s since the arc's start epoch).
  ///   - endTime: t1 (s).
  ///   - mass: the mass over the step (kg).
  ///   - start: (r, v, a) at t0. - middle: at (t0 + t1)/2. - end: at t1.
  @inlinable
  public init(
    startTime: Double, endTime: Double, mass: Double,
    start: (Vector3, Vector3, Vector3), middle: (Vector3, Vector3, Vector3),
    end: (Vector3, Vector3, Vector3)
  ) {
    self.startTime = startTime
    self.endTime = endTime
    self.mass = mass
    let h = endTime - startTime
    let h2half = 0.5 * h * h
    // Level 0 and the repeated-node entries: f[z,z] = p', f[z,z,z] = p''/2 (in s).
    let p0 = start.0, pm = middle.0, p1 = end.0
    let v0 = h * start.1, vm = h * middle.1, v1 = h * end.1
    let a0 = h2half * start.2, am = h2half * middle.2, a1 = h2half * end.2
    // Level 1: f[z_i, z_{i+1}], i = 0…7.
    let d1_2 = 2.0 * (pm - p0)
    let d1_5 = 2.0 * (p1 - pm)
    // Level 2: i = 0…6 (spans: i=1: ½, 2: ½, 4: ½, 5: ½).
    let d2_0 = a0
    let d2_1 = 2.0 * (d1_2 - v0)
    let d2_2 = 2.0 * (vm - d1_2)
    let d2_3 = am
    let d2_4 = 2.0 * (d1_5 - vm)
    let d2_5 = 2.0 * (v1 - d1_5)
    let d2_6 = a1
    // Level 3: i = 0…5, all spans ½.
    let d3_0 = 2.0 * (d2_1 - d2_0)
    let d3_1 = 2.0 * (d2_2 - d2_1)
    let d3_2 = 2.0 * (d2_3 - d2_2)
    let d3_3 = 2.0 * (d2_4 - d2_3)
    let d3_4 = 2.0 * (d2_5 - d2_4)
    let d3_5 = 2.0 * (d2_6 - d2_5)
    // Level 4: i = 0…4, spans ½, ½, 1, ½, ½.
    let d4_0 = 2.0 * (d3_1 - d3_0)
    let d4_1 = 2.0 * (d3_2 - d3_1)
    let d4_2 = d3_3 - d3_2
    let d4_3 = 2.0 * (d3_4 - d3_3)
    let d4_4 = 2.0 * (d3_5 - d3_4)
    // Level 5: i = 0…3, spans ½, 1, 1, ½.
    let d5_0 = 2.0 * (d4_1 - d4_0)
    let d5_1 = d4_2 - d4_1
    let d5_2 = d4_3 - d4_2
    let d5_3 = 2.0 * (d4_4 - d4_3)
    // Levels 6–8: spans 1.
    let d6_0 = d5_1 - d5_0
    let d6_1 = d5_2 - d5_1
    let d6_2 = d5_3 - d5_2
    let d7_0 = d6_1 - d6_0
    let d7_1 = d6_2 - d6_1
    c0 = p0
    c1 = v0
    c2 = d2_0
    c3 = d3_0
    c4 = d4_0
    c5 = d5_0
    c6 = d6_0
    c7 = d7_0
    c8 = d7_1 - d7_0
  }

  /// The interpolated position (m) and velocity (m/s) at `t` (s since the arc's start epoch).
  @inlinable
  public func positionAndVelocity(at t: Double) -> (position: Vector3, velocity: Vector3) {
    let h = endTime - startTime
    let s = (t - startTime) / h
    let sm = s - 0.5
    let s1 = s - 1.0
    // Nested form q_k = c_k + (s − z_k) q_{k+1}, z = 0,0,0,½,½,½,1,1,(1); derivative alongside.
    var q = c8
    var dq = Vector3.zero
    dq = q + s1 * dq; q = c7 + s1 * q  // z7 = 1
    dq = q + s1 * dq; q = c6 + s1 * q  // z6 = 1
    dq = q + sm * dq; q = c5 + sm * q  // z5 = ½
    dq = q + sm * dq; q = c4 + sm * q  // z4 = ½
    dq = q + sm * dq; q = c3 + sm * q  // z3 = ½
    dq = q + s * dq; q = c2 + s * q  // z2 = 0
    dq = q + s * dq; q = c1 + s * q  // z1 = 0
    dq = q + s * dq; q = c0 + s * q  // z0 = 0
    return (q, dq / h)
  }

  /// The interpolated state at `t` (s since the arc's start epoch).
  @inlinable
  public func state(at t: Double) -> OrbitState {
    let (r, v) = positionAndVelocity(at: t)
    return OrbitState(position: r, velocity: v, mass: mass)
  }
}
