// Daily launch windows to a target orbit from a pad: the times the pad crosses the target
// plane on a northbound pass, the liftoff a calibrated lead earlier, the phase angle at
// insertion and the rendezvous schemes it allows.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
import OrbitCore

/// One daily launch opportunity: the in-plane time and, for each rendezvous scheme, the
/// liftoff (the scheme's calibrated lead earlier), the insertion and whether the phase at
/// insertion lies in the scheme's window.
///
/// References: see `LaunchWindowPlanner`.
public struct LaunchWindow: Hashable, Sendable {
  /// One scheme's liftoff on this window.
  public struct Option: Hashable, Sendable {
    /// The scheme.
    public var scheme: PhasingScheme
    /// Liftoff: `inPlaneTime − AscentModel.inPlaneLead(for: scheme)`.
    public var liftoff: Epoch
    /// The ascent model's insertion for that liftoff.
    public var insertion: Insertion
    /// True when the phase at insertion lies in the scheme's window.
    public var isFeasible: Bool
  }

  /// When the pad lies in the target plane (the rotating Earth carries it through the plane).
  public var inPlaneTime: Epoch
  /// Launch azimuth for a great-circle ascent into the plane (rad from north, east positive):
  /// asin(cos i / cos φ) for the northbound pass.
  public var launchAzimuth: Double
  /// One option per scheme, fastest first.
  public var options: [Option]

  /// The schemes whose phase window contains the phase at insertion, fastest first.
  public var feasibleSchemes: [PhasingScheme] { options.filter(\.isFeasible).map(\.scheme) }
  /// The fastest feasible scheme, or nil when the phase allows none.
  public var recommendedScheme: PhasingScheme? { feasibleSchemes.first }
  /// The option of the recommended scheme, or the 2-orbit option when none is feasible.
  public var primary: Option { options.first(where: \.isFeasible) ?? options[0] }
  /// Liftoff of the primary option.
  public var liftoff: Epoch { primary.liftoff }
  /// Phase angle at insertion of the primary option (deg, 0…360; station ahead).
  public var phaseAngleDegrees: Double { primary.insertion.phaseAngleDegrees }
  /// The option for a scheme.
  public func option(_ scheme: PhasingScheme) -> Option { options.first { $0.scheme == scheme }! }
}

/// Finds launch windows from a pad to the orbit of an element set (normally the ISS).
///
/// The in-plane time is the instant at which the pad's inertial position lies in the target's
/// mean orbital plane (the SGP4 orbit normal averaged over one revolution, TEME; the pad from
/// ITRF through the IAU-76/FK5 chain) on the pass where the orbit, at the pad, heads north.
/// Soyuz flies to the ISS only on that pass: from Baikonur (46° N) the 51.6° plane is reached on a north-east azimuth (≈ 63°; launches
/// "head northeast of Baikonur", Spaceflight Now on Soyuz MS-19), over Kazakhstan and Russia
/// with the stages falling in that corridor's drop zones; the other daily crossing would need a
/// south-east ascent (≈ 117°) toward China and is never flown, so it is not a window.
/// Liftoff comes `AscentModel.inPlaneLead(for:)` seconds before the in-plane time (the rocket
/// steers into the plane during the ascent, and the fast schemes aim at a quasi-coplanar
/// insertion; calibrated per scheme family).
///
/// References: Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §6.8
/// (launch windows: the site must lie in the target plane, azimuth from sin β = cos i / cos φ);
/// FACTS.md of the mission data set (in-plane timing, NE azimuth, nodal regression).
public struct LaunchWindowPlanner: Sendable {
  /// The ascent model.
  public var model: AscentModel
  /// The pad.
  public var pad: LaunchSite
  /// The target element set.
  public var target: TLE
  /// Its propagator.
  public let propagator: SGP4Propagator
  /// Leap seconds and EOP.
  public var data: TimeScaleData

  /// Target inclinations the calibrated ascent model applies to (deg): the ISS corridor from
  /// Baikonur. The training flights all went to 51.64° ± 0.01°; other Baikonur corridors
  /// (64.8°, 70°, 98° sun-synchronous) fly other trajectories the model knows nothing about.
  public static let modelInclinationRangeDegrees: ClosedRange<Double> = 50.5...53.0

  /// Scan step for bracketing plane crossings (s); a pad crosses the plane twice a day, hours
  /// apart unless the inclination is within a fraction of a degree of the pad's latitude.
  static let scanStep = 900.0

  /// A planner.
  /// - Parameters:
  ///   - target: the target's element set.
  ///   - pad: the launch site.
  ///   - model: the ascent model (default: calibrated Soyuz-2.1a).
  ///   - data: leap seconds and EOP (default built in).
  /// - Throws: `LaunchWindowError.unreachable` when the orbit never passes over the pad or lies
  ///   outside the model's corridor; `.target` when SGP4 cannot start.
  public init(
    target: TLE, pad: LaunchSite, model: AscentModel = .soyuz21a, data: TimeScaleData = .standard
  ) throws(LaunchWindowError) {
    self.model = model
    self.pad = pad
    self.target = target
    self.data = data
    do throws(SGP4Propagator.InitializationError) {
      propagator = try SGP4Propagator(tle: target, data: data)
    } catch {
      throw .target(error.description)
    }
    let inclination = target.inclination  // TLE inclination is in degrees
    let latitude = pad.position.latitude / Angle.degree
    if inclination < abs(latitude) || inclination > 180 - abs(latitude) {
      throw .unreachable(
        "the orbit (inclination \(Self.format(inclination))°) never passes over \(pad.name) (latitude \(Self.format(latitude))°): no in-plane launch exists")
    }
    if !Self.modelInclinationRangeDegrees.contains(inclination) {
      let azimuth = asin(max(-1, min(1, cos(target.inclination * Angle.degree) / cos(pad.position.latitude)))) / Angle.degree
      throw .unreachable(
        "inclination \(Self.format(inclination))° (northbound azimuth \(Self.format(Angle.normalizedPositive(azimuth * Angle.degree) / Angle.degree))° from \(pad.name)) is outside the Soyuz-to-ISS corridor the ascent model is calibrated for (\(Self.format(Self.modelInclinationRangeDegrees.lowerBound))–\(Self.format(Self.modelInclinationRangeDegrees.upperBound))°, azimuth ≈ 63°); this is not a station orbit reachable with this model")
    }
  }

  static func format(_ x: Double) -> String { NumberFormat.fixed(x, digits: 2) }

  /// The pad's out-of-plane sine at `epoch` and whether the orbit heads north at the pad.
  func planeOffset(at epoch: Epoch) throws(LaunchWindowError) -> (sine: Double, northbound: Bool) {
    do throws(AscentError) {
      let padPosition = try AscentModel.padTEME(pad, at: epoch, data: data)
      let plane = OrbitPlaneFrame(normal: try AscentModel.meanPlaneNormal(propagator, period: 86_400 / target.meanMotion, at: epoch))
      let r = padPosition.unit
      let heading = plane.normal.cross(r)
      return (r.dot(plane.normal), heading.z > 0)
    } catch {
      throw LaunchWindowError(error)
    }
  }

  /// The northbound in-plane times in `[start, end]`, in order.
  /// - Throws: `LaunchWindowError` when SGP4 or a time conversion fails.
  public func inPlaneTimes(from start: Epoch, to end: Epoch) throws(LaunchWindowError) -> [Epoch] {
    var times: [Epoch] = []
    let span = end - start
    guard span > 0 else { return [] }
    var t0 = 0.0
    var f0 = try planeOffset(at: start).sine
    while t0 < span {
      let t1 = min(span, t0 + Self.scanStep)
      let f1 = try planeOffset(at: start + t1).sine
      if (f0 <= 0) != (f1 <= 0) {
        var failure: LaunchWindowError? = nil
        let outcome = BrentRoot.solve(from: t0, to: t1, absoluteTolerance: 1e-3) { t in
          do throws(LaunchWindowError) {
            return try planeOffset(at: start + t).sine
          } catch {
            failure = error
            return .nan
          }
        }
        if let failure { throw failure }
        if case .converged(let root, _) = outcome {
          let epoch = start + root
          if try planeOffset(at: epoch).northbound { times.append(epoch) }
        }
      }
      t0 = t1
      f0 = f1
    }
    return times
  }

  /// The window whose in-plane time is `inPlaneTime`.
  public func window(inPlaneTime: Epoch) throws(LaunchWindowError) -> LaunchWindow {
    var options: [LaunchWindow.Option] = []
    for scheme in PhasingScheme.allCases {
      let liftoff = inPlaneTime - model.inPlaneLead(for: scheme)
      let insertion: Insertion
      do throws(AscentError) {
        insertion = try model.insertion(liftoff: liftoff, pad: pad, target: propagator, data: data)
      } catch {
        throw LaunchWindowError(error)
      }
      options.append(
        LaunchWindow.Option(
          scheme: scheme, liftoff: liftoff, insertion: insertion,
          isFeasible: scheme.allows(phaseAngleDegrees: insertion.phaseAngleDegrees)))
    }
    let azimuth = asin(max(-1, min(1, cos(target.inclination * Angle.degree) / cos(pad.position.latitude))))
    return LaunchWindow(inPlaneTime: inPlaneTime, launchAzimuth: azimuth, options: options)
  }

  /// The windows whose 2-orbit liftoff lies in `[start, end)` (every scheme's liftoff of a
  /// window is listed with it, even if it falls just outside).
  public func windows(liftoffFrom start: Epoch, to end: Epoch) throws(LaunchWindowError) -> [LaunchWindow] {
    let lead = model.inPlaneLead(for: .twoOrbit)
    var out: [LaunchWindow] = []
    for t in try inPlaneTimes(from: start + lead, to: end + lead) {
      out.append(try window(inPlaneTime: t))
    }
    return out
  }

  /// The windows with liftoff on `days` UTC days from `date` (00:00 UTC of `date` to 00:00 UTC
  /// `days` days later).
  /// - Throws: `LaunchWindowError.time` for a date that cannot be placed on UTC.
  public func windows(utcDate date: CivilDate, days: Int = 1) throws(LaunchWindowError) -> [LaunchWindow] {
    let start: Epoch
    do throws(TimeError) {
      start = try Epoch(
        DateTimeComponents(date: date, hour: 0, minute: 0, second: 0), scale: .utc, data: data)
    } catch {
      throw .time(error.description)
    }
    return try windows(liftoffFrom: start, to: start + Double(days) * 86_400)
  }

  /// The window whose in-plane time is nearest to `epoch` (searching ±1 day).
  public func window(nearest epoch: Epoch) throws(LaunchWindowError) -> LaunchWindow {
    let candidates = try inPlaneTimes(from: epoch - 86_400, to: epoch + 86_400)
    guard let best = candidates.min(by: { abs($0 - epoch) < abs($1 - epoch) }).map({ t in
      Result<LaunchWindow, LaunchWindowError> { () throws(LaunchWindowError) in try window(inPlaneTime: t) }
    }) else {
      throw .unreachable("no northbound in-plane time within a day of \(Insertion.utcText(epoch))")
    }
    return try best.get()
  }
}

/// Why launch windows could not be computed.
public enum LaunchWindowError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No in-plane launch with this model (orbit not over the pad, or outside the corridor).
  case unreachable(String)
  /// The target's element set cannot be propagated.
  case target(String)
  /// A time conversion failed.
  case time(String)

  init(_ error: AscentError) {
    switch error {
    case .target(let m): self = .target(m)
    case .time(let m): self = .time(m)
    }
  }

  public var description: String {
    switch self {
    case .unreachable(let m): return m
    case .target(let m): return "target orbit: \(m)"
    case .time(let m): return "time: \(m)"
    }
  }
}
