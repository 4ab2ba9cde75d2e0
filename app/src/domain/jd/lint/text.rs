//! A JD read once into sentences every rule shares: Markdown structure
//! (headings, bullets, tables) undone, prose lines joined, and sentences
//! split where a sentence really ends, not at "$2.5M", "e.g." or "Inc.".
//! Each sentence knows its paragraph and the heading it sits under, so a
//! rule can read pay terms spread over two sentences of one passage.

/// One sentence, bullet or table row.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// As written, with Markdown emphasis removed.
    pub text: String,
    /// Lower-cased `text`, same byte length for ASCII; rules match on it.
    pub lower: String,
    /// Sentences of one paragraph, list or table share a number.
    pub paragraph: usize,
    /// The lower-cased heading the sentence sits under, if any.
    pub section: Option<String>,
    /// The sentence is a heading (a `#` line, a bold line, a short line
    /// ending in a colon) or the JD's first line.
    pub heading: bool,
    /// The sentence is a bullet, a numbered item or a table row.
    pub item: bool,
    /// For a table row, the lower-cased header of its first column.
    pub column: Option<String>,
    /// For a table row, its table's whole header, lower-cased.
    pub header: Option<String>,
}

#[derive(Debug)]
pub struct Doc {
    pub sentences: Vec<Sentence>,
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "inc", "ltd", "co", "corp", "approx", "incl", "mr", "ms", "mrs",
    "dr", "st", "sr", "jr", "no", "mio", "mn", "bn", "mrd", "u.s", "u.k", "dept", "avg", "est",
    "p.a", "k",
];

impl Doc {
    pub fn new(text: &str) -> Doc {
        let mut sentences = Vec::new();
        let mut paragraph = 0;
        let mut section: Option<String> = None;
        // Prose lines wait here until their paragraph ends, then split.
        let mut prose = String::new();
        let mut table_header: Option<Vec<String>> = None;
        let mut first = true;

        // A bullet's wrapped lines wait here until the bullet ends.
        let mut bullet: Option<String> = None;
        let flush = |prose: &mut String,
                     bullet: &mut Option<String>,
                     sentences: &mut Vec<Sentence>,
                     paragraph: usize,
                     section: &Option<String>| {
            for s in split_sentences(prose) {
                sentences.push(sentence(&s, paragraph, section.clone(), false));
            }
            prose.clear();
            if let Some(b) = bullet.take() {
                for s in split_sentences(&b) {
                    sentences.push(item(&s, paragraph, section.clone()));
                }
            }
        };

        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (k, &line) in lines.iter().enumerate() {
            // A short line without a full stop right before a list is the
            // list's heading ("The job", "Reporting and pay").
            let next_is_list = lines.get(k + 1).is_some_and(|n| list_item(n).is_some());
            if line.is_empty() {
                flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
                paragraph += 1;
                table_header = None;
                continue;
            }
            let short_label = next_is_list
                && list_item(line).is_none()
                && !line.starts_with('|')
                && line.split_whitespace().count() <= 6
                && !ends_sentence(line)
                && bullet.is_none();
            let title = heading(line)
                .filter(|_| list_item(line).is_none())
                .or_else(|| short_label.then(|| strip_emphasis(line)));
            if let Some(title) = title {
                flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
                paragraph += 1;
                table_header = None;
                let s = sentence(&title, paragraph, section.clone(), true);
                section = Some(s.lower.clone());
                sentences.push(s);
                paragraph += 1;
                first = false;
                continue;
            }
            if line.starts_with('|') {
                flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
                let cells: Vec<String> = line
                    .trim_matches('|')
                    .split('|')
                    .map(|c| strip_emphasis(c.trim()))
                    .collect();
                if cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| "-: ".contains(ch)))
                {
                    continue; // the |---|---| line
                }
                match &table_header {
                    None => {
                        // A header row says what the columns hold; read as
                        // a heading for the rows under it.
                        let s = sentence(&cells.join(" / "), paragraph, section.clone(), true);
                        sentences.push(s);
                        table_header = Some(cells);
                    }
                    Some(header) => {
                        let row = match cells.as_slice() {
                            [key, value] => format!("{key}: {value}"),
                            _ => cells.join("; "),
                        };
                        let column = header.first().map(|h| h.to_lowercase());
                        let whole = header.join(" / ").to_lowercase();
                        for s in split_sentences(&row) {
                            let mut row = item(&s, paragraph, section.clone());
                            row.column = column.clone();
                            row.header = Some(whole.clone());
                            sentences.push(row);
                        }
                    }
                }
                first = false;
                continue;
            }
            table_header = None;
            if let Some(text) = list_item(line) {
                flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
                // A bullet is a sentence (or several) of its own; lines
                // after it that start no new block continue it.
                bullet = Some(text.to_string());
                first = false;
                continue;
            }
            if labelled(line) {
                // "**Reports to:** the CRO", "Location: Remote": one fact a line.
                flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
                bullet = Some(line.to_string());
                first = false;
                continue;
            }
            let more_follows = lines[k + 1..].iter().any(|l| !l.is_empty());
            // Wrapped prose is not a title: a title stands apart (a blank
            // line or a new block after it) and holds no sentence end.
            let next = lines.get(k + 1).copied().unwrap_or("");
            let stands_apart = next.is_empty()
                || list_item(next).is_some()
                || next.starts_with(['#', '*', '|', '_'])
                || next.chars().next().is_some_and(char::is_uppercase);
            let whole = !line.contains(". ") && !line.contains("; ");
            if first
                && more_follows
                && stands_apart
                && whole
                && line.chars().count() <= 90
                && !ends_sentence(line)
            {
                // A first short line without a full stop is the title.
                let s = sentence(line, paragraph, section.clone(), true);
                sentences.push(s);
                paragraph += 1;
                first = false;
                continue;
            }
            first = false;
            if let Some(b) = bullet.as_mut() {
                b.push(' ');
                b.push_str(line);
                continue;
            }
            if !prose.is_empty() {
                prose.push(' ');
            }
            prose.push_str(line);
        }
        flush(&mut prose, &mut bullet, &mut sentences, paragraph, &section);
        Doc { sentences }
    }

    /// The JD's title: its first heading, if it has one near the top.
    pub fn title(&self) -> Option<&Sentence> {
        self.sentences.iter().take(3).find(|s| s.heading)
    }
}

fn sentence(text: &str, paragraph: usize, section: Option<String>, heading: bool) -> Sentence {
    let text = strip_emphasis(text.trim());
    Sentence {
        lower: text.to_lowercase(),
        text,
        paragraph,
        section,
        heading,
        item: false,
        column: None,
        header: None,
    }
}

fn item(text: &str, paragraph: usize, section: Option<String>) -> Sentence {
    Sentence {
        item: true,
        ..sentence(text, paragraph, section, false)
    }
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?'])
}

/// `# Title`, `**Compensation**`, `What you'll do:` (short, ends in a colon).
fn heading(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix('#') {
        return Some(rest.trim_start_matches('#').trim().to_string());
    }
    let bold = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")));
    if let Some(inner) = bold {
        if !inner.contains("**") && inner.chars().count() <= 80 {
            return Some(inner.trim_end_matches(':').trim().to_string());
        }
    }
    if let Some(inner) = line.strip_suffix(':') {
        if inner.chars().count() <= 60 && !inner.contains(['.', ':']) {
            return Some(strip_emphasis(inner).trim().to_string());
        }
    }
    None
}

/// A "Label: value" line: a short capitalised label before a colon.
fn labelled(line: &str) -> bool {
    let plain = line.trim_start_matches(['*', '_']);
    let Some(colon) = plain.find(':') else {
        return false;
    };
    let label = plain[..colon].trim_end_matches(['*', '_']);
    let words = label.split_whitespace().count();
    (1..=4).contains(&words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && !label.contains(['.', ','])
        && plain[colon + 1..].trim().chars().next().is_some()
}

/// The text of a bullet or numbered item, or None for a prose line.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• ", "– ", "— "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    None
}

/// Removes Markdown emphasis and code marks; keeps everything else.
pub fn strip_emphasis(s: &str) -> String {
    let s = s.replace("**", "").replace("__", "").replace('`', "");
    // Single `*` or `_` around a word, not inside one (snake_case stays).
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == '*' || *c == '_' {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let inside =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if !inside {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

/// Splits prose into sentences at `.`, `!`, `?` and `;` followed by space
/// (or the end), except a full stop between digits ("2.5"), after an
/// abbreviation ("e.g.", "Inc.", "Mio.") or after a single letter ("J.").
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?' | ';') {
            continue;
        }
        let next = text[i + 1..].chars().next();
        if next.is_some_and(|n| !n.is_whitespace() && !"\"')”’".contains(n)) {
            continue; // "2.5", "a.m", "example.com"
        }
        if c == '.' {
            let word: String = text[start..i]
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let word = word.trim_start_matches(['$', '€', '£']);
            let bare = word.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == ',');
            if ABBREVIATIONS.contains(&word) || ABBREVIATIONS.contains(&bare) {
                // "EUR 1,2 Mio. per year" goes on; a capital after
                // "etc." would start a sentence, but rarely matters.
                continue;
            }
            if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
                continue;
            }
        }
        let piece = text[start..=i].trim();
        if !piece.is_empty() {
            out.push(piece.to_string());
        }
        start = i + c.len_utf8();
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The byte spans of the runs of characters that `part` accepts: words,
/// however a caller defines a word.
pub fn spans(text: &str, part: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, part(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Byte offset of `phrase` in `haystack` (both lower case) on word
/// boundaries, searching from `from`.
pub fn find_word_from(haystack: &str, phrase: &str, from: usize) -> Option<usize> {
    let mut from = from;
    while from <= haystack.len() {
        let i = haystack.get(from..)?.find(phrase)?;
        let start = from + i;
        let end = start + phrase.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

pub fn find_word(haystack: &str, phrase: &str) -> Option<usize> {
    find_word_from(haystack, phrase, 0)
}

/// Every start of `phrase` in `haystack` on word boundaries.
pub fn find_all(haystack: &str, phrase: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = find_word_from(haystack, phrase, from) {
        found.push(i);
        from = i + phrase.len().max(1);
    }
    found
}

pub fn has_any(haystack: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| find_word(haystack, p).is_some())
}

/// Words that turn what follows them (in the same clause) into its opposite.
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "rather than",
    "instead of",
    "unlike",
    "nor",
    "neither",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "won't",
    "won’t",
    "will not",
    "cannot",
    "can't",
    "can’t",
    "shouldn't",
    "not tied",
    "none",
    "less about",
    "nobody",
    "no one",
    "no bearing",
];

/// Words that end the reach of a negation: a new clause has begun.
const CLAUSE_BREAKS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "however", "instead", "yet", "and you",
    "we pay", "you will", "you'll", "it is", "it's",
];

/// How far a clause is looked for either side of a word, in bytes.
const CLAUSE_REACH: usize = 400;

/// The nearest char boundary at or before `i`.
pub fn back_to_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i`.
pub fn forward_to_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The start of the clause holding byte `at`: after the last comma,
/// semicolon, colon, dash or bracket, or contrast word, before it.
pub fn clause_start(lower: &str, at: usize) -> usize {
    // A clause is a few dozen words: looking further back would make a
    // 100 KB JD without punctuation cost time squared in its length.
    let from = back_to_boundary(lower, at.saturating_sub(CLAUSE_REACH));
    let head = &lower[from..at];
    let mut start = head
        .rfind([',', ';', ':', '(', ')', '—', '–'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    if let Some(i) = head.rfind(" - ") {
        start = start.max(i + 3);
    }
    for word in CLAUSE_BREAKS {
        for i in find_all(head, word) {
            if i >= start {
                start = i + word.len();
            }
        }
    }
    from + start
}

/// The end of the clause holding byte `at`: the next comma, semicolon,
/// colon, bracket, or contrast word after it.
pub fn clause_end(lower: &str, at: usize) -> usize {
    let to = forward_to_boundary(lower, (at + CLAUSE_REACH).min(lower.len()));
    let tail = &lower[at..to];
    let mut end = tail
        .find([',', ';', ':', '(', ')', '—', '–'])
        .unwrap_or(tail.len());
    for word in [
        " but ",
        " while ",
        " whereas ",
        " although ",
        " though ",
        " however ",
    ] {
        if let Some(i) = tail.find(word) {
            end = end.min(i);
        }
    }
    at + end
}

/// Whether the words at byte `at` are negated: a negation earlier in their
/// clause ("pay is not tied to NPS", "rather than satisfaction scores").
pub fn negated_at(lower: &str, at: usize) -> bool {
    let mut start = clause_start(lower, at);
    loop {
        let clause = &lower[start..at];
        if NEGATIONS.iter().any(|n| find_word(clause, n).is_some()) {
            return true;
        }
        // "not on satisfaction, NPS or any other score": a short list item
        // after a comma shares the clause before it.
        // A list item is a word or two, or a few with "or" or "and" in
        // them ("NPS or any other survey score"); "this role builds" is a
        // clause of its own.
        let item = &lower[start..at];
        let words = item.split_whitespace().count();
        let short_item =
            words <= 2 || words <= 5 && [" or ", " and ", " nor "].iter().any(|w| item.contains(w));
        if start == 0 || !lower[..start].ends_with(',') || !short_item {
            return false;
        }
        start = clause_start(lower, start - 1);
    }
}
