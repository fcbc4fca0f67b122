// What a simulated reboost produced. Our own code.

import OrbitCore

/// The outcome of simulating a `ReboostPlan`: mean orbits before and after, the burns as flown,
/// the sampled trajectory (burn arcs included) and whether the space-weather fallback was used.
///
/// References: see `MeanOrbit`, `ReboostPlan`.
public struct ReboostResult: Sendable {
  /// Mean orbit over the revolution that ends at the first ignition.
  public var before: MeanOrbit
  /// Mean orbit over the revolution that starts at the last cut-off.
  public var after: MeanOrbit
  /// The burns flown (with the mass at each ignition from the simulation).
  public var burns: [ReboostBurn]
  /// Mass before the first burn (kg).
  public var initialMass: Double
  /// Mass after the last burn (kg).
  public var finalMass: Double
  /// States every `sampleStep` s from the start of the `before` window to the end of the run.
  public var samples: [ReboostSample]
  /// The state at the end of the run (GCRF).
  public var finalState: CartesianState
  /// True when a date of the run was beyond the space-weather table and the fallback supplied
  /// the indices.
  public var usedSpaceWeatherFallback: Bool

  /// A result from its parts.
  public init(
    before: MeanOrbit, after: MeanOrbit, burns: [ReboostBurn], initialMass: Double, finalMass: Double,
    samples: [ReboostSample], finalState: CartesianState, usedSpaceWeatherFallback: Bool
  ) {
    self.before = before
    self.after = after
    self.burns = burns
    self.initialMass = initialMass
    self.finalMass = finalMass
    self.samples = samples
    self.finalState = finalState
    self.usedSpaceWeatherFallback = usedSpaceWeatherFallback
  }

  /// Change of the mean semi-major axis, after − before (m).
  public var semiMajorAxisChange: Double { after.semiMajorAxis - before.semiMajorAxis }
  /// Total Δv of the burns from the rocket equation (m/s).
  public var deltaV: Double { burns.reduce(0) { $0 + $1.deltaV } }
  /// Propellant used (kg).
  public var propellant: Double { initialMass - finalMass }
}
