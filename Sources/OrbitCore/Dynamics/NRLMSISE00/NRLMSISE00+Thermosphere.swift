// NRLMSISE-00 species densities: the thermosphere above 72.5 km (the model's GTS7: diffusive
// profiles from the lower boundary, turbopause mixing, chemistry corrections, anomalous oxygen)
// and the middle atmosphere below 72.5 km (GTD7's lower branch: well-mixed N2, He, O2, Ar scaled
// from the 72.5 km values through the DENSM spline profiles).
//
// Model: Picone, Hedin, Drob & Aikin (2002), J. Geophys. Res. 107(A12), 1468 (anomalous oxygen
// §2.3; O2 departure from diffusive equilibrium); Hedin (1987, 1991) for the profile structure.
// Fixed numbers of the model kept as such: node heights (120 → 72.5 km in the thermosphere, with
// the top node at the coefficient `PDL(16,2)`; 72.5, 55, 45, 32.5 km and 32.5, 20, 15, 10, 0 km
// below), thermal-diffusion coefficients α (He −0.38, Ar 0.17, H −0.38, others 0), and the
// heights above which each species' mixing terms are skipped (He 200, O 300, N2 160, O2 250,
// Ar 240, H 320, N 450 km). Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension NRLMSISE00 {
  /// Thermospheric result (CGS): number densities (He, O, N2, O2, Ar, H, N, anomalous O), T∞,
  /// T(z), the lower-thermosphere node state the middle atmosphere continues from, and the mixed
  /// N2 density (the model's DM28) used below 72.5 km.
  struct ThermosphereState {
    var densities: InlineArray<8, Double>
    var exosphericTemperature: Double
    var temperature: Double
    var bottomNodeTemperature: Double  // K at 72.5 km
    var bottomNodeGradient: Double  // K/km at 72.5 km
    var mixedNitrogen: Double  // cm⁻³
  }

  /// Species constants: molecular mass (amu), thermal-diffusion α, density set in `PD`, row in
  /// `PDM`, and the height (km) below which turbopause mixing is applied.
  private struct Species {
    let mass: Double
    let alpha: Double
    let densitySet: Int
    let row: Int
    let mixingCeiling: Double
  }

  private static let heliumSpecies = Species(mass: 4, alpha: -0.38, densitySet: 0, row: 0, mixingCeiling: 200)
  private static let oxygenAtomSpecies = Species(mass: 16, alpha: 0, densitySet: 1, row: 1, mixingCeiling: 300)
  private static let nitrogenSpecies = Species(mass: 28, alpha: 0, densitySet: 2, row: 2, mixingCeiling: 160)
  private static let oxygenSpecies = Species(mass: 32, alpha: 0, densitySet: 4, row: 3, mixingCeiling: 250)
  private static let argonSpecies = Species(mass: 40, alpha: 0.17, densitySet: 5, row: 4, mixingCeiling: 240)
  private static let hydrogenSpecies = Species(mass: 1, alpha: -0.38, densitySet: 6, row: 5, mixingCeiling: 320)
  private static let nitrogenAtomSpecies = Species(mass: 14, alpha: 0, densitySet: 7, row: 6, mixingCeiling: 450)

  /// The thermosphere at `z` ≥ 72.5 km (the model's GTS7).
  static func thermosphere(
    altitude z: Double, drivers d: Drivers, gravity: Gravity, _ c: NRLMSISE00Coefficients
  ) -> ThermosphereState {
    let pt = Terms(c.temperature)
    let ps = Terms(c.gradient)
    func pd(_ k: Int) -> Terms { Terms(c.density, set: k) }
    func pdl(_ a: Int, _ b: Int) -> Double { c.turbopause[a * 25 + b] }
    func ptm(_ i: Int) -> Double { c.lowerBoundary[i] }
    func pdm(_ a: Int, _ b: Int) -> Double { c.lowerBoundaryDensity[a * 10 + b] }
    func ptl(_ a: Int) -> Terms { Terms(c.thermosphereNodes, set: a, size: 100) }
    func pma(_ a: Int) -> Terms { Terms(c.mesosphereNodes, set: a, size: 100) }

    let za = pdl(1, 15)
    var nodeHeights = InlineArray<5, Double>(repeating: 0)
    nodeHeights[0] = za
    nodeHeights[1] = 110
    nodeHeights[2] = 100
    nodeHeights[3] = 90
    nodeHeights[4] = 72.5
    let zlb = ptm(5)

    // Exospheric temperature, lower-boundary gradient and temperature.
    let tinf = z > za ? ptm(0) * pt[0] * (1.0 + thermosphericVariation(pt, d)) : ptm(0) * pt[0]
    let g0 = z > nodeHeights[4] ? ptm(3) * ps[0] * (1.0 + thermosphericVariation(ps, d)) : ptm(3) * ps[0]
    let tlbSet = pd(3)
    let tlb = ptm(1) * (1.0 + thermosphericVariation(tlbSet, d)) * tlbSet[0]
    let s = g0 / (tinf - tlb)

    // Lower-thermosphere node temperatures (variations matter only below 300 km). The model
    // carries the magnetic function of the last GLOBE7 call (the Tlb set) into GLOB7S.
    let magneticTlb = lowerMagnetic(tlbSet, d)
    var nodeT = InlineArray<5, Double>(repeating: 0)
    let bottomGradient: Double
    if z < 300.0 {
      nodeT[1] = ptm(6) * ptl(0)[0] / (1.0 - lowerVariation(ptl(0), d, magnetic: magneticTlb))
      nodeT[2] = ptm(2) * ptl(1)[0] / (1.0 - lowerVariation(ptl(1), d, magnetic: magneticTlb))
      nodeT[3] = ptm(7) * ptl(2)[0] / (1.0 - lowerVariation(ptl(2), d, magnetic: magneticTlb))
      nodeT[4] = ptm(4) * ptl(3)[0] / (1.0 - lowerVariation(ptl(3), d, magnetic: magneticTlb))
      let ref = ptm(4) * ptl(3)[0]
      bottomGradient =
        ptm(8) * pma(8)[0] * (1.0 + lowerVariation(pma(8), d, magnetic: magneticTlb)) * nodeT[4] * nodeT[4] / (ref * ref)
    } else {
      nodeT[1] = ptm(6) * ptl(0)[0]
      nodeT[2] = ptm(2) * ptl(1)[0]
      nodeT[3] = ptm(7) * ptl(2)[0]
      nodeT[4] = ptm(4) * ptl(3)[0]
      let ref = ptm(4) * ptl(3)[0]
      bottomGradient = ptm(8) * pma(8)[0] * nodeT[4] * nodeT[4] / (ref * ref)
    }
    let profile = ThermosphereProfile(
      tinf: tinf, tlb: tlb, zlb: zlb, shape: s, nodeHeights: nodeHeights, nodeTemperatures: nodeT,
      bottomGradient: bottomGradient, gravity: gravity)

    // Turbopause height and the mixed-gas mass.
    let zhf = pdl(1, 24) * (1.0 + pdl(0, 24) * sin(degreeToRadian * d.latitudeDegrees) * cos(dayToRadian * (d.dayOfYear - pt[13])))
    let xmm = pdm(2, 4)
    let mixingScale = pdm(2, 3) * pdl(1, 5)

    /// Diffusive density at z and at the lower boundary, for one species.
    func diffusive(_ sp: Species) -> (atZ: Double, atBoundary: Double) {
      let set = pd(sp.densitySet)
      let g = thermosphericVariation(set, d)
      let db = pdm(sp.row, 0) * exp(g) * set[0]
      return (profile.density(at: z, base: db, mass: sp.mass, alpha: sp.alpha), db)
    }
    /// Net (diffusive ⊕ mixed) density at z and the mixed density at the turbopause height `zh`.
    func mixed(_ sp: Species, diffusiveAtZ dz: Double, boundary db: Double, turbopause zh: Double)
      -> (net: Double, mixedAtTurbopause: Double, mixedAtZ: Double)
    {
      let b = profile.density(at: zh, base: db, mass: sp.mass - xmm, alpha: sp.alpha - 1.0)
      let dm = profile.density(at: z, base: b, mass: xmm, alpha: 0.0)
      return (turbopauseBlend(diffusive: dz, mixed: dm, scale: mixingScale, mixedMass: xmm, mass: sp.mass), b, dm)
    }

    var n = InlineArray<8, Double>(repeating: 0)

    // N2.
    let n2 = diffusive(nitrogenSpecies)
    n[2] = n2.atZ
    let zh28 = pdm(2, 2) * zhf
    let b28 = profile.density(at: zh28, base: n2.atBoundary, mass: 28.0 - xmm, alpha: nitrogenSpecies.alpha - 1.0)
    var mixedNitrogen = 0.0
    if z <= nitrogenSpecies.mixingCeiling {
      mixedNitrogen = profile.density(at: z, base: b28, mass: xmm, alpha: nitrogenSpecies.alpha)
      n[2] = turbopauseBlend(diffusive: n[2], mixed: mixedNitrogen, scale: mixingScale, mixedMass: xmm, mass: 28.0)
    }

    // He.
    let he = diffusive(heliumSpecies)
    n[0] = he.atZ
    if z < heliumSpecies.mixingCeiling {
      let m = mixed(heliumSpecies, diffusiveAtZ: he.atZ, boundary: he.atBoundary, turbopause: pdm(0, 2))
      let rl = log(b28 * pdm(0, 1) / m.mixedAtTurbopause)
      n[0] = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(0, 5) * pdl(1, 1), height: pdm(0, 4) * pdl(1, 0))
    }

    // O.
    let o = diffusive(oxygenAtomSpecies)
    n[1] = o.atZ
    if z <= oxygenAtomSpecies.mixingCeiling {
      let m = mixed(oxygenAtomSpecies, diffusiveAtZ: o.atZ, boundary: o.atBoundary, turbopause: pdm(1, 2))
      let rl = pdm(1, 1) * pdl(1, 16) * (1.0 + pdl(0, 23) * (d.f107Average - 150.0))
      var v = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(1, 5) * pdl(1, 3), height: pdm(1, 4) * pdl(1, 2), scale2: pdm(1, 5) * pdl(1, 4))
      v *= chemistryCorrection(z, ratio: pdm(1, 3) * pdl(1, 14), scale: pdm(1, 7) * pdl(1, 13), height: pdm(1, 6) * pdl(1, 12))
      n[1] = v
    }

    // O2 (with the correction for departure from diffusive equilibrium above zlb).
    let o2 = diffusive(oxygenSpecies)
    n[3] = o2.atZ
    if z <= oxygenSpecies.mixingCeiling {
      let m = mixed(oxygenSpecies, diffusiveAtZ: o2.atZ, boundary: o2.atBoundary, turbopause: pdm(3, 2))
      let rl = log(b28 * pdm(3, 1) / m.mixedAtTurbopause)
      n[3] = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(3, 5) * pdl(1, 7), height: pdm(3, 4) * pdl(1, 6))
    }
    let rc32 = pdm(3, 3) * pdl(1, 23) * (1.0 + pdl(0, 23) * (d.f107Average - 150.0))
    n[3] *= chemistryCorrection(z, ratio: rc32, scale: pdm(3, 7) * pdl(1, 22), height: pdm(3, 6) * pdl(1, 21), scale2: pdm(3, 7) * pdl(0, 22))

    // Ar.
    let ar = diffusive(argonSpecies)
    n[4] = ar.atZ
    if z <= argonSpecies.mixingCeiling {
      let m = mixed(argonSpecies, diffusiveAtZ: ar.atZ, boundary: ar.atBoundary, turbopause: pdm(4, 2))
      let rl = log(b28 * pdm(4, 1) / m.mixedAtTurbopause)
      n[4] = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(4, 5) * pdl(1, 9), height: pdm(4, 4) * pdl(1, 8))
    }

    // H.
    let h = diffusive(hydrogenSpecies)
    n[5] = h.atZ
    if z <= hydrogenSpecies.mixingCeiling {
      let m = mixed(hydrogenSpecies, diffusiveAtZ: h.atZ, boundary: h.atBoundary, turbopause: pdm(5, 2))
      let rl = log(b28 * pdm(5, 1) * abs(pdl(1, 17)) / m.mixedAtTurbopause)
      var v = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(5, 5) * pdl(1, 11), height: pdm(5, 4) * pdl(1, 10))
      v *= chemistryCorrection(z, ratio: pdm(5, 3) * pdl(1, 20), scale: pdm(5, 7) * pdl(1, 19), height: pdm(5, 6) * pdl(1, 18))
      n[5] = v
    }

    // N.
    let nn = diffusive(nitrogenAtomSpecies)
    n[6] = nn.atZ
    if z <= nitrogenAtomSpecies.mixingCeiling {
      let m = mixed(nitrogenAtomSpecies, diffusiveAtZ: nn.atZ, boundary: nn.atBoundary, turbopause: pdm(6, 2))
      let rl = log(b28 * pdm(6, 1) * abs(pdl(0, 2)) / m.mixedAtTurbopause)
      var v = m.net * chemistryCorrection(z, ratio: rl, scale: pdm(6, 5) * pdl(0, 1), height: pdm(6, 4) * pdl(0, 0))
      v *= chemistryCorrection(z, ratio: pdm(6, 3) * pdl(0, 5), scale: pdm(6, 7) * pdl(0, 4), height: pdm(6, 6) * pdl(0, 3))
      n[6] = v
    }

    // Anomalous (hot) oxygen: an isothermal profile at T = PDM(10,8)·PDL(7,1) with a
    // Chapman-like transition around PDM(5,8).
    let hotSet = pd(8)
    let dbHot = pdm(7, 0) * exp(thermosphericVariation(hotSet, d)) * hotSet[0]
    let tho = pdm(7, 9) * pdl(0, 6)
    let hotProfile = ThermosphereProfile(
      tinf: tho, tlb: tho, zlb: zlb, shape: s, nodeHeights: nodeHeights, nodeTemperatures: nodeT,
      bottomGradient: bottomGradient, gravity: gravity)
    let hotBase = hotProfile.density(at: z, base: dbHot, mass: 16.0, alpha: 0.0)
    let zsht = pdm(7, 5)
    let zmho = pdm(7, 4)
    let zsho = gravity.scaleHeight(altitude: zmho, mass: 16.0, temperature: tho)
    n[7] = hotBase * exp(-zsht / zsho * (exp(-(z - zmho) / zsht) - 1.0))

    return ThermosphereState(
      densities: n, exosphericTemperature: tinf, temperature: profile.temperature(at: abs(z)),
      bottomNodeTemperature: nodeT[4], bottomNodeGradient: bottomGradient, mixedNitrogen: mixedNitrogen)
  }

  /// The magnetic function a GLOB7S evaluation inherits from the thermospheric set `p` (daily
  /// APDF, or the 3-hourly function; 0 if the set has no storm-time term).
  static func lowerMagnetic(_ p: Terms, _ d: Drivers) -> Double {
    if let history = d.apHistory {
      return apHistoryFunction(p, d, history) ?? 0
    }
    return dailyApFunction(p, d)
  }

  /// The middle atmosphere below 72.5 km (GTD7's lower branch).
  static func middleAtmosphere(
    altitude z: Double, upper: ThermosphereState, drivers d: Drivers, gravity: Gravity, _ c: NRLMSISE00Coefficients
  ) -> Output {
    func pma(_ a: Int) -> Terms { Terms(c.mesosphereNodes, set: a, size: 100) }
    func pavgm(_ i: Int) -> Double { c.middleAtmosphereAverages[i] }
    func pdm(_ a: Int, _ b: Int) -> Double { c.lowerBoundaryDensity[a * 10 + b] }
    // The last thermospheric GLOBE7 before these GLOB7S calls is the anomalous-oxygen set (PD
    // row 9); in the 3-hourly mode that set has no storm-time term, so the value from the
    // atomic-nitrogen set (row 8) is the one the model still holds.
    let magnetic =
      d.apHistory != nil
      ? lowerMagnetic(Terms(c.density, set: 7), d) : lowerMagnetic(Terms(c.density, set: 8), d)

    var upperH = InlineArray<5, Double>(repeating: 0)
    upperH[0] = 72.5
    upperH[1] = 55
    upperH[2] = 45
    upperH[3] = 32.5
    var upperT = InlineArray<5, Double>(repeating: 0)
    upperT[0] = upper.bottomNodeTemperature
    upperT[1] = pma(0)[0] * pavgm(0) / (1.0 - lowerVariation(pma(0), d, magnetic: magnetic))
    upperT[2] = pma(1)[0] * pavgm(1) / (1.0 - lowerVariation(pma(1), d, magnetic: magnetic))
    upperT[3] = pma(2)[0] * pavgm(2) / (1.0 - lowerVariation(pma(2), d, magnetic: magnetic))
    let ref2 = pma(2)[0] * pavgm(2)
    let upperBottomGradient =
      pavgm(8) * pma(9)[0] * (1.0 + lowerVariation(pma(9), d, magnetic: magnetic)) * upperT[3] * upperT[3] / (ref2 * ref2)
    let upperSpline = InverseTemperatureSpline(
      heights: upperH, temperatures: upperT, count: 4, gradientTop: upper.bottomNodeGradient,
      gradientBottom: upperBottomGradient, gravity: gravity)

    var lowerSpline: InverseTemperatureSpline? = nil
    if z <= 32.5 {
      var lowerH = InlineArray<5, Double>(repeating: 0)
      lowerH[0] = 32.5
      lowerH[1] = 20
      lowerH[2] = 15
      lowerH[3] = 10
      lowerH[4] = 0
      var lowerT = InlineArray<5, Double>(repeating: 0)
      lowerT[0] = upperT[3]
      for k in 1...4 {
        lowerT[k] = pma(2 + k)[0] * pavgm(2 + k) / (1.0 - lowerVariation(pma(2 + k), d, magnetic: magnetic))
      }
      let ref6 = pma(6)[0] * pavgm(6)
      let bottomGradient =
        pma(7)[0] * pavgm(7) * (1.0 + lowerVariation(pma(7), d, magnetic: magnetic)) * lowerT[4] * lowerT[4] / (ref6 * ref6)
      lowerSpline = InverseTemperatureSpline(
        heights: lowerH, temperatures: lowerT, count: 5, gradientTop: upperBottomGradient,
        gradientBottom: bottomGradient, gravity: gravity)
    }
    let profile = MiddleAtmosphereProfile(
      upper: upperSpline, lower: lowerSpline, upperTop: 72.5, upperBottom: 32.5, gravity: gravity)

    // Linear transition to full mixing between 72.5 and 62.5 km.
    let mixing = z > 62.5 ? 1.0 - (72.5 - z) / (72.5 - 62.5) : 0.0
    let u = upper.densities
    let xmm = pdm(2, 4)
    let dm28 = upper.mixedNitrogen
    var n = InlineArray<8, Double>(repeating: 0)
    let nitrogenRatio = u[2] / dm28 - 1.0
    n[2] = profile.evaluate(at: z, base: dm28, mass: xmm).density * (1.0 + nitrogenRatio * mixing)
    let dz28 = u[2]
    func scaled(_ species: Double, row: Int) -> Double {
      let r = species / (dz28 * pdm(row, 1)) - 1.0
      return n[2] * pdm(row, 1) * (1.0 + r * mixing)
    }
    n[0] = scaled(u[0], row: 0)
    n[3] = scaled(u[3], row: 3)
    n[4] = scaled(u[4], row: 4)
    let t = profile.evaluate(at: z, base: 1.0, mass: 0).temperature
    return output(n, upper.exosphericTemperature, t)
  }
}
