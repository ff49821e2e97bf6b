import Foundation

/// The DfE benchmark: `england_abs_2018-19.csv` (every school in England, about 21,200
/// rows) ingested with `--year 2018/19` into a store holding a trust of 10 academies,
/// through the real binary.
///
/// `swift build -c release && .build/release/trustboard-bench --dfe ../shared/data/dfe`
///
/// The trust is the first ten primary schools of the file (DfE numbers 2000–3999). Each
/// of the three timed runs starts from a copy of the store as it was before the ingest,
/// so every run reads, checks and stores the whole file.
enum DfEBench {
    static func run(binary: String, folder: URL, dfeFolder: String) throws {
        let file = (dfeFolder as NSString).appendingPathComponent("england_abs_2018-19.csv")
        guard let data = FileManager.default.contents(atPath: file) else {
            print("bench: \(file) not found; give the folder of the DfE files with --dfe")
            exit(1)
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        var urns: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let estab = Int(fields[1]), (2000...3999).contains(estab) else {
                continue
            }
            urns.append(String(fields[2]))
            if urns.count == 10 { break }
        }
        let academies = folder.appendingPathComponent("academies.csv")
        let rows = urns.enumerated().map { "\($1),Academy \($0 + 1),primary" }
        try Data((["urn,name,phase"] + rows).joined(separator: "\n").utf8).write(to: academies)
        let pristine = folder.appendingPathComponent("trust.sqlite").path
        let timed = folder.appendingPathComponent("timed.sqlite").path
        _ = try Bench.run(binary, ["ingest", "--store", pristine, academies.path])
        let measure = try Bench.run(binary, ["ingest", "--year", "2018/19", "--store", timed, file]) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: timed + suffix) }
            try? FileManager.default.copyItem(atPath: pristine, toPath: timed)
        }
        let megabytes = Double(data.count) / 1_000_000
        print(
            "DfE: ingest --year 2018/19 england_abs_2018-19.csv (\(lines.count - 1) rows, "
                + "\(Bench.format(megabytes)) MB) with a trust of \(urns.count) academies: "
                + "\(Bench.format(measure.seconds)) s, peak \(measure.peakMB) MB (fastest of 3)")
    }
}
