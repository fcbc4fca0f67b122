// The axes of an orbital plane (node line, in-plane normal to it, orbit normal) and arguments of
// latitude measured in it: the geometry behind in-plane launch times and phase angles.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// Right-handed axes of an orbital plane in an equatorial frame: `node` points to the ascending
/// node, `normal` along the angular momentum, `inPlane = normal × node` (90° of argument of
/// latitude ahead of the node).
///
/// References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §2.5
/// (node vector n = K × h, argument of latitude).
public struct OrbitPlaneFrame: Hashable, Sendable {
  /// Unit orbit normal (along r × v).
  public let normal: Vector3
  /// Unit vector to the ascending node.
  public let node: Vector3
  /// Unit vector in the plane, 90° past the node.
  public let inPlane: Vector3

  /// The plane of a state (position and velocity in an equatorial frame such as TEME or GCRF).
  ///
  /// - Precondition: the orbit is not equatorial (inclination above ~1e-9 rad); for an
  ///   equatorial orbit the node is taken along +x.
  public init(position: Vector3, velocity: Vector3) {
    self.init(normal: position.cross(velocity).unit)
  }

  /// The plane with this unit normal.
  public init(normal: Vector3) {
    self.normal = normal
    let n = Vector3(-normal.y, normal.x, 0)  // z × normal
    let length = n.norm
    self.node = length > 1e-12 ? n / length : Vector3(1, 0, 0)
    self.inPlane = normal.cross(node)
  }

  /// Inclination of the plane (rad, 0…π).
  public var inclination: Double { acos(max(-1, min(1, normal.z))) }

  /// Right ascension of the ascending node (rad, 0…2π).
  public var rightAscensionOfNode: Double { Angle.normalizedPositive(atan2(node.y, node.x)) }

  /// The argument of latitude of a vector's projection onto the plane (rad, −π…π).
  public func argumentOfLatitude(of vector: Vector3) -> Double {
    atan2(vector.dot(inPlane), vector.dot(node))
  }

  /// The sine of the angle between a vector and the plane (positive on the normal's side).
  public func outOfPlaneSine(of vector: Vector3) -> Double { vector.unit.dot(normal) }

  /// The in-plane unit vector at argument of latitude `u` (rad).
  public func direction(argumentOfLatitude u: Double) -> Vector3 { node * cos(u) + inPlane * sin(u) }

  /// The same plane turned about the polar axis by `angle` (rad): the node moves east by `angle`,
  /// the inclination is unchanged.
  public func rotatedAboutPole(by angle: Double) -> OrbitPlaneFrame {
    let c = cos(angle), s = sin(angle)
    let n = normal
    return OrbitPlaneFrame(normal: Vector3(c * n.x - s * n.y, s * n.x + c * n.y, n.z))
  }
}
