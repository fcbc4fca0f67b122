/// A reference frame in which a Cartesian state is expressed.
///
/// Inertial (or quasi-inertial) frames: `gcrf`, `eme2000`, `mod`, `tod`, `teme`.
/// Earth-fixed frames: `pef`, `itrf`.
///
/// Transforms between any two frames at an epoch come from `FrameTransform.between` (or
/// `transform(to:at:eop:model:)` here), which implement the IAU-76/FK5 reduction
/// GCRF → EME2000 → MOD → TOD → {TEME, PEF → ITRF}; see `FK5Reduction` for the chain and its
/// accuracy, and `CelestialPoleModel` for how GCRF is tied to EME2000.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., §3.7;
/// Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753 (TEME).
public enum Frame: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Geocentric Celestial Reference Frame.
  case gcrf
  /// Mean equator and equinox of J2000.0 (FK5-based; differs from GCRF by the frame bias, ~23 mas,
  /// or coincides with it under `CelestialPoleModel.nutationCorrections`).
  case eme2000
  /// Mean of date: IAU-76 precession applied.
  case mod
  /// True of date: IAU-80 nutation applied.
  case tod
  /// True equator, mean equinox: the frame of SGP4 output (TOD turned by the equation of the
  /// equinoxes; PEF is TEME turned by GMST82).
  case teme
  /// Pseudo-Earth-fixed: TOD rotated by Greenwich apparent sidereal time.
  case pef
  /// International Terrestrial Reference Frame: PEF with polar motion.
  case itrf

  /// True for frames that rotate with the Earth.
  public var isEarthFixed: Bool { self == .pef || self == .itrf }

  public var description: String { rawValue.uppercased() }
}
