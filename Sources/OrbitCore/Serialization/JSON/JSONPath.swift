/// A path to a value inside a JSON document, rendered as `spacecraft.orbit.keplerian.eccentricity`
/// or `outputs[1].format`; the document root renders as `(root)`.
public struct JSONPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// One step of a path.
  public enum Component: Sendable, Hashable {
    /// An object member.
    case key(String)
    /// An array element (0-based).
    case index(Int)
  }

  /// The steps from the root.
  public var components: [Component]

  /// The root path.
  public static let root = JSONPath(components: [])

  /// A path from its steps.
  public init(components: [Component]) { self.components = components }

  /// The path of member `key` below this one.
  public func appending(_ key: String) -> JSONPath {
    JSONPath(components: components + [.key(key)])
  }

  /// The path of element `index` below this one.
  public func appending(index: Int) -> JSONPath {
    JSONPath(components: components + [.index(index)])
  }

  public var description: String {
    if components.isEmpty { return "(root)" }
    var out = ""
    for c in components {
      switch c {
      case .key(let k):
        if !out.isEmpty { out += "." }
        out += k
      case .index(let i): out += "[\(i)]"
      }
    }
    return out
  }

  /// Document order for keys is not known here, so paths sort component by component: keys
  /// alphabetically, indices numerically (`outputs[2]` before `outputs[10]`), parents first.
  public static func < (lhs: JSONPath, rhs: JSONPath) -> Bool {
    for (a, b) in zip(lhs.components, rhs.components) where a != b {
      switch (a, b) {
      case (.key(let x), .key(let y)): return x < y
      case (.index(let x), .index(let y)): return x < y
      case (.index, .key): return true
      case (.key, .index): return false
      }
    }
    return lhs.components.count < rhs.components.count
  }
}
