// Point-mass (two-body) gravity: r'' = −μ r / |r|³. References: Vallado, 4th ed., §1.3,
// eq. (1-14); our own code.

/// Point-mass gravity of a central body, as a second-order system (usable by the
/// Runge–Kutta–Nyström integrators and, through its first-order form, by all others).
///
/// NaN/∞: at r = 0 the acceleration is non-finite; the propagator reports it as a typed error.
///
/// References: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., §1.3,
/// eq. (1-14).
@frozen
public struct TwoBodyDynamics: SecondOrderSystem, Hashable {
  /// Gravitational parameter μ (m³/s²).
  public var gravitationalParameter: Double

  /// Point-mass dynamics with parameter μ.
  ///
  /// - Parameter gravitationalParameter: μ (m³/s²).
  @inlinable
  public init(gravitationalParameter: Double) {
    self.gravitationalParameter = gravitationalParameter
  }

  /// Point-mass dynamics of `body` (uses its μ only).
  ///
  /// - Parameter body: the central body.
  @inlinable
  public init(body: CentralBody) {
    self.init(gravitationalParameter: body.gravitationalParameter)
  }

  /// The acceleration −μ r/|r|³ (m/s²).
  ///
  /// - Parameters:
  ///   - position: position (m).
  ///   - mass: ignored.
  ///   - t: ignored (s).
  @inlinable
  public func acceleration(position: Vector3, mass: Double, at t: Double) -> Vector3 {
    let r2 = position.normSquared
    let r = r2.squareRoot()
    return (-gravitationalParameter / (r2 * r)) * position
  }
}

extension TwoBodyDynamics: LaneSecondOrderSystem {
  /// The accelerations −μ r/|r|³ (m/s²) per lane, as `acceleration(position:mass:at:)` does
  /// lane by lane.
  ///
  /// - Parameters:
  ///   - position: positions (m), one per lane.
  ///   - t: ignored (s).
  @inlinable
  public func acceleration<Lanes>(position: LaneVector3<Lanes>, at t: Double) -> LaneVector3<Lanes> {
    let r2 = position.x * position.x + position.y * position.y + position.z * position.z
    let r = r2.squareRoot()
    return (-gravitationalParameter / (r2 * r)) * position
  }
}
