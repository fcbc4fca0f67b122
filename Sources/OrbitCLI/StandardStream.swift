#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard output or standard error as a `TextOutputStream`.
public struct StandardStream: TextOutputStream {
  private let descriptor: Int32

  /// Standard output (file descriptor 1).
  public static var standardOutput: StandardStream { StandardStream(descriptor: 1) }
  /// Standard error (file descriptor 2).
  public static var standardError: StandardStream { StandardStream(descriptor: 2) }

  /// Writes `string` in full (retrying short writes); write errors such as a closed pipe are
  /// ignored, as there is nowhere left to report them.
  public mutating func write(_ string: String) {
    var bytes = Array(string.utf8)
    let fd = descriptor
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}

private func posixWrite(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  write(fd, pointer, count)
}
