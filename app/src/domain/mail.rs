//! The email the hiring loop sends: what each message says, when an overdue
//! scorecard is reminded again, and how long a failed send waits before the
//! next try. Pure: the outbox (`db::outbox`) stores these and the server's
//! mail worker delivers them.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Why a message was sent; stored with it and shown on the outbox page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MailKind {
    /// An interviewer put on a candidate's round, with the calendar invite.
    Assignment,
    /// A scorecard still not submitted a day after the interview ended.
    Reminder,
    /// A candidate's confirmation with the private link to their application.
    Application,
    /// A candidate asked for their application's link again.
    LinkRecovery,
    /// A recruiter or hiring manager added to a requisition.
    MemberAdded,
    /// An interview moved to another time, with the updated invite.
    InterviewMoved,
    /// An interview called off, or handed to someone else, with the
    /// cancellation for the interviewer's calendar.
    InterviewCancelled,
}

impl MailKind {
    pub const ALL: [MailKind; 7] = [
        MailKind::Assignment,
        MailKind::Reminder,
        MailKind::Application,
        MailKind::LinkRecovery,
        MailKind::MemberAdded,
        MailKind::InterviewMoved,
        MailKind::InterviewCancelled,
    ];

    pub fn id(self) -> &'static str {
        match self {
            MailKind::Assignment => "assignment",
            MailKind::Reminder => "reminder",
            MailKind::Application => "application",
            MailKind::LinkRecovery => "link-recovery",
            MailKind::MemberAdded => "member-added",
            MailKind::InterviewMoved => "interview-moved",
            MailKind::InterviewCancelled => "interview-cancelled",
        }
    }

    pub fn parse(id: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// How the outbox page names it.
    pub fn label(self) -> &'static str {
        match self {
            MailKind::Assignment => "Interview assigned",
            MailKind::Reminder => "Scorecard reminder",
            MailKind::Application => "Application link",
            MailKind::LinkRecovery => "Link recovery",
            MailKind::MemberAdded => "Added to a requisition",
            MailKind::InterviewMoved => "Interview moved",
            MailKind::InterviewCancelled => "Interview cancelled",
        }
    }
}

/// One message, as it waits in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    /// Plain text; every link in it is absolute.
    pub body: String,
    /// An iCalendar file (RFC 5545) to attach, carrying its iTIP method.
    pub calendar: Option<String>,
    /// Messages that must go at most once (one reminder per card per day,
    /// one recovery per address per hour) carry a key; a second message
    /// with the same key is not queued.
    pub dedupe_key: Option<String>,
}

/// A header value made of text people typed (a candidate's name, a job
/// title): line breaks and other control characters become spaces, so the
/// value stays on its one header line.
pub fn header_text(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How an interview's time reads in a message to someone in `zone`:
/// `Tuesday 1 December 2026 at 15:30 CET (Europe/Paris), 60 minutes`.
pub fn when(starts_at: DateTime<Utc>, minutes: i64, zone: Tz) -> String {
    let local = starts_at.with_timezone(&zone);
    let named = if zone == Tz::UTC {
        String::new()
    } else {
        format!(" ({})", zone.name())
    };
    format!(
        "{} {}{named}, {minutes} minutes",
        local.format("%A %-d %B %Y at %H:%M"),
        local.format("%Z")
    )
}

/// What an interviewer reads when they are put on a round.
pub struct AssignmentNote<'a> {
    pub to: &'a str,
    pub scheduled_by: &'a str,
    pub candidate: &'a str,
    pub job_title: &'a str,
    pub round: &'a str,
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    /// The recipient's time zone, which the time is written in.
    pub zone: Tz,
    pub interview_url: &'a str,
    pub calendar: String,
}

pub fn assignment(n: AssignmentNote<'_>) -> Mail {
    Mail {
        kind: MailKind::Assignment,
        to: n.to.to_string(),
        subject: header_text(&format!(
            "Interview: {} with {} ({})",
            n.round, n.candidate, n.job_title
        )),
        body: format!(
            "Hello,\n\n\
             {scheduled_by} has put you on the interview panel for {candidate}, \
             who is interviewing for {title}.\n\n\
             Round: {round}\n\
             When: {when}\n\n\
             Your questions, the anchors for each rating and your scorecard for this round:\n\
             {url}\n\n\
             Rate what you heard while it is fresh: the scorecard is due within \
             {hours} hours of the interview ending. The calendar invite is attached.\n",
            scheduled_by = n.scheduled_by,
            candidate = n.candidate,
            title = n.job_title,
            round = n.round,
            when = when(n.starts_at, n.minutes, n.zone),
            url = n.interview_url,
            hours = super::scorecard::OVERDUE_AFTER_HOURS,
        ),
        calendar: Some(n.calendar),
        dedupe_key: None,
    }
}

/// What the colleague who plays the partner in the role-play reads: the
/// same round and time, their brief instead of questions, and no scorecard.
pub fn actor_assignment(n: AssignmentNote<'_>, brief_url: &str) -> Mail {
    Mail {
        kind: MailKind::Assignment,
        to: n.to.to_string(),
        subject: header_text(&format!(
            "Role-play: you play the partner for {} ({})",
            n.candidate, n.job_title
        )),
        body: format!(
            "Hello,\n\n\
             {scheduled_by} has asked you to play the partner in the role-play \
             of {candidate}'s {round} ({title}).\n\n\
             When: {when}\n\n\
             Your brief, with who you play, what they want and how they behave:\n\
             {brief}\n\n\
             Stay in the part and let the interviewers score: you owe no \
             scorecard. The calendar invite is attached.\n",
            scheduled_by = n.scheduled_by,
            candidate = n.candidate,
            round = n.round,
            title = n.job_title,
            when = when(n.starts_at, n.minutes, n.zone),
            brief = brief_url,
        ),
        calendar: Some(n.calendar),
        dedupe_key: None,
    }
}

/// What an interviewer reads when their interview changes.
pub struct ChangeNote<'a> {
    pub to: &'a str,
    pub changed_by: &'a str,
    pub candidate: &'a str,
    pub job_title: &'a str,
    pub round: &'a str,
    /// The time it is at now (for a cancellation, the time it was at).
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    /// The recipient's time zone.
    pub zone: Tz,
    pub calendar: String,
}

/// The interview moved from `was` (as [`when`] writes it) to the note's time.
pub fn interview_moved(n: ChangeNote<'_>, was: &str, interview_url: &str) -> Mail {
    Mail {
        kind: MailKind::InterviewMoved,
        to: n.to.to_string(),
        subject: header_text(&format!(
            "Interview moved: {} with {} ({})",
            n.round, n.candidate, n.job_title
        )),
        body: format!(
            "Hello,\n\n\
             {changed_by} moved your {round} with {candidate} ({title}).\n\n\
             Now: {now}\n\
             Was: {was}\n\n\
             Your questions and scorecard are where they were:\n{url}\n\n\
             The updated calendar invite is attached; it replaces the earlier one.\n",
            changed_by = n.changed_by,
            round = n.round,
            candidate = n.candidate,
            title = n.job_title,
            now = when(n.starts_at, n.minutes, n.zone),
            url = interview_url,
        ),
        calendar: Some(n.calendar),
        dedupe_key: None,
    }
}

/// Why an interviewer is taken off an interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancelled {
    /// The interview is off.
    Off,
    /// It goes ahead with another interviewer.
    Replaced,
}

pub fn interview_cancelled(n: ChangeNote<'_>, why: Cancelled) -> Mail {
    let what = match why {
        Cancelled::Off => "cancelled your",
        Cancelled::Replaced => "gave another interviewer your place in the",
    };
    Mail {
        kind: MailKind::InterviewCancelled,
        to: n.to.to_string(),
        subject: header_text(&format!(
            "Interview cancelled: {} with {} ({})",
            n.round, n.candidate, n.job_title
        )),
        body: format!(
            "Hello,\n\n\
             {changed_by} {what} {round} with {candidate} ({title}), which was \
             set for {was}. You do not need to prepare for it or write a \
             scorecard.\n\n\
             The attached cancellation takes it out of your calendar.\n",
            changed_by = n.changed_by,
            round = n.round,
            candidate = n.candidate,
            title = n.job_title,
            was = when(n.starts_at, n.minutes, n.zone),
        ),
        calendar: Some(n.calendar),
        dedupe_key: None,
    }
}

/// Which daily reminder is due for a card not yet submitted: `Some(0)` from
/// [`super::scorecard::OVERDUE_AFTER_HOURS`] after the interview ended,
/// `Some(1)` a day later, and so on; `None` before that. The number keys the
/// reminder, so each day's goes once however often the worker looks, and a
/// worker that was stopped for days sends today's only.
pub fn reminder_number(starts_at: DateTime<Utc>, minutes: i64, now: DateTime<Utc>) -> Option<i64> {
    let due = starts_at
        .checked_add_signed(Duration::try_minutes(minutes)?)?
        .checked_add_signed(Duration::try_hours(super::scorecard::OVERDUE_AFTER_HOURS)?)?;
    (now > due).then(|| (now - due).num_days())
}

pub struct ReminderNote<'a> {
    pub to: &'a str,
    pub assignment_id: &'a str,
    pub number: i64,
    pub candidate: &'a str,
    pub job_title: &'a str,
    pub round: &'a str,
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    pub zone: Tz,
    pub interview_url: &'a str,
}

pub fn reminder(n: ReminderNote<'_>) -> Mail {
    Mail {
        kind: MailKind::Reminder,
        to: n.to.to_string(),
        subject: header_text(&format!("Scorecard overdue: {}, {}", n.candidate, n.round)),
        body: format!(
            "Hello,\n\n\
             Your scorecard for {candidate}'s {round} ({title}), held {when}, \
             has not been submitted yet. The panel cannot compare candidates \
             fairly until every card is in, and notes written long after an \
             interview remember less of it.\n\n\
             Finish it here:\n{url}\n\n\
             You will get this reminder once a day until the card is submitted.\n",
            candidate = n.candidate,
            round = n.round,
            title = n.job_title,
            when = when(n.starts_at, n.minutes, n.zone),
            url = n.interview_url,
        ),
        calendar: None,
        dedupe_key: Some(format!("reminder:{}:{}", n.assignment_id, n.number)),
    }
}

/// The candidate's confirmation when they start an application.
pub fn application_started(to: &str, name: &str, job_title: &str, link: &str) -> Mail {
    Mail {
        kind: MailKind::Application,
        to: to.to_string(),
        subject: header_text(&format!("Your application for {job_title}")),
        body: format!(
            "Hello {name},\n\n\
             Thank you for applying for {job_title}. This private link takes you \
             back to your application, to finish it or to see where it stands:\n\n\
             {link}\n\n\
             Keep it to yourself: anyone who has it can open your application.\n\n\
             If you did not apply, you can ignore this message.\n"
        ),
        calendar: None,
        dedupe_key: None,
    }
}

/// A link asked for again. `links` are the applications made with this
/// address for the job, newest first. At most one such message per address
/// and job per hour (`hour` is the hour it was asked in), so the form cannot
/// be used to flood someone's inbox.
pub fn link_recovery(
    to: &str,
    job_title: &str,
    links: &[String],
    requisition_id: &str,
    hour: DateTime<Utc>,
) -> Mail {
    let listed = links
        .iter()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    let which = if links.len() == 1 {
        "the private link to the application"
    } else {
        "the private links to the applications"
    };
    Mail {
        kind: MailKind::LinkRecovery,
        to: to.to_string(),
        subject: header_text(&format!("Your application link for {job_title}")),
        body: format!(
            "Hello,\n\n\
             Someone, we hope you, asked for {which} made with this address for \
             {job_title}:\n\n\
             {listed}\n\n\
             If it was not you, ignore this message: nothing has changed.\n"
        ),
        calendar: None,
        dedupe_key: Some(format!(
            "recovery:{}:{requisition_id}:{}",
            to.to_lowercase(),
            hour.format("%Y-%m-%dT%H")
        )),
    }
}

/// A recruiter or hiring manager put on a requisition by a colleague.
pub fn member_added(to: &str, added_by: &str, job_title: &str, link: &str) -> Mail {
    Mail {
        kind: MailKind::MemberAdded,
        to: to.to_string(),
        subject: header_text(&format!("You are now on the requisition {job_title}")),
        body: format!(
            "Hello,\n\n\
             {added_by} added you to the requisition {job_title}. You can now see \
             its candidates, schedule their interviews and compare the panel's \
             scorecards.\n\n\
             Open it here:\n{link}\n"
        ),
        calendar: None,
        dedupe_key: None,
    }
}

/// The iTIP method an attached calendar file carries (`REQUEST`,
/// `CANCEL`), for the attachment's content type.
pub fn calendar_method(ics: &str) -> Option<&str> {
    ics.lines()
        .find_map(|line| line.strip_prefix("METHOD:"))
        .map(str::trim)
}

/// Tries before a message is given up as failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// How long to wait after the `failures`-th failed try before the next one
/// (1, 2, 4 … minutes, at most six hours), or `None` once the message has
/// had [`MAX_ATTEMPTS`] tries. A server that refuses the message for good
/// (an SMTP 5xx) is not asked again at all: the caller marks it failed.
pub fn retry_after(failures: i64) -> Option<Duration> {
    if failures >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << failures.clamp(1, 20).saturating_sub(1);
    Some(Duration::minutes(minutes.min(6 * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
    }

    #[test]
    fn header_text_keeps_one_line() {
        assert_eq!(
            header_text("Ada\r\nBcc: victim@example.com"),
            "Ada Bcc: victim@example.com"
        );
        assert_eq!(header_text("  Two   spaces\t"), "Two spaces");
    }

    #[test]
    fn an_assignment_names_the_round_time_and_link() {
        let mail = assignment(AssignmentNote {
            to: "ivan@example.com",
            scheduled_by: "rita@example.com",
            candidate: "Ada\nLovelace",
            job_title: "Partner Manager",
            round: "Hiring manager",
            starts_at: at(14, 30),
            minutes: 60,
            zone: Tz::UTC,
            interview_url: "https://hire.example/interviews/a1",
            calendar: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n".into(),
        });
        assert_eq!(
            mail.subject,
            "Interview: Hiring manager with Ada Lovelace (Partner Manager)"
        );
        assert!(mail
            .body
            .contains("Tuesday 1 December 2026 at 14:30 UTC, 60 minutes"));
        assert!(mail.body.contains("https://hire.example/interviews/a1"));
        assert!(mail.body.contains("within 24 hours"));
        assert_eq!(mail.kind, MailKind::Assignment);
        assert_eq!(
            calendar_method(mail.calendar.as_deref().unwrap()),
            Some("REQUEST")
        );
    }

    #[test]
    fn times_are_written_in_the_recipients_zone() {
        assert_eq!(
            when(at(14, 30), 60, Tz::UTC),
            "Tuesday 1 December 2026 at 14:30 UTC, 60 minutes"
        );
        assert_eq!(
            when(at(14, 30), 45, "America/New_York".parse().unwrap()),
            "Tuesday 1 December 2026 at 09:30 EST (America/New_York), 45 minutes"
        );
    }

    #[test]
    fn reminders_start_a_day_after_the_interview_ends_then_daily() {
        let start = at(9, 0);
        let day = |d: i64, h: i64| start + Duration::days(d) + Duration::hours(h);
        // Ends at 10:00 on the 1st; due at 10:00 on the 2nd.
        assert_eq!(reminder_number(start, 60, day(1, 0)), None);
        assert_eq!(reminder_number(start, 60, day(1, 1)), None);
        assert_eq!(
            reminder_number(start, 60, day(1, 1) + Duration::seconds(1)),
            Some(0)
        );
        assert_eq!(reminder_number(start, 60, day(2, 0)), Some(0));
        assert_eq!(reminder_number(start, 60, day(2, 2)), Some(1));
        assert_eq!(reminder_number(start, 60, day(9, 2)), Some(8));
        // A length beyond any clock does not panic.
        assert_eq!(reminder_number(start, i64::MAX, day(9, 0)), None);
    }

    #[test]
    fn each_days_reminder_has_its_own_key() {
        let note = |number| {
            reminder(ReminderNote {
                to: "ivan@example.com",
                assignment_id: "a1",
                number,
                candidate: "Ada",
                job_title: "Partner Manager",
                round: "Simulation",
                starts_at: at(9, 0),
                minutes: 45,
                zone: Tz::UTC,
                interview_url: "https://hire.example/interviews/a1",
            })
        };
        assert_eq!(note(0).dedupe_key.as_deref(), Some("reminder:a1:0"));
        assert_eq!(note(3).dedupe_key.as_deref(), Some("reminder:a1:3"));
        assert!(note(0).body.contains("once a day"));
    }

    #[test]
    fn recovery_is_keyed_by_address_job_and_hour() {
        let links = vec!["https://hire.example/apply/r1/t1".to_string()];
        let one = link_recovery("Ada@Example.com", "PM", &links, "r1", at(9, 5));
        let same_hour = link_recovery("ada@example.com", "PM", &links, "r1", at(9, 55));
        let next_hour = link_recovery("ada@example.com", "PM", &links, "r1", at(10, 0));
        assert_eq!(one.dedupe_key, same_hour.dedupe_key);
        assert_ne!(one.dedupe_key, next_hour.dedupe_key);
        assert!(one.body.contains("https://hire.example/apply/r1/t1"));
        assert!(one.body.contains("the private link to the application "));
    }

    #[test]
    fn a_change_says_what_changed_and_carries_its_calendar_message() {
        let note = |calendar: &str| ChangeNote {
            to: "ivan@example.com",
            changed_by: "rita@example.com",
            candidate: "Ada",
            job_title: "Partner Manager",
            round: "Simulation",
            starts_at: at(15, 0),
            minutes: 45,
            zone: Tz::UTC,
            calendar: calendar.into(),
        };
        let moved = interview_moved(
            note("METHOD:REQUEST\r\n"),
            "Monday 30 November 2026 at 09:00 UTC, 45 minutes",
            "https://hire.example/interviews/a1",
        );
        assert!(moved
            .body
            .contains("Now: Tuesday 1 December 2026 at 15:00 UTC, 45 minutes"));
        assert!(moved.body.contains("Was: Monday 30 November 2026"));
        assert_eq!(
            calendar_method(moved.calendar.as_deref().unwrap()),
            Some("REQUEST")
        );
        let off = interview_cancelled(note("METHOD:CANCEL\r\n"), Cancelled::Off);
        assert!(off
            .body
            .contains("rita@example.com cancelled your Simulation with Ada"));
        let replaced = interview_cancelled(note("METHOD:CANCEL\r\n"), Cancelled::Replaced);
        assert!(replaced
            .body
            .contains("gave another interviewer your place in the Simulation"));
        assert_eq!(
            calendar_method(replaced.calendar.as_deref().unwrap()),
            Some("CANCEL")
        );
    }

    #[test]
    fn retries_back_off_then_stop() {
        let minutes: Vec<i64> = (1..MAX_ATTEMPTS)
            .map(|n| retry_after(n).unwrap().num_minutes())
            .collect();
        assert_eq!(minutes, vec![1, 2, 4, 8, 16, 32, 64]);
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
        assert_eq!(retry_after(0).unwrap().num_minutes(), 1);
    }

    #[test]
    fn kinds_round_trip_their_ids() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.id()), Some(kind));
        }
        assert_eq!(MailKind::parse("spam"), None);
    }
}
