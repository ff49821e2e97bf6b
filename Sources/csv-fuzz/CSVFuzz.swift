import Metrics

// The fuzz target for the CSV reader and validator, and for the report writers: every
// academy name the reader accepts must come back out of CSV and JSON exactly. Built with
// `-sanitize=fuzzer -D FUZZING`, libFuzzer supplies `main` and calls the entry point
// below with generated inputs; see the README's "Fuzzing" section. Built normally, it
// replays the files it is given, so a crasher can be re-run under the debugger.

/// URNs of a trust for the DfE readers: the first two schools of the DfE files' seeds
/// are among them, so the rows of the trust's own academies are exercised too.
let fuzzAcademies = Set([100_000, 100_001, 100_002, 136_807, 145_543, 143_112].compactMap(URN.init))

/// Reads one input as a data-drop file, as `trustboard ingest --year 2018/19` would, so
/// that the DfE layouts that need a year are read too.
func readAsDrop(_ bytes: [UInt8]) {
    let batch = DropReader(knownAcademies: fuzzAcademies, year: AcademicYear(2018))
        .read(files: [("fuzz.csv", bytes)])
    // Touch every message so the formatting code is exercised too.
    for issue in batch.issues { _ = issue.description }
    checkExports(of: batch)
}

#if FUZZING
    import Foundation

    /// libFuzzer's entry point for one input.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        guard let data else { return 0 }
        readAsDrop(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    /// libFuzzer's driver, for programs that keep their own `main` (SwiftPM gives every
    /// executable one, so libFuzzer's cannot be used).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Hands control to libFuzzer with the command line it was given.
    @main
    struct CSVFuzz {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        }
    }
#else
    import Foundation

    /// Replays saved inputs: `csv-fuzz FILE...`.
    @main
    struct CSVFuzz {
        static func main() {
            let paths = CommandLine.arguments.dropFirst()
            if paths.isEmpty {
                print("usage: csv-fuzz FILE...  (replays inputs; see the README to fuzz)")
            }
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot be read")
                    continue
                }
                readAsDrop([UInt8](data))
                print("\(path): read without a crash")
            }
        }
    }
#endif
