// Exponential atmosphere in altitude bands: ρ = ρ0 exp(−(h − h0)/H) for h in [h0, h1), with the
// band constants of Vallado, Fundamentals of Astrodynamics and Applications (Table 8-4), as
// tabulated in NASA GMAT's ExponentialAtmosphere.cpp (the 350 km ρ0 = 9.518e-12 kg/m³ there,
// corrected from Vallado's 9.158e-12, keeps the bands continuous). Altitude is the height above
// the WGS-84 ellipsoid. Numbers: Data/AtmosphereTables.swift; provenance:
// Tests/ReferenceData/atmosphere/PROVENANCE.md. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Vallado's banded exponential atmosphere (static, no solar or diurnal variation).
///
/// Below 0 km the first band is extrapolated; above 1000 km the last band (H = 268 km) applies.
/// Accuracy: a mean model; real densities at 400 km vary by a factor ~10 with solar activity.
/// References: Vallado (2013) §8.6.2, Table 8-4; GMAT `ExponentialAtmosphere.cpp`.
public struct ExponentialAtmosphere: Atmosphere {
  @usableFromInline let baseAltitudes: [Double]  // m
  @usableFromInline let nominalDensities: [Double]  // kg/m³
  @usableFromInline let scaleHeights: [Double]  // m

  /// The model with Vallado's Table 8-4 constants.
  public init() {
    baseAltitudes = exponentialBaseAltitudesKM.map { $0 * 1e3 }
    nominalDensities = exponentialNominalDensity
    scaleHeights = exponentialScaleHeightKM.map { $0 * 1e3 }
  }

  /// Density (kg/m³) at an ellipsoidal altitude.
  ///
  /// - Parameter altitude: height above the WGS-84 ellipsoid (m).
  /// - Returns: ρ0 exp(−(h − h0)/H) of the band containing `altitude` (kg/m³).
  /// - References: Vallado (2013) Table 8-4.
  public func density(altitude: Double) -> Double {
    var i = baseAltitudes.count - 1
    while i > 0 && altitude < baseAltitudes[i] { i -= 1 }
    return nominalDensities[i] * exp(-(altitude - baseAltitudes[i]) / scaleHeights[i])
  }

  /// Density (kg/m³) at a GCRF position.
  public func density(position: Vector3, context: ForceContext) -> Double {
    density(altitude: ellipsoidalAltitude(position: position, context: context))
  }
}
