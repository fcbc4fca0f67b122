// Paths to, and readers for, the committed reference data in Tests/ReferenceData/.
//
// Paths are resolved from this source file's `#filePath`, so tests find the data from any
// working directory without bundles or resources.

import Foundation
import Testing

/// Access to `Tests/ReferenceData/<source>/<file>`.
public enum ReferenceData {
  /// An error reading reference data.
  public enum Failure: Error, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, underlying: String)
    /// The file is not valid UTF-8.
    case notUTF8(path: String)
    /// A CSV row has a different number of fields from the header.
    case fieldCount(path: String, line: Int, expected: Int, found: Int)
    /// The CSV file has no header line.
    case emptyCSV(path: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let underlying): "cannot read \(path): \(underlying)"
      case .notUTF8(let path): "\(path) is not valid UTF-8"
      case .fieldCount(let path, let line, let expected, let found):
        "\(path):\(line): expected \(expected) comma-separated fields, found \(found)"
      case .emptyCSV(let path): "\(path) has no header line"
      }
    }
  }

  /// The absolute path of the `Tests/ReferenceData` directory in this checkout.
  public static let root: String = {
    // #filePath = <package>/Tests/_OrbitTestSupport/ReferenceData.swift
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("ReferenceData", isDirectory: true)
      .path
  }()

  /// The absolute path of `Tests/ReferenceData/<relativePath>` (for example `"iers/leap_seconds.csv"`).
  public static func url(_ relativePath: String) -> String {
    root + "/" + relativePath
  }

  /// The raw bytes of `Tests/ReferenceData/<relativePath>`.
  public static func bytes(_ relativePath: String) throws -> [UInt8] {
    let path = url(relativePath)
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw Failure.unreadable(path: relativePath, underlying: "\(error)")
    }
  }

  /// The UTF-8 text of `Tests/ReferenceData/<relativePath>`.
  public static func text(_ relativePath: String) throws -> String {
    let data = try bytes(relativePath)
    guard let s = String(validating: data, as: UTF8.self) else {
      throw Failure.notUTF8(path: relativePath)
    }
    return s
  }

  /// The rows of a simple CSV file, each keyed by the header's column names.
  ///
  /// Fields are split on every comma (no quoting) and trimmed of spaces; blank lines and lines
  /// starting with `#` are skipped. A row with a different number of fields from the header
  /// throws.
  public static func csvRows(_ relativePath: String) throws -> [[String: String]] {
    let table = try csvTable(relativePath)
    return table.rows.map { row in
      var dict: [String: String] = [:]
      for (name, value) in zip(table.header, row) { dict[name] = value }
      return dict
    }
  }

  /// The header and rows (fields in column order) of a simple CSV file; see `csvRows(_:)`.
  public static func csvTable(_ relativePath: String) throws -> (header: [String], rows: [[String]]) {
    try parseCSV(try text(relativePath), name: relativePath)
  }

  /// Parses CSV `content` as `csvTable(_:)` does; `name` labels errors.
  public static func parseCSV(_ content: String, name: String = "<text>") throws -> (
    header: [String], rows: [[String]]
  ) {
    let relativePath = name
    var header: [String]? = nil
    var rows: [[String]] = []
    var lineNumber = 0
    // "\r\n" is one Character in Swift, so split on any newline character, not on "\n".
    for line in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if let header {
        guard fields.count == header.count else {
          throw Failure.fieldCount(
            path: relativePath, line: lineNumber, expected: header.count, found: fields.count)
        }
        rows.append(fields)
      } else {
        header = fields
      }
    }
    guard let header else { throw Failure.emptyCSV(path: relativePath) }
    return (header, rows)
  }

  /// The SHA-256 of `Tests/ReferenceData/<relativePath>`, in lowercase hexadecimal.
  public static func sha256(_ relativePath: String) throws -> String {
    SHA256.hex(of: try bytes(relativePath))
  }

  /// Expects the SHA-256 of `Tests/ReferenceData/<relativePath>` to equal `expected` (hex, any case).
  ///
  /// Use it before reading data whose hash `PROVENANCE.md` records. Records an issue on a
  /// mismatch and throws if the file cannot be read.
  /// - Returns: whether the hash matched.
  @discardableResult
  public static func verifySHA256(
    _ relativePath: String, expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    let actual = try sha256(relativePath)
    if actual == expected.lowercased() { return true }
    Issue.record(
      "SHA-256 mismatch for ReferenceData/\(relativePath): file has \(actual), expected \(expected)",
      sourceLocation: sourceLocation)
    return false
  }
}
