import OrbitScenario

/// Reading a text input file named on the command line.
enum InputFile {
  /// The contents of `path` as UTF-8 text.
  ///
  /// - Throws: exit 1 when the file is missing or unreadable, exit 65 when it is not UTF-8;
  ///   each message names the file.
  static func text(_ path: String) throws(CLIError) -> String {
    let bytes: [UInt8]
    do throws(AtomicFileWriter.Failure) {
      bytes = try ScenarioLoader.readFile(path)
    } catch {
      throw CLIError(ExitCode.failure, "\(path): cannot read: \(error.reason)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw .data("\(path): not UTF-8 text") }
    return text
  }
}
