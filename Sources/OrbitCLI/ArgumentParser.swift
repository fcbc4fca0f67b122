// A small argument parser for the command tree: `--name value`, `--name=value`, `--` to end
// options, `-h`/`--help` anywhere. Options take a value unless they are flags (`--vallado`);
// repeated options are errors.

import OrbitScenario

/// An option that takes a value.
struct OptionSpec {
  /// `--scale`.
  var name: String
  /// `SCALE`, shown in help.
  var valueName: String
  /// One line of help.
  var help: String
  /// The allowed values, or nil for free text.
  var choices: [String]? = nil
  /// The default shown in help.
  var defaultValue: String? = nil
  /// A flag takes no value (`--vallado`); it is stored with the value `""`.
  var isFlag = false
}

/// A positional argument.
struct PositionalSpec {
  /// `<instant>`.
  var name: String
  /// One line of help.
  var help: String
  /// The last positional may be given one or more times (`<dir>...`).
  var repeats = false
  /// Trailing positionals may be left out (`[DIR]`).
  var isOptional = false
}

/// A command: its name, help text and arguments.
struct CommandSpec {
  var name: String
  var summary: String
  var usage: String
  var positionals: [PositionalSpec]
  var options: [OptionSpec]
  /// Extra help paragraphs (examples, units, exit codes).
  var details: String = ""

  /// The full help text.
  var help: String {
    var out = "\(summary)\n\nUsage: \(usage)\n"
    if !positionals.isEmpty {
      out += "\nArguments:\n"
      for p in positionals { out += pad("  \(p.name)", 26) + p.help + "\n" }
    }
    out += "\nOptions:\n"
    for o in options {
      var line = o.help
      if let choices = o.choices { line += " (\(choices.joined(separator: "|")))" }
      if let d = o.defaultValue { line += " [default: \(d)]" }
      out += pad(o.isFlag ? "  \(o.name)" : "  \(o.name) \(o.valueName)", 26) + line + "\n"
    }
    out += pad("  -h, --help", 26) + "Show this help.\n"
    if !details.isEmpty { out += "\n" + details + (details.hasSuffix("\n") ? "" : "\n") }
    return out
  }
}

func pad(_ s: String, _ width: Int) -> String {
  s.count >= width - 1 ? s + "  " : s + String(repeating: " ", count: width - s.count)
}

/// The result of parsing a command's arguments.
struct ParsedArguments {
  var positionals: [String] = []
  var options: [String: String] = [:]
  var helpRequested = false

  func option(_ name: String) -> String? { options[name] }

  /// Whether flag `name` was given.
  func flag(_ name: String) -> Bool { options[name] != nil }
}

enum ArgumentParser {
  /// Parses `arguments` (after the command name) against `spec`.
  /// - Throws: `CLIError` with exit code 64 for unknown options, missing values, values not
  ///   among the choices, repeated options, and a wrong number of positionals.
  static func parse(_ arguments: [String], spec: CommandSpec) throws(CLIError) -> ParsedArguments {
    var result = ParsedArguments()
    // Help wins over every other problem, as long as it comes before `--`.
    for a in arguments {
      if a == "--" { break }
      if a == "-h" || a == "--help" {
        result.helpRequested = true
        return result
      }
    }
    var i = 0
    var optionsEnded = false
    while i < arguments.count {
      let a = arguments[i]
      i += 1
      if optionsEnded || !a.hasPrefix("-") || a == "-" {
        result.positionals.append(a)
        continue
      }
      if a == "--" {
        optionsEnded = true
        continue
      }
      var name = a
      var inlineValue: String? = nil
      if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
        name = String(a[..<eq])
        inlineValue = String(a[a.index(after: eq)...])
      }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw .usage(unknownOptionMessage(name, known: spec.options.map(\.name) + ["--help"]))
      }
      let value: String
      if option.isFlag {
        if inlineValue != nil { throw .usage("\(name): takes no value") }
        if result.options[name] != nil { throw .usage("\(name): given more than once") }
        result.options[name] = ""
        continue
      }
      if let inlineValue {
        value = inlineValue
      } else {
        guard i < arguments.count else {
          throw .usage("\(name): missing value (expected \(option.choices?.joined(separator: ", ") ?? option.valueName))")
        }
        value = arguments[i]
        i += 1
      }
      if result.options[name] != nil { throw .usage("\(name): given more than once") }
      if let choices = option.choices, !choices.contains(value) {
        throw .usage("\(name): unknown value \"\(value)\" (expected \(choices.joined(separator: ", ")))")
      }
      result.options[name] = value
    }
    if result.positionals.count > spec.positionals.count, spec.positionals.last?.repeats != true {
      let extra = result.positionals[spec.positionals.count]
      throw .usage("unexpected argument \"\(extra)\"")
    }
    if result.positionals.count < spec.positionals.count, !spec.positionals[result.positionals.count].isOptional {
      let missing = spec.positionals[result.positionals.count]
      throw .usage("missing argument \(missing.name)")
    }
    return result
  }

  static func unknownOptionMessage(_ name: String, known: [String]) -> String {
    var message = "unknown option \"\(name)\""
    if let guess = closestWord(to: name, in: known) { message += " (did you mean \(guess)?)" }
    return message
  }
}

/// The candidate within 2 edits of `word`, if any.
func closestWord(to word: String, in candidates: [String]) -> String? {
  var best: (String, Int)? = nil
  for c in candidates {
    let d = editDistance(Array(word), Array(c))
    if d <= 2 && d < (best?.1 ?? Int.max) { best = (c, d) }
  }
  return best?.0
}

/// Strict decimal numbers for arguments: `[+-]digits[.digits][(e|E)[+-]digits]` (a leading or
/// trailing `.` digit group may be empty but not both). Rejects `nan`, `inf`, hex and spaces.
enum NumberArgument {
  enum Problem { case notANumber, notFinite }

  static func parse(_ text: String) -> Result<Double, NumberArgumentError> {
    let s = Array(text.utf8)
    var i = 0
    func digits() -> Int {
      let start = i
      while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
      return i - start
    }
    if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
    let whole = digits()
    var fraction = 0
    if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      fraction = digits()
    }
    var ok = whole + fraction > 0
    if ok, i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
      i += 1
      if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
      if digits() == 0 { ok = false }
    }
    if !ok || i != s.count {
      let lower = text.lowercased()
      let words = ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]
      return .failure(words.contains(lower) ? .notFinite : .notANumber)
    }
    guard let v = Double(text), v.isFinite else { return .failure(.notFinite) }
    return .success(v)
  }
}

/// Why an argument is not an acceptable number.
enum NumberArgumentError: Error {
  case notANumber, notFinite
}

/// Parses `count` comma-separated finite numbers for option `option`.
func parseNumberList(_ text: String, count: Int, option: String) throws(CLIError) -> [Double] {
  let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
    String($0).trimmingASCIIWhitespace()
  }
  guard fields.count == count else {
    throw .usage("\(option): expected \(count) comma-separated numbers, got \"\(text)\"")
  }
  var values: [Double] = []
  for (i, f) in fields.enumerated() {
    switch NumberArgument.parse(f) {
    case .success(let v): values.append(v)
    case .failure(.notFinite):
      throw .usage("\(option): field \(i + 1) of \(count) is not a finite number: \"\(f)\"")
    case .failure(.notANumber):
      throw .usage("\(option): field \(i + 1) of \(count) is not a number: \"\(f)\" (in \"\(text)\")")
    }
  }
  return values
}

extension String {
  func trimmingASCIIWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
