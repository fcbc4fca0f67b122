// Thruster presets for ISS reboosts, each number with its source (see the `source` text of each).

/// A thruster (or a set of thrusters fired together) as a constant-thrust, constant-Isp engine.
///
/// References: the sources given in each preset's `source`; g0 = 9.80665 m/s² (standard gravity,
/// CGPM 1901 / ISO 80000-3).
public struct Thruster: Hashable, Sendable {
  /// The lookup name (lower-case, kebab-case), e.g. `progress`.
  public var name: String
  /// A human-readable description.
  public var displayName: String
  /// Total thrust of the set fired together (N).
  public var thrust: Double
  /// Specific impulse (s).
  public var specificImpulse: Double
  /// Where the numbers come from, with dates, and what is assumed.
  public var source: String

  /// Standard gravity g0 (m/s²) relating Isp to exhaust velocity.
  public static let standardGravity = 9.80665

  /// A thruster.
  /// - Parameters:
  ///   - name: the lookup name.
  ///   - displayName: a description.
  ///   - thrust: total thrust (N).
  ///   - specificImpulse: specific impulse (s).
  ///   - source: where the numbers come from.
  public init(name: String, displayName: String, thrust: Double, specificImpulse: Double, source: String) {
    self.name = name
    self.displayName = displayName
    self.thrust = thrust
    self.specificImpulse = specificImpulse
    self.source = source
  }

  /// Exhaust velocity Isp·g0 (m/s).
  public var exhaustVelocity: Double { specificImpulse * Self.standardGravity }
  /// Propellant mass flow F/(Isp·g0) (kg/s).
  public var massFlowRate: Double { thrust / exhaustVelocity }

  /// Zvezda service module main engines, both fired together.
  ///
  /// Thrust 6 280 N is *derived* from a reported burn: Roscosmos via Interfax, 2023-08-24, "the
  /// module's engines … functioned for 21.5 seconds and changed the station's velocity by
  /// 0.3 m/s"; with an ISS mass of 450 t, F = mΔv/t ≈ 6.28 kN (two engines of ~3.1 kN). Isp 302 s is
  /// *assumed* equal to that of the S5.80 (KTDU-80) engine of Soyuz/Progress on the same
  /// UDMH/N2O4 propellants; no Zvezda-specific figure was found in the sources searched.
  ///
  /// References: Interfax, "Russian ISS module's engines burned to evade space debris –
  /// Roscosmos", 2023-08-24; KTDU-80 data (S5.80: 2.95 kN, 302 s), Wikipedia "KTDU-80".
  public static let zvezda = Thruster(
    name: "zvezda", displayName: "Zvezda service module main engines (2, fired together)",
    thrust: 6_280, specificImpulse: 302,
    source:
      "thrust derived from Interfax 2023-08-24 (21.5 s, 0.3 m/s) with ISS mass 450 t; Isp assumed = S5.80 (302 s, KTDU-80 data)"
  )

  /// Progress MS reboost thrusters: the eight aft-firing DPO-B approach and attitude-control
  /// thrusters (11D428A-16, 130 N each), which is how Progress reboosts the station; the KTDU-80
  /// main engine (`progressMainEngine`) is not used while docked.
  ///
  /// Number fired: eight ("gli otto vettori direzionali", Roscosmos via AstronautiNEWS, November
  /// 2010, for Progress M-07M; New Scientist, 2005-11-11, reports four firing on a 2005 reboost). Thrust per
  /// thruster: 130 N, 28 on each Soyuz/Progress (KTDU-80 description; NIIMash via Roscosmos,
  /// 2022-06-20, for the count and designation 11D428A-16). Isp 290 s is *assumed* (not found in
  /// the sources searched; the main engine on the same propellants reaches 302 s).
  ///
  /// Caution: reported reboosts imply less thrust than 8 × 130 N at 450 t: Progress MS-24
  /// (2023-11-10, 905.7 s, 1.43 m/s, per the issue) gives F = mΔv/t ≈ 710 N. Fewer thrusters at a
  /// time, cant angles or a smaller thrust per thruster would explain it; the planner should
  /// calibrate against reported burns.
  ///
  /// References: AstronautiNEWS, "Aumentata la quota di ISS", 2010-11; New Scientist, "Space
  /// station gets bumper boost", 2005-11-11; kosmosnews.fr "Les moteurs du NIIMash" (Roscosmos),
  /// 2022-06-20; KTDU-80 description (28 × 130 N thrusters).
  public static let progress = Thruster(
    name: "progress", displayName: "Progress MS DPO-B thrusters (8 aft-firing, 130 N each)",
    thrust: 8 * 130, specificImpulse: 290,
    source:
      "8 DPO-B (11D428A-16) thrusters x 130 N (KTDU-80 description; Roscosmos/NIIMash 2022-06-20; AstronautiNEWS 2010-11); Isp 290 s assumed"
  )

  /// Progress/Soyuz KTDU-80 main engine S5.80: 2 950 N, Isp 302 s. Used for the free-flying
  /// vehicle's own manoeuvres, not for station reboosts; provided for comparison.
  ///
  /// References: KTDU-80 description (Wikipedia "KTDU-80"; S5.80 2.95 kN, 302 s, expansion 153.8).
  public static let progressMainEngine = Thruster(
    name: "progress-ktdu", displayName: "Progress KTDU-80 main engine S5.80",
    thrust: 2_950, specificImpulse: 302,
    source: "S5.80: 2.95 kN, 302 s (KTDU-80 description)")

  /// Cygnus delta-velocity main engine (IHI BT-4, gimballed), the engine Cygnus fired to reboost
  /// the ISS: NG-17 on 2022-06-25 fired "its gimbaled delta velocity engine for a total of 301
  /// seconds" (Northrop Grumman via Universe Today, 2022-06-28); NG-19 fired its "delta velocity
  /// thruster" for 22 min 48 s on 2023-08-11 (Aviation Week). Thrust 450 N and Isp ≈ 300 s are the
  /// BT-4's (IHI Aerospace; Wikipedia gives 500 N class).
  /// Check: 450 N × 301 s / 450 t = 0.30 m/s ⇒ Δa ≈ 0.53 km; reported: perigee +0.8 km, apogee
  /// +0.2 km (Δa ≈ 0.5 km).
  ///
  /// References: Universe Today, "Cygnus boosts the International Space Station for the first
  /// time", 2022-06-28; Aviation Week, "Northrop Grumman demos space station reboost capability",
  /// 2023-08; BT-4 (rocket engine) entries (Wikipedia; Grokipedia: 450 N, ~300 s).
  public static let cygnus = Thruster(
    name: "cygnus", displayName: "Cygnus delta-velocity engine (IHI BT-4)",
    thrust: 450, specificImpulse: 300,
    source: "BT-4: 450 N, ~300 s (IHI Aerospace via BT-4 entries); used for NG-17 (2022-06-25) and NG-19 (2023-08-11) reboosts")

  /// All presets, in lookup order.
  public static let presets: [Thruster] = [zvezda, progress, progressMainEngine, cygnus]

  /// The preset with this name (case-insensitive), e.g. `progress`, `zvezda`, `cygnus`.
  /// - Throws: `ThrusterError.unknownName` listing the valid names.
  public static func preset(named name: String) throws(ThrusterError) -> Thruster {
    let key = name.lowercased()
    guard let t = presets.first(where: { $0.name == key }) else {
      throw .unknownName(name, valid: presets.map(\.name))
    }
    return t
  }
}

/// An error looking up a thruster preset.
public enum ThrusterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No preset has this name; `valid` lists the names that exist.
  case unknownName(String, valid: [String])

  /// A one-line message listing the valid names.
  public var description: String {
    switch self {
    case .unknownName(let name, let valid):
      "unknown thruster '\(name)'; valid names: \(valid.joined(separator: ", "))"
    }
  }
}
