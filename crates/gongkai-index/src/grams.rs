// Token streams for the index, derived from the segmenter's. A passage's character bigrams
// (one per code point position, consecutive ones overlapping by a character) give back its
// character sequence, from which every n-gram of length 1..=MAX_GRAM is cut: white space
// is already U+2423 in them, so the n-grams are exactly the substrings a query can name.
use tantivy::tokenizer::{PreTokenizedString, Token};

use crate::schema::MAX_GRAM;

fn token(text: String, position: usize) -> Token {
    Token { offset_from: 0, offset_to: 0, position, text, position_length: 1 }
}

fn stream(tokens: Vec<Token>) -> PreTokenizedString {
    PreTokenizedString { text: String::new(), tokens }
}

/// Space-joined word tokens, one position each.
pub fn word_tokens(words: &str) -> PreTokenizedString {
    stream(words.split(' ').filter(|w| !w.is_empty()).enumerate().map(|(i, w)| token(w.to_string(), i)).collect())
}

/// The characters that the space-joined bigrams overlap into.
pub fn chars_of_bigrams(grams: &str) -> Vec<char> {
    let mut out = Vec::new();
    for g in grams.split(' ').filter(|g| !g.is_empty()) {
        let mut cs = g.chars();
        let first = cs.next();
        let last = cs.last();
        if out.is_empty() {
            out.extend(first);
        }
        out.extend(last);
    }
    out
}

fn gram(chars: &[char], at: usize, len: usize) -> String {
    chars[at..at + len].iter().collect()
}

/// Every n-gram of 1..=MAX_GRAM characters (term frequencies only: positions are not kept).
pub fn ngram_tokens(chars: &[char]) -> PreTokenizedString {
    let mut tokens = Vec::with_capacity(chars.len() * MAX_GRAM);
    for at in 0..chars.len() {
        for len in 1..=MAX_GRAM.min(chars.len() - at) {
            tokens.push(token(gram(chars, at, len), at));
        }
    }
    stream(tokens)
}

/// The MAX_GRAM-grams at their character positions, for phrases.
pub fn longest_gram_tokens(chars: &[char]) -> PreTokenizedString {
    if chars.len() < MAX_GRAM {
        return stream(Vec::new());
    }
    stream((0..=chars.len() - MAX_GRAM).map(|at| token(gram(chars, at, MAX_GRAM), at)).collect())
}

/// A query's longer substring as (offset, gram): MAX_GRAM-grams every MAX_GRAM characters and
/// one ending at the last, so that together they cover it, each at its own offset.
pub fn covering_grams(chars: &[char]) -> Vec<(usize, String)> {
    let last = chars.len() - MAX_GRAM;
    let mut at: Vec<usize> = (0..=last).step_by(MAX_GRAM).collect();
    if *at.last().unwrap() != last {
        at.push(last);
    }
    at.into_iter().map(|a| (a, gram(chars, a, MAX_GRAM))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_give_back_the_characters() {
        assert_eq!(chars_of_bigrams("信息 息公 公开").iter().collect::<String>(), "信息公开");
        assert_eq!(chars_of_bigrams("").len(), 0);
    }

    #[test]
    fn covering_grams_cover_every_character() {
        let chars: Vec<char> = "政府信息公开工作年度报告".chars().collect();
        let c = covering_grams(&chars);
        assert_eq!(c.first().unwrap().0, 0);
        assert_eq!(c.last().unwrap().0, chars.len() - MAX_GRAM);
        for w in c.windows(2) { assert!(w[1].0 - w[0].0 <= MAX_GRAM); }
    }
}
