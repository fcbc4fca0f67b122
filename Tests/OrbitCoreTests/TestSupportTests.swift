// Tests of the shared test support (_OrbitTestSupport): SHA-256 against the FIPS 180-4
// examples, and that expectClose reports (and only reports) real differences.

import OrbitCore
import Testing
import _OrbitTestSupport

@Suite struct SHA256Tests {
  // NIST FIPS 180-4 example values (CSRC "Examples with Intermediate Values", SHA-256).
  @Test(.tags(.validation), arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func fipsVectors(message: String, digest: String) {
    #expect(SHA256.hex(of: Array(message.utf8)) == digest)
  }

  /// One million 'a' (FIPS 180-4 / NIST long message example): exercises many blocks.
  @Test(.tags(.validation))
  func millionA() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hex(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Messages of 55, 56 and 64 bytes straddle the padding boundary; the digest must differ
  /// from every neighbour's (a padding bug typically makes two lengths collide).
  @Test(.tags(.property))
  func paddingBoundariesGiveDistinctDigests() {
    let digests = (50...70).map { SHA256.hex(of: [UInt8](repeating: 0x61, count: $0)) }
    #expect(Set(digests).count == digests.count)
    #expect(digests.allSatisfy { $0.count == 64 })
  }
}

@Suite struct ExpectCloseTests {
  @Test func passesWithinTolerance() {
    #expect(expectClose(1.0, 1.0 + 1e-12, absolute: 1e-11))
    #expect(expectClose(1e6, 1e6 * (1 + 1e-13), relative: 1e-12))
    #expect(expectClose(Vector3(3, 4, 0), Vector3(3, 4, 1e-9), absolute: 1e-8))
    #expect(expectClose(1.0, 1.0.nextUp, ulps: 1))
    #expect(expectClose(0.0, -0.0, ulps: 0))
  }

  @Test func reportsFailures() {
    withKnownIssue("a difference of 1e-3 exceeds an absolute tolerance of 1e-6") {
      expectClose(1.0, 1.001, absolute: 1e-6)
    }
    withKnownIssue("a vector difference of norm 5 exceeds 1") {
      expectClose(Vector3(3, 4, 0), .zero, absolute: 1)
    }
    withKnownIssue("two ulps apart is not within one") {
      expectClose(1.0, 1.0.nextUp.nextUp, ulps: 1)
    }
    withKnownIssue("NaN is not close to a number") {
      expectClose(Double.nan, 0, absolute: 1)
    }
  }

  @Test func ulpDistanceCountsRepresentableValues() {
    #expect(ulpDistance(1, 1) == 0)
    #expect(ulpDistance(1, 1.0.nextUp) == 1)
    #expect(ulpDistance(1.0.nextDown, 1.0.nextUp) == 2)
    // Across zero: the smallest subnormals on either side are 2 apart (−min, ±0, +min).
    #expect(ulpDistance(-Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude) == 2)
    #expect(ulpDistance(.nan, 1) == .max)
    #expect(ulpDistance(.infinity, .greatestFiniteMagnitude) == .max)
  }
}

@Suite struct ReferenceDataTests {
  @Test func pathsResolveUnderTestsReferenceData() {
    let path = ReferenceData.url("source/file.txt")
    #expect(path.hasSuffix("/Tests/ReferenceData/source/file.txt"))
    #expect(path.hasPrefix("/"))
  }

  @Test func missingFileThrows() {
    #expect(throws: ReferenceData.Failure.self) {
      try ReferenceData.text("no-such-source/no-such-file.txt")
    }
  }
}

@Suite struct CSVParsingTests {
  @Test func parsesHeaderCommentsAndBlankLines() throws {
    let table = try ReferenceData.parseCSV("# comment\nmjd, value\r\n41317,10\n\n41499 , 11\n")
    #expect(table.header == ["mjd", "value"])
    #expect(table.rows == [["41317", "10"], ["41499", "11"]])
  }

  @Test func rejectsRaggedRows() {
    #expect(throws: ReferenceData.Failure.self) {
      try ReferenceData.parseCSV("a,b\n1,2,3\n")
    }
  }
}
