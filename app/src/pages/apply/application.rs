//! The candidate's own page (`/apply/:id/:token`): each step with its state,
//! read from what the server has stored, so a reload or a later visit shows
//! exactly what is done. Uploads and the submission are plain form posts
//! that come back here; the recorder script adds in-browser recording in
//! front of each video form.

use super::{recorder_script_href, spoken_duration};
use crate::api::apply::{
    apply_status, problem, ApplicationState, ApplicationView, PromptStep, StopReason, UploadedFile,
};
use crate::domain::upload::{MAX_RESUME_BYTES, MAX_VIDEO_BYTES};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let params = use_params_map();
    let application = Resource::new(
        move || {
            params.with(|p| {
                (
                    p.get("id").unwrap_or_default(),
                    p.get("token").unwrap_or_default(),
                )
            })
        },
        |(id, token)| apply_status(id, token),
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading your application…"</p> }>
            {move || Suspend::new(async move {
                match application.await {
                    Ok(v) => view! { <ApplicationBody v/> }.into_any(),
                    Err(error) => {
                        super::super::set_error_status(&error);
                        view! {
                            <Title text="Application not found"/>
                            <section class="page narrow">
                                <h1>"Application not found"</h1>
                                <p role="alert">{error.to_string()}</p>
                            </section>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn megabytes(bytes: usize) -> usize {
    bytes / (1024 * 1024)
}

/// "340 KB", "2.4 MB".
pub fn human_size(bytes: i64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let b = bytes.max(0) as f64;
    if b >= MB {
        format!("{:.1} MB", b / MB)
    } else if bytes >= 1024 {
        format!("{} KB", (b / 1024.0).round() as i64)
    } else {
        format!("{bytes} bytes")
    }
}

/// What to say for `?error=<code>`; `None` for a code we did not send.
pub fn problem_message(code: &str, prompt: Option<&str>, v: &ApplicationView) -> Option<String> {
    let resume_mb = megabytes(MAX_RESUME_BYTES);
    let video_mb = megabytes(MAX_VIDEO_BYTES);
    let which_video = prompt
        .and_then(|id| v.prompt_number(id))
        .map(|n| format!("Your answer to video question {n} of {}", v.prompts.len()))
        .unwrap_or_else(|| "Your video answer".to_string());
    let text = match code {
        problem::RESUME_MISSING => "Choose your resume file first, then press “Upload resume”.".to_string(),
        problem::RESUME_EMPTY => {
            "Your resume was not saved: the file is empty. Save it again from your word processor and upload that copy.".to_string()
        }
        problem::RESUME_TOO_LARGE => format!(
            "Your resume was not saved: it is larger than {resume_mb} MB. Save a smaller copy (for example without large images) and upload it again."
        ),
        problem::RESUME_TYPE => {
            "Your resume was not saved: it must be a PDF or a Word (.docx) file. Save it in one of those formats and upload it again.".to_string()
        }
        problem::VIDEO_MISSING => format!("{which_video} was not saved: choose a video file, or record one, first."),
        problem::VIDEO_EMPTY => format!("{which_video} was not saved: the file is empty. Record it again or choose another file."),
        problem::VIDEO_TOO_LARGE => format!(
            "{which_video} was not saved: it is larger than {video_mb} MB. Record a shorter answer, or upload a smaller file."
        ),
        problem::VIDEO_TYPE => format!(
            "{which_video} was not saved: it must be a WebM, MP4 or QuickTime (.mov) video. Record it here instead, or convert the file and upload it again."
        ),
        problem::TOO_LARGE => format!(
            "The file was not saved: it is over the upload limit (resumes up to {resume_mb} MB, videos up to {video_mb} MB)."
        ),
        problem::UPLOAD_FAILED => {
            "The upload did not arrive complete, so nothing was saved. Check your connection and try again.".to_string()
        }
        problem::INCOMPLETE => {
            let missing = v.missing();
            if missing.is_empty() {
                "Your application could not be submitted. Please try again.".to_string()
            } else {
                format!("Your application is not submitted yet. Still to do: {}.", missing.join("; "))
            }
        }
        problem::CLOSED => {
            "This application can no longer be changed: it has already been submitted or closed.".to_string()
        }
        problem::SERVER => {
            "Something went wrong on our side and nothing was saved. Please try again in a few minutes.".to_string()
        }
        _ => return None,
    };
    Some(text)
}

/// What to confirm for `?saved=resume` or `?saved=video&prompt=<id>`.
fn saved_message(saved: &str, prompt: Option<&str>, v: &ApplicationView) -> Option<String> {
    match saved {
        "resume" => Some("Your resume is saved.".to_string()),
        "video" => {
            let n = prompt.and_then(|id| v.prompt_number(id))?;
            Some(format!(
                "Your answer to video question {n} of {} is saved.",
                v.prompts.len()
            ))
        }
        _ => None,
    }
}

#[component]
fn ApplicationBody(v: ApplicationView) -> impl IntoView {
    let query = use_query_map();
    let (problem, saved) = query.with_untracked(|q| {
        let prompt = q.get("prompt");
        (
            q.get("error")
                .and_then(|code| problem_message(&code, prompt.as_deref(), &v)),
            q.get("saved")
                .and_then(|s| saved_message(&s, prompt.as_deref(), &v)),
        )
    });
    let state = v.state.clone();
    let title = v.title.clone();
    let body = match state {
        ApplicationState::Stopped(reasons) => {
            view! { <Stopped title=title.clone() reasons/> }.into_any()
        }
        ApplicationState::Submitted => view! { <Submitted v=v.clone()/> }.into_any(),
        ApplicationState::InProgress => view! { <Steps v=v.clone() saved/> }.into_any(),
    };
    view! {
        <Title text=crate::escape::page_title(format!("Your application · {title}"))/>
        // The application form's draft (kept in the browser until the
        // application starts) is cleared by the recorder script here.
        <article class="page narrow application" data-application-state=v.state.id() data-clears-draft=v.requisition_id.clone()>
            <p class="eyebrow">"Your application"</p>
            <h1>{title.clone()}</h1>
            {problem.map(|p| view! { <p class="application-alert" role="alert">{p}</p> })}
            {body}
        </article>
    }
    .into_any()
}

#[component]
fn Stopped(title: String, reasons: Vec<StopReason>) -> impl IntoView {
    view! {
        <section class="application-stopped" data-stopped="true">
            <h2>"Thank you for applying"</h2>
            <p>
                "Thank you for your interest in the " {title} " role and for the time you took. "
                "We can't take your application further, because the role has a requirement that your answer "
                "doesn't meet:"
            </p>
            <ul class="stop-reasons">
                {reasons.into_iter().map(|r| {
                    let needed = quoted_list(&r.needed);
                    view! {
                        <li>
                            <p class="stop-question">{r.question}</p>
                            {(!needed.is_empty()).then(|| view! {
                                <p>"This role needs the answer " {needed} "."</p>
                            })}
                            <p>"Your answer was “" {r.answer} "”."</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p>
                "Your answers are kept with your application, and there is nothing else you need to do. "
                "If your situation changes, you are welcome to apply for future roles."
            </p>
        </section>
    }
}

/// “Yes” or “Yes, with limits”.
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("“{i}”")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[component]
fn Submitted(v: ApplicationView) -> impl IntoView {
    let videos = v.prompts.iter().filter(|p| p.answer.is_some()).count();
    view! {
        <section class="application-submitted" data-submitted="true">
            <h2>"Thank you, your application is in"</h2>
            <p>
                "Thank you, " {v.name.clone()} ". We have your application for this role, with your resume"
                {match videos {
                    0 => String::new(),
                    1 => " and your video answer".to_string(),
                    n => format!(" and your {n} video answers"),
                }}
                ". The recruiter will contact you at " <strong>{v.email.clone()}</strong> " about the next step."
            </p>
            <p>"There is nothing else you need to do."</p>
        </section>
    }
}

#[component]
fn Steps(v: ApplicationView, saved: Option<String>) -> impl IntoView {
    let url = v.url();
    let missing = v.missing();
    let total = v.prompts.len();
    let resume_done = v.resume.is_some();
    view! {
        <p>
            "Hello " {v.name.clone()} ". Each step below is saved as soon as you finish it, so you can close this page "
            "and come back to this address later. Keep it (bookmark it) until you have submitted."
        </p>
        {saved.map(|s| view! { <p class="application-saved" role="status">{s}</p> })}
        <ol class="application-steps">
            <li class="application-step" data-step="details" data-done="true">
                <h2>"Contact details and questions"</h2>
                <p class="step-state done">"Done"</p>
            </li>
            <li class="application-step" id="resume" data-step="resume" data-done=resume_done.to_string()>
                <h2>"Your resume"</h2>
                <p class="step-state" class:done=resume_done>{file_state(v.resume.as_ref(), "Not uploaded yet")}</p>
                <form method="post" action=format!("{url}/resume") enctype="multipart/form-data" class="upload-form" data-resume-form="">
                    <label>
                        {if resume_done { "Replace your resume" } else { "Choose your resume" }}
                        {format!(" (PDF or Word .docx, up to {} MB) ", megabytes(MAX_RESUME_BYTES))}
                        <input type="file" name="resume" required=true
                            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>
                    </label>
                    <button type="submit">"Upload resume"</button>
                </form>
            </li>
            {(total > 0).then(|| view! {
                <li class="application-step" data-step="videos">
                    <h2>"Video answers"</h2>
                    <p>
                        {format!("Answer each question in a short video. Record it here with your camera, or upload a file \
                        (WebM, MP4 or QuickTime, up to {} MB). You can watch a recording back and record again before you submit it, \
                        and replace an answer later.", megabytes(MAX_VIDEO_BYTES))}
                    </p>
                    {v.prompts.iter().enumerate().map(|(i, p)| view! {
                        <VideoPrompt p=p.clone() number=i + 1 total url=url.clone()/>
                    }).collect_view()}
                </li>
            })}
            <li class="application-step" data-step="submit">
                <h2>"Submit your application"</h2>
                {if missing.is_empty() {
                    view! { <p class="step-state">"Everything is ready. Once you submit, the recruiter sees your application; it can't be changed afterwards."</p> }.into_any()
                } else {
                    let count = missing.len().to_string();
                    view! {
                        <div class="step-state" data-missing=count>
                            <p>"Still to do before you can submit:"</p>
                            <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                }}
                <form method="post" action=format!("{url}/submit") data-submit-form="">
                    <button type="submit" class="primary">"Submit application"</button>
                </form>
            </li>
        </ol>
        <script type="module" src=recorder_script_href() nonce=leptos::nonce::use_nonce()></script>
    }
}

fn file_state(file: Option<&UploadedFile>, empty: &'static str) -> String {
    match file {
        Some(f) => format!("Uploaded: {} ({})", f.name, human_size(f.size_bytes)),
        None => empty.to_string(),
    }
}

/// One video question, in the exact markup the recorder script looks for
/// (`app/assets/recorder.js`).
#[component]
fn VideoPrompt(p: PromptStep, number: usize, total: usize, url: String) -> impl IntoView {
    let done = p.answer.is_some();
    let status = format!(
        "Question {number} of {total} · up to {} · {}",
        spoken_duration(p.seconds),
        file_state(p.answer.as_ref(), "Not answered yet")
    );
    view! {
        <section class="video-prompt" data-video-prompt="" data-seconds=p.seconds.to_string()
            id=format!("prompt-{}", p.id) data-prompt-id=p.id.clone() data-done=done.to_string()>
            <h3>{p.prompt.clone()}</h3>
            <p class="video-status">{status}</p>
            <form method="post" action=format!("{url}/videos/{}", p.id) enctype="multipart/form-data" data-video-form="">
                <label>{if done { "Replace with a video file " } else { "Upload a video file " }}
                    <input type="file" name="video" accept="video/webm,video/mp4,video/quicktime" required=true/>
                </label>
                <button type="submit">"Upload video"</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::apply::{ApplicationState, PromptStep};

    fn view(resume: bool, answered: &[bool]) -> ApplicationView {
        ApplicationView {
            requisition_id: "r".into(),
            token: "t".into(),
            title: "Partner manager".into(),
            name: "Ada".into(),
            email: "ada@example.com".into(),
            state: ApplicationState::InProgress,
            resume: resume.then(|| UploadedFile {
                name: "cv.pdf".into(),
                size_bytes: 2048,
            }),
            prompts: answered
                .iter()
                .enumerate()
                .map(|(i, &a)| PromptStep {
                    id: format!("p{i}"),
                    prompt: format!("Prompt {i}"),
                    seconds: 90,
                    answer: a.then(|| UploadedFile {
                        name: "answer.webm".into(),
                        size_bytes: 1,
                    }),
                })
                .collect(),
        }
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(2048), "2 KB");
        assert_eq!(human_size(5 * 1024 * 1024 + 200_000), "5.2 MB");
    }

    #[test]
    fn missing_steps_are_named() {
        let v = view(false, &[true, false]);
        assert_eq!(
            v.missing(),
            vec!["your resume", "your answer to video question 2 of 2"]
        );
        let text = problem_message(problem::INCOMPLETE, None, &v).unwrap();
        assert!(
            text.contains("your resume; your answer to video question 2 of 2"),
            "{text}"
        );
        assert!(view(true, &[true, true]).missing().is_empty());
    }

    #[test]
    fn video_problems_name_the_question_and_unknown_codes_say_nothing() {
        let v = view(true, &[false, false]);
        let text = problem_message(problem::VIDEO_TYPE, Some("p1"), &v).unwrap();
        assert!(
            text.starts_with("Your answer to video question 2 of 2 was not saved"),
            "{text}"
        );
        assert!(problem_message(problem::RESUME_TOO_LARGE, None, &v)
            .unwrap()
            .contains("5 MB"));
        assert_eq!(problem_message("you-won-a-prize", None, &v), None);
        assert_eq!(
            saved_message("video", Some("p0"), &v).unwrap(),
            "Your answer to video question 1 of 2 is saved."
        );
        assert_eq!(saved_message("video", Some("nope"), &v), None);
    }

    #[test]
    fn needed_answers_are_listed() {
        assert_eq!(quoted_list(&["Yes".into()]), "“Yes”");
        assert_eq!(
            quoted_list(&["Yes".into(), "Maybe".into(), "Later".into()]),
            "“Yes”, “Maybe” or “Later”"
        );
    }
}
