// Errors raised when orbital elements are built or converted.

/// Why a set of orbital elements, or a state to convert into them, was rejected.
public enum ElementsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An input is NaN or infinite; the payload names it (e.g. `"eccentricity"`).
  case nonFinite(field: String)
  /// The eccentricity is negative.
  case negativeEccentricity(Double)
  /// The orbit is parabolic (e = 1, or zero orbital energy): no semi-major axis exists.
  case parabolic
  /// The semi-major axis and eccentricity disagree: a > 0 needs e < 1, a < 0 needs e > 1,
  /// and a = 0 is never valid.
  case inconsistentSemiMajorAxis(semiMajorAxis: Double, eccentricity: Double)
  /// The inclination (rad) is outside [0, π].
  case inclinationOutOfRange(Double)
  /// A hyperbolic true anomaly (rad) at or beyond the asymptote, |ν| ≥ acos(−1/e).
  case trueAnomalyBeyondAsymptote(trueAnomaly: Double, eccentricity: Double)
  /// The gravitational parameter (m³/s²) is not positive.
  case nonPositiveGravitationalParameter(Double)
  /// The state has zero radius or (numerically) zero angular momentum: a rectilinear or
  /// degenerate trajectory with no orbital plane.
  case degenerateState
  /// The operation needs an elliptic orbit (0 ≤ e < 1, a > 0).
  case notElliptic
  /// The inclination is at the singularity of the chosen equinoctial retrograde factor:
  /// i = 180° for direct (I = +1) elements, i = 0 for retrograde (I = −1) ones.
  case equinoctialSingularity

  public var description: String {
    switch self {
    case .nonFinite(let field):
      return "orbital element '\(field)' is not finite"
    case .negativeEccentricity(let e):
      return "eccentricity \(e) is negative"
    case .parabolic:
      return "parabolic orbit (e = 1): not representable with a semi-major axis"
    case .inconsistentSemiMajorAxis(let a, let e):
      return "semi-major axis \(a) m is inconsistent with eccentricity \(e) "
        + "(a > 0 needs e < 1, a < 0 needs e > 1)"
    case .inclinationOutOfRange(let i):
      return "inclination \(i) rad is outside [0, π]"
    case .trueAnomalyBeyondAsymptote(let nu, let e):
      return "true anomaly \(nu) rad is beyond the asymptote of a hyperbola with e = \(e)"
    case .nonPositiveGravitationalParameter(let mu):
      return "gravitational parameter \(mu) m³/s² is not positive"
    case .degenerateState:
      return "state has zero radius or zero angular momentum (rectilinear motion)"
    case .notElliptic:
      return "the orbit is not elliptic"
    case .equinoctialSingularity:
      return "inclination is at the singularity of the equinoctial retrograde factor "
        + "(180° for direct elements, 0° for retrograde ones)"
    }
  }
}
