// A sink the optimizer cannot see through, so benchmarked results are not dead code.

/// Consumes `value` without the optimizer being able to prove it unused.
///
/// `@inline(never)` keeps the call; `@_optimize(none)` keeps the body from being analysed
/// away (the technique of package-benchmark's `blackHole` and the stdlib benchmarks'
/// `blackHole`).
@inline(never) @_optimize(none)
public func blackHole<T>(_ value: T) {}

/// Returns `value` through an opaque call, so the optimizer cannot constant-fold inputs.
@inline(never) @_optimize(none)
public func identity<T>(_ value: T) -> T { value }
