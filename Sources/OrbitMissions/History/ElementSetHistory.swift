// Element-set history analysis: outliers, reboosts (jumps in mean semi-major axis) with Δa and an
// estimated Δv, and the mean-altitude decay rate between reboosts.
//
// The rules are ours and are documented on `ElementSetHistory.Options`; the physics is the
// small-burn form of the vis-viva equation (see `Reboost.estimatedDeltaV`).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// An error reading or analysing an element-set history.
public enum ElementSetHistoryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The OMM/GP file could not be parsed.
  case omm(OMMError)
  /// An element set's EPOCH is not a valid date-time.
  case epoch(file: String, element: Int, TimeError)
  /// An element set gives no finite mean semi-major axis (mean motion ≤ 0, e ≥ 1, …).
  case invalidElements(file: String, element: Int)
  /// Fewer element sets than the analysis needs.
  case tooFewSets(found: Int, needed: Int)
  /// The TLE file could not be parsed.
  case tle(TLEParseError)
  /// A TLE's epoch cannot be placed on UTC, or its elements give no mean semi-major axis.
  case invalidTLE(file: String, line: Int, reason: String)
  /// The file is empty (no element sets).
  case empty(file: String)

  /// A one-line message naming the file and element.
  public var description: String {
    switch self {
    case .omm(let e): "\(e)"
    case .epoch(let file, let element, let e): "\(file): element [\(element)]: EPOCH: \(e)"
    case .invalidElements(let file, let element):
      "\(file): element [\(element)]: MEAN_MOTION/ECCENTRICITY/INCLINATION give no valid mean semi-major axis"
    case .tooFewSets(let found, let needed):
      "the history has \(found) distinct element sets; the analysis needs at least \(needed)"
    case .tle(let e): "\(e)"
    case .invalidTLE(let file, let line, let reason): "\(file):\(line): \(reason)"
    case .empty(let file): "\(file): no element sets (expected a GP JSON array or TLE lines)"
    }
  }
}

/// A detected reboost: an upward jump in mean semi-major axis confirmed by the following sets.
///
/// References: vis-viva (see `estimatedDeltaV`).
public struct Reboost: Hashable, Sendable {
  /// The last (non-outlier) element set before the jump.
  public var lastBefore: HistorySample
  /// The first (non-outlier) element set after the jump.
  public var firstAfter: HistorySample
  /// The mean semi-major axis before the jump (m), the pre-jump level at the window's midpoint.
  public var semiMajorAxisBefore: Double
  /// The rise in mean semi-major axis Δa (m): post-jump level − pre-jump level at the window's
  /// midpoint (see `ElementSetHistory.Options`).
  public var deltaSemiMajorAxis: Double

  /// The Δv (m/s) of a tangential burn that raises a near-circular orbit by Δa:
  /// Δv ≈ v Δa / (2a), v = √(μ/a), μ = WGS-72 3.986008e14 m³/s².
  ///
  /// From vis-viva, the specific energy is −μ/(2a), so dE = μ da/(2a²) = v dv for a tangential
  /// burn; with v² = μ/a on a circle, da = 2a dv / v. For the ISS, 1 m/s ≈ 1.77 km of Δa.
  /// Accuracy: first order in Δv/v (≈ 1e-4 here); an underestimate of the Δv actually spent by
  /// any off-tangential or plane component.
  ///
  /// References: the vis-viva equation, e.g. Vallado, Fundamentals of Astrodynamics and
  /// Applications, 4th ed. (2013), ch. 6 (coplanar transfers, small-Δv limit of the Hohmann
  /// transfer); Curtis, Orbital Mechanics for Engineering Students, ch. 6.
  public var estimatedDeltaV: Double {
    let a = semiMajorAxisBefore
    let v = (SGP4MeanElements.mu / a).squareRoot()
    return v * deltaSemiMajorAxis / (2.0 * a)
  }
}

/// The observed mean-altitude decay over one interval between reboosts.
public struct DecayInterval: Hashable, Sendable {
  /// The first (non-outlier) element set of the interval.
  public var first: HistorySample
  /// The last (non-outlier) element set of the interval.
  public var last: HistorySample
  /// The number of (non-outlier) element sets fitted.
  public var setCount: Int
  /// The least-squares slope of mean altitude against time (m/day); negative while decaying.
  public var altitudeRate: Double
  /// The altitude loss per day (m/day), −`altitudeRate`.
  public var decayRate: Double { -altitudeRate }
  /// The interval's length (days).
  public var days: Double { (last.epoch - first.epoch) / 86_400.0 }
}

/// A sorted, de-duplicated element-set history and its analysis: outliers, reboosts, decay rates.
///
/// ```swift
/// let history = try ElementSetHistory(gpJSON: text, fileName: "iss.json")
/// for r in history.reboosts { print(r.firstAfter.label, r.deltaSemiMajorAxis, r.estimatedDeltaV) }
/// ```
///
/// References: CelesTrak GP JSON; Spacetrack Report #3 (mean semi-major axis); the rules of
/// `Options` (ours).
public struct ElementSetHistory: Hashable, Sendable {
  /// The analysis rules.
  ///
  /// **Outliers.** For each set, the *level* on each side is the median mean altitude of the
  /// `neighbourCount` sets before it and of the `neighbourCount` sets after it. The set's residual
  /// is the smaller of its distances to the two levels (a set on either side of a genuine jump
  /// agrees with one side; a bad fit agrees with neither). A set is an outlier when its residual
  /// exceeds max(`outlierFactor` × the median residual of the whole history, `outlierFloor`).
  /// Outliers are flagged, kept in `samples`, and left out of the jump and decay fits.
  ///
  /// **Reboosts.** Among the non-outliers, a set j starts a jump when it is more than
  /// `reboostThreshold` above set j−1, the median of sets j…j+2 exceeds the median of sets
  /// j−3…j−1 by more than the threshold, and each of the `confirmingSets` following sets is still
  /// more than the threshold above that pre-jump median. Δa is the difference of two straight-line
  /// levels at the window's midpoint: each the median of up to `fitSets` sets on its side (not
  /// crossing another jump), each set moved to the midpoint along the least-squares slope of all
  /// the sets since the previous jump (robust to one poor fit right after a burn).
  ///
  /// **Decay.** Each run of non-outliers between jumps with ≥ 3 sets over ≥ 1 day gets a
  /// least-squares slope of mean altitude against time.
  ///
  /// References: none; rules chosen and documented here (median/MAD-style robust levels).
  public struct Options: Hashable, Sendable {
    /// Sets on each side forming the level an outlier is judged against.
    public var neighbourCount: Int = 3
    /// Multiple of the median residual beyond which a set is an outlier.
    public var outlierFactor: Double = 5
    /// Smallest outlier threshold (m), so a very smooth history does not flag its noise.
    public var outlierFloor: Double = 200
    /// Smallest rise in mean semi-major axis reported as a reboost (m).
    public var reboostThreshold: Double = 150
    /// Sets after the jump that must stay above the pre-jump level.
    public var confirmingSets: Int = 2
    /// Sets on each side of a jump in the straight-line fits for Δa.
    public var fitSets: Int = 6
    /// The default rules.
    public init() {}
  }

  /// The element sets sorted by epoch, exact duplicates dropped.
  public var samples: [HistorySample]
  /// `isOutlier[i]` says whether `samples[i]` was flagged as an outlier.
  public var isOutlier: [Bool]
  /// The outlier threshold used (m).
  public var outlierThreshold: Double
  /// The number of exact duplicates dropped.
  public var duplicatesDropped: Int
  /// The detected reboosts, in time order.
  public var reboosts: [Reboost]
  /// The decay intervals between reboosts, in time order.
  public var decayIntervals: [DecayInterval]
  /// The rules used.
  public var options: Options

  /// Reads a CelesTrak GP JSON history (an array of GP objects) and analyses it.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in error messages.
  ///   - options: the analysis rules.
  /// - Throws: `ElementSetHistoryError` naming the file and element.
  /// - References: CelesTrak GP JSON; `OMM.parseJSON`.
  public init(gpJSON text: String, fileName: String, options: Options = Options())
    throws(ElementSetHistoryError)
  {
    let omms: [OMM]
    do { omms = try OMM.parseJSON(text, fileName: fileName) } catch { throw .omm(error) }
    var samples: [HistorySample] = []
    samples.reserveCapacity(omms.count)
    for (index, omm) in omms.enumerated() {
      let s: HistorySample
      do { s = try HistorySample(omm: omm) } catch { throw .epoch(file: fileName, element: index, error) }
      guard s.meanSemiMajorAxis.isFinite else { throw .invalidElements(file: fileName, element: index) }
      samples.append(s)
    }
    try self.init(samples: samples, options: options)
  }

  /// Analyses a history of samples (any order; exact duplicates are dropped).
  /// - Parameters:
  ///   - samples: the element sets.
  ///   - options: the analysis rules.
  /// - Throws: `ElementSetHistoryError.tooFewSets` when fewer than 2 × `neighbourCount` + 1
  ///   distinct sets remain.
  public init(samples input: [HistorySample], options: Options = Options()) throws(ElementSetHistoryError) {
    self.options = options
    let sorted = input.sorted {
      $0.epoch != $1.epoch ? $0.epoch < $1.epoch : $0.meanSemiMajorAxis < $1.meanSemiMajorAxis
    }
    var unique: [HistorySample] = []
    unique.reserveCapacity(sorted.count)
    for s in sorted where unique.last != s { unique.append(s) }  // exact duplicates only
    duplicatesDropped = sorted.count - unique.count
    samples = unique
    let m = max(1, options.neighbourCount)
    let needed = 2 * m + 1
    guard unique.count >= needed else { throw .tooFewSets(found: unique.count, needed: needed) }

    // Outliers: residual against the nearer of the two side levels.
    let h = unique.map(\.meanAltitude)
    let n = h.count
    var residual = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var r = Double.infinity
      if i > 0 { r = min(r, abs(h[i] - Self.median(h[max(0, i - m)..<i]))) }
      if i + 1 < n { r = min(r, abs(h[i] - Self.median(h[(i + 1)..<min(n, i + 1 + m)]))) }
      residual[i] = r
    }
    let threshold = max(options.outlierFactor * Self.median(residual[...]), options.outlierFloor)
    outlierThreshold = threshold
    let outlier = residual.map { $0 > threshold }
    isOutlier = outlier

    // Reboosts on the non-outliers.
    let clean = unique.indices.filter { !outlier[$0] }.map { unique[$0] }
    let ch = clean.map(\.meanAltitude)
    let jump = options.reboostThreshold
    let confirm = max(1, options.confirmingSets)
    var jumpIndices: [Int] = []
    var j = 3
    while j + confirm < clean.count {
      let before = Self.median(ch[(j - 3)..<j])
      let after = Self.median(ch[j..<(j + 3)])
      let confirmed = (1...confirm).allSatisfy { ch[j + $0] > before + jump }
      if ch[j] - ch[j - 1] > jump && after - before > jump && confirmed {
        jumpIndices.append(j)
        j += confirm + 1
      } else {
        j += 1
      }
    }
    var reboosts: [Reboost] = []
    let k = max(2, options.fitSets)
    for (q, j) in jumpIndices.enumerated() {
      let lowerLimit = q > 0 ? jumpIndices[q - 1] : 0
      let upperLimit = q + 1 < jumpIndices.count ? jumpIndices[q + 1] : clean.count
      let pre = clean[max(lowerLimit, j - k)..<j]
      let post = clean[j..<min(upperLimit, j + k)]
      let mid = clean[j - 1].epoch + 0.5 * (clean[j].epoch - clean[j - 1].epoch)
      // Both levels are medians of the sets detrended with the slope of the whole preceding
      // decay interval, so one poor fit
      // right after a burn does not tilt the post-jump level.
      let slope = Self.slope(clean[lowerLimit..<j])
      let aBefore = Self.level(pre, slope: slope, at: mid)
      let aAfter = Self.level(post, slope: slope, at: mid)
      reboosts.append(
        Reboost(
          lastBefore: clean[j - 1], firstAfter: clean[j], semiMajorAxisBefore: aBefore,
          deltaSemiMajorAxis: aAfter - aBefore))
    }
    self.reboosts = reboosts

    // Decay intervals between jumps.
    var intervals: [DecayInterval] = []
    let bounds = [0] + jumpIndices + [clean.count]
    for q in 0..<(bounds.count - 1) {
      let run = clean[bounds[q]..<bounds[q + 1]]
      guard run.count >= 3, let first = run.first, let last = run.last, last.epoch - first.epoch >= 86_400
      else { continue }
      let slope = Self.slope(run) * 86_400.0
      intervals.append(DecayInterval(first: first, last: last, setCount: run.count, altitudeRate: slope))
    }
    decayIntervals = intervals
  }

  /// The median of a non-empty slice (NaN when empty).
  static func median(_ values: ArraySlice<Double>) -> Double {
    guard !values.isEmpty else { return .nan }
    let s = values.sorted()
    let c = s.count
    return c % 2 == 1 ? s[c / 2] : 0.5 * (s[c / 2 - 1] + s[c / 2])
  }

  /// Least-squares slope of mean semi-major axis against time (m/s); 0 with fewer than 2 sets.
  static func slope(_ run: ArraySlice<HistorySample>) -> Double {
    line(run).slope
  }

  /// The median of the sets' mean semi-major axes (m) moved to `epoch` along `slope` (m/s).
  static func level(_ run: ArraySlice<HistorySample>, slope: Double, at epoch: Epoch) -> Double {
    median(run.map { $0.meanSemiMajorAxis + slope * (epoch - $0.epoch) }[...])
  }

  /// Mean time (s from the first set), mean value (m) and slope (m/s) of a least-squares line.
  static func line(_ run: ArraySlice<HistorySample>) -> (meanTime: Double, mean: Double, slope: Double) {
    guard let first = run.first else { return (0, .nan, 0) }
    let c = Double(run.count)
    var st = 0.0
    var sa = 0.0
    for s in run {
      st += s.epoch - first.epoch
      sa += s.meanSemiMajorAxis
    }
    let mt = st / c
    let ma = sa / c
    var stt = 0.0
    var sta = 0.0
    for s in run {
      let dt = (s.epoch - first.epoch) - mt
      stt += dt * dt
      sta += dt * (s.meanSemiMajorAxis - ma)
    }
    return (mt, ma, stt > 0 ? sta / stt : 0)
  }
}
