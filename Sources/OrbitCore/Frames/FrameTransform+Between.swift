// Transforms between any two frames of `Frame` at an epoch (the IAU-76/FK5 reduction).
//
// References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §3.7;
// Vallado et al., AIAA 2006-6753 (TEME); see FK5Reduction.swift.

extension FrameTransform {
  /// The transform from frame `from` to frame `to` at an instant given on TT and UT1.
  ///
  /// Does not throw: the caller supplies both time scales.
  /// - Parameters:
  ///   - from: the source frame.
  ///   - to: the target frame.
  ///   - julianDateTT: the instant on TT.
  ///   - julianDateUT1: the instant on UT1.
  ///   - eop: x_p, y_p (rad) and LOD (s) at the instant (UT1 − UTC is not read).
  ///   - model: how GCRF is tied to the IAU-76/80 frames (default: frame bias).
  /// - Accuracy: see `FK5Reduction` (IAU-76/80 without pole offsets: ≲ 0.05″ from the
  ///   IAU-2006/2000A GCRF, ~1.5 m at LEO radius).
  /// - References: Vallado (2013) §3.7.
  public static func between(
    _ from: Frame, _ to: Frame, julianDateTT: JulianDate, julianDateUT1: JulianDate,
    eop: EOPValues, model: CelestialPoleModel = .frameBias
  ) -> FrameTransform {
    if from == to { return .identity }
    return FK5Reduction(julianDateTT: julianDateTT, julianDateUT1: julianDateUT1, eop: eop, model: model)
      .transform(from: from, to: to)
  }

  /// The transform from frame `from` to frame `to` at `epoch` with given Earth-orientation values.
  ///
  /// - Parameters:
  ///   - from: the source frame.
  ///   - to: the target frame.
  ///   - epoch: the instant.
  ///   - eop: UT1 − UTC (s), x_p, y_p (rad), LOD (s) at `epoch`.
  ///   - model: how GCRF is tied to the IAU-76/80 frames (default: frame bias).
  ///   - data: the leap-second table used to form UT1 from UTC (default: built in).
  /// - Throws: `TimeError.utcBefore1972` before 1972 (UT1 is formed through UTC).
  /// - Accuracy: see `FK5Reduction`.
  /// - References: Vallado (2013) §3.7.
  public static func between(
    _ from: Frame, _ to: Frame, at epoch: Epoch, eop: EOPValues,
    model: CelestialPoleModel = .frameBias, data: TimeScaleData = .standard
  ) throws(TimeError) -> FrameTransform {
    if from == to { return .identity }
    return try FK5Reduction(epoch: epoch, eop: eop, model: model, data: data).transform(from: from, to: to)
  }

  /// The transform from frame `from` to frame `to` at `epoch`, with EOP interpolated from `data`.
  ///
  /// - Parameters:
  ///   - from: the source frame.
  ///   - to: the target frame.
  ///   - epoch: the instant.
  ///   - data: leap seconds and the EOP table (e.g. `TimeScaleData.standard`).
  ///   - model: how GCRF is tied to the IAU-76/80 frames (default: frame bias).
  /// - Throws: `TimeError.eopUnavailable` outside the EOP table, `.utcBefore1972` before 1972.
  /// - Accuracy: see `FK5Reduction`.
  /// - References: Vallado (2013) §3.7.
  public static func between(
    _ from: Frame, _ to: Frame, at epoch: Epoch, data: TimeScaleData,
    model: CelestialPoleModel = .frameBias
  ) throws(TimeError) -> FrameTransform {
    if from == to { return .identity }
    let eop = try data.eop(at: epoch)
    return try between(from, to, at: epoch, eop: eop, model: model, data: data)
  }
}

extension Frame {
  /// The transform from this frame to `target` at `epoch` with given Earth-orientation values.
  ///
  /// Same as `FrameTransform.between(self, target, at:eop:model:data:)`.
  /// - Throws: `TimeError.utcBefore1972` before 1972.
  public func transform(
    to target: Frame, at epoch: Epoch, eop: EOPValues, model: CelestialPoleModel = .frameBias,
    data: TimeScaleData = .standard
  ) throws(TimeError) -> FrameTransform {
    try FrameTransform.between(self, target, at: epoch, eop: eop, model: model, data: data)
  }

  /// The transform from this frame to `target` at `epoch`, with EOP interpolated from `data`.
  ///
  /// Same as `FrameTransform.between(self, target, at:data:model:)`.
  /// - Throws: `TimeError.eopUnavailable` outside the EOP table, `.utcBefore1972` before 1972.
  public func transform(
    to target: Frame, at epoch: Epoch, data: TimeScaleData, model: CelestialPoleModel = .frameBias
  ) throws(TimeError) -> FrameTransform {
    try FrameTransform.between(self, target, at: epoch, data: data, model: model)
  }
}
