// The `orbit` executable: all behaviour lives in OrbitCLI so that tests can drive it.
import OrbitCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

var standardOutput = StandardStream.standardOutput
var standardError = StandardStream.standardError
let code = runOrbit(
  arguments: Array(CommandLine.arguments.dropFirst()), stdout: &standardOutput, stderr: &standardError)
exit(code)
