// The numerical propagator's failures are `PropagationError` cases; this alias keeps the name
// used before the two error types were merged.

/// The former error type of the numerical propagator, now the same as `PropagationError`
/// (cases `.nonFiniteState`, `.stepSizeUnderflow`, `.invalidOptions`, ...).
public typealias NumericalPropagationError = PropagationError
