// Butcher/Nyström tableau checks and measured convergence orders of the integrators.
//
// The tableaux below are the correctly rounded doubles of the published rationals (Prince &
// Dormand 1981, RK8(7)13M; Dormand, El-Mikkawy & Prince 1987, RKN12(10)17M), the same values
// as the literals in Sources/OrbitCore/Integrators. The order conditions are outside truth:
// a mistyped coefficient breaks them. The convergence tests then check the integrators' own
// code (a wrong literal there lowers the observed order).

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite("Integrators: tableaux and convergence order")
struct IntegratorTableauTests {
  static let dp87C: [Double] = [0.0, 0.05555555555555555, 0.08333333333333333, 0.125, 0.3125, 0.375, 0.1475, 0.465, 0.5648654513822595, 0.65, 0.9246562776405044, 1.0, 1.0]
  static let dp87A: [[Double]] = [
    [],
    [0.05555555555555555],
    [0.020833333333333332, 0.0625],
    [0.03125, 0.0, 0.09375],
    [0.3125, 0.0, -1.171875, 1.171875],
    [0.0375, 0.0, 0.0, 0.1875, 0.15],
    [0.04791013711111111, 0.0, 0.0, 0.11224871277777777, -0.02550567377777778, 0.012846823888888888],
    [0.01691798978729228, 0.0, 0.0, 0.3878482784860432, 0.03597736985150033, 0.19697021421566607, -0.17271385234050185],
    [0.0690957533591923, 0.0, 0.0, -0.6342479767288541, -0.16119757522460407, 0.13865030945882525, 0.9409286140357562, 0.21163632648194397],
    [0.1835569968390454, 0.0, 0.0, -2.4687680843155926, -0.29128688781630047, -0.026473020233117376, 2.8478387641928005, 0.2813873314698498, 0.12374489986331466],
    [-1.2154248173958881, 0.0, 0.0, 16.672608665945774, 0.915741828416818, -6.056605804357471, -16.00357359415618, 14.849303086297663, -13.371575735289849, 5.134182648179638],
    [0.25886091643826425, 0.0, 0.0, -4.774485785489205, -0.4350930137770325, -3.0494833320722416, 5.5779200399360995, 6.15583158986104, -5.062104586736939, 2.193926173180679, 0.13462799865933495],
    [0.8224275996265075, 0.0, 0.0, -11.658673257277664, -0.7576221166909362, 0.7139735881595816, 12.075774986890057, -2.127659113920403, 1.9901662070489554, -0.23428647154404028, 0.17589857770794226, 0.0],
  ]
  static let dp87B: [Double] = [0.041747491141530244, 0.0, 0.0, 0.0, 0.0, -0.05545232861123931, 0.2393128072011801, 0.703510669403443, -0.7597596138144609, 0.6605630309222863, 0.15818748251012332, -0.2381095387528628, 0.25]
  static let dp87BHat: [Double] = [0.0295532136763535, 0.0, 0.0, 0.0, 0.0, -0.828606276487797, 0.3112409000511183, 2.467345190599887, -2.546941651841909, 1.4435485836767752, 0.07941559588112729, 0.044444444444444446, 0.0]
  static let rknC: [Double] = [0.0, 0.02, 0.04, 0.1, 0.13333333333333333, 0.16, 0.05, 0.2, 0.25, 0.3333333333333333, 0.5, 0.5555555555555556, 0.75, 0.8571428571428571, 0.9452162222720143, 1.0, 1.0]
  static let rknA: [[Double]] = [
    [],
    [0.0002],
    [0.0002666666666666667, 0.0005333333333333334],
    [0.002916666666666667, -0.004166666666666667, 0.00625],
    [0.0016460905349794238, 0.0, 0.0054869684499314125, 0.0017558299039780521],
    [0.0019456, 0.0, 0.007151746031746032, 0.0029127111111111113, 0.0007899428571428571],
    [0.00056640625, 0.0, 0.0008809730489417989, -0.0004369212962962963, 0.00033900669642857143, -9.946469907407407e-05],
    [0.0030833333333333333, 0.0, 0.0, 0.0017777777777777779, 0.0027, 0.0015782828282828283, 0.01086060606060606],
    [0.00365183937480113, 0.0, 0.003965171714072343, 0.0031972582629306284, 0.008221467306855435, -0.0013130926959572379, 0.009771586968064868, 0.003755769069232834],
    [0.003707241068718501, 0.0, 0.005082045854555286, 0.001174708002175412, -0.021147629915126993, 0.06010463698107881, 0.02010573476850619, -0.02835075012293358, 0.014879568918581932],
    [0.03512537656073344, 0.0, -0.008615749195138479, -0.005791448051007917, 1.945554823782616, -3.4351238674565137, -0.10930701107475221, 2.3496383118995166, -0.7560094086870229, 0.10952897222156927],
    [0.020527792537482496, 0.0, -0.00728644676448018, -0.0021153556079618403, 0.9275807968723522, -1.6522824844257367, -0.02107956300568657, 1.2065364326207872, -0.4137144770010661, 0.09079873982809654, 0.005355552600533985],
    [-0.14324078875545515, 0.0, 0.012528703773091817, 0.006826019163969827, -4.799555395574387, 5.6986250439519415, 0.7553430369523645, -0.12755487858281084, -1.9605926051117384, 0.9185609056635262, -0.23880085505284432, 0.15911081357234216],
    [0.8045019205520489, 0.0, -0.016658527067011247, -0.021415834042629735, 16.827235928962466, -11.172835357176098, -3.377159297226324, -15.243326655360846, 17.179835738215417, -5.437719239823995, 1.3878671618364655, -0.5925827732652812, 0.029603873171297354],
    [-0.913296766697358, 0.0, 0.0024112725757805178, 0.01765812269386174, -14.851649779720384, 2.1589708670045757, 3.99791558311788, 28.434151800232232, -25.2593643549416, 7.733878542362238, -1.8913028948478674, 1.0014845070224718, 0.004641199599109052, 0.011218755022148957],
    [-0.27519629720559396, 0.0, 0.03661188877915492, 0.009789519688231562, -12.293062345886211, 14.207226453937903, 1.5866476906789537, 2.4577735327595946, -8.935193694403273, 4.373672731613407, -1.8347181765449492, 1.1592085289061491, -0.017290253165383924, 0.019325977904460768, 0.005204442937554993],
    [1.3076391847404059, 0.0, 0.017364109189745843, -0.018544456454265796, 14.811522032867726, 9.38317630848247, -5.2284261999445425, -48.95128052584765, 38.297096034337926, -10.58738133697598, 2.4332304376226275, -1.0453406042575444, 0.0717732095086726, 0.0021622109708082783, 0.007009595759602514, 0.0],
  ]
  static let rknB: [Double] = [0.012127868517185414, 0.0, 0.0, 0.0, 0.0, 0.0, 0.08629746251568875, 0.2525469581187147, -0.1974186799326823, 0.2031869190789726, -0.020775808077714918, 0.10967804874502014, 0.038065132526466504, 0.01163406880432423, 0.0046580297040248785, 0.0, 0.0]
  static let rknBPrime: [Double] = [0.012127868517185414, 0.0, 0.0, 0.0, 0.0, 0.0, 0.09083943422704079, 0.3156836976483934, -0.2632249065769097, 0.3047803786184589, -0.041551616155429835, 0.2467756096762953, 0.15226053010586602, 0.08143848163026961, 0.08502571193890811, -0.009155189630077963, 0.025]
  static let rknBHat: [Double] = [0.01700870190700699, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0722593359308314, 0.372026177326753, -0.40182114500930355, 0.3354550683013517, -0.13130650107533182, 0.18943190661604864, 0.026840802040029046, 0.016305665605917924, 0.0037999883566965944, 0.0, 0.0]
  static let rknBPrimeHat: [Double] = [0.01700870190700699, 0.0, 0.0, 0.0, 0.0, 0.0, 0.07606245887455937, 0.4650327216584413, -0.5357615266790714, 0.5031826024520275, -0.26261300215066363, 0.4262217898861095, 0.10736320816011619, 0.11413965924142547, 0.06936338665004868, 0.02, 0.0]


  /// x^k by repeated multiplication (exact for the small k used here up to rounding).
  static func power(_ x: Double, _ k: Int) -> Double {
    var r = 1.0
    for _ in 0..<k { r *= x }
    return r
  }

  /// (A·v)_i = Σ_j a_ij v_j.
  static func apply(_ a: [[Double]], _ v: [Double]) -> [Double] {
    a.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

  @Test("RK8(7)13M: row sums and order conditions", .tags(.validation))
  func dormandPrince87Tableau() {
    let c = Self.dp87C, a = Self.dp87A
    // Row sums Σ_j a_ij = c_i: coefficients reach ~17 in magnitude, so sums carry ~1e-14 of
    // rounding; the published rationals themselves agree to 1e-17.
    for i in 0..<13 { expectClose(a[i].reduce(0, +), c[i], absolute: 1e-14, "row \(i + 1)") }
    for (weights, order) in [(Self.dp87B, 8), (Self.dp87BHat, 7)] {
      // Bushy trees: Σ b c^k = 1/(k+1).
      for k in 0..<order {
        let ck = c.map { Self.power($0, k) }
        expectClose(Self.dot(weights, ck), 1 / Double(k + 1), absolute: 1e-14, "b·c^\(k)")
      }
      // Σ b (A c^k) = 1/((k+1)(k+2)) and Σ b (A A c^k) = 1/((k+1)(k+2)(k+3)).
      for k in 0..<(order - 1) {
        let ack = Self.apply(a, c.map { Self.power($0, k) })
        expectClose(Self.dot(weights, ack), 1 / Double((k + 1) * (k + 2)), absolute: 1e-13)
        if k + 3 <= order {
          let aack = Self.apply(a, ack)
          expectClose(
            Self.dot(weights, aack), 1 / Double((k + 1) * (k + 2) * (k + 3)), absolute: 1e-13)
        }
        // Σ b c (A c^k) = 1/((k+2)(k+3)) · (k+2)/(k+1)… written as the tree value 1/((k+1)(k+3)).
        if k + 3 <= order {
          let v = zip(c, ack).map { $0 * $1 }
          expectClose(Self.dot(weights, v), 1 / Double((k + 1) * (k + 3)), absolute: 1e-13)
        }
      }
    }
  }

  @Test("RKN12(10): row sums and Nyström order conditions", .tags(.validation))
  func nystrom1210Tableau() {
    let c = Self.rknC, a = Self.rknA
    // Σ_j a_ij = c_i²/2 (RKN row condition).
    for i in 0..<17 {
      expectClose(a[i].reduce(0, +), c[i] * c[i] / 2, absolute: 1e-13, "row \(i + 1)")
    }
    // Position weights: Σ b̄ c^k = 1/((k+1)(k+2)), k ≤ 10 (12th order), k ≤ 8 (10th order).
    for (weights, kMax) in [(Self.rknB, 10), (Self.rknBHat, 8)] {
      for k in 0...kMax {
        let ck = c.map { Self.power($0, k) }
        expectClose(Self.dot(weights, ck), 1 / Double((k + 1) * (k + 2)), absolute: 1e-13)
      }
    }
    // Velocity weights: Σ b c^k = 1/(k+1), k ≤ 11 (12th order), k ≤ 9 (10th order).
    for (weights, kMax) in [(Self.rknBPrime, 11), (Self.rknBPrimeHat, 9)] {
      for k in 0...kMax {
        let ck = c.map { Self.power($0, k) }
        expectClose(Self.dot(weights, ck), 1 / Double(k + 1), absolute: 1e-13)
      }
    }
    // Σ b (Ā c^k) = 1/((k+1)(k+2)(k+3)) for k ≤ 9, and b̄ = b(1 − c).
    for k in 0...9 {
      let ack = Self.apply(a, c.map { Self.power($0, k) })
      expectClose(
        Self.dot(Self.rknBPrime, ack), 1 / Double((k + 1) * (k + 2) * (k + 3)), absolute: 1e-13)
    }
    for i in 0..<17 {
      expectClose(Self.rknB[i], Self.rknBPrime[i] * (1 - c[i]), absolute: 1e-15)
    }
  }

  /// Final position error (m) after one ISS orbit (5600 s) with a fixed step.
  static func fixedStepError<M: Integrator>(_ method: M, step: Double) throws -> Double
  where M.System == TwoBodyDynamics {
    let run = try NumericalFixture.run(
      TwoBodyDynamics(gravitationalParameter: NumericalFixture.mu), method,
      options: .fixed(step: step), duration: 5600)
    let truth = try NumericalFixture.kepler(at: run.state.epoch)
    return (run.state.position - truth.position).norm
  }

  @Test("Observed orders: halving the step divides the error by about 2^p", .tags(.property))
  func convergenceOrders() throws {
    // Steps chosen so that both errors sit well above rounding (~1e-8 m) and in the
    // asymptotic range; the bound is 60 % of 2^p.
    let cases: [(String, Double, Double, Double)] = [
      ("RK4", try Self.fixedStepError(RungeKutta4(), step: 80),
        try Self.fixedStepError(RungeKutta4(), step: 40), 16),
      ("DP5(4)", try Self.fixedStepError(DormandPrince54(), step: 140),
        try Self.fixedStepError(DormandPrince54(), step: 70), 32),
      ("DP8(7)", try Self.fixedStepError(DormandPrince87(), step: 700),
        try Self.fixedStepError(DormandPrince87(), step: 350), 256),
      ("RKN12(10)", try Self.fixedStepError(RungeKuttaNystrom1210(), step: 1400),
        try Self.fixedStepError(RungeKuttaNystrom1210(), step: 700), 4096),
    ]
    for (name, coarse, fine, expected) in cases {
      print("\(name): error \(coarse) m → \(fine) m, ratio \(coarse / fine) (2^p = \(expected))")
      #expect(coarse / fine > 0.6 * expected, "\(name)")
    }
  }
}
