// Prince–Dormand RK8(7)13M: an adaptive 8th-order Runge–Kutta method with a 7th-order error
// estimator, 13 stages.
//
// Coefficients: P. J. Prince & J. R. Dormand, "High order embedded Runge-Kutta formulae",
// J. Comput. Appl. Math. 7 (1981) 67–75, Table 2 (RK8(7)13M), which publishes them as the
// rational approximations below (transcribed as reprinted in GNU GSL, ode-initval/rk8pd.c,
// "Prince-Dormand constants"). Before conversion we evaluated, in exact rational arithmetic,
// all 200 Butcher order conditions of order ≤ 8 for b and the 85 of order ≤ 7 for b̂: every
// residual is below 1e-17. Tests/OrbitCoreTests/IntegratorTableauTests.swift repeats the row
// sums and a subset of the conditions (bushy trees, b·A·c^k, b·A·A·c^k, b·(c∘A·c^k)) in
// double precision. The decimal literals in the code are
// the correctly rounded doubles of these rationals:
//   c: 0/1, 1/18, 1/12, 1/8, 5/16, 3/8, 59/400, 93/200, 5490023248/9719169821, 13/20,
//       1201146811/1299019798, 1/1, 1/1
//   a2: [1] 1/18
//   a3: [1] 1/48, [2] 1/16
//   a4: [1] 1/32, [3] 3/32
//   a5: [1] 5/16, [3] -75/64, [4] 75/64
//   a6: [1] 3/80, [4] 3/16, [5] 3/20
//   a7: [1] 29443841/614563906, [4] 77736538/692538347, [5] -28693883/1125000000, [6]
//       23124283/1800000000
//   a8: [1] 16016141/946692911, [4] 61564180/158732637, [5] 22789713/633445777, [6]
//       545815736/2771057229, [7] -180193667/1043307555
//   a9: [1] 39632708/573591083, [4] -433636366/683701615, [5] -421739975/2616292301, [6]
//       100302831/723423059, [7] 790204164/839813087, [8] 800635310/3783071287
//   a10: [1] 246121993/1340847787, [4] -37695042795/15268766246, [5] -309121744/1061227803, [6]
//       -12992083/490766935, [7] 6005943493/2108947869, [8] 393006217/1396673457, [9]
//       123872331/1001029789
//   a11: [1] -1028468189/846180014, [4] 8478235783/508512852, [5] 1311729495/1432422823, [6]
//       -10304129995/1701304382, [7] -48777925059/3047939560, [8] 15336726248/1032824649, [9]
//       -45442868181/3398467696, [10] 3065993473/597172653
//   a12: [1] 185892177/718116043, [4] -3185094517/667107341, [5] -477755414/1098053517, [6]
//       -703635378/230739211, [7] 5731566787/1027545527, [8] 5232866602/850066563, [9]
//       -4093664535/808688257, [10] 3962137247/1805957418, [11] 65686358/487910083
//   a13: [1] 403863854/491063109, [4] -5068492393/434740067, [5] -411421997/543043805, [6]
//       652783627/914296604, [7] 11173962825/925320556, [8] -13158990841/6184727034, [9]
//       3936647629/1978049680, [10] -160528059/685178525, [11] 248638103/1413531060
//   b (8th): [1] 14005451/335480064, [6] -59238493/1068277825, [7] 181606767/758867731, [8]
//       561292985/797845732, [9] -1041891430/1371343529, [10] 760417239/1151165299, [11]
//       118820643/751138087, [12] -528747749/2220607170, [13] 1/4
//   b^ (7th): [1] 13451932/455176623, [6] -808719846/976000145, [7] 1757004468/5645159321, [8]
//       656045339/265891186, [9] -3867574721/1518517206, [10] 465885868/322736535, [11]
//       53011238/667516719, [12] 2/45
//
// This is NOT Hairer's DOP853 (Hairer, Nørsett & Wanner 1993; Hipparchus/Orekit
// `DormandPrince853Integrator`), which is a different 12-stage 8(5,3) method.
//
// Dense output: no published 7th-order continuous extension of RK8(7)13M could be sourced, so
// the dense output is a quintic Hermite interpolant (5th order, local error O(h⁶)) through the
// step's start, midpoint and end values and derivatives. The midpoint comes from one extra
// RK8(7)13M step of h/2 from the start (12 evaluations, +1 for its derivative), computed only
// when dense output is requested for that step. Our own code.

/// Prince–Dormand RK8(7)13M: adaptive 8th-order Runge–Kutta with a 7th-order error estimate
/// (local extrapolation), 13 evaluations per accepted step (12 per rejected step).
///
/// This is **not** Hairer's "DOP853" (Hipparchus/Orekit `DormandPrince853Integrator`), a
/// different 8(5,3) method with 12 stages.
///
/// Dense output: a quintic Hermite interpolant through values and derivatives at the start,
/// middle and end of the step (order 5, not 7: no published 7th-order interpolant for
/// RK8(7)13M was available to us). The midpoint costs 13 extra evaluations, spent only for
/// steps whose dense output is requested.
///
/// References: Prince & Dormand, J. Comput. Appl. Math. 7 (1981) 67–75, RK8(7)13M;
/// Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.5 (step control), §II.6.
@frozen
public struct DormandPrince87<System: ODESystem>: Integrator {
  /// The integrated state.
  public typealias State = System.State

  public static var order: Int { 8 }
  public static var embeddedOrder: Int? { 7 }
  public static var denseOutputOrder: Int { 5 }
  public static var name: String { "DP8(7)" }

  @usableFromInline var currentTime: Double = 0
  @usableFromInline var currentState: State = .zero
  @usableFromInline var evaluations: Int = 0
  @usableFromInline var k1: State = .zero
  @usableFromInline var endTime: Double = 0
  @usableFromInline var endState: State = .zero
  @usableFromInline var previousTime: Double = 0
  @usableFromInline var previousState: State = .zero
  @usableFromInline var previousDerivative: State = .zero
  @usableFromInline var cachedDense: QuinticHermiteInterpolant<State>? = nil

  /// Time of the current point (s since the arc's start epoch).
  @inlinable public var time: Double { currentTime }
  /// The state at the current point.
  @inlinable public var state: State { currentState }
  /// Derivative evaluations made so far.
  @inlinable public var evaluationCount: Int { evaluations }

  /// An integrator with empty stage storage; call `begin` before stepping.
  @inlinable
  public init() {}

  @inlinable
  public mutating func begin(_ system: System, at t: Double, state y: State) {
    currentTime = t
    currentState = y
    previousTime = t
    previousState = y
    k1 = system.derivative(y, at: t)
    previousDerivative = k1
    evaluations &+= 1
    cachedDense = nil
  }

  /// One RK8(7)13M step from (t, y) with f(t, y) = k1 to `endTime`: the 8th-order end state
  /// and the difference between the 8th- and 7th-order solutions. Makes 12 evaluations.
  @inlinable
  static func step(
    _ system: System, t: Double, y: State, k1: State, endTime: Double
  ) -> (state: State, error: State) {
    let h = endTime - t
    var s: State = 0.05555555555555555 * k1
    let k2 = system.derivative(y + h * s, at: t + 0.05555555555555555 * h)
    s = 0.020833333333333332 * k1
    s += 0.0625 * k2
    let k3 = system.derivative(y + h * s, at: t + 0.08333333333333333 * h)
    s = 0.03125 * k1
    s += 0.09375 * k3
    let k4 = system.derivative(y + h * s, at: t + 0.125 * h)
    s = 0.3125 * k1
    s -= 1.171875 * k3
    s += 1.171875 * k4
    let k5 = system.derivative(y + h * s, at: t + 0.3125 * h)
    s = 0.0375 * k1
    s += 0.1875 * k4
    s += 0.15 * k5
    let k6 = system.derivative(y + h * s, at: t + 0.375 * h)
    s = 0.04791013711111111 * k1
    s += 0.11224871277777777 * k4
    s -= 0.02550567377777778 * k5
    s += 0.012846823888888888 * k6
    let k7 = system.derivative(y + h * s, at: t + 0.1475 * h)
    s = 0.01691798978729228 * k1
    s += 0.3878482784860432 * k4
    s += 0.03597736985150033 * k5
    s += 0.19697021421566607 * k6
    s -= 0.17271385234050185 * k7
    let k8 = system.derivative(y + h * s, at: t + 0.465 * h)
    s = 0.0690957533591923 * k1
    s -= 0.6342479767288541 * k4
    s -= 0.16119757522460407 * k5
    s += 0.13865030945882525 * k6
    s += 0.9409286140357562 * k7
    s += 0.21163632648194397 * k8
    let k9 = system.derivative(y + h * s, at: t + 0.5648654513822595 * h)
    s = 0.1835569968390454 * k1
    s -= 2.4687680843155926 * k4
    s -= 0.29128688781630047 * k5
    s -= 0.026473020233117376 * k6
    s += 2.8478387641928005 * k7
    s += 0.2813873314698498 * k8
    s += 0.12374489986331466 * k9
    let k10 = system.derivative(y + h * s, at: t + 0.65 * h)
    s = -1.2154248173958881 * k1
    s += 16.672608665945774 * k4
    s += 0.915741828416818 * k5
    s -= 6.056605804357471 * k6
    s -= 16.00357359415618 * k7
    s += 14.849303086297663 * k8
    s -= 13.371575735289849 * k9
    s += 5.134182648179638 * k10
    let k11 = system.derivative(y + h * s, at: t + 0.9246562776405044 * h)
    s = 0.25886091643826425 * k1
    s -= 4.774485785489205 * k4
    s -= 0.4350930137770325 * k5
    s -= 3.0494833320722416 * k6
    s += 5.5779200399360995 * k7
    s += 6.15583158986104 * k8
    s -= 5.062104586736939 * k9
    s += 2.193926173180679 * k10
    s += 0.13462799865933495 * k11
    let k12 = system.derivative(y + h * s, at: endTime)
    s = 0.8224275996265075 * k1
    s -= 11.658673257277664 * k4
    s -= 0.7576221166909362 * k5
    s += 0.7139735881595816 * k6
    s += 12.075774986890057 * k7
    s -= 2.127659113920403 * k8
    s += 1.9901662070489554 * k9
    s -= 0.23428647154404028 * k10
    s += 0.17589857770794226 * k11
    let k13 = system.derivative(y + h * s, at: endTime)
    s = 0.041747491141530244 * k1
    s -= 0.05545232861123931 * k6
    s += 0.2393128072011801 * k7
    s += 0.703510669403443 * k8
    s -= 0.7597596138144609 * k9
    s += 0.6605630309222863 * k10
    s += 0.15818748251012332 * k11
    s -= 0.2381095387528628 * k12
    s += 0.25 * k13
    let y1 = y + h * s
    s = 0.012194277465176748 * k1
    s += 0.7731539478765578 * k6
    s -= 0.07192809284993823 * k7
    s -= 1.763834521196444 * k8
    s += 1.787182038027448 * k9
    s -= 0.7829855527544889 * k10
    s += 0.07877188662899605 * k11
    s -= 0.28255398319730723 * k12
    s += 0.25 * k13
    let error = h * s
    return (y1, error)
  }

  @inlinable
  public mutating func attemptStep(
    _ system: System, to endTime: Double, tolerance: IntegrationTolerance
  ) -> StepAttempt<State> {
    let (y1, error) = Self.step(system, t: currentTime, y: currentState, k1: k1, endTime: endTime)
    evaluations &+= 12
    self.endTime = endTime
    self.endState = y1
    let norm = State.errorNorm(error, start: currentState, end: y1, tolerance: tolerance)
    return StepAttempt(state: y1, errorNorm: y1.isFinite ? norm : .nan)
  }

  @inlinable
  public mutating func acceptStep(_ system: System) {
    previousTime = currentTime
    previousState = currentState
    previousDerivative = k1
    currentTime = endTime
    currentState = endState
    k1 = system.derivative(currentState, at: currentTime)  // first stage of the next step
    evaluations &+= 1
    cachedDense = nil
  }

  @inlinable
  public mutating func denseOutput(_ system: System) -> QuinticHermiteInterpolant<State> {
    if let cachedDense { return cachedDense }
    let tMid = previousTime + 0.5 * (currentTime - previousTime)
    let (yMid, _) = Self.step(
      system, t: previousTime, y: previousState, k1: previousDerivative, endTime: tMid)
    let fMid = system.derivative(yMid, at: tMid)
    evaluations &+= 13
    let dense = QuinticHermiteInterpolant(
      startTime: previousTime, endTime: currentTime, y0: previousState, f0: previousDerivative,
      yMid: yMid, fMid: fMid, y1: currentState, f1: k1)
    cachedDense = dense
    return dense
  }
}
