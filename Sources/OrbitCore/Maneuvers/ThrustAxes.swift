// Axes in which a maneuver's Δv or thrust direction is given, and the rocket equation.
//
// Local orbital frames: `LocalOrbitalFrame` (LVLH CCSDS, RTN/RSW, VNB). Rocket equation:
// K. E. Tsiolkovsky (1903); e.g. Curtis, Orbital Mechanics for Engineering Students, 3rd ed.
// (2014), §6.1, eq. (6.1): Δm/m = 1 − exp(−Δv/(Isp g0)). g0 = 9.80665 m/s² exactly (CGPM 1901,
// the standard acceleration of gravity). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The axes of a Δv or thrust direction: inertial, or a local orbital frame of the current
/// state.
///
/// References: `LocalOrbitalFrame` (CCSDS LVLH; Vallado (2013) ch. 3 RSW; VNB).
public enum ThrustAxes: String, Hashable, Sendable, CaseIterable {
  /// The propagation's inertial frame (GCRF).
  case inertial
  /// LVLH (CCSDS/ISS): x ≈ along velocity, y = −orbit normal, z = nadir.
  case lvlh
  /// RTN (radial, transverse, normal).
  case rtn
  /// VNB (velocity, normal, binormal).
  case vnb

  /// The inertial components of a vector given in these axes at a state.
  ///
  /// - Parameters:
  ///   - vector: the vector in these axes (any unit).
  ///   - position: inertial position (m).
  ///   - velocity: inertial velocity (m/s).
  /// - Returns: the vector in inertial components (same unit).
  @inlinable
  public func inertial(_ vector: Vector3, position: Vector3, velocity: Vector3) -> Vector3 {
    let frame: LocalOrbitalFrame
    switch self {
    case .inertial: return vector
    case .lvlh: frame = .lvlh
    case .rtn: frame = .rtn
    case .vnb: frame = .vnb
    }
    // Rows of M are the local axes: v_inertial = Mᵀ v_local.
    return frame.rotation(position: position, velocity: velocity).transposeMultiply(vector)
  }
}

/// Tsiolkovsky's rocket equation with g0 = 9.80665 m/s².
///
/// References: Curtis, *Orbital Mechanics for Engineering Students*, 3rd ed. (2014), §6.1.
public enum RocketEquation {
  /// The standard acceleration of gravity g0 (m/s², exact by definition).
  public static let standardGravity = 9.80665

  /// The mass after a Δv: m1 = m0 exp(−Δv/(Isp g0)) (kg).
  ///
  /// - Parameters:
  ///   - initialMass: m0 (kg).
  ///   - deltaV: |Δv| (m/s).
  ///   - isp: specific impulse (s); `.infinity` leaves the mass unchanged.
  /// - Returns: m1 (kg).
  @inlinable
  public static func finalMass(initialMass: Double, deltaV: Double, isp: Double) -> Double {
    initialMass * exp(-deltaV / (isp * standardGravity))
  }

  /// The Δv of a burn from m0 to m1: Isp g0 ln(m0/m1) (m/s).
  ///
  /// - Parameters:
  ///   - initialMass: m0 (kg).
  ///   - finalMass: m1 (kg).
  ///   - isp: specific impulse (s).
  /// - Returns: Δv (m/s).
  @inlinable
  public static func deltaV(initialMass: Double, finalMass: Double, isp: Double) -> Double {
    isp * standardGravity * log(initialMass / finalMass)
  }
}
