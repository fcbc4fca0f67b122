/// A time scale: a way of labelling the instants that an `Epoch` stores.
///
/// - `tai`: International Atomic Time, the scale an `Epoch` counts in.
/// - `tt`: Terrestrial Time, TAI + 32.184 s.
/// - `gps`: GPS time, TAI − 19 s.
/// - `utc`: Coordinated Universal Time, TAI minus the leap-second offset (1972 onward only).
/// - `ut1`: the Earth-rotation angle as a time, UTC + (UT1 − UTC) from IERS EOP.
/// - `tdb`: Barycentric Dynamical Time, TT plus a periodic term of amplitude ~1.7 ms.
///
/// References: IERS Conventions (2010), ch. 10; Kaplan, USNO Circular 179 (2005), §2.
public enum TimeScale: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case utc, tai, tt, gps, ut1, tdb

  /// The upper-case abbreviation (`UTC`, `TAI`, …).
  public var description: String { rawValue.uppercased() }
}

/// A Julian date in two parts, `whole + fraction` (days), as ERFA/SOFA carry them.
///
/// `whole` holds the large part (e.g. 2451545.0 or an MJD-based midnight 2460000.5) and
/// `fraction` the rest, so that the sum keeps sub-microsecond resolution.
@frozen
public struct JulianDate: Hashable, Sendable, CustomStringConvertible {
  /// The large part (days).
  public var whole: Double
  /// The small part (days).
  public var fraction: Double

  /// A two-part Julian date.
  @inlinable
  public init(whole: Double, fraction: Double) {
    self.whole = whole
    self.fraction = fraction
  }

  /// The Julian date as one number (days); resolution ~40 µs.
  @inlinable
  public var value: Double { whole + fraction }

  /// Days since J2000.0 (JD 2451545.0) in the same scale, summed with care.
  @inlinable
  public var daysSinceJ2000: Double { (whole - 2_451_545.0) + fraction }

  /// The modified Julian date (JD − 2400000.5) as one number (days).
  @inlinable
  public var modifiedJulianDate: Double { (whole - 2_400_000.5) + fraction }

  public var description: String { "JD \(whole) + \(fraction)" }
}
