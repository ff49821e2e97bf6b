import Foundation

/// The bundled sample trust: the fictional "Northbrook Learning Trust" of `sample-data/`,
/// shipped inside the binary's resources so that trustboard can show it from any folder
/// before a user has a store of their own.
public enum SampleTrust {
    /// The name of the resource bundle SwiftPM builds beside the executable.
    static let bundleName = "trustboard_SampleTrust.resources"

    /// The folder of sample CSV files, or nil when the resources are missing (for
    /// example, a binary copied away from its build folder). SwiftPM's own
    /// `Bundle.module` would stop the program in that case, so the folder is looked for
    /// here instead: beside the running executable, then beside the main bundle.
    public static var folder: URL? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let places = [executable, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for place in places {
            let folder = place.appendingPathComponent(bundleName).appendingPathComponent("sample-data")
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("academies.csv").path) {
                return folder
            }
        }
        return nil
    }

    /// The paths of the sample CSV files, in name order; empty when the resources are missing.
    public static var files: [String] {
        guard let folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The paths of the fictional national files (a fictional England's school census,
    /// absence and KS4 files, for similar schools), in name order; empty when missing.
    /// They sit in their own folder so that `trustboard ingest sample-data` reads the
    /// trust's files alone: the absence file needs `--year`.
    public static var nationalFiles: [String] {
        guard let folder = folder?.appendingPathComponent("fictional-national") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The sample trust's rating config (its name and settings), or nil when missing.
    public static var config: String? {
        guard let path = folder?.appendingPathComponent("trustboard.yaml").path,
            FileManager.default.fileExists(atPath: path)
        else { return nil }
        return path
    }
}
