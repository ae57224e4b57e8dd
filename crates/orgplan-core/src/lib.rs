//! OrgPlan's domain core: the model of an e-commerce operations team, the edits a user can make,
//! the invariants that guard them, validation findings, the plan file, the built-in templates
//! and role library, and the chart layout.
//!
//! **This crate does no IO.** The store (`orgplan-store`) loads and saves; templates are
//! embedded at build time.

pub mod cascade;
pub mod change;
pub mod check;
pub mod compare;
pub mod cost;
pub mod edit;
pub mod error;
pub mod fields;
pub mod file;
pub mod generate;
pub mod layout;
pub mod merge;
pub mod model;
pub mod periods;
pub mod render;
pub mod staffing;
pub mod templates;
pub mod validate;

pub use edit::{apply, DepartmentPatch, Edit, PersonPatch, PlanPatch, PositionPatch};
pub use error::{EditError, Problem};
pub use model::*;
pub use validate::{validate, Finding, Severity};
