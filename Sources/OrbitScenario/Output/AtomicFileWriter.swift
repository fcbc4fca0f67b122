// All-or-nothing writing of a set of output files.
//
// Each file is written to a temporary file in its final directory (`.<name>.tmp-<pid>-<random>`),
// flushed with fsync, and renamed over the final name only after every temporary file of the
// set was written. On any failure every temporary file is removed, so a failed run leaves
// neither partial outputs nor temporaries. rename(2) within one directory is atomic on POSIX
// file systems: a reader sees the old file or the new one, never a mix.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files atomically (temporary file + rename) and creates directories.
public enum AtomicFileWriter {
  /// A failed file-system operation: the path and the system's reason.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// The path that could not be written or created.
    public var path: String
    /// The reason, e.g. `Permission denied`.
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  static func errnoText(_ code: Int32) -> String {
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s)
  }

  /// Creates `directory` and its missing parents (like `mkdir -p`), mode 0755.
  public static func createDirectory(_ directory: String) throws(Failure) {
    guard !directory.isEmpty else { return }
    var prefix = directory.hasPrefix("/") ? "/" : ""
    let parts = directory.split(separator: "/", omittingEmptySubsequences: true)
    for part in parts {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
      var info = stat()
      if stat(prefix, &info) == 0 {
        if (info.st_mode & S_IFMT) != S_IFDIR {
          throw Failure(path: prefix, reason: "exists and is not a directory")
        }
        continue
      }
      let statErrno = errno
      if statErrno != ENOENT {
        throw Failure(path: prefix, reason: errnoText(statErrno))
      }
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw Failure(path: prefix, reason: "cannot create directory: \(errnoText(errno))")
      }
    }
  }

  /// Writes every `(path, contents)` pair, all or nothing: either all files are in place with
  /// their new contents, or none was created or changed and no temporary file remains.
  ///
  /// The directories must exist (see `createDirectory(_:)`).
  public static func write(_ files: [(path: String, contents: String)]) throws(Failure) {
    var temporaries: [(temporary: String, final: String)] = []
    func cleanUp() {
      for t in temporaries { unlink(t.temporary) }
    }
    for file in files {
      let temporary = temporaryPath(for: file.path)
      do throws(Failure) {
        try writeNew(temporary, contents: file.contents, reportAs: file.path)
      } catch {
        unlink(temporary)
        cleanUp()
        throw error
      }
      temporaries.append((temporary, file.path))
    }
    for (i, t) in temporaries.enumerated() {
      if rename(t.temporary, t.final) != 0 {
        let reason = errnoText(errno)
        // Remove the temporaries not yet renamed and the files this call already put in place.
        for later in temporaries[i...] { unlink(later.temporary) }
        for earlier in temporaries[..<i] { unlink(earlier.final) }
        throw Failure(path: t.final, reason: reason)
      }
    }
  }

  static func temporaryPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    return "\(directory).\(name).tmp-\(getpid())-\(tag)"
  }

  static func writeNew(_ path: String, contents: String, reportAs finalPath: String) throws(Failure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 { throw Failure(path: finalPath, reason: errnoText(errno)) }
    var failure: Failure? = nil
    var bytes = Array(contents.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = Failure(path: finalPath, reason: errnoText(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil && fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
      failure = Failure(path: finalPath, reason: errnoText(errno))
    }
    if close(fd) != 0 && failure == nil {
      failure = Failure(path: finalPath, reason: errnoText(errno))
    }
    if let failure { throw failure }
  }
}

/// write(2), outside `AtomicFileWriter` so that its `write(_:)` does not shadow it.
private func posixWrite(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  write(fd, pointer, count)
}
