//! Annotating by keyboard, as a user would, with the journal on disk: every action saved,
//! undone and redone, restored on reopening; set-and-next, filters, search, the palette,
//! visual-mode claims, conflict statuses, assessments and the exported brief. Screens at
//! several sizes are snapshots.

mod common;

use common::tui::{annotating_app, is_compared, press, render, select_claim_with, type_text};
use crosscheck::annotate::{ConflictStatus, Credibility, Journal, Reliability, Verdict};
use crosscheck::tui::app::Layer;
use crosscheck::tui::app::Pane;
use crosscheck::tui::update;

const WAPO: usize = 1;
const FIFTY_FIVE: &str = "At least 55 policemen";

#[test]
fn the_done_when_flow_by_keys_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, WAPO, FIFTY_FIVE);
    press(&mut session, "d 3 n");
    assert!(
        matches!(session.app.view.top(), Some(Layer::Editor(_))),
        "n opens the note editor"
    );
    type_text(&mut session, "AP figure; ministry says 16");
    press(&mut session, "enter");
    type_text(&mut session, "check the conscripts");
    press(&mut session, "esc");
    assert!(
        session.app.view.top().is_none(),
        "Esc saves and closes a note"
    );
    let claim = session.app.selected_claim().unwrap().clone();
    let note = session.app.note_of(&claim).unwrap().clone();
    assert_eq!(note.verdict, Verdict::Disputed);
    assert_eq!(note.grade, Credibility::from_number(3));
    assert_eq!(
        note.note,
        "AP figure; ministry says 16\ncheck the conscripts"
    );

    press(&mut session, "ctrl-z");
    assert_eq!(
        session.app.note_of(&claim).unwrap().note,
        "",
        "undo takes the note back"
    );
    press(&mut session, "ctrl-z");
    assert_eq!(session.app.note_of(&claim).unwrap().grade, None);
    press(&mut session, "ctrl-r ctrl-r");
    assert_eq!(
        session.app.note_of(&claim).unwrap(),
        &note,
        "redo brings both back"
    );

    // The first report's source, from the article list.
    session.app.view.focus = Pane::Articles;
    session.app.view.list.selected = 1;
    update::navigation::after_list_moved(&mut session.app);
    press(&mut session, "B");
    let first = session.app.model.doc.corpus.reports[0].id.clone();
    assert_eq!(
        session.journal.as_ref().unwrap().annotations().sources[&first].reliability,
        Some(Reliability::B)
    );
    assert_eq!(
        session.app.model.notes.reviewed[WAPO].0, 1,
        "the review count follows"
    );

    // Reopening (a new process) sees everything.
    let again = annotating_app(dir.path(), (100, 30), "ana");
    let j = again.journal.as_ref().unwrap();
    assert_eq!(
        j.annotations(),
        session.journal.as_ref().unwrap().annotations()
    );
    assert_eq!(again.app.note_of(&claim).unwrap(), &note);
    assert_eq!(again.app.model.notes.reviewed[WAPO].0, 1);
    // The audit log says who did what, undo and redo included.
    let log: Vec<String> = j
        .log()
        .iter()
        .map(crosscheck::annotate::Entry::describe)
        .collect();
    assert_eq!(log.len(), 8, "{log:#?}");
    assert!(log[3].starts_with("undo #3"), "{log:#?}");
    assert!(j.log().iter().all(|e| e.by == "ana"));
}

#[test]
fn set_and_next_walks_the_unreviewed_claims_and_filters_narrow_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, 0, "At least 35");
    let first = session.app.view.claims.selected;
    press(&mut session, "C");
    assert_eq!(
        session.app.view.claims.selected,
        first + 1,
        "confirmed, then on to the next"
    );
    press(&mut session, "D X");
    assert_eq!(session.app.model.notes.reviewed[0].0, 3);
    // Back to the top: the next unreviewed skips the three reviewed.
    press(&mut session, "g ]");
    assert_eq!(session.app.view.claims.selected, 3);
    press(&mut session, "f");
    type_text(&mut session, "verdict:disputed");
    press(&mut session, "enter");
    assert_eq!(session.app.view.claims.shown.len(), 1);
    let shown = session.app.selected_claim().unwrap().clone();
    assert_eq!(
        session.app.note_of(&shown).unwrap().verdict,
        Verdict::Disputed
    );
    press(&mut session, "f");
    // The filter text is there to edit; clear it.
    for _ in 0..20 {
        press(&mut session, "backspace");
    }
    press(&mut session, "enter");
    assert!(session.app.view.claims.filter.is_none());
    assert_eq!(
        session.app.view.claims.shown.len(),
        session.app.listed_claims().len()
    );
}

#[test]
fn tags_corrections_links_and_the_suggested_grade() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, 0, "At least 35");
    press(&mut session, "t");
    type_text(&mut session, "toll, early");
    press(&mut session, "enter =");
    type_text(&mut session, "35 police");
    press(&mut session, "enter m");
    let a = session.app.selected_claim().unwrap().clone();
    // "at least 35" is backed by an independent origin's higher figure: 1 is suggested.
    press(&mut session, "a");
    assert_eq!(
        session.app.note_of(&a).unwrap().grade,
        Credibility::from_number(1)
    );
    select_claim_with(&mut session, WAPO, FIFTY_FIVE);
    press(&mut session, "L");
    let b = session.app.selected_claim().unwrap().clone();
    let ann = session.journal.as_ref().unwrap().annotations();
    assert_eq!(ann.linked_to(&a.id).collect::<Vec<_>>(), [b.id.as_str()]);
    let note = session.app.note_of(&a).unwrap();
    assert_eq!(note.tags.iter().collect::<Vec<_>>(), ["early", "toll"]);
    assert_eq!(note.corrected.as_deref(), Some("35 police"));
}

#[test]
fn conflict_status_assessment_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    session.app.view.focus = Pane::Comparison;
    update::fit(&mut session.app);
    let slot = session.app.selected_comparison().unwrap().slots[0]
        .slot
        .clone();
    press(&mut session, "i e");
    type_text(&mut session, "52");
    press(&mut session, "tab");
    type_text(&mut session, "16-55");
    press(&mut session, "tab");
    type_text(&mut session, "AFP revised to 52");
    press(&mut session, "ctrl-s");
    let incident = session.app.selected_comparison().unwrap().incident.clone();
    let note = session
        .journal
        .as_ref()
        .unwrap()
        .annotations()
        .slot(&incident, &slot)
        .cloned()
        .unwrap();
    assert_eq!(note.status, Some(ConflictStatus::Investigating));
    let a = note.assessment.unwrap();
    assert_eq!((a.best.as_str(), a.range.as_str()), ("52", "16-55"));
    press(&mut session, "ctrl-e");
    let brief = std::fs::read_to_string(dir.path().join("sample.brief.md")).unwrap();
    assert!(
        brief.contains("| 52 | 16-55 | AFP revised to 52 |"),
        "{brief}"
    );
    assert!(brief.contains("conflict (investigating)"), "{brief}");
}

#[test]
fn a_claim_made_from_selected_text_joins_the_list_and_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, WAPO, FIFTY_FIVE);
    press(&mut session, "enter");
    session.app.view.focus = Pane::Reader;
    let before = session.app.listed_claims().len();
    // From the claim's first word, four words on: "At least 55 policemen".
    press(&mut session, "v w w w enter");
    let Some(Layer::Candidates(c)) = session.app.view.top() else {
        panic!("the picker opens: {:?}", session.app.view.top())
    };
    assert_eq!(c.claims[0].text, "At least 55 policemen");
    assert_eq!(c.claims[0].kind().id(), "casualty");
    press(&mut session, "enter");
    assert_eq!(session.app.listed_claims().len(), before + 1);
    let manual = session
        .app
        .listed_claims()
        .iter()
        .find(|c| c.id.starts_with('m'))
        .unwrap()
        .clone();
    assert_eq!(manual.text, "At least 55 policemen");
    assert!(
        is_compared(&session, &manual.id),
        "the manual claim is compared"
    );
    // Undo removes it again.
    press(&mut session, "ctrl-z");
    assert_eq!(session.app.listed_claims().len(), before);
}

#[test]
fn search_answers_from_the_worker_and_jumps_to_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    session.start_search();
    press(&mut session, "/");
    type_text(&mut session, "hasm");
    // Keystrokes never wait: the answer comes later, for the last query.
    assert!(session.wait_for_search("hasm", std::time::Duration::from_secs(10)));
    let Some(Layer::Search(sb)) = session.app.view.top() else {
        panic!()
    };
    assert!(sb.total > 0);
    assert!(sb.hits[0].text.to_lowercase().contains("hasm"));
    assert_eq!(
        sb.hits[0].marks.len(),
        4,
        "the matched characters are highlighted"
    );
    let snapshot = render(&session);
    insta::assert_debug_snapshot!("search_100x30", snapshot.backend());
    let hit = sb.hits[0].clone();
    press(&mut session, "enter");
    assert!(session.app.view.top().is_none());
    assert_eq!(
        session.app.view.reader.or(session.app.view.claims.report),
        Some(hit.report)
    );
}

#[test]
fn the_palette_runs_any_action_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (80, 24), "ana");
    select_claim_with(&mut session, 0, "At least 35");
    press(&mut session, ":");
    type_text(&mut session, "verdict: uncertain");
    let Some(Layer::Palette(p)) = session.app.view.top() else {
        panic!()
    };
    assert_eq!(
        p.matches[0],
        crosscheck::tui::action::Action::VerdictUncertain
    );
    press(&mut session, "enter");
    let c = session.app.selected_claim().unwrap().clone();
    assert_eq!(session.app.note_of(&c).unwrap().verdict, Verdict::Uncertain);
}

#[test]
fn annotation_screens_at_several_sizes() {
    for size in [(40u16, 12u16), (80, 24), (200, 60)] {
        let dir = tempfile::tempdir().unwrap();
        let mut session = annotating_app(dir.path(), size, "ana");
        select_claim_with(&mut session, WAPO, FIFTY_FIVE);
        press(&mut session, "d 3 t");
        type_text(&mut session, "toll");
        press(&mut session, "enter");
        let name = format!("annotated_claims_{}x{}", size.0, size.1);
        insta::assert_debug_snapshot!(name, render(&session).backend());
        press(&mut session, "n");
        type_text(&mut session, "A “curly” note, عربي, 漢字");
        let name = format!("note_editor_{}x{}", size.0, size.1);
        insta::assert_debug_snapshot!(name, render(&session).backend());
    }
}

#[test]
fn another_session_s_writes_are_picked_up_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (80, 24), "ana");
    select_claim_with(&mut session, 0, "At least 35");
    let c = session.app.selected_claim().unwrap().clone();
    // A script annotates the same file while the TUI is open.
    let mut script = Journal::open(&dir.path().join("sample.ron"), "bot").unwrap();
    script
        .set(vec![(
            session.app.model.claim_target(&c),
            crosscheck::annotate::Value::Note("from the script".into()),
        )])
        .unwrap();
    press(&mut session, "c");
    let note = session.app.note_of(&c).unwrap();
    assert_eq!(note.verdict, Verdict::Confirmed);
    assert_eq!(note.note, "from the script", "both writes are kept");
    assert!(
        session
            .app
            .view
            .status
            .as_deref()
            .unwrap_or("")
            .contains("another session")
    );
}

#[test]
fn a_moved_report_is_read_and_compared_under_its_new_incident() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (120, 40), "analyst");
    press(&mut session, "j m");
    type_text(&mut session, "valley");
    press(&mut session, "enter");
    assert_eq!(
        session.app.model.generation, 1,
        "a move makes a new document, analysed again"
    );
    let wapo = session
        .app
        .model
        .doc
        .corpus
        .reports
        .iter()
        .position(|r| r.id == "wapo-bahariya-2017-10-21")
        .unwrap();
    assert_eq!(
        session.app.model.doc.corpus.reports[wapo].incidents[0],
        "new-valley-raid-2017-10-27"
    );
    assert_eq!(
        session.app.selected_report(),
        Some(wapo),
        "the moved report stays selected"
    );
    let claims = session.app.model.claims.as_ref().unwrap();
    assert!(
        claims[wapo]
            .iter()
            .any(|c| c.incident == "new-valley-raid-2017-10-27")
    );
    // Undone, it is back where the data file has it.
    press(&mut session, "ctrl-z");
    assert_eq!(
        session.app.model.doc.corpus.reports[wapo].incidents[0],
        "bahariya-ambush-2017-10-20"
    );
}

#[test]
fn an_incident_edited_by_keys_refuses_a_bad_date_and_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (120, 40), "analyst");
    press(&mut session, "k e");
    assert!(matches!(session.app.view.top(), Some(Layer::Editor(_))));
    press(&mut session, "end");
    type_text(&mut session, " (revised)");
    press(&mut session, "tab end");
    type_text(&mut session, "x");
    press(&mut session, "ctrl-s");
    assert!(
        session
            .app
            .view
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("date:")),
        "{:?}",
        session.app.view.status
    );
    assert!(
        matches!(session.app.view.top(), Some(Layer::Editor(_))),
        "the form stays open"
    );
    press(&mut session, "backspace ctrl-s");
    assert_eq!(
        session.app.model.doc.corpus.incidents[0].title,
        "Bahariya Oasis ambush (revised)"
    );
    press(&mut session, "ctrl-z");
    assert_eq!(
        session.app.model.doc.corpus.incidents[0].title,
        "Bahariya Oasis ambush"
    );
}

#[test]
fn a_report_added_to_a_second_incident_and_another_split_off_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (120, 40), "analyst");
    // The AFP report also covers the raid.
    press(&mut session, "a");
    type_text(&mut session, "valley");
    press(&mut session, "enter");
    let afp = &session.app.model.doc.corpus.reports[0];
    assert_eq!(
        afp.incidents,
        ["bahariya-ambush-2017-10-20", "new-valley-raid-2017-10-27"]
    );
    // The Post's report split off into an incident of its own.
    press(&mut session, "j S");
    type_text(&mut session, "Post account");
    press(&mut session, "enter");
    let wapo = &session.app.model.doc.corpus.reports[1];
    assert_eq!(wapo.incidents[0], "post-account");
    assert_eq!(
        session
            .app
            .model
            .doc
            .corpus
            .incident("post-account")
            .unwrap()
            .title,
        "Post account"
    );
    press(&mut session, "ctrl-z ctrl-z");
    assert_eq!(*session.app.model.doc.corpus, *session.app.model.doc.filed);
}

#[test]
fn a_data_file_changed_on_disk_is_read_again_and_the_judgement_not_made_on_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    let path = dir.path().join("sample.ron");
    session.app.model.doc.source = Some(crosscheck::tui::app::Source {
        path: path.clone(),
        stamp: crosscheck::store::Stamp::of(&path),
        fingerprint: crosscheck::store::load(&path).unwrap().fingerprint,
    });
    select_claim_with(&mut session, WAPO, "At least 35");
    // Another program edits the figure while the claim is selected.
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "At least 35 Egyptian troops and police officers were killed",
        "At least 45 Egyptian troops and police officers were killed",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    press(&mut session, "c");
    let journal = session.journal.as_ref().unwrap();
    assert!(
        journal.log().is_empty(),
        "the verdict on the old text was not saved: {:?}",
        journal.log()
    );
    assert!(
        session
            .app
            .view
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("not saved")),
        "{:?}",
        session.app.view.status
    );
    assert!(!session.app.view.layers.is_empty(), "the analyst is told");
    press(&mut session, "esc");
    assert!(
        session.app.model.doc.corpus.reports[WAPO]
            .body
            .contains("At least 45"),
        "the new text is shown"
    );
    // Judged now, the verdict lands on the claim as it reads now.
    select_claim_with(&mut session, WAPO, "At least 45");
    press(&mut session, "c");
    let journal = session.journal.as_ref().unwrap();
    assert_eq!(journal.log().len(), 1);
    let changes = &journal.log()[0].changes;
    assert!(
        matches!(&changes[0].target, crosscheck::annotate::Target::Claim { anchor, .. } if anchor.text.contains("45")),
        "{changes:?}"
    );
}

#[test]
fn a_note_that_cannot_be_saved_comes_back_to_be_saved_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, WAPO, FIFTY_FIVE);
    // A journal that cannot be written (as a full disk would refuse it; a directory in its
    // place refuses even root).
    let journal = session.journal.as_ref().unwrap().paths().journal.clone();
    std::fs::create_dir(&journal).unwrap();
    press(&mut session, "n");
    type_text(&mut session, "typed with care");
    press(&mut session, "esc");
    assert!(!session.app.view.layers.is_empty(), "the failure is shown");
    press(&mut session, "esc");
    match session.app.view.top() {
        Some(Layer::Editor(editor)) => assert_eq!(editor.fields[0].text(), "typed with care"),
        other => panic!("the note is not back in its editor: {other:?}"),
    }
    std::fs::remove_dir(&journal).unwrap();
    press(&mut session, "esc");
    let claim = session.app.selected_claim().unwrap().clone();
    assert_eq!(session.app.note_of(&claim).unwrap().note, "typed with care");
}

#[test]
fn the_tag_editor_keeps_a_tag_another_session_added_while_it_was_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = annotating_app(dir.path(), (100, 30), "ana");
    select_claim_with(&mut session, WAPO, FIFTY_FIVE);
    press(&mut session, "t");
    type_text(&mut session, "mine");
    // Another session tags the same claim meanwhile.
    let claim = session.app.selected_claim().unwrap().clone();
    let target = session.app.model.claim_target(&claim);
    let mut other = Journal::open(&dir.path().join("sample.ron"), "bo").unwrap();
    other
        .edit(vec![(
            target,
            crosscheck::annotate::Edit::Tags {
                add: ["theirs".to_string()].into(),
                remove: Default::default(),
            },
        )])
        .unwrap();
    press(&mut session, "enter");
    let tags = &session.app.note_of(&claim).unwrap().tags;
    assert_eq!(
        tags.iter().map(String::as_str).collect::<Vec<_>>(),
        ["mine", "theirs"]
    );
}
