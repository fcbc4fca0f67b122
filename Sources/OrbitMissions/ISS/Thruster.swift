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

  /// Progress MS reboost thrusters: the aft-firing DPO-B approach and attitude-control
  /// thrusters (11D428A-16, 130 N each, 28 on the vehicle), which is how a docked Progress
  /// reboosts the station; the KTDU-80 main engine (`progressMainEngine`) is not used while docked.
  ///
  /// **Thrust 770 N is an effective value, calibrated** on the three reported burns of issue 5
  /// with the ISS mass of `ISSModel.reference` (450 t): Progress MS-24 2023-11-10 (905.7 s →
  /// 1.43 m/s, +2.5 km), Progress MS-28 2025 (811.3 s → 1.3 m/s, +2.3 km) and Progress MS-22
  /// 2023-02-20 (958.32 s → 1.8 m/s, +3.2 km; Roscosmos via Interfax, 2023-02-20). Their implied
  /// accelerations F/m are 1.58, 1.60 and 1.88 mm/s², so no single thrust fits all three better
  /// than ±9.5 %; 770 N (1.711 mm/s² at 450 t) is the minimax of the relative Δa errors flown on
  /// the J2 + NRLMSISE-00 model (`ReboostReportedBurnTests`: +9.6 %, +6.5 %, −9.5 % in Δa;
  /// +8.4 %, +6.8 %, −8.9 % in Δv). Checked, not fitted, on six further Roscosmos reports
  /// (2023-01-18 MS-20, 2023-07-05 MS-22, 2023-10-19 MS-24, 2024-09-06 MS-28, 2024-11-19 MS-28,
  /// 2025-02-01 MS-28): within 18 % in Δv. Only the ratio F/m is calibrated: with another mass
  /// the thrust stays 770 N.
  ///
  /// The nameplate figure, eight thrusters × 130 N = 1 040 N ("gli otto vettori direzionali",
  /// Roscosmos via AstronautiNEWS, 2010-11, Progress M-07M; 130 N and 11D428A-16 from the KTDU-80
  /// description and NIIMash via Roscosmos, 2022-06-20), gives ~45 % more Δv than reported;
  /// fewer thrusters firing at a time (New Scientist, 2005-11-11, reports four), their cant
  /// angles, or off-pulsing for attitude control would explain the difference; which of these
  /// applies was not established in the sources searched. Isp 290 s is *assumed* (the main engine
  /// on the same propellants reaches 302 s), so the propellant figures carry that assumption.
  ///
  /// References: Interfax, "ISS orbit adjusted before Soyuz MS-22 descent", 2023-02-20; issue 5
  /// (FACTS.md "ISS reboost and decay": MS-24 via Interfax, MS-28 2025, MS-22 via
  /// raumfahrer.net); AstronautiNEWS, "Aumentata la quota di ISS", 2010-11; New Scientist,
  /// "Space station gets bumper boost", 2005-11-11; kosmosnews.fr "Les moteurs du NIIMash"
  /// (Roscosmos), 2022-06-20; KTDU-80 description (28 × 130 N thrusters).
  public static let progress = Thruster(
    name: "progress", displayName: "Progress MS DPO-B thrusters (effective thrust calibrated on reported reboosts)",
    thrust: 770, specificImpulse: 290,
    source:
      "effective 770 N calibrated (minimax) on Progress MS-24 2023-11-10, MS-28 2025, MS-22 2023-02-20 reboosts at ISS mass 450 t (nameplate 8 DPO-B x 130 N = 1040 N gives ~45 % too much); Isp 290 s assumed"
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
