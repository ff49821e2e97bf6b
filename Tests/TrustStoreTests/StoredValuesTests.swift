import Metrics
import Testing

@testable import TrustStore

/// `StoredValues.int()` reads a plain number or `null` in one pass and anything else the
/// general way (`anyInt()`): both must give the same value, the same error and leave the
/// reader at the same place, whatever the stored text.
@Suite struct StoredValuesTests {
    /// What reading `count` values of `text` gives, each a value, nil or an error's text;
    /// reading stops at the first error, as a load does.
    func reads(_ text: String, count: Int, general: Bool = false) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            var values = StoredValues(raw, kind: .attendance, item: "", path: "store.sqlite")
            var read: [String] = []
            for _ in 0..<count {
                do {
                    let value = try general ? values.anyInt() : values.int()
                    read.append(value.map(String.init) ?? "nil")
                } catch {
                    read.append("error: \(error)")
                    break
                }
            }
            return read
        }
    }

    @Test func plainNumbersAndNullsReadAsWritten() {
        #expect(
            reads("[30,5700,-5,null,0,007,9223372036854775807]", count: 8)
                == ["30", "5700", "-5", "nil", "0", "7", "9223372036854775807", "nil"])
        #expect(reads("[]", count: 2) == ["nil", "nil"])
        #expect(reads("[null]", count: 1) == ["nil"])
    }

    /// Values the one pass leaves to the general way read as before.
    @Test func otherValuesReadTheGeneralWay() {
        // A four-byte value starting "nu" has always read as null.
        #expect(reads("[nuxx,4]", count: 2) == ["nil", "4"])
        // A minus alone has always read as 0.
        #expect(reads("[-,4]", count: 2) == ["0", "4"])
        for bad in [
            "[1-2,4]", "[+1]", "[\"30\"]", "[,1]", "[9223372036854775808]", "[1x]", "[nul]", "[nullx]",
        ] {
            let read = reads(bad, count: 2)
            #expect(read.count == 1 && read[0].hasPrefix("error: "), "\(bad): \(read)")
        }
    }

    /// An error names the value's column, counted across values read either way.
    @Test func anErrorNamesItsColumn() {
        let names = AttendanceRecord.valueNames
        let read = reads("[30,null,nuxx,12,x]", count: 5)
        #expect(read.prefix(4) == ["30", "nil", "nil", "12"])
        #expect(read.count == 5 && read[4].contains(names[4]), "\(read)")
        #expect(!read[4].contains(names[3]))
        #expect(read[4].contains("[30,null,nuxx,12,x]"))
    }

    /// Every array of up to three values made of numbers, nulls, texts, signs and stray
    /// bytes: the one pass and the general way read each the same.
    @Test func readsAsTheGeneralWay() {
        let pieces = [
            "0", "7", "42", "-3", "-", "+1", "null", "nul", "nuxx", "\"a\"", "\"b,c\"", "", "1x", "x",
            "99999999999999999999", "1.5",
        ]
        var arrays: [[String]] = [[]]
        var longer: [[String]] = [[]]
        for _ in 1...3 {
            longer = longer.flatMap { array in pieces.map { array + [$0] } }
            arrays += longer
        }
        #expect(arrays.count == 1 + 16 + 256 + 4096)
        for array in arrays {
            let text = "[" + array.joined(separator: ",") + "]"
            #expect(
                reads(text, count: array.count + 1) == reads(text, count: array.count + 1, general: true),
                "\(text)")
        }
    }
}
