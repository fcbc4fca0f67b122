// Physical properties of a spacecraft that surface forces need.

/// The surface properties of a spacecraft used by drag and solar radiation pressure.
///
/// The cannonball convention: one reference area per force, independent of attitude.
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.4 (SRP: A, C_R) and §3.5
/// (drag: A, C_D).
@frozen
public struct SpacecraftProperties: Sendable, Hashable {
  /// Drag reference area A (m²).
  public var dragArea: Double
  /// Drag coefficient C_D (dimensionless; about 2.2 for a compact satellite).
  public var dragCoefficient: Double
  /// Solar radiation pressure reference area (m²).
  public var srpArea: Double
  /// Radiation pressure coefficient C_R (dimensionless; 1 absorbing, 2 specular mirror).
  public var reflectivityCoefficient: Double

  /// Properties from their parts.
  ///
  /// - Parameters:
  ///   - dragArea: drag reference area (m²).
  ///   - dragCoefficient: C_D (dimensionless).
  ///   - srpArea: radiation-pressure reference area (m²; default: the drag area).
  ///   - reflectivityCoefficient: C_R (dimensionless; default 1.3).
  @inlinable
  public init(
    dragArea: Double, dragCoefficient: Double, srpArea: Double? = nil, reflectivityCoefficient: Double = 1.3
  ) {
    self.dragArea = dragArea
    self.dragCoefficient = dragCoefficient
    self.srpArea = srpArea ?? dragArea
    self.reflectivityCoefficient = reflectivityCoefficient
  }

  /// No area: drag and radiation pressure vanish.
  @inlinable
  public static var none: SpacecraftProperties {
    SpacecraftProperties(dragArea: 0, dragCoefficient: 0, srpArea: 0, reflectivityCoefficient: 0)
  }
}
