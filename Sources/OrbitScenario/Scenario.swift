import OrbitCore

/// A validated scenario: the Swift form of a scenario JSON file (schema version 1).
///
/// Built only by `ScenarioLoader`/`ScenarioValidator`, which check every key; see
/// `Scenarios/README.md` for the file format.
public struct Scenario: Sendable, Equatable {
  /// The schema version this build reads.
  public static let currentSchemaVersion = 1

  /// `schema_version`; always `currentSchemaVersion` once validated.
  public var schemaVersion: Int
  /// `name`: a file-system-safe identifier, used for the default output directory.
  public var name: String
  /// `description`, free text.
  public var description: String?
  /// `kind`.
  public var kind: Kind
  /// `epoch`: the start instant, with the scale and text it was given in.
  public var epoch: ScenarioEpoch
  /// `central_body`.
  public var centralBody: CentralBodyModel
  /// `spacecraft`.
  public var spacecraft: SpacecraftSpec
  /// `propagator`: one or more propagators, in file order, without duplicates.
  public var propagators: [PropagatorKind]
  /// `duration_s`: the span to propagate from the epoch (s, > 0).
  public var durationSeconds: Double
  /// `step_s`: the output step (s, > 0).
  public var stepSeconds: Double
  /// `outputs`: files to write.
  public var outputs: [OutputSpec]
  /// `numerical`: force models, integrator and tolerances; set when `propagator` lists
  /// `numerical` (nil otherwise).
  public var numerical: NumericalSettings? = nil
  /// `maneuvers`: impulsive and finite burns of the numerical propagator.
  public var maneuvers: [ManeuverSpec] = []
  /// `events`: events the numerical propagator locates.
  public var events: [EventSpec] = []

  /// The scenario kinds.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Propagate one spacecraft with one or more propagators (analytical, SGP4, numerical).
    case propagate
  }

  /// The output times (s since the epoch): 0, step, 2·step, … and the final `duration_s`
  /// even when it is not a multiple of the step. Each is `i × step` (no accumulation).
  public var outputTimes: [Double] {
    var times: [Double] = []
    let count = Int((durationSeconds / stepSeconds).rounded(.down))
    times.reserveCapacity(count + 2)
    for i in 0...count {
      let t = Double(i) * stepSeconds
      if t > durationSeconds { break }
      times.append(t)
    }
    // Add the end unless the last multiple already lands on it (within a nanosecond).
    if let last = times.last, durationSeconds - last > 1e-9 { times.append(durationSeconds) }
    return times
  }
}

/// The `epoch` object: exactly one of `utc`, `tai`, `tt`.
public struct ScenarioEpoch: Sendable, Equatable {
  /// The scale the text is in.
  public var scale: EpochScale
  /// The ISO-8601 text as written in the file.
  public var text: String
  /// The instant.
  public var epoch: Epoch

  /// The scales an epoch may be given in.
  public enum EpochScale: String, Sendable, Equatable, CaseIterable {
    case utc, tai, tt
    /// The OrbitCore scale.
    public var timeScale: TimeScale {
      switch self {
      case .utc: .utc
      case .tai: .tai
      case .tt: .tt
      }
    }
  }
}

/// The `central_body` presets.
public enum CentralBodyModel: String, Sendable, Equatable, CaseIterable {
  /// WGS-84 Earth (the default): μ = 398600.4418 km³/s², Rₑ = 6378.137 km,
  /// J2 = −√5·C̄20 with C̄20 = −4.84166774985e-4 (OrbitCore `CentralBody.wgs84`).
  case wgs84
  /// EGM96 Earth: μ = 398600.4415 km³/s², Rₑ = 6378.1363 km, J2 ≈ 1.08262668e-3
  /// (OrbitCore `CentralBody.egm96`).
  case egm96
}

/// The `spacecraft` object.
public struct SpacecraftSpec: Sendable, Equatable {
  /// `name`, optional free text used in reports.
  public var name: String?
  /// `orbit` or `tle`: the initial orbit at the scenario epoch.
  public var orbit: InitialOrbit
  /// `mass_kg`, `drag_area_m2`, `cd`, `srp_area_m2`, `cr` (defaults in `SpacecraftPhysics.default`).
  public var physics: SpacecraftPhysics = .default
  /// `dry_mass_kg`: the mass left without propellant (kg, default 0).
  public var dryMassKg: Double = 0
}

/// The `spacecraft.orbit` object: exactly one of `keplerian` or `cartesian`.
public enum InitialOrbit: Sendable, Equatable {
  /// Osculating Keplerian elements (km, degrees).
  case keplerian(KeplerianSpec)
  /// A GCRF Cartesian state (km, km/s).
  case cartesian(CartesianSpec)
  /// A two-line element set: SGP4 propagates it; the other propagators start from SGP4's
  /// state at the scenario epoch, turned from TEME into GCRF.
  case tle(TLE)
}

/// `spacecraft.orbit.keplerian`: osculating elements in the GCRF, as written in the file.
public struct KeplerianSpec: Sendable, Equatable {
  /// `semi_major_axis_km` (km, > 0).
  public var semiMajorAxisKm: Double
  /// `eccentricity` (in [0, 1)).
  public var eccentricity: Double
  /// `inclination_deg` (deg, in [0, 180]).
  public var inclinationDeg: Double
  /// `raan_deg` (deg, any finite value).
  public var raanDeg: Double
  /// `arg_perigee_deg` (deg, any finite value).
  public var argPerigeeDeg: Double
  /// `true_anomaly_deg` (deg, any finite value).
  public var trueAnomalyDeg: Double
}

/// `spacecraft.orbit.cartesian`: a GCRF state, as written in the file.
public struct CartesianSpec: Sendable, Equatable {
  /// `position_km` (km).
  public var positionKm: SIMD3<Double>
  /// `velocity_km_s` (km/s).
  public var velocityKmPerSecond: SIMD3<Double>
}

/// The propagators a `propagate` scenario can run.
public enum PropagatorKind: String, Sendable, Equatable, CaseIterable {
  /// Two-body Keplerian motion.
  case kepler
  /// Two-body motion plus the secular J2 drift of RAAN, argument of perigee and mean anomaly.
  case j2Secular = "j2-secular"
  /// SGP4/SDP4 from `spacecraft.tle` (TEME states turned into GCRF).
  case sgp4
  /// Numerical (Cowell) propagation with the `numerical` settings.
  case numerical
}

/// One entry of `outputs`.
public struct OutputSpec: Sendable, Equatable {
  /// `format`.
  public var format: Format
  /// `file`: a plain file name (no directory part), unique among the outputs.
  public var file: String
  /// `frame`: the frame of the written states (only `gcrf` for now; the default).
  public var frame: Frame

  /// Output file formats.
  public enum Format: String, Sendable, Equatable, CaseIterable {
    /// Comma-separated values, one row per propagator and output time.
    case csv
    /// One JSON document with every propagator's states and the summary.
    case json
    /// CCSDS OEM 2.0 (KVN), one segment per propagator, epochs in UTC.
    case oem
  }
}
