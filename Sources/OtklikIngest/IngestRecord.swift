import Foundation
import OtklikCore

/// One message from a channel, in Otklik's canonical shape: what every format parser
/// produces and what the store's ingest writes. The fields are those of the canonical
/// `jsonl` format (docs/ingest-formats.md).
public struct IngestRecord: Sendable, Equatable {
    /// What the message is in its channel.
    public enum Kind: String, Sendable, CaseIterable {
        /// A wall post or a channel message: starts a thread.
        case post
        /// A comment on a post or a reply to a comment: joins the thread of its parent.
        case comment
        /// A formal appeal (59-ФЗ) from the feedback platform.
        case appeal
        /// An e-mail; a reply (In-Reply-To / References) joins the thread it answers.
        case email
        /// An Open311 service request.
        case request
    }

    public struct Author: Sendable, Equatable {
        /// The channel's own id of the person (VK user id, Telegram `from_id`, e-mail address).
        public var id: String
        public var name: String
        public var profileURL: String?

        public init(id: String, name: String, profileURL: String? = nil) {
            self.id = id
            self.name = name
            self.profileURL = profileURL
        }

        /// Whether this record tells more than what is known of the person: another name,
        /// or a profile link that differs (a record without a link keeps the known one).
        public func changes(name knownName: String, profileURL knownURL: String?) -> Bool {
            name != knownName || (profileURL != nil && profileURL != knownURL)
        }
    }

    public struct Attachment: Sendable, Equatable {
        /// photo, video, doc, link, audio, sticker, file…: the channel's own word.
        public var type: String
        public var url: String?
        public var name: String?

        public init(type: String, url: String? = nil, name: String? = nil) {
            self.type = type
            self.url = url
            self.name = name
        }
    }

    public var source: SourceKind
    /// The channel's id of this message, unique within the source. Exactly-once storage
    /// is keyed on (source, externalID).
    public var externalID: String
    /// The external id of the message this one answers (a comment's post or comment, an
    /// e-mail's In-Reply-To); nil for a message that starts a thread.
    public var parentID: String?
    /// The external id of the thread's first message, when the channel says it (VK's
    /// `post_id` of a comment, the first of an e-mail's References). Used when the parent
    /// itself is unknown.
    public var threadID: String?
    public var kind: Kind
    public var author: Author?
    /// The message text as the citizen wrote it. Untrusted: it may hold control characters
    /// and escape sequences, which the console shows inert.
    public var text: String
    public var createdAt: Date
    /// Set when the channel reports the message as edited; a known message arriving with
    /// a different text is stored as an edit either way.
    public var editedAt: Date?
    /// A link to the original message.
    public var url: String?
    /// An address or a place name.
    public var place: String?
    public var latitude: Double?
    public var longitude: Double?
    public var attachments: [Attachment]
    /// The channel's own category (an Open311 service code, the platform's rubric); the
    /// routing rules may map it to a topic.
    public var category: String?
    /// A topic code given by the input (canonical jsonl only).
    public var topicCode: String?
    /// The agency the channel names as responsible (Open311 `agency_responsible`).
    public var agencyName: String?
    /// Posted by the organisation itself (a VK community, a Telegram channel admin):
    /// not a citizen's message.
    public var fromOrganisation: Bool

    public init(source: SourceKind, externalID: String, parentID: String? = nil, threadID: String? = nil,
                kind: Kind, author: Author? = nil, text: String, createdAt: Date, editedAt: Date? = nil,
                url: String? = nil, place: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
                attachments: [Attachment] = [], category: String? = nil, topicCode: String? = nil,
                agencyName: String? = nil, fromOrganisation: Bool = false) {
        self.source = source
        self.externalID = externalID
        self.parentID = parentID
        self.threadID = threadID
        self.kind = kind
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.url = url
        self.place = place
        self.latitude = latitude
        self.longitude = longitude
        self.attachments = attachments
        self.category = category
        self.topicCode = topicCode
        self.agencyName = agencyName
        self.fromOrganisation = fromOrganisation
    }
}
