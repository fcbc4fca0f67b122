// The IAU 1980 theory of nutation: the 106-term series.
//
// Source: P. K. Seidelmann, "1980 IAU Theory of Nutation: The Final Report of the IAU Working
// Group on Nutation", Celestial Mechanics 27 (1982) 79–106, Table 1; reproduced in the
// Explanatory Supplement to the Astronomical Almanac (Seidelmann ed., 1992), Table 3.222.1, and
// used by IAU SOFA `iauNut80` (the term order below is SOFA's, which starts with the Ω terms).
// The coefficients were transcribed by hand from that table and checked numerically: Δψ and Δε
// summed from these rows agree with ERFA `nut80` to 1e-19 rad over 1968–2050
// (Tests/ReferenceData/erfa/precession_nutation_iau76_80.csv tests the Swift code).
//
// Columns: multipliers of the Delaunay arguments l, l′, F, D, Ω; then the coefficients of
// sin(argument) in Δψ (constant and per Julian century) and of cos(argument) in Δε (constant and
// per Julian century), all in units of 0.1 milliarcsecond (1e-4″).

/// One term of the IAU 1980 nutation series.
///
/// The term contributes `(longitudeSine + longitudeSineRate·t)·sin(A)` to Δψ and
/// `(obliquityCosine + obliquityCosineRate·t)·cos(A)` to Δε, in units of 1e-4″, where
/// `A = l·L + lPrime·L′ + f·F + d·D + omega·Ω` and t is in Julian centuries of TT since J2000.0.
///
/// References: Seidelmann (1982), Table 1; Explanatory Supplement (1992), Table 3.222.1.
@frozen
public struct Nutation1980Term: Sendable, Hashable {
  /// Multiplier of the Moon's mean anomaly l.
  public let l: Double
  /// Multiplier of the Sun's mean anomaly l′.
  public let lPrime: Double
  /// Multiplier of F = L − Ω (Moon's mean argument of latitude).
  public let f: Double
  /// Multiplier of D, the mean elongation of the Moon from the Sun.
  public let d: Double
  /// Multiplier of Ω, the longitude of the Moon's ascending node.
  public let omega: Double
  /// Δψ sine coefficient (1e-4″).
  public let longitudeSine: Double
  /// Δψ sine coefficient rate (1e-4″ per Julian century).
  public let longitudeSineRate: Double
  /// Δε cosine coefficient (1e-4″).
  public let obliquityCosine: Double
  /// Δε cosine coefficient rate (1e-4″ per Julian century).
  public let obliquityCosineRate: Double

  /// A term from its table row (multipliers, then coefficients in 1e-4″ and 1e-4″/century).
  @inlinable
  public init(
    _ l: Double, _ lPrime: Double, _ f: Double, _ d: Double, _ omega: Double,
    _ longitudeSine: Double, _ longitudeSineRate: Double,
    _ obliquityCosine: Double, _ obliquityCosineRate: Double
  ) {
    self.l = l
    self.lPrime = lPrime
    self.f = f
    self.d = d
    self.omega = omega
    self.longitudeSine = longitudeSine
    self.longitudeSineRate = longitudeSineRate
    self.obliquityCosine = obliquityCosine
    self.obliquityCosineRate = obliquityCosineRate
  }
}

extension Nutation1980 {
  /// The 106 terms of the IAU 1980 nutation series, in the order of SOFA `iauNut80`.
  ///
  /// References: Seidelmann (1982), Table 1; Explanatory Supplement (1992), Table 3.222.1.
  public static let terms: [Nutation1980Term] = [
    // 1–10
    Nutation1980Term( 0,  0,  0,  0,  1, -171996.0,    -174.2,   92025.0,       8.9),
    Nutation1980Term( 0,  0,  0,  0,  2,    2062.0,       0.2,    -895.0,       0.5),
    Nutation1980Term(-2,  0,  2,  0,  1,      46.0,       0.0,     -24.0,       0.0),
    Nutation1980Term( 2,  0, -2,  0,  0,      11.0,       0.0,       0.0,       0.0),
    Nutation1980Term(-2,  0,  2,  0,  2,      -3.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 1, -1,  0, -1,  0,      -3.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0, -2,  2, -2,  1,      -2.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 2,  0, -2,  0,  1,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  2, -2,  2,  -13187.0,      -1.6,    5736.0,      -3.1),
    Nutation1980Term( 0,  1,  0,  0,  0,    1426.0,      -3.4,      54.0,      -0.1),
    // 11–20
    Nutation1980Term( 0,  1,  2, -2,  2,    -517.0,       1.2,     224.0,      -0.6),
    Nutation1980Term( 0, -1,  2, -2,  2,     217.0,      -0.5,     -95.0,       0.3),
    Nutation1980Term( 0,  0,  2, -2,  1,     129.0,       0.1,     -70.0,       0.0),
    Nutation1980Term( 2,  0,  0, -2,  0,      48.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 0,  0,  2, -2,  0,     -22.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  2,  0,  0,  0,      17.0,      -0.1,       0.0,       0.0),
    Nutation1980Term( 0,  1,  0,  0,  1,     -15.0,       0.0,       9.0,       0.0),
    Nutation1980Term( 0,  2,  2, -2,  2,     -16.0,       0.1,       7.0,       0.0),
    Nutation1980Term( 0, -1,  0,  0,  1,     -12.0,       0.0,       6.0,       0.0),
    Nutation1980Term(-2,  0,  0,  2,  1,      -6.0,       0.0,       3.0,       0.0),
    // 21–30
    Nutation1980Term( 0, -1,  2, -2,  1,      -5.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 2,  0,  0, -2,  1,       4.0,       0.0,      -2.0,       0.0),
    Nutation1980Term( 0,  1,  2, -2,  1,       4.0,       0.0,      -2.0,       0.0),
    Nutation1980Term( 1,  0,  0, -1,  0,      -4.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 2,  1,  0, -2,  0,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0, -2,  2,  1,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1, -2,  2,  0,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  0,  0,  2,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term(-1,  0,  0,  1,  1,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  2, -2,  0,      -1.0,       0.0,       0.0,       0.0),
    // 31–40
    Nutation1980Term( 0,  0,  2,  0,  2,   -2274.0,      -0.2,     977.0,      -0.5),
    Nutation1980Term( 1,  0,  0,  0,  0,     712.0,       0.1,      -7.0,       0.0),
    Nutation1980Term( 0,  0,  2,  0,  1,    -386.0,      -0.4,     200.0,       0.0),
    Nutation1980Term( 1,  0,  2,  0,  2,    -301.0,       0.0,     129.0,      -0.1),
    Nutation1980Term( 1,  0,  0, -2,  0,    -158.0,       0.0,      -1.0,       0.0),
    Nutation1980Term(-1,  0,  2,  0,  2,     123.0,       0.0,     -53.0,       0.0),
    Nutation1980Term( 0,  0,  0,  2,  0,      63.0,       0.0,      -2.0,       0.0),
    Nutation1980Term( 1,  0,  0,  0,  1,      63.0,       0.1,     -33.0,       0.0),
    Nutation1980Term(-1,  0,  0,  0,  1,     -58.0,      -0.1,      32.0,       0.0),
    Nutation1980Term(-1,  0,  2,  2,  2,     -59.0,       0.0,      26.0,       0.0),
    // 41–50
    Nutation1980Term( 1,  0,  2,  0,  1,     -51.0,       0.0,      27.0,       0.0),
    Nutation1980Term( 0,  0,  2,  2,  2,     -38.0,       0.0,      16.0,       0.0),
    Nutation1980Term( 2,  0,  0,  0,  0,      29.0,       0.0,      -1.0,       0.0),
    Nutation1980Term( 1,  0,  2, -2,  2,      29.0,       0.0,     -12.0,       0.0),
    Nutation1980Term( 2,  0,  2,  0,  2,     -31.0,       0.0,      13.0,       0.0),
    Nutation1980Term( 0,  0,  2,  0,  0,      26.0,       0.0,      -1.0,       0.0),
    Nutation1980Term(-1,  0,  2,  0,  1,      21.0,       0.0,     -10.0,       0.0),
    Nutation1980Term(-1,  0,  0,  2,  1,      16.0,       0.0,      -8.0,       0.0),
    Nutation1980Term( 1,  0,  0, -2,  1,     -13.0,       0.0,       7.0,       0.0),
    Nutation1980Term(-1,  0,  2,  2,  1,     -10.0,       0.0,       5.0,       0.0),
    // 51–60
    Nutation1980Term( 1,  1,  0, -2,  0,      -7.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  2,  0,  2,       7.0,       0.0,      -3.0,       0.0),
    Nutation1980Term( 0, -1,  2,  0,  2,      -7.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 1,  0,  2,  2,  2,      -8.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 1,  0,  0,  2,  0,       6.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 2,  0,  2, -2,  2,       6.0,       0.0,      -3.0,       0.0),
    Nutation1980Term( 0,  0,  0,  2,  1,      -6.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 0,  0,  2,  2,  1,      -7.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 1,  0,  2, -2,  1,       6.0,       0.0,      -3.0,       0.0),
    Nutation1980Term( 0,  0,  0, -2,  1,      -5.0,       0.0,       3.0,       0.0),
    // 61–70
    Nutation1980Term( 1, -1,  0,  0,  0,       5.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 2,  0,  2,  0,  1,      -5.0,       0.0,       3.0,       0.0),
    Nutation1980Term( 0,  1,  0, -2,  0,      -4.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  0, -2,  0,  0,       4.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  0,  1,  0,      -4.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  1,  0,  0,  0,      -3.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  0,  2,  0,  0,       3.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1, -1,  2,  0,  2,      -3.0,       0.0,       1.0,       0.0),
    Nutation1980Term(-1, -1,  2,  2,  2,      -3.0,       0.0,       1.0,       0.0),
    Nutation1980Term(-2,  0,  0,  0,  1,      -2.0,       0.0,       1.0,       0.0),
    // 71–80
    Nutation1980Term( 3,  0,  2,  0,  2,      -3.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 0, -1,  2,  2,  2,      -3.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 1,  1,  2,  0,  2,       2.0,       0.0,      -1.0,       0.0),
    Nutation1980Term(-1,  0,  2, -2,  1,      -2.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 2,  0,  0,  0,  1,       2.0,       0.0,      -1.0,       0.0),
    Nutation1980Term( 1,  0,  0,  0,  2,      -2.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 3,  0,  0,  0,  0,       2.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  2,  1,  2,       2.0,       0.0,      -1.0,       0.0),
    Nutation1980Term(-1,  0,  0,  0,  2,       1.0,       0.0,      -1.0,       0.0),
    Nutation1980Term( 1,  0,  0, -4,  0,      -1.0,       0.0,       0.0,       0.0),
    // 81–90
    Nutation1980Term(-2,  0,  2,  2,  2,       1.0,       0.0,      -1.0,       0.0),
    Nutation1980Term(-1,  0,  2,  4,  2,      -2.0,       0.0,       1.0,       0.0),
    Nutation1980Term( 2,  0,  0, -4,  0,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  1,  2, -2,  2,       1.0,       0.0,      -1.0,       0.0),
    Nutation1980Term( 1,  0,  2,  2,  1,      -1.0,       0.0,       1.0,       0.0),
    Nutation1980Term(-2,  0,  2,  4,  2,      -1.0,       0.0,       1.0,       0.0),
    Nutation1980Term(-1,  0,  4,  0,  2,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1, -1,  0, -2,  0,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 2,  0,  2, -2,  1,       1.0,       0.0,      -1.0,       0.0),
    Nutation1980Term( 2,  0,  2,  2,  2,      -1.0,       0.0,       0.0,       0.0),
    // 91–100
    Nutation1980Term( 1,  0,  0,  2,  1,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  4, -2,  2,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 3,  0,  2, -2,  2,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  0,  2, -2,  0,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  2,  0,  1,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term(-1, -1,  0,  2,  1,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0, -2,  0,  1,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  2, -1,  2,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  0,  2,  0,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  0, -2, -2,  0,      -1.0,       0.0,       0.0,       0.0),
    // 101–106
    Nutation1980Term( 0, -1,  2,  0,  1,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  1,  0, -2,  1,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 1,  0, -2,  2,  0,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 2,  0,  0,  2,  0,       1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  0,  2,  4,  2,      -1.0,       0.0,       0.0,       0.0),
    Nutation1980Term( 0,  1,  0,  1,  0,       1.0,       0.0,       0.0,       0.0),
  ]
}
