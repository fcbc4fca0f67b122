// The force model of reboost simulations: gravity (J2 … or EGM96), drag (NRLMSISE-00 or
// Harris–Priester) with the ISS drag properties, optional Sun and Moon. Our own code.

import OrbitCore

/// The numerical model a reboost is planned and simulated on.
///
/// Default: point mass + J2 (WGS-84), NRLMSISE-00 drag with the built-in space weather and **no
/// fallback** (dates beyond the table are a `ReboostError.spaceWeather`), the ISS drag area and
/// Cd of `ISSModel.reference`, Dormand–Prince 8(7) at 0.1 mm per step.
///
/// References: Montenbruck & Gill, *Satellite Orbits* (2000), §3.2 (zonal gravity), §3.5
/// (drag, Harris–Priester); Picone et al. (2002), NRLMSISE-00.
public struct ReboostEnvironment: Sendable {
  /// The gravity field.
  public enum Gravity: Hashable, Sendable {
    /// Point mass + zonal terms J2 … J`maxDegree` (2…6), WGS-84/EGM-96 constants.
    case zonal(maxDegree: Int)
    /// EGM96 spherical harmonics to `degree` × `order`.
    case egm96(degree: Int, order: Int)
  }

  /// The atmosphere for drag.
  public enum AtmosphereModel: Sendable {
    /// No drag.
    case none
    /// Harris–Priester (no space weather needed; mean solar activity).
    case harrisPriester
    /// NRLMSISE-00 with the given space-weather look-up (and its fallback, if any).
    case nrlmsise00(SpaceWeather)
  }

  /// Gravity field (default J2).
  public var gravity: Gravity
  /// Atmosphere (default NRLMSISE-00, built-in space weather, no fallback).
  public var atmosphere: AtmosphereModel
  /// Sun and Moon as third bodies (default off: < 1 m on a few hours).
  public var thirdBodies: Bool
  /// Drag area (m²).
  public var dragArea: Double
  /// Drag coefficient.
  public var dragCoefficient: Double
  /// Position tolerance per step (m); velocity tolerance is 1e-3 of it per second.
  public var tolerance: Double

  /// An environment.
  ///
  /// - Parameters:
  ///   - gravity: gravity field (default `.zonal(maxDegree: 2)`).
  ///   - atmosphere: drag model (default NRLMSISE-00 with `SpaceWeather.builtIn`).
  ///   - thirdBodies: Sun and Moon (default false).
  ///   - dragArea: drag area (m²; default `ISSModel.reference.dragArea`).
  ///   - dragCoefficient: Cd (default `ISSModel.reference.dragCoefficient`).
  ///   - tolerance: position tolerance per step (m; default 1e-4).
  public init(
    gravity: Gravity = .zonal(maxDegree: 2), atmosphere: AtmosphereModel = .nrlmsise00(.builtIn),
    thirdBodies: Bool = false, dragArea: Double = ISSModel.reference.dragArea,
    dragCoefficient: Double = ISSModel.reference.dragCoefficient, tolerance: Double = 1e-4
  ) {
    self.gravity = gravity
    self.atmosphere = atmosphere
    self.thirdBodies = thirdBodies
    self.dragArea = dragArea
    self.dragCoefficient = dragCoefficient
    self.tolerance = tolerance
  }

  /// The default: J2 + NRLMSISE-00 (built-in space weather, no fallback), ISS drag properties.
  public static var standard: ReboostEnvironment { ReboostEnvironment() }

  /// μ of the gravity model (m³/s²).
  public var gravitationalParameter: Double {
    switch gravity {
    case .zonal: CentralBody.wgs84.gravitationalParameter
    case .egm96: CentralBody.egm96.gravitationalParameter
    }
  }

  /// The space-weather look-up, when the atmosphere uses one.
  public var spaceWeather: SpaceWeather? {
    if case .nrlmsise00(let w) = atmosphere { return w }
    return nil
  }

  /// Checks that space weather covers [from, to] (every UTC day); returns whether the fallback
  /// supplied any day.
  ///
  /// - Throws: `.spaceWeather` for a day outside the table with no fallback.
  func checkSpaceWeather(from: Epoch, to: Epoch) throws(ReboostError) -> Bool {
    guard let w = spaceWeather else { return false }
    var usedFallback = false
    let span = to - from
    let days = Int((span / 86_400).rounded(.up))
    for k in 0...max(days, 0) {
      let t = min(from + Double(k) * 86_400, to)
      do throws(SpaceWeatherError) {
        if try w.indices(at: t).usedFallback { usedFallback = true }
      } catch {
        throw .spaceWeather(error)
      }
    }
    do throws(SpaceWeatherError) {
      if try w.indices(at: to).usedFallback { usedFallback = true }
    } catch {
      throw .spaceWeather(error)
    }
    return usedFallback
  }

  /// Integrator options for these tolerances.
  var options: IntegratorOptions {
    IntegratorOptions(
      tolerance: IntegrationTolerance(position: tolerance, velocity: tolerance * 1e-3), minStep: 1e-6,
      maxStep: 300)
  }

  /// The force set.
  func forces() -> ReboostForces {
    var f = ReboostForces()
    switch gravity {
    case .zonal(let n):
      f.pointMass = PointMassGravity(.wgs84)
      f.zonal = ZonalGravity(.wgs84, maxDegree: min(max(n, 2), 6))
    case .egm96(let d, let m):
      f.harmonics = SphericalHarmonicGravity.egm96(degree: d, order: m)
    }
    switch atmosphere {
    case .none: break
    case .harrisPriester: f.harrisPriester = AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere())
    case .nrlmsise00(let w): f.nrlmsise = AtmosphericDrag(atmosphere: NRLMSISE00(spaceWeather: w))
    }
    if thirdBodies {
      f.sun = .sun
      f.moon = .moon
    }
    return f
  }

  /// Drag properties.
  var properties: SpacecraftProperties {
    SpacecraftProperties(dragArea: dragArea, dragCoefficient: dragCoefficient)
  }
}

/// The reboost force set as one concrete value (optional members, no existentials).
///
/// References: see `ReboostEnvironment`.
public struct ReboostForces: ForceModel {
  /// Central term (with `zonal`).
  public var pointMass: PointMassGravity?
  /// Zonal terms (no central term).
  public var zonal: ZonalGravity?
  /// EGM96 harmonics with the central term.
  public var harmonics: SphericalHarmonicGravity?
  /// Drag with NRLMSISE-00.
  public var nrlmsise: AtmosphericDrag<NRLMSISE00>?
  /// Drag with Harris–Priester.
  public var harrisPriester: AtmosphericDrag<HarrisPriesterAtmosphere>?
  /// The Sun.
  public var sun: ThirdBodyGravity?
  /// The Moon.
  public var moon: ThirdBodyGravity?

  /// An empty set.
  public init() {}

  /// The union of the members' requirements.
  public var requirements: ForceContextRequirements {
    var r: ForceContextRequirements = []
    if let zonal { r.formUnion(zonal.requirements) }
    if let harmonics { r.formUnion(harmonics.requirements) }
    if let nrlmsise { r.formUnion(nrlmsise.requirements) }
    if let harrisPriester { r.formUnion(harrisPriester.requirements) }
    if let sun { r.formUnion(sun.requirements) }
    if let moon { r.formUnion(moon.requirements) }
    return r
  }

  /// The summed acceleration (m/s²).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    var a = Vector3.zero
    if let pointMass { a += pointMass.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let zonal { a += zonal.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let harmonics { a += harmonics.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let nrlmsise { a += nrlmsise.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let harrisPriester {
      a += harrisPriester.acceleration(position: position, velocity: velocity, mass: mass, context: context)
    }
    if let sun { a += sun.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    if let moon { a += moon.acceleration(position: position, velocity: velocity, mass: mass, context: context) }
    return a
  }
}
