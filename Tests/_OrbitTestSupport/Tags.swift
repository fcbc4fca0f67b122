// Test tags shared by all Orbit test targets (STYLE.md §4: three kinds of test, plus `slow`).

import Testing

extension Tag {
  /// Checked against published, external reference values.
  @Tag public static var validation: Self
  /// Golden values from our own code: they catch changes but prove nothing.
  @Tag public static var regression: Self
  /// Invariants (round trips, conservation laws, identities).
  @Tag public static var property: Self
  /// Takes long in debug builds; may be run with `swift test -c release`.
  @Tag public static var slow: Self
}
