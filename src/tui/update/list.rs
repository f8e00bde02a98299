//! Arranging the article list: the order (cycled with one key) and the filter (typed in a
//! form, cleared with Esc). The selected report stays selected when it is still listed.

use super::fit::fit;
use super::navigation::after_list_moved;
use crate::tui::app::arrange::{ListFilter, ListOrder, arrange};
use crate::tui::app::{App, Row};

/// The next order of the list.
pub fn sort(app: &mut App) {
    app.view.list.order = app.view.list.order.next();
    rearrange(app);
    app.view.status = Some(format!("articles by {}", app.view.list.order.name()));
}

/// Filter the list by what was typed; empty: no filter.
pub fn set_filter(app: &mut App, text: &str) {
    if text.trim().is_empty() {
        clear_filter(app);
        return;
    }
    match ListFilter::parse(text) {
        Ok(f) => {
            app.view.list.filter = Some(f);
            rearrange(app);
            let shown = app
                .view
                .list
                .rows
                .iter()
                .filter(|r| matches!(r, Row::Article { .. }))
                .count();
            app.view.status = Some(format!("{shown} article row(s) match"));
        }
        Err(e) => app.view.status = Some(e),
    }
}

/// Drop the list's filter.
pub fn clear_filter(app: &mut App) {
    app.view.list.filter = None;
    rearrange(app);
    app.view.status = Some("article filter cleared".into());
}

/// The list's arrangement for its order and filter: `None` for the index as filed.
pub fn arrangement(app: &App) -> Option<Vec<(usize, Vec<usize>)>> {
    let list = &app.view.list;
    let plain = list.order == ListOrder::Date && list.filter.is_none();
    (!plain).then(|| arrange(&app.model, list.order, list.filter.as_ref()))
}

/// Arrange the list again for its order and filter, keeping the selected report (or its
/// incident) selected when it is still listed.
pub fn rearrange(app: &mut App) {
    let arranged = arrangement(app);
    let list = &mut app.view.list;
    list.arranged = arranged;
    list.rebuild(&app.model.doc.index);
    list.offset = 0;
    // A report filtered away leaves its heading selected: the first report listed is more use.
    if !matches!(list.selected_row(), Some(Row::Article { .. }))
        && let Some(first) = list
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { .. }))
    {
        list.selected = first;
    }
    after_list_moved(app);
    fit(app);
}
