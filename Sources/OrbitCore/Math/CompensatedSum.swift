// Compensated (Kahan–Babuška–Neumaier) summation.
//
// References: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
// Summen", ZAMM 54 (1974) 39–51.

/// A running sum with an error-compensation term (Neumaier's variant of Kahan summation).
///
/// Accuracy: the result is as if summed in roughly twice the working precision, independent of
/// the number of terms, as long as no intermediate overflows.
@frozen
public struct CompensatedSum: Sendable, Hashable {
  /// The running sum (without compensation).
  public var sum: Double
  /// The accumulated rounding error.
  public var compensation: Double

  /// A sum starting at `initial`.
  @inlinable
  public init(_ initial: Double = 0) {
    sum = initial
    compensation = 0
  }

  /// Adds `x` to the sum.
  @inlinable
  public mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  /// The compensated total.
  @inlinable
  public var value: Double { sum + compensation }

  /// The compensated sum of a sequence.
  @inlinable
  public static func of<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var s = CompensatedSum()
    for v in values { s.add(v) }
    return s.value
  }
}
