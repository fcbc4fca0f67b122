// What a reboost should achieve. Our own code.

import OrbitCore

/// The goal of a reboost: a rise of the mean semi-major axis, a target mean altitude, or a phase
/// (argument of latitude) at a later date.
///
/// "Mean" here is the orbit average defined by `MeanOrbit`: the osculating elements averaged
/// over one draconic revolution of the numerical model.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013),
/// §6.3 (coplanar changes) and §6.6 (phasing).
public enum ReboostGoal: Hashable, Sendable {
  /// Raise the mean semi-major axis by this much (m, > 0).
  case raiseSemiMajorAxis(by: Double)
  /// Reach this mean altitude (m above the WGS-84 equatorial radius; above the current one).
  case targetMeanAltitude(Double)
  /// Be at this argument of latitude (rad) at `date`, e.g. over a launch site for a Soyuz
  /// launch: the burn raises the orbit just enough that the station drifts back by the needed
  /// angle (a higher orbit is slower). Only the smallest non-negative rise is considered.
  case phase(argumentOfLatitude: Double, at: Epoch)
}
