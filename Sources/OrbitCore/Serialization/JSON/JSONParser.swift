// A strict RFC 8259 JSON parser over UTF-8 bytes. Written for the scenario loader: it reports
// the line and column of a syntax error, rejects duplicate keys, NaN/Infinity literals, leading
// zeros, trailing commas and trailing garbage, and limits nesting depth so that hostile input
// cannot overflow the stack.
//
// References: RFC 8259, "The JavaScript Object Notation (JSON) Data Interchange Format".

/// A JSON syntax error with its position (1-based line and column, 0-based byte offset).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line.
  public let line: Int
  /// 1-based column, counted in Unicode scalars.
  public let column: Int
  /// 0-based byte offset into the UTF-8 text.
  public let offset: Int
  /// What is wrong, e.g. `expected ',' or '}' after an object member`.
  public let message: String

  /// `line 3, column 14: expected ...`.
  public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses JSON text.
public enum JSONParser {
  /// Maximum nesting depth of arrays and objects.
  public static let maximumDepth = 256

  /// Parses a complete JSON document from UTF-8 bytes (a leading UTF-8 byte-order mark is skipped).
  /// - Throws: `JSONSyntaxError` at the first syntax error.
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var parser = Parser(bytes: bytes)
    return try parser.parseDocument()
  }

  /// Parses a complete JSON document from a string.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

private struct Parser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    let offset = min(offset ?? index, bytes.count)
    var line = 1
    var column = 1
    var i = 0
    while i < offset {
      let b = bytes[i]
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return JSONSyntaxError(line: line, column: column, offset: offset, message: message)
  }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  func describe(_ byte: UInt8?) -> String {
    guard let byte else { return "end of file" }
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  mutating func skipWhitespace() {
    while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
  }

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    if current == nil { throw error("empty document: expected a JSON value") }
    let value = try parseValue()
    skipWhitespace()
    if index < bytes.count {
      throw error("unexpected \(describe(current)) after the end of the JSON value")
    }
    return value
  }

  mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard let b = current else { throw error("unexpected end of file: expected a value") }
    switch b {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "N"), UInt8(ascii: "I"):
      throw error("NaN and Infinity are not valid JSON; numbers must be finite")
    case UInt8(ascii: "'"):
      throw error("strings must use double quotes")
    default:
      throw error("unexpected \(describe(b)): expected a value")
    }
  }

  mutating func expectLiteral(_ word: String) throws(JSONSyntaxError) {
    let start = index
    for expected in word.utf8 {
      guard current == expected else {
        throw error("invalid literal: expected '\(word)'", at: start)
      }
      index += 1
    }
  }

  mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
    }
  }

  mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1  // {
    var object = JSONObject()
    var seen = Set<String>()
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else {
        if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
        throw error("unexpected \(describe(current)): expected a string key")
      }
      let keyStart = index
      let key = try parseString()
      if !seen.insert(key).inserted {
        throw error("duplicate key \"\(key)\"", at: keyStart)
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw error("unexpected \(describe(current)): expected ':' after key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      object.members.append(.init(key: key, value: value))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"): index += 1; return .object(object)
      default: throw error("unexpected \(describe(current)): expected ',' or '}' after an object member")
      }
    }
  }

  mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
      elements.append(try parseValue())
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"): index += 1; return .array(elements)
      default: throw error("unexpected \(describe(current)): expected ',' or ']' after an array element")
      }
    }
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
    let start = index
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "I") {
      throw error("NaN and Infinity are not valid JSON; numbers must be finite", at: start)
    }
    guard isDigit(current) else { throw error("invalid number: expected a digit", at: index) }
    if current == UInt8(ascii: "0") {
      index += 1
      if isDigit(current) { throw error("invalid number: leading zeros are not allowed", at: start) }
    } else {
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard isDigit(current) else { throw error("invalid number: expected a digit after '.'") }
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard isDigit(current) else { throw error("invalid number: expected a digit in the exponent") }
      while isDigit(current) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    return JSONNumber(text: text)
  }

  mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let b = current else { throw error("unterminated \\u escape") }
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw error("invalid \\u escape: expected 4 hexadecimal digits")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = index
    index += 1  // opening quote
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(_ end: Int, into scalars: inout String.UnicodeScalarView) -> Bool {
      guard end > runStart else { return true }
      guard let s = String(validating: bytes[runStart..<end], as: UTF8.self) else { return false }
      scalars.append(contentsOf: s.unicodeScalars)
      return true
    }
    while true {
      guard let b = current else { throw error("unterminated string", at: start) }
      if b == UInt8(ascii: "\"") {
        guard flushRun(index, into: &scalars) else { throw error("string is not valid UTF-8", at: start) }
        index += 1
        return String(scalars)
      }
      if b < 0x20 {
        throw error("control character \(describe(b)) in a string: escape it (e.g. \\n)")
      }
      if b == UInt8(ascii: "\\") {
        guard flushRun(index, into: &scalars) else { throw error("string is not valid UTF-8", at: start) }
        index += 1
        guard let e = current else { throw error("unterminated string", at: start) }
        index += 1
        switch e {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if code >= 0xD800 && code < 0xDC00 {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("unpaired UTF-16 surrogate in \\u escape") }
            index += 2
            let low = try parseHex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired UTF-16 surrogate in \\u escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if code >= 0xDC00 && code < 0xE000 {
            throw error("unpaired UTF-16 surrogate in \\u escape")
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
          scalars.append(scalar)
        default:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: index - 2)
        }
        runStart = index
        continue
      }
      index += 1
    }
  }
}
