//! A strict iCalendar reader for the tests, so that an invite which a
//! lenient client would shrug at still fails here. It checks the syntax of
//! RFC 5545 (CRLF line ends, lines of at most 75 octets, folding, the
//! content-line grammar, balanced BEGIN/END, the VCALENDAR's PRODID and
//! VERSION) and, for `METHOD:REQUEST`, the VEVENT restriction table of
//! RFC 5546 3.2.2. Stricter than the RFCs in one way: date-times must be in
//! UTC (`YYYYMMDDTHHMMSSZ`), since our invites carry no VTIMEZONE.
//! Errors name the physical line (1-based) and the property.

/// One content line after unfolding.
#[derive(Debug)]
pub struct Property {
    /// Upper-cased, as names are case-insensitive.
    pub name: String,
    /// (upper-cased name, values with their quotes removed)
    pub params: Vec<(String, Vec<String>)>,
    pub value: String,
    /// The physical line it starts on.
    pub line: usize,
}

impl Property {
    /// The first value of a parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, values)| values.first())
            .map(String::as_str)
    }
}

#[derive(Debug)]
pub struct Component {
    pub name: String,
    pub properties: Vec<Property>,
    pub components: Vec<Component>,
    line: usize,
}

impl Component {
    fn new(name: &str, line: usize) -> Component {
        Component {
            name: name.to_string(),
            properties: Vec::new(),
            components: Vec::new(),
            line,
        }
    }

    pub fn all(&self, name: &str) -> Vec<&Property> {
        self.properties.iter().filter(|p| p.name == name).collect()
    }

    /// The property when there is exactly one.
    pub fn one(&self, name: &str) -> Option<&Property> {
        match self.all(name)[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    pub fn children(&self, name: &str) -> Vec<&Component> {
        self.components.iter().filter(|c| c.name == name).collect()
    }

    fn count(&self, name: &str) -> usize {
        self.all(name).len()
    }

    fn describe(&self) -> String {
        format!("{} (BEGIN on line {})", self.name, self.line)
    }

    fn exactly_once(&self, name: &str) -> Result<&Property, String> {
        match self.count(name) {
            1 => Ok(self.all(name)[0]),
            n => Err(format!(
                "{}: {name} must appear exactly once, found {n}",
                self.describe()
            )),
        }
    }

    fn at_most_once(&self, name: &str) -> Result<Option<&Property>, String> {
        match self.count(name) {
            0 | 1 => Ok(self.all(name).first().copied()),
            n => Err(format!(
                "{}: {name} may appear at most once, found {n}",
                self.describe()
            )),
        }
    }
}

/// The calendar is its VCALENDAR component.
pub type Calendar = Component;

/// Parses an iCalendar object strictly; see the module comment.
pub fn parse(ics: &str) -> Result<Calendar, String> {
    let physical = physical_lines(ics)?;
    let logical = unfold(&physical)?;
    let mut open: Vec<Component> = Vec::new();
    let mut calendar: Option<Component> = None;
    for (line, text) in logical {
        let property = content_line(&text).map_err(|e| format!("line {line}: {e}: {text:?}"))?;
        let property = Property { line, ..property };
        match property.name.as_str() {
            "BEGIN" => {
                if !is_name(&property.value) {
                    return Err(format!("line {line}: BEGIN needs a component name"));
                }
                if open.is_empty() && (calendar.is_some() || property.value != "VCALENDAR") {
                    return Err(format!(
                        "line {line}: the file must be exactly one VCALENDAR, found BEGIN:{}",
                        property.value
                    ));
                }
                open.push(Component::new(&property.value, line));
            }
            "END" => {
                let component = open.pop().ok_or_else(|| {
                    format!("line {line}: END:{} with nothing open", property.value)
                })?;
                if component.name != property.value {
                    return Err(format!(
                        "line {line}: END:{} closes {}",
                        property.value,
                        component.describe()
                    ));
                }
                match open.last_mut() {
                    Some(parent) => parent.components.push(component),
                    None => calendar = Some(component),
                }
            }
            _ => open
                .last_mut()
                .ok_or_else(|| format!("line {line}: {} outside any component", property.name))?
                .properties
                .push(property),
        }
    }
    if let Some(unclosed) = open.last() {
        return Err(format!("{} is never closed", unclosed.describe()));
    }
    let calendar = calendar.ok_or("no VCALENDAR")?;
    check_calendar(&calendar)?;
    Ok(calendar)
}

/// Splits on CRLF, refusing a bare CR or LF, a missing final CRLF, an
/// empty line, and a line over 75 octets. Returns (line number, text).
fn physical_lines(ics: &str) -> Result<Vec<(usize, &str)>, String> {
    let Some(body) = ics.strip_suffix("\r\n") else {
        return Err("the file must end with CRLF".into());
    };
    let mut lines = Vec::new();
    for (i, text) in body.split("\r\n").enumerate() {
        let line = i + 1;
        if text.contains('\n') {
            return Err(format!("line {line}: bare LF (lines must end with CRLF)"));
        }
        if text.contains('\r') {
            return Err(format!("line {line}: bare CR (lines must end with CRLF)"));
        }
        if text.is_empty() {
            return Err(format!("line {line}: empty line"));
        }
        if text.len() > 75 {
            return Err(format!(
                "line {line}: {} octets, more than 75 (fold it)",
                text.len()
            ));
        }
        lines.push((line, text));
    }
    Ok(lines)
}

/// Joins continuation lines (a leading space or tab, removed) to the line
/// they continue; returns each logical line with the line it starts on.
fn unfold(physical: &[(usize, &str)]) -> Result<Vec<(usize, String)>, String> {
    let mut logical: Vec<(usize, String)> = Vec::new();
    for &(line, text) in physical {
        if let Some(rest) = text.strip_prefix([' ', '\t']) {
            logical
                .last_mut()
                .ok_or_else(|| format!("line {line}: a continuation with nothing to continue"))?
                .1
                .push_str(rest);
        } else {
            logical.push((line, text.to_string()));
        }
    }
    Ok(logical)
}

/// RFC 5545 3.1: `CONTROL = %x00-08 / %x0A-1F / %x7F` (all but HTAB).
fn is_control(c: char) -> bool {
    c.is_ascii_control() && c != '\t'
}

/// `iana-token` and `x-name`: one or more ALPHA, DIGIT or "-".
fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `name *(";" param) ":" value`, with `param = param-name "="
/// param-value *("," param-value)`, and `param-value` either quoted
/// (`QSAFE-CHAR`: anything but CONTROL and DQUOTE) or bare (`SAFE-CHAR`:
/// also not `;`, `:` or `,`). The value is `*VALUE-CHAR`: no CONTROL.
fn content_line(text: &str) -> Result<Property, String> {
    let name_end = text
        .find([';', ':'])
        .ok_or("no ':' between name and value")?;
    let name = &text[..name_end];
    if !is_name(name) {
        return Err(format!("bad property name {name:?}"));
    }
    let mut rest = &text[name_end..];
    let mut params = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let (param_name, after) = after
            .split_once('=')
            .ok_or_else(|| format!("{name}: a parameter without '='"))?;
        if !is_name(param_name) {
            return Err(format!("{name}: bad parameter name {param_name:?}"));
        }
        let mut values = Vec::new();
        rest = after;
        loop {
            let (value, after) =
                param_value(rest).map_err(|e| format!("{name}: parameter {param_name}: {e}"))?;
            values.push(value);
            rest = after;
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None => break,
            }
        }
        params.push((param_name.to_ascii_uppercase(), values));
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| format!("{name}: expected ':' or ';' after the parameters"))?;
    if let Some(c) = value.chars().find(|c| is_control(*c)) {
        return Err(format!("{name}: control character {c:?} in the value"));
    }
    Ok(Property {
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
        line: 0,
    })
}

/// One `param-value` from the front of `s`; returns it and what follows.
fn param_value(s: &str) -> Result<(String, &str), String> {
    if let Some(quoted) = s.strip_prefix('"') {
        let end = quoted.find('"').ok_or("an unclosed quote")?;
        let value = &quoted[..end];
        if let Some(c) = value.chars().find(|c| is_control(*c)) {
            return Err(format!("control character {c:?} in a quoted value"));
        }
        return Ok((value.to_string(), &quoted[end + 1..]));
    }
    let end = s.find([';', ':', ',']).unwrap_or(s.len());
    let value = &s[..end];
    if let Some(c) = value.chars().find(|c| is_control(*c) || *c == '"') {
        return Err(format!("{c:?} in an unquoted value"));
    }
    Ok((value.to_string(), &s[end..]))
}

fn check_calendar(calendar: &Calendar) -> Result<(), String> {
    calendar.exactly_once("PRODID")?;
    let version = calendar.exactly_once("VERSION")?;
    if version.value != "2.0" {
        return Err(format!(
            "line {}: VERSION must be 2.0, not {:?}",
            version.line, version.value
        ));
    }
    calendar.at_most_once("CALSCALE")?;
    if calendar.components.is_empty() {
        return Err("the VCALENDAR has no components".into());
    }
    if let Some(method) = calendar.at_most_once("METHOD")? {
        if method.value == "REQUEST" {
            check_request(calendar)?;
        } else if method.value == "CANCEL" {
            check_cancel(calendar)?;
        }
    }
    Ok(())
}

/// "Constraints for a METHOD:REQUEST of a VEVENT", RFC 5546 3.2.2.
fn check_request(calendar: &Calendar) -> Result<(), String> {
    for absent in ["VTODO", "VJOURNAL", "VFREEBUSY"] {
        if let Some(c) = calendar.children(absent).first() {
            return Err(format!("{}: not allowed in a REQUEST", c.describe()));
        }
    }
    let events = calendar.children("VEVENT");
    if events.is_empty() {
        return Err("a REQUEST needs a VEVENT".into());
    }
    let mut uids = Vec::new();
    for event in events {
        for name in ["DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"] {
            event.exactly_once(name)?;
        }
        if event.count("ATTENDEE") == 0 {
            return Err(format!("{}: a REQUEST needs an ATTENDEE", event.describe()));
        }
        for name in [
            "SEQUENCE",
            "CLASS",
            "CREATED",
            "DESCRIPTION",
            "DTEND",
            "DURATION",
            "GEO",
            "LAST-MODIFIED",
            "LOCATION",
            "PRIORITY",
            "RECURRENCE-ID",
            "RRULE",
            "STATUS",
            "TRANSP",
            "URL",
        ] {
            event.at_most_once(name)?;
        }
        if event.count("REQUEST-STATUS") > 0 {
            return Err(format!(
                "{}: REQUEST-STATUS is not allowed in a REQUEST",
                event.describe()
            ));
        }
        if event.count("DTEND") + event.count("DURATION") > 1 {
            return Err(format!("{}: DTEND and DURATION together", event.describe()));
        }
        if let Some(sequence) = event.one("SEQUENCE") {
            if sequence.value.parse::<u32>().is_err() {
                return Err(format!(
                    "line {}: SEQUENCE must be a non-negative integer, not {:?}",
                    sequence.line, sequence.value
                ));
            }
        }
        if let Some(status) = event.one("STATUS") {
            if !["TENTATIVE", "CONFIRMED"].contains(&status.value.as_str()) {
                return Err(format!(
                    "line {}: STATUS in a REQUEST is TENTATIVE or CONFIRMED, not {:?}",
                    status.line, status.value
                ));
            }
        }
        let mut times = Vec::new();
        for name in ["DTSTAMP", "DTSTART", "DTEND", "CREATED", "LAST-MODIFIED"] {
            for p in event.all(name) {
                times.push((name, utc_date_time(p)?));
            }
        }
        let at = |name: &str| times.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        if let (Some(start), Some(end)) = (at("DTSTART"), at("DTEND")) {
            if end <= start {
                return Err(format!(
                    "{}: DTEND must be later than DTSTART",
                    event.describe()
                ));
            }
        }
        for name in ["ORGANIZER", "ATTENDEE"] {
            for p in event.all(name) {
                cal_address(p)?;
            }
        }
        for name in ["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "UID"] {
            for p in event.all(name) {
                text(p)?;
            }
        }
        uids.push(event.exactly_once("UID")?.value.clone());
    }
    if uids.iter().any(|uid| *uid != uids[0]) {
        return Err(format!(
            "the VEVENTs of a REQUEST must share one UID: {uids:?}"
        ));
    }
    Ok(())
}

/// "Constraints for a METHOD:CANCEL of a VEVENT", RFC 5546 3.2.5: DTSTAMP,
/// ORGANIZER, SEQUENCE and UID exactly once; the attendees it concerns;
/// STATUS, when present (the whole event cancelled), CANCELLED.
fn check_cancel(calendar: &Calendar) -> Result<(), String> {
    let events = calendar.children("VEVENT");
    if events.is_empty() {
        return Err("a CANCEL needs a VEVENT".into());
    }
    for event in events {
        for name in ["DTSTAMP", "ORGANIZER", "SEQUENCE", "UID"] {
            event.exactly_once(name)?;
        }
        for name in [
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "STATUS",
            "URL",
            "DESCRIPTION",
        ] {
            event.at_most_once(name)?;
        }
        if event.count("REQUEST-STATUS") > 0 {
            return Err(format!(
                "{}: REQUEST-STATUS is not allowed in a CANCEL",
                event.describe()
            ));
        }
        let sequence = event.exactly_once("SEQUENCE")?;
        if sequence.value.parse::<u32>().is_err() {
            return Err(format!(
                "line {}: SEQUENCE must be a non-negative integer, not {:?}",
                sequence.line, sequence.value
            ));
        }
        if let Some(status) = event.one("STATUS") {
            if status.value != "CANCELLED" {
                return Err(format!(
                    "line {}: STATUS in a CANCEL is CANCELLED, not {:?}",
                    status.line, status.value
                ));
            }
        } else if event.count("ATTENDEE") == 0 {
            return Err(format!(
                "{}: a CANCEL that takes attendees off must name them",
                event.describe()
            ));
        }
        for name in ["DTSTAMP", "DTSTART", "DTEND"] {
            for p in event.all(name) {
                utc_date_time(p)?;
            }
        }
        for name in ["ORGANIZER", "ATTENDEE"] {
            for p in event.all(name) {
                cal_address(p)?;
            }
        }
    }
    Ok(())
}

/// `YYYYMMDDTHHMMSSZ`, a real instant (RFC 5545 3.3.5, form 2).
fn utc_date_time(p: &Property) -> Result<chrono::NaiveDateTime, String> {
    let shape_ok = p.value.len() == 16
        && p.value.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    let parsed = chrono::NaiveDateTime::parse_from_str(&p.value, "%Y%m%dT%H%M%SZ");
    match parsed {
        Ok(t) if shape_ok && p.params.is_empty() => Ok(t),
        _ => Err(format!(
            "line {}: {} must be a UTC date-time YYYYMMDDTHHMMSSZ without parameters, not {:?}",
            p.line, p.name, p.value
        )),
    }
}

/// A TEXT value (RFC 5545 3.3.11): a backslash, `;` or `,` appears only
/// escaped (`\\`, `\;`, `\,`), and a backslash starts only those or `\n`.
fn text(p: &Property) -> Result<(), String> {
    let mut chars = p.value.chars();
    while let Some(c) = chars.next() {
        let bad = match c {
            '\\' => match chars.next() {
                Some('\\' | ';' | ',' | 'n' | 'N') => None,
                other => Some(format!("'\\' before {other:?}")),
            },
            ';' | ',' => Some(format!("unescaped {c:?}")),
            _ => None,
        };
        if let Some(bad) = bad {
            return Err(format!("line {}: {} is TEXT: {bad}", p.line, p.name));
        }
    }
    Ok(())
}

/// A `CAL-ADDRESS` is a URI: a scheme, ':', and no spaces.
fn cal_address(p: &Property) -> Result<(), String> {
    let ok = p.value.split_once(':').is_some_and(|(scheme, rest)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !rest.contains(char::is_whitespace)
    });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "line {}: {} must be a URI such as mailto:a@b, not {:?}",
            p.line, p.name, p.value
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short, valid REQUEST, with the attendee line folded (in the middle
    /// of a parameter, which is allowed) as our generator does.
    const GOOD: &str = "BEGIN:VCALENDAR\r\n\
        PRODID:-//Alliance Hiring Kit//EN\r\n\
        VERSION:2.0\r\n\
        CALSCALE:GREGORIAN\r\n\
        METHOD:REQUEST\r\n\
        BEGIN:VEVENT\r\n\
        UID:interview-1@alliance-hiring-kit\r\n\
        DTSTAMP:20260301T080005Z\r\n\
        SEQUENCE:0\r\n\
        STATUS:CONFIRMED\r\n\
        DTSTART:20260309T233000Z\r\n\
        DTEND:20260310T001500Z\r\n\
        SUMMARY:Deep dive: Ada Lovelace\\, round 2\r\n\
        ORGANIZER;CN=\"rita@example.com\":mailto:rita@example.com\r\n\
        ATTENDEE;CN=\"ivy@example.com\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RS\r\n \
        VP=TRUE:mailto:ivy@example.com\r\n\
        END:VEVENT\r\n\
        END:VCALENDAR\r\n";

    fn fails_with(ics: &str, needle: &str) {
        match parse(ics) {
            Ok(_) => panic!("accepted, expected an error about {needle:?}:\n{ics}"),
            Err(e) => assert!(e.contains(needle), "{e:?} does not mention {needle:?}"),
        }
    }

    #[test]
    fn a_good_ics_request_passes_and_reads_back() {
        let calendar = parse(GOOD).expect("valid");
        let event = *calendar.children("VEVENT").first().expect("an event");
        let attendee = event.one("ATTENDEE").expect("one attendee");
        assert_eq!(attendee.value, "mailto:ivy@example.com");
        assert_eq!(attendee.param("CN"), Some("ivy@example.com"));
        assert_eq!(attendee.param("RSVP"), Some("TRUE"));
        assert_eq!(attendee.line, 15);
        assert_eq!(
            event.one("SUMMARY").map(|p| p.value.as_str()),
            Some("Deep dive: Ada Lovelace\\, round 2")
        );
    }

    #[test]
    fn an_ics_with_a_bare_lf_fails() {
        fails_with(
            &GOOD.replacen("VERSION:2.0\r\n", "VERSION:2.0\n", 1),
            "line 3: bare LF",
        );
        fails_with(&GOOD.replace("\r\n", "\n"), "CRLF");
    }

    #[test]
    fn an_ics_request_without_an_organizer_fails() {
        let ics = GOOD.replace(
            "ORGANIZER;CN=\"rita@example.com\":mailto:rita@example.com\r\n",
            "",
        );
        fails_with(&ics, "ORGANIZER must appear exactly once, found 0");
    }

    #[test]
    fn an_ics_line_over_75_octets_fails() {
        let ics = GOOD.replace("VP=TRUE", &format!("VP=TRUE;X-PAD={}", "a".repeat(70)));
        fails_with(&ics, "line 16: ");
        fails_with(&ics, "octets, more than 75");
        // Octets, not characters: 26 three-octet characters are too many.
        let ics = GOOD.replace("round 2", &"日".repeat(26));
        fails_with(&ics, "octets, more than 75");
    }

    #[test]
    fn broken_ics_grammar_and_nesting_fail() {
        fails_with(
            &GOOD.replace("END:VEVENT", "END:VTODO"),
            "END:VTODO closes VEVENT",
        );
        fails_with(&GOOD.replace("END:VCALENDAR\r\n", ""), "never closed");
        fails_with(
            &GOOD.replace("CN=\"rita", "CN=\"ri\"ta"),
            "after the parameters",
        );
        fails_with(
            &GOOD.replace("CALSCALE:", "CAL SCALE:"),
            "bad property name",
        );
        fails_with(
            &GOOD.replace("VERSION:2.0", "VERSION:1.0"),
            "VERSION must be 2.0",
        );
        fails_with(
            &GOOD.replace("PRODID", "X-PRODID"),
            "PRODID must appear exactly once",
        );
        fails_with(
            &GOOD.replace("SUMMARY:Deep", "SUMMARY:\u{7}Deep"),
            "control character",
        );
        fails_with(
            &GOOD.replace("Lovelace\\,", "Lovelace,"),
            "SUMMARY is TEXT: unescaped ','",
        );
    }

    #[test]
    fn the_ics_request_table_is_enforced() {
        fails_with(
            &GOOD.replace("DTSTART:20260309T233000Z", "DTSTART:20260309T233000"),
            "DTSTART must be a UTC date-time",
        );
        fails_with(
            &GOOD.replace("DTEND:20260310T001500Z", "DTEND:20260309T233000Z"),
            "DTEND must be later than DTSTART",
        );
        fails_with(
            &GOOD.replace("SEQUENCE:0", "SEQUENCE:0\r\nSEQUENCE:1"),
            "SEQUENCE may appear at most once",
        );
        fails_with(
            &GOOD.replace("STATUS:CONFIRMED", "STATUS:CANCELLED"),
            "TENTATIVE or CONFIRMED",
        );
        fails_with(
            &GOOD.replace("UID:", "REQUEST-STATUS:2.0;Success\r\nUID:"),
            "REQUEST-STATUS",
        );
        let no_attendee = GOOD.replace(
            "ATTENDEE;CN=\"ivy@example.com\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RS\r\n \
             VP=TRUE:mailto:ivy@example.com\r\n",
            "",
        );
        fails_with(&no_attendee, "needs an ATTENDEE");
        // The same file as a PUBLISH is not held to the REQUEST table.
        assert!(parse(&no_attendee.replace("METHOD:REQUEST", "METHOD:PUBLISH")).is_ok());
    }
}
