// Approximate-equality expectations for Swift Testing.
//
// A failure is recorded with `Issue.record(_:sourceLocation:)` at the caller's source location
// and prints the actual value, the expected value, their difference and the tolerance.

import OrbitCore
import Testing

/// Whether `actual` is within tolerance of `expected`.
///
/// The tolerance is `max(absolute, relative × |expected|)`. With both zero the values must be
/// equal. NaN is close only to NaN; an infinity only to the same infinity.
public func isClose(
  _ actual: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0
) -> Bool {
  if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
  if actual == expected { return true }
  if actual.isInfinite || expected.isInfinite { return false }
  let tolerance = max(absolute, relative * abs(expected))
  return abs(actual - expected) <= tolerance
}

/// Expects `actual` to be within `max(absolute, relative × |expected|)` of `expected`.
///
/// - Parameters:
///   - actual: the computed value.
///   - expected: the reference value.
///   - absolute: allowed absolute difference (same unit as the values).
///   - relative: allowed difference relative to `|expected|` (dimensionless).
///   - comment: an optional note shown with a failure.
///   - sourceLocation: where to report a failure (the caller by default).
/// - Returns: whether the expectation held.
@discardableResult
public func expectClose(
  _ actual: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  precondition(absolute >= 0 && relative >= 0, "tolerances must be non-negative")
  if isClose(actual, expected, absolute: absolute, relative: relative) { return true }
  let difference = actual - expected
  let relativeDifference = expected == 0 ? Double.infinity : abs(difference / expected)
  let message =
    "expectClose failed: actual \(actual), expected \(expected), difference \(difference)"
    + " (relative \(relativeDifference)); tolerance absolute \(absolute), relative \(relative)"
  Issue.record(joined(message, comment), sourceLocation: sourceLocation)
  return false
}

/// Expects `|actual − expected| ≤ max(absolute, relative × |expected|)` (Euclidean norms).
///
/// - Parameters:
///   - actual: the computed vector.
///   - expected: the reference vector.
///   - absolute: allowed norm of the difference (same unit as the vectors).
///   - relative: allowed norm of the difference relative to `|expected|` (dimensionless).
///   - comment: an optional note shown with a failure.
///   - sourceLocation: where to report a failure (the caller by default).
/// - Returns: whether the expectation held.
@discardableResult
public func expectClose(
  _ actual: Vector3, _ expected: Vector3, absolute: Double = 0, relative: Double = 0,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  precondition(absolute >= 0 && relative >= 0, "tolerances must be non-negative")
  let d = actual - expected
  let distance = (d.x * d.x + d.y * d.y + d.z * d.z).squareRoot()
  let scale = (expected.x * expected.x + expected.y * expected.y + expected.z * expected.z)
    .squareRoot()
  if actual == expected || distance <= max(absolute, relative * scale) { return true }
  let message =
    "expectClose failed: actual \(actual), expected \(expected), difference \(d) (norm \(distance));"
    + " tolerance absolute \(absolute), relative \(relative) of |expected| = \(scale)"
  Issue.record(joined(message, comment), sourceLocation: sourceLocation)
  return false
}

/// Expects every element of `actual` within `absolute` of `expected` (max-abs element norm).
///
/// - Parameters:
///   - actual: the computed matrix.
///   - expected: the reference matrix.
///   - absolute: allowed largest element difference.
///   - comment: an optional note shown with a failure.
///   - sourceLocation: where to report a failure (the caller by default).
/// - Returns: whether the expectation held.
@discardableResult
public func expectClose(
  _ actual: Matrix3, _ expected: Matrix3, absolute: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let difference = actual.maxAbsDifference(expected)
  if difference <= absolute { return true }
  let message =
    "expectClose failed: actual \(actual), expected \(expected), largest element difference"
    + " \(difference); tolerance \(absolute)"
  Issue.record(joined(message, comment), sourceLocation: sourceLocation)
  return false
}

/// The distance between two doubles in units in the last place (ULPs).
///
/// Counts the representable doubles between them: 0 for equal values (including +0 and −0),
/// 1 for neighbours. NaN against anything but NaN, or an infinity against a different value,
/// gives `UInt64.max`.
public func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
  if a == b { return 0 }
  if a.isInfinite || b.isInfinite { return .max }
  // Map the bit patterns onto a monotonic integer line: negative values mirror below zero.
  func ordered(_ x: Double) -> Int64 {
    let bits = Int64(bitPattern: x.bitPattern)
    return bits < 0 ? Int64.min &- bits : bits
  }
  let ia = ordered(a), ib = ordered(b)
  return ia > ib ? UInt64(bitPattern: ia &- ib) : UInt64(bitPattern: ib &- ia)
}

/// Expects `actual` within `ulps` units in the last place of `expected` (for math kernels).
///
/// - Parameters:
///   - actual: the computed value.
///   - expected: the reference value (correctly rounded, ideally).
///   - ulps: allowed distance in ULPs (0 means bit-identical up to the sign of zero).
///   - comment: an optional note shown with a failure.
///   - sourceLocation: where to report a failure (the caller by default).
/// - Returns: whether the expectation held.
@discardableResult
public func expectClose(
  _ actual: Double, _ expected: Double, ulps: UInt64,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let distance = ulpDistance(actual, expected)
  if distance <= ulps { return true }
  let distanceText = distance == .max ? "∞" : "\(distance)"
  let message =
    "expectClose failed: actual \(actual), expected \(expected), difference \(actual - expected)"
    + " = \(distanceText) ulps; tolerance \(ulps) ulps"
  Issue.record(joined(message, comment), sourceLocation: sourceLocation)
  return false
}

/// Expects each component of `actual` within `ulps` ULPs of the same component of `expected`.
@discardableResult
public func expectClose(
  _ actual: Vector3, _ expected: Vector3, ulps: UInt64,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let worst = max(
    ulpDistance(actual.x, expected.x), ulpDistance(actual.y, expected.y),
    ulpDistance(actual.z, expected.z))
  if worst <= ulps { return true }
  let worstText = worst == .max ? "∞" : "\(worst)"
  let message =
    "expectClose failed: actual \(actual), expected \(expected), difference \(actual - expected)"
    + " (worst component \(worstText) ulps); tolerance \(ulps) ulps"
  Issue.record(joined(message, comment), sourceLocation: sourceLocation)
  return false
}

private func joined(_ message: String, _ comment: Comment?) -> Comment {
  guard let comment else { return Comment(rawValue: message) }
  return Comment(rawValue: message + " — " + comment.rawValue)
}
