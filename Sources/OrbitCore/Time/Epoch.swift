// An instant on the TAI continuum, stored in two parts.
//
// Origin: 2000-01-01T12:00:00 TAI (JD 2451545.0 on the TAI scale), which is 32.184 s before
// J2000.0 = 2000-01-01T12:00:00 TT. Whole seconds are an Int64 and the fraction a Double in
// [0, 1), so an instant keeps ~1e-16 s resolution over any span and `+`/`-` of seconds is exact
// up to the rounding of the fraction (no drift from repeated `t += h`).
//
// References: the two-part representation follows Orekit `AbsoluteDate`/`TimeOffset` and
// Skyfield (whole + fraction); TT − TAI = 32.184 s exactly (IAU 1991 Resolution A4).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An instant of time, as TAI seconds since 2000-01-01T12:00:00 TAI, in two parts.
///
/// An `Epoch` stores no time scale: scales are views of the same instant (see `TimeScale`).
@frozen
public struct Epoch: Hashable, Comparable, Sendable {
  /// Whole TAI seconds since 2000-01-01T12:00:00 TAI.
  public let wholeSeconds: Int64
  /// Fractional second in [0, 1).
  public let fraction: Double

  /// An epoch from whole and fractional TAI seconds since 2000-01-01T12:00:00 TAI.
  ///
  /// `fraction` may be any finite value; it is folded into `wholeSeconds` so that the stored
  /// fraction lies in [0, 1).
  @inlinable
  public init(wholeSeconds: Int64, fraction: Double) {
    precondition(fraction.isFinite, "Epoch fraction must be finite")
    if fraction >= 0 && fraction < 1 {
      self.wholeSeconds = wholeSeconds
      self.fraction = fraction
    } else {
      let f = fraction.rounded(.down)
      var rest = fraction - f
      var whole = wholeSeconds + Int64(f)
      if rest >= 1 {  // fraction - floor(fraction) can round up to 1 for tiny negative input.
        rest -= 1
        whole += 1
      }
      self.wholeSeconds = whole
      self.fraction = rest
    }
  }

  /// An epoch `seconds` TAI seconds after 2000-01-01T12:00:00 TAI.
  @inlinable
  public init(taiSecondsSinceOrigin seconds: Double) {
    let whole = seconds.rounded(.down)
    self.init(wholeSeconds: Int64(whole), fraction: seconds - whole)
  }

  /// The origin, 2000-01-01T12:00:00 TAI.
  @inlinable public static var origin: Epoch { Epoch(wholeSeconds: 0, fraction: 0) }

  /// J2000.0 = 2000-01-01T12:00:00 TT = 2000-01-01T11:59:27.816 TAI.
  @inlinable public static var j2000: Epoch { Epoch(wholeSeconds: -33, fraction: 0.816) }

  /// TT − TAI (s), exact by definition.
  @inlinable public static var ttMinusTAI: Double { 32.184 }

  /// TAI − GPS (s), exact by definition (GPS time = TAI − 19 s).
  @inlinable public static var taiMinusGPS: Double { 19.0 }

  /// TAI seconds since the origin as one Double (loses resolution far from 2000; prefer the parts).
  @inlinable
  public var taiSecondsSinceOrigin: Double { Double(wholeSeconds) + fraction }

  /// The epoch `seconds` later (s; may be negative).
  @inlinable
  public static func + (lhs: Epoch, seconds: Double) -> Epoch {
    let whole = seconds.rounded(.towardZero)
    return Epoch(wholeSeconds: lhs.wholeSeconds + Int64(whole), fraction: lhs.fraction + (seconds - whole))
  }

  /// The epoch `seconds` earlier (s).
  @inlinable
  public static func - (lhs: Epoch, seconds: Double) -> Epoch { lhs + (-seconds) }

  /// The elapsed time `lhs − rhs` (s).
  @inlinable
  public static func - (lhs: Epoch, rhs: Epoch) -> Double {
    Double(lhs.wholeSeconds - rhs.wholeSeconds) + (lhs.fraction - rhs.fraction)
  }

  /// Adds `seconds` in place.
  @inlinable
  public static func += (lhs: inout Epoch, seconds: Double) { lhs = lhs + seconds }

  @inlinable
  public static func < (lhs: Epoch, rhs: Epoch) -> Bool {
    lhs.wholeSeconds < rhs.wholeSeconds
      || (lhs.wholeSeconds == rhs.wholeSeconds && lhs.fraction < rhs.fraction)
  }
}
