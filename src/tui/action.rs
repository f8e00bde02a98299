//! Every bindable action, in one registry: the key map, the help overlay and the status-bar
//! hints are all generated from it, so they can never disagree.

/// A named thing the user can do. Keys map to these; `update` carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Move the selection (or scroll) one line up.
    MoveUp,
    /// Move the selection (or scroll) one line down.
    MoveDown,
    /// Go to the first line.
    MoveTop,
    /// Go to the last line.
    MoveBottom,
    /// One screen up.
    PageUp,
    /// One screen down.
    PageDown,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Let the focused pane fill the screen, or give the others back their place.
    Zoom,
    /// Open the selected article in the reader, show the selected claim in its text, or
    /// fold/unfold the selected incident.
    Open,
    /// Fold or unfold the selected incident.
    ToggleGroup,
    /// Show the selected claim's slot in the comparison.
    JumpToSlot,
    /// Show two reports of the incident side by side.
    SideBySide,
    /// Show the next report on the right of the side-by-side view.
    NextSource,
    /// Show the previous report on the right of the side-by-side view.
    PrevSource,
    /// Fold the selected incident (from an article: go to its incident).
    Collapse,
    /// Unfold the selected incident.
    Expand,
    /// Fold every incident.
    CollapseAll,
    /// Unfold every incident.
    ExpandAll,
    /// Mark the claim confirmed.
    VerdictConfirmed,
    /// Mark the claim disputed.
    VerdictDisputed,
    /// Mark the claim false.
    VerdictFalse,
    /// Mark the claim an extraction error (left out of comparisons).
    VerdictError,
    /// Mark the claim uncertain.
    VerdictUncertain,
    /// Mark the claim unreviewed again.
    VerdictClear,
    /// Mark confirmed and go to the next unreviewed claim.
    ConfirmedNext,
    /// Mark disputed and go to the next unreviewed claim.
    DisputedNext,
    /// Mark false and go to the next unreviewed claim.
    FalseNext,
    /// Mark an extraction error and go to the next unreviewed claim.
    ErrorNext,
    /// Mark uncertain and go to the next unreviewed claim.
    UncertainNext,
    /// Credibility 1: confirmed by other sources.
    Grade1,
    /// Credibility 2: probably true.
    Grade2,
    /// Credibility 3: possibly true.
    Grade3,
    /// Credibility 4: doubtful.
    Grade4,
    /// Credibility 5: improbable.
    Grade5,
    /// Credibility 6: cannot be judged.
    Grade6,
    /// Clear the credibility grade.
    GradeClear,
    /// Take the grade crosscheck suggests.
    AcceptSuggestion,
    /// Edit the claim's note.
    EditNote,
    /// Edit the claim's tags.
    EditTags,
    /// Edit the claim's corrected value.
    EditCorrected,
    /// Mark the claim to link another to it.
    MarkLink,
    /// Link (or unlink) the claim and the marked one.
    LinkMarked,
    /// Go to the next unreviewed claim.
    NextUnreviewed,
    /// Go to the previous unreviewed claim.
    PrevUnreviewed,
    /// Filter the claims by verdict, tag and kind.
    FilterClaims,
    /// Source reliability A.
    SourceA,
    /// Source reliability B.
    SourceB,
    /// Source reliability C.
    SourceC,
    /// Source reliability D.
    SourceD,
    /// Source reliability E.
    SourceE,
    /// Source reliability F.
    SourceF,
    /// Clear the source's reliability.
    SourceClear,
    /// Edit the note on the source.
    EditSourceNote,
    /// Conflict status: open.
    StatusOpen,
    /// Conflict status: confirmed.
    StatusConfirmed,
    /// Conflict status: dismissed.
    StatusDismissed,
    /// Conflict status: investigating.
    StatusInvestigating,
    /// Edit the slot's assessment.
    EditAssessment,
    /// Move the selected report to another incident.
    MoveReport,
    /// Add the selected report to a second incident.
    AddToIncident,
    /// Split the selected report off into a new incident.
    SplitReport,
    /// Merge the selected incident into another.
    MergeIncident,
    /// Edit the selected incident's title, date and place.
    EditIncident,
    /// Undo the last annotation action.
    Undo,
    /// Redo the last undone action.
    Redo,
    /// Start selecting text in the reader, to make a claim of it.
    Visual,
    /// Visual mode: move the cursor to the next word.
    WordNext,
    /// Visual mode: move the cursor to the previous word.
    WordPrev,
    /// Visual mode: move the cursor to the end of the sentence.
    SentenceNext,
    /// Visual mode: move the cursor to the start of the sentence.
    SentencePrev,
    /// Visual mode: swap the ends of the selection.
    SwapEnds,
    /// Visual mode: make a claim of the selection.
    MakeClaim,
    /// Search headlines, text, claims, notes and tags.
    Search,
    /// Open the command palette.
    Palette,
    /// Export the brief of the incident.
    Export,
    /// Show the audit log.
    AuditLog,
    /// Show annotations whose claims are gone.
    Orphans,
    /// Show the keys.
    Help,
    /// Close the top overlay or the reader; quit when there is nothing to close.
    Back,
    /// Quit at once.
    Quit,
}

/// How actions are grouped in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionGroup {
    /// Moving within a pane.
    Navigation,
    /// Moving between panes.
    Panes,
    /// The article list.
    Articles,
    /// Annotating claims.
    Claims,
    /// Grading sources and assessing conflicts.
    Assessment,
    /// Making claims from the text.
    Visual,
    /// Help, going back, quitting.
    General,
}

impl ActionGroup {
    /// Heading shown in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            ActionGroup::Navigation => "Navigation",
            ActionGroup::Panes => "Panes",
            ActionGroup::Articles => "Article list",
            ActionGroup::Claims => "Annotating claims",
            ActionGroup::Assessment => "Sources, conflicts, assessments",
            ActionGroup::Visual => "Making a claim from the text (visual mode)",
            ActionGroup::General => "General",
        }
    }
}

/// What the registry knows of an action.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    /// The action.
    pub action: Action,
    /// Its name in key map files (`snake_case`).
    pub id: &'static str,
    /// What it does, for the help overlay.
    pub title: &'static str,
    /// A word or two for the status bar.
    pub label: &'static str,
    /// Its group in the help overlay.
    pub group: ActionGroup,
}

macro_rules! registry {
    ($($action:ident, $id:literal, $group:ident, $label:literal, $title:literal;)*) => {
        /// Every action, in help-overlay order.
        pub const ACTIONS: &[ActionInfo] = &[$(ActionInfo {
            action: Action::$action,
            id: $id,
            title: $title,
            label: $label,
            group: ActionGroup::$group,
        }),*];
    };
}

registry! {
    MoveDown, "move_down", Navigation, "down", "Move down one line";
    MoveUp, "move_up", Navigation, "up", "Move up one line";
    PageDown, "page_down", Navigation, "page down", "Move down one screen";
    PageUp, "page_up", Navigation, "page up", "Move up one screen";
    MoveTop, "move_top", Navigation, "top", "Go to the first line";
    MoveBottom, "move_bottom", Navigation, "bottom", "Go to the last line";
    FocusNext, "focus_next", Panes, "next pane", "Focus the next pane";
    FocusPrev, "focus_prev", Panes, "previous pane", "Focus the previous pane";
    Zoom, "zoom", Panes, "zoom", "Let the focused pane fill the screen (again: back)";
    Open, "open", Articles, "open", "Open the article in the reader, show a claim (or a slot's next value) in its text, or fold/unfold an incident";
    ToggleGroup, "toggle_group", Articles, "fold", "Fold or unfold the incident";
    Collapse, "collapse", Articles, "fold", "Fold the incident (from an article: go to its incident)";
    Expand, "expand", Articles, "unfold", "Unfold the incident";
    CollapseAll, "collapse_all", Articles, "fold all", "Fold every incident";
    ExpandAll, "expand_all", Articles, "unfold all", "Unfold every incident";
    JumpToSlot, "jump_to_slot", Articles, "slot", "Show the claim's slot in the comparison of sources";
    SideBySide, "side_by_side", Articles, "side by side", "Show two reports side by side, reused passages aligned";
    NextSource, "next_source", Articles, "next report", "Side by side: the next report on the right";
    PrevSource, "prev_source", Articles, "previous report", "Side by side: the previous report on the right";
    VerdictConfirmed, "verdict_confirmed", Claims, "confirmed", "Verdict: confirmed";
    VerdictDisputed, "verdict_disputed", Claims, "disputed", "Verdict: disputed";
    VerdictFalse, "verdict_false", Claims, "false", "Verdict: false";
    VerdictError, "verdict_extraction_error", Claims, "extraction error", "Verdict: extraction error (the text does not say this; left out of comparisons)";
    VerdictUncertain, "verdict_uncertain", Claims, "uncertain", "Verdict: uncertain";
    VerdictClear, "verdict_unreviewed", Claims, "unreviewed", "Verdict: back to unreviewed";
    ConfirmedNext, "confirmed_and_next", Claims, "confirm+next", "Verdict confirmed, then the next unreviewed claim";
    DisputedNext, "disputed_and_next", Claims, "dispute+next", "Verdict disputed, then the next unreviewed claim";
    FalseNext, "false_and_next", Claims, "false+next", "Verdict false, then the next unreviewed claim";
    ErrorNext, "extraction_error_and_next", Claims, "error+next", "Verdict extraction error, then the next unreviewed claim";
    UncertainNext, "uncertain_and_next", Claims, "uncertain+next", "Verdict uncertain, then the next unreviewed claim";
    Grade1, "grade_1", Claims, "grade 1", "Credibility 1: confirmed by other sources";
    Grade2, "grade_2", Claims, "grade 2", "Credibility 2: probably true";
    Grade3, "grade_3", Claims, "grade 3", "Credibility 3: possibly true";
    Grade4, "grade_4", Claims, "grade 4", "Credibility 4: doubtful";
    Grade5, "grade_5", Claims, "grade 5", "Credibility 5: improbable";
    Grade6, "grade_6", Claims, "grade 6", "Credibility 6: truth cannot be judged";
    GradeClear, "grade_clear", Claims, "no grade", "Clear the credibility grade";
    AcceptSuggestion, "accept_suggestion", Claims, "accept 1", "Take the suggested grade (1 when an independent origin agrees)";
    EditNote, "edit_note", Claims, "note", "Edit the claim's note (several lines)";
    EditTags, "edit_tags", Claims, "tags", "Edit the claim's tags";
    EditCorrected, "edit_corrected", Claims, "correct", "Edit the claim's corrected value";
    MarkLink, "mark_link", Claims, "mark", "Mark the claim, to link another to it";
    LinkMarked, "link_marked", Claims, "link", "Link (or unlink) the claim with the marked one: same fact";
    NextUnreviewed, "next_unreviewed", Claims, "next unreviewed", "Go to the next unreviewed claim (on to the next report)";
    PrevUnreviewed, "prev_unreviewed", Claims, "prev unreviewed", "Go to the previous unreviewed claim";
    FilterClaims, "filter_claims", Claims, "filter", "Filter the claims (verdict:disputed tag:toll kind:casualty, words)";
    SourceA, "source_a", Assessment, "source A", "Source reliability A: completely reliable";
    SourceB, "source_b", Assessment, "source B", "Source reliability B: usually reliable";
    SourceC, "source_c", Assessment, "source C", "Source reliability C: fairly reliable";
    SourceD, "source_d", Assessment, "source D", "Source reliability D: not usually reliable";
    SourceE, "source_e", Assessment, "source E", "Source reliability E: unreliable";
    SourceF, "source_f", Assessment, "source F", "Source reliability F: cannot be judged";
    SourceClear, "source_clear", Assessment, "no grade", "Clear the source's reliability";
    EditSourceNote, "edit_source_note", Assessment, "source note", "Edit the note on the report's source";
    StatusOpen, "status_open", Assessment, "open", "Conflict status: open";
    StatusConfirmed, "status_confirmed", Assessment, "confirmed", "Conflict status: confirmed";
    StatusDismissed, "status_dismissed", Assessment, "dismissed", "Conflict status: dismissed";
    StatusInvestigating, "status_investigating", Assessment, "investigating", "Conflict status: investigating";
    EditAssessment, "edit_assessment", Assessment, "assess", "Assess the slot: best value, range, rationale";
    MoveReport, "move_report", Articles, "move", "Move the selected report to another incident";
    AddToIncident, "add_to_incident", Articles, "add to", "Add the selected report to a second incident it also covers";
    SplitReport, "split_report", Articles, "split off", "Split the selected report off into a new incident";
    MergeIncident, "merge_incident", Articles, "merge", "Merge the selected incident into another";
    EditIncident, "edit_incident", Articles, "edit incident", "Edit the selected incident's title, date and place";
    Undo, "undo", Claims, "undo", "Undo the last annotation action";
    Redo, "redo", Claims, "redo", "Redo the last undone action";
    Visual, "visual", Visual, "select", "Select text in the reader to make a claim of it";
    WordNext, "word_next", Visual, "word →", "Move the selection's end to the next word";
    WordPrev, "word_prev", Visual, "word ←", "Move the selection's end to the previous word";
    SentenceNext, "sentence_next", Visual, "sentence →", "Move the selection's end to the end of the sentence";
    SentencePrev, "sentence_prev", Visual, "sentence ←", "Move the selection's end to the start of the sentence";
    SwapEnds, "swap_ends", Visual, "swap ends", "Swap the ends of the selection";
    MakeClaim, "make_claim", Visual, "make claim", "Make a claim of the selection";
    Search, "search", General, "search", "Search headlines, text, claims, notes and tags";
    Palette, "palette", General, "commands", "Run a command by name";
    Export, "export", General, "export", "Export the brief of the incident (Markdown, beside the data file)";
    AuditLog, "audit_log", General, "log", "Show the audit log";
    Orphans, "orphans", General, "orphans", "Show annotations whose claims are gone";
    Help, "help", General, "help", "Show or hide this help";
    Back, "back", General, "back/quit", "Close the overlay or the reader; quit from the main screen";
    Quit, "quit", General, "quit", "Quit at once";
}

impl Action {
    /// The registry entry of this action.
    pub fn info(self) -> &'static ActionInfo {
        ACTIONS
            .iter()
            .find(|i| i.action == self)
            .expect("every action is in the registry")
    }

    /// The action named `id` in key map files.
    pub fn from_id(id: &str) -> Option<Action> {
        ACTIONS.iter().find(|i| i.id == id).map(|i| i.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_resolve_back() {
        for (n, info) in ACTIONS.iter().enumerate() {
            assert!(
                info.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                info.id
            );
            assert_eq!(Action::from_id(info.id), Some(info.action));
            assert!(
                ACTIONS[..n]
                    .iter()
                    .all(|o| o.id != info.id && o.action != info.action)
            );
        }
    }
}
