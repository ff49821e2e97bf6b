/// Why the generator could not write a trust.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// The number of academies asked for is outside what six-digit URNs allow.
    case academyCount(Int)
    /// The output folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be created or opened for writing.
    case cannotCreateFile(path: String)
    /// Writing to or closing a file failed part way.
    case writeFailed(path: String, reason: String)

    /// The message shown to the person who ran the generator.
    public var description: String {
        switch self {
        case .academyCount(let count):
            "academies: \(count) is out of range; use a whole number from 1 to "
                + "\(NationalScaleWriter.maximumAcademies) (one six-digit URN each)"
        case .cannotCreateFolder(let path, let reason):
            "\(path): cannot create the output folder: \(reason)"
        case .cannotCreateFile(let path):
            "\(path): cannot create the file; check the folder exists and is writable"
        case .writeFailed(let path, let reason):
            "\(path): writing failed: \(reason)"
        }
    }
}
