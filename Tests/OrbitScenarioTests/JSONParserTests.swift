import OrbitCore
import Foundation
import Testing
import OrbitScenario

@Suite struct JSONParserTests {
  @Test func parsesEveryKindOfValue() throws {
    let v = try JSONParser.parse(#"{"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude80", "c": {}}"#)
    guard case .object(let o) = v else { Issue.record("not an object"); return }
    #expect(o.keys == ["a", "b", "c"])
    guard case .array(let a)? = o["a"] else { Issue.record("a"); return }
    #expect(a.count == 5)
    if case .number(let n) = a[1] {
      #expect(n.value == -2500)
      #expect(n.text == "-2.5e3")
      #expect(!n.isIntegerLiteral)
    } else { Issue.record("a[1]") }
    #expect(a[2] == .bool(true))
    #expect(a[4] == .null)
    #expect(o["b"] == .string("x\"\\/\u{08}\u{0C}\n\r\té🚀"))
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { text }
  }

  static let bad: [Bad] = [
    Bad(text: "", line: 1, column: 1, message: "empty document"),
    Bad(text: "{\n  \"a\": 1,\n}", line: 3, column: 1, message: "trailing comma before '}'"),
    Bad(text: "[1, 2,]", line: 1, column: 7, message: "trailing comma before ']'"),
    Bad(text: "{\"a\" 1}", line: 1, column: 6, message: "expected ':'"),
    Bad(text: "{\"a\": 1 \"b\": 2}", line: 1, column: 9, message: "expected ',' or '}'"),
    Bad(text: "[NaN]", line: 1, column: 2, message: "NaN and Infinity are not valid JSON"),
    Bad(text: "[-Infinity]", line: 1, column: 2, message: "NaN and Infinity"),
    Bad(text: "[01]", line: 1, column: 2, message: "leading zeros"),
    Bad(text: "[1.]", line: 1, column: 4, message: "expected a digit after '.'"),
    Bad(text: "[+1]", line: 1, column: 2, message: "unexpected '+'"),
    Bad(text: "{\"a\": 1, \"a\": 2}", line: 1, column: 10, message: "duplicate key \"a\""),
    Bad(text: "['x']", line: 1, column: 2, message: "double quotes"),
    Bad(text: "\"abc", line: 1, column: 1, message: "unterminated string"),
    Bad(text: "\"a\tb\"", line: 1, column: 3, message: "control character"),
    Bad(text: "\"\\x\"", line: 1, column: 2, message: "invalid escape"),
    Bad(text: "\"\\ud800\"", line: 1, column: 8, message: "unpaired UTF-16 surrogate"),
    Bad(text: "{} {}", line: 1, column: 4, message: "after the end of the JSON value"),
    Bad(text: "tru", line: 1, column: 1, message: "expected 'true'"),
    Bad(text: "[\"é\", x]", line: 1, column: 7, message: "unexpected 'x'"),
  ]

  @Test(arguments: bad)
  func reportsPosition(_ b: Bad) {
    do {
      _ = try JSONParser.parse(b.text)
      Issue.record("accepted \(b.text)")
    } catch {
      #expect(error.line == b.line, "\(error)")
      #expect(error.column == b.column, "\(error)")
      #expect(error.message.contains(b.message), "\(error)")
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
  }

  @Test func invalidUTF8InAStringIsAnError() {
    let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
  }

  @Test func overflowingNumberKeepsItsText() throws {
    let v = try JSONParser.parse("[1e999]")
    guard case .array(let a) = v, case .number(let n) = a[0] else { Issue.record("shape"); return }
    #expect(n.value == .infinity)
    #expect(n.text == "1e999")
  }

  /// The writer's output is read back identically by Foundation's independent parser.
  @Test func writerRoundTripsThroughFoundation() throws {
    let value: JSONValue = .fields([
      "s": .string("quote \" backslash \\ newline \n tab \t control \u{01} é"),
      "n": .array([.double(0.1), .double(-0.0), .double(6796.0), .double(1e-5), .double(1.0e300), .int(42)]),
      "nested": .array([.fields(["a": .null, "b": .bool(true)])]),
      "empty": .array([]),
    ])
    let text = JSONWriter.string(value)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(parsed["s"] as? String == "quote \" backslash \\ newline \n tab \t control \u{01} é")
    let n = try #require(parsed["n"] as? [Double])
    #expect(n == [0.1, -0.0, 6796.0, 1e-5, 1.0e300, 42])
    #expect(try JSONParser.parse(text) == value)
  }
}

@Suite struct NumberFormatTests {
  @Test(arguments: zip(
    [0.0, 1.5, -1.5, 0.0005, 6796.123456789, -0.0000001, 2.5, 999.9995, 1e15 + 0.5],
    ["0.000", "1.500", "-1.500", "0.001", "6796.123", "0.000", "2.500", "1000.000", "1000000000000000.500"]))
  func fixed(_ value: Double, _ expected: String) {
    #expect(NumberFormat.fixed(value, digits: 3) == expected)
  }

  @Test func shortestRoundTrips() {
    for v in [0.1, 1.0 / 3.0, 6796.0, -3650.723377825216, 1.1566186055582e-15, Double.leastNonzeroMagnitude] {
      #expect(Double(NumberFormat.shortest(v)) == v)
    }
  }
}

@Suite struct JSONPathTests {
  @Test func rendersAndSorts() {
    let outputs10 = JSONPath.root.appending("outputs").appending(index: 10).appending("file")
    let outputs2 = JSONPath.root.appending("outputs").appending(index: 2).appending("format")
    let nested = JSONPath.root.appending("spacecraft").appending("orbit").appending("keplerian").appending("eccentricity")
    #expect(outputs10.description == "outputs[10].file")
    #expect(nested.description == "spacecraft.orbit.keplerian.eccentricity")
    #expect(JSONPath.root.description == "(root)")
    #expect([outputs10, nested, outputs2, JSONPath.root].sorted() == [JSONPath.root, outputs2, outputs10, nested])
  }
}
