// NRLMSISE-00 vertical profiles: the Bates temperature profile above the lower boundary, cubic
// splines of inverse temperature in geopotential height below it, the density integrals of
// both, the turbopause (mixing) blend and the chemistry/dissociation corrections.
//
// Model: Picone, Hedin, Drob & Aikin (2002), J. Geophys. Res. 107(A12), 1468, and its
// predecessors Hedin (1987) (MSIS-86, J. Geophys. Res. 92(A5), 4649) and Hedin (1991)
// (MSISE-90, J. Geophys. Res. 96(A2), 1159), whose appendices define the profiles. The numeric
// constants (R = 831.4 in the model's CGS-km units, the gravity formula, the clamps at 50 and 70)
// are the model's own, as in the NRL distribution. Spline second derivatives follow the standard
// natural/clamped cubic-spline recurrence (Press et al., Numerical Recipes, §3.3), as the model
// does. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension NRLMSISE00 {
  /// Gas constant in the model's units (km²·g/(s²·K) scaled to the model's gravity in cm/s²).
  static let gasConstant = 831.4

  /// Surface gravity (cm/s²) and effective Earth radius (km) at a geodetic latitude, the model's
  /// latitude dependence of gravity (its routine GLATF).
  struct Gravity {
    var surface: Double  // cm/s²
    var radius: Double  // km

    init(latitudeDegrees: Double) {
      let c2 = cos(2.0 * degreeToRadian * latitudeDegrees)
      surface = 980.616 * (1.0 - 0.0026373 * c2)
      radius = 2.0 * surface / (3.085462e-6 + 2.27e-9 * c2) * 1.0e-5
    }

    /// Geopotential height difference between `z` and the reference `zl` (km).
    func zeta(_ z: Double, _ zl: Double) -> Double { (z - zl) * (radius + zl) / (radius + z) }

    /// Pressure scale height (km) of a species of mass `mass` (amu) at temperature `t` (K).
    func scaleHeight(altitude z: Double, mass: Double, temperature t: Double) -> Double {
      let g = surface / ((1.0 + z / radius) * (1.0 + z / radius))
      return NRLMSISE00.gasConstant * t / (g * mass)
    }
  }

  /// Up to five spline nodes: abscissae (normalised geopotential), 1/T, and second derivatives.
  struct InverseTemperatureSpline {
    var x = InlineArray<5, Double>(repeating: 0)
    var y = InlineArray<5, Double>(repeating: 0)
    var y2 = InlineArray<5, Double>(repeating: 0)
    var count = 0
    /// Geopotential span of the nodes (km).
    var span = 0.0
    /// First node's height (km) and temperature (K).
    var z1 = 0.0
    var t1 = 0.0

    /// Builds the spline through `(heights[i], temperatures[i])` with end gradients (K/km).
    ///
    /// Heights run downwards from the first node (the model's order); the abscissa is the
    /// geopotential height from the first node divided by the span.
    init(
      heights: InlineArray<5, Double>, temperatures: InlineArray<5, Double>, count n: Int,
      gradientTop: Double, gradientBottom: Double, gravity: Gravity
    ) {
      count = n
      z1 = heights[0]
      t1 = temperatures[0]
      let z2 = heights[n - 1], t2 = temperatures[n - 1]
      span = gravity.zeta(z2, z1)
      for k in 0..<n {
        x[k] = gravity.zeta(heights[k], z1) / span
        y[k] = 1.0 / temperatures[k]
      }
      let ratio = (gravity.radius + z2) / (gravity.radius + z1)
      let slope1 = -gradientTop / (t1 * t1) * span
      let slopeN = -gradientBottom / (t2 * t2) * span * (ratio * ratio)
      // Clamped cubic spline: tridiagonal sweep, then back substitution.
      var u = InlineArray<5, Double>(repeating: 0)
      y2[0] = -0.5
      u[0] = (3.0 / (x[1] - x[0])) * ((y[1] - y[0]) / (x[1] - x[0]) - slope1)
      for i in 1..<(n - 1) {
        let sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1])
        let p = sig * y2[i - 1] + 2.0
        y2[i] = (sig - 1.0) / p
        let d = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1])
        u[i] = (6.0 * d / (x[i + 1] - x[i - 1]) - sig * u[i - 1]) / p
      }
      let qn = 0.5
      let un = (3.0 / (x[n - 1] - x[n - 2])) * (slopeN - (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]))
      y2[n - 1] = (un - qn * u[n - 2]) / (qn * y2[n - 2] + 1.0)
      var k = n - 2
      while k >= 0 {
        y2[k] = y2[k] * y2[k + 1] + u[k]
        k -= 1
      }
    }

    /// The interpolated 1/T at abscissa `xv` (bisection for the interval).
    func value(at xv: Double) -> Double {
      var lo = 0, hi = count - 1
      while hi - lo > 1 {
        let mid = (hi + lo) / 2
        if x[mid] > xv { hi = mid } else { lo = mid }
      }
      let h = x[hi] - x[lo]
      let a = (x[hi] - xv) / h
      let b = (xv - x[lo]) / h
      return a * y[lo] + b * y[hi] + ((a * a * a - a) * y2[lo] + (b * b * b - b) * y2[hi]) * h * h / 6.0
    }

    /// The integral of the spline from the first node to `xv`.
    func integral(to xv: Double) -> Double {
      var sum = 0.0
      var lo = 0, hi = 1
      while xv > x[lo] && hi < count {
        var xx = xv
        if hi < count - 1 && xv >= x[hi] { xx = x[hi] }
        let h = x[hi] - x[lo]
        let a = (x[hi] - xx) / h
        let b = (xx - x[lo]) / h
        let a2 = a * a, b2 = b * b
        let linear = (1.0 - a2) * y[lo] / 2.0 + b2 * y[hi] / 2.0
        let curvature = ((-(1.0 + a2 * a2) / 4.0 + a2 / 2.0) * y2[lo] + (b2 * b2 / 4.0 - b2 / 2.0) * y2[hi]) * h * h / 6.0
        sum += (linear + curvature) * h
        lo += 1
        hi += 1
      }
      return sum
    }
  }

  /// The thermospheric temperature profile: Bates above the first spline node `za`, the spline
  /// through the lower-thermosphere nodes below it (the model's DENSU).
  struct ThermosphereProfile {
    var exosphericTemperature: Double  // K
    var boundaryTemperature: Double  // K at zlb
    var boundaryHeight: Double  // zlb, km
    var shape: Double  // σ = s, 1/km
    var joinHeight: Double  // za, km
    var joinTemperature: Double  // K at za
    var spline: InverseTemperatureSpline
    var lowestNode: Double  // km
    var gravity: Gravity

    /// The profile for T∞, T_lb, σ, the node heights (za first) and the lower node temperatures
    /// and bottom gradient; the top node's temperature and gradient come from the Bates curve.
    init(
      tinf: Double, tlb: Double, zlb: Double, shape s: Double, nodeHeights: InlineArray<5, Double>,
      nodeTemperatures: InlineArray<5, Double>, bottomGradient: Double, gravity g: Gravity
    ) {
      exosphericTemperature = tinf
      boundaryTemperature = tlb
      boundaryHeight = zlb
      shape = s
      gravity = g
      let za = nodeHeights[0]
      joinHeight = za
      let ta = tinf - (tinf - tlb) * exp(-s * g.zeta(za, zlb))
      joinTemperature = ta
      let r = (g.radius + zlb) / (g.radius + za)
      let dta = (tinf - ta) * s * (r * r)
      var temperatures = nodeTemperatures
      temperatures[0] = ta
      spline = InverseTemperatureSpline(
        heights: nodeHeights, temperatures: temperatures, count: 5, gradientTop: dta,
        gradientBottom: bottomGradient, gravity: g)
      lowestNode = nodeHeights[4]
    }

    /// Temperature (K) at `z` (km).
    func temperature(at z: Double) -> Double {
      if z >= joinHeight {
        return exosphericTemperature - (exosphericTemperature - boundaryTemperature) * exp(-shape * gravity.zeta(z, boundaryHeight))
      }
      let zz = max(z, lowestNode)
      return 1.0 / spline.value(at: gravity.zeta(zz, spline.z1) / spline.span)
    }

    /// Density at `z` (km) of a gas of molecular mass `mass` (amu) with thermal-diffusion
    /// coefficient `alpha`, from the value `base` at the lower boundary zlb (any unit).
    func density(at z: Double, base: Double, mass: Double, alpha: Double) -> Double {
      let zAbove = max(z, joinHeight)
      let zg2 = gravity.zeta(zAbove, boundaryHeight)
      let tt = exosphericTemperature - (exosphericTemperature - boundaryTemperature) * exp(-shape * zg2)
      let glb = gravity.surface / ((1.0 + boundaryHeight / gravity.radius) * (1.0 + boundaryHeight / gravity.radius))
      let gamma = mass * glb / (shape * NRLMSISE00.gasConstant * exosphericTemperature)
      var expl = exp(-shape * gamma * zg2)
      if expl > 50.0 || tt <= 0 { expl = 50.0 }  // the model's guard
      let above = base * pow(boundaryTemperature / tt, 1.0 + alpha + gamma) * expl
      if z >= joinHeight { return above }
      // Below za: hydrostatic integral of the spline of 1/T.
      let zs = max(z, lowestNode)
      let x = gravity.zeta(zs, spline.z1) / spline.span
      let tz = 1.0 / spline.value(at: x)
      let z1 = spline.z1
      let g1 = gravity.surface / ((1.0 + z1 / gravity.radius) * (1.0 + z1 / gravity.radius))
      let gamm = mass * g1 * spline.span / NRLMSISE00.gasConstant
      var e = gamm * spline.integral(to: x)
      if e > 50.0 || tz <= 0 { e = 50.0 }
      return above * pow(spline.t1 / tz, 1.0 + alpha) * exp(-e)
    }
  }

  /// Middle-atmosphere profile below 72.5 km: two splines (72.5–32.5 km, 32.5–0 km) of 1/T
  /// (the model's DENSM).
  struct MiddleAtmosphereProfile {
    var upper: InverseTemperatureSpline
    var lower: InverseTemperatureSpline?
    var upperTop: Double
    var upperBottom: Double
    var gravity: Gravity

    /// Temperature (K) and, for `mass` > 0, density from `base` at 72.5 km, at `z` (km).
    func evaluate(at z: Double, base: Double, mass: Double) -> (temperature: Double, density: Double) {
      var density = base
      var tz = 0.0
      // Stratosphere/mesosphere.
      let zu = max(z, upperBottom)
      let xu = gravity.zeta(zu, upper.z1) / upper.span
      tz = 1.0 / upper.value(at: xu)
      if mass != 0 {
        let g1 = gravity.surface / ((1.0 + upper.z1 / gravity.radius) * (1.0 + upper.z1 / gravity.radius))
        let gamm = mass * g1 * upper.span / NRLMSISE00.gasConstant
        let e = min(50.0, gamm * upper.integral(to: xu))
        density = density * (upper.t1 / tz) * exp(-e)
      }
      guard z <= upperBottom, let lower else { return (tz, density) }
      // Troposphere/stratosphere.
      let xl = gravity.zeta(z, lower.z1) / lower.span
      tz = 1.0 / lower.value(at: xl)
      if mass != 0 {
        let g1 = gravity.surface / ((1.0 + lower.z1 / gravity.radius) * (1.0 + lower.z1 / gravity.radius))
        let gamm = mass * g1 * lower.span / NRLMSISE00.gasConstant
        let e = min(50.0, gamm * lower.integral(to: xl))
        density = density * (lower.t1 / tz) * exp(-e)
      }
      return (tz, density)
    }
  }

  /// Blend of the diffusive density `dd` and the fully mixed density `dm` across the turbopause
  /// (the model's DNET): `zhm` transition scale, `xmm` mixed and `xm` species mass (amu).
  static func turbopauseBlend(diffusive dd: Double, mixed dm: Double, scale zhm: Double, mixedMass xmm: Double, mass xm: Double)
    -> Double
  {
    let a = zhm / (xmm - xm)
    if !(dm > 0 && dd > 0) {
      if dd == 0 && dm == 0 { return 1 }  // the model's convention for an empty column
      if dm == 0 { return dd }
      if dd == 0 { return dm }
    }
    let ylog = a * log(dm / dd)
    if ylog < -10 { return dd }
    if ylog > 10 { return dm }
    return dd * pow(1.0 + exp(ylog), 1.0 / a)
  }

  /// Chemistry/dissociation correction factor exp(R / (1 + e^((z − zh)/h1))) (the model's CCOR).
  static func chemistryCorrection(_ z: Double, ratio r: Double, scale h1: Double, height zh: Double) -> Double {
    let e = (z - zh) / h1
    if e > 70 { return 1 }
    if e < -70 { return exp(r) }
    return exp(r / (1.0 + exp(e)))
  }

  /// Two-scale variant exp(R / (1 + (e^((z − zh)/h1) + e^((z − zh)/h2))/2)) (the model's CCOR2).
  static func chemistryCorrection(_ z: Double, ratio r: Double, scale h1: Double, height zh: Double, scale2 h2: Double)
    -> Double
  {
    let e1 = (z - zh) / h1, e2 = (z - zh) / h2
    if e1 > 70 || e2 > 70 { return 1 }
    if e1 < -70 && e2 < -70 { return exp(r) }
    return exp(r / (1.0 + 0.5 * (exp(e1) + exp(e2))))
  }
}
