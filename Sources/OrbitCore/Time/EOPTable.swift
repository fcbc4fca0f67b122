// IERS Earth-orientation parameters (Bulletin A, finals2000A), daily at 0h UTC.
//
// References: IERS Rapid Service/Prediction Centre, finals2000A.all, as shipped in
// astropy-iers-data 0.2026.11.2.0.34.55 (Tests/ReferenceData/iers/PROVENANCE.md).
// Interpolation rule (ours, documented): linear in the fraction of the UTC day between the rows
// at 0h of that day and the next, applied to x_p, y_p, LOD, dX, dY and to UT1 − TAI (which is
// continuous across leap seconds, unlike UT1 − UTC).

/// Earth-orientation values at one instant.
@frozen
public struct EOPValues: Sendable, Hashable {
  /// UT1 − UTC (s).
  public var ut1MinusUTC: Double
  /// Polar motion x_p (rad).
  public var xp: Double
  /// Polar motion y_p (rad).
  public var yp: Double
  /// Excess length of day, LOD (s).
  public var lengthOfDayExcess: Double
  /// Celestial pole offset dX relative to IAU 2000A (rad).
  public var dX: Double
  /// Celestial pole offset dY relative to IAU 2000A (rad).
  public var dY: Double

  /// Earth-orientation values (units as the properties).
  @inlinable
  public init(
    ut1MinusUTC: Double, xp: Double, yp: Double, lengthOfDayExcess: Double = 0, dX: Double = 0,
    dY: Double = 0
  ) {
    self.ut1MinusUTC = ut1MinusUTC
    self.xp = xp
    self.yp = yp
    self.lengthOfDayExcess = lengthOfDayExcess
    self.dX = dX
    self.dY = dY
  }

  /// All zero: UT1 = UTC, no polar motion.
  public static let zero = EOPValues(ut1MinusUTC: 0, xp: 0, yp: 0)
}

/// A daily table of Earth-orientation parameters.
public struct EOPTable: Sendable, Hashable {
  /// UTC modified Julian day of the first row; rows are consecutive days.
  public let firstMJD: Int
  /// UT1 − TAI of each row (s).
  @usableFromInline let ut1MinusTAI: [Double]
  /// x_p of each row (rad).
  @usableFromInline let xp: [Double]
  /// y_p of each row (rad).
  @usableFromInline let yp: [Double]
  /// LOD of each row (s); 0 where the source leaves it empty.
  @usableFromInline let lod: [Double]
  /// dX of each row (rad); 0 where empty.
  @usableFromInline let dX: [Double]
  /// dY of each row (rad); 0 where empty.
  @usableFromInline let dY: [Double]

  /// The UTC modified Julian day of the last row.
  public var lastMJD: Int { firstMJD + ut1MinusTAI.count - 1 }

  /// Parses the compact CSV form (`mjd,date,pm_flag,x_arcsec,y_arcsec,ut1_flag,ut1_utc_s,lod_ms,
  /// nut_flag,dx_mas,dy_mas`) of consecutive days.
  ///
  /// - Returns: nil when a row is malformed or days are not consecutive.
  public init?(csv: String, leapSeconds: LeapSecondTable) {
    var first: Int?
    var ut1 = [Double](), xs = [Double](), ys = [Double](), lods = [Double](), dxs = [Double]()
    var dys = [Double]()
    for line in csv.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f.count == 11, let mjd = Int(f[0]), let x = Double(f[3]), let y = Double(f[4]),
        let dut = Double(f[6]), let offset = leapSeconds.offset(onUTCDay: mjd)
      else { return nil }
      if let first {
        guard mjd == first + ut1.count else { return nil }
      } else {
        first = mjd
      }
      ut1.append(dut - Double(offset))
      xs.append(x * Angle.arcsecond)
      ys.append(y * Angle.arcsecond)
      lods.append((Double(f[7]) ?? 0) * 1e-3)
      dxs.append((Double(f[9]) ?? 0) * Angle.milliarcsecond)
      dys.append((Double(f[10]) ?? 0) * Angle.milliarcsecond)
    }
    guard let first, ut1.count >= 2 else { return nil }
    firstMJD = first
    ut1MinusTAI = ut1
    xp = xs
    yp = ys
    lod = lods
    dX = dxs
    dY = dys
  }

  /// The table compiled into Orbit: 2012-01-01 to 2027-10-29 (IERS values to 2026-10-22,
  /// Bulletin A predictions after).
  public static let builtIn: EOPTable = {
    guard let table = EOPTable(csv: builtInEOPCSV, leapSeconds: .builtIn) else {
      preconditionFailure("corrupt built-in EOP table")
    }
    return table
  }()

  /// Interpolated UT1 − TAI, x_p, y_p, LOD, dX, dY at UTC day `mjd` and fraction `dayFraction`.
  ///
  /// - Returns: nil outside the table.
  @inlinable
  func interpolate(mjd: Int, dayFraction: Double) -> (
    ut1MinusTAI: Double, xp: Double, yp: Double, lod: Double, dX: Double, dY: Double
  )? {
    let i = mjd - firstMJD
    guard i >= 0, i < ut1MinusTAI.count else { return nil }
    if i == ut1MinusTAI.count - 1 {
      guard dayFraction == 0 else { return nil }
      return (ut1MinusTAI[i], xp[i], yp[i], lod[i], dX[i], dY[i])
    }
    let t = dayFraction
    @inline(__always) func lerp(_ a: [Double]) -> Double { a[i] + (a[i + 1] - a[i]) * t }
    return (lerp(ut1MinusTAI), lerp(xp), lerp(yp), lerp(lod), lerp(dX), lerp(dY))
  }
}
