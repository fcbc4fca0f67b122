// NRLMSISE-00 horizontal and temporal variations: the G(L) expansion in associated Legendre
// functions of latitude, local solar time, day of year, universal time, longitude, F10.7 and
// magnetic activity, for the thermosphere (the model's GLOBE7) and for the lower atmosphere
// (GLOB7S), including the 3-hourly ap function of the storm-time mode (Hedin 1987, Eqs. A24a–d).
//
// Model: Picone, Hedin, Drob & Aikin (2002), J. Geophys. Res. 107(A12), 1468; Hedin (1987),
// J. Geophys. Res. 92(A5), 4649, Appendix (the G(L) terms and their coefficient numbering);
// Hedin (1991), J. Geophys. Res. 96(A2), 1159. The angle constants (DGTR = 1.74533e-2 rad/deg,
// DR = 1.72142e-2 rad/day, HR = 0.2618 rad/h, SR = 7.2722e-5 rad/s) are the model's own and are
// kept so that results match the NRL code. Coefficient index i below is the model's P(i+1).
// Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The model's degree → radian factor.
let degreeToRadian = 1.74533e-2
/// The model's day → radian factor (2π/365).
let dayToRadian = 1.72142e-2
/// The model's hour → radian factor (2π/24).
let hourToRadian = 0.2618
/// The model's second → radian factor (2π/86400).
let secondToRadian = 7.2722e-5

extension NRLMSISE00 {
  /// A view of one coefficient set: `values[base + i]` is the set's term i.
  struct Terms {
    let values: [Double]
    let base: Int

    init(_ values: [Double], set: Int = 0, size: Int = 150) {
      self.values = values
      self.base = set * size
    }

    subscript(i: Int) -> Double { values[base &+ i] }
  }

  /// Everything the expansions need that does not depend on the coefficient set: Legendre
  /// functions of latitude, local-time harmonics, the solar and magnetic drivers.
  struct Drivers {
    /// P(n, m)(sin φ) stored at `legendre[9·m + n]`, in the model's normalisation.
    var legendre = InlineArray<36, Double>(repeating: 0)
    var cosLST = 0.0, sinLST = 0.0
    var cos2LST = 0.0, sin2LST = 0.0
    var cos3LST = 0.0, sin3LST = 0.0
    var dayOfYear = 0.0
    var secondsOfDay = 0.0
    var latitudeDegrees = 0.0
    var longitudeDegrees = 0.0
    var localTimeHours = 0.0
    var cosLongitude = 0.0, sinLongitude = 0.0
    /// F10.7 − F10.7A and F10.7A − 150 (sfu).
    var df = 0.0, dfa = 0.0
    var f107Average = 0.0
    var apDaily = 0.0
    var apHistory: ApHistory? = nil

    func p(_ n: Int, _ m: Int) -> Double { legendre[9 &* m &+ n] }

    init(_ input: Input) {
      latitudeDegrees = input.latitude * (180.0 / Double.pi)
      longitudeDegrees = input.longitude * (180.0 / Double.pi)
      dayOfYear = Double(input.dayOfYear)
      secondsOfDay = input.secondsOfDay
      localTimeHours = input.localSolarTime / 3600.0
      f107Average = input.f107Average
      df = input.f107 - input.f107Average
      dfa = input.f107Average - 150.0
      apDaily = input.ap
      apHistory = input.apHistory

      let c = sin(latitudeDegrees * degreeToRadian)
      let s = cos(latitudeDegrees * degreeToRadian)
      let c2 = c * c, c4 = c2 * c2, s2 = s * s
      var l = InlineArray<36, Double>(repeating: 0)
      // m = 0
      l[1] = c
      l[2] = 0.5 * (3.0 * c2 - 1.0)
      l[3] = 0.5 * (5.0 * c * c2 - 3.0 * c)
      l[4] = (35.0 * c4 - 30.0 * c2 + 3.0) / 8.0
      l[5] = (63.0 * c2 * c2 * c - 70.0 * c2 * c + 15.0 * c) / 8.0
      l[6] = (11.0 * c * l[5] - 5.0 * l[4]) / 6.0
      // m = 1
      l[9 + 1] = s
      l[9 + 2] = 3.0 * c * s
      l[9 + 3] = 1.5 * (5.0 * c2 - 1.0) * s
      l[9 + 4] = 2.5 * (7.0 * c2 * c - 3.0 * c) * s
      l[9 + 5] = 1.875 * (21.0 * c4 - 14.0 * c2 + 1.0) * s
      l[9 + 6] = (11.0 * c * l[9 + 5] - 6.0 * l[9 + 4]) / 5.0
      // m = 2
      l[18 + 2] = 3.0 * s2
      l[18 + 3] = 15.0 * s2 * c
      l[18 + 4] = 7.5 * (7.0 * c2 - 1.0) * s2
      l[18 + 5] = 3.0 * c * l[18 + 4] - 2.0 * l[18 + 3]
      l[18 + 6] = (11.0 * c * l[18 + 5] - 7.0 * l[18 + 4]) / 4.0
      l[18 + 7] = (13.0 * c * l[18 + 6] - 8.0 * l[18 + 5]) / 5.0
      // m = 3
      l[27 + 3] = 15.0 * s2 * s
      l[27 + 4] = 105.0 * s2 * s * c
      l[27 + 5] = (9.0 * c * l[27 + 4] - 7.0 * l[27 + 3]) / 2.0
      l[27 + 6] = (11.0 * c * l[27 + 5] - 8.0 * l[27 + 4]) / 3.0
      legendre = l

      let tl = localTimeHours
      sinLST = sin(hourToRadian * tl)
      cosLST = cos(hourToRadian * tl)
      sin2LST = sin(2.0 * hourToRadian * tl)
      cos2LST = cos(2.0 * hourToRadian * tl)
      sin3LST = sin(3.0 * hourToRadian * tl)
      cos3LST = cos(3.0 * hourToRadian * tl)
      cosLongitude = cos(degreeToRadian * longitudeDegrees)
      sinLongitude = sin(degreeToRadian * longitudeDegrees)
    }
  }

  /// The daily-Ap magnetic function of a coefficient set (the model's APDF).
  static func dailyApFunction(_ p: Terms, _ d: Drivers) -> Double {
    let apd = d.apDaily - 4.0
    let p44 = p[43] < 0 ? 1.0e-5 : p[43]
    let p45 = p[44]
    return apd + (p45 - 1.0) * (apd + (exp(-p44 * apd) - 1.0) / p44)
  }

  /// The 3-hourly ap function of a coefficient set (Hedin 1987 Eq. A24a; the model's SG0), or
  /// nil when the set has no storm-time term (term 51 zero).
  static func apHistoryFunction(_ p: Terms, _ d: Drivers, _ ap: ApHistory) -> Double? {
    guard p[51] != 0 else { return nil }
    var ex = exp(-10800.0 * abs(p[51]) / (1.0 + p[138] * (45.0 - abs(d.latitudeDegrees))))
    if ex > 0.99999 { ex = 0.99999 }
    let p24 = max(p[24], 1.0e-4)  // the model raises this term to 1e-4 before use
    let p25 = p[25]
    func g0(_ a: Double) -> Double {  // Eq. A24d
      a - 4.0 + (p25 - 1.0) * (a - 4.0 + (exp(-p24 * (a - 4.0)) - 1.0) / p24)
    }
    let ex2 = ex * ex, ex3 = ex2 * ex, ex4 = ex2 * ex2, ex8 = ex4 * ex4, ex12 = ex8 * ex4
    let ex19 = ex12 * ex4 * ex3
    let sumex = 1.0 + (1.0 - ex19) / (1.0 - ex) * ex.squareRoot()  // Eq. A24c
    let weighted =
      g0(ap.before3h) * ex + g0(ap.before6h) * ex2 + g0(ap.before9h) * ex3
      + (g0(ap.mean12To33h) * ex4 + g0(ap.mean36To57h) * ex12) * (1.0 - ex8) / (1.0 - ex)
    return (g0(ap.current) + weighted) / sumex
  }

  /// G(L) for the thermospheric quantities: T∞, the lower-boundary gradient and temperature,
  /// and each species' lower-boundary density (the model's GLOBE7). Returns term 30 plus the sum
  /// of the variations.
  static func thermosphericVariation(_ p: Terms, _ d: Drivers) -> Double {
    let cd32 = cos(dayToRadian * (d.dayOfYear - p[31]))
    let cd18 = cos(2.0 * dayToRadian * (d.dayOfYear - p[17]))
    let cd14 = cos(dayToRadian * (d.dayOfYear - p[13]))
    let cd39 = cos(2.0 * dayToRadian * (d.dayOfYear - p[38]))
    let df = d.df, dfa = d.dfa
    let p10 = d.p(1, 0), p20 = d.p(2, 0), p30 = d.p(3, 0), p40 = d.p(4, 0), p50 = d.p(5, 0)
    let p60 = d.p(6, 0)
    let p11 = d.p(1, 1), p21 = d.p(2, 1), p31 = d.p(3, 1), p41 = d.p(4, 1), p51 = d.p(5, 1)
    let p61 = d.p(6, 1)
    let p22 = d.p(2, 2), p32 = d.p(3, 2), p42 = d.p(4, 2), p52 = d.p(5, 2), p72 = d.p(7, 2)
    let p33 = d.p(3, 3), p43 = d.p(4, 3), p63 = d.p(6, 3)

    // Solar flux.
    let flux = p[19] * df * (1.0 + p[59] * dfa) + p[20] * df * df + p[21] * dfa + p[29] * (dfa * dfa)
    let f1 = 1.0 + (p[47] * dfa + p[19] * df + p[20] * df * df)
    let f2 = 1.0 + (p[49] * dfa + p[19] * df + p[20] * df * df)
    // Time independent, annual and semiannual.
    let zonal = (p[1] * p20 + p[2] * p40 + p[22] * p60) + (p[14] * p20) * dfa + p[26] * p10
    let annual = p[18] * cd32
    let semiannual = (p[15] + p[16] * p20) * cd18
    let asymmetricAnnual = f1 * (p[9] * p10 + p[10] * p30) * cd14
    let asymmetricSemiannual = p[37] * p10 * cd39
    // Diurnal, semidiurnal, terdiurnal.
    let diurnal =
      f2
      * ((p[3] * p11 + p[4] * p31 + p[27] * p51 + (p[11] * p21) * cd14) * d.cosLST
        + (p[6] * p11 + p[7] * p31 + p[28] * p51 + (p[12] * p21) * cd14) * d.sinLST)
    let sd1 = (p[23] * p32 + p[35] * p52) * cd14
    let sd2 = (p[33] * p32 + p[36] * p52) * cd14
    let semidiurnal = f2 * ((p[5] * p22 + p[41] * p42 + sd1) * d.cos2LST + (p[8] * p22 + p[42] * p42 + sd2) * d.sin2LST)
    let terdiurnal =
      f2
      * ((p[39] * p33 + (p[93] * p43 + p[46] * p63) * cd14) * d.sin3LST
        + (p[40] * p33 + (p[94] * p43 + p[48] * p63) * cd14) * d.cos3LST)
    // Magnetic activity.
    var magnetic = 0.0
    var magneticUT = 0.0
    if let history = d.apHistory {
      if let apt = apHistoryFunction(p, d, history) {
        magnetic =
          apt
          * (p[50] + p[96] * p20 + p[54] * p40 + (p[125] * p10 + p[126] * p30 + p[127] * p50) * cd14
            + (p[128] * p11 + p[129] * p31 + p[130] * p51) * cos(hourToRadian * (d.localTimeHours - p[131])))
        magneticUT =
          apt * (1.0 + p[132] * p10) * ((p[52] * p21 + p[98] * p41 + p[67] * p61) * cos(degreeToRadian * (d.longitudeDegrees - p[97])))
          + apt * (p[133] * p11 + p[134] * p31 + p[135] * p51) * cd14 * cos(degreeToRadian * (d.longitudeDegrees - p[136]))
          + apt * (p[55] * p10 + p[56] * p30 + p[57] * p50) * cos(secondToRadian * (d.secondsOfDay - p[58]))
      }
    } else {
      let apdf = dailyApFunction(p, d)
      magnetic =
        apdf
        * (p[32] + p[45] * p20 + p[34] * p40 + (p[100] * p10 + p[101] * p30 + p[102] * p50) * cd14
          + (p[121] * p11 + p[122] * p31 + p[123] * p51) * cos(hourToRadian * (d.localTimeHours - p[124])))
      magneticUT =
        apdf * (1.0 + p[120] * p10) * ((p[60] * p21 + p[61] * p41 + p[62] * p61) * cos(degreeToRadian * (d.longitudeDegrees - p[63])))
        + apdf * (p[115] * p11 + p[116] * p31 + p[117] * p51) * cd14 * cos(degreeToRadian * (d.longitudeDegrees - p[118]))
        + apdf * (p[83] * p10 + p[84] * p30 + p[85] * p50) * cos(secondToRadian * (d.secondsOfDay - p[75]))
    }
    // Longitude and universal time.
    let cosTerms =
      p[64] * p21 + p[65] * p41 + p[66] * p61 + p[103] * p11 + p[104] * p31 + p[105] * p51
      + (p[109] * p11 + p[110] * p31 + p[111] * p51) * cd14
    let sinTerms =
      p[90] * p21 + p[91] * p41 + p[92] * p61 + p[106] * p11 + p[107] * p31 + p[108] * p51
      + (p[112] * p11 + p[113] * p31 + p[114] * p51) * cd14
    let longitudinal = (1.0 + p[80] * dfa) * (cosTerms * d.cosLongitude + sinTerms * d.sinLongitude)
    var universal =
      (1.0 + p[95] * p10) * (1.0 + p[81] * dfa) * (1.0 + p[119] * p10 * cd14)
      * ((p[68] * p10 + p[69] * p30 + p[70] * p50) * cos(secondToRadian * (d.secondsOfDay - p[71])))
    universal +=
      (p[76] * p32 + p[77] * p52 + p[78] * p72)
      * cos(secondToRadian * (d.secondsOfDay - p[79]) + 2.0 * degreeToRadian * d.longitudeDegrees) * (1.0 + p[137] * dfa)

    // Summed in the model's order (terms 1…14).
    var g = p[30]
    g += flux
    g += zonal
    g += annual
    g += semiannual
    g += asymmetricAnnual
    g += asymmetricSemiannual
    g += diurnal
    g += semidiurnal
    g += magnetic
    g += 0  // term 10 is unused
    g += longitudinal
    g += universal
    g += magneticUT
    g += terdiurnal
    return g
  }

  /// G(L) for the lower thermosphere and middle atmosphere temperature nodes (the model's
  /// GLOB7S). `magnetic` is the magnetic function carried over from the last thermospheric
  /// evaluation, as the model does (APDF, or the 3-hourly function in the storm-time mode).
  static func lowerVariation(_ p: Terms, _ d: Drivers, magnetic: Double) -> Double {
    let cd32 = cos(dayToRadian * (d.dayOfYear - p[31]))
    let cd18 = cos(2.0 * dayToRadian * (d.dayOfYear - p[17]))
    let cd14 = cos(dayToRadian * (d.dayOfYear - p[13]))
    let cd39 = cos(2.0 * dayToRadian * (d.dayOfYear - p[38]))
    let p10 = d.p(1, 0), p20 = d.p(2, 0), p30 = d.p(3, 0), p40 = d.p(4, 0), p50 = d.p(5, 0)
    let p60 = d.p(6, 0)
    let p11 = d.p(1, 1), p21 = d.p(2, 1), p31 = d.p(3, 1), p41 = d.p(4, 1), p51 = d.p(5, 1)
    let p61 = d.p(6, 1)
    let p22 = d.p(2, 2), p32 = d.p(3, 2), p42 = d.p(4, 2), p52 = d.p(5, 2)
    let p33 = d.p(3, 3)

    let flux = p[21] * d.dfa
    let zonal = p[1] * p20 + p[2] * p40 + p[22] * p60 + p[26] * p10 + p[14] * p30 + p[59] * p50
    let annual = (p[18] + p[47] * p20 + p[29] * p40) * cd32
    let semiannual = (p[15] + p[16] * p20 + p[30] * p40) * cd18
    let asymmetricAnnual = (p[9] * p10 + p[10] * p30 + p[20] * p50) * cd14
    let asymmetricSemiannual = (p[37] * p10) * cd39
    let diurnal =
      (p[3] * p11 + p[4] * p31 + p[11] * p21 * cd14) * d.cosLST
      + (p[6] * p11 + p[7] * p31 + p[12] * p21 * cd14) * d.sinLST
    let sd1 = (p[23] * p32 + p[35] * p52) * cd14
    let sd2 = (p[33] * p32 + p[36] * p52) * cd14
    let semidiurnal = (p[5] * p22 + p[41] * p42 + sd1) * d.cos2LST + (p[8] * p22 + p[42] * p42 + sd2) * d.sin2LST
    let terdiurnal = p[39] * p33 * d.sin3LST + p[40] * p33 * d.cos3LST
    let magneticTerm: Double
    if d.apHistory != nil {
      magneticTerm = p[50] * magnetic + p[96] * p20 * magnetic
    } else {
      magneticTerm = magnetic * (p[32] + p[45] * p20)
    }
    let seasonal =
      1.0
      + p10 * (p[80] * cos(dayToRadian * (d.dayOfYear - p[81])) + p[85] * cos(2.0 * dayToRadian * (d.dayOfYear - p[86])))
      + p[83] * cos(dayToRadian * (d.dayOfYear - p[84])) + p[87] * cos(2.0 * dayToRadian * (d.dayOfYear - p[88]))
    let longitudinal =
      seasonal
      * ((p[64] * p21 + p[65] * p41 + p[66] * p61 + p[74] * p11 + p[75] * p31 + p[76] * p51) * d.cosLongitude
        + (p[90] * p21 + p[91] * p41 + p[92] * p61 + p[77] * p11 + p[78] * p31 + p[79] * p51) * d.sinLongitude)

    var g = 0.0
    g += flux
    g += zonal
    g += annual
    g += semiannual
    g += asymmetricAnnual
    g += asymmetricSemiannual
    g += diurnal
    g += semidiurnal
    g += magneticTerm
    g += 0
    g += longitudinal
    g += 0
    g += 0
    g += terdiurnal
    return g
  }
}
