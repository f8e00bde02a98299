//! Every action, declared once: the enum, its ids in key map files, titles, hint labels and
//! help groups all come from the one [`actions!`] list, so the key map, the help, the hints
//! and the palette can never disagree, and an action without its description does not
//! compile.

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
    /// Windows that take text: forms, search, the palette and the pickers.
    Windows,
    /// Rarely wanted, run by name from the palette, no key needed (themes).
    Commands,
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
            ActionGroup::Windows => "Forms, search, palette and pickers",
            ActionGroup::Commands => "From the palette",
        }
    }
}

/// What the list knows of an action.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    /// The action.
    pub action: Action,
    /// Its name in key map files (`snake_case`).
    pub id: &'static str,
    /// What it does, for the help overlay and the palette.
    pub title: &'static str,
    /// A word or two for the status bar.
    pub label: &'static str,
    /// Its group in the help overlay.
    pub group: ActionGroup,
}

/// Declares every action at once, by group: `Name "id" "label" "title";`. Yields the
/// [`Action`] enum (documented by its titles), [`ACTIONS`] in help order, and
/// [`Action::info`], an exhaustive match: leaving out an id, a label or a title is a
/// compile error, not a panic at run time.
macro_rules! actions {
    ($($group:ident { $($action:ident $id:literal $label:literal $title:literal;)* })*) => {
        /// A named thing the user can do. Keys map to these; `update` carries them out.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($(#[doc = $title] $action,)*)*
        }

        /// Every action, in help order.
        pub const ACTIONS: &[ActionInfo] = &[$($(ActionInfo {
            action: Action::$action,
            id: $id,
            title: $title,
            label: $label,
            group: ActionGroup::$group,
        },)*)*];

        impl Action {
            /// The declaration of this action.
            pub const fn info(self) -> &'static ActionInfo {
                match self {
                    $($(Action::$action => &ActionInfo {
                        action: Action::$action,
                        id: $id,
                        title: $title,
                        label: $label,
                        group: ActionGroup::$group,
                    },)*)*
                }
            }
        }
    };
}

actions! {
    Navigation {
        MoveDown "move_down" "down"
            "Move down one line";
        MoveUp "move_up" "up"
            "Move up one line";
        PageDown "page_down" "page down"
            "Move down one screen";
        PageUp "page_up" "page up"
            "Move up one screen";
        MoveTop "move_top" "top"
            "Go to the first line";
        MoveBottom "move_bottom" "bottom"
            "Go to the last line";
    }
    Panes {
        FocusNext "focus_next" "next pane"
            "Focus the next pane";
        FocusPrev "focus_prev" "previous pane"
            "Focus the previous pane";
        FocusArticles "focus_articles" "articles"
            "Focus the article list";
        FocusClaims "focus_claims" "claims"
            "Focus the claims";
        FocusComparison "focus_comparison" "comparison"
            "Focus the comparison of sources";
        FocusReader "focus_reader" "reader"
            "Focus the reader (the selected article's text)";
        Zoom "zoom" "zoom"
            "Let the focused pane fill the screen (again: back)";
    }
    Articles {
        Open "open" "open"
            "Open the article in the reader, show a claim (or a slot's next value) in its text, or fold/unfold an incident";
        ToggleGroup "toggle_group" "fold"
            "Fold or unfold the incident";
        Collapse "collapse" "fold"
            "Fold the incident (from an article: go to its incident)";
        Expand "expand" "unfold"
            "Unfold the incident";
        CollapseAll "collapse_all" "fold all"
            "Fold every incident";
        ExpandAll "expand_all" "unfold all"
            "Unfold every incident";
        JumpToSlot "jump_to_slot" "slot"
            "Show the claim's slot in the comparison of sources";
        SideBySide "side_by_side" "side by side"
            "Show two reports side by side, reused passages aligned";
        NextSource "next_source" "next report"
            "Side by side: the next report on the right";
        PrevSource "prev_source" "previous report"
            "Side by side: the previous report on the right";
        MoveReport "move_report" "move"
            "Move the selected report to another incident";
        AddToIncident "add_to_incident" "add to"
            "Add the selected report to a second incident it also covers";
        SplitReport "split_report" "split off"
            "Split the selected report off into a new incident";
        MergeIncident "merge_incident" "merge"
            "Merge the selected incident into another";
        EditIncident "edit_incident" "edit incident"
            "Edit the selected incident's title, date and place";
        SortList "sort_list" "sort"
            "Sort the articles: by date, outlet, incident title, review progress (round)";
        FilterList "filter_list" "filter"
            "Filter the articles: outlet:afp date:2017-10 incident:oasis progress:todo, words of the headline (Esc clears)";
    }
    Claims {
        VerdictConfirmed "verdict_confirmed" "confirmed"
            "Verdict: confirmed";
        VerdictDisputed "verdict_disputed" "disputed"
            "Verdict: disputed";
        VerdictFalse "verdict_false" "false"
            "Verdict: false";
        VerdictError "verdict_extraction_error" "extraction error"
            "Verdict: extraction error (the text does not say this; left out of comparisons)";
        VerdictUncertain "verdict_uncertain" "uncertain"
            "Verdict: uncertain";
        VerdictClear "verdict_unreviewed" "unreviewed"
            "Verdict: back to unreviewed";
        ConfirmedNext "confirmed_and_next" "confirm+next"
            "Verdict confirmed, then the next unreviewed claim";
        DisputedNext "disputed_and_next" "dispute+next"
            "Verdict disputed, then the next unreviewed claim";
        FalseNext "false_and_next" "false+next"
            "Verdict false, then the next unreviewed claim";
        ErrorNext "extraction_error_and_next" "error+next"
            "Verdict extraction error, then the next unreviewed claim";
        UncertainNext "uncertain_and_next" "uncertain+next"
            "Verdict uncertain, then the next unreviewed claim";
        Grade1 "grade_1" "grade 1"
            "Credibility 1: confirmed by other sources";
        Grade2 "grade_2" "grade 2"
            "Credibility 2: probably true";
        Grade3 "grade_3" "grade 3"
            "Credibility 3: possibly true";
        Grade4 "grade_4" "grade 4"
            "Credibility 4: doubtful";
        Grade5 "grade_5" "grade 5"
            "Credibility 5: improbable";
        Grade6 "grade_6" "grade 6"
            "Credibility 6: truth cannot be judged";
        GradeClear "grade_clear" "no grade"
            "Clear the credibility grade";
        AcceptSuggestion "accept_suggestion" "accept 1"
            "Take the suggested grade (1 when an independent origin agrees)";
        EditNote "edit_note" "note"
            "Edit the claim's note (several lines)";
        EditTags "edit_tags" "tags"
            "Edit the claim's tags";
        EditCorrected "edit_corrected" "correct"
            "Edit the claim's corrected value";
        MarkLink "mark_link" "mark"
            "Mark the claim, to link another to it";
        LinkMarked "link_marked" "link"
            "Link (or unlink) the claim with the marked one: same fact";
        NextUnreviewed "next_unreviewed" "next unreviewed"
            "Go to the next unreviewed claim (on to the next report)";
        PrevUnreviewed "prev_unreviewed" "prev unreviewed"
            "Go to the previous unreviewed claim";
        FilterClaims "filter_claims" "filter"
            "Filter the claims (verdict:disputed tag:toll kind:casualty, words); on a source, its claims still to review";
        Undo "undo" "undo"
            "Undo the last annotation action";
        Redo "redo" "redo"
            "Redo the last undone action";
    }
    Assessment {
        SourceA "source_a" "source A"
            "Source reliability A: completely reliable";
        SourceB "source_b" "source B"
            "Source reliability B: usually reliable";
        SourceC "source_c" "source C"
            "Source reliability C: fairly reliable";
        SourceD "source_d" "source D"
            "Source reliability D: not usually reliable";
        SourceE "source_e" "source E"
            "Source reliability E: unreliable";
        SourceF "source_f" "source F"
            "Source reliability F: cannot be judged";
        SourceClear "source_clear" "no grade"
            "Clear the source's reliability";
        EditSourceNote "edit_source_note" "source note"
            "Edit the note on the report's source";
        StatusOpen "status_open" "open"
            "Conflict status: open";
        StatusConfirmed "status_confirmed" "confirmed"
            "Conflict status: confirmed";
        StatusDismissed "status_dismissed" "dismissed"
            "Conflict status: dismissed";
        StatusInvestigating "status_investigating" "investigating"
            "Conflict status: investigating";
        EditAssessment "edit_assessment" "assess"
            "Assess the slot: best value, range, rationale";
        Sources "sources" "sources"
            "Show the incident's sources: grade, origin and why, whom they cite, what each gives";
        Timeline "timeline" "timeline"
            "Show the selected slot's values in order of publication, as a chart";
        ReviewQueue "review_queue" "review queue"
            "Show the claims still to review (unreviewed, disputed, uncertain), filtered with /";
        QueueScope "queue_scope" "incident/file"
            "Review queue: the whole file, or the incident again";
        MergeSlot "merge_slot" "merge"
            "Merge the slot (an actor or a means) into another that names the same thing, or set one merged into it apart";
        ColumnsLeft "columns_left" "◀ sources"
            "Matrix: show the sources to the left";
        ColumnsRight "columns_right" "sources ▶"
            "Matrix: show the sources to the right";
        ExcludeValue "exclude_value" "leave out"
            "Leave a value out of its slot, with a reason (the claim stays; again: put it back)";
    }
    Visual {
        Visual "visual" "select"
            "Select text in the reader to make a claim of it";
        WordNext "word_next" "word →"
            "Move the selection's end to the next word";
        WordPrev "word_prev" "word ←"
            "Move the selection's end to the previous word";
        SentenceNext "sentence_next" "sentence →"
            "Move the selection's end to the end of the sentence";
        SentencePrev "sentence_prev" "sentence ←"
            "Move the selection's end to the start of the sentence";
        SwapEnds "swap_ends" "swap ends"
            "Swap the ends of the selection";
        MakeClaim "make_claim" "make claim"
            "Make a claim of the selection";
    }
    General {
        Search "search" "search"
            "Search headlines, text, claims, notes and tags";
        NextHit "next_hit" "next hit"
            "Go to the search's next hit";
        PrevHit "prev_hit" "previous hit"
            "Go to the search's previous hit";
        ClearSearch "clear_search" "end search"
            "Stop walking the search's hits and close the reader they opened";
        Palette "palette" "commands"
            "Run a command by name";
        Export "export" "export"
            "Export the brief of the incident (Markdown, beside the data file)";
        AuditLog "audit_log" "log"
            "Show the audit log";
        Orphans "orphans" "orphans"
            "Show annotations whose claims are gone";
        Help "help" "help"
            "Show or hide this help";
        Back "back" "back"
            "Close the window or the reader, end the zoom, clear the claim filter (never quits)";
        Quit "quit" "quit"
            "Quit (everything is saved as it is made)";
    }
    Windows {
        Submit "submit" "ok"
            "Accept: a form's field (then the next field, or save on the last), the chosen hit, command or incident; a new line in a note";
        Save "save" "save"
            "Save the whole form and close it";
        Cancel "cancel" "close"
            "Close the window (a note written at length is saved, never thrown away)";
        NextField "next_field" "next field"
            "Go to the form's next field";
        PrevField "prev_field" "previous field"
            "Go to the form's previous field";
        SelectNext "select_next" "next"
            "Select the next item of the list";
        SelectPrev "select_prev" "previous"
            "Select the previous item of the list";
        SaidBy "said_by" "said by"
            "Say who the report says said the claim being made";
        LineStart "line_start" "line start"
            "Text: to the start of the line";
        LineEnd "line_end" "line end"
            "Text: to the end of the line";
        WordBack "word_back" "word back"
            "Text: back one word";
        WordForward "word_forward" "word forward"
            "Text: forward one word";
        DeleteToStart "delete_to_start" "delete to start"
            "Text: delete to the start of the line";
        DeleteToEnd "delete_to_end" "delete to end"
            "Text: delete to the end of the line";
        DeleteWord "delete_word" "delete word"
            "Text: delete the word before the cursor";
    }
    Commands {
        ThemeDefault "theme_default" "default theme"
            "Theme: the terminal's own colours (remembered)";
        ThemeDark "theme_dark" "dark theme"
            "Theme: dark, for dark backgrounds (remembered)";
        ThemeLight "theme_light" "light theme"
            "Theme: light, for light backgrounds (remembered)";
        ThemeHighContrast "theme_high_contrast" "high-contrast theme"
            "Theme: high contrast (remembered)";
    }
}

impl Action {
    /// The action named `id` in key map files.
    pub fn from_id(id: &str) -> Option<Action> {
        ACTIONS.iter().find(|i| i.id == id).map(|i| i.action)
    }

    /// True for the actions of windows that take text, which the palette does not offer
    /// (they act on the window the palette replaces).
    pub fn in_palette(self) -> bool {
        self.info().group != ActionGroup::Windows
    }

    /// True for the actions run by name from the palette, which need no key.
    pub fn palette_only(self) -> bool {
        self.info().group == ActionGroup::Commands
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
            assert_eq!(info.action.info().id, info.id);
            assert!(
                ACTIONS[..n]
                    .iter()
                    .all(|o| o.id != info.id && o.action != info.action)
            );
        }
    }
}
