//! Line breaking for the pages we set ourselves (the PDF job descriptions).
//!
//! Text is measured with the font it is printed in ([`Fonts::width`]). A line may break
//! between any two Chinese (wide) characters and at spaces; a Latin word longer than a line is
//! broken between characters, so no text is ever cut off. Closing punctuation (，。、）》 …) never
//! starts a line and opening punctuation (（《“ …) never ends one. A newline in the text starts
//! a new line.

use crate::fonts::Fonts;
use crate::model::is_wide;

/// How a run of text is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    pub bold: bool,
    pub color: &'static str,
}

/// Text in one style, `x` from the start of its line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    pub text: String,
    pub style: Style,
    pub x: f32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

#[cfg(test)]
impl Line {
    pub(crate) fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Characters that never start a line.
fn no_start(c: char) -> bool {
    "，。、；：？！）】》」』〕〉”’％…,.;:?!)]}%".contains(c)
}

/// Characters that never end a line.
fn no_end(c: char) -> bool {
    "（【《「『〔〈“‘([{".contains(c)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Space,
    Newline,
}

/// A unit of text that is never broken inside (except when it alone is wider than a line).
#[derive(Debug)]
struct Atom {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Breaks `runs` into lines at most `width` wide at font size `size`.
pub(crate) fn wrap(fonts: &Fonts, runs: &[(&str, Style)], size: f32, width: f32) -> Vec<Line> {
    // Characters with their style and advance; tabs are spaces, carriage returns dropped.
    let mut chars: Vec<(char, Style, f32)> = Vec::new();
    for (text, style) in runs {
        for c in text.chars() {
            let c = match c {
                '\r' => continue,
                '\t' => ' ',
                c => c,
            };
            chars.push((c, *style, fonts.advance(c, style.bold) * size));
        }
    }
    // Atoms: spaces (collapsed), newlines, each wide character, and runs of other characters.
    let mut atoms: Vec<Atom> = Vec::new();
    for (i, &(c, ..)) in chars.iter().enumerate() {
        let kind = match c {
            '\n' => Kind::Newline,
            ' ' => Kind::Space,
            _ => Kind::Word,
        };
        if let Some(last) = atoms.last_mut() {
            let joins = match kind {
                Kind::Space => last.kind == Kind::Space,
                Kind::Word => {
                    last.kind == Kind::Word && !is_wide(c) && !is_wide(chars[last.end - 1].0)
                }
                Kind::Newline => false,
            };
            if joins {
                last.end = i + 1;
                continue;
            }
        }
        atoms.push(Atom {
            start: i,
            end: i + 1,
            kind,
        });
    }
    // Groups: atoms with no break allowed between them (punctuation rules).
    let mut groups: Vec<Atom> = Vec::new();
    for atom in atoms {
        if let Some(last) = groups.last_mut() {
            if last.kind == Kind::Word
                && atom.kind == Kind::Word
                && (no_start(chars[atom.start].0) || no_end(chars[last.end - 1].0))
            {
                last.end = atom.end;
                continue;
            }
        }
        groups.push(atom);
    }

    let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
    let mut line_w = 0.0f32;
    let mut space: Option<(usize, f32)> = None;
    let w = |r: std::ops::Range<usize>| chars[r].iter().map(|c| c.2).sum::<f32>();
    for g in groups {
        match g.kind {
            Kind::Newline => {
                lines.push(Vec::new());
                line_w = 0.0;
                space = None;
            }
            Kind::Space => {
                if !lines.last().is_some_and(Vec::is_empty) {
                    // One space, kept only if a word follows on the same line.
                    space = Some((g.start, chars[g.start].2));
                }
            }
            Kind::Word => {
                let gw = w(g.start..g.end);
                let sw = space.map_or(0.0, |s| s.1);
                let line = lines.last_mut().expect("one line at least");
                if line.is_empty() || line_w + sw + gw <= width {
                    if let Some((s, sw)) = space.take() {
                        line.push(s);
                        line_w += sw;
                    }
                } else {
                    lines.push(Vec::new());
                    line_w = 0.0;
                    space = None;
                }
                // A group wider than a line is broken between characters.
                for (i, &(.., cw)) in chars.iter().enumerate().take(g.end).skip(g.start) {
                    let line = lines.last_mut().expect("one line at least");
                    if !line.is_empty() && line_w + cw > width && gw > width {
                        lines.push(Vec::new());
                        line_w = 0.0;
                    }
                    lines.last_mut().expect("one line at least").push(i);
                    line_w += cw;
                }
            }
        }
    }
    lines
        .into_iter()
        .map(|indices| {
            let mut line = Line::default();
            for i in indices {
                let (c, style, advance) = chars[i];
                match line.pieces.last_mut() {
                    Some(p) if p.style == style => p.text.push(c),
                    _ => line.pieces.push(Piece {
                        text: c.to_string(),
                        style,
                        x: line.width,
                    }),
                }
                line.width += advance;
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::fonts;

    const PLAIN: Style = Style {
        bold: false,
        color: "#000",
    };

    fn lines(text: &str, width: f32) -> Vec<String> {
        let f = fonts().expect("a Chinese font (fonts-noto-cjk)");
        let out = wrap(f, &[(text, PLAIN)], 10.0, width);
        for l in &out {
            assert!(
                l.width <= width + 0.01 || l.text().chars().count() == 1,
                "{l:?} wider than {width}"
            );
        }
        out.iter().map(Line::text).collect()
    }

    #[test]
    fn chinese_breaks_between_characters_and_keeps_every_character() {
        let text = "负责店铺日常运营，制定月度销售计划并跟踪执行（含大促活动）。";
        let out = lines(text, 60.0);
        assert!(out.len() > 4, "{out:?}");
        assert_eq!(out.concat(), text);
        for l in &out {
            assert!(!l.starts_with(['，', '。', '）']), "{out:?}");
            assert!(!l.ends_with('（'), "{out:?}");
        }
    }

    #[test]
    fn latin_breaks_at_spaces_and_long_words_are_split() {
        let out = lines("Plan the weekly promotion calendar", 80.0);
        assert!(out.len() >= 2, "{out:?}");
        assert_eq!(out.join(" "), "Plan the weekly promotion calendar");
        assert!(out.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        let word = "https://example.com/a/very/long/address/that/cannot/break";
        let out = lines(word, 50.0);
        assert!(out.len() > 2);
        assert_eq!(out.concat(), word);
    }

    #[test]
    fn newlines_and_mixed_scripts() {
        assert_eq!(lines("第一行\n第二行", 500.0), ["第一行", "第二行"]);
        let out = lines("GMV 同比增长 20% 以上", 40.0);
        assert_eq!(out.join("").replace(' ', ""), "GMV同比增长20%以上");
        assert!(out.iter().all(|l| !l.starts_with('%')), "{out:?}");
    }
}
