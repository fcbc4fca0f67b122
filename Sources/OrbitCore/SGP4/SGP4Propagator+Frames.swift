// SGP4 output in other frames: TEME → GCRF or ITRF (and any `Frame`) through OrbitCore's
// IAU-76/FK5 reduction, and the geodetic sub-satellite point.
//
// References: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
// 2006-6753 (2006), rev. 3, §"Coordinate systems" and Appendix C (TEME → PEF by GMST82, then
// polar motion to ITRF; TEME → GCRF through TOD, MOD); Vallado, Fundamentals of Astrodynamics
// and Applications, 4th ed. (2013), §3.7 (the FK5 reduction used by `FrameTransform.between`).

/// Why a framed SGP4 state could not be produced.
public enum SGP4FrameError: Error, Hashable, Sendable, CustomStringConvertible {
  /// SGP4 itself failed at that time (the reference error code).
  case sgp4(SGP4Error)
  /// The time conversion failed (before 1972, or outside the EOP table).
  case time(TimeError)

  public var description: String {
    switch self {
    case .sgp4(let e): return e.description
    case .time(let e): return "frame conversion: \(e)"
    }
  }
}

extension SGP4Propagator {
  /// The state at `epoch` in `frame` (m, m/s), converted from SGP4's TEME with EOP interpolated
  /// from `data`.
  ///
  /// TEME → ITRF uses GMST82 and polar motion (the route of AIAA 2006-6753); TEME → GCRF goes
  /// through TOD, MOD and the chosen celestial-pole model. Velocities include the Earth-rotation
  /// term for Earth-fixed frames.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - frame: the target frame (`.teme` returns SGP4's own state).
  ///   - data: leap seconds and the EOP table (default `TimeScaleData.standard`).
  ///   - model: how GCRF is tied to the IAU-76/80 frames (default frame bias).
  /// - Returns: the state (m, m/s) in `frame`.
  /// - Throws: `SGP4FrameError.sgp4` (the reference's code) or `.time` (no EOP, or before 1972).
  /// - Accuracy: SGP4's own (about 1 km for LEO at epoch) dominates; the frame chain is within
  ///   0.2 mm of AIAA 2006-6753 Appendix C (tests).
  /// - References: AIAA 2006-6753 Appendix C; Vallado (2013) §3.7.
  public func state(
    at epoch: Epoch, in frame: Frame, data: TimeScaleData = .standard,
    model: CelestialPoleModel = .frameBias
  ) throws(SGP4FrameError) -> CartesianState {
    let teme: CartesianState
    switch sgp4State(at: epoch) {
    case .success(let s): teme = s
    case .failure(let e): throw .sgp4(e)
    }
    return try Self.convert(teme, to: frame, data: data, model: model)
  }

  /// The state at `epoch` in `frame` (m, m/s) with given Earth-orientation values.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - frame: the target frame.
  ///   - eop: UT1 − UTC (s), x_p, y_p (rad), LOD (s) at `epoch`.
  ///   - model: how GCRF is tied to the IAU-76/80 frames (default frame bias).
  ///   - data: the leap-second table (default built in).
  /// - Returns: the state (m, m/s) in `frame`.
  /// - Throws: `SGP4FrameError`.
  /// - References: AIAA 2006-6753 Appendix C; Vallado (2013) §3.7.
  public func state(
    at epoch: Epoch, in frame: Frame, eop: EOPValues, model: CelestialPoleModel = .frameBias,
    data: TimeScaleData = .standard
  ) throws(SGP4FrameError) -> CartesianState {
    let teme: CartesianState
    switch sgp4State(at: epoch) {
    case .success(let s): teme = s
    case .failure(let e): throw .sgp4(e)
    }
    return try Self.convert(teme, to: frame, eop: eop, data: data, model: model)
  }

  /// The geodetic sub-satellite point at `epoch` (latitude, longitude in rad; altitude in m)
  /// on `ellipsoid`, from the ITRF position.
  ///
  /// - Parameters:
  ///   - epoch: the instant.
  ///   - eop: Earth-orientation values at `epoch`, or nil to interpolate them from `data`.
  ///   - data: leap seconds and the EOP table (default `TimeScaleData.standard`).
  ///   - ellipsoid: the reference ellipsoid (default WGS-84).
  /// - Returns: the geodetic point below the satellite, with the satellite's height.
  /// - Throws: `SGP4FrameError`.
  /// - References: AIAA 2006-6753 Appendix C (TEME → ITRF); NIMA TR8350.2 (WGS-84 ellipsoid).
  public func subPoint(
    at epoch: Epoch, eop: EOPValues? = nil, data: TimeScaleData = .standard,
    ellipsoid: ReferenceEllipsoid = .wgs84
  ) throws(SGP4FrameError) -> GeodeticPoint {
    let itrf: CartesianState
    if let eop {
      itrf = try state(at: epoch, in: .itrf, eop: eop, data: data)
    } else {
      itrf = try state(at: epoch, in: .itrf, data: data)
    }
    return GeodeticPoint(cartesian: itrf.position, on: ellipsoid)
  }

  /// A TEME state converted to `frame` (m, m/s).
  ///
  /// - Parameters:
  ///   - teme: a state in TEME (its `frame` must be `.teme`).
  ///   - frame: the target frame.
  ///   - eop: Earth-orientation values at the state's epoch, or nil to interpolate them from
  ///     `data`.
  ///   - data: leap seconds and the EOP table.
  ///   - model: the celestial-pole model (default frame bias).
  /// - Returns: the state in `frame`.
  /// - Throws: `SGP4FrameError.time` outside the EOP table or before 1972.
  /// - References: AIAA 2006-6753 Appendix C; Vallado (2013) §3.7.
  public static func convert(
    _ teme: CartesianState, to frame: Frame, eop: EOPValues? = nil,
    data: TimeScaleData = .standard, model: CelestialPoleModel = .frameBias
  ) throws(SGP4FrameError) -> CartesianState {
    precondition(teme.frame == .teme, "SGP4Propagator.convert expects a TEME state")
    if frame == .teme { return teme }
    do {
      let t: FrameTransform
      if let eop {
        t = try FrameTransform.between(.teme, frame, at: teme.epoch, eop: eop, model: model, data: data)
      } else {
        t = try FrameTransform.between(.teme, frame, at: teme.epoch, data: data, model: model)
      }
      let out = t.apply(position: teme.position, velocity: teme.velocity)
      return CartesianState(epoch: teme.epoch, frame: frame, position: out.position, velocity: out.velocity)
    } catch {
      throw .time(error)
    }
  }
}
