// The IAU-76/FK5 reduction at one instant: every rotation between the frames of `Frame`.
//
//   GCRF --B (bias)--> EME2000 --P (IAU-76)--> MOD --N (IAU-80)--> TOD --R3(GAST)--> PEF --W--> ITRF
//                                                              TOD --R3(EqE)--> TEME --R3(GMST)--> PEF
//
// GAST = GMST82(UT1) + EqE94(TT); TEME is the true equator with the mean equinox, so
// TOD → TEME is R3(EqE) and TEME → PEF is R3(GMST82) (Vallado et al., "Revisiting Spacetrack
// Report #3", AIAA 2006-6753, §"TEME" and Appendix C). Earth rotation ω⊕ (with LOD) is the
// angular velocity of PEF and ITRF relative to the inertial frames; precession, nutation and
// polar-motion rates are neglected (< 1e-11 rad/s).
//
// References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §3.7
// (the IAU-76/FK5 reduction) and Example 3-15; IERS Conventions (2003) ch. 5
// (frame bias); the component files cite their own sources.

/// The IAU-76/FK5 reduction evaluated at one instant: the rotations between all `Frame`s.
///
/// Build one per epoch and ask it for as many transforms as needed; `FrameTransform.between`
/// is a shortcut that builds one and discards it.
///
/// Accuracy: the IAU-76/80 model as implemented agrees with ERFA to ~1e-12 rad. Without
/// celestial pole offsets (`CelestialPoleModel.frameBias`), the GCRF it yields differs from the
/// IAU-2006/2000A GCRF by up to ~0.05″ (~1.5 m at LEO radius); with IERS δΔψ, δΔε
/// (`.nutationCorrections`) the difference is a few mas. UT1 and polar motion come from the
/// EOP; an error of 1 ms in UT1 − UTC moves an equatorial LEO point by ~0.5 m.
///
/// References: Vallado (2013) §3.7; AIAA 2006-6753 (TEME).
public struct FK5Reduction: Sendable, Hashable {
  /// GCRF → EME2000: the frame bias, or the identity for `.nutationCorrections`.
  public let bias: Matrix3
  /// EME2000 → MOD: IAU 1976 precession.
  public let precession: Matrix3
  /// MOD → TOD: IAU 1980 nutation (with δΔψ, δΔε for `.nutationCorrections`).
  public let nutation: Matrix3
  /// Mean obliquity ε_A (rad).
  public let meanObliquity: Double
  /// Nutation in longitude Δψ (rad), including δΔψ if given.
  public let nutationInLongitude: Double
  /// Nutation in obliquity Δε (rad), including δΔε if given.
  public let nutationInObliquity: Double
  /// Equation of the equinoxes, IAU 1994 (rad), with the corrected Δψ.
  public let equationOfEquinoxes: Double
  /// Greenwich mean sidereal time, IAU 1982 (rad).
  public let gmst: Double
  /// Greenwich apparent sidereal time GMST + EqE (rad).
  public let gast: Double
  /// PEF → ITRF: polar motion W.
  public let polarMotion: Matrix3
  /// The Earth's angular velocity ω⊕ (1 − LOD/86400) (rad/s).
  public let earthAngularVelocity: Double

  /// The reduction at an instant given on TT and UT1.
  ///
  /// - Parameters:
  ///   - julianDateTT: the instant on TT (two-part Julian date).
  ///   - julianDateUT1: the same instant on UT1 (two-part Julian date).
  ///   - eop: polar motion x_p, y_p (rad) and LOD (s) are used; UT1 − UTC is already in
  ///     `julianDateUT1`; dX, dY are ignored (see `CelestialPoleModel`).
  ///   - model: how GCRF is tied to the IAU-76/80 frames.
  /// - References: Vallado (2013) §3.7.
  public init(
    julianDateTT: JulianDate, julianDateUT1: JulianDate, eop: EOPValues,
    model: CelestialPoleModel = .frameBias
  ) {
    let t = julianDateTT.daysSinceJ2000 / 36_525.0
    let angles = Nutation1980.angles(julianCenturiesTT: t)
    var dPsi = angles.dPsi
    var dEps = angles.dEps
    switch model {
    case .frameBias:
      bias = FrameBias.matrix
    case .nutationCorrections(let ddPsi, let ddEps):
      bias = .identity
      dPsi += ddPsi
      dEps += ddEps
    }
    let epsA = Nutation1980.meanObliquity(julianCenturiesTT: t)
    meanObliquity = epsA
    nutationInLongitude = dPsi
    nutationInObliquity = dEps
    precession = Precession1976.matrix(julianCenturiesTT: t)
    nutation = Nutation1980.matrix(meanObliquity: epsA, dPsi: dPsi, dEps: dEps)
    let eqe = SiderealTime.equationOfEquinoxes94(
      dPsi: dPsi, meanObliquity: epsA,
      moonNodeLongitude: Nutation1980.moonNodeLongitude(julianCenturiesTT: t))
    equationOfEquinoxes = eqe
    let theta = SiderealTime.gmst82(ut1: julianDateUT1)
    gmst = theta
    gast = Angle.normalizedPositive(theta + eqe)
    polarMotion = PolarMotion.matrix(xp: eop.xp, yp: eop.yp)
    earthAngularVelocity = SiderealTime.earthAngularVelocity(lengthOfDayExcess: eop.lengthOfDayExcess)
  }

  /// The reduction at `epoch`, with UT1 − UTC, x_p, y_p and LOD from `eop`.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - eop: Earth-orientation values at `epoch`.
  ///   - model: how GCRF is tied to the IAU-76/80 frames.
  ///   - data: the leap-second table used to form UTC (and so UT1).
  /// - Throws: `TimeError.utcBefore1972` before 1972.
  public init(
    epoch: Epoch, eop: EOPValues, model: CelestialPoleModel = .frameBias, data: TimeScaleData = .standard
  ) throws(TimeError) {
    let ut1 = try epoch.julianDateUT1(ut1MinusUTC: eop.ut1MinusUTC, data: data)
    self.init(julianDateTT: epoch.julianDateTT, julianDateUT1: ut1, eop: eop, model: model)
  }

  /// The transform from GCRF to `frame`.
  ///
  /// The angular velocity is zero for the inertial frames, ω⊕ ẑ for PEF and W · ω⊕ ẑ for ITRF.
  public func transformFromGCRF(to frame: Frame) -> FrameTransform {
    transform(from: .gcrf, to: frame)
  }

  /// The transform from `source` to `target` at this instant.
  ///
  /// The frames form a tree rooted at GCRF (GCRF → EME2000 → MOD → TOD → {TEME, PEF → ITRF});
  /// the result is the path from `source` up to the nearest common frame, then down to `target`.
  /// So PEF → ITRF is exactly W, GCRF → EME2000 exactly the bias, and TEME → PEF is R3(−EqE)
  /// then R3(GAST), i.e. R3(GMST) to rounding (~1e-16).
  public func transform(from source: Frame, to target: Frame) -> FrameTransform {
    if source == target { return .identity }
    var up = source, down = target
    var sourceBranch = FrameTransform.identity  // common → source, built from the bottom
    var targetBranch = FrameTransform.identity  // common → target
    while up != down {
      if Self.depth(up) >= Self.depth(down) {
        sourceBranch = edge(to: up).followed(by: sourceBranch)
        up = Self.parent(up)
      } else {
        targetBranch = edge(to: down).followed(by: targetBranch)
        down = Self.parent(down)
      }
    }
    return sourceBranch.inverse.followed(by: targetBranch)
  }

  /// The parent of `frame` in the reduction tree (GCRF is its own parent).
  static func parent(_ frame: Frame) -> Frame {
    switch frame {
    case .gcrf, .eme2000: return .gcrf
    case .mod: return .eme2000
    case .tod: return .mod
    case .teme, .pef: return .tod
    case .itrf: return .pef
    }
  }

  /// The depth of `frame` in the reduction tree (GCRF 0).
  static func depth(_ frame: Frame) -> Int {
    switch frame {
    case .gcrf: return 0
    case .eme2000: return 1
    case .mod: return 2
    case .tod: return 3
    case .teme, .pef: return 4
    case .itrf: return 5
    }
  }

  /// The transform from the parent of `frame` to `frame`.
  func edge(to frame: Frame) -> FrameTransform {
    switch frame {
    case .gcrf: return .identity
    case .eme2000: return FrameTransform(rotation: bias)
    case .mod: return FrameTransform(rotation: precession)
    case .tod: return FrameTransform(rotation: nutation)
    case .teme: return FrameTransform(rotation: Matrix3.rotationZ(equationOfEquinoxes))
    case .pef:
      return FrameTransform(
        rotation: Matrix3.rotationZ(gast), angularVelocity: Vector3(0, 0, earthAngularVelocity))
    case .itrf: return FrameTransform(rotation: polarMotion)
    }
  }
}
