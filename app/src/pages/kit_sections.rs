//! The stages of a kit: application, resume screen, interviews. Split from
//! the page shell so each stage reads on its own.

use crate::components::rubric::{AnchorsTable, Indicators, Probes, Section};
use crate::domain::kit::{
    Application, CriterionSource, KitCompetency, KitQuestion, KitResumeCriterion,
};
use crate::domain::kit_item::Exercise;
use crate::domain::rubric::{Attitude, Presentation, Simulation};
use crate::domain::{Kit, Level};
use leptos::prelude::*;

#[component]
pub fn CompetencyTable(competencies: Vec<KitCompetency>) -> impl IntoView {
    view! {
        <h3>"What the job requires at this level"</h3>
        <table class="competencies">
            <thead>
                <tr><th>"Competency"</th><th>"Requirement"</th><th>"Weight"</th><th>"Questions"</th></tr>
            </thead>
            <tbody>
                {competencies.into_iter().map(|c| view! {
                    <tr>
                        <td><strong>{c.name}</strong><br/><span class="muted">{c.discipline}</span></td>
                        <td>{c.requirement}</td>
                        <td class="num">{c.weight}" / 5"</td>
                        <td class="num">{c.question_count}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn ApplicationStage(application: Application) -> impl IntoView {
    view! {
        <section id="application" class="kit-section">
            <h2>"Stage 1 · Application"</h2>
            <p class="muted">"Asked when the candidate applies. A disqualifying answer ends the application; every other answer is kept for review."</p>
            <h3>"Knock-out questions"</h3>
            <ol class="knockouts">
                {application.knockouts.into_iter().map(|k| view! {
                    <li data-item=k.id>
                        <p>{k.question}</p>
                        <ul class="answers">
                            {k.answers.into_iter().map(|a| view! {
                                <li class:disqualifies=a.disqualifies>
                                    {a.label}
                                    {a.disqualifies.then(|| view! { <span class="tag stop">"ends the application"</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ol>
            <h3>"Video-response prompts"</h3>
            <ol class="video-prompts">
                {application.video_prompts.into_iter().map(|v| view! {
                    <li data-item=v.id>
                        <p>{v.prompt}</p>
                        <p class="muted">"Recorded video · response time "{format_seconds(v.response_seconds)}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
pub fn ResumeStage(criteria: Vec<KitResumeCriterion>) -> impl IntoView {
    view! {
        <section id="resume" class="kit-section">
            <h2>"Stage 2 · Resume screen"</h2>
            <p class="muted">"Every application that clears the door is read against the same criteria."</p>
            <ol class="criteria">
                {criteria.into_iter().map(|c| view! {
                    <li class="item" data-item=c.id>
                        <p>
                            {c.criterion}" "
                            <span class="tag">{match c.source { CriterionSource::Role => "role-specific", CriterionSource::General => "general" }}</span>
                        </p>
                        <AnchorsTable anchors=c.anchors/>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// Questions grouped by the round that asks them, then the two exercises.
#[component]
pub fn InterviewStage(kit: Kit) -> impl IntoView {
    let level = kit.level;
    let total = kit.competency_questions.len();
    let rounds = kit.rounds.clone();
    let round_blocks = rounds
        .into_iter()
        .filter(|r| !r.competency_questions.is_empty() || !r.attitude_questions.is_empty())
        .map(|round| {
            let questions: Vec<(usize, KitQuestion)> = kit
                .competency_questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.round == round.id)
                .map(|(i, q)| (i + 1, q.clone()))
                .collect();
            let attitudes: Vec<Attitude> = kit
                .attitude_questions
                .iter()
                .filter(|a| a.round == round.id)
                .cloned()
                .collect();
            view! {
                <div class="round" id=format!("round-{}", round.id)>
                    <h3>{round.name}<span class="muted">" · "{round.minutes}" min · led by "{round.led_by}</span></h3>
                    <p class="muted">{round.purpose}</p>
                    {questions.into_iter().map(|(n, q)| view! { <QuestionCard n total q/> }).collect_view()}
                    {attitudes.into_iter().map(|a| view! { <AttitudeCard a/> }).collect_view()}
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="interviews" class="kit-section">
            <h2>"Stage 3 · Interviews"</h2>
            <table class="rounds">
                <thead><tr><th>"Round"</th><th>"Led by"</th><th>"Minutes"</th><th>"Covers"</th></tr></thead>
                <tbody>
                    {kit.rounds.iter().map(|r| {
                        let mut covers = Vec::new();
                        if !r.competency_questions.is_empty() { covers.push(format!("{} competency questions", r.competency_questions.len())); }
                        if !r.attitude_questions.is_empty() { covers.push(format!("{} attitude questions", r.attitude_questions.len())); }
                        for e in &r.exercises { covers.push(if Exercise::parse(e) == Some(Exercise::Presentation) { "the presentation".into() } else { "the MDF role-play".into() }); }
                        view! { <tr><td>{r.name.clone()}</td><td>{r.led_by.clone()}</td><td class="num">{r.minutes}</td><td>{covers.join(", ")}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{total}" competency questions and "{kit.attitude_questions.len()}" attitude questions, by round."</p>
            {round_blocks}
        </section>
        <PresentationBlock p=kit.presentation.clone() level weight=kit.weights.presentation/>
        <SimulationBlock s=kit.simulation.clone() level weight=kit.weights.simulation/>
    }
    .into_any()
}

#[component]
fn QuestionCard(n: usize, total: usize, q: KitQuestion) -> impl IntoView {
    view! {
        <article class="item question" data-item=q.id.clone() data-competency=q.competency.clone()>
            <p class="eyebrow">"Competency question "{n}" of "{total}" · "{q.discipline}</p>
            <h4>{q.competency_name}<span class="weight">" weight "{q.weight}</span></h4>
            <dl class="facts">
                <dt>"Requirement"</dt><dd>{q.requirement}</dd>
                <dt>"Expected at this level"</dt><dd>{q.expected}</dd>
            </dl>
            <blockquote class="ask">{q.question}</blockquote>
            <Probes probes=q.probes/>
            <AnchorsTable anchors=q.anchors/>
            <Indicators positive=q.positive negative=q.negative/>
        </article>
    }
    .into_any()
}

#[component]
fn AttitudeCard(a: Attitude) -> impl IntoView {
    view! {
        <article class="item attitude" data-item=a.id.clone()>
            <p class="eyebrow">"Attitude"</p>
            <h4>{a.name}</h4>
            <p class="muted">{a.definition}</p>
            <blockquote class="ask">{a.question}</blockquote>
            <Probes probes=a.probes/>
            <AnchorsTable anchors=a.anchors/>
            <Indicators positive=a.positive negative=a.negative/>
        </article>
    }
    .into_any()
}

#[component]
fn PresentationBlock(p: Presentation, level: Level, weight: u8) -> impl IntoView {
    view! {
        <section id="presentation" class="kit-section item">
            <h2>"Presentation · "{p.title}<span class="weight">" weight "{weight}</span></h2>
            <p class="muted">{p.format}" · "{p.minutes}" min · about "{p.prep_hours}" h preparation · audience: "{p.audience}</p>
            <blockquote class="ask">{p.prompt}</blockquote>
            <dl class="facts"><dt>"Expected at this level"</dt><dd>{p.level_expectations.get(level).clone()}</dd></dl>
            <div class="columns">
                <Section title="What to prepare" items=p.prepare/>
                <Section title="Deliverables" items=p.deliverables/>
                <Section title="Ground rules" items=p.ground_rules/>
            </div>
            <Probes probes=p.probes/>
            <AnchorsTable anchors=p.anchors/>
            <Indicators positive=p.positive negative=p.negative/>
        </section>
    }
    .into_any()
}

#[component]
fn SimulationBlock(s: Simulation, level: Level, weight: u8) -> impl IntoView {
    let persona = s.persona;
    view! {
        <section id="simulation" class="kit-section item">
            <h2>"Work simulation · "{s.title}<span class="weight">" weight "{weight}</span></h2>
            <p class="muted">{s.format}" · "{s.minutes}" min · about "{s.prep_hours}" h preparation · partner type: "{s.partner_type.title()}</p>
            <h3>"Scenario"</h3>
            <p>{s.scenario}</p>
            <h3>"Problem to solve"</h3>
            <p>{s.problem}</p>
            <dl class="facts"><dt>"Expected at this level"</dt><dd>{s.level_expectations.get(level).clone()}</dd></dl>
            <div class="columns">
                <Section title="Success criteria" items=s.success_criteria/>
                <Section title="Review beforehand" items=s.review_beforehand/>
                <Section title="Ground rules" items=s.ground_rules/>
            </div>
            <div class="persona">
                <h3>"The partner: "{persona.role}</h3>
                <p class="muted">{persona.stance}" · played by "{persona.played_by}</p>
                <p><strong>"Motivation. "</strong>{persona.motivation}</p>
                <div class="columns">
                    <Section title="Constraints" items=persona.constraints/>
                    <Section title="Tensions to introduce" items=persona.tensions/>
                    <Section title="In-character guidance" items=persona.guidance/>
                    <Section title="Do not" items=persona.do_not/>
                    <Section title="Cue checklist for the actor" items=persona.cues/>
                </div>
            </div>
            <Probes probes=s.probes/>
            <AnchorsTable anchors=s.anchors/>
            <Indicators positive=s.positive negative=s.negative/>
        </section>
    }
    .into_any()
}

fn format_seconds(s: u32) -> String {
    match (s / 60, s % 60) {
        (0, sec) => format!("{sec} s"),
        (min, 0) => format!("{min} min"),
        (min, sec) => format!("{min} min {sec} s"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn response_times_read_naturally() {
        assert_eq!(super::format_seconds(120), "2 min");
        assert_eq!(super::format_seconds(150), "2 min 30 s");
        assert_eq!(super::format_seconds(45), "45 s");
    }
}
