#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Switch for suites too slow for a debug `swift test`: long numerical validations against
/// observed decay or reported missions. They run when `ORBIT_HEAVY_TESTS=1`, which `.ci/run`
/// sets for `swift test -c release --filter Heavy`. Name such suites with "Heavy" in the
/// type name and gate them with `.enabled(if: HeavyTests.enabled)`.
public enum HeavyTests {
  /// True when the environment asks for the heavy suites (`ORBIT_HEAVY_TESTS=1`).
  public static var enabled: Bool {
    guard let value = getenv("ORBIT_HEAVY_TESTS") else { return false }
    return String(cString: value) == "1"
  }
}
