//! The terminal interface, as update/view. Where things are (see `docs/architecture.md`):
//!
//! - [`action`]: every action, declared once.
//! - [`config`]: the key map and the theme, as data.
//! - [`app`]: the model, the view state, the layers and the effects — no I/O.
//! - [`update`]: events → actions → changes of the app, returning effects.
//! - [`panes`], [`layers`] and [`view`]: drawing, a pure function of the app.
//! - [`runtime`]: the terminal, the workers, and the loop that performs the effects.

pub mod action;
pub mod app;
pub mod config;
pub mod layers;
pub mod panes;
pub mod runtime;
pub mod update;
pub mod view;

pub use app::{App, Document};
pub use runtime::{Session, run};
