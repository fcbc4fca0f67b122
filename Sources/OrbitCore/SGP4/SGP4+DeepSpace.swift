// SDP4 deep-space terms: lunar–solar periodics and secular rates, and the 12-hour and 24-hour
// geopotential resonances integrated with the Euler–Maclaurin scheme.
//
// Provenance: written for Orbit from the deep-space equations of Hoots & Roehrich, Spacetrack
// Report #3 (1980), section 10 (DEEP: DPINIT, DPSEC, DPPER), as restructured and corrected by
// Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753 (2006),
// rev. 3 (`dscom`, `dsinit`, `dspace`, `dpper`): Lyddane branch on the perturbed inclination,
// 180° inclination guards, the integrator restart rule, epoch periodics taken as zero. The
// numeric constants (solar and lunar mean motions and eccentricities, the resonance
// coefficients Q22…, G22…, the F and G polynomial fits, the 720-minute step) are those of the
// papers. No code was copied from any implementation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SGP4 {
  /// Precomputed deep-space coefficients (all zero for a near-Earth orbit).
  ///
  /// Names follow the notation of Spacetrack Report #3 and AIAA 2006-6753.
  ///
  /// References: Hoots & Roehrich (1980) §10; Vallado et al., AIAA 2006-6753, rev. 3.
  /// The deep-space resonance integrator's last step, kept between calls so that monotonic
  /// sequences of times need not integrate from the epoch each time (the reference code's
  /// `atime`, `xni`, `xli`). A fresh value means "start from the epoch".
  ///
  /// References: Vallado et al., AIAA 2006-6753, rev. 3, `dspace`.
  @frozen
  public struct ResonanceState: Sendable, Hashable {
    /// Time of the last integration step (min since epoch); 0 means none.
    @usableFromInline var atime: Double
    /// Mean motion at `atime` (rad/min).
    @usableFromInline var xni: Double
    /// Resonance mean longitude at `atime` (rad).
    @usableFromInline var xli: Double

    /// No cached step: the next propagation integrates from the epoch.
    @inlinable public init() {
      atime = 0
      xni = 0
      xli = 0
    }

    @inlinable init(atime: Double, xni: Double, xli: Double) {
      self.atime = atime
      self.xni = xni
      self.xli = xli
    }
  }

  @frozen
  public struct DeepSpaceTerms: Sendable {
    // Solar (s…) and lunar (x…, e…) periodic coefficients and the epoch mean anomalies.
    @usableFromInline var se2 = 0.0, se3 = 0.0, si2 = 0.0, si3 = 0.0
    @usableFromInline var sl2 = 0.0, sl3 = 0.0, sl4 = 0.0
    @usableFromInline var sgh2 = 0.0, sgh3 = 0.0, sgh4 = 0.0, sh2 = 0.0, sh3 = 0.0
    @usableFromInline var ee2 = 0.0, e3 = 0.0, xi2 = 0.0, xi3 = 0.0
    @usableFromInline var xl2 = 0.0, xl3 = 0.0, xl4 = 0.0
    @usableFromInline var xgh2 = 0.0, xgh3 = 0.0, xgh4 = 0.0, xh2 = 0.0, xh3 = 0.0
    @usableFromInline var zmol = 0.0, zmos = 0.0
    // Lunar–solar secular rates (per minute).
    @usableFromInline var dedt = 0.0, didt = 0.0, dmdt = 0.0, dnodt = 0.0, domdt = 0.0
    // Resonance: 0 none, 1 synchronous (24 h), 2 half-day (12 h).
    @usableFromInline var resonance: Int = 0
    @usableFromInline var d2201 = 0.0, d2211 = 0.0, d3210 = 0.0, d3222 = 0.0
    @usableFromInline var d4410 = 0.0, d4422 = 0.0, d5220 = 0.0, d5232 = 0.0
    @usableFromInline var d5421 = 0.0, d5433 = 0.0
    @usableFromInline var del1 = 0.0, del2 = 0.0, del3 = 0.0
    @usableFromInline var xfact = 0.0, xlamo = 0.0

    /// No deep-space terms.
    @usableFromInline static let zero = DeepSpaceTerms()

    @usableFromInline init() {}

    // Solar and lunar constants (STR#3 §10; AIAA 2006-6753 `dscom`/`dpper`/`dsinit`). Computed
    // and inlinable rather than `static let`, so the kernel reads literals, not lazy globals.
    /// Solar eccentricity.
    @inlinable static var zes: Double { 0.01675 }
    /// Lunar eccentricity.
    @inlinable static var zel: Double { 0.05490 }
    /// Solar mean motion (rad/min).
    @inlinable static var zns: Double { 1.19459e-5 }
    /// Lunar mean motion (rad/min).
    @inlinable static var znl: Double { 1.5835218e-4 }
    /// Earth rotation rate (rad/min).
    @inlinable static var rptim: Double { 4.37526908801129966e-3 }

    /// The deep-space initialisation: lunar–solar coefficients (`dscom`), secular rates and
    /// resonance set-up (`dsinit`).
    ///
    /// - Parameters: epoch (days since 1950), mean elements at epoch (rad, rad/min), the
    ///   near-Earth secular rates (rad/min), GMST at epoch (rad) and `xke`.
    init(
      epoch: Double, eccentricity ecco: Double, argumentOfPerigee argpo: Double,
      inclination inclo: Double, raan nodeo: Double, meanAnomaly mo: Double,
      meanMotion no: Double, eccentricitySquared eccsq: Double,
      mdot: Double, argpdot: Double, nodedot: Double, xpidot: Double, gsto: Double, xke: Double
    ) {
      let twoPi = 2.0 * Double.pi
      let zes = Self.zes, zel = Self.zel, zns = Self.zns, znl = Self.znl

      // ---- dscom: solar and lunar coefficients at epoch (tc = 0) ----
      let c1ss = 2.9864797e-6
      let c1l = 4.7968065e-7
      let zsinis = 0.39785416
      let zcosis = 0.91744867
      let zcosgs = 0.1945905
      let zsings = -0.98088458

      let nm = no
      let em = ecco
      let snodm = sin(nodeo)
      let cnodm = cos(nodeo)
      let sinomm = sin(argpo)
      let cosomm = cos(argpo)
      let sinim = sin(inclo)
      let cosim = cos(inclo)
      let emsq = em * em
      let betasq = 1.0 - emsq
      let rtemsq = betasq.squareRoot()

      let day = epoch + 18261.5
      let xnodce = fmod(4.5236020 - 9.2422029e-4 * day, twoPi)
      let stem = sin(xnodce)
      let ctem = cos(xnodce)
      let zcosil = 0.91375164 - 0.03568096 * ctem
      let zsinil = (1.0 - zcosil * zcosil).squareRoot()
      let zsinhl = 0.089683511 * stem / zsinil
      let zcoshl = (1.0 - zsinhl * zsinhl).squareRoot()
      let gam = 5.8351514 + 0.0019443680 * day
      var zx = 0.39785416 * stem / zsinil
      let zy = zcoshl * ctem + 0.91744867 * zsinhl * stem
      zx = atan2(zx, zy)
      zx = gam + zx - xnodce
      let zcosgl = cos(zx)
      let zsingl = sin(zx)

      /// The s and z coefficients of one perturbing body (the Sun, then the Moon).
      struct BodyTerms {
        var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0
        var z1 = 0.0, z2 = 0.0, z3 = 0.0, z11 = 0.0, z12 = 0.0, z13 = 0.0
        var z21 = 0.0, z22 = 0.0, z23 = 0.0, z31 = 0.0, z32 = 0.0, z33 = 0.0
      }
      func bodyTerms(
        zcosg: Double, zsing: Double, zcosi: Double, zsini: Double, zcosh: Double, zsinh: Double,
        cc: Double
      ) -> BodyTerms {
        let a1 = zcosg * zcosh + zsing * zcosi * zsinh
        let a3 = -zsing * zcosh + zcosg * zcosi * zsinh
        let a7 = -zcosg * zsinh + zsing * zcosi * zcosh
        let a8 = zsing * zsini
        let a9 = zsing * zsinh + zcosg * zcosi * zcosh
        let a10 = zcosg * zsini
        let a2 = cosim * a7 + sinim * a8
        let a4 = cosim * a9 + sinim * a10
        let a5 = -sinim * a7 + cosim * a8
        let a6 = -sinim * a9 + cosim * a10

        let x1 = a1 * cosomm + a2 * sinomm
        let x2 = a3 * cosomm + a4 * sinomm
        let x3 = -a1 * sinomm + a2 * cosomm
        let x4 = -a3 * sinomm + a4 * cosomm
        let x5 = a5 * sinomm
        let x6 = a6 * sinomm
        let x7 = a5 * cosomm
        let x8 = a6 * cosomm

        var b = BodyTerms()
        b.z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3
        b.z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4
        b.z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4
        b.z1 = 3.0 * (a1 * a1 + a2 * a2) + b.z31 * emsq
        b.z2 = 6.0 * (a1 * a3 + a2 * a4) + b.z32 * emsq
        b.z3 = 3.0 * (a3 * a3 + a4 * a4) + b.z33 * emsq
        b.z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5)
        b.z12 =
          -6.0 * (a1 * a6 + a3 * a5)
          + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5))
        b.z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6)
        b.z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7)
        b.z22 =
          6.0 * (a4 * a5 + a2 * a6)
          + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8))
        b.z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8)
        b.z1 = b.z1 + b.z1 + betasq * b.z31
        b.z2 = b.z2 + b.z2 + betasq * b.z32
        b.z3 = b.z3 + b.z3 + betasq * b.z33
        b.s3 = cc * (1.0 / nm)
        b.s2 = -0.5 * b.s3 / rtemsq
        b.s4 = b.s3 * rtemsq
        b.s1 = -15.0 * em * b.s4
        b.s5 = x1 * x3 + x2 * x4
        b.s6 = x2 * x3 + x1 * x4
        b.s7 = x2 * x4 - x1 * x3
        return b
      }

      let sun = bodyTerms(
        zcosg: zcosgs, zsing: zsings, zcosi: zcosis, zsini: zsinis, zcosh: cnodm, zsinh: snodm,
        cc: c1ss)
      let moon = bodyTerms(
        zcosg: zcosgl, zsing: zsingl, zcosi: zcosil, zsini: zsinil,
        zcosh: zcoshl * cnodm + zsinhl * snodm, zsinh: snodm * zcoshl - cnodm * zsinhl, cc: c1l)

      zmol = fmod(4.7199672 + 0.22997150 * day - gam, twoPi)
      zmos = fmod(6.2565837 + 0.017201977 * day, twoPi)

      // Solar periodic coefficients.
      se2 = 2.0 * sun.s1 * sun.s6
      se3 = 2.0 * sun.s1 * sun.s7
      si2 = 2.0 * sun.s2 * sun.z12
      si3 = 2.0 * sun.s2 * (sun.z13 - sun.z11)
      sl2 = -2.0 * sun.s3 * sun.z2
      sl3 = -2.0 * sun.s3 * (sun.z3 - sun.z1)
      sl4 = -2.0 * sun.s3 * (-21.0 - 9.0 * emsq) * zes
      sgh2 = 2.0 * sun.s4 * sun.z32
      sgh3 = 2.0 * sun.s4 * (sun.z33 - sun.z31)
      sgh4 = -18.0 * sun.s4 * zes
      sh2 = -2.0 * sun.s2 * sun.z22
      sh3 = -2.0 * sun.s2 * (sun.z23 - sun.z21)
      // Lunar periodic coefficients.
      ee2 = 2.0 * moon.s1 * moon.s6
      e3 = 2.0 * moon.s1 * moon.s7
      xi2 = 2.0 * moon.s2 * moon.z12
      xi3 = 2.0 * moon.s2 * (moon.z13 - moon.z11)
      xl2 = -2.0 * moon.s3 * moon.z2
      xl3 = -2.0 * moon.s3 * (moon.z3 - moon.z1)
      xl4 = -2.0 * moon.s3 * (-21.0 - 9.0 * emsq) * zel
      xgh2 = 2.0 * moon.s4 * moon.z32
      xgh3 = 2.0 * moon.s4 * (moon.z33 - moon.z31)
      xgh4 = -18.0 * moon.s4 * zel
      xh2 = -2.0 * moon.s2 * moon.z22
      xh3 = -2.0 * moon.s2 * (moon.z23 - moon.z21)

      // ---- dsinit: secular rates and resonance terms ----
      let q22 = 1.7891679e-6
      let q31 = 2.1460748e-6
      let q33 = 2.2123015e-7
      let root22 = 1.7891679e-6
      let root44 = 7.3636953e-9
      let root54 = 2.1765803e-9
      let root32 = 3.7393792e-7
      let root52 = 1.1428639e-7
      let x2o3 = 2.0 / 3.0

      var irez = 0
      if nm < 0.0052359877 && nm > 0.0034906585 { irez = 1 }
      if nm >= 8.26e-3 && nm <= 9.24e-3 && em >= 0.5 { irez = 2 }

      // Solar secular terms.
      let ses = sun.s1 * zns * sun.s5
      let sis = sun.s2 * zns * (sun.z11 + sun.z13)
      let sls = -zns * sun.s3 * (sun.z1 + sun.z3 - 14.0 - 6.0 * emsq)
      let sghs = sun.s4 * zns * (sun.z31 + sun.z33 - 6.0)
      var shs = -zns * sun.s2 * (sun.z21 + sun.z23)
      // Near 0° and 180° inclination the node rate is undefined (AIAA 2006-6753).
      let nearPolarSingularity = inclo < 5.2359877e-2 || inclo > Double.pi - 5.2359877e-2
      if nearPolarSingularity { shs = 0.0 }
      if sinim != 0.0 { shs = shs / sinim }
      let sgs = sghs - cosim * shs

      // Lunar secular terms.
      dedt = ses + moon.s1 * znl * moon.s5
      didt = sis + moon.s2 * znl * (moon.z11 + moon.z13)
      dmdt = sls - znl * moon.s3 * (moon.z1 + moon.z3 - 14.0 - 6.0 * emsq)
      let sghl = moon.s4 * znl * (moon.z31 + moon.z33 - 6.0)
      var shll = -znl * moon.s2 * (moon.z21 + moon.z23)
      if nearPolarSingularity { shll = 0.0 }
      domdt = sgs + sghl
      dnodt = shs
      if sinim != 0.0 {
        domdt = domdt - cosim / sinim * shll
        dnodt = dnodt + shll / sinim
      }

      let theta = fmod(gsto, twoPi)
      resonance = irez
      guard irez != 0 else { return }
      let aonv = pow(nm / xke, x2o3)

      if irez == 2 {
        // Half-day (12 h) resonance: the polynomial fits in e use the epoch eccentricity.
        let cosisq = cosim * cosim
        let e = ecco
        let esq = eccsq
        let eoc = e * esq
        let g201 = -0.306 - (e - 0.64) * 0.440
        var g211 = 0.0, g310 = 0.0, g322 = 0.0, g410 = 0.0, g422 = 0.0, g520 = 0.0
        var g521 = 0.0, g532 = 0.0, g533 = 0.0
        if e <= 0.65 {
          g211 = 3.616 - 13.2470 * e + 16.2900 * esq
          g310 = -19.302 + 117.3900 * e - 228.4190 * esq + 156.5910 * eoc
          g322 = -18.9068 + 109.7927 * e - 214.6334 * esq + 146.5816 * eoc
          g410 = -41.122 + 242.6940 * e - 471.0940 * esq + 313.9530 * eoc
          g422 = -146.407 + 841.8800 * e - 1629.014 * esq + 1083.4350 * eoc
          g520 = -532.114 + 3017.977 * e - 5740.032 * esq + 3708.2760 * eoc
        } else {
          g211 = -72.099 + 331.819 * e - 508.738 * esq + 266.724 * eoc
          g310 = -346.844 + 1582.851 * e - 2415.925 * esq + 1246.113 * eoc
          g322 = -342.585 + 1554.908 * e - 2366.899 * esq + 1215.972 * eoc
          g410 = -1052.797 + 4758.686 * e - 7193.992 * esq + 3651.957 * eoc
          g422 = -3581.690 + 16178.110 * e - 24462.770 * esq + 12422.520 * eoc
          if e > 0.715 {
            g520 = -5149.66 + 29936.92 * e - 54087.36 * esq + 31324.56 * eoc
          } else {
            g520 = 1464.74 - 4664.75 * e + 3763.64 * esq
          }
        }
        if e < 0.7 {
          g533 = -919.22770 + 4988.6100 * e - 9064.7700 * esq + 5542.21 * eoc
          g521 = -822.71072 + 4568.6173 * e - 8491.4146 * esq + 5337.524 * eoc
          g532 = -853.66600 + 4690.2500 * e - 8624.7700 * esq + 5341.4 * eoc
        } else {
          g533 = -37995.780 + 161616.52 * e - 229838.20 * esq + 109377.94 * eoc
          g521 = -51752.104 + 218913.95 * e - 309468.16 * esq + 146349.42 * eoc
          g532 = -40023.880 + 170470.89 * e - 242699.48 * esq + 115605.82 * eoc
        }

        let sini2 = sinim * sinim
        let f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq)
        let f221 = 1.5 * sini2
        let f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq)
        let f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq)
        let f441 = 35.0 * sini2 * f220
        let f442 = 39.3750 * sini2 * sini2
        let f522 =
          9.84375 * sinim
          * (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq)
            + 0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq))
        let f523 =
          sinim
          * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq)
            + 6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq))
        let f542 =
          29.53125 * sinim * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq))
        let f543 =
          29.53125 * sinim * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq))
        let xno2 = nm * nm
        let ainv2 = aonv * aonv
        var temp1 = 3.0 * xno2 * ainv2
        var temp = temp1 * root22
        d2201 = temp * f220 * g201
        d2211 = temp * f221 * g211
        temp1 = temp1 * aonv
        temp = temp1 * root32
        d3210 = temp * f321 * g310
        d3222 = temp * f322 * g322
        temp1 = temp1 * aonv
        temp = 2.0 * temp1 * root44
        d4410 = temp * f441 * g410
        d4422 = temp * f442 * g422
        temp1 = temp1 * aonv
        temp = temp1 * root52
        d5220 = temp * f522 * g520
        d5232 = temp * f523 * g532
        temp = 2.0 * temp1 * root54
        d5421 = temp * f542 * g521
        d5433 = temp * f543 * g533
        xlamo = fmod(mo + nodeo + nodeo - theta - theta, twoPi)
        xfact = mdot + dmdt + 2.0 * (nodedot + dnodt - Self.rptim) - no
      } else {
        // Synchronous (24 h) resonance.
        let g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq)
        let g310 = 1.0 + 2.0 * emsq
        let g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq)
        let f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim)
        let f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim)
        var f330 = 1.0 + cosim
        f330 = 1.875 * f330 * f330 * f330
        del1 = 3.0 * nm * nm * aonv * aonv
        del2 = 2.0 * del1 * f220 * g200 * q22
        del3 = 3.0 * del1 * f330 * g300 * q33 * aonv
        del1 = del1 * f311 * g310 * q31 * aonv
        xlamo = fmod(mo + nodeo + argpo - theta, twoPi)
        xfact = mdot + xpidot - Self.rptim + dmdt + domdt + dnodt - no
      }
    }

    /// Lunar–solar secular terms and the resonance integration (`dspace`).
    ///
    /// The Euler–Maclaurin integration in 720-minute steps starts from `state` when that lies
    /// between the epoch and `t` (on the same side, not beyond), else from the epoch, and leaves
    /// its last step in `state`. The steps are fixed multiples of 720 min either way, so the
    /// numbers do not depend on the cache (as in the reference code).
    ///
    /// - Parameters: `t` (min), GMST at epoch (rad), the Brouwer mean motion (rad/min), ω₀ (rad)
    ///   and its rate (rad/min); the mean elements to update in place.
    @inlinable
    func secularAndResonance(
      t: Double, gsto: Double, meanMotion0 no: Double, argumentOfPerigee0 argpo: Double,
      argpdot: Double,
      em: inout Double, argpm: inout Double, inclm: inout Double, mm: inout Double,
      nodem: inout Double, nm: inout Double, resonanceState state: inout ResonanceState
    ) {
      let twoPi = 2.0 * Double.pi
      let theta = fmod(gsto + t * Self.rptim, twoPi)
      em = em + dedt * t
      inclm = inclm + didt * t
      argpm = argpm + domdt * t
      nodem = nodem + dnodt * t
      mm = mm + dmdt * t
      guard resonance != 0 else { return }

      let fasx2 = 0.13130908
      let fasx4 = 2.8843198
      let fasx6 = 0.37448087
      let g22 = 5.7686396
      let g32 = 0.95240898
      let g44 = 1.8014998
      let g52 = 1.0508330
      let g54 = 4.4108898
      let stepp = 720.0
      let step2 = 259_200.0  // stepp² / 2
      let delt = t > 0.0 ? stepp : -stepp

      // Continue from the cached integrator state when it lies between the epoch and t (the
      // reference's restart rule); the steps are the same either way, so are the numbers.
      var atime = 0.0
      var xni = no
      var xli = xlamo
      if state.atime != 0.0 && t * state.atime > 0.0 && abs(t) >= abs(state.atime) {
        atime = state.atime
        xni = state.xni
        xli = state.xli
      }
      var xndt = 0.0
      var xldot = 0.0
      var xnddt = 0.0
      var ft = 0.0
      while true {
        // Rates at (atime, xli, xni).
        if resonance != 2 {
          xndt =
            del1 * sin(xli - fasx2) + del2 * sin(2.0 * (xli - fasx4))
            + del3 * sin(3.0 * (xli - fasx6))
          xldot = xni + xfact
          xnddt =
            del1 * cos(xli - fasx2) + 2.0 * del2 * cos(2.0 * (xli - fasx4))
            + 3.0 * del3 * cos(3.0 * (xli - fasx6))
          xnddt = xnddt * xldot
        } else {
          let xomi = argpo + argpdot * atime
          let x2omi = xomi + xomi
          let x2li = xli + xli
          xndt =
            d2201 * sin(x2omi + xli - g22) + d2211 * sin(xli - g22)
            + d3210 * sin(xomi + xli - g32) + d3222 * sin(-xomi + xli - g32)
            + d4410 * sin(x2omi + x2li - g44) + d4422 * sin(x2li - g44)
            + d5220 * sin(xomi + xli - g52) + d5232 * sin(-xomi + xli - g52)
            + d5421 * sin(xomi + x2li - g54) + d5433 * sin(-xomi + x2li - g54)
          xldot = xni + xfact
          xnddt =
            d2201 * cos(x2omi + xli - g22) + d2211 * cos(xli - g22)
            + d3210 * cos(xomi + xli - g32) + d3222 * cos(-xomi + xli - g32)
            + d5220 * cos(xomi + xli - g52) + d5232 * cos(-xomi + xli - g52)
            + 2.0
            * (d4410 * cos(x2omi + x2li - g44) + d4422 * cos(x2li - g44)
              + d5421 * cos(xomi + x2li - g54) + d5433 * cos(-xomi + x2li - g54))
          xnddt = xnddt * xldot
        }
        if abs(t - atime) >= stepp {
          xli = xli + xldot * delt + xndt * step2
          xni = xni + xndt * delt + xnddt * step2
          atime = atime + delt
        } else {
          ft = t - atime
          break
        }
      }
      state = ResonanceState(atime: atime, xni: xni, xli: xli)
      nm = xni + xndt * ft + xnddt * ft * ft * 0.5
      let xl = xli + xldot * ft + xndt * ft * ft * 0.5
      if resonance != 1 {
        mm = xl - 2.0 * nodem + 2.0 * theta
      } else {
        mm = xl - nodem - argpm + theta
      }
      let dndt = nm - no
      nm = no + dndt
    }

    /// Lunar–solar periodics applied to the mean elements (`dpper`, after initialisation).
    ///
    /// Below 0.2 rad of perturbed inclination the periodics are applied to the node and
    /// perigee through the Lyddane modification (AIAA 2006-6753).
    ///
    /// - Parameters: `t` (min); whether the AFSPC node wrap applies; the elements (rad) to
    ///   update in place.
    @inlinable
    func periodics(
      t: Double, afspc: Bool,
      ep: inout Double, inclp: inout Double, nodep: inout Double, argpp: inout Double,
      mp: inout Double
    ) {
      let twoPi = 2.0 * Double.pi
      // Solar terms.
      var zm = zmos + Self.zns * t
      var zf = zm + 2.0 * Self.zes * sin(zm)
      var sinzf = sin(zf)
      var f2 = 0.5 * sinzf * sinzf - 0.25
      var f3 = -0.5 * sinzf * cos(zf)
      let ses = se2 * f2 + se3 * f3
      let sis = si2 * f2 + si3 * f3
      let sls = sl2 * f2 + sl3 * f3 + sl4 * sinzf
      let sghs = sgh2 * f2 + sgh3 * f3 + sgh4 * sinzf
      let shs = sh2 * f2 + sh3 * f3
      // Lunar terms.
      zm = zmol + Self.znl * t
      zf = zm + 2.0 * Self.zel * sin(zm)
      sinzf = sin(zf)
      f2 = 0.5 * sinzf * sinzf - 0.25
      f3 = -0.5 * sinzf * cos(zf)
      let sel = ee2 * f2 + e3 * f3
      let sil = xi2 * f2 + xi3 * f3
      let sll = xl2 * f2 + xl3 * f3 + xl4 * sinzf
      let sghl = xgh2 * f2 + xgh3 * f3 + xgh4 * sinzf
      let shll = xh2 * f2 + xh3 * f3

      // The epoch values of the periodics are taken as zero (AIAA 2006-6753).
      let pe = ses + sel
      let pinc = sis + sil
      let pl = sls + sll
      var pgh = sghs + sghl
      var ph = shs + shll

      inclp = inclp + pinc
      ep = ep + pe
      let sinip = sin(inclp)
      let cosip = cos(inclp)
      if inclp >= 0.2 {
        ph = ph / sinip
        pgh = pgh - cosip * ph
        argpp = argpp + pgh
        nodep = nodep + ph
        mp = mp + pl
      } else {
        // Lyddane modification for small inclinations.
        let sinop = sin(nodep)
        let cosop = cos(nodep)
        var alfdp = sinip * sinop
        var betdp = sinip * cosop
        let dalf = ph * cosop + pinc * cosip * sinop
        let dbet = -ph * sinop + pinc * cosip * cosop
        alfdp = alfdp + dalf
        betdp = betdp + dbet
        nodep = fmod(nodep, twoPi)
        if nodep < 0.0 && afspc { nodep = nodep + twoPi }
        var xls = mp + argpp + cosip * nodep
        let dls = pl + pgh - pinc * nodep * sinip
        xls = xls + dls
        let xnoh = nodep
        nodep = atan2(alfdp, betdp)
        if nodep < 0.0 && afspc { nodep = nodep + twoPi }
        if abs(xnoh - nodep) > Double.pi {
          if nodep < xnoh {
            nodep = nodep + twoPi
          } else {
            nodep = nodep - twoPi
          }
        }
        mp = mp + pl
        argpp = xls - mp - cosip * nodep
      }
    }
  }
}
