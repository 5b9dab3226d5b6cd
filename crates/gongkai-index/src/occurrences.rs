// How many times each of some passages holds a string verbatim, read from the index instead of
// from the passages' texts: the frequency of its n-gram term (up to four characters), or the
// start positions its covering 4-grams share (longer strings, the phrase the search matched).
// Both count every position the string starts at, overlapping occurrences included, as the
// concordance counts them. A concordance counts the lines of up to 20,000 passages: reading
// and scanning their texts took most of its time.
//
// The passages are few and known (a concordance's page), so their postings are sought doc by
// doc rather than walked by a collector.
use std::collections::HashMap;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, Term};

use crate::grams::covering_grams;
use crate::pids::PidCache;
use crate::query::{chars_of, TermSpec};
use crate::schema::{Fields, MAX_GRAM};

/// Per entry of `ids` (passage ids), how many times the passage holds `needle`.
pub fn count(searcher: &Searcher, fields: &Fields, pids: &PidCache, needle: &TermSpec, ids: &[i32]) -> tantivy::Result<Vec<i32>> {
    let mut counts = vec![0; ids.len()];
    let chars = chars_of(needle);
    if chars.is_empty() || ids.is_empty() { return Ok(counts); }
    let at: HashMap<u32, usize> = ids.iter().enumerate().map(|(i, &pid)| (pid as u32, i)).collect();
    // Which passage ids are wanted, one bit each: tested for every doc of every segment.
    let mut bits = vec![0u64; (*ids.iter().max().unwrap_or(&0) as usize >> 6) + 1];
    for &pid in ids { bits[pid as usize >> 6] |= 1 << (pid & 63); }
    let wanted_pid = |pid: u32| bits.get(pid as usize >> 6).is_some_and(|w| w & (1 << (pid & 63)) != 0);
    let grams: Vec<(u32, Term)> = if chars.len() <= MAX_GRAM {
        vec![(0, Term::from_field_text(fields.ngrams, &chars.iter().collect::<String>()))]
    } else {
        covering_grams(&chars).into_iter().map(|(o, g)| (o as u32, Term::from_field_text(fields.longest, &g))).collect()
    };
    let option = if grams.len() == 1 { IndexRecordOption::WithFreqs } else { IndexRecordOption::WithFreqsAndPositions };
    let mut starts: Vec<u32> = Vec::new();
    let mut more: Vec<u32> = Vec::new();
    for segment in searcher.segment_readers() {
        // The wanted passages of this segment, in doc order.
        let seg_pids = pids.of(segment)?;
        let wanted: Vec<(DocId, usize)> = seg_pids.iter().enumerate()
            .filter(|&(_, &pid)| wanted_pid(pid))
            .filter_map(|(doc, pid)| at.get(pid).map(|&i| (doc as DocId, i)))
            .filter(|&(doc, _)| segment.alive_bitset().is_none_or(|a| a.is_alive(doc)))
            .collect();
        if wanted.is_empty() { continue; }
        let index = segment.inverted_index(grams[0].1.field())?;
        let mut postings: Vec<(u32, SegmentPostings)> = Vec::with_capacity(grams.len());
        for (offset, term) in &grams {
            match index.read_postings(term, option)? {
                Some(p) => postings.push((*offset, p)),
                None => break,
            }
        }
        if postings.len() < grams.len() { continue; } // a gram this segment lacks: no passage here holds it
        for (doc, i) in wanted {
            if postings.iter_mut().any(|(_, p)| p.seek(doc) != doc) { continue; }
            counts[i] = if postings.len() == 1 {
                postings[0].1.term_freq() as i32
            } else {
                // Start positions: each gram's positions less its offset, intersected.
                let (first, rest) = postings.split_first_mut().unwrap();
                first.1.positions_with_offset(0, &mut starts);
                for s in starts.iter_mut() { *s = s.wrapping_sub(first.0); }
                for (offset, p) in rest {
                    p.positions_with_offset(0, &mut more);
                    starts.retain(|s| more.binary_search(&(s + *offset)).is_ok());
                }
                starts.len() as i32
            };
        }
    }
    Ok(counts)
}
