// Runge–Kutta–Nyström 12(10) for a batch of spacecraft, one per SIMD lane.
//
// The stage formulae and coefficients are those of `RungeKuttaNystrom1210.step` (Dormand,
// El-Mikkawy & Prince, IMA J. Numer. Anal. 7 (1987) 423–430, RKN12(10)17M; provenance and
// order-condition checks in RungeKuttaNystrom1210.swift), with `Vector3` replaced by
// `LaneVector3`: the same operations in the same order, so a lane reproduces the scalar step bit
// for bit (BatchPropagatorTests checks a batch against scalar sessions). Our own code.

/// The lane form of the RKN12(10) step (internal: used by `BatchPropagator`).
@usableFromInline
enum LaneRungeKuttaNystrom1210 {
  /// One RKN12(10) step of every lane from (t, r, v) with a(t, r) = g1 to `endTime` (the same
  /// step for all lanes): the 12th-order end positions and velocities and their differences
  /// from the 10th-order ones (16 evaluations of `system`).
  ///
  /// - Parameters:
  ///   - system: the lane dynamics.
  ///   - t: start time (s since the batch's start epoch).
  ///   - r: start positions (m).
  ///   - v: start velocities (m/s).
  ///   - g1: accelerations at the start (m/s²).
  ///   - endTime: end time (s).
  /// - Returns: end positions (m) and velocities (m/s), and the error estimates (m, m/s).
  @inlinable @inline(__always)
  static func step<Dynamics: LaneSecondOrderSystem, Lanes>(
    _ system: Dynamics, t: Double, r: LaneVector3<Lanes>, v: LaneVector3<Lanes>,
    g1: LaneVector3<Lanes>, endTime: Double
  ) -> (
    position: LaneVector3<Lanes>, velocity: LaneVector3<Lanes>,
    errorPosition: LaneVector3<Lanes>, errorVelocity: LaneVector3<Lanes>
  ) {
    let h = endTime - t
    let h2 = h * h
    var s: LaneVector3<Lanes> = 0.0002 * g1
    let g2 = system.acceleration(
      position: r + (0.02 * h) * v + h2 * s, at: t + 0.02 * h)
    s = 0.0002666666666666667 * g1
    let g3 = system.acceleration(
      position: r + (0.04 * h) * v + h2 * s + (h2 * 0.0005333333333333334) * g2, at: t + 0.04 * h)
    s = 0.002916666666666667 * g1
    s -= 0.004166666666666667 * g2
    let g4 = system.acceleration(
      position: r + (0.1 * h) * v + h2 * s + (h2 * 0.00625) * g3, at: t + 0.1 * h)
    s = 0.0016460905349794238 * g1
    s += 0.0054869684499314125 * g3
    let g5 = system.acceleration(
      position: r + (0.13333333333333333 * h) * v + h2 * s + (h2 * 0.0017558299039780521) * g4,
      at: t + 0.13333333333333333 * h)
    s = 0.0019456 * g1
    s += 0.007151746031746032 * g3
    s += 0.0029127111111111113 * g4
    let g6 = system.acceleration(
      position: r + (0.16 * h) * v + h2 * s + (h2 * 0.0007899428571428571) * g5, at: t + 0.16 * h)
    s = 0.00056640625 * g1
    s += 0.0008809730489417989 * g3
    s -= 0.0004369212962962963 * g4
    s += 0.00033900669642857143 * g5
    let g7 = system.acceleration(
      position: r + (0.05 * h) * v + h2 * s - (h2 * 9.946469907407407e-05) * g6, at: t + 0.05 * h)
    s = 0.0030833333333333333 * g1
    s += 0.0017777777777777779 * g4
    s += 0.0027 * g5
    s += 0.0015782828282828283 * g6
    let g8 = system.acceleration(
      position: r + (0.2 * h) * v + h2 * s + (h2 * 0.01086060606060606) * g7, at: t + 0.2 * h)
    s = 0.00365183937480113 * g1
    s += 0.003965171714072343 * g3
    s += 0.0031972582629306284 * g4
    s += 0.008221467306855435 * g5
    s -= 0.0013130926959572379 * g6
    s += 0.009771586968064868 * g7
    let g9 = system.acceleration(
      position: r + (0.25 * h) * v + h2 * s + (h2 * 0.003755769069232834) * g8, at: t + 0.25 * h)
    s = 0.003707241068718501 * g1
    s += 0.005082045854555286 * g3
    s += 0.001174708002175412 * g4
    s -= 0.021147629915126993 * g5
    s += 0.06010463698107881 * g6
    s += 0.02010573476850619 * g7
    s -= 0.02835075012293358 * g8
    let g10 = system.acceleration(
      position: r + (0.3333333333333333 * h) * v + h2 * s + (h2 * 0.014879568918581932) * g9,
      at: t + 0.3333333333333333 * h)
    s = 0.03512537656073344 * g1
    s -= 0.008615749195138479 * g3
    s -= 0.005791448051007917 * g4
    s += 1.945554823782616 * g5
    s -= 3.4351238674565137 * g6
    s -= 0.10930701107475221 * g7
    s += 2.3496383118995166 * g8
    s -= 0.7560094086870229 * g9
    let g11 = system.acceleration(
      position: r + (0.5 * h) * v + h2 * s + (h2 * 0.10952897222156927) * g10, at: t + 0.5 * h)
    s = 0.020527792537482496 * g1
    s -= 0.00728644676448018 * g3
    s -= 0.0021153556079618403 * g4
    s += 0.9275807968723522 * g5
    s -= 1.6522824844257367 * g6
    s -= 0.02107956300568657 * g7
    s += 1.2065364326207872 * g8
    s -= 0.4137144770010661 * g9
    s += 0.09079873982809654 * g10
    let g12 = system.acceleration(
      position: r + (0.5555555555555556 * h) * v + h2 * s + (h2 * 0.005355552600533985) * g11,
      at: t + 0.5555555555555556 * h)
    s = -0.14324078875545515 * g1
    s += 0.012528703773091817 * g3
    s += 0.006826019163969827 * g4
    s -= 4.799555395574387 * g5
    s += 5.6986250439519415 * g6
    s += 0.7553430369523645 * g7
    s -= 0.12755487858281084 * g8
    s -= 1.9605926051117384 * g9
    s += 0.9185609056635262 * g10
    s -= 0.23880085505284432 * g11
    let g13 = system.acceleration(
      position: r + (0.75 * h) * v + h2 * s + (h2 * 0.15911081357234216) * g12, at: t + 0.75 * h)
    s = 0.8045019205520489 * g1
    s -= 0.016658527067011247 * g3
    s -= 0.021415834042629735 * g4
    s += 16.827235928962466 * g5
    s -= 11.172835357176098 * g6
    s -= 3.377159297226324 * g7
    s -= 15.243326655360846 * g8
    s += 17.179835738215417 * g9
    s -= 5.437719239823995 * g10
    s += 1.3878671618364655 * g11
    s -= 0.5925827732652812 * g12
    let g14 = system.acceleration(
      position: r + (0.8571428571428571 * h) * v + h2 * s + (h2 * 0.029603873171297354) * g13,
      at: t + 0.8571428571428571 * h)
    s = -0.913296766697358 * g1
    s += 0.0024112725757805178 * g3
    s += 0.01765812269386174 * g4
    s -= 14.851649779720384 * g5
    s += 2.1589708670045757 * g6
    s += 3.99791558311788 * g7
    s += 28.434151800232232 * g8
    s -= 25.2593643549416 * g9
    s += 7.733878542362238 * g10
    s -= 1.8913028948478674 * g11
    s += 1.0014845070224718 * g12
    s += 0.004641199599109052 * g13
    let g15 = system.acceleration(
      position: r + (0.9452162222720143 * h) * v + h2 * s + (h2 * 0.011218755022148957) * g14,
      at: t + 0.9452162222720143 * h)
    s = -0.27519629720559396 * g1
    s += 0.03661188877915492 * g3
    s += 0.009789519688231562 * g4
    s -= 12.293062345886211 * g5
    s += 14.207226453937903 * g6
    s += 1.5866476906789537 * g7
    s += 2.4577735327595946 * g8
    s -= 8.935193694403273 * g9
    s += 4.373672731613407 * g10
    s -= 1.8347181765449492 * g11
    s += 1.1592085289061491 * g12
    s -= 0.017290253165383924 * g13
    s += 0.019325977904460768 * g14
    let g16 = system.acceleration(
      position: r + h * v + h2 * s + (h2 * 0.005204442937554993) * g15, at: endTime)
    s = 1.3076391847404059 * g1
    s += 0.017364109189745843 * g3
    s -= 0.018544456454265796 * g4
    s += 14.811522032867726 * g5
    s += 9.38317630848247 * g6
    s -= 5.2284261999445425 * g7
    s -= 48.95128052584765 * g8
    s += 38.297096034337926 * g9
    s -= 10.58738133697598 * g10
    s += 2.4332304376226275 * g11
    s -= 1.0453406042575444 * g12
    s += 0.0717732095086726 * g13
    s += 0.0021622109708082783 * g14
    let g17 = system.acceleration(
      position: r + h * v + h2 * s + (h2 * 0.007009595759602514) * g15, at: endTime)
    s = 0.012127868517185414 * g1
    s += 0.08629746251568875 * g7
    s += 0.2525469581187147 * g8
    s -= 0.1974186799326823 * g9
    s += 0.2031869190789726 * g10
    s -= 0.020775808077714918 * g11
    s += 0.10967804874502014 * g12
    s += 0.038065132526466504 * g13
    s += 0.01163406880432423 * g14
    s += 0.0046580297040248785 * g15
    let r1 = r + h * v + h2 * s
    s = 0.012127868517185414 * g1
    s += 0.09083943422704079 * g7
    s += 0.3156836976483934 * g8
    s -= 0.2632249065769097 * g9
    s += 0.3047803786184589 * g10
    s -= 0.041551616155429835 * g11
    s += 0.2467756096762953 * g12
    s += 0.15226053010586602 * g13
    s += 0.08143848163026961 * g14
    s += 0.08502571193890811 * g15
    s -= 0.009155189630077963 * g16
    s += 0.025 * g17
    let v1 = v + h * s
    s = -0.004880833389821577 * g1
    s += 0.014038126584857338 * g7
    s -= 0.11947921920803832 * g8
    s += 0.20440246507662121 * g9
    s -= 0.1322681492223791 * g10
    s += 0.11053069299761689 * g11
    s -= 0.07975385787102851 * g12
    s += 0.011224330486437457 * g13
    s -= 0.004671596801593694 * g14
    s += 0.0008580413473282841 * g15
    let errorPosition = h2 * s
    s = -0.004880833389821577 * g1
    s += 0.014776975352481408 * g7
    s -= 0.1493490240100479 * g8
    s += 0.2725366201021616 * g9
    s -= 0.19840222383356862 * g10
    s += 0.22106138599523378 * g11
    s -= 0.17944618020981415 * g12
    s += 0.04489732194574983 * g13
    s -= 0.03270117761115586 * g14
    s += 0.015662325288859434 * g15
    s -= 0.029155189630077964 * g16
    s += 0.025 * g17
    let errorVelocity = h * s
    return (r1, v1, errorPosition, errorVelocity)
  }

}
