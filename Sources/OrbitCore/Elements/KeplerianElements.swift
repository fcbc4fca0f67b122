// Classical (Keplerian) orbital elements and their conversion to and from Cartesian states.
//
// Algorithms: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013),
// Algorithm 9 (RV2COE) and Algorithm 10 (COE2RV), rewritten with atan2 throughout and with one
// in-plane basis (node direction N̂ and Q̂ = ĥ × N̂) for every orbit type, so that the special
// cases differ only in which reference direction is used. Our own implementation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Osculating classical orbital elements of an elliptic (0 ≤ e < 1) or hyperbolic (e > 1) orbit.
///
/// Conventions for the orbits where an angle is undefined (thresholds below):
/// - **circular** (e < `circularThreshold`): ω = 0 and ν is measured from the ascending node,
///   i.e. ν is the argument of latitude u;
/// - **equatorial** (sin i < `equatorialThreshold`, i ≈ 0 or i ≈ π): Ω = 0 and ω is measured from
///   the +x axis, i.e. ω is the longitude of periapsis ϖ. For retrograde equatorial orbits
///   (i ≈ π) the angle is measured from +x *in the direction of motion* (towards −y);
/// - **circular equatorial**: Ω = ω = 0 and ν is the true longitude measured from +x
///   (again in the direction of motion).
///
/// Angles are stored reduced: Ω, ω in [0, 2π); ν in [0, 2π) for elliptic orbits and in (−π, π]
/// (inside the asymptotes) for hyperbolic ones; i in [0, π].
///
/// References: Vallado, 4th ed., §2.4, Algorithms 9 and 10.
public struct KeplerianElements: Hashable, Sendable, CustomStringConvertible {
  /// Semi-major axis a (m): positive for elliptic, negative for hyperbolic orbits.
  public let semiMajorAxis: Double
  /// Eccentricity e (dimensionless), e ≥ 0, e ≠ 1.
  public let eccentricity: Double
  /// Inclination i (rad) in [0, π].
  public let inclination: Double
  /// Right ascension of the ascending node Ω (rad) in [0, 2π); 0 for equatorial orbits.
  public let raan: Double
  /// Argument of periapsis ω (rad) in [0, 2π); 0 for circular orbits.
  public let argumentOfPeriapsis: Double
  /// True anomaly ν (rad); see the type's conventions.
  public let trueAnomaly: Double

  /// Orbits with e below this value are treated as circular when converting from a state
  /// (ω := 0). Setting ω to zero at this eccentricity moves the reconstructed state by at most
  /// about 2e·r, i.e. 2e-11 relative.
  public static let circularThreshold = 1e-11
  /// Orbits whose sin i (|h_xy|/|h|) is below this value are treated as equatorial when
  /// converting from a state (Ω := 0); the reconstructed state moves by at most about 1e-11·r.
  public static let equatorialThreshold = 1e-11
  /// States whose angle between r and v is below this (rad), i.e. |r × v| < 1e-13·|r||v|, are
  /// rejected as rectilinear.
  public static let rectilinearThreshold = 1e-13

  /// Elements without validation; the caller guarantees consistency and reduced angles.
  @usableFromInline
  internal init(
    uncheckedSemiMajorAxis a: Double, eccentricity e: Double, inclination i: Double,
    raan: Double, argumentOfPeriapsis: Double, trueAnomaly: Double
  ) {
    self.semiMajorAxis = a
    self.eccentricity = e
    self.inclination = i
    self.raan = raan
    self.argumentOfPeriapsis = argumentOfPeriapsis
    self.trueAnomaly = trueAnomaly
  }

  /// Validated elements.
  ///
  /// Ω, ω and ν may be any finite angles; they are stored reduced (see the type's conventions).
  ///
  /// - Parameters:
  ///   - semiMajorAxis: a (m); > 0 for e < 1, < 0 for e > 1.
  ///   - eccentricity: e ≥ 0, e ≠ 1.
  ///   - inclination: i (rad) in [0, π].
  ///   - raan: Ω (rad).
  ///   - argumentOfPeriapsis: ω (rad).
  ///   - trueAnomaly: ν (rad); for e > 1 it must satisfy 1 + e cos ν > 0.
  /// - Throws: `ElementsError` for non-finite values, e < 0, e = 1 (`.parabolic`), a
  ///   inconsistent with e, i outside [0, π], or a hyperbolic ν beyond the asymptote.
  public init(
    semiMajorAxis: Double, eccentricity: Double, inclination: Double, raan: Double,
    argumentOfPeriapsis: Double, trueAnomaly: Double
  ) throws(ElementsError) {
    try Self.validateShape(
      semiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: raan, argumentOfPeriapsis: argumentOfPeriapsis)
    guard trueAnomaly.isFinite else { throw .nonFinite(field: "trueAnomaly") }
    let nu: Double
    if eccentricity > 1 {
      nu = Angle.normalizedSigned(trueAnomaly)
      guard 1 + eccentricity * cos(nu) > 0, abs(nu) < Double.pi else {
        throw .trueAnomalyBeyondAsymptote(trueAnomaly: trueAnomaly, eccentricity: eccentricity)
      }
    } else {
      nu = Angle.normalizedPositive(trueAnomaly)
    }
    self.init(
      uncheckedSemiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: Angle.normalizedPositive(raan),
      argumentOfPeriapsis: Angle.normalizedPositive(argumentOfPeriapsis), trueAnomaly: nu)
  }

  /// Validated elements from a mean anomaly (elliptic M = E − e sin E, hyperbolic
  /// M = e sinh H − H).
  ///
  /// - Parameters:
  ///   - semiMajorAxis: a (m).
  ///   - eccentricity: e ≥ 0, e ≠ 1.
  ///   - inclination: i (rad) in [0, π].
  ///   - raan: Ω (rad).
  ///   - argumentOfPeriapsis: ω (rad).
  ///   - meanAnomaly: M (rad).
  /// - Throws: as `init(semiMajorAxis:eccentricity:inclination:raan:argumentOfPeriapsis:trueAnomaly:)`.
  public init(
    semiMajorAxis: Double, eccentricity: Double, inclination: Double, raan: Double,
    argumentOfPeriapsis: Double, meanAnomaly: Double
  ) throws(ElementsError) {
    try Self.validateShape(
      semiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: raan, argumentOfPeriapsis: argumentOfPeriapsis)
    guard meanAnomaly.isFinite else { throw .nonFinite(field: "meanAnomaly") }
    try self.init(
      semiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: raan, argumentOfPeriapsis: argumentOfPeriapsis,
      trueAnomaly: Anomaly.trueAnomaly(fromMean: meanAnomaly, eccentricity: eccentricity))
  }

  private static func validateShape(
    semiMajorAxis a: Double, eccentricity e: Double, inclination i: Double, raan: Double,
    argumentOfPeriapsis: Double
  ) throws(ElementsError) {
    guard a.isFinite else { throw .nonFinite(field: "semiMajorAxis") }
    guard e.isFinite else { throw .nonFinite(field: "eccentricity") }
    guard i.isFinite else { throw .nonFinite(field: "inclination") }
    guard raan.isFinite else { throw .nonFinite(field: "raan") }
    guard argumentOfPeriapsis.isFinite else { throw .nonFinite(field: "argumentOfPeriapsis") }
    guard e >= 0 else { throw .negativeEccentricity(e) }
    guard e != 1 else { throw .parabolic }
    guard (a > 0 && e < 1) || (a < 0 && e > 1) else {
      throw .inconsistentSemiMajorAxis(semiMajorAxis: a, eccentricity: e)
    }
    guard i >= 0 && i <= Double.pi else { throw .inclinationOutOfRange(i) }
  }

  // MARK: Derived quantities

  /// True for 0 ≤ e < 1.
  @inlinable public var isElliptic: Bool { eccentricity < 1 }
  /// True for e > 1.
  @inlinable public var isHyperbolic: Bool { eccentricity > 1 }
  /// True when e < `circularThreshold` (ω is then 0 by convention).
  @inlinable public var isCircular: Bool { eccentricity < Self.circularThreshold }
  /// True when sin i < `equatorialThreshold` (Ω is then 0 by convention).
  @inlinable public var isEquatorial: Bool { sin(inclination) < Self.equatorialThreshold }

  /// Semi-latus rectum p = a(1 − e)(1 + e) (m), always positive.
  @inlinable
  public var semiLatusRectum: Double { semiMajorAxis * ((1 - eccentricity) * (1 + eccentricity)) }

  /// Periapsis radius a(1 − e) (m).
  @inlinable
  public var periapsisRadius: Double { semiMajorAxis * (1 - eccentricity) }

  /// Apoapsis radius a(1 + e) (m); negative (meaningless) for hyperbolic orbits.
  @inlinable
  public var apoapsisRadius: Double { semiMajorAxis * (1 + eccentricity) }

  /// Mean anomaly M (rad): E − e sin E (elliptic, in the revolution of ν) or e sinh H − H
  /// (hyperbolic).
  @inlinable
  public var meanAnomaly: Double { Anomaly.mean(fromTrue: trueAnomaly, eccentricity: eccentricity) }

  /// Eccentric anomaly E (rad) for elliptic orbits, hyperbolic anomaly H (rad) for hyperbolic ones.
  @inlinable
  public var eccentricAnomaly: Double {
    isElliptic
      ? Anomaly.eccentricFromTrue(trueAnomaly, eccentricity: eccentricity)
      : Anomaly.hyperbolicFromTrue(trueAnomaly, eccentricity: eccentricity)
  }

  /// Argument of latitude u = ω + ν (rad), reduced to [0, 2π).
  @inlinable
  public var argumentOfLatitude: Double { Angle.normalizedPositive(argumentOfPeriapsis + trueAnomaly) }

  /// Longitude of periapsis ϖ = Ω + ω (rad), reduced to [0, 2π).
  @inlinable
  public var longitudeOfPeriapsis: Double { Angle.normalizedPositive(raan + argumentOfPeriapsis) }

  /// True longitude λ_true = Ω + ω + ν (rad), reduced to [0, 2π).
  @inlinable
  public var trueLongitude: Double {
    Angle.normalizedPositive(raan + argumentOfPeriapsis + trueAnomaly)
  }

  /// Mean motion n = √(μ/|a|³) (rad/s).
  ///
  /// - Parameter mu: gravitational parameter μ (m³/s²).
  @inlinable
  public func meanMotion(mu: Double) -> Double {
    let a = abs(semiMajorAxis)
    return (mu / (a * a * a)).squareRoot()
  }

  /// Orbital period 2π/n (s); infinity for hyperbolic orbits.
  ///
  /// - Parameter mu: gravitational parameter μ (m³/s²).
  @inlinable
  public func period(mu: Double) -> Double {
    isElliptic ? Angle.twoPi / meanMotion(mu: mu) : .infinity
  }

  /// A copy with another true anomaly (rad), reduced like the initializer does. Does not check
  /// the hyperbolic asymptote.
  @inlinable
  public func with(trueAnomaly nu: Double) -> KeplerianElements {
    KeplerianElements(
      uncheckedSemiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: raan, argumentOfPeriapsis: argumentOfPeriapsis,
      trueAnomaly: isElliptic ? Angle.normalizedPositive(nu) : Angle.normalizedSigned(nu))
  }

  /// The same orbit with the conventions of the type applied: circular orbits get ω = 0 (ν
  /// becomes the argument of latitude), equatorial orbits Ω = 0 (ω becomes the longitude of
  /// periapsis, measured in the direction of motion). The Cartesian state is unchanged.
  @inlinable
  public func canonicalized() -> KeplerianElements {
    var raan = self.raan
    var argp = argumentOfPeriapsis
    var nu = trueAnomaly
    if isEquatorial && raan != 0 {
      // i ≈ 0: the position depends on Ω + ω + ν; i ≈ π: on Ω − (ω + ν).
      argp += inclination < 0.5 * Double.pi ? raan : -raan
      raan = 0
    }
    if isCircular && argp != 0 {
      nu += argp
      argp = 0
    }
    return KeplerianElements(
      uncheckedSemiMajorAxis: semiMajorAxis, eccentricity: eccentricity, inclination: inclination,
      raan: Angle.normalizedPositive(raan), argumentOfPeriapsis: Angle.normalizedPositive(argp),
      trueAnomaly: isElliptic ? Angle.normalizedPositive(nu) : Angle.normalizedSigned(nu))
  }

  public var description: String {
    "KeplerianElements(a: \(semiMajorAxis) m, e: \(eccentricity), i: \(inclination) rad, "
      + "raan: \(raan) rad, argp: \(argumentOfPeriapsis) rad, nu: \(trueAnomaly) rad)"
  }
}

// MARK: - Conversion to Cartesian

extension KeplerianElements {
  /// Position and velocity in the frame of the elements (COE2RV).
  ///
  /// r = p/(1 + e cos ν) along cos u·N̂ + sin u·Q̂ with N̂ = (cos Ω, sin Ω, 0),
  /// Q̂ = (−sin Ω cos i, cos Ω cos i, sin i), u = ω + ν; v = √(μ/p)·[−(sin u + e sin ω)N̂ +
  /// (cos u + e cos ω)Q̂]. One formula covers every orbit type with the conventions above.
  ///
  /// - Parameter mu: gravitational parameter μ (m³/s²).
  /// - Returns: position (m) and velocity (m/s).
  /// - References: Vallado, 4th ed., Algorithm 10 (COE2RV).
  @inlinable
  public func positionAndVelocity(mu: Double) -> (position: Vector3, velocity: Vector3) {
    let e = eccentricity
    let p = semiLatusRectum
    let cosNu = cos(trueAnomaly)
    let r = p / (1 + e * cosNu)
    let u = argumentOfPeriapsis + trueAnomaly
    let cosU = cos(u), sinU = sin(u)
    let cosW = cos(argumentOfPeriapsis), sinW = sin(argumentOfPeriapsis)
    let cosO = cos(raan), sinO = sin(raan)
    let cosI = cos(inclination), sinI = sin(inclination)
    let nHat = Vector3(cosO, sinO, 0)
    let qHat = Vector3(-sinO * cosI, cosO * cosI, sinI)
    let position = (r * cosU) * nHat + (r * sinU) * qHat
    let s = (mu / p).squareRoot()
    let velocity = (-s * (sinU + e * sinW)) * nHat + (s * (cosU + e * cosW)) * qHat
    return (position, velocity)
  }

  /// The Cartesian state of these elements at an epoch, in a frame.
  ///
  /// - Parameters:
  ///   - epoch: the epoch of the state.
  ///   - frame: the (inertial) frame the elements refer to.
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Returns: the state (m, m/s).
  /// - References: Vallado, 4th ed., Algorithm 10 (COE2RV).
  @inlinable
  public func cartesianState(epoch: Epoch, frame: Frame, mu: Double) -> CartesianState {
    let (r, v) = positionAndVelocity(mu: mu)
    return CartesianState(epoch: epoch, frame: frame, position: r, velocity: v)
  }
}

// MARK: - Conversion from Cartesian

extension KeplerianElements {
  /// Osculating elements of a Cartesian state (RV2COE).
  ///
  /// - Parameters:
  ///   - state: the state (m, m/s); its epoch and frame are not used.
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Throws: see `init(position:velocity:mu:)`.
  public init(state: CartesianState, mu: Double) throws(ElementsError) {
    try self.init(position: state.position, velocity: state.velocity, mu: mu)
  }

  /// Osculating elements of a position and velocity (RV2COE).
  ///
  /// e is |e⃗| with e⃗ = v × h/μ − r/|r|; p = h²/μ; a = p/((1 − e)(1 + e)), which keeps the sign of
  /// a consistent with e and makes state → elements → state exact in p even as e → 1. The angles
  /// come from atan2 in the in-plane basis (N̂, ĥ × N̂), N̂ being the node direction, or +x for
  /// equatorial orbits.
  ///
  /// - Parameters:
  ///   - position: r (m).
  ///   - velocity: v (m/s).
  ///   - mu: gravitational parameter μ (m³/s²).
  /// - Throws: `.nonPositiveGravitationalParameter`, `.nonFinite`, `.degenerateState`
  ///   (|r| = 0 or r ∥ v within `rectilinearThreshold`), `.parabolic` (e rounds to exactly 1).
  /// - Accuracy: state → elements → state agrees to ~1e-15 relative for ordinary orbits; see
  ///   the round-trip tests for e → 1 and hyperbolic orbits.
  /// - References: Vallado, 4th ed., Algorithm 9 (RV2COE).
  public init(position: Vector3, velocity: Vector3, mu: Double) throws(ElementsError) {
    guard mu.isFinite else { throw .nonFinite(field: "mu") }
    guard mu > 0 else { throw .nonPositiveGravitationalParameter(mu) }
    guard position.isFinite else { throw .nonFinite(field: "position") }
    guard velocity.isFinite else { throw .nonFinite(field: "velocity") }
    let rNorm = position.norm
    let vNorm = velocity.norm
    let hVec = position.cross(velocity)
    let h = hVec.norm
    guard rNorm > 0, h > Self.rectilinearThreshold * rNorm * vNorm else { throw .degenerateState }
    let p = h * h / mu
    let eVec = velocity.cross(hVec) / mu - position / rNorm
    let e = eVec.norm
    guard e != 1 else { throw .parabolic }
    let a = p / ((1 - e) * (1 + e))
    let hxy = (hVec.x * hVec.x + hVec.y * hVec.y).squareRoot()
    let i = atan2(hxy, hVec.z)
    let nHat: Vector3
    let raan: Double
    if hxy > Self.equatorialThreshold * h {
      nHat = Vector3(-hVec.y / hxy, hVec.x / hxy, 0)
      raan = Angle.normalizedPositive(atan2(nHat.y, nHat.x))
    } else {
      nHat = Vector3(1, 0, 0)
      raan = 0
    }
    let qHat = (hVec / h).cross(nHat)
    let u = atan2(position.dot(qHat), position.dot(nHat))
    let argp: Double
    if e >= Self.circularThreshold {
      argp = Angle.normalizedPositive(atan2(eVec.dot(qHat), eVec.dot(nHat)))
    } else {
      argp = 0
    }
    let nu = e < 1 ? Angle.normalizedPositive(u - argp) : Angle.normalizedSigned(u - argp)
    self.init(
      uncheckedSemiMajorAxis: a, eccentricity: e, inclination: i, raan: raan,
      argumentOfPeriapsis: argp, trueAnomaly: nu)
  }
}
