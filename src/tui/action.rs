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
                info.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
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
