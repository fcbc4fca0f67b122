// A JSON document tree that keeps what the scenario validator needs and a generic decoder loses:
// member order, the literal text of numbers (so `1e999` can be reported as written), and which
// numbers were written as integers.

/// A JSON value. Objects keep their members in file order.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, with its literal text.
  case number(JSONNumber)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in file order (keys are unique: the parser rejects duplicates).
  case object(JSONObject)

  /// A short name of the value's type for messages: "a number", "an object", ….
  public var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON number: the literal as written and its nearest `Double` (which may be ±∞ for
/// literals such as `1e999`).
public struct JSONNumber: Sendable, Equatable {
  /// The literal text from the document.
  public let text: String
  /// The nearest Double; infinite when the literal overflows.
  public let value: Double

  /// A number from its literal text (assumed to follow the JSON grammar).
  public init(text: String) {
    self.text = text
    self.value = Double(text) ?? .nan
  }

  /// A number from a Double (text is its shortest round-trip form).
  public init(_ value: Double) {
    self.value = value
    self.text = NumberFormat.shortest(value)
  }

  /// True when the literal has no fraction or exponent part (`60`, `-3`).
  public var isIntegerLiteral: Bool {
    !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
  }
}

/// A JSON object: members in file order.
public struct JSONObject: Sendable, Equatable {
  /// The members in file order.
  public var members: [Member]

  /// One `"key": value` member.
  public struct Member: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue
    /// A member.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// An object with the given members.
  public init(_ members: [Member] = []) { self.members = members }

  /// The value for `key`, or nil.
  public subscript(key: String) -> JSONValue? {
    members.first(where: { $0.key == key })?.value
  }

  /// The keys in file order.
  public var keys: [String] { members.map(\.key) }
}
