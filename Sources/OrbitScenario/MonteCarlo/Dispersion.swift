import OrbitCore

/// The quantities a `monte_carlo` section can disperse, with their JSON units. Each value a
/// run draws is returned in SI by `MonteCarloDraws` (fractions for percentages, rad for
/// degrees, m, m/s, s); which ones a scenario kind uses is up to the kind.
public enum DispersionName: String, CaseIterable, Sendable, Hashable {
  /// Insertion (orbit injection) state error of the chaser in LVLH axes (OrbitCore's: x along
  /// the V-bar, y = −orbit normal, z nadir): 3 position components (m) then 3 velocity
  /// components (m/s). Per-axis sigmas or a 6×6 covariance.
  case insertionState = "insertion_state"
  /// Relative error of each burn's Δv magnitude (component *i* = burn *i*; `_percent`).
  case burnMagnitude = "burn_magnitude"
  /// Pointing error of each burn: two small rotations of the Δv direction about two axes
  /// perpendicular to it (components 2*i*, 2*i* + 1 for burn *i*; `_deg`).
  case burnPointing = "burn_pointing"
  /// Relative thrust error of the engine (`_percent`).
  case thrust = "thrust"
  /// Relative specific-impulse error of the engine (`_percent`).
  case isp = "isp"
  /// Relative error of the ballistic coefficient (C_D·A/m) of each vehicle (component 0 the
  /// active vehicle, 1 the target; `_percent`).
  case ballisticCoefficient = "ballistic_coefficient"
  /// Relative error of the atmospheric density (scale factor − 1; `_percent`).
  case atmosphereScale = "atmosphere_scale"
  /// Navigation error of the relative state when Kurs acquires the target, in LVLH:
  /// 3 position (m) then 3 velocity (m/s) components.
  case navigationAtKurs = "navigation_at_kurs"
  /// Launch delay (s); a delay may force the fallback rendezvous scheme.
  case launchDelay = "launch_delay"

  /// True for the six-component LVLH state errors.
  public var isStateError: Bool { self == .insertionState || self == .navigationAtKurs }

  /// The unit suffix of the scalar keys (`sigma_<unit>`, `mean_<unit>`, `half_width_<unit>`).
  var unit: String {
    switch self {
    case .burnMagnitude, .thrust, .isp, .ballisticCoefficient, .atmosphereScale: "percent"
    case .burnPointing: "deg"
    case .launchDelay: "s"
    case .insertionState, .navigationAtKurs: ""
    }
  }

  /// SI value of one JSON unit.
  var scale: Double {
    switch self {
    case .burnMagnitude, .thrust, .isp, .ballisticCoefficient, .atmosphereScale: 0.01
    case .burnPointing: Double.pi / 180
    case .launchDelay, .insertionState, .navigationAtKurs: 1
    }
  }
}

/// The shape of a dispersion's distribution.
public enum DispersionDistribution: String, CaseIterable, Sendable {
  /// Gaussian: mean + σ·z.
  case normal
  /// Uniform on [mean − half width, mean + half width].
  case uniform
  /// Gaussian conditioned on z in `bounds_sigma` (default [−3, 3]): mean + σ·z.
  case truncatedNormal = "truncated-normal"
}

/// One dispersion of a `monte_carlo` section, in SI.
public struct Dispersion: Sendable {
  /// What is dispersed.
  public var name: DispersionName
  /// The distribution.
  public var distribution: DispersionDistribution
  /// Mean (bias) per component (SI); one component for scalars (which apply it to every
  /// index, e.g. every burn), six for state errors.
  public var mean: [Double]
  /// σ (normal, truncated-normal) or half width (uniform) per component (SI, ≥ 0).
  public var spread: [Double]
  /// Lower Cholesky factor L (row-major 6×6, SI) of a state-error covariance (normal and
  /// truncated-normal only): the error is mean + L·z. Nil for per-axis spreads.
  public var choleskyFactor: [Double]?
  /// Truncation bounds of z (in σ) for `truncated-normal`.
  public var boundsSigma: (lower: Double, upper: Double)

  /// A dispersion (SI values; see the properties).
  public init(
    name: DispersionName, distribution: DispersionDistribution, mean: [Double], spread: [Double],
    choleskyFactor: [Double]? = nil, boundsSigma: (lower: Double, upper: Double) = (-3, 3)
  ) {
    self.name = name
    self.distribution = distribution
    self.mean = mean
    self.spread = spread
    self.choleskyFactor = choleskyFactor
    self.boundsSigma = boundsSigma
  }

  /// True when every draw is exactly the mean and the mean is zero: the run is nominal in
  /// this quantity.
  public var isZero: Bool {
    mean.allSatisfy { $0 == 0 } && spread.allSatisfy { $0 == 0 }
      && (choleskyFactor?.allSatisfy { $0 == 0 } ?? true)
  }
}
