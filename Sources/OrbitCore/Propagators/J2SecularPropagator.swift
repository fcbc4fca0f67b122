// Mean-element propagation with the secular rates caused by J2.
//
// Ω̇ = −(3/2) n J2 (R/p)² cos i
// ω̇ = (3/4) n J2 (R/p)² (5 cos² i − 1)
// Ṁ = n [1 + (3/4) J2 (R/p)² √(1 − e²) (3 cos² i − 1)],   n = √(μ/a³), p = a(1 − e²).
// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013), §9.6
// (secular J2 rates); the same first-order rates are in CNES MSLIB
// `me_deriv_secul_J2` (CelestLab `CL_op_driftJ2`). Our own implementation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// First-order secular rates of the mean elements caused by J2 (rad/s).
@frozen
public struct J2SecularRates: Hashable, Sendable {
  /// dΩ/dt (rad/s).
  public var raan: Double
  /// dω/dt (rad/s).
  public var argumentOfPeriapsis: Double
  /// dM/dt (rad/s), including the mean motion n.
  public var meanAnomaly: Double

  /// The rates for mean elements of an elliptic orbit.
  ///
  /// - Parameters:
  ///   - semiMajorAxis: mean a (m), > 0.
  ///   - eccentricity: mean e, 0 ≤ e < 1.
  ///   - inclination: mean i (rad).
  ///   - body: supplies μ (m³/s²), R (m) and J2.
  /// - References: Vallado, 4th ed., §9.6 (secular J2 rates).
  @inlinable
  public init(semiMajorAxis a: Double, eccentricity e: Double, inclination i: Double, body: CentralBody) {
    let n = (body.gravitationalParameter / (a * a * a)).squareRoot()
    let oneMinusE2 = (1 - e) * (1 + e)
    let p = a * oneMinusE2
    let ratio = body.equatorialRadius / p
    let k = 0.75 * n * body.j2 * ratio * ratio  // (3/4) n J2 (R/p)²
    let c = cos(i)
    let c2 = c * c
    raan = -2 * k * c
    argumentOfPeriapsis = k * (5 * c2 - 1)
    meanAnomaly = n + k * oneMinusE2.squareRoot() * (3 * c2 - 1)
  }
}

/// Analytic propagation of mean elements under the secular effect of J2 only: a, e, i are
/// constant; Ω, ω and M drift linearly (`J2SecularRates`).
///
/// **Mean elements.** The input elements are treated as *mean* elements and the output states
/// are built from the propagated mean elements as if they were osculating: no short-period
/// terms are added or removed. Initializing from a Cartesian state therefore takes the
/// osculating elements of that state as the mean elements, which misplaces a LEO orbit by up to
/// ~10 km in a (J2 short-period amplitude) but leaves the secular drift of Ω and ω right.
///
/// Circular and equatorial orbits follow the `KeplerianElements` conventions: the output
/// elements are `canonicalized()`, so the undefined angles stay zero and their drift goes into
/// the argument of latitude or the longitude of periapsis.
///
/// References: Vallado, 4th ed., §9.6 (secular J2 rates).
public struct J2SecularPropagator: AnalyticalPropagator {
  /// The state built from the mean elements at the initial epoch (m, m/s).
  public let initialState: CartesianState
  /// Mean elements at the initial epoch.
  public let meanElements: KeplerianElements
  /// The central body (μ, R, J2).
  public let body: CentralBody
  /// The secular rates (rad/s).
  public let rates: J2SecularRates
  /// Mean anomaly at the initial epoch (rad).
  public let initialMeanAnomaly: Double

  /// A propagator from mean elements.
  ///
  /// - Parameters:
  ///   - meanElements: mean elements at `epoch` (elliptic).
  ///   - epoch: their epoch.
  ///   - frame: the inertial frame they refer to (normally one whose z axis is the body's
  ///     pole, e.g. TOD or, approximately, GCRF).
  ///   - body: μ (m³/s²), R (m) and J2.
  /// - Throws: `.unsupportedOrbit(.hyperbolic)` for e > 1,
  ///   `.unsupportedOrbit(.periapsisInsideBody)` when a(1 − e) < R,
  ///   `.invalidElements(.nonPositiveGravitationalParameter)` for μ ≤ 0.
  public init(
    meanElements: KeplerianElements, epoch: Epoch, frame: Frame, body: CentralBody
  ) throws(PropagationError) {
    let mu = body.gravitationalParameter
    guard mu > 0, mu.isFinite else {
      throw .invalidElements(.nonPositiveGravitationalParameter(mu))
    }
    guard meanElements.isElliptic else { throw .unsupportedOrbit(.hyperbolic) }
    guard meanElements.periapsisRadius >= body.equatorialRadius else {
      throw .unsupportedOrbit(.periapsisInsideBody)
    }
    self.meanElements = meanElements
    self.body = body
    self.rates = J2SecularRates(
      semiMajorAxis: meanElements.semiMajorAxis, eccentricity: meanElements.eccentricity,
      inclination: meanElements.inclination, body: body)
    self.initialMeanAnomaly = meanElements.meanAnomaly
    self.initialState = meanElements.cartesianState(epoch: epoch, frame: frame, mu: mu)
  }

  /// A propagator whose mean elements are the osculating elements of a state (see the type's
  /// discussion of mean elements).
  ///
  /// - Parameters:
  ///   - initialState: the state (m, m/s).
  ///   - body: μ (m³/s²), R (m) and J2.
  /// - Throws: `.invalidElements` if the state has no elements; otherwise as
  ///   `init(meanElements:epoch:frame:body:)`.
  public init(initialState: CartesianState, body: CentralBody) throws(PropagationError) {
    let elements: KeplerianElements
    do {
      elements = try KeplerianElements(state: initialState, mu: body.gravitationalParameter)
    } catch {
      throw .invalidElements(error)
    }
    try self.init(
      meanElements: elements, epoch: initialState.epoch, frame: initialState.frame, body: body)
  }

  /// The mean elements at `epoch`, canonicalized.
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the elements.
  public func meanElements(at epoch: Epoch) -> KeplerianElements {
    let dt = epoch - initialState.epoch
    let e = meanElements.eccentricity
    let raan = remainder(meanElements.raan + rates.raan * dt, Angle.twoPi)
    let argp = remainder(meanElements.argumentOfPeriapsis + rates.argumentOfPeriapsis * dt, Angle.twoPi)
    let m = remainder(initialMeanAnomaly + rates.meanAnomaly * dt, Angle.twoPi)
    let nu = Anomaly.trueFromMean(m, eccentricity: e)
    return KeplerianElements(
      uncheckedSemiMajorAxis: meanElements.semiMajorAxis, eccentricity: e,
      inclination: meanElements.inclination, raan: Angle.normalizedPositive(raan),
      argumentOfPeriapsis: Angle.normalizedPositive(argp), trueAnomaly: Angle.normalizedPositive(nu)
    ).canonicalized()
  }

  /// The state at `epoch` built from the propagated mean elements.
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the state (m, m/s) in the frame of `initialState`.
  /// - Throws: `.nonFiniteState` if the result is not finite.
  public func state(at epoch: Epoch) throws(PropagationError) -> CartesianState {
    let (r, v) = meanElements(at: epoch).positionAndVelocity(mu: body.gravitationalParameter)
    guard r.isFinite, v.isFinite else { throw .nonFiniteState(epoch: epoch) }
    return CartesianState(epoch: epoch, frame: initialState.frame, position: r, velocity: v)
  }
}
