//! Fixes to the WordprocessingML docx-rs writes, so Word reads all of it.
//!
//! The schema gives the children of property elements (`w:pPr`, `w:rPr`, `w:tblPr`, `w:tcPr`,
//! `w:sectPr`, `w:style`, `w:lvl` …) a fixed order, and Word drops or refuses what comes out
//! of order. docx-rs writes some of them in its own order (`w:rFonts` after `w:b`, `w:pStyle`
//! after `w:rPr`, `w:tblStyle` last), so every part it builds is passed through
//! [`reorder`]: the same elements, attributes and text, with each property element's children
//! sorted into the schema's sequence (stable, unknown children last). The font table is
//! replaced by one that describes the fonts the document uses, with charset and panose so a
//! machine without Microsoft YaHei substitutes a Chinese sans-serif (等线 first).

use docx_rs::XMLDocx;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

/// ECMA-376 Part 1, wml.xsd: the sequence of each property element's children, by local name.
fn sequence(parent: &[u8]) -> Option<&'static [&'static str]> {
    Some(match parent {
        b"w:pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        b"w:rPr" => &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
        b"w:tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        b"w:trPr" => &[
            "cnfStyle",
            "divId",
            "gridBefore",
            "gridAfter",
            "wBefore",
            "wAfter",
            "cantSplit",
            "trHeight",
            "tblHeader",
            "tblCellSpacing",
            "jc",
            "hidden",
            "ins",
            "del",
            "trPrChange",
        ],
        b"w:tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        b"w:tblBorders" | b"w:tcBorders" | b"w:tblCellMar" | b"w:tcMar" | b"w:pBdr" => &[
            "top", "start", "left", "bottom", "end", "right", "between", "bar", "insideH",
            "insideV", "tl2br", "tr2bl",
        ],
        b"w:sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        b"w:style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        b"w:lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        b"w:abstractNum" => &[
            "nsid",
            "multiLevelType",
            "tmpl",
            "name",
            "styleLink",
            "numStyleLink",
            "lvl",
        ],
        b"w:num" => &["abstractNumId", "lvlOverride"],
        b"w:lvlOverride" => &["startOverride", "lvl"],
        b"w:docDefaults" => &["rPrDefault", "pPrDefault"],
        b"w:settings" => &SETTINGS,
        b"w:p" => &["pPr"],
        b"w:tbl" => &["tblPr", "tblGrid"],
        b"w:tr" => &["tblPrEx", "trPr"],
        b"w:tc" => &["tcPr"],
        _ => return None,
    })
}

/// CT_Settings, up to the elements docx-rs writes (the rest keep their place at the end).
const SETTINGS: [&str; 44] = [
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "characterSpacingControl",
    "compat",
    "docVars",
    "rsids",
    "themeFontLang",
];

enum Node<'a> {
    Element {
        start: BytesStart<'a>,
        empty: bool,
        children: Vec<Node<'a>>,
    },
    Other(Event<'a>),
}

fn rank(order: &[&str], node: &Node) -> usize {
    match node {
        Node::Element { start, .. } => {
            let name = start.name();
            let local = name.local_name();
            let local = std::str::from_utf8(local.as_ref()).unwrap_or("");
            order
                .iter()
                .position(|n| *n == local)
                .unwrap_or(order.len())
        }
        Node::Other(_) => order.len(),
    }
}

fn parse(xml: &[u8]) -> Result<Vec<Node<'_>>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<Node> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push(Node::Element {
                    start,
                    empty: false,
                    children: Vec::new(),
                });
                continue;
            }
            Event::End(_) => stack.pop().ok_or("unbalanced XML")?,
            Event::Empty(start) => Node::Element {
                start,
                empty: true,
                children: Vec::new(),
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some(Node::Element { children, .. }) => children.push(node),
            _ => top.push(node),
        }
    }
    if !stack.is_empty() {
        return Err("unclosed XML element".into());
    }
    Ok(top)
}

/// Drops attributes the schema does not allow where docx-rs writes them (`w:type` on
/// `w:gridCol`).
fn clean(start: BytesStart<'_>) -> BytesStart<'_> {
    if start.name().as_ref() != b"w:gridCol" {
        return start;
    }
    let mut out = BytesStart::new("w:gridCol");
    for a in start.attributes().flatten() {
        if a.key.as_ref() != b"w:type" {
            out.push_attribute(a);
        }
    }
    out
}

fn write(w: &mut Writer<Vec<u8>>, nodes: Vec<Node>) -> std::io::Result<()> {
    for node in nodes {
        match node {
            Node::Other(e) => w.write_event(e)?,
            Node::Element {
                start, empty: true, ..
            } => w.write_event(Event::Empty(clean(start)))?,
            Node::Element {
                start,
                mut children,
                ..
            } => {
                let name = start.name().as_ref().to_vec();
                if let Some(order) = sequence(&name) {
                    // Only reorder pure element content: text inside is left as it is.
                    if children.iter().all(|c| matches!(c, Node::Element { .. })) {
                        children.sort_by_key(|c| rank(order, c));
                    }
                }
                w.write_event(Event::Start(start))?;
                write(w, children)?;
                w.write_event(Event::End(BytesEnd::new(
                    String::from_utf8_lossy(&name).into_owned(),
                )))?;
            }
        }
    }
    Ok(())
}

/// The same XML with every property element's children in the schema's order.
pub fn reorder(xml: &[u8]) -> Result<Vec<u8>, String> {
    let nodes = parse(xml)?;
    let mut w = Writer::new(Vec::with_capacity(xml.len()));
    write(&mut w, nodes).map_err(|e| e.to_string())?;
    Ok(w.into_inner())
}

/// The fonts the document names, described so Word can substitute well when one is missing:
/// Microsoft YaHei lists its Chinese name and 等线 (DengXian) as alternatives.
pub const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑,等线,DengXian"/><w:panose1 w:val="020B0503020204020204"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="等线"><w:altName w:val="DengXian"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Symbol"><w:panose1 w:val="05050102010706020507"/><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"</w:fonts>"#
);

/// Marks `Normal` and `TableNormal` as the default paragraph and table styles, and gives the
/// document's default run properties a language (English, Chinese for East Asian text) so
/// Word applies Chinese line breaking and proofing.
fn style_defaults(styles: &[u8]) -> Result<Vec<u8>, String> {
    let s = std::str::from_utf8(styles).map_err(|e| e.to_string())?;
    let mut out = s.to_string();
    for id in ["Normal", "TableNormal"] {
        let attr = format!("w:styleId=\"{id}\"");
        out = out.replacen(&attr, &format!("w:default=\"1\" {attr}"), 1);
    }
    let defaults = "<w:rPrDefault><w:rPr>";
    out = out.replacen(
        defaults,
        &format!(r#"{defaults}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#),
        1,
    );
    Ok(out.into_bytes())
}

/// Puts every WordprocessingML part docx-rs built into schema order, marks the default styles
/// and replaces the font table.
pub fn canonicalize(xml: &mut XMLDocx) -> Result<(), String> {
    xml.styles = style_defaults(&xml.styles)?;
    for part in [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.numberings,
        &mut xml.footnotes,
        &mut xml.settings,
    ]
    .into_iter()
    .chain(xml.headers.iter_mut())
    .chain(xml.footers.iter_mut())
    {
        *part = reorder(part)?;
    }
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    Ok(())
}
