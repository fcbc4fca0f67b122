// Two-body (Keplerian) analytic propagation by mean anomaly.
//
// M(t) = M0 + n·Δt, with Δt = t − t0 taken from the two-part `Epoch` difference, then Kepler's
// equation for E (or H), then COE2RV. References: Vallado, 4th ed., §2.3, Algorithm 7
// (KeplerCOE: Kepler's problem through classical elements); our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Two-body propagation of elliptic and hyperbolic orbits through the mean anomaly.
///
/// Accuracy: the only growing error is the rounding of n·Δt (about 1.1e-16·|M| rad), plus the
/// reduction of M by multiples of the double nearest 2π (2.4e-16 rad per revolution). An
/// ISS-like orbit returns to its initial state within 3e-7 m after 160 periods (tested); the
/// error grows about linearly with the number of revolutions (~1e-5 m after 1000).
///
/// References: Vallado, 4th ed., §2.3 (Kepler's problem with classical elements).
public struct KeplerPropagator: AnalyticalPropagator {
  /// The state at the initial epoch (m, m/s).
  public let initialState: CartesianState
  /// Osculating elements at the initial epoch.
  public let initialElements: KeplerianElements
  /// Gravitational parameter μ (m³/s²).
  public let mu: Double
  /// Mean motion n = √(μ/|a|³) (rad/s).
  public let meanMotion: Double
  /// Mean anomaly at the initial epoch (rad): in [0, 2π) for elliptic orbits.
  public let initialMeanAnomaly: Double

  /// A propagator from a Cartesian state.
  ///
  /// - Parameters:
  ///   - initialState: the state (m, m/s) in an inertial frame.
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Throws: `.invalidElements` if the state has no elliptic or hyperbolic elements.
  public init(initialState: CartesianState, mu: Double) throws(PropagationError) {
    let elements: KeplerianElements
    do {
      elements = try KeplerianElements(state: initialState, mu: mu)
    } catch {
      throw .invalidElements(error)
    }
    self.initialState = initialState
    self.initialElements = elements
    self.mu = mu
    self.meanMotion = elements.meanMotion(mu: mu)
    self.initialMeanAnomaly = elements.meanAnomaly
  }

  /// A propagator from a Cartesian state and a central body.
  ///
  /// - Parameters:
  ///   - initialState: the state (m, m/s) in an inertial frame.
  ///   - body: the central body; only μ is used.
  /// - Throws: `.invalidElements`.
  public init(initialState: CartesianState, body: CentralBody) throws(PropagationError) {
    try self.init(initialState: initialState, mu: body.gravitationalParameter)
  }

  /// A propagator from osculating elements.
  ///
  /// - Parameters:
  ///   - elements: the elements at `epoch`.
  ///   - epoch: their epoch.
  ///   - frame: the inertial frame they refer to.
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Throws: `.invalidElements(.nonPositiveGravitationalParameter)` for μ ≤ 0.
  public init(
    elements: KeplerianElements, epoch: Epoch, frame: Frame, mu: Double
  ) throws(PropagationError) {
    guard mu > 0, mu.isFinite else {
      throw .invalidElements(.nonPositiveGravitationalParameter(mu))
    }
    self.initialState = elements.cartesianState(epoch: epoch, frame: frame, mu: mu)
    self.initialElements = elements
    self.mu = mu
    self.meanMotion = elements.meanMotion(mu: mu)
    self.initialMeanAnomaly = elements.meanAnomaly
  }

  /// The osculating elements at `epoch` (only ν changes).
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the elements; non-finite anomalies if Δt is absurdly large.
  @inlinable
  public func elements(at epoch: Epoch) -> KeplerianElements {
    let dt = epoch - initialState.epoch
    let e = initialElements.eccentricity
    var m = initialMeanAnomaly + meanMotion * dt
    let nu: Double
    if e < 1 {
      m = remainder(m, Angle.twoPi)
      nu = Anomaly.trueFromMean(m, eccentricity: e)
    } else {
      nu = Anomaly.trueFromHyperbolic(
        KeplerEquation.hyperbolicAnomaly(meanAnomaly: m, eccentricity: e), eccentricity: e)
    }
    return initialElements.with(trueAnomaly: nu)
  }

  /// The two-body state at `epoch`, in the frame of `initialState`.
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the state (m, m/s).
  /// - Throws: `.nonFiniteState` if the result is not finite (e.g. a hyperbolic orbit
  ///   propagated so far that the radius overflows).
  public func state(at epoch: Epoch) throws(PropagationError) -> CartesianState {
    let (r, v) = elements(at: epoch).positionAndVelocity(mu: mu)
    guard r.isFinite, v.isFinite else { throw .nonFiniteState(epoch: epoch) }
    return CartesianState(epoch: epoch, frame: initialState.frame, position: r, velocity: v)
  }
}
