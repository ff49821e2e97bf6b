import ArgumentParser
import BoardPack
import Foundation
import Metrics

/// `trustboard pack`: the board pack, one self-contained HTML file, and a PDF of it when
/// a headless Chromium is installed.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write the board pack: one self-contained HTML file of a drop, ready to print.",
        discussion: """
            A cover, a one-page summary, a page per academy with charts, what changed and how the \
            figures are worked out. --pdf prints it with a headless Chromium (Debian: \
            apt-get install chromium-headless-shell). The marking on every page is pack_marking in \
            the config, OFFICIAL-SENSITIVE by default.
            """)

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: "The drop, such as 2024/25-spring. Default: the latest.")
    var drop: String?

    @Option(name: .long, help: "Only this academy (URN); repeat for more. Default: every academy.")
    var academy: [String] = []

    @Option(name: .long, help: "The HTML file to write. Default: trustboard-pack-DROP.html here.")
    var out: String?

    @Option(name: .long, help: "Also print the pack to this PDF file, with a headless Chromium.")
    var pdf: String?

    func run() throws {
        do {
            // `--out` is checked before the store is read and the pack worked out (seconds
            // for a large store); the default name, once the drop that names it is known.
            if let out { try Self.refuseUnlessAFile(out) }
            // The PDF too, before anything is written: a folder given as --pdf was removed,
            // with all it held, for the PDF to be printed in its place.
            if let pdf { try Self.refuseUnlessAFile(pdf, writing: "the PDF", example: "pack.pdf") }
            let source = try TrustSource.open(options)
            let drop = try source.drop(named: drop)
            let defaultPath = "trustboard-pack-\(drop.key.replacingOccurrences(of: "/", with: "-")).html"
            if out == nil { try Self.refuseUnlessAFile(defaultPath) }
            let path = out ?? defaultPath
            if let pdf, Self.sameFile(pdf, path) {
                throw CommandFailure(
                    "could not write the PDF to \(pdf): it is where the pack's HTML goes (--out \(path)); "
                        + "give the PDF a path of its own, such as pack.pdf")
            }
            var urns: [URN] = []
            for text in academy {
                guard let urn = URN(text), source.data.academy(urn) != nil else {
                    throw CommandFailure("'\(text)' is not the URN of an academy in the trust")
                }
                if !urns.contains(urn) { urns.append(urn) }
            }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_GB")
            formatter.dateFormat = "d MMMM yyyy"
            let request = PackRequest(
                drop: drop, academies: urns.isEmpty ? nil : urns, trustName: source.trustName,
                marking: source.config.packMarking ?? RatingConfig.defaultPackMarking,
                date: formatter.string(from: Date()), isSample: source.isSample)
            // The store's comparisons, or the sample's fictional England's; a read error is
            // said after the pack is written without them, never swallowed.
            var similarError: (any Error)?
            let pack = BoardPack(
                data: source.data, config: source.config, request: request,
                similar: { drop in
                    do { return try source.similarComparisons(for: drop) } catch {
                        similarError = similarError ?? error
                        return nil
                    }
                })
            do {
                try write(pack, to: path)
            } catch {
                throw CommandFailure(
                    "could not write the pack to \(path): \(error.localizedDescription); "
                        + Self.remedy(for: error))
            }
            warn("wrote the board pack of \(drop) (\(pack.academies.count) academies) to \(path)")
            if let similarError { warn("similar schools are not in the pack: \(similarError)") }
            if let pdf {
                try HeadlessChromium.printPDF(html: path, pdf: pdf)
                warn("printed it to \(pdf)")
            }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }

    /// Throws unless `path` names a file or nothing: the pack (`what`) replaces what is
    /// there whole, by renaming, which would put it in place of a device (`/dev/full`) or
    /// fail on a folder; `example` is a name to suggest.
    static func refuseUnlessAFile(
        _ path: String, writing what: String = "the pack", example: String = "pack.html"
    ) throws {
        guard let kind = notAFile(path) else { return }
        throw CommandFailure(
            "could not write \(what) to \(path): it is \(kind), not a file; "
                + "give the path of a file to write, such as \(example)")
    }

    /// True when `one` and `other` name the same file: the same path once made absolute,
    /// or, where both are there, the same file on the same disk (through a link).
    static func sameFile(_ one: String, _ other: String) -> Bool {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        if absolute(one) == absolute(other) { return true }
        var first = stat()
        var second = stat()
        guard stat(one, &first) == 0, stat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// What is at `path` (followed through links) in words when it is there and is not an
    /// ordinary file: "a folder", "a device"; nil when it is a file or nothing is there.
    static func notAFile(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "something other than a file"
        }
    }

    /// How to put right a failure to write the pack: a full disk wants space or another
    /// place, anything else most often a missing folder or one the user may not write to.
    static func remedy(for error: Error) -> String {
        if let failure = error as? SystemFailure, failure.errno == ENOSPC || failure.errno == EDQUOT {
            return "free some space on that disk, or give --out a path on another one (nothing was "
                + "left there: the part written is removed)"
        }
        return "check that its folder exists and that you may write there"
    }

    /// Writes `pack` to `path` a page at a time, into a file beside it that replaces
    /// `path` once whole, so that a pack stopped part way never leaves half a file
    /// where the last pack was; the part written is removed on a failure, and when the
    /// command is asked to stop (`PartialFile`).
    private func write(_ pack: BoardPack, to path: String) throws {
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let watch = PartialFile(path: partial)
        defer { watch.release() }
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SystemFailure(errno: errno) }
        do {
            let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? file.close() }
            var failure: Int32?
            // Stops working out pages at the first failure (a full disk).
            pack.write(goingOn: { piece in
                var piece = piece
                // Written from the string's own bytes, not a copy of them.
                failure = piece.withUTF8 { writeWhole(UnsafeRawBufferPointer($0), to: descriptor) }
                return failure == nil
            })
            if let failure { throw SystemFailure(errno: failure) }
            try file.synchronize()
            guard rename(partial, path) == 0 else { throw SystemFailure(errno: errno) }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}

/// A system call's failure, described as the system describes its `errno`: "No such file
/// or directory".
private struct SystemFailure: LocalizedError {
    let errno: Int32

    var errorDescription: String? { String(cString: strerror(errno)) }
}
