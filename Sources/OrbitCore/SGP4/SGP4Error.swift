// The error codes of the SGP4 reference implementation, as typed values.
//
// References: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
// 2006-6753 (2006), rev. 3, `sgp4` and `sgp4init` error returns 1–6.

/// Why SGP4 could not produce a state. The raw value is the reference implementation's code.
///
/// These are outcomes of the theory, not programming errors: `SGP4.propagate(minutesSinceEpoch:)`
/// returns them as `Result.failure` at the same times as the reference code.
///
/// References: Vallado et al., AIAA 2006-6753, rev. 3, error codes of `sgp4`.
@frozen
public enum SGP4Error: Int, Error, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// 1: the mean eccentricity left [−0.001, 1) (after drag decay of the eccentricity).
  case meanEccentricityOutOfRange = 1
  /// 2: the mean motion became zero or negative (deep-space resonance integration).
  case meanMotionNotPositive = 2
  /// 3: the eccentricity perturbed by the lunar–solar periodics left [0, 1].
  case perturbedEccentricityOutOfRange = 3
  /// 4: the semi-latus rectum became negative.
  case semiLatusRectumNegative = 4
  /// 5: the epoch elements are sub-orbital (perigee below the Earth's surface). The reference
  /// reports it at initialisation only and still propagates; `SGP4.isSubOrbitalAtEpoch` reports
  /// it, and propagation never returns it.
  case subOrbitalAtEpoch = 5
  /// 6: the satellite has decayed (radius below one Earth radius).
  case decayed = 6

  /// The reference implementation's error code, 1…6.
  @inlinable public var code: Int { rawValue }

  public var description: String {
    switch self {
    case .meanEccentricityOutOfRange:
      return "SGP4 error 1: mean eccentricity out of range (e ≥ 1 or e < −0.001)"
    case .meanMotionNotPositive:
      return "SGP4 error 2: mean motion is not positive"
    case .perturbedEccentricityOutOfRange:
      return "SGP4 error 3: perturbed eccentricity out of range (e < 0 or e > 1)"
    case .semiLatusRectumNegative:
      return "SGP4 error 4: semi-latus rectum is negative"
    case .subOrbitalAtEpoch:
      return "SGP4 error 5: epoch elements are sub-orbital (perigee below the surface)"
    case .decayed:
      return "SGP4 error 6: satellite has decayed (radius below the Earth's radius)"
    }
  }
}
