// SGP4/SDP4: the NORAD analytical propagator for two-line element sets.
//
// Provenance: written for Orbit from the equations of
//   F. R. Hoots & R. L. Roehrich, "Models for Propagation of NORAD Element Sets", Spacetrack
//   Report #3 (1980), sections 6 (SGP4) and 10 (SDP4, deep space), and
//   D. A. Vallado, P. Crawford, R. Hujsak & T. S. Kelso, "Revisiting Spacetrack Report #3",
//   AIAA 2006-6753 (2006), rev. 3, which fixes the published theory's defects and defines the
//   reference behaviour (Kepler-iteration limits, Lyddane choice on the perturbed inclination,
//   180° inclination guards, error codes 1–6, "improved" and AFSPC operation modes).
// Numeric constants (WGS-72/84, the 78 km and 120 km density-function altitudes, the 225-minute
// deep-space limit, the 220 km simplified-drag limit, 1.5e-12 guards) are those of the two
// papers. No code was copied from any implementation; the order of operations follows the
// papers' equations so that results agree with the reference output to rounding.
//
// Units: inside, SGP4's canonical units (Earth radii, minutes, radians); at the boundary, km
// and km/s in TEME. SI `CartesianState`s are offered by `SGP4Propagator`.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A state from SGP4 in the TEME frame at the boundary units of the theory.
///
/// References: Vallado et al., AIAA 2006-6753, rev. 3 (TEME: true equator, mean equinox).
@frozen
public struct SGP4State: Hashable, Sendable {
  /// Time since the element set's epoch (min).
  public var minutesSinceEpoch: Double
  /// Position in TEME (km).
  public var position: Vector3
  /// Velocity in TEME (km/s).
  public var velocity: Vector3

  /// A state from its parts (min, km, km/s).
  @inlinable
  public init(minutesSinceEpoch: Double, position: Vector3, velocity: Vector3) {
    self.minutesSinceEpoch = minutesSinceEpoch
    self.position = position
    self.velocity = velocity
  }
}

/// SGP4 (near Earth, period < 225 min) and SDP4 (deep space, with lunar–solar periodics and
/// secular terms and the 12 h and 24 h resonances), initialised from one element set.
///
/// A value of precomputed coefficients: `propagate(minutesSinceEpoch:)` does not throw, does not
/// allocate and has no state, so any time may be evaluated in any order (the deep-space
/// resonance integration restarts from epoch at each call, which gives the same numbers as the
/// reference code's cached integrator).
///
/// ```swift
/// let tle = try TLE(line1: l1, line2: l2)
/// let sgp4 = try SGP4(tle: tle)
/// switch sgp4.propagate(minutesSinceEpoch: 90) {
/// case .success(let s): print(s.position, s.velocity)   // km, km/s, TEME
/// case .failure(let e): print(e.code)                    // 1…6 as the reference
/// }
/// ```
///
/// Accuracy: reproduces all 666 state lines of `tcppver.out` (the Vallado verification set,
/// WGS-72, improved mode) within 0.009 mm and 1e-9 km/s, the file's print resolution, except the
/// 3.5-year 20413 run (0.12 mm, where python-sgp4 2.27 differs from the file by the same
/// amount); agrees with python-sgp4 2.27 within 0.002 mm for WGS-84 and the AFSPC mode. The
/// theory itself is good to about 1 km at epoch for LEO.
///
/// References: Hoots & Roehrich, Spacetrack Report #3 (1980); Vallado, Crawford, Hujsak &
/// Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753 (2006), rev. 3.
@frozen
public struct SGP4: Sendable {
  // MARK: Configuration and epoch elements

  /// The gravity model used.
  public let gravity: Gravity
  /// The operation mode used.
  public let operationMode: OperationMode
  /// Whether the deep-space (SDP4) branch is used: period ≥ 225 min.
  public let isDeepSpace: Bool
  /// Whether the simplified drag model is used (perigee below 220 km, or deep space).
  public let isSimplifiedDrag: Bool
  /// Error 5 of the reference: the epoch perigee is below the Earth's surface. Propagation
  /// still proceeds, as in the reference.
  public let isSubOrbitalAtEpoch: Bool
  /// The epoch in days since 1949 December 31 00:00 UTC.
  public let epochDaysSince1950: Double
  /// Greenwich sidereal angle at epoch (rad), per the operation mode.
  public let greenwichSiderealAtEpoch: Double

  /// Epoch mean elements (rad) and drag term as given.
  @usableFromInline let inclination0: Double
  @usableFromInline let raan0: Double
  @usableFromInline let eccentricity0: Double
  @usableFromInline let argumentOfPerigee0: Double
  @usableFromInline let meanAnomaly0: Double
  /// The Brouwer ("un-Kozai'd") mean motion (rad/min).
  @usableFromInline let meanMotion0: Double
  @usableFromInline let bstar: Double
  /// (ke/n₀)^(2/3) (Earth radii): the near-Earth semi-major axis before drag, so that
  /// propagation needs no pow (the mean motion is constant near Earth).
  @usableFromInline let aKozai: Double

  // MARK: Constants in canonical units
  @usableFromInline let xke: Double
  @usableFromInline let j2: Double
  @usableFromInline let j3oj2: Double
  @usableFromInline let radiusKm: Double
  @usableFromInline let velocityKmPerSecond: Double  // R·xke/60

  // MARK: Secular and drag coefficients (Spacetrack Report #3 notation)
  @usableFromInline let mdot: Double
  @usableFromInline let argpdot: Double
  @usableFromInline let nodedot: Double
  @usableFromInline let nodecf: Double
  @usableFromInline let cc1: Double
  @usableFromInline let cc4: Double
  @usableFromInline let t2cof: Double
  /// Zero unless the full drag model is used, so the near-Earth path can skip the branch.
  @usableFromInline let cc5: Double
  @usableFromInline let omgcof: Double
  @usableFromInline let xmcof: Double
  @usableFromInline let eta: Double
  @usableFromInline let delmo: Double
  @usableFromInline let sinmao: Double
  @usableFromInline let d2: Double
  @usableFromInline let d3: Double
  @usableFromInline let d4: Double
  @usableFromInline let t3cof: Double
  @usableFromInline let t4cof: Double
  @usableFromInline let t5cof: Double

  // MARK: Long- and short-period coefficients (near Earth; recomputed in deep space)
  @usableFromInline let aycof: Double
  @usableFromInline let xlcof: Double
  @usableFromInline let con41: Double
  @usableFromInline let x1mth2: Double
  @usableFromInline let x7thm1: Double

  /// Lunar–solar and resonance terms (all zero for near-Earth orbits).
  @usableFromInline let deepSpace: DeepSpaceTerms

  /// Initialises SGP4 from a TLE (units converted at this boundary: degrees → rad, rev/day →
  /// rad/min) and checks the epoch state.
  ///
  /// - Parameters:
  ///   - tle: the element set (WGS-72 mean elements).
  ///   - gravity: the gravity model (default `.wgs72`, which the elements are fitted with).
  ///   - mode: the operation mode (default `.improved`).
  /// - Throws: `SGP4Error` when propagation to the epoch fails (as the reference's
  ///   initialisation reports it; error 5 is not thrown but kept in `isSubOrbitalAtEpoch`).
  /// - References: Vallado et al., AIAA 2006-6753, rev. 3, `twoline2rv` (unit conversion) and
  ///   `sgp4init`.
  public init(tle: TLE, gravity: Gravity = .wgs72, mode: OperationMode = .improved) throws(SGP4Error) {
    let xpdotp = 1440.0 / (2.0 * Double.pi)  // rev/day per rad/min
    let degree = Double.pi / 180.0
    try self.init(
      epochDaysSince1950: tle.epochDaysSince1950, bstar: tle.bstar,
      eccentricity: tle.eccentricity, argumentOfPerigee: tle.argumentOfPerigee * degree,
      inclination: tle.inclination * degree, meanAnomaly: tle.meanAnomaly * degree,
      meanMotion: tle.meanMotion / xpdotp, raan: tle.raan * degree,
      gravity: gravity, mode: mode)
  }

  /// Initialises SGP4 from mean elements in its own units and checks the epoch state.
  ///
  /// - Parameters:
  ///   - epochDaysSince1950: epoch, days since 1949 December 31 00:00 UTC.
  ///   - bstar: drag term B* (1/Earth radii).
  ///   - eccentricity: mean eccentricity.
  ///   - argumentOfPerigee: mean argument of perigee (rad).
  ///   - inclination: mean inclination (rad).
  ///   - meanAnomaly: mean anomaly (rad).
  ///   - meanMotion: Kozai mean motion (rad/min).
  ///   - raan: mean right ascension of the ascending node (rad).
  ///   - gravity: the gravity model.
  ///   - mode: the operation mode.
  /// - Throws: `SGP4Error` when propagation to the epoch fails.
  /// - References: Vallado et al., AIAA 2006-6753, rev. 3, `sgp4init` and `initl`; Hoots &
  ///   Roehrich (1980), SGP4 initialisation equations.
  public init(
    epochDaysSince1950 epoch: Double, bstar: Double, eccentricity ecco: Double,
    argumentOfPerigee argpo: Double, inclination inclo: Double, meanAnomaly mo: Double,
    meanMotion noKozai: Double, raan nodeo: Double,
    gravity: Gravity = .wgs72, mode: OperationMode = .improved
  ) throws(SGP4Error) {
    let k = gravity.constants
    let xke = k.xke, j2 = k.j2, j4 = k.j4, j3oj2 = k.j3 / k.j2
    let radius = k.radiusKm
    let x2o3 = 2.0 / 3.0
    let twoPi = 2.0 * Double.pi

    self.gravity = gravity
    self.operationMode = mode
    self.epochDaysSince1950 = epoch
    self.xke = xke
    self.j2 = j2
    self.j3oj2 = j3oj2
    self.radiusKm = radius
    self.velocityKmPerSecond = radius * xke / 60.0
    self.bstar = bstar
    self.inclination0 = inclo
    self.raan0 = nodeo
    self.eccentricity0 = ecco
    self.argumentOfPerigee0 = argpo
    self.meanAnomaly0 = mo

    // Density-function parameters: s = 78 km, q0 = 120 km above the surface (STR#3 §6).
    let ss = 78.0 / radius + 1.0
    let qzms2t = pow((120.0 - 78.0) / radius, 4.0)

    // Recover the Brouwer mean motion and semi-major axis from the Kozai mean motion (initl).
    let eccsq = ecco * ecco
    let omeosq = 1.0 - eccsq
    let rteosq = omeosq.squareRoot()
    let cosio = cos(inclo)
    let cosio2 = cosio * cosio
    let ak = pow(xke / noKozai, x2o3)
    let d1 = 0.75 * j2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq)
    var del = d1 / (ak * ak)
    let adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0))
    del = d1 / (adel * adel)
    let no = noKozai / (1.0 + del)
    self.meanMotion0 = no
    let ao = pow(xke / no, x2o3)
    self.aKozai = ao
    let sinio = sin(inclo)
    let po = ao * omeosq
    let con42 = 1.0 - 5.0 * cosio2
    let con41 = -con42 - cosio2 - cosio2
    let posq = po * po
    let rp = ao * (1.0 - ecco)

    // Greenwich sidereal angle at epoch.
    let gsto: Double
    switch mode {
    case .improved:
      gsto = SGP4.greenwichMeanSiderealAngle(julianDateUT1: epoch + 2_433_281.5)
    case .afspc:
      // The operational formula referred to 1970 January 0.0 (AIAA 2006-6753, initl).
      let ts70 = epoch - 7305.0
      let ds70 = (ts70 + 1.0e-8).rounded(.down)
      let tfrac = ts70 - ds70
      let c1 = 1.72027916940703639e-2
      let thgr70 = 1.7321343856509374
      let fk5r = 5.07551419432269442e-15
      let c1p2p = c1 + twoPi
      var g = fmod(thgr70 + c1 * ds70 + c1p2p * tfrac + ts70 * ts70 * fk5r, twoPi)
      if g < 0.0 { g += twoPi }
      gsto = g
    }
    self.greenwichSiderealAtEpoch = gsto

    // Near-Earth initialisation (sgp4init).
    var isimp = rp < (220.0 / radius + 1.0)
    var sfour = ss
    var qzms24 = qzms2t
    let perigeeKm = (rp - 1.0) * radius
    if perigeeKm < 156.0 {
      sfour = perigeeKm - 78.0
      if perigeeKm < 98.0 { sfour = 20.0 }
      qzms24 = pow((120.0 - sfour) / radius, 4.0)
      sfour = sfour / radius + 1.0
    }
    let pinvsq = 1.0 / posq
    let tsi = 1.0 / (ao - sfour)
    let eta = ao * ecco * tsi
    let etasq = eta * eta
    let eeta = ecco * eta
    let psisq = abs(1.0 - etasq)
    let coef = qzms24 * pow(tsi, 4.0)
    let coef1 = coef / pow(psisq, 3.5)
    let cc2 =
      coef1 * no
      * (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
        + 0.375 * j2 * tsi / psisq * con41 * (8.0 + 3.0 * etasq * (8.0 + etasq)))
    let cc1 = bstar * cc2
    var cc3 = 0.0
    if ecco > 1.0e-4 { cc3 = -2.0 * coef * tsi * j3oj2 * no * sinio / ecco }
    let x1mth2 = 1.0 - cosio2
    let cc4 =
      2.0 * no * coef1 * ao * omeosq
      * (eta * (2.0 + 0.5 * etasq) + ecco * (0.5 + 2.0 * etasq)
        - j2 * tsi / (ao * psisq)
        * (-3.0 * con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
          + 0.75 * x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * cos(2.0 * argpo)))
    let cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq)
    let cosio4 = cosio2 * cosio2
    let temp1 = 1.5 * j2 * pinvsq * no
    let temp2 = 0.5 * temp1 * j2 * pinvsq
    let temp3 = -0.46875 * j4 * pinvsq * pinvsq * no
    let mdot =
      no + 0.5 * temp1 * rteosq * con41
      + 0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4)
    let argpdot =
      -0.5 * temp1 * con42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4)
      + temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4)
    let xhdot1 = -temp1 * cosio
    let nodedot =
      xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio
    let xpidot = argpdot + nodedot
    let omgcof = bstar * cc3 * cos(argpo)
    var xmcof = 0.0
    if ecco > 1.0e-4 { xmcof = -x2o3 * coef * bstar / eeta }
    let nodecf = 3.5 * omeosq * xhdot1 * cc1
    let t2cof = 1.5 * cc1
    // Guard against division by zero at 180° inclination (AIAA 2006-6753).
    let xlcofDenominator = abs(cosio + 1.0) > 1.5e-12 ? 1.0 + cosio : 1.5e-12
    let xlcof = -0.25 * j3oj2 * sinio * (3.0 + 5.0 * cosio) / xlcofDenominator
    let aycof = -0.5 * j3oj2 * sinio
    let delmo = pow(1.0 + eta * cos(mo), 3.0)
    let sinmao = sin(mo)
    let x7thm1 = 7.0 * cosio2 - 1.0

    self.mdot = mdot
    self.argpdot = argpdot
    self.nodedot = nodedot
    self.nodecf = nodecf
    self.cc1 = cc1
    self.cc4 = cc4
    self.t2cof = t2cof
    self.eta = eta
    self.delmo = delmo
    self.sinmao = sinmao
    self.aycof = aycof
    self.xlcof = xlcof
    self.con41 = con41
    self.x1mth2 = x1mth2
    self.x7thm1 = x7thm1
    self.isSubOrbitalAtEpoch = rp < 1.0

    // Deep space: period of 225 min or more (STR#3 §10).
    let deep = twoPi / no >= 225.0
    self.isDeepSpace = deep
    if deep {
      isimp = true
      self.deepSpace = DeepSpaceTerms(
        epoch: epoch, eccentricity: ecco, argumentOfPerigee: argpo, inclination: inclo,
        raan: nodeo, meanAnomaly: mo, meanMotion: no, eccentricitySquared: eccsq,
        mdot: mdot, argpdot: argpdot, nodedot: nodedot, xpidot: xpidot, gsto: gsto, xke: xke)
    } else {
      self.deepSpace = .zero
    }
    self.isSimplifiedDrag = isimp

    if isimp {
      // The simplified model drops these terms; zeros make the full-model formulas exact no-ops.
      self.cc5 = 0
      self.omgcof = 0
      self.xmcof = 0
      self.d2 = 0
      self.d3 = 0
      self.d4 = 0
      self.t3cof = 0
      self.t4cof = 0
      self.t5cof = 0
    } else {
      let cc1sq = cc1 * cc1
      let d2 = 4.0 * ao * tsi * cc1sq
      let temp = d2 * tsi * cc1 / 3.0
      let d3 = (17.0 * ao + sfour) * temp
      let d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * cc1
      self.cc5 = cc5
      self.omgcof = omgcof
      self.xmcof = xmcof
      self.d2 = d2
      self.d3 = d3
      self.d4 = d4
      self.t3cof = d2 + 2.0 * cc1sq
      self.t4cof = 0.25 * (3.0 * d3 + cc1 * (12.0 * d2 + 10.0 * cc1sq))
      self.t5cof = 0.2 * (3.0 * d4 + 12.0 * cc1 * d3 + 6.0 * d2 * d2 + 15.0 * cc1sq * (2.0 * d2 + cc1sq))
    }

    // As the reference does: propagate to the epoch and report a failure there.
    if case .failure(let error) = propagate(minutesSinceEpoch: 0) { throw error }
  }

  /// Greenwich mean sidereal angle from the IAU-82 GMST formula (rad, in [0, 2π)), as SGP4's
  /// improved mode uses it.
  ///
  /// - Parameter jd: Julian date (UT1; the TLE's UTC is used as the reference does).
  /// - Returns: GMST (rad).
  /// - References: Vallado et al., AIAA 2006-6753, `gstime`; Vallado, Fundamentals of
  ///   Astrodynamics and Applications, eq. 3-47.
  @inlinable
  public static func greenwichMeanSiderealAngle(julianDateUT1 jd: Double) -> Double {
    let twoPi = 2.0 * Double.pi
    let tut1 = (jd - 2_451_545.0) / 36525.0
    var seconds =
      -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1
      + (876_600.0 * 3600.0 + 8_640_184.812866) * tut1 + 67_310.54841
    seconds = fmod(seconds * (Double.pi / 180.0) / 240.0, twoPi)
    if seconds < 0.0 { seconds += twoPi }
    return seconds
  }

  // MARK: - Propagation kernel

  /// The TEME state at `t` minutes after the epoch, or the reference error code.
  ///
  /// Does not throw, allocate or keep state. Errors occur at the same times as in the reference
  /// code: 1 and 2 on the mean elements, 3 on the lunar–solar perturbed eccentricity (deep
  /// space), 4 on the semi-latus rectum, 6 when the radius falls below one Earth radius.
  ///
  /// - Parameter t: time since epoch (min); negative values propagate backwards.
  /// - Returns: position (km) and velocity (km/s) in TEME, or an `SGP4Error`.
  /// - Complexity: O(1) near Earth; in deep-space resonance O(|t| / 720 min) integration steps.
  /// - References: Vallado et al., AIAA 2006-6753, rev. 3, `sgp4`; Hoots & Roehrich (1980).
  @inlinable
  public func propagate(minutesSinceEpoch t: Double) -> Result<SGP4State, SGP4Error> {
    var resonance = ResonanceState()
    return propagate(minutesSinceEpoch: t, resonance: &resonance)
  }

  /// The TEME state at `t` minutes after the epoch, continuing the deep-space resonance
  /// integration from `resonance` where that is valid (the same numbers as
  /// `propagate(minutesSinceEpoch:)`, cheaper for monotonic sequences of times).
  ///
  /// - Parameters:
  ///   - t: time since epoch (min).
  ///   - resonance: the integrator state of the previous call for this model (start with
  ///     `ResonanceState()`); updated. Unused for near-Earth and non-resonant orbits.
  /// - Returns: position (km) and velocity (km/s) in TEME, or an `SGP4Error`.
  /// - Complexity: O(1) near Earth; in deep-space resonance O(|t − t_previous| / 720 min)
  ///   steps for monotonic times.
  /// - References: Vallado et al., AIAA 2006-6753, rev. 3, `sgp4` and `dspace`.
  @inlinable
  public func propagate(
    minutesSinceEpoch t: Double, resonance: inout ResonanceState
  ) -> Result<SGP4State, SGP4Error> {
    let twoPi = 2.0 * Double.pi
    let x2o3 = 2.0 / 3.0

    // Secular gravity and atmospheric drag.
    let xmdf = meanAnomaly0 + mdot * t
    let argpdf = argumentOfPerigee0 + argpdot * t
    let nodedf = raan0 + nodedot * t
    var argpm = argpdf
    var mm = xmdf
    let t2 = t * t
    var nodem = nodedf + nodecf * t2
    var tempa = 1.0 - cc1 * t
    var tempe = bstar * cc4 * t
    var templ = t2cof * t2
    if !isSimplifiedDrag {
      let delomg = omgcof * t
      let delmtemp = 1.0 + eta * cos(xmdf)
      let delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo)
      let temp = delomg + delm
      mm = xmdf + temp
      argpm = argpdf - temp
      let t3 = t2 * t
      let t4 = t3 * t
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4
      tempe = tempe + bstar * cc5 * (sin(mm) - sinmao)
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof)
    }

    var nm = meanMotion0
    var em = eccentricity0
    var inclm = inclination0
    if isDeepSpace {
      deepSpace.secularAndResonance(
        t: t, gsto: greenwichSiderealAtEpoch, meanMotion0: meanMotion0,
        argumentOfPerigee0: argumentOfPerigee0, argpdot: argpdot,
        em: &em, argpm: &argpm, inclm: &inclm, mm: &mm, nodem: &nodem, nm: &nm,
        resonanceState: &resonance)
    }
    if nm <= 0.0 { return .failure(.meanMotionNotPositive) }

    // Near Earth nm is n₀, so the first factor is the precomputed (ke/n₀)^(2/3) (the same
    // bits); a^1.5 as a·√a (pow avoided; within an ulp).
    let am = (isDeepSpace ? pow(xke / nm, x2o3) : aKozai) * tempa * tempa
    nm = xke / (am * am.squareRoot())
    em = em - tempe
    if em >= 1.0 || em < -0.001 { return .failure(.meanEccentricityOutOfRange) }
    if em < 1.0e-6 { em = 1.0e-6 }
    mm = mm + meanMotion0 * templ
    var xlm = mm + argpm + nodem
    nodem = fmod(nodem, twoPi)
    argpm = fmod(argpm, twoPi)
    xlm = fmod(xlm, twoPi)
    mm = fmod(xlm - argpm - nodem, twoPi)

    // Lunar–solar periodics (deep space).
    var ep = em
    var xincp = inclm
    var argpp = argpm
    var nodep = nodem
    var mp = mm
    var sinip = sin(inclm)
    var cosip = cos(inclm)
    var aycof = self.aycof
    var xlcof = self.xlcof
    var con41 = self.con41
    var x1mth2 = self.x1mth2
    var x7thm1 = self.x7thm1
    if isDeepSpace {
      deepSpace.periodics(
        t: t, afspc: operationMode == .afspc,
        ep: &ep, inclp: &xincp, nodep: &nodep, argpp: &argpp, mp: &mp)
      if xincp < 0.0 {
        xincp = -xincp
        nodep = nodep + Double.pi
        argpp = argpp - Double.pi
      }
      if ep < 0.0 || ep > 1.0 { return .failure(.perturbedEccentricityOutOfRange) }
      // Long-period coefficients on the perturbed inclination.
      sinip = sin(xincp)
      cosip = cos(xincp)
      aycof = -0.5 * j3oj2 * sinip
      let denominator = abs(cosip + 1.0) > 1.5e-12 ? 1.0 + cosip : 1.5e-12
      xlcof = -0.25 * j3oj2 * sinip * (3.0 + 5.0 * cosip) / denominator
      let cosisq = cosip * cosip
      con41 = 3.0 * cosisq - 1.0
      x1mth2 = 1.0 - cosisq
      x7thm1 = 7.0 * cosisq - 1.0
    }

    // Long-period periodics.
    let axnl = ep * cos(argpp)
    var temp = 1.0 / (am * (1.0 - ep * ep))
    let aynl = ep * sin(argpp) + temp * aycof
    let xl = mp + argpp + nodep + temp * xlcof * axnl

    // Kepler's equation for E + ω, with steps limited to 0.95 rad and at most 10 iterations.
    let u = fmod(xl - nodep, twoPi)
    var eo1 = u
    var tem5 = 9999.9
    var iteration = 1
    var sineo1 = 0.0
    var coseo1 = 0.0
    while abs(tem5) >= 1.0e-12 && iteration <= 10 {
      sineo1 = sin(eo1)
      coseo1 = cos(eo1)
      tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5
      if abs(tem5) >= 0.95 { tem5 = tem5 > 0.0 ? 0.95 : -0.95 }
      eo1 = eo1 + tem5
      iteration += 1
    }

    // Short-period preliminary quantities.
    let ecose = axnl * coseo1 + aynl * sineo1
    let esine = axnl * sineo1 - aynl * coseo1
    let el2 = axnl * axnl + aynl * aynl
    let pl = am * (1.0 - el2)
    if pl < 0.0 { return .failure(.semiLatusRectumNegative) }
    let rl = am * (1.0 - ecose)
    let rdotl = am.squareRoot() * esine / rl
    let rvdotl = pl.squareRoot() / rl
    let betal = (1.0 - el2).squareRoot()
    temp = esine / (1.0 + betal)
    let sinu = am / rl * (sineo1 - aynl - axnl * temp)
    let cosu = am / rl * (coseo1 - axnl + aynl * temp)
    var su = atan2(sinu, cosu)
    let sin2u = (cosu + cosu) * sinu
    let cos2u = 1.0 - 2.0 * sinu * sinu
    temp = 1.0 / pl
    let temp1 = 0.5 * j2 * temp
    let temp2 = temp1 * temp

    // Short-period periodics.
    let mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u
    su = su - 0.25 * temp2 * x7thm1 * sin2u
    let xnode = nodep + 1.5 * temp2 * cosip * sin2u
    let xinc = xincp + 1.5 * temp2 * cosip * sinip * cos2u
    let mvt = rdotl - nm * temp1 * x1mth2 * sin2u / xke
    let rvdot = rvdotl + nm * temp1 * (x1mth2 * cos2u + 1.5 * con41) / xke

    // Orientation vectors.
    let sinsu = sin(su), cossu = cos(su)
    let snod = sin(xnode), cnod = cos(xnode)
    let sini = sin(xinc), cosi = cos(xinc)
    let xmx = -snod * cosi
    let xmy = cnod * cosi
    let ux = xmx * sinsu + cnod * cossu
    let uy = xmy * sinsu + snod * cossu
    let uz = sini * sinsu
    let vx = xmx * cossu - cnod * sinsu
    let vy = xmy * cossu - snod * sinsu
    let vz = sini * cossu

    if mrt < 1.0 { return .failure(.decayed) }
    let mr = mrt * radiusKm
    let position = Vector3(mr * ux, mr * uy, mr * uz)
    let velocity = Vector3(
      velocityKmPerSecond * (mvt * ux + rvdot * vx),
      velocityKmPerSecond * (mvt * uy + rvdot * vy),
      velocityKmPerSecond * (mvt * uz + rvdot * vz))
    return .success(SGP4State(minutesSinceEpoch: t, position: position, velocity: velocity))
  }

  /// The TEME state at `t` minutes after the epoch; throwing form of `propagate(minutesSinceEpoch:)`.
  ///
  /// - Parameter t: time since epoch (min).
  /// - Returns: position (km) and velocity (km/s) in TEME.
  /// - Throws: `SGP4Error` as the reference reports it.
  @inlinable
  public func state(minutesSinceEpoch t: Double) throws(SGP4Error) -> SGP4State {
    try propagate(minutesSinceEpoch: t).get()
  }
}
