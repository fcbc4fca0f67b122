import OrbitCore
import OrbitMissions

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The dispersions of a rendezvous ensemble, mapped onto OrbitMissions'
/// `RendezvousPerturbations` (the contract of the phasing and approach simulators).
///
/// - `insertion_state` → insertion position/velocity error (the ship's LVLH at insertion);
/// - `burn_magnitude` (component 0) → burn magnitude scale 1 + e (every burn);
/// - `burn_pointing` (components 0, 1) → pointing error θ = |(e₁, e₂)| at azimuth atan2(e₂, e₁);
/// - `thrust`, `isp` → scales 1 + e; `ballistic_coefficient` (component 0, the ship) and
///   `atmosphere_scale` → ballistic-coefficient and density scales 1 + e;
/// - `navigation_at_kurs` → relative navigation error at Kurs acquisition (LVLH);
/// - `launch_delay` → launch delay (s).
///
/// A quantity that is not dispersed keeps its neutral value exactly, so an ensemble whose
/// spreads are all zero flies the nominal rendezvous bit for bit.
public enum RendezvousMonteCarlo {
  /// The dispersions a rendezvous ensemble applies.
  public static let uses: [DispersionName] = DispersionName.allCases

  /// The perturbations of one run.
  public static func perturbations(_ draws: MonteCarloDraws) -> RendezvousPerturbations {
    var p = RendezvousPerturbations.none
    if draws.has(.insertionState) {
      let e = draws.stateError(.insertionState)
      p.insertionPositionError = e.position
      p.insertionVelocityError = e.velocity
    }
    let magnitude = draws.scalar(.burnMagnitude)
    if magnitude != 0 { p.burnMagnitudeScale = 1 + magnitude }
    let pointing = draws.pointing(burn: 0)
    if pointing != .zero {
      p.burnPointingError = (pointing.x * pointing.x + pointing.y * pointing.y).squareRoot()
      p.burnPointingAzimuth = atan2(pointing.y, pointing.x)
    }
    let thrust = draws.scalar(.thrust)
    if thrust != 0 { p.thrustScale = 1 + thrust }
    let isp = draws.scalar(.isp)
    if isp != 0 { p.ispScale = 1 + isp }
    let b = draws.scalar(.ballisticCoefficient)
    if b != 0 { p.ballisticCoefficientScale = 1 + b }
    let rho = draws.scalar(.atmosphereScale)
    if rho != 0 { p.densityScale = 1 + rho }
    if draws.has(.navigationAtKurs) {
      let e = draws.stateError(.navigationAtKurs)
      p.navigationPositionError = e.position
      p.navigationVelocityError = e.velocity
    }
    let delay = draws.scalar(.launchDelay)
    if delay != 0 { p.launchDelay = delay }
    return p
  }
}
