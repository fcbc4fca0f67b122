// A date event: g = epoch − date (s). Our own code.

/// An event at a given epoch: g(t) = t − date (s), exact in the two-part epoch arithmetic.
///
/// Used to trigger impulsive maneuvers and to switch finite burns; being linear in time it
/// needs no sampling inside a step (`maxCheckInterval` is unlimited).
///
/// References: Orekit `DateDetector`.
@frozen
public struct DateDetector: EventDetector, Hashable {
  /// The event epoch.
  public var date: Epoch
  /// Whether the propagation stops at the date.
  public var isTerminal: Bool
  /// Root-finder threshold (s).
  public var threshold: Double

  /// A date event.
  ///
  /// - Parameters:
  ///   - date: the epoch.
  ///   - isTerminal: stop there (default false).
  ///   - threshold: convergence threshold (s; default 1e-7 s; g is linear, so Brent lands on
  ///     the root in one secant step).
  @inlinable
  public init(_ date: Epoch, isTerminal: Bool = false, threshold: Double = 1e-7) {
    self.date = date
    self.isTerminal = isTerminal
    self.threshold = threshold
  }

  /// g = epoch − date (s).
  @inlinable
  public func g(_ state: OrbitState, at epoch: Epoch) -> Double { epoch - date }

  /// g is linear: checking the step ends is enough.
  @inlinable public var maxCheckInterval: Double { .greatestFiniteMagnitude }

  /// `.date` in either direction of time.
  @inlinable
  public func kind(increasing: Bool) -> EventKind { .date }
}
