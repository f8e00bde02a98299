//! The batch filters' run: JSON Lines in on standard input, one JSON line out per line in,
//! in the same order. Lines are read a chunk at a time and worked on all cores, so memory holds
//! a few chunks, however long the stream; a line's result depends on that line alone. Reading
//! and writing go on while a chunk is worked, so the cores are not left waiting on either.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::json;

/// Input read before the chunk is worked: enough for every core, little enough memory.
const CHUNK_BYTES: usize = 1 << 19;
/// At most this many lines a chunk, however short: a chunk's answers (several times the size
/// of its lines) are held until written.
const CHUNK_LINES: usize = 256;
/// The longest line read: longer ones are answered with an error line, not held.
pub const MAX_LINE: usize = 64 << 20;

/// What a run saw.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Lines answered (blank lines are passed over).
    pub lines: usize,
    /// Of which not understood: answered with `{"error": …}`.
    pub errors: usize,
}

/// One input line, or why it could not be read.
type Line = (usize, Result<String, String>);

/// Read up to a chunk of non-blank lines from `input`, numbered from `*number`.
fn chunk(input: &mut impl BufRead, number: &mut usize) -> io::Result<Vec<Line>> {
    let mut lines = Vec::new();
    let mut bytes = 0;
    let mut buf = Vec::new();
    while bytes < CHUNK_BYTES && lines.len() < CHUNK_LINES {
        buf.clear();
        let read = io::Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        *number += 1;
        let line = if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
            skip_line(input)?;
            Err(format!("the line is longer than {} MiB", MAX_LINE >> 20))
        } else {
            match std::str::from_utf8(&buf) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => Ok(text.trim_end_matches(['\n', '\r']).to_string()),
                Err(_) => Err("the line is not UTF-8 text".to_string()),
            }
        };
        bytes += buf.len();
        lines.push((*number, line));
    }
    Ok(lines)
}

/// Pass over the rest of a line too long to read.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(());
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(at) => {
                input.consume(at + 1);
                return Ok(());
            }
            None => {
                let n = available.len();
                input.consume(n);
            }
        }
    }
}

/// Run `each` over every line of `input`, writing its result (or `{"error": …}`) as one line
/// of `output`, in input order. A line that fails is named on standard error, with its
/// number; the run goes on, so that output lines stay aligned with input lines.
pub fn filter<T: Serialize + Send>(
    mut input: impl BufRead,
    output: &mut impl Write,
    each: impl Fn(&str) -> Result<T, String> + Sync,
) -> io::Result<Counts> {
    let mut counts = Counts::default();
    let mut number = 0;
    let work = |lines: Vec<Line>| -> Vec<Answer> {
        lines
            .into_par_iter()
            .map(|(n, line)| {
                let answer = line
                    .and_then(|l| each(&l))
                    .map(|value| json::to_string(&value, false));
                (n, answer)
            })
            .collect()
    };
    // One chunk is worked while the next is read and the one before is written: the worker
    // takes chunks in order, so answers come back in order.
    std::thread::scope(|scope| {
        let (to_worker, chunks) = std::sync::mpsc::sync_channel::<Vec<Line>>(1);
        let (to_writer, answered) = std::sync::mpsc::channel::<Vec<Answer>>();
        scope.spawn(move || {
            for lines in chunks {
                if to_writer.send(work(lines)).is_err() {
                    return;
                }
            }
        });
        loop {
            let lines = chunk(&mut input, &mut number)?;
            if lines.is_empty() {
                break;
            }
            if to_worker.send(lines).is_err() {
                break;
            }
            while let Ok(answers) = answered.try_recv() {
                write(output, answers, &mut counts)?;
            }
        }
        drop(to_worker);
        for answers in answered {
            write(output, answers, &mut counts)?;
        }
        Ok(counts)
    })
}

/// A line's number and its answer: the result's JSON, or why there is none.
type Answer = (usize, Result<String, String>);

/// Writes a chunk's answers, one line each, counting them.
fn write(output: &mut impl Write, answers: Vec<Answer>, counts: &mut Counts) -> io::Result<()> {
    for (n, answer) in answers {
        counts.lines += 1;
        match answer {
            Ok(text) => output.write_all(text.as_bytes())?,
            Err(why) => {
                counts.errors += 1;
                tell!("stdin:{n}: {why}");
                json::write(&mut *output, &serde_json::json!({ "error": why }), false)?;
            }
        }
        output.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (String, Counts) {
        let mut out = Vec::new();
        let counts = filter(input.as_bytes(), &mut out, |line| {
            serde_json::from_str::<serde_json::Value>(line)
                .map(|v| v["n"].as_u64().unwrap_or(0) * 2)
                .map_err(|_| "not JSON".to_string())
        })
        .unwrap();
        (String::from_utf8(out).unwrap(), counts)
    }

    #[test]
    fn every_line_gets_its_answer_in_order() {
        let input: String = (0..5000).map(|n| format!("{{\"n\": {n}}}\n")).collect();
        let (out, counts) = run(&input);
        let expected: String = (0..5000).map(|n| format!("{}\n", n * 2)).collect();
        assert_eq!(out, expected);
        assert_eq!(
            counts,
            Counts {
                lines: 5000,
                errors: 0
            }
        );
    }

    #[test]
    fn blank_lines_are_passed_over_and_bad_ones_answered_in_place() {
        let (out, counts) = run("{\"n\": 1}\n\n  \r\nnope\n{\"n\": 2}");
        assert_eq!(out, "2\n{\"error\":\"not JSON\"}\n4\n");
        assert_eq!(
            counts,
            Counts {
                lines: 3,
                errors: 1
            }
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_one_bad_line() {
        let mut out = Vec::new();
        let input: &[u8] = b"{\"n\": 1}\n\xff\xfe\n{\"n\": 3}\n";
        let counts = filter(input, &mut out, |_| Ok::<_, String>(1)).unwrap();
        assert_eq!(counts.errors, 1);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1\n{\"error\":\"the line is not UTF-8 text\"}\n1\n"
        );
    }
}
