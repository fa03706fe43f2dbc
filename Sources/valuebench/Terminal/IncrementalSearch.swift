import CLibEdit
#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-R: searching the history as one types, newest first, as in bash or zsh.
///
/// libedit has one (`em-inc-search-prev`), but it looks every typed key up in its key map by the
/// key's low byte, so a CJK character whose code ends in a control code (东 is U+4E1C, 一 is
/// U+4E00, 宁 is U+5B81) ends the search instead of extending it. This one keeps the state here
/// (a value: tested without a terminal) and lets the C reader hand it every key while it is on.
///
/// Keys: text extends the pattern, Backspace shortens it, Ctrl-R finds an older match, Ctrl-S a
/// newer one, Ctrl-G gives the search up (the line comes back as it was); any other key (Enter,
/// arrows, Ctrl-A, Tab, …) accepts the line found and then does what it usually does.
struct IncrementalSearch: Equatable {
    var pattern = ""
    /// The history entry found, if any.
    var index: Int?
    /// Where the pattern begins in that entry, in characters.
    var offset = 0
    /// The last search found nothing (the entry shown is the last one that matched).
    var failed = false
    /// The line before the search, and the cursor in it (characters).
    var original: String
    var originalCursor: Int

    enum Action: Equatable {
        /// Show the new state.
        case update
        /// Take the line shown, then handle this key as usual.
        case accept(UInt32)
        /// Back to the original line.
        case cancel
        /// Nothing to do (beep).
        case ignore
    }

    init(original: String, cursor: Int) {
        self.original = original
        self.originalCursor = cursor
    }

    /// The prompt while searching.
    var prompt: String {
        (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + pattern + "': "
    }

    /// Handles one key (a Unicode scalar value) against `lines` (oldest first).
    mutating func key(_ key: UInt32, lines: [String]) -> Action {
        switch key {
        case 0x12:  // Ctrl-R: an older match
            guard !pattern.isEmpty else { return .ignore }
            return find(in: lines, from: (index ?? lines.count) - 1, step: -1) ? .update : failedUpdate()
        case 0x13:  // Ctrl-S: a newer one
            guard !pattern.isEmpty, let i = index else { return .ignore }
            return find(in: lines, from: i + 1, step: 1) ? .update : failedUpdate()
        case 0x7F, 0x08:  // Backspace
            guard !pattern.isEmpty else { return .ignore }
            pattern.removeLast()
            index = nil
            failed = false
            if !pattern.isEmpty, !find(in: lines, from: lines.count - 1, step: -1) { failed = true }
            return .update
        case 0x07:  // Ctrl-G
            return .cancel
        case 0x20..<0x7F, 0xA0...:
            guard let scalar = Unicode.Scalar(key) else { return .ignore }
            pattern.unicodeScalars.append(scalar)
            // The entry shown may still match the longer pattern.
            if !find(in: lines, from: index ?? lines.count - 1, step: -1) { failed = true }
            return .update
        default:
            return .accept(key)
        }
    }

    private mutating func failedUpdate() -> Action {
        failed = true
        return .update
    }

    /// Looks for the pattern from entry `start` on, going by `step`; on success shows that entry.
    private mutating func find(in lines: [String], from start: Int, step: Int) -> Bool {
        let needle = Array(pattern.lowercased())
        var i = start
        while i >= 0, i < lines.count {
            if let at = IncrementalSearch.position(of: needle, in: lines[i]) {
                index = i
                offset = at
                failed = false
                return true
            }
            i += step
        }
        return false
    }

    /// Where `needle` (lower-cased characters) begins in `text`, ignoring case.
    static func position(of needle: [Character], in text: String) -> Int? {
        let hay = Array(text.lowercased())
        guard !needle.isEmpty, hay.count >= needle.count else { return needle.isEmpty ? 0 : nil }
        for start in 0...(hay.count - needle.count) where hay[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// The line shown, and the cursor in it (characters).
    func shown(in lines: [String]) -> (text: String, cursor: Int) {
        if let i = index, i < lines.count { return (lines[i], offset) }
        return (original, originalCursor)
    }
}

extension LineEditor {
    /// Ctrl-R pressed outside a search: starts one.
    func startSearch(_ el: OpaquePointer) -> UInt8 {
        let (text, cursor) = currentLine(el)
        search = IncrementalSearch(original: text, cursor: cursor)
        clibedit_set_search(1)
        clibedit_set_prompt(search?.prompt ?? prompt)
        return UInt8(CC_REDISPLAY)
    }

    /// A key typed while searching (the C reader hands every key over as 0237).
    func searchKey(_ el: OpaquePointer) -> UInt8 {
        guard var s = search else { return UInt8(CC_ERROR) }
        let action = s.key(UInt32(bitPattern: Int32(clibedit_search_key())), lines: lines)
        search = s
        switch action {
        case .update:
            let (text, cursor) = s.shown(in: lines)
            replaceLine(el, text, cursor: cursor)
            clibedit_set_prompt(s.prompt)
            return UInt8(CC_REDISPLAY)
        case .cancel:
            replaceLine(el, s.original, cursor: s.originalCursor)
            endSearch()
            return UInt8(CC_REDISPLAY)
        case let .accept(key):
            endSearch()
            _ = clibedit_push(el, wchar_t(bitPattern: key))
            return UInt8(CC_REDISPLAY)
        case .ignore:
            return UInt8(CC_REFRESH_BEEP)
        }
    }

    /// Leaves the search (if any) and puts the prompt back.
    func endSearch() {
        clibedit_set_search(0)
        if search != nil {
            search = nil
            clibedit_set_prompt(prompt)
        }
    }

    /// The line being edited and the cursor in it, in characters.
    func currentLine(_ el: OpaquePointer) -> (String, Int) {
        guard let info = clibedit_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
            let last = info.lastchar
        else { return ("", 0) }
        let all = String(decoding: UnsafeRawBufferPointer(start: buffer, count: last - buffer), as: UTF8.self)
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        return (all, before.count)
    }

    /// Replaces the whole line with `text`, the cursor `cursor` characters into it.
    func replaceLine(_ el: OpaquePointer, _ text: String, cursor: Int) {
        guard let info = clibedit_line(el)?.pointee, let buffer = info.buffer, let at = info.cursor,
            let last = info.lastchar
        else { return }
        // libedit counts wide characters: Unicode scalars.
        let total = String(decoding: UnsafeRawBufferPointer(start: buffer, count: last - buffer), as: UTF8.self)
            .unicodeScalars.count
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: at - buffer), as: UTF8.self)
            .unicodeScalars.count
        _ = clibedit_move_cursor(el, Int32(total - before))
        clibedit_delete_before(el, Int32(total))
        if !text.isEmpty { _ = clibedit_insert(el, text) }
        let head = String(text.prefix(cursor)).unicodeScalars.count
        _ = clibedit_move_cursor(el, Int32(head - text.unicodeScalars.count))
    }
}
