// The per-instant context shared by the force models of one derivative evaluation, and the
// Earth-orientation model that supplies its GCRF → ITRF rotation.
//
// The rotation is the IAU-76/FK5 reduction of Frames (Vallado, Fundamentals of Astrodynamics and
// Applications, 4th ed. (2013), §3.7) with EOP interpolated from `TimeScaleData`; Sun and Moon
// come from the analytic series in SolarEphemeris.swift and LunarEphemeris.swift.

/// The instant and the shared, expensive quantities that force models read during one
/// derivative evaluation.
///
/// Built once per derivative by `ForceContextBuilder` (so each model does not redo the Earth
/// rotation or the ephemerides). Fields a model did not ask for through its `requirements` hold
/// placeholder values (identity rotation, zero vectors).
@frozen
public struct ForceContext: Sendable {
  /// The epoch the arc's time is counted from.
  public var referenceEpoch: Epoch
  /// Time since `referenceEpoch` (s).
  public var offset: Double
  /// The instant, `referenceEpoch + offset` (formed with `Epoch`'s exact carry).
  public var epoch: Epoch
  /// The spacecraft's surface properties.
  public var properties: SpacecraftProperties
  /// The rotation from GCRF to ITRF components (`r_ITRF = gcrfToITRF · r_GCRF`).
  public var gcrfToITRF: Matrix3
  /// The Earth's angular velocity in GCRF components (rad/s).
  public var earthAngularVelocity: Vector3
  /// Geocentric position of the Sun in GCRF (m).
  public var sunPosition: Vector3
  /// Geocentric position of the Moon in GCRF (m).
  public var moonPosition: Vector3

  /// A context from its parts (for tests and for callers that compute the quantities
  /// themselves).
  ///
  /// - Parameters:
  ///   - referenceEpoch: the arc's start epoch.
  ///   - offset: time since `referenceEpoch` (s).
  ///   - properties: spacecraft surface properties.
  ///   - gcrfToITRF: rotation GCRF → ITRF (default: identity).
  ///   - earthAngularVelocity: Earth's angular velocity in GCRF (rad/s; default zero).
  ///   - sunPosition: geocentric Sun position in GCRF (m; default zero).
  ///   - moonPosition: geocentric Moon position in GCRF (m; default zero).
  @inlinable
  public init(
    referenceEpoch: Epoch, offset: Double = 0, properties: SpacecraftProperties = .none,
    gcrfToITRF: Matrix3 = .identity, earthAngularVelocity: Vector3 = .zero,
    sunPosition: Vector3 = .zero, moonPosition: Vector3 = .zero
  ) {
    self.referenceEpoch = referenceEpoch
    self.offset = offset
    self.epoch = referenceEpoch + offset
    self.properties = properties
    self.gcrfToITRF = gcrfToITRF
    self.earthAngularVelocity = earthAngularVelocity
    self.sunPosition = sunPosition
    self.moonPosition = moonPosition
  }
}

/// How the GCRF → ITRF rotation is obtained at an epoch: the IAU-76/FK5 reduction with
/// Earth-orientation parameters from a table or held fixed.
///
/// Evaluation does not throw. With a table, an epoch outside it uses the EOP of the nearest
/// table end (held constant), and UTC before 1972 uses TAI − UTC = 10 s; both are documented
/// approximations for extrapolated arcs, not errors (UT1 − UTC drifts ~1 ms/day, i.e. the
/// Earth-fixed frame ~0.5 m/day at the equator).
///
/// References: Vallado (2013) §3.7 (FK5 reduction); IERS Bulletin A (EOP); see `FK5Reduction`.
public struct EarthOrientationModel: Sendable {
  @usableFromInline
  enum Source: Sendable {
    case table(TimeScaleData, first: Epoch?, last: Epoch?)
    case fixed(EOPValues, taiMinusUTC: Double)
    case tabulated(EarthOrientationNodes, fallback: TimeScaleData, first: Epoch?, last: Epoch?)
  }

  @usableFromInline let source: Source
  /// How GCRF is tied to the IAU-76/80 frames.
  public let poleModel: CelestialPoleModel

  /// EOP interpolated from `data` at each epoch (the default: `TimeScaleData.standard`).
  ///
  /// - Parameters:
  ///   - data: leap seconds and the EOP table.
  ///   - poleModel: frame bias (default) or IERS nutation corrections.
  public init(data: TimeScaleData = .standard, poleModel: CelestialPoleModel = .frameBias) {
    var first: Epoch? = nil
    var last: Epoch? = nil
    if let table = data.eop {
      first = try? Epoch(
        DateTimeComponents(date: CivilDate(modifiedJulianDay: table.firstMJD), hour: 0, minute: 0, second: 0),
        scale: .utc, data: data)
      last = try? Epoch(
        DateTimeComponents(date: CivilDate(modifiedJulianDay: table.lastMJD), hour: 0, minute: 0, second: 0),
        scale: .utc, data: data)
    }
    source = .table(data, first: first, last: last)
    self.poleModel = poleModel
  }

  /// Fixed Earth-orientation values at every epoch (tests, short arcs, worked examples).
  ///
  /// - Parameters:
  ///   - eop: UT1 − UTC (s), x_p, y_p (rad), LOD (s).
  ///   - taiMinusUTC: TAI − UTC (s), e.g. 37 from 2017 on.
  ///   - poleModel: frame bias (default) or IERS nutation corrections.
  public init(fixed eop: EOPValues, taiMinusUTC: Double, poleModel: CelestialPoleModel = .frameBias) {
    source = .fixed(eop, taiMinusUTC: taiMinusUTC)
    self.poleModel = poleModel
  }

  /// EOP from `data`, with the slowly varying parts of the reduction tabulated over
  /// [`start`, `end`] and interpolated linearly (faster per epoch; for propagation arcs).
  ///
  /// At nodes every `step` seconds the reduction stores N·P·B (GCRF → TOD), the equation of the
  /// equinoxes, polar motion W, UT1 − TAI and ω⊕; an evaluation interpolates them and forms
  /// W · R3(GMST82(UT1) + EqE) · N·P·B. Outside the span it evaluates the reduction directly.
  ///
  /// - Parameters:
  ///   - start: first epoch of the span.
  ///   - end: last epoch of the span (after `start`).
  ///   - step: node spacing (s; default 3600).
  ///   - data: leap seconds and the EOP table (default: built in).
  ///   - poleModel: frame bias (default) or IERS nutation corrections.
  /// - Accuracy: with 1-hour nodes the interpolated rotation differs from the direct one by
  ///   < 1e-10 rad (the 13.66-day nutation term's curvature, ~5e-11 rad; UT1 − TAI kinks at
  ///   day boundaries, < 1e-10 rad); see ForceModelTests.
  public init(
    tabulatedFrom start: Epoch, to end: Epoch, step: Double = 3600, data: TimeScaleData = .standard,
    poleModel: CelestialPoleModel = .frameBias
  ) {
    let direct = EarthOrientationModel(data: data, poleModel: poleModel)
    guard case .table(_, let first, let last) = direct.source else { preconditionFailure("unreachable") }
    precondition(end - start > 0 && step > 0, "empty span or non-positive step")
    let count = Int((end - start) / step) + 2
    var nodes = EarthOrientationNodes(start: start, step: step)
    nodes.celestial.reserveCapacity(count)
    for i in 0..<count {
      let epoch = start + Double(i) * step
      let parts = direct.reduction(at: epoch)
      let r = parts.reduction
      nodes.celestial.append(r.nutation * r.precession * r.bias)
      nodes.polarMotion.append(r.polarMotion)
      nodes.equationOfEquinoxes.append(r.equationOfEquinoxes)
      nodes.ut1MinusTAI.append(parts.ut1MinusTAI)
      nodes.angularVelocity.append(r.earthAngularVelocity)
    }
    source = .tabulated(nodes, fallback: data, first: first, last: last)
    self.poleModel = poleModel
  }

  /// The reduction at `epoch` and the UT1 − TAI it used (s).
  func reduction(at epoch: Epoch) -> (reduction: FK5Reduction, ut1MinusTAI: Double) {
    let eop: EOPValues
    let taiMinusUTC: Double
    switch source {
    case .fixed(let values, let offset):
      eop = values
      taiMinusUTC = offset
    case .table(let data, let first, let last), .tabulated(_, let data, let first, let last):
      var lookup = epoch
      if let first, lookup < first { lookup = first }
      if let last, last < lookup { lookup = last }
      eop = (try? data.eop(at: lookup)) ?? .zero
      taiMinusUTC = (try? data.taiMinusUTC(at: epoch)) ?? 10
    }
    let ut1MinusTAI = eop.ut1MinusUTC - taiMinusUTC
    let ut1JD = (epoch + ut1MinusTAI).julianDateTAI  // the TAI-style split of the shifted instant
    return (
      FK5Reduction(julianDateTT: epoch.julianDateTT, julianDateUT1: ut1JD, eop: eop, model: poleModel),
      ut1MinusTAI
    )
  }

  /// The GCRF → ITRF transform at `epoch` (rotation and the Earth's angular velocity in ITRF
  /// axes).
  ///
  /// - Parameter epoch: the instant.
  /// - Returns: the transform; see the type's documentation outside the EOP table.
  /// - Accuracy: that of `FK5Reduction` (≲ 0.05″ from the IAU-2006/2000A GCRF).
  /// - References: Vallado (2013) §3.7.
  public func gcrfToITRF(at epoch: Epoch) -> FrameTransform {
    if case .tabulated(let nodes, _, _, _) = source, let t = nodes.transform(at: epoch) { return t }
    return reduction(at: epoch).reduction.transformFromGCRF(to: .itrf)
  }
}

/// Tabulated slowly varying parts of the IAU-76/FK5 reduction (see
/// `EarthOrientationModel.init(tabulatedFrom:to:step:data:poleModel:)`).
@usableFromInline
struct EarthOrientationNodes: Sendable {
  let start: Epoch
  let step: Double
  var celestial: [Matrix3] = []
  var polarMotion: [Matrix3] = []
  var equationOfEquinoxes: [Double] = []
  var ut1MinusTAI: [Double] = []
  var angularVelocity: [Double] = []

  init(start: Epoch, step: Double) {
    self.start = start
    self.step = step
  }

  /// The interpolated transform, or nil outside the nodes.
  func transform(at epoch: Epoch) -> FrameTransform? {
    let x = (epoch - start) / step
    guard x >= 0, x <= Double(celestial.count - 1) else { return nil }
    let i = min(Int(x), celestial.count - 2)
    let f = x - Double(i)
    @inline(__always) func lerp(_ a: Double, _ b: Double) -> Double { a + (b - a) * f }
    @inline(__always) func lerp(_ a: Matrix3, _ b: Matrix3) -> Matrix3 { a + f * (b - a) }
    let c = lerp(celestial[i], celestial[i + 1])
    let w = lerp(polarMotion[i], polarMotion[i + 1])
    let ut1 = (epoch + lerp(ut1MinusTAI[i], ut1MinusTAI[i + 1])).julianDateTAI
    let gast = SiderealTime.gmst82(ut1: ut1) + lerp(equationOfEquinoxes[i], equationOfEquinoxes[i + 1])
    let omega = lerp(angularVelocity[i], angularVelocity[i + 1])
    return FrameTransform(rotation: w * (Matrix3.rotationZ(gast) * c), angularVelocity: w * Vector3(0, 0, omega))
  }
}

/// Builds the `ForceContext` of each derivative evaluation: computes only what the force models
/// require (Earth rotation, Sun, Moon).
///
/// References: see `EarthOrientationModel`, `SolarEphemeris`, `LunarEphemeris`.
public struct ForceContextBuilder: Sendable {
  /// What to compute.
  public var requirements: ForceContextRequirements
  /// The Earth-orientation model for the GCRF → ITRF rotation.
  public var earthOrientation: EarthOrientationModel

  /// A builder.
  ///
  /// - Parameters:
  ///   - requirements: the union of the force models' requirements.
  ///   - earthOrientation: the Earth-orientation model (default: built-in EOP, frame bias).
  public init(requirements: ForceContextRequirements, earthOrientation: EarthOrientationModel = .init()) {
    self.requirements = requirements
    self.earthOrientation = earthOrientation
  }

  /// The context at `referenceEpoch + offset`.
  ///
  /// - Parameters:
  ///   - referenceEpoch: the arc's start epoch.
  ///   - offset: time since `referenceEpoch` (s).
  ///   - properties: spacecraft surface properties.
  /// - Returns: the context with the required quantities filled in.
  public func context(
    referenceEpoch: Epoch, offset: Double, properties: SpacecraftProperties
  ) -> ForceContext {
    var c = ForceContext(referenceEpoch: referenceEpoch, offset: offset, properties: properties)
    if requirements.contains(.earthRotation) {
      let t = earthOrientation.gcrfToITRF(at: c.epoch)
      c.gcrfToITRF = t.rotation
      c.earthAngularVelocity = t.rotation.transposeMultiply(t.angularVelocity)
    }
    if requirements.contains(.sun) { c.sunPosition = SolarEphemeris.position(at: c.epoch) }
    if requirements.contains(.moon) { c.moonPosition = LunarEphemeris.position(at: c.epoch) }
    return c
  }
}
