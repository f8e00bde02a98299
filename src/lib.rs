//! crosscheck: a terminal workbench for analysts who compare several reports of one incident.
//!
//! The engine is layered, each layer using only those before it:
//! [`model`] (plain data) → [`store`] (RON load, validate, save) → [`article_index`] (articles
//! grouped by incident) → the front ends, [`tui`] and [`cli`]. The engine has no terminal code.

#![forbid(unsafe_code)]

pub mod annotate;
pub mod article_index;
pub mod batch;
pub mod cli;
pub mod compare;
pub mod config;
pub mod eval;
pub mod extract;
pub mod generate;
pub mod import;
pub mod model;
pub mod sample;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
