//! OrgPlan's integration tests, in one binary.

mod common;
mod consultant;
mod corpus;
mod desktop_config;
mod edits;
mod fields;
mod generated;
mod plan_file;
mod props;
mod roster;
mod staffing;
mod store;
mod store_health;
mod templates;
mod validation;
