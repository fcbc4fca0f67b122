// The mean semi-major axis that SGP4 recovers from a TLE/OMM (Kozai) mean motion.
//
// References: Hoots & Roehrich, Spacetrack Report #3 (1980), SGP4 initialisation (the a1, δ1,
// a0, δ0, n0'' recovery of the "original" mean motion); Vallado, Crawford, Hujsak & Kelso,
// "Revisiting Spacetrack Report #3", AIAA 2006-6753 (2006), rev. 3, routine `initl`. The constants
// are OrbitCore's `SGP4.Gravity.wgs72`. Written from the equations, no code copied.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// Mean (Brouwer) orbital quantities recovered from an element set's Kozai mean motion, the way
/// SGP4 initialises itself.
///
/// With k_e = `xke` (√μ in Earth radii^1.5/min), J2, and the Kozai mean motion n (rad/min):
/// a1 = (k_e/n)^(2/3); δ1 = ¾ J2 (3cos²i − 1) / (1 − e²)^(3/2) / a1²;
/// a0 = a1 (1 − δ1/3 − δ1² − 134 δ1³/81); δ0 = ¾ J2 (3cos²i − 1) / (1 − e²)^(3/2) / a0²;
/// n0'' = n / (1 + δ0); a0'' = (k_e/n0'')^(2/3) (Earth radii). For the ISS (i = 51.6°,
/// δ0 ≈ 1.1e-4) a0'' = a1 (1 + δ0)^(2/3) is about 0.51 km above a1 = (k_e/n)^(2/3).
///
/// References: Spacetrack Report #3 (1980), SGP4 equations for a1, δ1, a0, δ0, n0'', a0'';
/// Vallado et al., AIAA 2006-6753 rev. 3, `initl`.
public enum SGP4MeanElements {
  /// The WGS-72 constants SGP4 uses (μ = 398 600.8 km³/s², R = 6378.135 km, J2 = 0.001082616).
  ///
  /// References: Vallado et al., AIAA 2006-6753 rev. 3, `getgravconst` (wgs72).
  public static var constants: SGP4.Constants { SGP4.Gravity.wgs72.constants }

  /// The WGS-72 equatorial radius (m) against which mean altitude is measured: 6 378 135 m.
  ///
  /// References: Vallado et al., AIAA 2006-6753 rev. 3, `getgravconst` (wgs72).
  public static var equatorialRadius: Double { constants.radiusKm * 1000.0 }

  /// The WGS-72 gravitational parameter (m³/s²): 3.986008e14.
  ///
  /// References: Vallado et al., AIAA 2006-6753 rev. 3, `getgravconst` (wgs72).
  public static var mu: Double { constants.mu * 1e9 }

  /// The SGP4 mean semi-major axis a0'' from a Kozai mean motion.
  ///
  /// - Parameters:
  ///   - meanMotion: the element set's (Kozai) mean motion (rev/day), as in MEAN_MOTION.
  ///   - eccentricity: the mean eccentricity (0 ≤ e < 1).
  ///   - inclination: the mean inclination (rad).
  /// - Returns: the mean semi-major axis (m); NaN when the inputs are not finite or n ≤ 0.
  /// - References: Spacetrack Report #3 (1980), SGP4 initialisation; Vallado et al., AIAA
  ///   2006-6753 rev. 3, `initl`.
  public static func semiMajorAxis(meanMotion revPerDay: Double, eccentricity: Double, inclination: Double)
    -> Double
  {
    guard revPerDay > 0, revPerDay.isFinite, eccentricity >= 0, eccentricity < 1, inclination.isFinite else {
      return .nan
    }
    let c = constants
    let n = revPerDay * 2.0 * Double.pi / 1440.0  // rad/min
    let twoThirds = 2.0 / 3.0
    let omeosq = 1.0 - eccentricity * eccentricity
    let cosi = cos(inclination)
    let d1 = 0.75 * c.j2 * (3.0 * cosi * cosi - 1.0) / (omeosq.squareRoot() * omeosq)
    let a1 = pow(c.xke / n, twoThirds)
    var del = d1 / (a1 * a1)
    let a0 = a1 * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0))
    del = d1 / (a0 * a0)
    let nBrouwer = n / (1.0 + del)
    return pow(c.xke / nBrouwer, twoThirds) * c.radiusKm * 1000.0
  }
}
