// The stages of Runge–Kutta–Nyström 12(10), written once for any vector type: `Vector3` for
// one spacecraft (`RungeKuttaNystrom1210`) and `LaneVector3` for a SIMD lane group
// (`BatchPropagator`). Each specialisation performs the same operations in the same order, so a
// batch lane reproduces the scalar step bit for bit.
//
// Coefficients: J. R. Dormand, M. E. A. El-Mikkawy & P. J. Prince, "High-order embedded
// Runge-Kutta-Nyström formulae", IMA J. Numer. Anal. 7 (1987) 423–430 (RKN12(10)17M); their
// provenance and the order-condition checks are described in RungeKuttaNystrom1210.swift.
//
// Evaluation order: in each stage the newest acceleration enters the stage position last, as
// r + cᵢh·v + h²·(Σ_{j<k} aᵢⱼgⱼ) + (h²aᵢₖ)·gₖ, so that only one multiply and one add separate gₖ
// from the next evaluation (the step is a chain of 16 dependent evaluations). The literals
// stay in the code (not in a table): a constant multiplier is then a splat from the constant
// pool, with no shuffle per use in the lane kernels. In a build with `ORBIT_FMA` (Package.swift,
// `ORBIT_FMA=1`) every `x + c·g` is one fused multiply-add, in the scalar and the lane code
// alike. Our own code.

/// A vector type the RKN12(10) stages can combine (`Vector3`, `LaneVector3`). Named
/// operations rather than operator requirements: an operator in a protocol becomes one more
/// overload for every `+` and `*` in the module, and the type checker then gives up on the long
/// coefficient expressions of the other integrators. A conforming type gives the three
/// primitives; the combinations below are written once on top of them.
@usableFromInline
protocol NystromVector {
  /// The zero vector.
  static var zero: Self { get }
  /// `c * self`.
  func scaled(by c: Double) -> Self
  /// `self + other`.
  func adding(_ other: Self) -> Self
  /// `self + c * g` rounded once (fused multiply-add).
  func fusedAdding(_ c: Double, _ g: Self) -> Self
}

extension NystromVector {
  /// `self + c * g`: one fused multiply-add in a build with `ORBIT_FMA`, else a product and a sum.
  @inlinable @inline(__always)
  func addingMultiple(of g: Self, by c: Double) -> Self {
    #if ORBIT_FMA
      fusedAdding(c, g)
    #else
      adding(g.scaled(by: c))
    #endif
  }
  /// `self = self + c * g`.
  @inlinable @inline(__always)
  mutating func addMultiple(of g: Self, by c: Double) { self = addingMultiple(of: g, by: c) }
  /// `self = self - c * g` (the same rounding as adding (−c)·g).
  @inlinable @inline(__always)
  mutating func subtractMultiple(of g: Self, by c: Double) { self = addingMultiple(of: g, by: -c) }
  /// `r + ch * v + h2 * s`, left to right.
  @inlinable @inline(__always)
  static func endPosition(_ r: Self, _ ch: Double, _ v: Self, _ h2: Double, _ s: Self) -> Self {
    r.addingMultiple(of: v, by: ch).addingMultiple(of: s, by: h2)
  }
  /// `r + ch * v + h2 * s + a * g`, left to right.
  @inlinable @inline(__always)
  static func stagePosition(
    _ r: Self, _ ch: Double, _ v: Self, _ h2: Double, _ s: Self, _ a: Double, _ g: Self
  ) -> Self {
    endPosition(r, ch, v, h2, s).addingMultiple(of: g, by: a)
  }
}

extension SIMD3: NystromVector where Scalar == Double {
  @inlinable @inline(__always)
  func scaled(by c: Double) -> SIMD3 { c * self }
  @inlinable @inline(__always)
  func adding(_ other: SIMD3) -> SIMD3 { self + other }
}

extension LaneVector3: NystromVector {
  @inlinable @inline(__always)
  func scaled(by c: Double) -> LaneVector3 { c * self }
  @inlinable @inline(__always)
  func adding(_ other: LaneVector3) -> LaneVector3 { self + other }
}

/// The acceleration a(t, r) of a Nyström system over some vector type (an adapter around a
/// `SecondOrderSystem` or a `LaneSecondOrderSystem`).
@usableFromInline
protocol NystromAcceleration {
  associatedtype Vector: NystromVector
  /// The acceleration at `position` (m) and time `t` (s since the arc's start).
  func callAsFunction(_ position: Vector, at t: Double) -> Vector
}

/// A `SecondOrderSystem` at a fixed mass as a `NystromAcceleration` on `Vector3`.
@usableFromInline @frozen
struct ScalarNystromAcceleration<System: SecondOrderSystem>: NystromAcceleration {
  @usableFromInline let system: System
  @usableFromInline let mass: Double

  @inlinable @inline(__always)
  init(system: System, mass: Double) {
    self.system = system
    self.mass = mass
  }

  @inlinable @inline(__always)
  func callAsFunction(_ position: Vector3, at t: Double) -> Vector3 {
    system.acceleration(position: position, mass: mass, at: t)
  }
}

/// A `LaneSecondOrderSystem` as a `NystromAcceleration` on `LaneVector3<Lanes>`.
@usableFromInline @frozen
struct LaneNystromAcceleration<System: LaneSecondOrderSystem, Lanes: SIMD>: NystromAcceleration
where Lanes.Scalar == Double {
  @usableFromInline let system: System

  @inlinable @inline(__always)
  init(system: System, lanes: Lanes.Type) { self.system = system }

  @inlinable @inline(__always)
  func callAsFunction(_ position: LaneVector3<Lanes>, at t: Double) -> LaneVector3<Lanes> {
    system.acceleration(position: position, at: t)
  }
}

/// The RKN12(10) step, generic over the vector type (internal).
@usableFromInline
enum NystromStages1210 {
  /// One RKN12(10) step from (t, r, v) with a(t, r) = g1 to `endTime`: the 12th-order end
  /// position and velocity, and (when `errorEstimate` is true, otherwise zeros) their
  /// differences from the 10th-order ones. 16 evaluations of `a`.
  ///
  /// - Parameters:
  ///   - a: the acceleration.
  ///   - t: start time (s).
  ///   - r: start position (m).
  ///   - v: start velocity (m/s).
  ///   - g1: the acceleration at (t, r) (m/s²).
  ///   - endTime: end time (s).
  ///   - errorEstimate: whether to form the error estimate (fixed steps do not need it).
  /// - Returns: end position (m), velocity (m/s) and the error estimates (m, m/s).
  @inlinable @inline(__always)
  static func step<A: NystromAcceleration>(
    _ a: A, t: Double, r: A.Vector, v: A.Vector, g1: A.Vector, endTime: Double,
    errorEstimate: Bool
  ) -> (position: A.Vector, velocity: A.Vector, errorPosition: A.Vector, errorVelocity: A.Vector) {
    typealias V = A.Vector
    let h = endTime - t
    let h2 = h * h
    var s = g1.scaled(by: 0.0002)
    let g2 = a(V.endPosition(r, 0.02 * h, v, h2, s), at: t + 0.02 * h)
    s = g1.scaled(by: 0.0002666666666666667)
    let g3 = a(
      V.stagePosition(r, 0.04 * h, v, h2, s, (h2 * 0.0005333333333333334), g2), at: t + 0.04 * h)
    s = g1.scaled(by: 0.002916666666666667)
    s.subtractMultiple(of: g2, by: 0.004166666666666667)
    let g4 = a(
      V.stagePosition(r, 0.1 * h, v, h2, s, (h2 * 0.00625), g3), at: t + 0.1 * h)
    s = g1.scaled(by: 0.0016460905349794238)
    s.addMultiple(of: g3, by: 0.0054869684499314125)
    let g5 = a(
      V.stagePosition(r, 0.13333333333333333 * h, v, h2, s, (h2 * 0.0017558299039780521), g4),
      at: t + 0.13333333333333333 * h)
    s = g1.scaled(by: 0.0019456)
    s.addMultiple(of: g3, by: 0.007151746031746032)
    s.addMultiple(of: g4, by: 0.0029127111111111113)
    let g6 = a(
      V.stagePosition(r, 0.16 * h, v, h2, s, (h2 * 0.0007899428571428571), g5), at: t + 0.16 * h)
    s = g1.scaled(by: 0.00056640625)
    s.addMultiple(of: g3, by: 0.0008809730489417989)
    s.subtractMultiple(of: g4, by: 0.0004369212962962963)
    s.addMultiple(of: g5, by: 0.00033900669642857143)
    let g7 = a(
      V.stagePosition(r, 0.05 * h, v, h2, s, -(h2 * 9.946469907407407e-05), g6), at: t + 0.05 * h)
    s = g1.scaled(by: 0.0030833333333333333)
    s.addMultiple(of: g4, by: 0.0017777777777777779)
    s.addMultiple(of: g5, by: 0.0027)
    s.addMultiple(of: g6, by: 0.0015782828282828283)
    let g8 = a(
      V.stagePosition(r, 0.2 * h, v, h2, s, (h2 * 0.01086060606060606), g7), at: t + 0.2 * h)
    s = g1.scaled(by: 0.00365183937480113)
    s.addMultiple(of: g3, by: 0.003965171714072343)
    s.addMultiple(of: g4, by: 0.0031972582629306284)
    s.addMultiple(of: g5, by: 0.008221467306855435)
    s.subtractMultiple(of: g6, by: 0.0013130926959572379)
    s.addMultiple(of: g7, by: 0.009771586968064868)
    let g9 = a(
      V.stagePosition(r, 0.25 * h, v, h2, s, (h2 * 0.003755769069232834), g8), at: t + 0.25 * h)
    s = g1.scaled(by: 0.003707241068718501)
    s.addMultiple(of: g3, by: 0.005082045854555286)
    s.addMultiple(of: g4, by: 0.001174708002175412)
    s.subtractMultiple(of: g5, by: 0.021147629915126993)
    s.addMultiple(of: g6, by: 0.06010463698107881)
    s.addMultiple(of: g7, by: 0.02010573476850619)
    s.subtractMultiple(of: g8, by: 0.02835075012293358)
    let g10 = a(
      V.stagePosition(r, 0.3333333333333333 * h, v, h2, s, (h2 * 0.014879568918581932), g9),
      at: t + 0.3333333333333333 * h)
    s = g1.scaled(by: 0.03512537656073344)
    s.subtractMultiple(of: g3, by: 0.008615749195138479)
    s.subtractMultiple(of: g4, by: 0.005791448051007917)
    s.addMultiple(of: g5, by: 1.945554823782616)
    s.subtractMultiple(of: g6, by: 3.4351238674565137)
    s.subtractMultiple(of: g7, by: 0.10930701107475221)
    s.addMultiple(of: g8, by: 2.3496383118995166)
    s.subtractMultiple(of: g9, by: 0.7560094086870229)
    let g11 = a(
      V.stagePosition(r, 0.5 * h, v, h2, s, (h2 * 0.10952897222156927), g10), at: t + 0.5 * h)
    s = g1.scaled(by: 0.020527792537482496)
    s.subtractMultiple(of: g3, by: 0.00728644676448018)
    s.subtractMultiple(of: g4, by: 0.0021153556079618403)
    s.addMultiple(of: g5, by: 0.9275807968723522)
    s.subtractMultiple(of: g6, by: 1.6522824844257367)
    s.subtractMultiple(of: g7, by: 0.02107956300568657)
    s.addMultiple(of: g8, by: 1.2065364326207872)
    s.subtractMultiple(of: g9, by: 0.4137144770010661)
    s.addMultiple(of: g10, by: 0.09079873982809654)
    let g12 = a(
      V.stagePosition(r, 0.5555555555555556 * h, v, h2, s, (h2 * 0.005355552600533985), g11),
      at: t + 0.5555555555555556 * h)
    s = g1.scaled(by: -0.14324078875545515)
    s.addMultiple(of: g3, by: 0.012528703773091817)
    s.addMultiple(of: g4, by: 0.006826019163969827)
    s.subtractMultiple(of: g5, by: 4.799555395574387)
    s.addMultiple(of: g6, by: 5.6986250439519415)
    s.addMultiple(of: g7, by: 0.7553430369523645)
    s.subtractMultiple(of: g8, by: 0.12755487858281084)
    s.subtractMultiple(of: g9, by: 1.9605926051117384)
    s.addMultiple(of: g10, by: 0.9185609056635262)
    s.subtractMultiple(of: g11, by: 0.23880085505284432)
    let g13 = a(
      V.stagePosition(r, 0.75 * h, v, h2, s, (h2 * 0.15911081357234216), g12), at: t + 0.75 * h)
    s = g1.scaled(by: 0.8045019205520489)
    s.subtractMultiple(of: g3, by: 0.016658527067011247)
    s.subtractMultiple(of: g4, by: 0.021415834042629735)
    s.addMultiple(of: g5, by: 16.827235928962466)
    s.subtractMultiple(of: g6, by: 11.172835357176098)
    s.subtractMultiple(of: g7, by: 3.377159297226324)
    s.subtractMultiple(of: g8, by: 15.243326655360846)
    s.addMultiple(of: g9, by: 17.179835738215417)
    s.subtractMultiple(of: g10, by: 5.437719239823995)
    s.addMultiple(of: g11, by: 1.3878671618364655)
    s.subtractMultiple(of: g12, by: 0.5925827732652812)
    let g14 = a(
      V.stagePosition(r, 0.8571428571428571 * h, v, h2, s, (h2 * 0.029603873171297354), g13),
      at: t + 0.8571428571428571 * h)
    s = g1.scaled(by: -0.913296766697358)
    s.addMultiple(of: g3, by: 0.0024112725757805178)
    s.addMultiple(of: g4, by: 0.01765812269386174)
    s.subtractMultiple(of: g5, by: 14.851649779720384)
    s.addMultiple(of: g6, by: 2.1589708670045757)
    s.addMultiple(of: g7, by: 3.99791558311788)
    s.addMultiple(of: g8, by: 28.434151800232232)
    s.subtractMultiple(of: g9, by: 25.2593643549416)
    s.addMultiple(of: g10, by: 7.733878542362238)
    s.subtractMultiple(of: g11, by: 1.8913028948478674)
    s.addMultiple(of: g12, by: 1.0014845070224718)
    s.addMultiple(of: g13, by: 0.004641199599109052)
    let g15 = a(
      V.stagePosition(r, 0.9452162222720143 * h, v, h2, s, (h2 * 0.011218755022148957), g14),
      at: t + 0.9452162222720143 * h)
    s = g1.scaled(by: -0.27519629720559396)
    s.addMultiple(of: g3, by: 0.03661188877915492)
    s.addMultiple(of: g4, by: 0.009789519688231562)
    s.subtractMultiple(of: g5, by: 12.293062345886211)
    s.addMultiple(of: g6, by: 14.207226453937903)
    s.addMultiple(of: g7, by: 1.5866476906789537)
    s.addMultiple(of: g8, by: 2.4577735327595946)
    s.subtractMultiple(of: g9, by: 8.935193694403273)
    s.addMultiple(of: g10, by: 4.373672731613407)
    s.subtractMultiple(of: g11, by: 1.8347181765449492)
    s.addMultiple(of: g12, by: 1.1592085289061491)
    s.subtractMultiple(of: g13, by: 0.017290253165383924)
    s.addMultiple(of: g14, by: 0.019325977904460768)
    let g16 = a(V.stagePosition(r, h, v, h2, s, h2 * 0.005204442937554993, g15), at: endTime)
    s = g1.scaled(by: 1.3076391847404059)
    s.addMultiple(of: g3, by: 0.017364109189745843)
    s.subtractMultiple(of: g4, by: 0.018544456454265796)
    s.addMultiple(of: g5, by: 14.811522032867726)
    s.addMultiple(of: g6, by: 9.38317630848247)
    s.subtractMultiple(of: g7, by: 5.2284261999445425)
    s.subtractMultiple(of: g8, by: 48.95128052584765)
    s.addMultiple(of: g9, by: 38.297096034337926)
    s.subtractMultiple(of: g10, by: 10.58738133697598)
    s.addMultiple(of: g11, by: 2.4332304376226275)
    s.subtractMultiple(of: g12, by: 1.0453406042575444)
    s.addMultiple(of: g13, by: 0.0717732095086726)
    s.addMultiple(of: g14, by: 0.0021622109708082783)
    let g17 = a(V.stagePosition(r, h, v, h2, s, h2 * 0.007009595759602514, g15), at: endTime)
    s = g1.scaled(by: 0.012127868517185414)
    s.addMultiple(of: g7, by: 0.08629746251568875)
    s.addMultiple(of: g8, by: 0.2525469581187147)
    s.subtractMultiple(of: g9, by: 0.1974186799326823)
    s.addMultiple(of: g10, by: 0.2031869190789726)
    s.subtractMultiple(of: g11, by: 0.020775808077714918)
    s.addMultiple(of: g12, by: 0.10967804874502014)
    s.addMultiple(of: g13, by: 0.038065132526466504)
    s.addMultiple(of: g14, by: 0.01163406880432423)
    s.addMultiple(of: g15, by: 0.0046580297040248785)
    let r1 = V.endPosition(r, h, v, h2, s)
    s = g1.scaled(by: 0.012127868517185414)
    s.addMultiple(of: g7, by: 0.09083943422704079)
    s.addMultiple(of: g8, by: 0.3156836976483934)
    s.subtractMultiple(of: g9, by: 0.2632249065769097)
    s.addMultiple(of: g10, by: 0.3047803786184589)
    s.subtractMultiple(of: g11, by: 0.041551616155429835)
    s.addMultiple(of: g12, by: 0.2467756096762953)
    s.addMultiple(of: g13, by: 0.15226053010586602)
    s.addMultiple(of: g14, by: 0.08143848163026961)
    s.addMultiple(of: g15, by: 0.08502571193890811)
    s.subtractMultiple(of: g16, by: 0.009155189630077963)
    s.addMultiple(of: g17, by: 0.025)
    let v1 = v.addingMultiple(of: s, by: h)
    var errorPosition = V.zero
    var errorVelocity = V.zero
    if errorEstimate {
      s = g1.scaled(by: -0.004880833389821577)
      s.addMultiple(of: g7, by: 0.014038126584857338)
      s.subtractMultiple(of: g8, by: 0.11947921920803832)
      s.addMultiple(of: g9, by: 0.20440246507662121)
      s.subtractMultiple(of: g10, by: 0.1322681492223791)
      s.addMultiple(of: g11, by: 0.11053069299761689)
      s.subtractMultiple(of: g12, by: 0.07975385787102851)
      s.addMultiple(of: g13, by: 0.011224330486437457)
      s.subtractMultiple(of: g14, by: 0.004671596801593694)
      s.addMultiple(of: g15, by: 0.0008580413473282841)
      errorPosition = s.scaled(by: h2)
      s = g1.scaled(by: -0.004880833389821577)
      s.addMultiple(of: g7, by: 0.014776975352481408)
      s.subtractMultiple(of: g8, by: 0.1493490240100479)
      s.addMultiple(of: g9, by: 0.2725366201021616)
      s.subtractMultiple(of: g10, by: 0.19840222383356862)
      s.addMultiple(of: g11, by: 0.22106138599523378)
      s.subtractMultiple(of: g12, by: 0.17944618020981415)
      s.addMultiple(of: g13, by: 0.04489732194574983)
      s.subtractMultiple(of: g14, by: 0.03270117761115586)
      s.addMultiple(of: g15, by: 0.015662325288859434)
      s.subtractMultiple(of: g16, by: 0.029155189630077964)
      s.addMultiple(of: g17, by: 0.025)
      errorVelocity = s.scaled(by: h)
    }
    return (r1, v1, errorPosition, errorVelocity)
  }
}
