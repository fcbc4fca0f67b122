// Simulated against observed decay: for each decay interval of an element-set history, start
// from the interval's first element set (SGP4 state at its epoch, TEME → GCRF), propagate
// numerically (`DecaySimulation`'s forces and mean), take the mean semi-major axis at the epochs
// of the interval's element sets, and fit the same least-squares slope as the history does.
//
// Both slopes are of a mean semi-major axis: the element sets' SGP4 (Brouwer) mean a, and the
// simulation's orbit-averaged, J2-short-period-corrected a (see `DecaySimulation`). A constant
// offset between the two definitions cancels in a slope. Our own code.

import OrbitCore

/// One interval: observed and simulated mean-altitude loss per day.
public struct DecayIntervalComparison: Hashable, Sendable {
  /// The observed interval.
  public var observed: DecayInterval
  /// The element-set epochs fitted (s since the interval's first set).
  public var sampleTimes: [Double]
  /// The simulated mean semi-major axes at those epochs (m).
  public var simulatedMeanSemiMajorAxes: [Double]
  /// The simulated least-squares altitude loss per day (m/day).
  public var simulatedDecayRate: Double
  /// Simulated / observed loss per day.
  public var ratio: Double { simulatedDecayRate / observed.decayRate }
}

/// Compares simulated with observed decay over the intervals of an element-set history.
///
/// References: `ElementSetHistory` (observed slopes); `DecaySimulation` (forces, mean);
/// Vallado et al., AIAA 2006-6753 rev. 3 (SGP4 state at the element set's epoch, TEME).
public enum ObservedDecayComparison {
  /// An error of the comparison.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// No element set in `elementSets` has the interval's first epoch label.
    case missingElementSet(String)
    /// SGP4 or the TEME → GCRF conversion failed at the first set.
    case initialState(String)
    /// The simulation failed.
    case decay(DecayError)

    /// A one-line message.
    public var description: String {
      switch self {
      case .missingElementSet(let label): "no element set with EPOCH \(label)"
      case .initialState(let reason): "initial state: \(reason)"
      case .decay(let e): "\(e)"
      }
    }
  }

  /// Simulates every decay interval of `history`.
  /// - Parameters:
  ///   - history: the analysed history (its decay intervals and outlier flags).
  ///   - elementSets: the OMMs the history was read from (matched by EPOCH text).
  ///   - mass: spacecraft mass (kg).
  ///   - dragArea: drag area (m²).
  ///   - dragCoefficient: drag coefficient.
  ///   - model: forces and integrator settings.
  ///   - intervals: which intervals (indices into `history.decayIntervals`; nil: all).
  /// - Returns: one comparison per interval.
  /// - Throws: `Failure`.
  public static func compare(
    history: ElementSetHistory, elementSets: [OMM], mass: Double, dragArea: Double, dragCoefficient: Double,
    model: DecayModelOptions = DecayModelOptions(), intervals: [Int]? = nil
  ) throws(Failure) -> [DecayIntervalComparison] {
    var out: [DecayIntervalComparison] = []
    for index in intervals ?? Array(history.decayIntervals.indices) {
      let interval = history.decayIntervals[index]
      guard let omm = elementSets.first(where: { $0.epochText == interval.first.label }) else {
        throw .missingElementSet(interval.first.label)
      }
      let state: CartesianState
      do {
        let propagator = try SGP4Propagator(model: SGP4(omm: omm), epoch: interval.first.epoch)
        state = try propagator.state(at: interval.first.epoch, in: .gcrf)
      } catch {
        throw .initialState("\(error)")
      }
      let samples = history.samples.indices.filter {
        !history.isOutlier[$0] && history.samples[$0].epoch >= interval.first.epoch
          && history.samples[$0].epoch <= interval.last.epoch
      }.map { history.samples[$0] }
      let times = samples.map { $0.epoch - interval.first.epoch }
      let days = Int((interval.days + 1).rounded(.up))
      let sim = DecaySimulation(
        initialState: state, mass: mass, dragArea: dragArea, dragCoefficient: dragCoefficient,
        thruster: .progress, days: days, model: model)
      var means: [Double] = []
      do throws(DecayError) {
        try sim.validate()
        var engine = DecayEngine(sim)
        try engine.restart(
          at: state.epoch, state: OrbitState(position: state.position, velocity: state.velocity, mass: mass), burns: [])
        for t in times { means.append(try engine.windowMean(at: t, leading: true)) }
      } catch {
        throw .decay(error)
      }
      let slope = leastSquaresSlope(times: times, values: means) * 86_400
      out.append(
        DecayIntervalComparison(
          observed: interval, sampleTimes: times, simulatedMeanSemiMajorAxes: means, simulatedDecayRate: -slope))
    }
    return out
  }

  /// The factor k minimising Σ (k·sᵢ/oᵢ − 1)² (relative least squares): k = Σ rᵢ / Σ rᵢ², rᵢ = sᵢ/oᵢ.
  /// Drag decay scales as 1/B to first order, so B_fitted = B_used / k.
  /// - Parameter ratios: simulated/observed ratios rᵢ.
  /// - Returns: k.
  public static func scaleFactor(ratios: [Double]) -> Double {
    let sum = ratios.reduce(0, +)
    let sumSquares = ratios.reduce(0) { $0 + $1 * $1 }
    return sumSquares > 0 ? sum / sumSquares : .nan
  }

  /// Least-squares slope of `values` against `times` (units of values per second).
  static func leastSquaresSlope(times: [Double], values: [Double]) -> Double {
    let n = Double(times.count)
    guard times.count >= 2 else { return .nan }
    let mt = times.reduce(0, +) / n
    let mv = values.reduce(0, +) / n
    var stt = 0.0
    var stv = 0.0
    for (t, v) in zip(times, values) {
      stt += (t - mt) * (t - mt)
      stv += (t - mt) * (v - mv)
    }
    return stt > 0 ? stv / stt : .nan
  }
}
