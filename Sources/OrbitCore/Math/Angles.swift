// Angle constants and normalisation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Angle constants and conversions.
public enum Angle {
  // Computed and @inlinable rather than `static let`: another module reads a `static let`
  // through an opaque addressor call and cannot constant-fold it (see README, Codegen note).
  /// 2π.
  @inlinable public static var twoPi: Double { 2.0 * Double.pi }
  /// Radians per degree.
  @inlinable public static var degree: Double { Double.pi / 180.0 }
  /// Radians per arcsecond.
  @inlinable public static var arcsecond: Double { Double.pi / 648_000.0 }
  /// Radians per milliarcsecond.
  @inlinable public static var milliarcsecond: Double { Double.pi / 648_000_000.0 }

  /// `angle` reduced to [0, 2π) (rad). Non-finite input gives NaN.
  @inlinable
  public static func normalizedPositive(_ angle: Double) -> Double {
    var a = fmod(angle, twoPi)
    if a < 0 { a += twoPi }
    // fmod of a tiny negative number plus 2π can round to exactly 2π.
    return a >= twoPi ? 0 : a
  }

  /// `angle` reduced to [−π, π) (rad). Non-finite input gives NaN.
  @inlinable
  public static func normalizedSigned(_ angle: Double) -> Double {
    var a = normalizedPositive(angle)
    if a >= Double.pi { a -= twoPi }
    return a
  }

  /// `angle` reduced to [center − π, center + π) (rad).
  @inlinable
  public static func normalized(_ angle: Double, around center: Double) -> Double {
    center + normalizedSigned(angle - center)
  }

  /// Degrees to radians.
  @inlinable
  public static func radians(fromDegrees degrees: Double) -> Double { degrees * degree }

  /// Radians to degrees.
  @inlinable
  public static func degrees(fromRadians radians: Double) -> Double { radians / degree }
}
