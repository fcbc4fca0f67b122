// Composite force models: statically specialised sums (a pair, a variadic set) and a dynamic
// set of existentials for configuration-driven use at the coarse level.
//
// STYLE.md §5.3: no existential dispatch inside a derivative for a fixed force set; the generic
// composites here let the optimiser inline every model into one specialised function.

/// The sum of two force models, resolved at compile time.
///
/// Nest pairs for more models (`a.adding(b).adding(c)`) or use `ForceModelSet`.
/// References: Orekit `ForceModel` (a numerical propagator sums its force models).
@frozen
public struct ForceModelSum<First: ForceModel, Second: ForceModel>: ForceModel {
  /// The first model.
  public var first: First
  /// The second model.
  public var second: Second

  /// The sum of `first` and `second`.
  @inlinable
  public init(_ first: First, _ second: Second) {
    self.first = first
    self.second = second
  }

  /// The union of both models' requirements.
  @inlinable
  public var requirements: ForceContextRequirements { first.requirements.union(second.requirements) }

  /// The sum of both accelerations (m/s², GCRF).
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    first.acceleration(position: position, velocity: velocity, mass: mass, context: context)
      + second.acceleration(position: position, velocity: velocity, mass: mass, context: context)
  }

  /// The sum of both mass rates (kg/s).
  @inlinable
  public func massRate(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Double {
    first.massRate(position: position, velocity: velocity, mass: mass, context: context)
      + second.massRate(position: position, velocity: velocity, mass: mass, context: context)
  }
}

/// A fixed set of force models of any concrete types, summed without existential dispatch.
///
/// `ForceModelSet(PointMassGravity(...), AtmosphericDrag(...), ThirdBodyGravity.sun)` is one
/// concrete type; its `acceleration` iterates the parameter pack (SE-0393, SE-0408), which the
/// optimiser unrolls when it specialises the set.
/// References: Orekit `ForceModel`; STYLE.md §2 (`ForceModelSet`).
public struct ForceModelSet<each Model: ForceModel>: ForceModel {
  /// The models.
  public var models: (repeat each Model)

  /// A set of the given models.
  @inlinable
  public init(_ models: repeat each Model) {
    self.models = (repeat each models)
  }

  /// The union of the models' requirements.
  @inlinable
  public var requirements: ForceContextRequirements {
    var all: ForceContextRequirements = []
    for model in repeat each models { all.formUnion(model.requirements) }
    return all
  }

  /// The sum of the models' accelerations (m/s², GCRF), in declaration order.
  @inlinable
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    var sum = Vector3.zero
    for model in repeat each models {
      sum += model.acceleration(position: position, velocity: velocity, mass: mass, context: context)
    }
    return sum
  }

  /// The sum of the models' mass rates (kg/s).
  @inlinable
  public func massRate(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Double {
    var sum = 0.0
    for model in repeat each models {
      sum += model.massRate(position: position, velocity: velocity, mass: mass, context: context)
    }
    return sum
  }
}

/// A force set chosen at run time (CLI flags, scenario files): an array of existentials.
///
/// One dynamic call per model per derivative, acceptable at this coarse grain (STYLE.md §5.3);
/// each model's own inner loops stay specialised. Prefer `ForceModelSet` when the set is known
/// at compile time.
public struct DynamicForceModelSet: ForceModel {
  /// The models, summed in order.
  public var models: [any ForceModel]

  /// A set of the given models.
  public init(_ models: [any ForceModel]) { self.models = models }

  /// The union of the models' requirements.
  public var requirements: ForceContextRequirements {
    models.reduce(into: []) { $0.formUnion($1.requirements) }
  }

  /// The sum of the models' accelerations (m/s², GCRF).
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    var sum = Vector3.zero
    for model in models {
      sum += model.acceleration(position: position, velocity: velocity, mass: mass, context: context)
    }
    return sum
  }

  /// The sum of the models' mass rates (kg/s).
  public func massRate(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Double {
    var sum = 0.0
    for model in models {
      sum += model.massRate(position: position, velocity: velocity, mass: mass, context: context)
    }
    return sum
  }
}
