/// Operators often leave the keyboard in the Russian layout: then `j` arrives as `о`.
/// For single-key commands only (never inside a prompt), a key that is not bound itself
/// is looked up as the Latin key in the same place on a ЙЦУКЕН keyboard (like vim's
/// `langmap`).
public enum RussianLayout {
    static let pairs: [(Character, Character)] = Array(zip(
        "йцукенгшщзхъфывапролджэячсмитьбю.ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,ёЁ",
        "qwertyuiop[]asdfghjkl;'zxcvbnm,./QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?`~"))

    static let table: [Character: Character] = Dictionary(pairs, uniquingKeysWith: { first, _ in first })

    /// The Latin key in the same place, if `character` is a Russian-layout letter.
    public static func latin(for character: Character) -> Character? { table[character] }
}
