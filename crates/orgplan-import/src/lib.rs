//! Reading a team from the files other tools write. A roster (花名册) exported from 钉钉,
//! 飞书, 企业微信 or kept by HR in Excel is read as a table of text ([`table::read`]) whose
//! columns are recognised by their headers ([`columns::Mapping::detect`]) or mapped by the
//! user. No IO: callers pass the file's bytes.

pub mod build;
pub mod columns;
pub mod table;

pub use build::{build, match_role, Built, Options, Problem, ProblemKind};
pub use columns::{field_of, parse_override, ColumnField, Field, MapError, Mapping};
pub use table::{read, Format, ReadError, Row, Table, MAX_ROSTER_BYTES};
