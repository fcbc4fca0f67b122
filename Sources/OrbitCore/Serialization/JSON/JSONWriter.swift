// Deterministic JSON and number text for output files.

/// Number formatting shared by the CSV and JSON writers.
public enum NumberFormat {
  /// The shortest decimal text that reads back as exactly `value` (Swift's round-trip
  /// `description`, e.g. `6796.0`, `-0.5`, `1e-05`). Non-finite values give `nan`, `inf`, `-inf`;
  /// writers check finiteness before calling this for JSON.
  public static func shortest(_ value: Double) -> String {
    value.description
  }

  /// `value` with exactly `digits` digits after the decimal point (rounded half away from zero
  /// on the decimal expansion of the binary value), without exponent; for human-readable text.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.description }
    precondition(digits >= 0 && digits <= 15)
    let negative = value < 0 || (value == 0 && value.sign == .minus)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let magnitude = abs(value)
    // Split into integer and fraction so the scaled fraction stays exact-ish for large values.
    let integerPart = magnitude.rounded(.towardZero)
    var fractionScaled = ((magnitude - integerPart) * scale).rounded(.toNearestOrAwayFromZero)
    var whole = integerPart
    if fractionScaled >= scale {
      fractionScaled -= scale
      whole += 1
    }
    var wholeText: String
    if whole < 1e18 {
      wholeText = String(UInt64(whole))
    } else {
      wholeText = whole.description  // astronomically large: fall back to exponent form
    }
    if digits > 0 {
      var fractionText = String(UInt64(fractionScaled))
      while fractionText.count < digits { fractionText = "0" + fractionText }
      wholeText += "." + fractionText
    }
    let isZero = whole == 0 && fractionScaled == 0
    return (negative && !isZero ? "-" : "") + wholeText
  }
}

/// Serializes `JSONValue` trees as deterministic, human-readable JSON: two-space indentation,
/// members in insertion order, arrays of scalars on one line, numbers in shortest round-trip form.
public enum JSONWriter {
  /// The JSON text of `value`, ending with a newline.
  public static func string(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    out += "\n"
    return out
  }

  /// A JSON string literal for `text`, with the escapes RFC 8259 requires.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func isScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: false
    default: true
    }
  }

  private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n.value.isFinite ? n.text : "null"
    case .string(let s): out += quoted(s)
    case .array(let elements):
      if elements.isEmpty {
        out += "[]"
      } else if elements.allSatisfy(isScalar) {
        out += "["
        for (i, e) in elements.enumerated() {
          if i > 0 { out += ", " }
          write(e, indent: indent, into: &out)
        }
        out += "]"
      } else {
        let pad = String(repeating: "  ", count: indent + 1)
        out += "[\n"
        for (i, e) in elements.enumerated() {
          out += pad
          write(e, indent: indent + 1, into: &out)
          out += i + 1 < elements.count ? ",\n" : "\n"
        }
        out += String(repeating: "  ", count: indent) + "]"
      }
    case .object(let object):
      if object.members.isEmpty {
        out += "{}"
        return
      }
      let pad = String(repeating: "  ", count: indent + 1)
      out += "{\n"
      for (i, m) in object.members.enumerated() {
        out += pad + quoted(m.key) + ": "
        write(m.value, indent: indent + 1, into: &out)
        out += i + 1 < object.members.count ? ",\n" : "\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }
}

extension JSONValue {
  /// A number value.
  public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }
  /// An integer number value.
  public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(text: String(value))) }
  /// A number value, or `null` when `value` is nil.
  public static func double(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
  /// An object from key–value pairs in order.
  public static func fields(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(JSONObject(pairs.map { JSONObject.Member(key: $0.key, value: $0.value) }))
  }
}
