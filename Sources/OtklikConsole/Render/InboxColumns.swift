/// Column widths of the inbox list for a list width, in cells. At 80 columns the text
/// keeps about 16 cells; from 110 the owner and age columns appear; extra width goes to
/// topic and agency up to a cap, then to the text.
struct InboxColumns: Equatable {
    let sla = 12
    let number = 6
    let source = 6
    let topic: Int
    let agency: Int
    let status = 11
    /// Zero when hidden.
    let owner: Int
    let age: Int
    let text: Int

    init(width: Int) {
        owner = width >= 110 ? 10 : 0
        age = width >= 110 ? 6 : 0
        let gaps = 6 + (owner > 0 ? 1 : 0) + (age > 0 ? 1 : 0)
        let fixed = sla + number + source + status + owner + age + gaps
        let spare = max(0, width - fixed - 13 - 10 - 16)
        topic = 13 + min(spare / 2, 13)
        agency = 10 + min(spare - (topic - 13), 4)
        text = max(1, width - fixed - topic - agency)
    }
}
