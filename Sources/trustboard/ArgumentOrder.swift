/// Lets the options every command shares come before the command's name as well as after
/// it: `trustboard --store X report` is read as `trustboard report --store X`, as the
/// sample config's own comment writes it.
///
/// ArgumentParser reads an option only after the name of the command that declares it,
/// and these are declared by each command (`StoreOptions`), so the command's name is moved
/// to the front before parsing.
enum ArgumentOrder {
    /// The shared options, each of which takes a value (`--store X` or `--store=X`).
    static let sharedOptions: Set<String> = ["--store", "--config"]

    /// `arguments` (without the program's name) with a command named after leading shared
    /// options moved to the front; anything else is left as it is, for ArgumentParser to
    /// read or refuse.
    static func commandFirst(_ arguments: [String], commands: [String]) -> [String] {
        let index = firstWordIndex(arguments)
        guard index > 0, index < arguments.count, commands.contains(arguments[index]) else {
            return arguments
        }
        var moved = arguments
        let command = moved.remove(at: index)
        return [command] + moved
    }

    /// The index of the first argument after any leading shared options and their values:
    /// the command's name, if one was given.
    static func firstWordIndex(_ arguments: [String]) -> Int {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if sharedOptions.contains(argument) {
                index += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first,
                argument.contains("="), sharedOptions.contains(String(name))
            {
                index += 1
            } else {
                break
            }
        }
        return index
    }
}
