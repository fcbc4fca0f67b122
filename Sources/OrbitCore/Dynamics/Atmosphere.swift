// The atmosphere-model protocol used by atmospheric drag.

/// An atmospheric density model: mass density at a position and instant.
///
/// Conforming types are `Sendable` value types; `density` is a hot kernel (no allocation, no
/// throwing). Models read the ITRF rotation or the Sun from the `ForceContext`, as declared by
/// `requirements` (which the drag force forwards to the context builder).
///
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.5; Vallado, *Fundamentals of
/// Astrodynamics and Applications*, 4th ed. (2013), §8.6.2.
public protocol Atmosphere: Sendable {
  /// The parts of the `ForceContext` the model reads (default: the Earth rotation).
  var requirements: ForceContextRequirements { get }

  /// Mass density (kg/m³) at a GCRF position.
  ///
  /// - Parameters:
  ///   - position: geocentric position in GCRF (m).
  ///   - context: the instant and shared quantities (ITRF rotation, Sun position).
  /// - Returns: density (kg/m³, ≥ 0).
  func density(position: Vector3, context: ForceContext) -> Double
}

extension Atmosphere {
  /// The Earth rotation (for the altitude above the ellipsoid).
  @inlinable
  public var requirements: ForceContextRequirements { .earthRotation }
}

/// Height above the WGS-84 ellipsoid of a GCRF position (m), through the context's ITRF rotation.
///
/// Exact (Frames' geodetic inversion, < 1 nm).
/// References: NIMA TR8350.2 (2000) (WGS-84); see `ReferenceEllipsoid.geodetic(from:)`.
@inlinable
func ellipsoidalAltitude(position: Vector3, context: ForceContext) -> Double {
  ReferenceEllipsoid.wgs84.geodetic(from: context.gcrfToITRF * position).altitude
}
