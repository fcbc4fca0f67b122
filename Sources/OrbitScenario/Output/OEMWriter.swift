// CCSDS Orbit Ephemeris Message (OEM) in keyword = value notation (KVN).
//
// Layout after CCSDS 502.0-B-2, "Orbit Data Messages" (Blue Book, issue 2, November 2009):
// §5.2.2 / Table 5-2 (header: CCSDS_OEM_VERS, COMMENT, CREATION_DATE, ORIGINATOR), §5.2.3 /
// Table 5-3 (metadata between META_START and META_STOP: OBJECT_NAME, OBJECT_ID, CENTER_NAME,
// REF_FRAME, TIME_SYSTEM, START_TIME, STOP_TIME and the optional USEABLE_*/INTERPOLATION keys),
// §5.2.4 (data lines: epoch, x, y, z in km, x_dot, y_dot, z_dot in km/s, blank separated),
// §7.5.10 (epochs `YYYY-MM-DDThh:mm:ss[.d…d]`), Annex A (REF_FRAME values GCRF, TEME, ITRFyyyy).
// Our own code.
//
// Version 2.0 rather than 3.0 (502.0-B-3, 2023): the files use nothing that 3.0 added
// (MESSAGE_ID, CLASSIFICATION, SANA registries), every OEM reader we know of (Orekit, GMAT,
// STK, FreeFlyer, brahe) reads 2.0, and a 3.0 reader must accept 2.0 files.

import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes ephemerides as CCSDS OEM version 2.0 text (KVN).
///
/// One segment per ephemeris: `META_START` … `META_STOP`, then one data line per state,
/// `epoch x y z vx vy vz` with the epoch in UTC (`YYYY-MM-DDThh:mm:ss.ffffff`), positions in km
/// with 9 decimals (1 µm) and velocities in km/s with 12 decimals (1 nm/s).
///
/// References: CCSDS 502.0-B-2, Orbit Data Messages (2009), §5 and §7, Annex A.
public enum OEMWriter {
  /// The format version written in `CCSDS_OEM_VERS`.
  public static let formatVersion = "2.0"
  /// The `ORIGINATOR` value.
  public static let originator = "ORBIT"
  /// Decimals of the position columns (km): 9, i.e. 1 µm.
  public static let positionDecimals = 9
  /// Decimals of the velocity columns (km/s): 12, i.e. 1 nm/s.
  public static let velocityDecimals = 12
  /// Fractional-second digits of epochs: 6 (1 µs).
  public static let epochFractionDigits = 6

  /// One state of an ephemeris.
  public struct State: Sendable, Equatable {
    /// The instant.
    public var epoch: Epoch
    /// Position (km).
    public var positionKm: SIMD3<Double>
    /// Velocity (km/s).
    public var velocityKmPerSecond: SIMD3<Double>

    /// A state from its parts (km, km/s).
    public init(epoch: Epoch, positionKm: SIMD3<Double>, velocityKmPerSecond: SIMD3<Double>) {
      self.epoch = epoch
      self.positionKm = positionKm
      self.velocityKmPerSecond = velocityKmPerSecond
    }
  }

  /// One segment: metadata and the states, in time order.
  public struct Segment: Sendable, Equatable {
    /// `OBJECT_NAME` (spacecraft name).
    public var objectName: String
    /// `OBJECT_ID` (international designator or catalogue number; free text).
    public var objectID: String
    /// The frame of the states; written as its OEM `REF_FRAME` name.
    public var frame: Frame
    /// `COMMENT` lines written right after `META_START` (e.g. the propagator used).
    public var comments: [String]
    /// The states (km, km/s), in increasing time order.
    public var states: [State]

    /// A segment from its parts.
    public init(objectName: String, objectID: String, frame: Frame, comments: [String] = [], states: [State]) {
      self.objectName = objectName
      self.objectID = objectID
      self.frame = frame
      self.comments = comments
      self.states = states
    }
  }

  /// Why an OEM could not be written.
  public enum Failure: Error, Sendable, CustomStringConvertible {
    /// A segment has no states (START_TIME and STOP_TIME would be undefined).
    case emptySegment(objectName: String)
    /// An epoch cannot be written in UTC (before 1972).
    case epoch(TimeError)
    /// A state is NaN or infinite.
    case nonFiniteState(objectName: String, index: Int)

    public var description: String {
      switch self {
      case .emptySegment(let name): return "OEM segment for \(name) has no states"
      case .epoch(let e): return "OEM epoch: \(e)"
      case .nonFiniteState(let name, let index): return "OEM segment for \(name): state \(index) is not finite"
      }
    }
  }

  /// The OEM `REF_FRAME` name of a frame (Annex A of 502.0-B-2).
  ///
  /// `itrf` is written `ITRF2000`, the realisation Annex A names: Orbit's Earth-fixed frame is
  /// formed with IERS EOP and does not pick a realisation (they differ by centimetres).
  public static func referenceFrameName(_ frame: Frame) -> String {
    switch frame {
    case .gcrf: "GCRF"
    case .eme2000: "EME2000"
    case .mod: "MOD"
    case .tod: "TOD"
    case .teme: "TEME"
    case .pef: "PEF"
    case .itrf: "ITRF2000"
    }
  }

  /// The OEM epoch text of `epoch` in UTC: `YYYY-MM-DDThh:mm:ss.ffffff` (no `Z`).
  public static func epochText(_ epoch: Epoch, data: TimeScaleData = .standard) throws(Failure) -> String {
    do throws(TimeError) {
      var text = try epoch.iso8601(.utc, fractionDigits: epochFractionDigits, data: data)
      if text.hasSuffix("Z") { text.removeLast() }
      return text
    } catch {
      throw .epoch(error)
    }
  }

  /// The current UTC time as OEM epoch text, from the system clock (for `CREATION_DATE`).
  public static func now() -> String {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    var seconds = time_t(ts.tv_sec)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let micro = Int(ts.tv_nsec) / 1000
    var fraction = String(micro)
    while fraction.count < 6 { fraction = "0" + fraction }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)"
  }

  /// The OEM text of `segments`.
  ///
  /// - Parameters:
  ///   - segments: one or more segments, each with at least one state.
  ///   - creationDate: `CREATION_DATE` text (UTC); default: the system clock now.
  ///   - headerComments: `COMMENT` lines of the header.
  ///   - data: leap seconds for the UTC epochs.
  /// - Returns: the message, lines ending in `\n`.
  /// - Throws: `Failure`.
  public static func render(
    _ segments: [Segment], creationDate: String? = nil, headerComments: [String] = [],
    data: TimeScaleData = .standard
  ) throws(Failure) -> String {
    var out = "CCSDS_OEM_VERS = \(formatVersion)\n"
    for c in headerComments { out += "COMMENT \(c)\n" }
    out += "CREATION_DATE = \(creationDate ?? now())\n"
    out += "ORIGINATOR = \(originator)\n"
    for segment in segments {
      guard let first = segment.states.first, let last = segment.states.last else {
        throw .emptySegment(objectName: segment.objectName)
      }
      out += "\n"
      out += "META_START\n"
      for c in segment.comments { out += "COMMENT \(c)\n" }
      out += "OBJECT_NAME = \(segment.objectName)\n"
      out += "OBJECT_ID = \(segment.objectID)\n"
      out += "CENTER_NAME = EARTH\n"
      out += "REF_FRAME = \(referenceFrameName(segment.frame))\n"
      out += "TIME_SYSTEM = UTC\n"
      out += "START_TIME = \(try epochText(first.epoch, data: data))\n"
      out += "STOP_TIME = \(try epochText(last.epoch, data: data))\n"
      out += "META_STOP\n"
      out += "\n"
      for (i, s) in segment.states.enumerated() {
        let p = s.positionKm, v = s.velocityKmPerSecond
        guard p.x.isFinite, p.y.isFinite, p.z.isFinite, v.x.isFinite, v.y.isFinite, v.z.isFinite else {
          throw .nonFiniteState(objectName: segment.objectName, index: i)
        }
        out += try epochText(s.epoch, data: data)
        for x in [p.x, p.y, p.z] { out += " " + NumberFormat.fixed(x, digits: positionDecimals) }
        for x in [v.x, v.y, v.z] { out += " " + NumberFormat.fixed(x, digits: velocityDecimals) }
        out += "\n"
      }
    }
    return out
  }
}
