//! The chart as a PNG: [`crate::svg::chart`] rasterised by resvg, with the system's Chinese font
//! ([`crate::fonts`]).

use orgplan_core::{Lang, PlanDoc};
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg;

use crate::fonts::fonts;
use crate::ExportError;

/// Pixels per chart unit: twice the SVG's size, sharp on high-density screens and in slides.
pub const SCALE: f32 = 2.0;
/// The most pixels an image may have (about 256 MB of RGBA while it is drawn); a larger chart is
/// drawn at the scale that fits.
pub const MAX_PIXELS: f32 = 64_000_000.0;

fn build_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Build("png", e.to_string())
}

/// The scale a chart of `width` × `height` units is drawn at: [`SCALE`], or less to stay within
/// [`MAX_PIXELS`].
pub fn scale(width: f32, height: f32) -> f32 {
    SCALE.min((MAX_PIXELS / (width * height)).sqrt())
}

/// The chart as a PNG image on white, at twice the SVG's width and height ([`SCALE`]; a chart so
/// large that this would pass [`MAX_PIXELS`] is drawn smaller).
pub fn chart(doc: &PlanDoc, lang: Lang, names: bool) -> Result<Vec<u8>, ExportError> {
    let fonts = fonts()?;
    let svg = crate::svg::chart(doc, lang, names);
    let tree = usvg::Tree::from_str(&svg, &fonts.usvg_options()).map_err(build_error)?;
    let size = tree.size();
    let s = scale(size.width(), size.height());
    let (w, h) = (
        (size.width() * s).ceil() as u32,
        (size.height() * s).ceil() as u32,
    );
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| build_error(format!("{w}×{h} pixels")))?;
    pixmap.fill(Color::WHITE);
    resvg::render(&tree, Transform::from_scale(s, s), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(build_error)
}
