import ArgumentParser
import Foundation
import Metrics

/// Where the store and the config are: the options every command shares.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The trust store (SQLite).",
            discussion: "Default: $TRUSTBOARD_STORE, else $XDG_DATA_HOME/trustboard/trust.sqlite, "
                + "else ~/.local/share/trustboard/trust.sqlite."),
        completion: .file())
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The rating config (YAML).",
            discussion: "Default: $TRUSTBOARD_CONFIG; else the built-in ratings."),
        completion: .file())
    var config: String?

    func validate() throws {
        // A folder is never a store: say so rather than "no store yet" and the sample trust.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: storePath, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError(
                "the store '\(storePath)' is a folder; give the store's file, such as \(storePath)/trust.sqlite"
            )
        }
    }

    /// The store's path, from the option, the environment or the XDG default.
    var storePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let store { return store }
        if let path = environment["TRUSTBOARD_STORE"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return dataHome + "/trustboard/trust.sqlite"
    }

    /// The config file's path, if one is named.
    var configPath: String? {
        if let config { return config }
        if let path = ProcessInfo.processInfo.environment["TRUSTBOARD_CONFIG"], !path.isEmpty { return path }
        return nil
    }
}
