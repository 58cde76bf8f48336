//! Writes the typical fixture sheet as HTML and as PDF, on A4 and on Letter, for `make pdf-check`:
//! `cargo run -p aftermile-pdf --example briefing_fixture -- <out dir>`.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use aftermile_core::briefing::{self, fixture};
use aftermile_core::settings::Paper;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: briefing_fixture <out dir>")?;
    std::fs::create_dir_all(&out)?;
    for (paper, name) in [(Paper::A4, "a4"), (Paper::Letter, "letter")] {
        let (db, req) = fixture::typical(paper)?;
        let sheet = briefing::compose(&db, &req, fixture::now())?;
        std::fs::write(format!("{out}/sheet-{name}.html"), briefing::render_html(&sheet))?;
        std::fs::write(format!("{out}/rust-{name}.pdf"), aftermile_pdf::render(&sheet)?)?;
    }
    println!("wrote {out}/sheet-{{a4,letter}}.html and rust-{{a4,letter}}.pdf");
    Ok(())
}
