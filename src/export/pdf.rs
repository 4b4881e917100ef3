//! The deck as one PDF: each slide's SVG (the one its PNG is drawn from) turned into vector
//! graphics by svg2pdf, its words as text in the bundled Noto Sans, embedded as a subset with
//! its Unicode map, so that a reader can select and search Vietnamese; one page a slide, sized
//! like a presentation's (13.33 × 7.5 in for 16:9), with the document's title, author and
//! language and a bookmark per slide.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::ExportError;
use crate::locale::Language;

/// A page's height in points: a presentation's 7.5 inches; its width follows the slide.
const PAGE_HEIGHT: f32 = 540.0;

/// What the document says of itself.
pub struct DeckInfo<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub language: Language,
}

/// One page: its SVG and the name its bookmark shows.
pub struct Page<'a> {
    pub svg: &'a str,
    pub name: &'a str,
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(super::text::REGULAR.to_vec());
            db.load_font_data(super::text::BOLD.to_vec());
            db.set_sans_serif_family("Noto Sans");
            Arc::new(db)
        })
        .clone()
}

/// The PDF of `pages`, in order.
pub fn deck(pages: &[Page], info: &DeckInfo) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let catalog = alloc();
    let tree_id = alloc();
    let outline = alloc();
    let info_id = alloc();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut items = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let failed = |detail: String| ExportError::Pdf(format!("slide {}: {detail}", i + 1));
        let tree = usvg::Tree::from_str(page.svg, &options).map_err(|e| failed(e.to_string()))?;
        let (chunk, svg_id) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| failed(e.to_string()))?;
        // The chunk numbers its objects from 1: renumber them after the document's.
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(&mut alloc));
        let svg_id = *map
            .get(&svg_id)
            .ok_or_else(|| failed("the slide's picture is missing".into()))?;
        let size = tree.size();
        let width = PAGE_HEIGHT * size.width() / size.height();
        let (page_id, content_id, item) = (alloc(), alloc(), alloc());
        let picture = Name(b"S");
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, width, PAGE_HEIGHT));
        p.parent(tree_id);
        p.contents(content_id);
        p.resources().x_objects().pair(picture, svg_id);
        p.finish();
        // svg2pdf's picture is one unit square: scaled to the page.
        let mut content = Content::new();
        content
            .transform([width, 0.0, 0.0, PAGE_HEIGHT, 0.0, 0.0])
            .x_object(picture);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        page_ids.push(page_id);
        items.push(item);
    }
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    // A bookmark per slide, by its view's name: a deck of twenty is found by name.
    for (i, (page, item)) in pages.iter().zip(&items).enumerate() {
        let mut entry = pdf.outline_item(*item);
        entry.title(TextStr(page.name)).parent(outline);
        if i > 0 {
            entry.prev(items[i - 1]);
        }
        if let Some(next) = items.get(i + 1) {
            entry.next(*next);
        }
        entry.dest().page(page_ids[i]).fit();
    }
    let mut tree = pdf.outline(outline);
    if let (Some(first), Some(last)) = (items.first(), items.last()) {
        tree.first(*first).last(*last);
    }
    tree.count(items.len() as i32);
    tree.finish();
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree_id).outlines(outline);
    cat.lang(TextStr(info.language.code()));
    cat.viewer_preferences().display_doc_title(true);
    cat.finish();
    pdf.document_info(info_id)
        .title(TextStr(info.title))
        .author(TextStr(info.author))
        .creator(TextStr("Chiso"));
    Ok(pdf.finish())
}
