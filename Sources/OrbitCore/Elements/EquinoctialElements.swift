// Equinoctial orbital elements (a, h, k, p, q, λ) with a retrograde factor, and their
// conversions to and from Cartesian states and Keplerian elements.
//
// References: R. A. Broucke & P. J. Cefola, "On the equinoctial orbit elements", Celestial
// Mechanics 5, 303–310 (1972); D. A. Danielson et al., "Semianalytic Satellite Theory",
// NPS-MA-95-002 (1995), §2.1 (equinoctial frame f̂, ĝ, ŵ, position and velocity in terms of
// the eccentric longitude F, and the inverse); Vallado, 4th ed., §2.4.3. Our own
// implementation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Equinoctial elements of an elliptic orbit, non-singular for e = 0 and for i = 0 (direct set)
/// or i = 180° (retrograde set).
///
/// With the retrograde factor I = +1 (direct) or −1 (retrograde):
/// h = e sin(ω + IΩ), k = e cos(ω + IΩ), p = tan^I(i/2) sin Ω, q = tan^I(i/2) cos Ω,
/// λ = M + ω + IΩ. The direct set is singular at i = 180°, the retrograde one at i = 0;
/// conversions from a state choose I = +1 for i ≤ 90° and I = −1 otherwise.
///
/// Accuracy: state → elements → state agrees to ~1e-14 relative for ordinary orbits. Like any
/// set with a mean anomaly, the mean longitude is ill-conditioned near the periapsis of nearly
/// parabolic orbits: its rounding (≈ 9e-16 rad) becomes a relative position error of about
/// 9e-16/(1 − e)^{3/2} (1e-6 at e = 0.999 999). Use `KeplerianElements` (true anomaly) there.
///
/// References: Broucke & Cefola (1972); Danielson et al., NPS-MA-95-002 (1995), §2.1.
public struct EquinoctialElements: Hashable, Sendable, CustomStringConvertible {
  /// Semi-major axis a (m), > 0.
  public let semiMajorAxis: Double
  /// h = e sin(ω + IΩ) (dimensionless).
  public let h: Double
  /// k = e cos(ω + IΩ) (dimensionless).
  public let k: Double
  /// p = tan^I(i/2) sin Ω (dimensionless).
  public let p: Double
  /// q = tan^I(i/2) cos Ω (dimensionless).
  public let q: Double
  /// Mean longitude λ = M + ω + IΩ (rad), in [0, 2π).
  public let meanLongitude: Double
  /// True for the retrograde set (I = −1).
  public let isRetrograde: Bool

  /// The retrograde factor I: +1 for direct elements, −1 for retrograde ones.
  @inlinable public var retrogradeFactor: Double { isRetrograde ? -1 : 1 }

  /// Validated equinoctial elements.
  ///
  /// - Parameters:
  ///   - semiMajorAxis: a (m), > 0.
  ///   - h: e sin(ω + IΩ).
  ///   - k: e cos(ω + IΩ); h² + k² < 1.
  ///   - p: tan^I(i/2) sin Ω.
  ///   - q: tan^I(i/2) cos Ω.
  ///   - meanLongitude: λ (rad), any finite angle.
  ///   - isRetrograde: the retrograde factor I = −1 when true.
  /// - Throws: `.nonFinite`, or `.notElliptic` when a ≤ 0 or h² + k² ≥ 1.
  public init(
    semiMajorAxis: Double, h: Double, k: Double, p: Double, q: Double, meanLongitude: Double,
    isRetrograde: Bool = false
  ) throws(ElementsError) {
    guard semiMajorAxis.isFinite else { throw .nonFinite(field: "semiMajorAxis") }
    guard h.isFinite else { throw .nonFinite(field: "h") }
    guard k.isFinite else { throw .nonFinite(field: "k") }
    guard p.isFinite else { throw .nonFinite(field: "p") }
    guard q.isFinite else { throw .nonFinite(field: "q") }
    guard meanLongitude.isFinite else { throw .nonFinite(field: "meanLongitude") }
    guard semiMajorAxis > 0, h * h + k * k < 1 else { throw .notElliptic }
    self.init(
      unchecked: semiMajorAxis, h, k, p, q, Angle.normalizedPositive(meanLongitude), isRetrograde)
  }

  @usableFromInline
  internal init(
    unchecked a: Double, _ h: Double, _ k: Double, _ p: Double, _ q: Double, _ lambda: Double,
    _ retrograde: Bool
  ) {
    semiMajorAxis = a
    self.h = h
    self.k = k
    self.p = p
    self.q = q
    meanLongitude = lambda
    isRetrograde = retrograde
  }

  /// Eccentricity e = √(h² + k²).
  @inlinable public var eccentricity: Double { (h * h + k * k).squareRoot() }

  /// Eccentric longitude F = E + ω + IΩ (rad), solving λ = F + h cos F − k sin F through
  /// Kepler's equation (M = λ − ϖ, ϖ = atan2(h, k)).
  @inlinable
  public var eccentricLongitude: Double {
    let e = eccentricity
    if e == 0 { return meanLongitude }
    let varpi = atan2(h, k)
    return KeplerEquation.eccentricAnomaly(meanAnomaly: meanLongitude - varpi, eccentricity: e) + varpi
  }

  /// The equinoctial basis f̂, ĝ (in the orbit plane) and ŵ (along the angular momentum).
  @inlinable
  internal static func basis(p: Double, q: Double, factor I: Double) -> (f: Vector3, g: Vector3, w: Vector3) {
    let p2 = p * p, q2 = q * q
    let s = 1 / (1 + p2 + q2)
    let f = s * Vector3(1 - p2 + q2, 2 * p * q, -2 * I * p)
    let g = s * Vector3(2 * I * p * q, (1 + p2 - q2) * I, 2 * q)
    let w = s * Vector3(2 * p, -2 * q, (1 - p2 - q2) * I)
    return (f, g, w)
  }

  /// Position and velocity in the frame of the elements.
  ///
  /// - Parameter mu: gravitational parameter μ (m³/s²).
  /// - Returns: position (m) and velocity (m/s).
  /// - References: Danielson et al. (1995), §2.1 (X1, Y1, Ẋ1, Ẏ1 in terms of F).
  public func positionAndVelocity(mu: Double) -> (position: Vector3, velocity: Vector3) {
    let a = semiMajorAxis
    let (f, g, _) = Self.basis(p: p, q: q, factor: retrogradeFactor)
    let F = eccentricLongitude
    let cosF = cos(F), sinF = sin(F)
    let e2 = h * h + k * k
    let root = ((1 - e2)).squareRoot()
    let beta = 1 / (1 + root)
    let hk = h * k * beta
    let x1 = a * ((1 - h * h * beta) * cosF + hk * sinF - k)
    let y1 = a * (hk * cosF + (1 - k * k * beta) * sinF - h)
    let n = (mu / (a * a * a)).squareRoot()
    let r = a * (1 - k * cosF - h * sinF)
    let scale = n * a * a / r
    let xd = scale * (hk * cosF - (1 - h * h * beta) * sinF)
    let yd = scale * ((1 - k * k * beta) * cosF - hk * sinF)
    return (x1 * f + y1 * g, xd * f + yd * g)
  }

  /// The Cartesian state of these elements.
  ///
  /// - Parameters:
  ///   - epoch: the epoch of the state.
  ///   - frame: the inertial frame the elements refer to.
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Returns: the state (m, m/s).
  public func cartesianState(epoch: Epoch, frame: Frame, mu: Double) -> CartesianState {
    let (r, v) = positionAndVelocity(mu: mu)
    return CartesianState(epoch: epoch, frame: frame, position: r, velocity: v)
  }

  /// Equinoctial elements of a position and velocity.
  ///
  /// - Parameters:
  ///   - position: r (m).
  ///   - velocity: v (m/s).
  ///   - mu: gravitational parameter μ (m³/s²).
  ///   - isRetrograde: the retrograde factor to use; `nil` chooses I = +1 for i ≤ 90° and −1
  ///     otherwise.
  /// - Throws: `.nonFinite`, `.nonPositiveGravitationalParameter`, `.degenerateState`,
  ///   `.notElliptic` (e ≥ 1), `.equinoctialSingularity` (i = 180° with I = +1, or i = 0 with
  ///   I = −1).
  /// - References: Danielson et al. (1995), §2.1 (Cartesian to equinoctial).
  public init(
    position: Vector3, velocity: Vector3, mu: Double, isRetrograde: Bool? = nil
  ) throws(ElementsError) {
    guard mu.isFinite else { throw .nonFinite(field: "mu") }
    guard mu > 0 else { throw .nonPositiveGravitationalParameter(mu) }
    guard position.isFinite else { throw .nonFinite(field: "position") }
    guard velocity.isFinite else { throw .nonFinite(field: "velocity") }
    let rNorm = position.norm
    let hVec = position.cross(velocity)
    let hNorm = hVec.norm
    guard rNorm > 0, hNorm > KeplerianElements.rectilinearThreshold * rNorm * velocity.norm else {
      throw .degenerateState
    }
    let w = hVec / hNorm
    let retrograde = isRetrograde ?? (w.z < 0)
    let I: Double = retrograde ? -1 : 1
    let denominator = 1 + I * w.z
    guard denominator > 0 else { throw .equinoctialSingularity }
    let p = w.x / denominator
    let q = -w.y / denominator
    guard p.isFinite, q.isFinite else { throw .equinoctialSingularity }
    let (f, g, _) = Self.basis(p: p, q: q, factor: I)
    let eVec = velocity.cross(hVec) / mu - position / rNorm
    let k = eVec.dot(f)
    let h = eVec.dot(g)
    let e2 = h * h + k * k
    guard e2 < 1 else { throw .notElliptic }
    let semiLatusRectum = hNorm * hNorm / mu
    let a = semiLatusRectum / (1 - e2)
    let x1 = position.dot(f)
    let y1 = position.dot(g)
    let root = (1 - e2).squareRoot()
    let beta = 1 / (1 + root)
    let hk = h * k * beta
    let cosF = k + ((1 - k * k * beta) * x1 - hk * y1) / (a * root)
    let sinF = h + ((1 - h * h * beta) * y1 - hk * x1) / (a * root)
    let F = atan2(sinF, cosF)
    let lambda = F + h * cos(F) - k * sin(F)
    self.init(unchecked: a, h, k, p, q, Angle.normalizedPositive(lambda), retrograde)
  }

  /// Equinoctial elements of a Cartesian state.
  ///
  /// - Parameters:
  ///   - state: the state (m, m/s).
  ///   - mu: gravitational parameter μ (m³/s²).
  ///   - isRetrograde: see `init(position:velocity:mu:isRetrograde:)`.
  /// - Throws: see `init(position:velocity:mu:isRetrograde:)`.
  public init(state: CartesianState, mu: Double, isRetrograde: Bool? = nil) throws(ElementsError) {
    try self.init(position: state.position, velocity: state.velocity, mu: mu, isRetrograde: isRetrograde)
  }

  /// Equinoctial elements of Keplerian elements.
  ///
  /// - Parameters:
  ///   - keplerian: elliptic Keplerian elements.
  ///   - isRetrograde: the retrograde factor to use; `nil` chooses I = +1 for i ≤ 90°.
  /// - Throws: `.notElliptic` for hyperbolic elements, `.equinoctialSingularity` at the
  ///   singular inclination of the chosen factor.
  public init(keplerian: KeplerianElements, isRetrograde: Bool? = nil) throws(ElementsError) {
    guard keplerian.isElliptic else { throw .notElliptic }
    let i = keplerian.inclination
    let retrograde = isRetrograde ?? (i > 0.5 * Double.pi)
    let I: Double = retrograde ? -1 : 1
    let halfTan = retrograde ? 1 / tan(0.5 * i) : tan(0.5 * i)
    guard halfTan.isFinite, (retrograde ? i > 0 : i < Double.pi) else {
      throw .equinoctialSingularity
    }
    let e = keplerian.eccentricity
    let varpi = keplerian.argumentOfPeriapsis + I * keplerian.raan
    self.init(
      unchecked: keplerian.semiMajorAxis, e * sin(varpi), e * cos(varpi),
      halfTan * sin(keplerian.raan), halfTan * cos(keplerian.raan),
      Angle.normalizedPositive(keplerian.meanAnomaly + varpi), retrograde)
  }

  /// The Keplerian elements of this orbit, with the `KeplerianElements` conventions for
  /// circular and equatorial orbits.
  public func keplerian() -> KeplerianElements {
    let I = retrogradeFactor
    let e = eccentricity
    let t = (p * p + q * q).squareRoot()
    let i = isRetrograde ? Double.pi - 2 * atan(t) : 2 * atan(t)
    let raan = t > 0 ? atan2(p, q) : 0
    let varpi = e > 0 ? atan2(h, k) : 0
    let argp = varpi - I * raan
    let meanAnomaly = meanLongitude - varpi
    let nu = Anomaly.trueFromMean(Angle.normalizedSigned(meanAnomaly), eccentricity: e)
    return KeplerianElements(
      uncheckedSemiMajorAxis: semiMajorAxis, eccentricity: e, inclination: i,
      raan: Angle.normalizedPositive(raan), argumentOfPeriapsis: Angle.normalizedPositive(argp),
      trueAnomaly: Angle.normalizedPositive(nu)
    ).canonicalized()
  }

  public var description: String {
    "EquinoctialElements(a: \(semiMajorAxis) m, h: \(h), k: \(k), p: \(p), q: \(q), "
      + "lambda: \(meanLongitude) rad, I: \(isRetrograde ? -1 : 1))"
  }
}
