import OrbitCore
import OrbitMissions

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ensemble model of the `reboost` kind: the nominal plan is made once, then each run flies
/// it with execution and environment errors the planner did not see, and measures the achieved
/// mean-orbit change.
///
/// Dispersions (per run):
/// - `burn_magnitude` (component *i* = burn *i*): the burn duration is scaled by (1 + e), so its
///   Δv changes by about the same fraction;
/// - `burn_pointing` (components 2*i*, 2*i* + 1): the thrust direction of burn *i* is tilted by
///   θ = |(e₁, e₂)| towards azimuth atan2(e₂, e₁) about two axes perpendicular to it;
/// - `thrust`, `isp`: every burn's thrust and Isp are scaled by (1 + e) at fixed durations;
/// - `ballistic_coefficient` (component 0) and `atmosphere_scale`: the drag force is scaled by
///   (1 + e_B)(1 + e_ρ), applied through the drag coefficient (drag ∝ ρ·C_D·A/m).
///
/// Fields: `delta_a_m` (achieved mean semi-major-axis change), `rise_error_m` (minus the
/// plan's target rise), `delta_v_m_s`, `propellant_kg`, `mean_altitude_after_km`. A run
/// succeeds when it flies (no propagation error and enough propellant).
///
/// References: Fehse, *Automated Rendezvous and Docking of Spacecraft* (2003) ch. 6 (thrust
/// magnitude and direction errors); Vallado (2013) §8.6 (drag ∝ ρ C_D A/m).
public enum ReboostMonteCarlo {
  /// The dispersions a reboost ensemble applies.
  public static let uses: [DispersionName] = [
    .burnMagnitude, .burnPointing, .thrust, .isp, .ballisticCoefficient, .atmosphereScale,
  ]

  /// The per-run fields.
  public static let fields = ["delta_a_m", "rise_error_m", "delta_v_m_s", "propellant_kg", "mean_altitude_after_km"]

  /// The model for a nominal plan, simulated with samples every `sampleStep` seconds.
  public static func model(plan: ReboostPlan, sampleStep: Double = 10) -> MonteCarloModel {
    MonteCarloModel(
      fields: fields, histogramField: "delta_a_m", scatterFields: (x: "delta_v_m_s", y: "delta_a_m")
    ) { draws in run(plan, sampleStep: sampleStep, draws) }
  }

  /// The plan as flown in one run (exactly `plan` when nothing is dispersed).
  public static func dispersed(_ plan: ReboostPlan, _ draws: MonteCarloDraws) -> ReboostPlan {
    var p = plan
    let thrust = draws.scalar(.thrust)
    let isp = draws.scalar(.isp)
    for i in p.burns.indices {
      let magnitude = draws.scalar(.burnMagnitude, index: i)
      if magnitude != 0 { p.burns[i].duration *= 1 + magnitude }
      if thrust != 0 { p.burns[i].thrust *= 1 + thrust }
      if isp != 0 { p.burns[i].specificImpulse *= 1 + isp }
      let e = draws.pointing(burn: i)
      if e != .zero { p.burns[i].direction = tilted(p.burns[i].direction, e) }
    }
    if thrust != 0 { p.thruster.thrust *= 1 + thrust }
    if isp != 0 { p.thruster.specificImpulse *= 1 + isp }
    let b = draws.scalar(.ballisticCoefficient)
    let rho = draws.scalar(.atmosphereScale)
    if b != 0 { p.environment.dragCoefficient *= 1 + b }
    if rho != 0 { p.environment.dragCoefficient *= 1 + rho }
    return p
  }

  static func run(_ plan: ReboostPlan, sampleStep: Double, _ draws: MonteCarloDraws) -> MonteCarloRecord {
    let flown = dispersed(plan, draws)
    do throws(ReboostError) {
      let r = try flown.simulate(sampleStep: sampleStep)
      let da = r.semiMajorAxisChange
      return MonteCarloRecord(
        run: draws.run, success: true,
        values: [da, da - plan.targetRise, r.deltaV, r.propellant, r.after.meanAltitude / 1000])
    } catch {
      return MonteCarloRecord(
        run: draws.run, success: false, values: fields.map { _ in .nan }, failure: error.description)
    }
  }

  /// `d` (unit) tilted by θ = |e| towards azimuth atan2(e.y, e.x) in the plane perpendicular to it.
  static func tilted(_ d: Vector3, _ e: SIMD2<Double>) -> Vector3 {
    let theta = (e.x * e.x + e.y * e.y).squareRoot()
    // A unit vector perpendicular to d (the axis least aligned with d, made orthogonal).
    let helper = abs(d.x) < 0.9 ? Vector3(1, 0, 0) : Vector3(0, 1, 0)
    var u1 = helper - (helper.x * d.x + helper.y * d.y + helper.z * d.z) * d
    u1 /= (u1.x * u1.x + u1.y * u1.y + u1.z * u1.z).squareRoot()
    let u2 = Vector3(d.y * u1.z - d.z * u1.y, d.z * u1.x - d.x * u1.z, d.x * u1.y - d.y * u1.x)
    let c = e.x / theta
    let s = e.y / theta
    return cos(theta) * d + sin(theta) * (c * u1 + s * u2)
  }
}
