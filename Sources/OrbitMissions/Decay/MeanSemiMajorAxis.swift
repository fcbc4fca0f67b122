// The mean semi-major axis of an osculating state: the osculating (Keplerian-energy) value less
// its first-order J2 short-period part, obtained from the energy integral.
//
// Under an axially symmetric field the energy v²/2 − μ/r − U_J2 is conserved, so the Keplerian
// energy −μ/(2a) follows U_J2 along the orbit: δa = (2a²/μ) δU_J2. Removing U_J2's departure
// from its orbit average ⟨U_J2⟩ gives the mean a to first order in J2:
//   U_J2 = −(μ J2 R²/(2r³)) (3 sin²φ − 1),
//   ⟨U_J2⟩ = −(μ J2 R²/(2a³)) (1 − e²)^(−3/2) (3/2 sin²i − 1),
//   ā = a − (2a²/μ) (U_J2 − ⟨U_J2⟩),
// which is the Kozai (1959) / Brouwer (1959) short-period term in a,
//   a_sp = (J2R²/a)[(1 − 3/2 sin²i)((a/r)³ − (1−e²)^(−3/2)) + 3/2 sin²i (a/r)³ cos 2u],
// written without the argument of latitude. Our own derivation and code.
//
// References: Kozai, "The motion of a close Earth satellite", Astron. J. 64 (1959) 367 (short-
// period perturbations of a); Brouwer, "Solution of the problem of artificial satellite theory
// without drag", Astron. J. 64 (1959) 378; Vallado, Fundamentals of Astrodynamics and
// Applications, 4th ed. (2013), §9.6 (osculating vs. mean elements).

import OrbitCore

/// The mean semi-major axis of an osculating state with the first-order J2 short-period
/// variation removed: comparable with the SGP4 (Brouwer) mean semi-major axis of an element set.
///
/// For the ISS the osculating a swings by about ±6 km twice per orbit; after this correction
/// what remains along one orbit is tens of metres (J3 at the orbit period, tesseral and J2²
/// terms), which `DecaySimulation` averages out further by sampling each orbit several times.
///
/// Accuracy: first order in J2 and in e (the ⟨(a/r)³ cos 2u⟩ = O(e²) term is dropped); for the
/// ISS the single-point residual is within ±40 m of the orbit average (DecayTests).
///
/// References: Kozai, Astron. J. 64 (1959) 367; Brouwer, Astron. J. 64 (1959) 378; Vallado
/// (2013) §9.6.
public enum MeanSemiMajorAxis {
  /// The mean semi-major axis (m) of an osculating geocentric inertial state.
  ///
  /// - Parameters:
  ///   - position: geocentric inertial position (m).
  ///   - velocity: inertial velocity (m/s).
  ///   - pole: the unit vector of the Earth's rotation axis in the same axes (ITRF z in GCRF).
  ///   - body: μ, equatorial radius and J2 (default EGM96).
  /// - Returns: ā (m); NaN for a non-elliptic state.
  /// - References: Kozai (1959); Brouwer (1959); see the file header.
  public static func fromOsculating(
    position p: Vector3, velocity v: Vector3, pole k: Vector3, body: CentralBody = .egm96
  ) -> Double {
    let mu = body.gravitationalParameter
    let r = p.norm
    let v2 = v.dot(v)
    let inverseA = 2.0 / r - v2 / mu
    guard inverseA > 0, r > 0 else { return .nan }
    let a = 1.0 / inverseA
    let h = p.cross(v)
    let hNorm = h.norm
    let cosI = hNorm > 0 ? h.dot(k) / hNorm : 1
    let sin2I = max(0, 1 - cosI * cosI)
    let eVector = v.cross(h) / mu - p / r
    let e2 = min(eVector.dot(eVector), 0.99)
    let sinPhi = p.dot(k) / r
    let j2r2 = body.j2 * body.equatorialRadius * body.equatorialRadius
    let u = -(mu * j2r2 / (2 * r * r * r)) * (3 * sinPhi * sinPhi - 1)
    let oneMinusE2 = 1 - e2
    let uMean = -(mu * j2r2 / (2 * a * a * a)) / (oneMinusE2 * oneMinusE2.squareRoot()) * (1.5 * sin2I - 1)
    return a - (2 * a * a / mu) * (u - uMean)
  }

  /// The Earth's rotation axis (ITRF z) in GCRF at `epoch` from an Earth-orientation model: the
  /// third row of the GCRF → ITRF rotation.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - model: the Earth-orientation model.
  /// - Returns: a unit vector in GCRF.
  /// - References: Vallado (2013) §3.7 (IAU-76/FK5 reduction).
  public static func pole(at epoch: Epoch, model: EarthOrientationModel) -> Vector3 {
    model.gcrfToITRF(at: epoch).rotation.row(2)
  }
}
