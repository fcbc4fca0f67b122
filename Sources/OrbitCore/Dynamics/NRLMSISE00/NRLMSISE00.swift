// NRLMSISE-00 empirical model of the neutral atmosphere, 0–1000 km and above.
//
// Model: J. M. Picone, A. E. Hedin, D. P. Drob and A. C. Aikin, "NRLMSISE-00 empirical model of
// the atmosphere: Statistical comparisons and scientific issues", J. Geophys. Res. 107(A12),
// 1468 (2002), doi:10.1029/2002JA009430; built on MSIS-86 (Hedin 1987, J. Geophys. Res. 92(A5),
// 4649) and MSISE-90 (Hedin 1991, J. Geophys. Res. 96(A2), 1159). Structure as in the NRL
// distribution (NRLMSISE-00.DIST17): GTD7 (all altitudes), GTS7 (thermosphere ≥ 72.5 km),
// GTD7D (drag density including anomalous oxygen).
// Coefficient numbers: the NRL block data GTD7BK as carried by D. Brodowski's C port
// (nrlmsise-00_data.c) in the `nrlmsise00` 0.1.2 PyPI source package — see
// Tests/ReferenceData/nrlmsise00/PROVENANCE.md (public domain; NRL notice reproduced there).
// Only the standard switch settings are modelled (all variations on), with the daily-Ap mode or
// the 3-hourly AP-array mode (the model's switch 9 = 1 or −1). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The NRLMSISE-00 neutral-atmosphere model with space weather from a `SpaceWeather` look-up.
///
/// As an `Atmosphere`, the density at a GCRF position is the model's effective total mass density
/// for drag (GTD7D: all species including anomalous oxygen) at the WGS-84 geodetic latitude,
/// longitude and height, with the UTC day of year and seconds of day of the context's epoch and
/// the local solar time `UT + longitude/15°` (the form the model was fitted with).
///
/// Space weather: previous-day observed F10.7, the 81-day centred mean, daily Ap (or the
/// 3-hourly AP array with `magneticMode == .apHistory`), from `spaceWeather`. When the epoch is
/// not covered and no fallback is configured, `density(position:context:)` returns NaN (the hot
/// path does not throw; a numerical propagator reports the non-finite state); check coverage
/// first with `spaceWeather.indices(at:)`, which throws `SpaceWeatherError`.
///
/// Accuracy: reproduces the NRL model; Orbit's implementation agrees with pymsis 0.13.0
/// (NRL Fortran, version 0) to ~1e-5 relative in density at 200+ points 100–1000 km (the Fortran
/// runs in single precision) — see NRLMSISE00ReferenceTests. The model itself has ~15 % (1σ)
/// density errors against drag data (Picone et al. 2002).
/// References: Picone et al. (2002) J. Geophys. Res. 107(A12), 1468; Hedin (1987, 1991).
public struct NRLMSISE00: Atmosphere {
  /// Which geomagnetic input the model uses.
  public enum MagneticMode: Sendable, Hashable {
    /// Daily Ap (switch 9 = 1, the default).
    case dailyAp
    /// The 7-element 3-hourly AP array (switch 9 = −1, "storm-time" mode).
    case apHistory
  }

  /// The model's inputs at one point, in SI units (the model itself works in km, cm⁻³ and g).
  @frozen
  public struct Input: Sendable, Hashable {
    /// Day of year (1…366, UTC).
    public var dayOfYear: Int
    /// UTC seconds of the day (s).
    public var secondsOfDay: Double
    /// Height above the WGS-84 ellipsoid (m).
    public var altitude: Double
    /// Geodetic latitude (rad).
    public var latitude: Double
    /// Geodetic longitude, east positive (rad).
    public var longitude: Double
    /// Local apparent solar time (s, 0…86 400; the model recommends UT + longitude/15°).
    public var localSolarTime: Double
    /// Observed F10.7 of the previous day (sfu).
    public var f107: Double
    /// 81-day mean of observed F10.7 centred on the day (sfu).
    public var f107Average: Double
    /// Daily Ap.
    public var ap: Double
    /// The 3-hourly AP array; when non-nil the model runs in its switch 9 = −1 mode.
    public var apHistory: ApHistory?

    /// The inputs (units as the properties).
    ///
    /// - Parameters:
    ///   - dayOfYear: UTC day of year (1…366).
    ///   - secondsOfDay: UTC seconds of day (s).
    ///   - altitude: geodetic height (m).
    ///   - latitude: geodetic latitude (rad).
    ///   - longitude: longitude (rad).
    ///   - localSolarTime: local solar time (s); nil for UT + longitude/15°.
    ///   - f107: previous-day observed F10.7 (sfu).
    ///   - f107Average: 81-day centred mean of observed F10.7 (sfu).
    ///   - ap: daily Ap.
    ///   - apHistory: the AP array for the 3-hourly mode (default nil: daily mode).
    @inlinable
    public init(
      dayOfYear: Int, secondsOfDay: Double, altitude: Double, latitude: Double, longitude: Double,
      localSolarTime: Double? = nil, f107: Double, f107Average: Double, ap: Double,
      apHistory: ApHistory? = nil
    ) {
      self.dayOfYear = dayOfYear
      self.secondsOfDay = secondsOfDay
      self.altitude = altitude
      self.latitude = latitude
      self.longitude = longitude
      self.localSolarTime = localSolarTime ?? (secondsOfDay + longitude * (43_200 / Double.pi))
      self.f107 = f107
      self.f107Average = f107Average
      self.ap = ap
      self.apHistory = apHistory
    }
  }

  /// The model's outputs in SI units.
  @frozen
  public struct Output: Sendable, Hashable {
    /// Number density of He (m⁻³).
    public var helium: Double
    /// Number density of atomic O (m⁻³).
    public var atomicOxygen: Double
    /// Number density of N2 (m⁻³).
    public var nitrogen: Double
    /// Number density of O2 (m⁻³).
    public var oxygen: Double
    /// Number density of Ar (m⁻³).
    public var argon: Double
    /// Number density of H (m⁻³).
    public var hydrogen: Double
    /// Number density of atomic N (m⁻³).
    public var atomicNitrogen: Double
    /// Number density of anomalous (hot) oxygen (m⁻³).
    public var anomalousOxygen: Double
    /// Total mass density without anomalous oxygen (kg/m³; the model's GTD7 `D(6)`).
    public var massDensity: Double
    /// Effective total mass density for drag, including anomalous oxygen (kg/m³; GTD7D `D(6)`).
    public var dragMassDensity: Double
    /// Exospheric temperature (K).
    public var exosphericTemperature: Double
    /// Neutral temperature at the altitude (K).
    public var temperature: Double
  }

  /// The coefficient tables (default: the NRL distribution's).
  public let coefficients: NRLMSISE00Coefficients
  /// The space-weather look-up used by `density(position:context:)`.
  public let spaceWeather: SpaceWeather
  /// Daily Ap or the 3-hourly AP array.
  public let magneticMode: MagneticMode
  /// Leap seconds for reading the context's TAI epoch as UTC.
  public let leapSeconds: LeapSecondTable

  /// The model with the built-in coefficients.
  ///
  /// - Parameters:
  ///   - spaceWeather: the index look-up (default: the built-in history, no fallback).
  ///   - magneticMode: `.dailyAp` (default) or `.apHistory`.
  ///   - leapSeconds: leap-second table (default: built in).
  ///   - coefficients: coefficient tables (default: `NRLMSISE00Coefficients.standard`).
  public init(
    spaceWeather: SpaceWeather = .builtIn, magneticMode: MagneticMode = .dailyAp,
    leapSeconds: LeapSecondTable = .builtIn, coefficients: NRLMSISE00Coefficients = .standard
  ) {
    self.coefficients = coefficients
    self.spaceWeather = spaceWeather
    self.magneticMode = magneticMode
    self.leapSeconds = leapSeconds
  }

  // MARK: - Atmosphere

  /// Effective mass density for drag (kg/m³) at a GCRF position; NaN when the space weather for
  /// the epoch is unavailable and no fallback is configured.
  ///
  /// - Parameters:
  ///   - position: geocentric position in GCRF (m).
  ///   - context: the instant and its GCRF → ITRF rotation.
  /// - Returns: ρ (kg/m³).
  /// - References: Picone et al. (2002); NRLMSISE-00 GTD7D.
  public func density(position: Vector3, context: ForceContext) -> Double {
    guard let input = input(position: position, epoch: context.epoch, gcrfToITRF: context.gcrfToITRF)
    else { return .nan }
    return evaluate(input).dragMassDensity
  }

  /// The model inputs at a GCRF position and epoch, with space weather from `spaceWeather`; nil
  /// when the epoch is uncovered and there is no fallback (or before 1972).
  ///
  /// - Parameters:
  ///   - position: geocentric GCRF position (m).
  ///   - epoch: the instant.
  ///   - gcrfToITRF: the rotation to ITRF at `epoch`.
  /// - Returns: the inputs, or nil.
  public func input(position: Vector3, epoch: Epoch, gcrfToITRF: Matrix3) -> Input? {
    guard let utc = leapSeconds.utc(fromTAI: epoch.wholeSeconds) else { return nil }
    let seconds = Double(utc.secondOfDay) + epoch.fraction
    guard let w = spaceWeather.indicesIfAvailable(mjd: utc.mjd, secondOfDay: seconds) else { return nil }
    let g = ReferenceEllipsoid.wgs84.geodetic(from: gcrfToITRF * position)
    let doy = CivilDate(modifiedJulianDay: utc.mjd).dayOfYear
    return Input(
      dayOfYear: doy, secondsOfDay: seconds, altitude: g.altitude, latitude: g.latitude,
      longitude: g.longitude, f107: w.f107, f107Average: w.f107Average, ap: w.ap,
      apHistory: magneticMode == .apHistory ? w.apHistory : nil)
  }

  // MARK: - Model

  /// Evaluates the model at one point (all altitudes; below 72.5 km the middle-atmosphere
  /// profiles apply and O, H, N and anomalous O are zero).
  ///
  /// Non-throwing and non-allocating. Outside the model's domain (e.g. negative F10.7) the
  /// result may be NaN or ∞.
  /// - Parameter input: the inputs (SI).
  /// - Returns: densities and temperatures (SI).
  /// - References: Picone et al. (2002); NRLMSISE-00 GTD7/GTD7D.
  public func evaluate(_ input: Input) -> Output {
    let c = coefficients
    let d = Drivers(input)
    let altitudeKM = input.altitude / 1000.0
    let gravity = Gravity(latitudeDegrees: d.latitudeDegrees)
    let mesosphereTop = 72.5
    let upper = Self.thermosphere(altitude: max(altitudeKM, mesosphereTop), drivers: d, gravity: gravity, c)
    if altitudeKM >= mesosphereTop {
      return Self.output(upper.densities, upper.exosphericTemperature, upper.temperature)
    }
    return Self.middleAtmosphere(altitude: altitudeKM, upper: upper, drivers: d, gravity: gravity, c)
  }

  /// Converts the model's CGS number densities (cm⁻³, order He, O, N2, O2, Ar, H, N, anomalous O)
  /// to the SI output.
  static func output(_ n: InlineArray<8, Double>, _ tinf: Double, _ t: Double) -> Output {
    let amu = 1.66e-24  // g, the model's mass unit
    let rho = amu * (4.0 * n[0] + 16.0 * n[1] + 28.0 * n[2] + 32.0 * n[3] + 40.0 * n[4] + n[5] + 14.0 * n[6])
    let rhoDrag =
      amu * (4.0 * n[0] + 16.0 * n[1] + 28.0 * n[2] + 32.0 * n[3] + 40.0 * n[4] + n[5] + 14.0 * n[6] + 16.0 * n[7])
    return Output(
      helium: n[0] * 1e6, atomicOxygen: n[1] * 1e6, nitrogen: n[2] * 1e6, oxygen: n[3] * 1e6,
      argon: n[4] * 1e6, hydrogen: n[5] * 1e6, atomicNitrogen: n[6] * 1e6, anomalousOxygen: n[7] * 1e6,
      massDensity: rho * 1000, dragMassDensity: rhoDrag * 1000, exosphericTemperature: tinf,
      temperature: t)
  }
}
