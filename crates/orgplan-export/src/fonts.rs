//! The fonts the PDF and PNG exports draw with, and text measurement in them.
//!
//! Fonts are not bundled (a CJK font is 15–20 MB a weight): the first of [`FAMILIES`] found on
//! the system is used — Noto Sans CJK SC or Source Han Sans SC on Linux, PingFang SC on macOS,
//! Microsoft YaHei on Windows. Its regular and bold files are read into memory once per process
//! (the exports of a whole plan share them) and put in a small font database of their own, so
//! usvg, resvg and krilla resolve every `font-family` of our SVG to exactly the faces measured
//! here. Without a CJK font the export fails with [`ExportError::NoFont`] rather than printing
//! boxes.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

use fontdb::{Database, Family, Query, Source, Weight, ID};
use ttf_parser::Face;

use crate::ExportError;

/// The families tried, in order: each a Simplified Chinese sans-serif that covers Latin too.
pub const FAMILIES: [&str; 7] = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
];

/// [`FAMILIES`] as a CSS `font-family` value, ending in `sans-serif`.
pub static CSS_FAMILIES: LazyLock<String> = LazyLock::new(|| {
    let mut list: Vec<String> = FAMILIES.iter().map(|f| format!("'{f}'")).collect();
    list.push("sans-serif".into());
    list.join(",")
});

/// Characters a font must have to count as Chinese: common ones from our documents.
const PROBE: [char; 4] = ['中', '岗', '职', '责'];

/// The chosen family, its database and its regular and bold faces.
pub(crate) struct Fonts {
    pub(crate) db: Arc<Database>,
    pub(crate) family: String,
    regular: Face<'static>,
    bold: Face<'static>,
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

/// The system's Chinese font, loaded on first use.
pub(crate) fn fonts() -> Result<&'static Fonts, ExportError> {
    FONTS
        .get_or_init(|| {
            let mut system = Database::new();
            system.load_system_fonts();
            Fonts::choose(&system)
        })
        .as_ref()
        .ok_or(ExportError::NoFont)
}

impl Fonts {
    /// The first of [`FAMILIES`] in `system` whose regular face has Chinese glyphs.
    fn choose(system: &Database) -> Option<Fonts> {
        FAMILIES.iter().find_map(|name| {
            let families = [Family::Name(name)];
            let query = |weight| Query {
                families: &families,
                weight,
                ..Query::default()
            };
            let regular = system.query(&query(Weight::NORMAL))?;
            let chinese = system.with_face_data(regular, |data, index| {
                Face::parse(data, index)
                    .is_ok_and(|f| PROBE.iter().all(|&c| f.glyph_index(c).is_some()))
            })?;
            if !chinese {
                return None;
            }
            let bold = system.query(&query(Weight::BOLD)).unwrap_or(regular);
            Fonts::load(system, name, regular, bold)
        })
    }

    fn load(system: &Database, family: &str, regular: ID, bold: ID) -> Option<Fonts> {
        let mut db = Database::new();
        // Each file once (regular and bold may share a collection).
        let mut files: HashMap<String, &'static [u8]> = HashMap::new();
        let mut face = |id: ID| -> Option<Face<'static>> {
            let (source, index) = system.face_source(id)?;
            let key = match &source {
                Source::File(path) | Source::SharedFile(path, _) => path.display().to_string(),
                Source::Binary(_) => format!("{id:?}"),
            };
            let data = match files.get(&key) {
                Some(data) => *data,
                None => {
                    let bytes = match source {
                        Source::File(path) | Source::SharedFile(path, _) => {
                            std::fs::read(path).ok()?
                        }
                        Source::Binary(data) => data.as_ref().as_ref().to_vec(),
                    };
                    // Kept for the life of the process, like a static: every later export
                    // borrows it, and the faces below refer to it.
                    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                    db.load_font_source(Source::Binary(Arc::new(data)));
                    files.insert(key, data);
                    data
                }
            };
            Face::parse(data, index).ok()
        };
        let regular = face(regular)?;
        let bold = face(bold)?;
        db.set_sans_serif_family(family);
        Some(Fonts {
            db: Arc::new(db),
            family: family.to_string(),
            regular,
            bold,
        })
    }

    fn face(&self, bold: bool) -> &Face<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The advance of `c` in em (missing glyphs: the .notdef box's advance).
    pub(crate) fn advance(&self, c: char, bold: bool) -> f32 {
        let face = self.face(bold);
        let c = if c == '\t' { ' ' } else { c };
        let glyph = face.glyph_index(c).unwrap_or_default();
        f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / f32::from(face.units_per_em())
    }

    /// The width of `text` at `size`, the way it is set: glyph advances, no kerning.
    pub(crate) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        text.chars().map(|c| self.advance(c, bold)).sum::<f32>() * size
    }

    /// `text` cut to `width` with an ellipsis (for running headers and labels only: the full
    /// text is printed elsewhere).
    pub(crate) fn ellipsize(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size, false) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        let mut w = self.width("…", size, false);
        for c in text.chars() {
            w += self.advance(c, false) * size;
            if w > width {
                break;
            }
            out.push(c);
        }
        out.push('…');
        out
    }

    /// Options for usvg that resolve our `font-family` lists to these fonts.
    pub(crate) fn usvg_options(&self) -> resvg::usvg::Options<'static> {
        resvg::usvg::Options {
            fontdb: self.db.clone(),
            font_family: self.family.clone(),
            ..resvg::usvg::Options::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_chinese_font_there_are_no_fonts() {
        assert!(Fonts::choose(&Database::new()).is_none());
        let mut latin = Database::new();
        latin.load_fonts_dir("/usr/share/fonts/truetype/dejavu");
        assert!(Fonts::choose(&latin).is_none());
    }

    #[test]
    fn css_families_list_every_family() {
        for f in FAMILIES {
            assert!(CSS_FAMILIES.contains(&format!("'{f}'")));
        }
        assert!(CSS_FAMILIES.ends_with(",sans-serif"));
    }
}
