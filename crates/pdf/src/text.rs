//! Rich text broken into lines: greedy, at spaces, and a word longer than its line broken between
//! letters, so nothing a runner types can run out of its column or off the page.

use crate::fonts::{Fonts, Run, Style};

/// Text in one style. A newline in it ends the line.
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Span {
            text: text.into(),
            style,
        }
    }
}

/// One line: runs at their x offsets from the line's start, left to right.
#[derive(Debug, Default)]
pub struct Line {
    pub runs: Vec<(f32, Run)>,
    pub width: f32,
    /// The largest type on the line, which sets its height.
    pub size: f32,
}

impl Line {
    fn push(&mut self, run: Run) {
        self.size = self.size.max(run.style.size);
        let x = self.width;
        self.width += run.width;
        self.runs.push((x, run));
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Neighbouring runs of one style become one, so a line is a few text objects, not one per word.
    fn merged(self) -> Line {
        let Line {
            runs: parts,
            width,
            size,
        } = self;
        let mut runs: Vec<(f32, Run)> = Vec::with_capacity(parts.len());
        for (x, run) in parts {
            match runs.last_mut() {
                Some((_, last)) if last.style == run.style => last.append(run),
                _ => runs.push((x, run)),
            }
        }
        Line { runs, width, size }
    }
}

#[derive(Clone, Copy)]
enum Token<'a> {
    Word(&'a str, Style),
    Space(Style),
    Break(Style),
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Spaces that must not break a line stay inside their word.
fn is_space(c: char) -> bool {
    (c.is_whitespace() || c.is_control()) && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

fn tokens(spans: &[Span]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for span in spans {
        let text = span.text.as_str();
        let mut word_start = None;
        let mut after_cr = false;
        for (i, c) in text.char_indices() {
            let breaking = is_break(c);
            if breaking || is_space(c) {
                if let Some(start) = word_start.take() {
                    out.push(Token::Word(&text[start..i], span.style));
                }
                // "\r\n" is one line end, not a blank line.
                if breaking && !(c == '\n' && after_cr) {
                    out.push(Token::Break(span.style));
                } else if !breaking {
                    out.push(Token::Space(span.style));
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
            after_cr = c == '\r';
        }
        if let Some(start) = word_start {
            out.push(Token::Word(&text[start..], span.style));
        }
    }
    out
}

/// Lines at most `max` wide (a single glyph wider than that gets a line of its own). Leading and
/// trailing blank lines are dropped and a run of blank lines counts as one, so a note of newlines
/// cannot fill pages with nothing; text that is all blank gives no lines.
pub fn wrap(fonts: &Fonts, spans: &[Span], max: f32) -> Vec<Line> {
    let mut breaker = Breaker {
        fonts,
        max: max.max(0.0),
        lines: Vec::new(),
        line: Line::default(),
        space: None,
    };
    let mut space: Option<Style> = None;
    let mut stream = tokens(spans).into_iter().peekable();
    while let Some(token) = stream.next() {
        match token {
            Token::Space(style) => {
                if space.is_none() {
                    space = Some(style);
                }
            }
            Token::Break(style) => {
                breaker.hard_break(style);
                space = None;
            }
            Token::Word(word, style) => {
                // Words that touch across a change of style ("Focus:" then a bold word) stay together.
                let mut group = vec![fonts.shape(word, style)];
                while let Some(Token::Word(word, style)) = stream.next_if(|t| matches!(t, Token::Word(..))) {
                    group.push(fonts.shape(word, style));
                }
                breaker.place(group, space.take());
            }
        }
    }
    breaker.finish()
}

struct Breaker<'f> {
    fonts: &'f Fonts,
    max: f32,
    lines: Vec<Line>,
    line: Line,
    /// The last space shaped: nearly every space on a line is in the same style.
    space: Option<Run>,
}

impl Breaker<'_> {
    fn space_run(&mut self, style: Style) -> Run {
        match &self.space {
            Some(run) if run.style == style => run.clone(),
            _ => {
                let run = self.fonts.shape(" ", style);
                self.space = Some(run.clone());
                run
            }
        }
    }

    fn place(&mut self, group: Vec<Run>, space: Option<Style>) {
        let width: f32 = group.iter().map(|r| r.width).sum();
        if !self.line.is_empty() {
            let Some(style) = space else {
                // Glued to the word before it: no break here, so it continues letter by letter.
                self.overlong(group);
                return;
            };
            let space = self.space_run(style);
            if self.line.width + space.width + width <= self.max {
                self.line.push(space);
                group.into_iter().for_each(|r| self.line.push(r));
                return;
            }
            self.end_line();
        }
        if width <= self.max {
            group.into_iter().for_each(|r| self.line.push(r));
        } else {
            self.overlong(group);
        }
    }

    /// Places runs that do not fit, filling each line and cutting between letters. Every turn of
    /// the loop places something or ends a non-empty line, so it always ends.
    fn overlong(&mut self, group: Vec<Run>) {
        for mut run in group {
            loop {
                let room = self.max - self.line.width;
                if run.width <= room {
                    self.line.push(run);
                    break;
                }
                if !self.line.is_empty() && run.width <= self.max {
                    self.end_line();
                    continue;
                }
                match self.fonts.cut(&run, room) {
                    Some((head, tail)) if head.width <= room || self.line.is_empty() => {
                        self.line.push(head);
                        self.end_line();
                        run = tail;
                    }
                    Some(_) => self.end_line(),
                    None => {
                        if !self.line.is_empty() {
                            self.end_line();
                        }
                        self.line.push(run);
                        break;
                    }
                }
            }
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line.merged());
    }

    fn hard_break(&mut self, style: Style) {
        if !self.line.is_empty() {
            self.end_line();
        } else if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(Line {
                size: style.size,
                ..Line::default()
            });
        }
    }

    fn finish(mut self) -> Vec<Line> {
        if !self.line.is_empty() {
            self.end_line();
        }
        while self.lines.last().is_some_and(Line::is_empty) {
            self.lines.pop();
        }
        self.lines
    }
}

/// The width text takes unbroken: its widest line.
pub fn natural_width(fonts: &Fonts, spans: &[Span]) -> f32 {
    wrap(fonts, spans, f32::INFINITY)
        .iter()
        .map(|l| l.width)
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Face;

    const BODY: Style = Style::new(Face::Regular, 9.0);
    const LABEL: Style = Style::new(Face::Regular, 7.0).grey(60).tracked(0.04);

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|(_, r)| r.text.as_str()).collect())
            .collect()
    }

    fn fits(lines: &[Line], max: f32) {
        for (i, l) in lines.iter().enumerate() {
            assert!(l.width <= max + 0.01, "line {i} is {} wide, over {max}", l.width);
        }
    }

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let fonts = Fonts::load().unwrap();
        let text = "Winter Half Marathon is in 4 days: no deep tissue in the last 5 days before a race. \
                    Light to medium pressure only.";
        let lines = wrap(&fonts, &[Span::new(text, BODY)], 120.0);
        assert!(lines.len() > 2, "{:?}", texts(&lines));
        fits(&lines, 120.0);
        assert_eq!(texts(&lines).join(" "), text);
        // Greedy: the next word would not have fitted on the line before.
        for pair in lines.windows(2) {
            let next = pair[1].runs[0].1.text.split(' ').next().unwrap();
            let more = fonts.shape(&format!(" {next}"), BODY).width;
            assert!(pair[0].width + more > 120.0 - 0.5);
        }
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_between_letters() {
        let fonts = Fonts::load().unwrap();
        let word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        let lines = wrap(&fonts, &[Span::new(format!("ok {word} end"), BODY)], 40.0);
        fits(&lines, 40.0);
        assert_eq!(texts(&lines).concat().replace(' ', ""), format!("ok{word}end"));
        assert_eq!(texts(&lines)[0], "ok", "the long word starts on a line of its own");
        // A column with no room at all still takes one letter per line and ends.
        let lines = wrap(&fonts, &[Span::new("abc", BODY)], 0.0);
        assert_eq!(texts(&lines), ["a", "b", "c"]);
    }

    #[test]
    fn newlines_break_and_blank_lines_collapse() {
        let fonts = Fonts::load().unwrap();
        let lines = wrap(&fonts, &[Span::new("\n\none\r\ntwo\n\n\n\n three \n\n", BODY)], 500.0);
        assert_eq!(texts(&lines), ["one", "two", "", "three"]);
        assert!(lines[2].size > 0.0, "a blank line still has a height");
        for blank in ["", "   ", "\n \t\n", "\u{0}\u{1b}"] {
            assert!(wrap(&fonts, &[Span::new(blank, BODY)], 500.0).is_empty(), "{blank:?}");
        }
    }

    #[test]
    fn styles_keep_apart_and_spaces_join_their_run() {
        let fonts = Fonts::load().unwrap();
        let spans = [Span::new("FOCUS:", LABEL), Span::new(" Left calf, Right calf", BODY)];
        let lines = wrap(&fonts, &spans, 500.0);
        assert_eq!(lines.len(), 1);
        let runs: Vec<&str> = lines[0].runs.iter().map(|(_, r)| r.text.as_str()).collect();
        assert_eq!(runs, ["FOCUS:", " Left calf, Right calf"]);
        assert!((lines[0].runs[1].0 - lines[0].runs[0].1.width).abs() < 1e-3);
        assert_eq!(lines[0].size, 9.0);
        // No space between the spans: one word, never broken at the change of style.
        let glued = [Span::new("abc", LABEL), Span::new("def", BODY)];
        assert_eq!(texts(&wrap(&fonts, &glued, 500.0)), ["abcdef"]);
    }

    #[test]
    fn any_unicode_is_kept() {
        let fonts = Fonts::load().unwrap();
        let text = "🏃‍♀️ 日本語のテキスト שלום e\u{301} #panic(\"x\") ] [ $ \\ <script> \u{a0}no\u{a0}break";
        let lines = wrap(&fonts, &[Span::new(text, BODY)], 60.0);
        fits(&lines, 60.0);
        let kept: String = texts(&lines).concat();
        let want: String = text.chars().filter(|c| !is_space(*c)).collect();
        assert_eq!(kept.chars().filter(|c| !is_space(*c)).collect::<String>(), want);
    }

    #[test]
    fn natural_width_is_the_widest_line() {
        let fonts = Fonts::load().unwrap();
        let one = fonts.shape("APPOINTMENT", LABEL).width;
        let spans = [Span::new("APPOINTMENT\n", LABEL), Span::new("Tue", BODY)];
        assert!((natural_width(&fonts, &spans) - one.max(fonts.shape("Tue", BODY).width)).abs() < 1e-3);
    }
}
