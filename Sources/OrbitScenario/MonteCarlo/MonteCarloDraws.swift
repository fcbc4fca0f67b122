import OrbitCore

/// The dispersed values of one run, drawn on demand from `CounterRNG`: the value of
/// (dispersion, component) in run *k* depends only on the seed, *k*, the dispersion's name, the
/// component and the dispersion's own parameters, never on the thread, the shard, the order of
/// the runs or the other dispersions.
///
/// Addressing: stream = `CounterRNG.stream(named:)` of the dispersion's JSON name; draw =
/// component·2¹⁶ (+ the rejection attempt for truncated normals). A normal component is
/// mean + σ·z, a uniform one mean + w·(2u − 1), a covariance-driven state error mean + L·z with z
/// the six standard (or truncated) normals of components 0…5. Values are in SI (fractions,
/// rad, m, m/s, s); a quantity that is not dispersed is exactly 0, and a component whose spread
/// is zero is exactly its mean, so a run with every spread and mean zero is the nominal run.
public struct MonteCarloDraws: Sendable {
  /// The run index *k*.
  public let run: Int
  /// The generator (seed).
  public let rng: CounterRNG
  let dispersions: [Dispersion]

  /// The draws of run `run` for the dispersions of `spec`.
  public init(run: Int, spec: MonteCarloSpec) {
    self.run = run
    self.rng = CounterRNG(seed: spec.seed)
    self.dispersions = spec.dispersions
  }

  /// No dispersion at all (the nominal run).
  public static func nominal() -> MonteCarloDraws {
    MonteCarloDraws(run: -1, rng: CounterRNG(seed: 0), dispersions: [])
  }

  init(run: Int, rng: CounterRNG, dispersions: [Dispersion]) {
    self.run = run
    self.rng = rng
    self.dispersions = dispersions
  }

  /// True when `name` is dispersed in this ensemble (even with zero spread).
  public func has(_ name: DispersionName) -> Bool { dispersions.contains { $0.name == name } }

  /// A scalar quantity (SI): component `index` (e.g. the burn number); 0 when not dispersed.
  public func scalar(_ name: DispersionName, index: Int = 0) -> Double {
    guard let d = dispersions.first(where: { $0.name == name }) else { return 0 }
    return component(d, index, mean: d.mean[0], spread: d.spread[0])
  }

  /// The two pointing-error angles (rad) of burn `burn` (components 2·burn and 2·burn + 1).
  public func pointing(burn: Int) -> SIMD2<Double> {
    guard let d = dispersions.first(where: { $0.name == .burnPointing }) else { return .zero }
    return SIMD2(
      component(d, 2 * burn, mean: d.mean[0], spread: d.spread[0]),
      component(d, 2 * burn + 1, mean: d.mean[0], spread: d.spread[0]))
  }

  /// A six-component LVLH state error (m, m/s); zero when not dispersed.
  public func stateError(_ name: DispersionName) -> (position: SIMD3<Double>, velocity: SIMD3<Double>) {
    guard let d = dispersions.first(where: { $0.name == name }) else { return (.zero, .zero) }
    var x = [Double](repeating: 0, count: 6)
    if let l = d.choleskyFactor {
      var z = [Double](repeating: 0, count: 6)
      for j in 0..<6 where (j..<6).contains(where: { l[$0 * 6 + j] != 0 }) {
        z[j] = standard(d, j)
      }
      for i in 0..<6 {
        var s = d.mean[i]
        for j in 0...i where l[i * 6 + j] != 0 { s += l[i * 6 + j] * z[j] }
        x[i] = s
      }
    } else {
      for i in 0..<6 { x[i] = component(d, i, mean: d.mean[i], spread: d.spread[i]) }
    }
    return (SIMD3(x[0], x[1], x[2]), SIMD3(x[3], x[4], x[5]))
  }

  /// mean + spread·(draw), or exactly `mean` when the spread is zero.
  func component(_ d: Dispersion, _ index: Int, mean: Double, spread: Double) -> Double {
    guard spread != 0 else { return mean }
    switch d.distribution {
    case .uniform:
      let u = rng.uniform(run: UInt64(run), stream: CounterRNG.stream(named: d.name.rawValue), draw: drawIndex(index))
      return mean + spread * (2 * u - 1)
    case .normal, .truncatedNormal:
      return mean + spread * standard(d, index)
    }
  }

  /// The standard normal (or truncated normal) z of component `index`.
  func standard(_ d: Dispersion, _ index: Int) -> Double {
    let stream = CounterRNG.stream(named: d.name.rawValue)
    switch d.distribution {
    case .normal, .uniform:
      return rng.normal(run: UInt64(run), stream: stream, draw: drawIndex(index))
    case .truncatedNormal:
      return rng.truncatedNormal(
        lower: d.boundsSigma.lower, upper: d.boundsSigma.upper, run: UInt64(run), stream: stream,
        draw: drawIndex(index))
    }
  }

  func drawIndex(_ component: Int) -> UInt32 { UInt32(truncatingIfNeeded: component) << 16 }
}
