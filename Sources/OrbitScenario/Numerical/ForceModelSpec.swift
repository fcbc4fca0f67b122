import OrbitCore

/// The force models of a numerical propagation, as named on the command line
/// (`--forces point-mass,j2,sun`) and in scenario files (`"forces": ["point-mass", "j2"]`).
///
/// One gravity model: `point-mass` (μ/r² only), `j2` (point mass + J2), `zonal6` (point mass +
/// J2…J6, closed form) or `egm96:DxO` (EGM96 spherical harmonics to degree D and order M,
/// including the central term). `point-mass` may be listed with the others (it is implied by
/// them). Then any of `drag:harris-priester`, `drag:exponential`, `sun`, `moon`, `srp`.
public struct ForceModelSpec: Sendable, Equatable {
  /// The gravity field.
  public enum Gravity: Sendable, Equatable {
    /// Central body μ/r² only.
    case pointMass
    /// Point mass plus J2 (closed form).
    case j2
    /// Point mass plus J2…J6 (closed form).
    case zonal6
    /// EGM96 harmonics to `degree` × `order`, with the central term.
    case egm96(degree: Int, order: Int)
  }

  /// The atmosphere of the drag force.
  public enum DragAtmosphere: String, Sendable, Equatable, CaseIterable {
    /// Harris–Priester with its diurnal bulge (M&G Table 3.8), n = 3.
    case harrisPriester = "harris-priester"
    /// Exponential bands of Vallado Table 8-4.
    case exponential
  }

  /// The gravity field.
  public var gravity: Gravity
  /// Drag and its atmosphere, or nil.
  public var drag: DragAtmosphere?
  /// Sun point mass (third body).
  public var sun: Bool
  /// Moon point mass (third body).
  public var moon: Bool
  /// Solar radiation pressure (cannonball, conical shadow).
  public var srp: Bool

  /// A force set from its parts.
  public init(gravity: Gravity, drag: DragAtmosphere? = nil, sun: Bool = false, moon: Bool = false, srp: Bool = false) {
    self.gravity = gravity
    self.drag = drag
    self.sun = sun
    self.moon = moon
    self.srp = srp
  }

  /// The default set: `point-mass,j2`.
  public static let `default` = ForceModelSpec(gravity: .j2)

  /// Highest EGM96 degree accepted.
  public static let maximumEGM96Degree = 360

  /// The names accepted, for messages.
  public static let allowedNames =
    "point-mass, j2, zonal6, egm96:DxO (e.g. egm96:20x20), drag:harris-priester, drag:exponential, sun, moon, srp"

  /// Whether a force depends on the velocity (drag), which rules out Nyström integrators.
  public var hasVelocityDependentForces: Bool { drag != nil }

  /// Whether the spacecraft's drag properties are used.
  public var needsDragProperties: Bool { drag != nil }

  /// The names of this set in canonical order (`point-mass`, `j2`, …).
  public var names: [String] {
    var out: [String]
    switch gravity {
    case .pointMass: out = ["point-mass"]
    case .j2: out = ["point-mass", "j2"]
    case .zonal6: out = ["point-mass", "zonal6"]
    case .egm96(let d, let m): out = ["egm96:\(d)x\(m)"]
    }
    if let drag { out.append("drag:\(drag.rawValue)") }
    if sun { out.append("sun") }
    if moon { out.append("moon") }
    if srp { out.append("srp") }
    return out
  }

  /// Parses a list of force names; the error is one line without the option or path prefix.
  public static func parse(_ names: [String]) -> Result<ForceModelSpec, ForceModelSpecError> {
    if names.isEmpty { return .failure(.init(index: nil, message: "no force models given (expected \(allowedNames))")) }
    var pointMass = false
    var gravity: Gravity? = nil
    var gravityName: String? = nil
    var drag: DragAtmosphere? = nil
    var sun = false, moon = false, srp = false
    var seen: Set<String> = []
    for (i, raw) in names.enumerated() {
      let name = raw
      if seen.contains(name) { return .failure(.init(index: i, message: "\"\(name)\" is listed twice")) }
      seen.insert(name)
      func setGravity(_ g: Gravity) -> ForceModelSpecError? {
        if let gravityName {
          return .init(index: i, message: "\"\(name)\" and \"\(gravityName)\" are both gravity fields; list one (each includes the point mass)")
        }
        gravity = g
        gravityName = name
        return nil
      }
      switch name {
      case "point-mass": pointMass = true
      case "j2": if let e = setGravity(.j2) { return .failure(e) }
      case "zonal6": if let e = setGravity(.zonal6) { return .failure(e) }
      case "sun": sun = true
      case "moon": moon = true
      case "srp": srp = true
      case "drag":
        return .failure(.init(index: i, message: "\"drag\" needs an atmosphere: drag:harris-priester or drag:exponential"))
      default:
        if name.hasPrefix("drag:") {
          let model = String(name.dropFirst(5))
          guard let atmosphere = DragAtmosphere(rawValue: model) else {
            return .failure(.init(index: i, message: "unknown atmosphere \"\(model)\" (expected harris-priester, exponential)"))
          }
          if drag != nil { return .failure(.init(index: i, message: "drag is listed twice")) }
          drag = atmosphere
        } else if name.hasPrefix("egm96") {
          guard name.hasPrefix("egm96:") else {
            return .failure(.init(index: i, message: "\"\(name)\": give the degree and order, e.g. egm96:20x20"))
          }
          let dims = name.dropFirst(6).split(separator: "x", omittingEmptySubsequences: false)
          guard dims.count == 2, let d = Int(dims[0]), let m = Int(dims[1]),
            dims[0].allSatisfy(\.isASCII), dims[1].allSatisfy(\.isASCII)
          else {
            return .failure(.init(index: i, message: "\"\(name)\": expected egm96:DxO with integer degree and order, e.g. egm96:20x20"))
          }
          guard d >= 2 && d <= maximumEGM96Degree else {
            return .failure(.init(index: i, message: "\"\(name)\": degree must be in 2…\(maximumEGM96Degree)"))
          }
          guard m >= 0 && m <= d else {
            return .failure(.init(index: i, message: "\"\(name)\": order must be in 0…degree (\(d))"))
          }
          if let e = setGravity(.egm96(degree: d, order: m)) { return .failure(e) }
        } else {
          var message = "unknown force model \"\(name)\" (expected \(allowedNames))"
          let known = ["point-mass", "j2", "zonal6", "sun", "moon", "srp", "drag:harris-priester", "drag:exponential"]
          if let guess = closest(to: name, in: known) { message = "unknown force model \"\(name)\" (did you mean \(guess)?)" }
          return .failure(.init(index: i, message: message))
        }
      }
    }
    guard let g = gravity ?? (pointMass ? .pointMass : nil) else {
      return .failure(.init(index: nil, message: "no gravity field: list point-mass, j2, zonal6 or egm96:DxO"))
    }
    return .success(ForceModelSpec(gravity: g, drag: drag, sun: sun, moon: moon, srp: srp))
  }
}

/// Why a force list was rejected: the message and, when one entry is at fault, its index.
public struct ForceModelSpecError: Error, Sendable, Equatable {
  /// The index of the entry at fault, or nil for the list as a whole.
  public var index: Int?
  /// What is wrong (one line).
  public var message: String
}

/// The integrators a numerical propagation can use.
public enum IntegratorKind: String, Sendable, Equatable, CaseIterable {
  /// Classical Runge–Kutta 4, fixed step.
  case rk4
  /// Dormand–Prince 5(4), adaptive.
  case dp54
  /// Prince–Dormand 8(7) 13 stages (RK8(7)13M), adaptive; the default.
  case dp87
  /// Runge–Kutta–Nyström 12(10), adaptive; velocity-independent forces only.
  case rkn1210
  /// Störmer–Cowell predictor–corrector (PEC, order 11), fixed step, one force evaluation a
  /// step; velocity-independent forces only.
  case sc11

  /// Whether the method is adaptive (has an error estimate).
  public var isAdaptive: Bool { self != .rk4 && self != .sc11 }

  /// Whether the method integrates r'' = a(t, r) only (no drag, no finite burns).
  public var needsVelocityIndependentForces: Bool { self == .rkn1210 || self == .sc11 }

  /// The method's name in messages.
  public var displayName: String {
    switch self {
    case .rk4: "rk4"
    case .dp54: "dp54"
    case .dp87: "dp87"
    case .rkn1210: "rkn1210 (Runge–Kutta–Nyström)"
    case .sc11: "sc11 (Störmer–Cowell)"
    }
  }
}

/// Spacecraft properties used by the surface forces.
public struct SpacecraftPhysics: Sendable, Equatable {
  /// Mass (kg).
  public var massKg: Double
  /// Drag area (m²).
  public var dragAreaM2: Double
  /// Drag coefficient.
  public var cd: Double
  /// SRP area (m²).
  public var srpAreaM2: Double
  /// Radiation pressure coefficient.
  public var cr: Double

  /// Properties from their parts.
  public init(massKg: Double, dragAreaM2: Double, cd: Double, srpAreaM2: Double, cr: Double) {
    self.massKg = massKg
    self.dragAreaM2 = dragAreaM2
    self.cd = cd
    self.srpAreaM2 = srpAreaM2
    self.cr = cr
  }

  /// Defaults: 1 000 kg, 10 m², C_D 2.2, SRP area = drag area, C_R 1.3.
  public static let `default` = SpacecraftPhysics(massKg: 1000, dragAreaM2: 10, cd: 2.2, srpAreaM2: 10, cr: 1.3)

  /// The OrbitCore surface properties.
  public var properties: SpacecraftProperties {
    SpacecraftProperties(dragArea: dragAreaM2, dragCoefficient: cd, srpArea: srpAreaM2, reflectivityCoefficient: cr)
  }
}

/// Everything a numerical propagation needs besides the initial state.
public struct NumericalSettings: Sendable, Equatable {
  /// The force models.
  public var forces: ForceModelSpec
  /// The integrator.
  public var integrator: IntegratorKind
  /// Position tolerance per step (m); the velocity tolerance is this × 1e-3 s⁻¹.
  public var toleranceM: Double
  /// Smallest step (s) of the adaptive methods.
  public var minStepS: Double
  /// Largest step (s) of the adaptive methods.
  public var maxStepS: Double
  /// The step of the fixed-step methods `rk4` and `sc11` (s).
  public var fixedStepS: Double
  /// Spacecraft mass and surface properties.
  public var spacecraft: SpacecraftPhysics
  /// The central body for point mass and zonal terms (EGM96 uses its own μ and R).
  public var body: CentralBodyModel

  /// Defaults: `point-mass,j2`, `dp87`, 1e-6 m, steps 1e-6 … 3 600 s, RK4 step 10 s.
  public static let defaultToleranceM = 1e-6
  /// Default smallest step (s).
  public static let defaultMinStepS = 1e-6
  /// Default largest step (s).
  public static let defaultMaxStepS = 3600.0
  /// Default RK4 step (s).
  public static let defaultFixedStepS = 10.0

  /// Settings from their parts.
  public init(
    forces: ForceModelSpec = .default, integrator: IntegratorKind = .dp87,
    toleranceM: Double = NumericalSettings.defaultToleranceM,
    minStepS: Double = NumericalSettings.defaultMinStepS, maxStepS: Double = NumericalSettings.defaultMaxStepS,
    fixedStepS: Double = NumericalSettings.defaultFixedStepS, spacecraft: SpacecraftPhysics = .default,
    body: CentralBodyModel = .wgs84
  ) {
    self.forces = forces
    self.integrator = integrator
    self.toleranceM = toleranceM
    self.minStepS = minStepS
    self.maxStepS = maxStepS
    self.fixedStepS = fixedStepS
    self.spacecraft = spacecraft
    self.body = body
  }

  /// A problem with the combination, or nil: `rkn1210` or `sc11` with drag.
  public var combinationProblem: String? {
    if integrator.needsVelocityIndependentForces && forces.hasVelocityDependentForces {
      return "\(integrator.displayName) needs velocity-independent forces, but drag depends on the velocity; use dp87 or dp54"
    }
    return nil
  }

  /// The integrator options.
  public var options: IntegratorOptions {
    if !integrator.isAdaptive { return .fixed(step: fixedStepS, maxSteps: 10_000_000) }
    return IntegratorOptions(
      tolerance: IntegrationTolerance(position: toleranceM, velocity: toleranceM * 1e-3),
      minStep: minStepS, maxStep: maxStepS, maxSteps: 10_000_000)
  }
}
