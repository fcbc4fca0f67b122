/// The scenario kinds beyond `propagate`. Add one line per kind; the handler lives in its own
/// file in this folder.
enum ScenarioKinds {
  /// Every extended kind, in help order.
  static let extended: [ScenarioKindHandler] = [
    InsertionDispersionKind.handler,
    RendezvousKind.handler,
    ReboostKind.handler,
    DecayKind.handler,
  ]

  /// Every valid `kind` value: `propagate` and the extended kinds.
  static var allNames: [String] { Scenario.Kind.allCases.map(\.rawValue) + extended.map(\.kind) }

  /// The handler for `kind`, if it is an extended kind.
  static func handler(for kind: String) -> ScenarioKindHandler? {
    extended.first { $0.kind == kind }
  }
}
