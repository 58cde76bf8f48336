//! The app states the seed's facts in its own words: this test fails when any run of eight or more
//! consecutive words of the seed appears in any string the content serialises.
//!
//! `seed.txt` is a verbatim copy of shared/seed, the source material the content was written from.
//! It is kept in the repo so the test runs on CI without the shared folder; nothing else reads it.

use std::collections::HashSet;

use serde_json::Value;

const SEED: &str = include_str!("seed.txt");
/// Eight words in a row is a copied sentence, not a shared phrase like "after a hard session".
const RUN: usize = 8;

/// Lower case, curly apostrophes made straight, and everything but letters, digits and apostrophes
/// treated as a space, so punctuation or line breaks cannot hide a copy.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '\'' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn runs(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(RUN).map(|w| w.join(" "))
}

/// The runs of `RUN` seed words that `text` repeats.
fn copied(seed: &HashSet<String>, text: &str) -> Vec<String> {
    runs(&words(text)).filter(|r| seed.contains(r)).collect()
}

fn seed_runs(seed: &str) -> HashSet<String> {
    runs(&words(seed)).collect()
}

/// Every string in `v`, however deeply nested.
fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect(i, out)),
        _ => {}
    }
}

/// Every string `content::all()` sends to the UI, plus the advice the briefing sheet prints.
pub(super) fn content_strings() -> Vec<String> {
    let mut out = vec![super::RED_FLAG_ADVICE.to_owned()];
    collect(&serde_json::to_value(super::all()).unwrap(), &mut out);
    out
}

#[test]
fn no_content_string_copies_eight_words_of_the_seed() {
    let seed = seed_runs(SEED);
    assert!(seed.len() > 300, "the seed was read ({} runs)", seed.len());
    let strings = content_strings();
    assert!(
        strings.len() > 100,
        "the content was walked ({} strings)",
        strings.len()
    );
    let copies: Vec<_> = strings
        .iter()
        .flat_map(|s| copied(&seed, s).into_iter().map(move |r| format!("\"{r}\" in \"{s}\"")))
        .collect();
    assert!(copies.is_empty(), "content copies the seed:\n{}", copies.join("\n"));
}

#[test]
fn the_check_sees_through_case_spacing_and_punctuation_but_not_seven_words() {
    let seed = seed_runs("It promotes increased blood flow, which aids in the removal of waste products.");
    let copy = "IT  PROMOTES increased\nblood flow which aids in the removal";
    assert_eq!(copied(&seed, copy).len(), 3);
    assert!(copied(&seed, "it promotes increased blood flow, which aids").is_empty());
}
