import OrbitCore
// Path-aware helpers that read typed values out of a JSON tree and record every problem.

/// Collects issues while reading a JSON tree. Each accessor reports a missing key, a wrong
/// type, a non-finite number or an out-of-range value at the value's path and returns nil, so
/// that validation continues and reports all problems.
struct Checker {
  private(set) var issues: [ScenarioIssue] = []

  mutating func report(_ path: JSONPath, _ message: String) {
    issues.append(ScenarioIssue(path: path, message: message))
  }

  /// The object at `path`, after checking its keys: unknown keys are reported (with a
  /// suggestion when one allowed key is close), `required` keys that are absent too.
  mutating func object(
    _ value: JSONValue, at path: JSONPath, allowed: [String], required: [String]
  ) -> JSONObject? {
    guard case .object(let object) = value else {
      report(path, "expected an object, got \(value.typeDescription)")
      return nil
    }
    for key in object.keys where !allowed.contains(key) {
      var message = "unknown key"
      if let suggestion = closest(to: key, in: allowed) {
        message += " (did you mean \"\(suggestion)\"?)"
      } else {
        message += " (expected one of: \(allowed.joined(separator: ", ")))"
      }
      report(path.appending(key), message)
    }
    for key in required where object[key] == nil {
      report(path.appending(key), "missing required key")
    }
    return object
  }

  /// A finite number; `check` returns a problem description (e.g. "must be > 0") or nil.
  mutating func number(
    _ value: JSONValue?, at path: JSONPath, check: (Double) -> String? = { _ in nil }
  ) -> Double? {
    guard let value else { return nil }
    guard case .number(let n) = value else {
      report(path, "expected a number, got \(value.typeDescription)")
      return nil
    }
    guard n.value.isFinite else {
      report(path, "must be a finite number, got \(n.text)")
      return nil
    }
    if let problem = check(n.value) {
      report(path, "\(problem), got \(n.text)")
      return nil
    }
    return n.value
  }

  /// An integer (a number with no fractional part).
  mutating func integer(_ value: JSONValue?, at path: JSONPath) -> Int? {
    guard let value else { return nil }
    guard case .number(let n) = value else {
      report(path, "expected an integer, got \(value.typeDescription)")
      return nil
    }
    guard n.value.isFinite, n.value == n.value.rounded(), abs(n.value) < 1e15 else {
      report(path, "expected an integer, got \(n.text)")
      return nil
    }
    return Int(n.value)
  }

  /// A string; `check` returns a problem description or nil.
  mutating func string(
    _ value: JSONValue?, at path: JSONPath, check: (String) -> String? = { _ in nil }
  ) -> String? {
    guard let value else { return nil }
    guard case .string(let s) = value else {
      report(path, "expected a string, got \(value.typeDescription)")
      return nil
    }
    if let problem = check(s) {
      report(path, problem)
      return nil
    }
    return s
  }

  /// One of a fixed set of string values.
  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ value: JSONValue?, at path: JSONPath, as: T.Type
  ) -> T? where T.RawValue == String {
    guard let s = string(value, at: path) else { return nil }
    if let v = T(rawValue: s) { return v }
    let allowed = T.allCases.map(\.rawValue)
    report(path, "unknown value \"\(s)\" (expected \(allowed.joined(separator: ", ")))")
    return nil
  }

  /// An array of exactly three finite numbers.
  mutating func vector3(_ value: JSONValue?, at path: JSONPath) -> SIMD3<Double>? {
    guard let value else { return nil }
    guard case .array(let elements) = value else {
      report(path, "expected an array of 3 numbers, got \(value.typeDescription)")
      return nil
    }
    guard elements.count == 3 else {
      report(path, "expected an array of 3 numbers, got \(elements.count) element\(elements.count == 1 ? "" : "s")")
      return nil
    }
    var out = SIMD3<Double>()
    var ok = true
    for (i, e) in elements.enumerated() {
      if let x = number(e, at: path.appending(index: i)) { out[i] = x } else { ok = false }
    }
    return ok ? out : nil
  }
}

/// The allowed key closest to `key` by edit distance, when it is within 2 edits (or differs
/// only in case/separators), else nil.
func closest(to key: String, in allowed: [String]) -> String? {
  let normalized = { (s: String) in s.lowercased().filter { $0 != "_" && $0 != "-" } }
  if let same = allowed.first(where: { normalized($0) == normalized(key) }) { return same }
  // A forgotten unit suffix: `duration` for `duration_s`, `true_anomaly` for `true_anomaly_deg`.
  if let suffixed = allowed.first(where: { $0.hasPrefix(key + "_") }) { return suffixed }
  var best: (String, Int)? = nil
  for candidate in allowed {
    let d = editDistance(Array(key), Array(candidate))
    if d <= 2 && d < (best?.1 ?? Int.max) { best = (candidate, d) }
  }
  return best?.0
}

/// The Levenshtein edit distance between two words (insertions, deletions, substitutions).
/// Used for "did you mean" hints on JSON keys and command-line options.
public func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = Array(repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
