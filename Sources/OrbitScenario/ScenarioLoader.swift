import OrbitCore
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads, parses and validates scenario files.
public enum ScenarioLoader {
  /// Largest scenario file accepted (bytes).
  public static let maximumFileSize = 16 << 20

  /// The scenario in the file at `path`.
  /// - Throws: `ScenarioError.unreadable` (missing file, directory, permission, too large,
  ///   not UTF-8), `.syntax` (with line and column) or `.invalid` (every problem, sorted).
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    let bytes: [UInt8]
    do throws(AtomicFileWriter.Failure) {
      bytes = try readFile(path)
    } catch {
      throw .unreadable(file: path, reason: error.reason)
    }
    return try load(bytes: bytes, name: path)
  }

  /// The scenario in `bytes` (UTF-8 JSON); `name` labels messages.
  public static func load(bytes: [UInt8], name: String) throws(ScenarioError) -> Scenario {
    let json: JSONValue
    do throws(JSONSyntaxError) {
      json = try JSONParser.parse(bytes)
    } catch {
      throw .syntax(file: name, error)
    }
    let (scenario, issues) = ScenarioValidator.validate(json)
    guard let scenario else { throw .invalid(file: name, issues: issues) }
    return scenario
  }

  /// The scenario of any kind in the file at `path`: `propagate` or one of `ScenarioKinds`.
  /// - Throws: as `load(path:)`.
  public static func loadAny(path: String) throws(ScenarioError) -> LoadedScenario {
    let bytes: [UInt8]
    do throws(AtomicFileWriter.Failure) {
      bytes = try readFile(path)
    } catch {
      throw .unreadable(file: path, reason: error.reason)
    }
    return try loadAny(bytes: bytes, name: path)
  }

  /// The scenario of any kind in `bytes` (UTF-8 JSON); `name` labels messages.
  public static func loadAny(bytes: [UInt8], name: String) throws(ScenarioError) -> LoadedScenario {
    let json: JSONValue
    do throws(JSONSyntaxError) {
      json = try JSONParser.parse(bytes)
    } catch {
      throw .syntax(file: name, error)
    }
    if case .object(let top) = json, case .string(let kind)? = top["kind"],
      let handler = ScenarioKinds.handler(for: kind)
    {
      var c = Checker()
      let scenario = handler.read(json, &c)
      let issues = Array(Set(c.issues)).sorted()
      guard let scenario, issues.isEmpty else {
        throw .invalid(
          file: name, issues: issues.isEmpty ? [ScenarioIssue(path: .root, message: "invalid scenario")] : issues)
      }
      return .extended(scenario)
    }
    let (scenario, issues) = ScenarioValidator.validate(json)
    guard let scenario else { throw .invalid(file: name, issues: issues) }
    return .propagate(scenario)
  }

  /// The bytes of the regular file at `path`.
  public static func readFile(_ path: String) throws(AtomicFileWriter.Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw .init(path: path, reason: AtomicFileWriter.errnoText(errno)) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 { throw .init(path: path, reason: AtomicFileWriter.errnoText(errno)) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .init(path: path, reason: "is a directory") }
    if Int(info.st_size) > maximumFileSize {
      throw .init(path: path, reason: "file is larger than \(maximumFileSize >> 20) MiB")
    }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .init(path: path, reason: AtomicFileWriter.errnoText(errno))
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
      if out.count > maximumFileSize {
        throw .init(path: path, reason: "file is larger than \(maximumFileSize >> 20) MiB")
      }
    }
    return out
  }
}
