// Low-precision analytic position of the Moon (geocentric, mean equator and equinox of J2000).
//
// Montenbruck & Gill, Satellite Orbits (2000), §3.3.2: mean arguments in
// revolutions (T in Julian centuries of TT since J2000), L0 referred to the J2000 equinox,
//   L0 = 0.606433 + 1336.851344 T,  l = 0.374897 + 1325.552410 T,  l' = 0.993133 + 99.997361 T,
//   D = 0.827361 + 1236.853086 T,  F = 0.259086 + 1342.227825 T,
// perturbations in longitude (″) 22640 sin l − 4586 sin(l − 2D) + 2370 sin 2D + 769 sin 2l
// − 668 sin l' − 412 sin 2F − 212 sin(2l − 2D) − 206 sin(l + l' − 2D) + 192 sin(l + 2D)
// − 165 sin(l' − 2D) − 125 sin D − 110 sin(l + l') + 148 sin(l − l') − 55 sin(2F − 2D),
// latitude β = 18520″ sin S + N with S = F + (δλ + 412″ sin 2F + 541″ sin l′) and
// N = −526 sin(F − 2D) + 44 sin(l + F − 2D) − 31 sin(−l + F − 2D) − 23 sin(l' + F − 2D)
// + 11 sin(−l' + F − 2D) − 25 sin(−2l + F) + 21 sin(−l + F) (″), and distance (km)
// 385000 − 20905 cos l − 3699 cos(2D − l) − 2956 cos 2D − 570 cos 2l + 246 cos(2l − 2D)
// − 205 cos(l' − 2D) − 171 cos(l + 2D) − 152 cos(l + l' − 2D); rotated from the J2000 ecliptic
// to the equator by ε = 23.43929111°. The numbers are those of the book (in the revolution form
// of its accompanying `MoonPos` routine); the code is our own.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Moon's geocentric position from the low-precision series of Montenbruck & Gill.
///
/// Accuracy: a few arcminutes in direction and a few hundred km in distance; measured ≤ 3.8′
/// and ≤ 370 km against ERFA `moon98` over 2000–2040 (ThirdBodyTests). Enough for lunar
/// third-body perturbations of Earth satellites (relative acceleration error ~1e-3).
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.3.2.
public enum LunarEphemeris {
  /// Obliquity of the J2000 ecliptic ε (rad): 23.43929111° (Montenbruck & Gill (2000) §3.3.2).
  public static let obliquityJ2000 = 23.43929111 * Angle.degree

  /// The geocentric position of the Moon in GCRF (m).
  ///
  /// - Parameter epoch: the instant (its TT centuries are the series' argument).
  /// - Returns: position (m), mean equator and equinox of J2000 (≈ GCRF).
  /// - References: Montenbruck & Gill (2000) §3.3.2.
  @inlinable
  public static func position(at epoch: Epoch) -> Vector3 {
    position(julianCenturiesTT: epoch.julianCenturiesTT)
  }

  /// The geocentric position of the Moon in GCRF (m) at T Julian centuries of TT since J2000.
  @inlinable
  public static func position(julianCenturiesTT t: Double) -> Vector3 {
    @inline(__always) func revolutions(_ a: Double, _ b: Double) -> Double {
      let f = (a + b * t).truncatingRemainder(dividingBy: 1)
      return f * Angle.twoPi
    }
    let l0 = revolutions(0.606433, 1336.851344)
    let l = revolutions(0.374897, 1325.552410)
    let lp = revolutions(0.993133, 99.997361)
    let d = revolutions(0.827361, 1236.853086)
    let f = revolutions(0.259086, 1342.227825)
    let arcsec = Angle.arcsecond
    let dL =
      22640 * sin(l) - 4586 * sin(l - 2 * d) + 2370 * sin(2 * d) + 769 * sin(2 * l)
      - 668 * sin(lp) - 412 * sin(2 * f) - 212 * sin(2 * l - 2 * d) - 206 * sin(l + lp - 2 * d)
      + 192 * sin(l + 2 * d) - 165 * sin(lp - 2 * d) - 125 * sin(d) - 110 * sin(l + lp)
      + 148 * sin(l - lp) - 55 * sin(2 * f - 2 * d)
    let lambda = l0 + dL * arcsec
    let s = f + (dL + 412 * sin(2 * f) + 541 * sin(lp)) * arcsec
    let h = f - 2 * d
    let n =
      -526 * sin(h) + 44 * sin(l + h) - 31 * sin(-l + h) - 23 * sin(lp + h) + 11 * sin(-lp + h)
      - 25 * sin(-2 * l + f) + 21 * sin(-l + f)
    let beta = (18520 * sin(s) + n) * arcsec
    let r =
      (385_000 - 20905 * cos(l) - 3699 * cos(2 * d - l) - 2956 * cos(2 * d) - 570 * cos(2 * l)
        + 246 * cos(2 * l - 2 * d) - 205 * cos(lp - 2 * d) - 171 * cos(l + 2 * d)
        - 152 * cos(l + lp - 2 * d)) * 1e3
    let cb = cos(beta)
    let x = r * cos(lambda) * cb, yEcl = r * sin(lambda) * cb, zEcl = r * sin(beta)
    let ce = cos(LunarEphemeris.obliquityJ2000), se = sin(LunarEphemeris.obliquityJ2000)
    return Vector3(x, ce * yEcl - se * zEcl, se * yEcl + ce * zEcl)
  }
}
