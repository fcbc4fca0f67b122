// One mean element set of a history, reduced to what the decay and reboost analysis needs.

import OrbitCore

/// One element set of a history: its epoch and its SGP4 mean semi-major axis.
///
/// References: CelesTrak GP JSON (EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION); the mean
/// semi-major axis is `SGP4MeanElements.semiMajorAxis` (Spacetrack Report #3 recovery).
public struct HistorySample: Hashable, Sendable {
  /// The element set's epoch (read as UTC).
  public var epoch: Epoch
  /// The epoch as written in the source (e.g. `2024-09-15T00:58:12.885024`), for reports.
  public var label: String
  /// The mean (Kozai) motion as written (rev/day); nil for samples not made from an element set.
  public var meanMotion: Double?
  /// The SGP4 mean semi-major axis (m).
  public var meanSemiMajorAxis: Double

  /// The mean altitude (m): mean semi-major axis − the WGS-72 equatorial radius (6 378 135 m).
  ///
  /// References: Vallado et al., AIAA 2006-6753 rev. 3, `getgravconst` (wgs72).
  public var meanAltitude: Double { meanSemiMajorAxis - SGP4MeanElements.equatorialRadius }

  /// A sample with a given mean semi-major axis (for synthetic histories and other sources).
  /// - Parameters:
  ///   - epoch: the epoch.
  ///   - label: a text shown in reports (usually the epoch as written).
  ///   - meanSemiMajorAxis: the mean semi-major axis (m).
  ///   - meanMotion: the mean motion (rev/day) if known.
  public init(epoch: Epoch, label: String, meanSemiMajorAxis: Double, meanMotion: Double? = nil) {
    self.epoch = epoch
    self.label = label
    self.meanSemiMajorAxis = meanSemiMajorAxis
    self.meanMotion = meanMotion
  }

  /// The sample for one OMM/GP element set: epoch read as UTC from EPOCH (which has no `Z`),
  /// mean semi-major axis from the SGP4 recovery with WGS-72.
  /// - Throws: `TimeError` when EPOCH is not a valid ISO-8601 date-time.
  /// - References: CelesTrak GP JSON; Spacetrack Report #3 (1980).
  public init(omm: OMM) throws(TimeError) {
    let epoch = try Epoch(iso8601: omm.epochText, scale: .utc)
    let a = SGP4MeanElements.semiMajorAxis(
      meanMotion: omm.meanMotion, eccentricity: omm.eccentricity,
      inclination: omm.inclination * Double.pi / 180.0)
    self.init(epoch: epoch, label: omm.epochText, meanSemiMajorAxis: a, meanMotion: omm.meanMotion)
  }
}
