import Foundation

/// Makes sure an output folder exists.
enum OutputFolder {
    /// Creates `folder` and any missing parents; an existing folder is left as it is.
    ///
    /// - Throws: `GeneratorError.cannotCreateFolder` with the system's reason.
    static func create(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
    }
}
