import OrbitCore

extension Checker {
  /// A two-line element set given as an object with `line1`, `line2` (69 columns each,
  /// checksums verified) and optional `name`, plus any `extraKeys` (read by the caller). A
  /// parse error is reported at the key of the line it is on (`line1`, `line2` or `name`),
  /// with the field and the problem.
  mutating func tle(_ value: JSONValue, at path: JSONPath, extraKeys: [String] = []) -> TLE? {
    guard
      let o = object(value, at: path, allowed: ["name", "line1", "line2"] + extraKeys, required: ["line1", "line2"])
    else { return nil }
    let name = string(o["name"], at: path.appending("name"))
    guard let l1 = string(o["line1"], at: path.appending("line1")),
      let l2 = string(o["line2"], at: path.appending("line2"))
    else { return nil }
    do throws(TLEParseError) {
      return try TLE(line1: l1, line2: l2, name: name)
    } catch {
      let key = error.lineNumber == 2 ? "line2" : (error.lineNumber == 0 ? "name" : "line1")
      report(path.appending(key), "\(error.field): \(error.problemDescription)")
      return nil
    }
  }
}
