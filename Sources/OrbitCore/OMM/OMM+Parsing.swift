// Reading OMMs: KVN (CCSDS 502.0-B-3 §4, `KEY = value [unit]` lines) and CelesTrak GP JSON (an
// array of flat objects whose keys are the KVN keywords). Errors name the file, the line (KVN)
// or the JSON element, and the keyword.
//
// References: CCSDS 502.0-B-3, "Orbit Data Messages" (2023), §4 (OMM structure and keywords),
// §7.4–7.5 (KVN lines, units in square brackets, COMMENT lines), §7.5.10 (epoch formats
// YYYY-MM-DDThh:mm:ss[.d…] and YYYY-DDDThh:mm:ss[.d…]); CelesTrak GP JSON key names.

/// Why an OMM could not be read: where (file, line or JSON element, keyword) and what.
public struct OMMError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file name given to the parser.
  public var file: String
  /// The 1-based line (KVN), or nil.
  public var line: Int?
  /// The 0-based array element (JSON), or nil.
  public var element: Int?
  /// The keyword concerned, or nil for the whole message/line.
  public var key: String?
  /// What went wrong.
  public var reason: Reason

  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// A KVN line is not `KEY = value` (the line's text).
    case notKeyValue(String)
    /// A required keyword is absent.
    case missingKey
    /// A keyword appears twice.
    case duplicateKey
    /// A value does not parse (the text, and what was expected).
    case invalidValue(String, expected: String)
    /// A unit in square brackets is not the standard's (found, expected).
    case wrongUnit(String, expected: String)
    /// A value outside the standard's range or not usable by SGP4.
    case outOfRange(String)
    /// The JSON document does not parse (message with its line and column).
    case json(String)
    /// The JSON is not an object or an array of objects (what it is).
    case notAnObject(String)
    /// The message is not an SGP4 element set (MEAN_ELEMENT_THEORY, TIME_SYSTEM, REF_FRAME …).
    case unsupported(String)
  }

  /// An error at a place.
  public init(file: String, line: Int? = nil, element: Int? = nil, key: String? = nil, reason: Reason) {
    self.file = file
    self.line = line
    self.element = element
    self.key = key
    self.reason = reason
  }

  /// `file:line: KEY: message` (KVN) or `file: [element].KEY: message` (JSON).
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    place += ":"
    if let element {
      place += " [\(element)]" + (key.map { ".\($0)" } ?? "") + ":"
    } else if let key {
      place += " \(key):"
    }
    let message: String
    switch reason {
    case .notKeyValue(let text): message = "not a 'KEY = value' line: '\(text)'"
    case .missingKey: message = "missing"
    case .duplicateKey: message = "given twice"
    case .invalidValue(let text, let expected): message = "'\(text)' is not \(expected)"
    case .wrongUnit(let found, let expected): message = "unit [\(found)] where the standard has [\(expected)]"
    case .outOfRange(let why): message = why
    case .json(let why): message = "JSON: \(why)"
    case .notAnObject(let what): message = "expected an OMM object or an array of them, found \(what)"
    case .unsupported(let why): message = why
    }
    return place + " " + message
  }
}

extension OMM {
  /// The keywords an SGP4 OMM must carry.
  static let requiredKeys = [
    "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
    "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID", "BSTAR",
  ]

  /// The standard's unit of each keyword that has one (CCSDS 502.0-B-3 table 4-3), compared
  /// case-insensitively; `**` and `^` both accepted for powers.
  static let units: [String: [String]] = [
    "MEAN_MOTION": ["rev/day"],
    "INCLINATION": ["deg"], "RA_OF_ASC_NODE": ["deg"], "ARG_OF_PERICENTER": ["deg"],
    "MEAN_ANOMALY": ["deg"],
    "BSTAR": ["1/er", "er**-1", "1/earth radii"],
    "MEAN_MOTION_DOT": ["rev/day**2", "rev/day^2"],
    "MEAN_MOTION_DDOT": ["rev/day**3", "rev/day^3"],
  ]

  /// Reads one OMM in KVN.
  ///
  /// Blank lines, `COMMENT` lines and keywords SGP4 does not use (CCSDS_OMM_VERS, CREATION_DATE,
  /// ORIGINATOR, CENTER_NAME, user-defined USER_DEFINED_*, covariance …) are accepted and
  /// ignored; `MEAN_ELEMENT_THEORY` must be SGP4 (or SGP/SGP4) if present, `TIME_SYSTEM` UTC
  /// and `REF_FRAME` TEME. Units in square brackets are checked against the standard's.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in error messages.
  /// - Returns: the message.
  /// - Throws: `OMMError` naming the file, line and keyword.
  /// - References: CCSDS 502.0-B-3 §4, §7.
  public static func parseKVN(_ text: String, fileName: String) throws(OMMError) -> OMM {
    var fields: [String: (value: String, line: Int)] = [:]
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("COMMENT") { continue }
      if line == "META_START" || line == "META_STOP" || line == "DATA_START" || line == "DATA_STOP" {
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw OMMError(file: fileName, line: lineNumber, reason: .notKeyValue(String(line)))
      }
      let key = String(line[..<equals].trimmingWhitespace())
      var value = line[line.index(after: equals)...].trimmingWhitespace()
      if key.isEmpty || !key.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
        throw OMMError(file: fileName, line: lineNumber, reason: .notKeyValue(String(line)))
      }
      // A unit in square brackets after the value.
      if value.hasSuffix("]"), let open = value.lastIndex(of: "[") {
        let unit = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
          .trimmingWhitespace()
        value = value[..<open].trimmingWhitespace()
        if let expected = units[key], !expected.contains(unit.lowercased()) {
          throw OMMError(
            file: fileName, line: lineNumber, key: key, reason: .wrongUnit(String(unit), expected: expected[0]))
        }
      }
      if fields[key] != nil {
        throw OMMError(file: fileName, line: lineNumber, key: key, reason: .duplicateKey)
      }
      fields[key] = (String(value), lineNumber)
    }
    return try build(
      file: fileName, element: nil,
      value: { key in fields[key].map { ($0.value, $0.line) } })
  }

  /// Reads the CelesTrak/Space-Track GP JSON form: an array of flat objects (or one object)
  /// keyed by the OMM keywords, numbers as JSON numbers (strings holding numbers accepted).
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in error messages.
  /// - Returns: the messages in file order.
  /// - Throws: `OMMError` naming the file, the array element and the keyword.
  /// - References: CelesTrak GP JSON; CCSDS 502.0-B-3 table 4-3 for the keys and units.
  public static func parseJSON(_ text: String, fileName: String) throws(OMMError) -> [OMM] {
    let document: JSONValue
    do {
      document = try JSONParser.parse(text)
    } catch {
      throw OMMError(file: fileName, line: error.line, reason: .json(error.description))
    }
    let objects: [JSONValue]
    switch document {
    case .array(let items): objects = items
    case .object: objects = [document]
    default: throw OMMError(file: fileName, reason: .notAnObject(document.typeDescription))
    }
    var result: [OMM] = []
    result.reserveCapacity(objects.count)
    for (index, item) in objects.enumerated() {
      guard case .object(let object) = item else {
        throw OMMError(file: fileName, element: index, reason: .notAnObject(item.typeDescription))
      }
      // GP objects are flat: a keyword holding an array, object or boolean is an error.
      for member in object.members {
        switch member.value {
        case .array, .object, .bool:
          throw OMMError(
            file: fileName, element: index, key: member.key,
            reason: .invalidValue(member.value.typeDescription, expected: "a number or a string"))
        default: continue
        }
      }
      let omm = try build(
        file: fileName, element: index,
        value: { key in
          switch object[key] {
          case nil, .null?: return nil
          case .number(let n)?: return (n.text, nil)
          case .string(let s)?: return (s, nil)
          case let other?: return (other.typeDescription, nil)
          }
        })
      result.append(omm)
    }
    return result
  }

  /// The message from a keyword lookup (value text, and its KVN line if any).
  static func build(
    file: String, element: Int?, value: (String) -> (String, Int?)?
  ) throws(OMMError) -> OMM {
    func required(_ key: String) throws(OMMError) -> (String, Int?) {
      guard let v = value(key) else {
        throw OMMError(file: file, element: element, key: key, reason: .missingKey)
      }
      return v
    }
    func number(_ key: String, _ v: (String, Int?)) throws(OMMError) -> Double {
      guard let x = Double(v.0.trimmingWhitespace()), x.isFinite else {
        throw OMMError(file: file, line: v.1, element: element, key: key, reason: .invalidValue(v.0, expected: "a number"))
      }
      return x
    }
    func integer(_ key: String, _ v: (String, Int?)) throws(OMMError) -> Int {
      let t = v.0.trimmingWhitespace()
      if let i = Int(t) { return i }
      // JSON writers may print integral values as 25544.0.
      if let x = Double(t), x == x.rounded(), abs(x) < 1e15 { return Int(x) }
      throw OMMError(file: file, line: v.1, element: element, key: key, reason: .invalidValue(v.0, expected: "an integer"))
    }
    func optionalNumber(_ key: String) throws(OMMError) -> Double {
      guard let v = value(key) else { return 0 }
      return try number(key, v)
    }
    func optionalInteger(_ key: String, default d: Int) throws(OMMError) -> Int {
      guard let v = value(key) else { return d }
      return try integer(key, v)
    }
    func range(_ key: String, _ v: (String, Int?), _ x: Double, _ ok: Bool, _ why: String) throws(OMMError) {
      if !ok { throw OMMError(file: file, line: v.1, element: element, key: key, reason: .outOfRange("\(v.0): \(why)")) }
    }

    if let theory = value("MEAN_ELEMENT_THEORY") {
      let t = theory.0.uppercased()
      if t != "SGP4" && t != "SGP/SGP4" {
        throw OMMError(file: file, line: theory.1, element: element, key: "MEAN_ELEMENT_THEORY",
                       reason: .unsupported("mean elements of theory '\(theory.0)', not SGP4"))
      }
    }
    if let system = value("TIME_SYSTEM"), system.0.uppercased() != "UTC" {
      throw OMMError(file: file, line: system.1, element: element, key: "TIME_SYSTEM",
                     reason: .unsupported("time system '\(system.0)'; SGP4 element sets are in UTC"))
    }
    if let frame = value("REF_FRAME"), frame.0.uppercased() != "TEME" {
      throw OMMError(file: file, line: frame.1, element: element, key: "REF_FRAME",
                     reason: .unsupported("frame '\(frame.0)'; SGP4 mean elements are in TEME"))
    }

    let epochValue = try required("EPOCH")
    guard let epoch = parseEpoch(epochValue.0) else {
      throw OMMError(
        file: file, line: epochValue.1, element: element, key: "EPOCH",
        reason: .invalidValue(epochValue.0, expected: "a UTC epoch YYYY-MM-DDThh:mm:ss[.d…] or YYYY-DDDThh:mm:ss[.d…]"))
    }
    let nv = try required("MEAN_MOTION")
    let n = try number("MEAN_MOTION", nv)
    try range("MEAN_MOTION", nv, n, n > 0, "mean motion must be positive (rev/day)")
    let ev = try required("ECCENTRICITY")
    let e = try number("ECCENTRICITY", ev)
    try range("ECCENTRICITY", ev, e, e >= 0 && e < 1, "eccentricity must be in [0, 1)")
    let iv = try required("INCLINATION")
    let i = try number("INCLINATION", iv)
    try range("INCLINATION", iv, i, i >= 0 && i <= 180, "inclination must be in [0, 180] deg")
    let raan = try number("RA_OF_ASC_NODE", try required("RA_OF_ASC_NODE"))
    let argp = try number("ARG_OF_PERICENTER", try required("ARG_OF_PERICENTER"))
    let m = try number("MEAN_ANOMALY", try required("MEAN_ANOMALY"))
    let norad = try integer("NORAD_CAT_ID", try required("NORAD_CAT_ID"))
    let bstar = try number("BSTAR", try required("BSTAR"))
    var classification: Character = "U"
    if let c = value("CLASSIFICATION_TYPE") {
      guard c.0.count == 1, let ch = c.0.first else {
        throw OMMError(file: file, line: c.1, element: element, key: "CLASSIFICATION_TYPE",
                       reason: .invalidValue(c.0, expected: "one letter (U, C, S)"))
      }
      classification = ch
    }
    var result = OMM(
      objectName: value("OBJECT_NAME")?.0, objectID: value("OBJECT_ID")?.0,
      epochYear: epoch.year, epochDayOfYear: epoch.dayOfYear,
      meanMotion: n, eccentricity: e, inclination: i, raan: raan, argumentOfPericenter: argp,
      meanAnomaly: m, ephemerisType: try optionalInteger("EPHEMERIS_TYPE", default: 0),
      classification: classification, noradCatalogID: norad,
      elementSetNumber: try optionalInteger("ELEMENT_SET_NO", default: 999),
      revolutionNumber: try optionalInteger("REV_AT_EPOCH", default: 0), bstar: bstar,
      meanMotionDot: try optionalNumber("MEAN_MOTION_DOT"),
      meanMotionDDot: try optionalNumber("MEAN_MOTION_DDOT"))
    result.epochText = epochValue.0
    return result
  }

  /// `YYYY-MM-DDThh:mm:ss[.d…][Z]` or `YYYY-DDDThh:mm:ss[.d…][Z]` → (year, day of year with
  /// fraction, 1.0 = January 1 00:00); nil if malformed.
  static func parseEpoch(_ text: String) -> (year: Int, dayOfYear: Double)? {
    var s = Substring(text.trimmingWhitespace())
    if s.hasSuffix("Z") { s = s.dropLast() }
    let parts = s.split(separator: "T", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]),
      time[2].first?.isNumber == true, let second = Double(time[2]),
      (0..<24).contains(hour), (0..<60).contains(minute), second >= 0, second < 61
    else { return nil }
    guard date.count == 2 || date.count == 3, date[0].count == 4, let year = Int(date[0]) else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let day: Int
    if date.count == 3 {
      guard let month = Int(date[1]), let dom = Int(date[2]), (1...12).contains(month) else { return nil }
      let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      guard (1...lengths[month - 1]).contains(dom) else { return nil }
      day = lengths.prefix(month - 1).reduce(0, +) + dom
    } else {
      guard date[1].count == 3, let doy = Int(date[1]), (1...(leap ? 366 : 365)).contains(doy) else { return nil }
      day = doy
    }
    let seconds = Double(hour * 3600 + minute * 60) + second
    return (year, Double(day) + seconds / 86400.0)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and carriage returns.
  func trimmingWhitespace() -> SubSequence {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\r" {
      start = index(after: start)
    }
    while end > start {
      let before = index(before: end)
      if self[before] == " " || self[before] == "\t" || self[before] == "\r" { end = before } else { break }
    }
    return self[start..<end]
  }
}
