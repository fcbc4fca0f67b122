// Conversions between true, eccentric (or hyperbolic) and mean anomaly.
//
// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013),
// §2.2 (Kepler's equation) and §2.3, Algorithm 5 (ν → anomaly) and Algorithm 6
// (anomaly → ν). The half-angle and atan2 forms below are chosen for accuracy at all angles.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Anomaly conversions for elliptic (0 ≤ e < 1) and hyperbolic (e > 1) orbits.
///
/// All angles are in radians. Elliptic conversions keep the revolution count of their input
/// (a true anomaly of 2π + 0.1 gives an eccentric anomaly near 2π + 0.1), so mean anomalies can be
/// carried over many revolutions. Non-finite input gives NaN.
public enum Anomaly {
  /// Adds to `principal` (in (−π, π]) the whole turns that bring it closest to `reference`.
  @inlinable @inline(__always)
  internal static func sameRevolution(_ principal: Double, as reference: Double) -> Double {
    let turns = ((reference - principal) / Angle.twoPi).rounded()
    return turns == 0 ? principal : principal + turns * Angle.twoPi
  }

  /// Eccentric anomaly from true anomaly, E = atan2(√(1−e²) sin ν, e + cos ν).
  ///
  /// - Parameters:
  ///   - trueAnomaly: ν (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: E (rad), in the same revolution as ν.
  /// - References: Vallado, 4th ed., Algorithm 5.
  @inlinable
  public static func eccentricFromTrue(_ trueAnomaly: Double, eccentricity e: Double) -> Double {
    let beta = ((1 - e) * (1 + e)).squareRoot()
    let E = atan2(beta * sin(trueAnomaly), e + cos(trueAnomaly))
    return sameRevolution(E, as: trueAnomaly)
  }

  /// True anomaly from eccentric anomaly, ν = atan2(√(1−e²) sin E, cos E − e).
  ///
  /// - Parameters:
  ///   - eccentricAnomaly: E (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: ν (rad), in the same revolution as E.
  /// - References: Vallado, 4th ed., Algorithm 6.
  @inlinable
  public static func trueFromEccentric(_ eccentricAnomaly: Double, eccentricity e: Double) -> Double {
    let beta = ((1 - e) * (1 + e)).squareRoot()
    let nu = atan2(beta * sin(eccentricAnomaly), cos(eccentricAnomaly) - e)
    return sameRevolution(nu, as: eccentricAnomaly)
  }

  /// Mean anomaly from eccentric anomaly, M = E − e sin E.
  ///
  /// - Parameters:
  ///   - eccentricAnomaly: E (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: M (rad).
  /// - References: Vallado, 4th ed., §2.2 (Kepler's equation).
  @inlinable
  public static func meanFromEccentric(_ eccentricAnomaly: Double, eccentricity e: Double) -> Double {
    eccentricAnomaly - e * sin(eccentricAnomaly)
  }

  /// Eccentric anomaly from mean anomaly: solves Kepler's equation.
  ///
  /// - Parameters:
  ///   - meanAnomaly: M (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: E (rad); see `KeplerEquation.eccentricAnomaly(meanAnomaly:eccentricity:)`.
  @inlinable
  public static func eccentricFromMean(_ meanAnomaly: Double, eccentricity e: Double) -> Double {
    KeplerEquation.eccentricAnomaly(meanAnomaly: meanAnomaly, eccentricity: e)
  }

  /// Mean anomaly from true anomaly (elliptic).
  ///
  /// - Parameters:
  ///   - trueAnomaly: ν (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: M (rad), in the same revolution as ν.
  @inlinable
  public static func meanFromTrue(_ trueAnomaly: Double, eccentricity e: Double) -> Double {
    meanFromEccentric(eccentricFromTrue(trueAnomaly, eccentricity: e), eccentricity: e)
  }

  /// True anomaly from mean anomaly (elliptic).
  ///
  /// - Parameters:
  ///   - meanAnomaly: M (rad).
  ///   - eccentricity: 0 ≤ e < 1.
  /// - Returns: ν (rad), in the same revolution as M.
  @inlinable
  public static func trueFromMean(_ meanAnomaly: Double, eccentricity e: Double) -> Double {
    trueFromEccentric(eccentricFromMean(meanAnomaly, eccentricity: e), eccentricity: e)
  }

  /// Hyperbolic anomaly from true anomaly, H = asinh(√(e²−1) sin ν / (1 + e cos ν)).
  ///
  /// - Parameters:
  ///   - trueAnomaly: ν (rad), with 1 + e cos ν > 0 (inside the asymptotes).
  ///   - eccentricity: e > 1.
  /// - Returns: H (rad); NaN beyond the asymptotes.
  /// - References: Vallado, 4th ed., Algorithm 5 (hyperbolic branch).
  @inlinable
  public static func hyperbolicFromTrue(_ trueAnomaly: Double, eccentricity e: Double) -> Double {
    let denominator = 1 + e * cos(trueAnomaly)
    guard denominator > 0 else { return .nan }
    let beta = ((e - 1) * (e + 1)).squareRoot()
    return asinh(beta * sin(trueAnomaly) / denominator)
  }

  /// True anomaly from hyperbolic anomaly, ν = 2 atan(√((e+1)/(e−1)) tanh(H/2)).
  ///
  /// - Parameters:
  ///   - hyperbolicAnomaly: H (rad).
  ///   - eccentricity: e > 1.
  /// - Returns: ν (rad) in (−acos(−1/e), acos(−1/e)).
  /// - References: Vallado, 4th ed., Algorithm 6 (hyperbolic branch).
  @inlinable
  public static func trueFromHyperbolic(_ hyperbolicAnomaly: Double, eccentricity e: Double) -> Double {
    2 * atan(((e + 1) / (e - 1)).squareRoot() * tanh(0.5 * hyperbolicAnomaly))
  }

  /// Hyperbolic mean anomaly from hyperbolic anomaly, M = e sinh H − H.
  ///
  /// - Parameters:
  ///   - hyperbolicAnomaly: H (rad).
  ///   - eccentricity: e > 1.
  /// - Returns: M (rad).
  /// - References: Vallado, 4th ed., §2.2 (hyperbolic Kepler equation).
  @inlinable
  public static func meanFromHyperbolic(_ hyperbolicAnomaly: Double, eccentricity e: Double) -> Double {
    e * sinh(hyperbolicAnomaly) - hyperbolicAnomaly
  }

  /// Hyperbolic anomaly from hyperbolic mean anomaly: solves e sinh H − H = M.
  ///
  /// - Parameters:
  ///   - meanAnomaly: M (rad).
  ///   - eccentricity: e > 1.
  /// - Returns: H (rad); see `KeplerEquation.hyperbolicAnomaly(meanAnomaly:eccentricity:)`.
  @inlinable
  public static func hyperbolicFromMean(_ meanAnomaly: Double, eccentricity e: Double) -> Double {
    KeplerEquation.hyperbolicAnomaly(meanAnomaly: meanAnomaly, eccentricity: e)
  }

  /// Mean anomaly from true anomaly for either conic: elliptic M = E − e sin E, hyperbolic
  /// M = e sinh H − H.
  ///
  /// - Parameters:
  ///   - trueAnomaly: ν (rad).
  ///   - eccentricity: e ≥ 0, e ≠ 1.
  /// - Returns: M (rad).
  @inlinable
  public static func mean(fromTrue trueAnomaly: Double, eccentricity e: Double) -> Double {
    e < 1
      ? meanFromTrue(trueAnomaly, eccentricity: e)
      : meanFromHyperbolic(hyperbolicFromTrue(trueAnomaly, eccentricity: e), eccentricity: e)
  }

  /// True anomaly from mean anomaly for either conic.
  ///
  /// - Parameters:
  ///   - meanAnomaly: M (rad).
  ///   - eccentricity: e ≥ 0, e ≠ 1.
  /// - Returns: ν (rad).
  @inlinable
  public static func trueAnomaly(fromMean meanAnomaly: Double, eccentricity e: Double) -> Double {
    e < 1
      ? trueFromMean(meanAnomaly, eccentricity: e)
      : trueFromHyperbolic(hyperbolicFromMean(meanAnomaly, eccentricity: e), eccentricity: e)
  }
}
