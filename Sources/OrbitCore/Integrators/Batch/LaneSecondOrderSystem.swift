// Second-order dynamics evaluated for several spacecraft at once, one per SIMD lane.
// Our own code.

/// A velocity-independent second-order system r'' = a(t, r) evaluated for a batch of
/// spacecraft, one per SIMD lane: the dynamics of `BatchPropagator`.
///
/// Implementations are generic over the lane type, `@inlinable`, and do per lane what their
/// scalar `SecondOrderSystem.acceleration` does, in the same order, so that a batch lane
/// reproduces a scalar propagation. They must not allocate, throw or branch per lane (use
/// lane-wise arithmetic; a non-finite lane gives a non-finite result, which the batch
/// propagator reports).
///
/// References: Dormand, El-Mikkawy & Prince, IMA J. Numer. Anal. 7 (1987) 423–430 (the
/// Nyström class); heyoka batch mode.
public protocol LaneSecondOrderSystem: Sendable {
  /// The accelerations at `position`, per lane.
  ///
  /// - Parameters:
  ///   - position: positions (m), one per lane.
  ///   - t: time since the batch's start epoch (s), the same for all lanes.
  /// - Returns: accelerations (m/s²), one per lane.
  func acceleration<Lanes>(position: LaneVector3<Lanes>, at t: Double) -> LaneVector3<Lanes>
}
