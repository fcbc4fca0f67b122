// The NRLMSISE-00 coefficient tables.
//
// Numbers: block data GTD7BK of the NRL NRLMSISE-00 distribution (Picone, Hedin, Drob & Aikin
// 2002), as carried by Dominik Brodowski's C port (nrlmsise-00_data.c, release 20190709) in the
// `nrlmsise00` 0.1.2 PyPI source package. Copied into Tests/ReferenceData/nrlmsise00/ with
// provenance, licence and SHA-256; compiled in by Scripts/embed-nrlmsise00.py as one raw string
// literal (Data/NRLMSISE00Data.swift), parsed here once at first use. Our own code.

/// The coefficient tables of NRLMSISE-00, flattened row-major, with the model's own numbering
/// starting at 0 (entry `i` of a 150-term set is the Fortran `P(i+1)`).
///
/// References: Picone, J. M., Hedin, A. E., Drob, D. P., Aikin, A. C. (2002), NRLMSISE-00
/// empirical model of the atmosphere, J. Geophys. Res. 107(A12), 1468, doi:10.1029/2002JA009430;
/// coefficient numbers from the NRL distribution's block data GTD7BK (see
/// Tests/ReferenceData/nrlmsise00/PROVENANCE.md).
public struct NRLMSISE00Coefficients: Sendable, Hashable {
  /// Exospheric temperature expansion (`PT`, 150 terms).
  public let temperature: [Double]
  /// Density expansions at the lower boundary (`PD`, 9 sets × 150: He, O, N2, Tlb, O2, Ar, H, N,
  /// anomalous O).
  public let density: [Double]
  /// Temperature-gradient expansion at the lower boundary (`PS`, 150 terms).
  public let gradient: [Double]
  /// Turbopause and chemistry parameters (`PDL`, 2 × 25).
  public let turbopause: [Double]
  /// Lower-boundary constants (`PTM`, 10).
  public let lowerBoundary: [Double]
  /// Per-species lower-boundary constants (`PDM`, 8 × 10).
  public let lowerBoundaryDensity: [Double]
  /// Lower-thermosphere temperature nodes (`PTL`, 4 × 100).
  public let thermosphereNodes: [Double]
  /// Middle-atmosphere temperature nodes (`PMA`, 10 × 100).
  public let mesosphereNodes: [Double]
  /// Middle-atmosphere node averages (`PAVGM`, 10).
  public let middleAtmosphereAverages: [Double]

  /// The tables of the NRL distribution, parsed once from the compiled-in text.
  public static let standard: NRLMSISE00Coefficients = {
    guard let c = NRLMSISE00Coefficients(text: nrlmsise00CoefficientText) else {
      fatalError("embedded NRLMSISE-00 coefficients are corrupt (regenerate with Scripts/embed-nrlmsise00.py)")
    }
    return c
  }()

  /// Parses the embedded text format: per table a line `<name> <count>` and then `count`
  /// numbers separated by white space.
  ///
  /// - Parameter text: the tables in the format written by Scripts/embed-nrlmsise00.py.
  /// - Returns: nil when a table is missing, has the wrong size, or a number does not parse.
  public init?(text: String) {
    var tables: [String: [Double]] = [:]
    var name: String? = nil
    var expected = 0
    var values: [Double] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard let first = fields.first else { continue }
      if let c = first.first, c.isLetter {
        guard fields.count == 2, let n = Int(fields[1]) else { return nil }
        if let name {
          guard values.count == expected else { return nil }
          tables[name] = values
        }
        name = String(first)
        expected = n
        values = []
        values.reserveCapacity(n)
      } else {
        for f in fields {
          guard let v = Double(f) else { return nil }
          values.append(v)
        }
      }
    }
    if let name {
      guard values.count == expected else { return nil }
      tables[name] = values
    }
    func table(_ key: String, _ count: Int) -> [Double]? {
      guard let t = tables[key], t.count == count else { return nil }
      return t
    }
    guard let pt = table("temperature", 150), let pd = table("density", 1350),
      let ps = table("gradient", 150), let pdl = table("turbopause", 50),
      let ptm = table("lowerBoundary", 10), let pdm = table("lowerBoundaryDensity", 80),
      let ptl = table("thermosphereNodes", 400), let pma = table("mesosphereNodes", 1000),
      let pavgm = table("middleAtmosphereAverages", 10)
    else { return nil }
    temperature = pt
    density = pd
    gradient = ps
    turbopause = pdl
    lowerBoundary = ptm
    lowerBoundaryDensity = pdm
    thermosphereNodes = ptl
    mesosphereNodes = pma
    middleAtmosphereAverages = pavgm
  }
}
