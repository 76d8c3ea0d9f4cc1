import OtklikCore

/// What one ingest run has seen before a record: whether its key came earlier, and a
/// run-local number for its author. Computed on the parsing thread (`RunSightings`), it
/// spares the store's writer — the critical path of a bulk load — a look-up and a hash
/// table: a record whose key is new to a run that stored every message of the store
/// cannot be stored yet, and an author seen before is an array slot.
public struct Sighting: Sendable, Equatable {
    /// No earlier record of the run had this source and external id.
    public var firstOfKey: Bool
    /// The author's number in the run, and the version of their name and profile link
    /// (a record bringing a changed one starts a new version).
    public var author: (slot: Int, version: Int)?

    public init(firstOfKey: Bool, author: (slot: Int, version: Int)?) {
        self.firstOfKey = firstOfKey
        self.author = author
    }

    public static func == (a: Sighting, b: Sighting) -> Bool {
        a.firstOfKey == b.firstOfKey && a.author?.slot == b.author?.slot && a.author?.version == b.author?.version
    }
}

/// Keeps the keys and authors of a run's records, in the order they are read (the order
/// they are written). Past `maximumKeys` keys, or once told the keys are of no use (the
/// store held messages of its own), it stops answering "first" and lets its keys go: the
/// writer then looks every key up. Past `maximumAuthors` new authors get no slot (the
/// writer then reads them from the store each time).
public struct RunSightings: Sendable {
    struct Key: Hashable {
        let source: SourceKind
        let id: String
    }

    struct SeenAuthor {
        let slot: Int
        var version: Int
        var name: String
        var profileURL: String?
    }

    private var keys: Set<Key> = []
    private var keysFull = false
    private var authors: [Key: SeenAuthor] = [:]
    let maximumKeys: Int
    let maximumAuthors: Int

    public init(maximumKeys: Int = 2_000_000, maximumAuthors: Int = 1_000_000) {
        self.maximumKeys = maximumKeys
        self.maximumAuthors = maximumAuthors
    }

    public mutating func sight(_ record: IngestRecord) -> Sighting {
        Sighting(firstOfKey: sightKey(Key(source: record.source, id: record.externalID)),
                 author: record.author.flatMap { sightAuthor($0, source: record.source) })
    }

    /// Stops keeping keys: every record is then "not first".
    public mutating func forgetKeys() {
        guard !keysFull else { return }
        keysFull = true
        keys = []
    }

    private mutating func sightKey(_ key: Key) -> Bool {
        if keysFull { return false }
        if keys.count >= maximumKeys {
            forgetKeys()
            return false
        }
        return keys.insert(key).inserted
    }

    /// A new version whenever the record changes what is known of the person
    /// (`IngestRecord.Author.changes`, the store's rule too).
    private mutating func sightAuthor(_ author: IngestRecord.Author, source: SourceKind) -> (slot: Int, version: Int)? {
        let key = Key(source: source, id: author.id)
        if var seen = authors[key] {
            if author.changes(name: seen.name, profileURL: seen.profileURL) {
                seen.version += 1
                seen.name = author.name
                seen.profileURL = author.profileURL ?? seen.profileURL
                authors[key] = seen
            }
            return (seen.slot, seen.version)
        }
        guard authors.count < maximumAuthors else { return nil }
        let seen = SeenAuthor(slot: authors.count, version: 0, name: author.name, profileURL: author.profileURL)
        authors[key] = seen
        return (seen.slot, seen.version)
    }
}
