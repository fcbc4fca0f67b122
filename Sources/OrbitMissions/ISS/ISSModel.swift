// The ISS as a drag body and a mass for reboost planning, each number with its source and date.

/// Mass, drag area and drag coefficient of the ISS.
///
/// The drag area is the largest uncertainty: it changes with the solar-array and radiator
/// attitude, so decay studies should fit a ballistic coefficient (issue 5) rather than trust
/// this nominal value.
///
/// References: see `reference`.
public struct ISSModel: Hashable, Sendable {
  /// Total mass including docked vehicles (kg).
  public var mass: Double
  /// Effective drag (cross-sectional) area (m²).
  public var dragArea: Double
  /// Drag coefficient (dimensionless).
  public var dragCoefficient: Double
  /// Where each number comes from, with dates.
  public var source: String

  /// A model.
  /// - Parameters:
  ///   - mass: total mass (kg).
  ///   - dragArea: drag area (m²).
  ///   - dragCoefficient: drag coefficient.
  ///   - source: where the numbers come from.
  public init(mass: Double, dragArea: Double, dragCoefficient: Double, source: String) {
    self.mass = mass
    self.dragArea = dragArea
    self.dragCoefficient = dragCoefficient
    self.source = source
  }

  /// Ballistic coefficient m / (Cd·A) (kg/m²).
  public var ballisticCoefficient: Double { mass / (dragCoefficient * dragArea) }

  /// The nominal ISS of 2022–2025.
  ///
  /// - Mass 450 000 kg: "M = 4.5 × 10⁵ kg", citing a NASA report of 2023 (pho.rs, "ISS Orbital
  ///   Decay Dynamics"); consistent with 444 t reported on 2022-06-28 (TweakTown, Cygnus NG-17
  ///   reboost) and with NASA's 419 725 kg for the station itself (via Inshorts, 2025-06-25), the
  ///   difference being the visiting vehicles.
  /// - Drag area 2 500 m²: "effective cross sectional area … S ≈ 2.5 × 10³ m²", citing ESA
  ///   (SDC6, 2023) on the same pho.rs page. An upper value (arrays broadside).
  /// - Cd 2.2: the customary value for compact satellites in free-molecular flow (Bowman & Moe,
  ///   "Drag coefficient variability at 175–500 km from the orbit decay analyses of spheres").
  ///
  /// References: as listed above.
  public static let reference = ISSModel(
    mass: 450_000, dragArea: 2_500, dragCoefficient: 2.2,
    source:
      "mass 450 t (NASA 2023 via pho.rs 'ISS Orbital Decay Dynamics'; 444 t TweakTown 2022-06-28); area 2500 m2 (ESA SDC6 2023, same page); Cd 2.2 (Bowman & Moe)"
  )
}
