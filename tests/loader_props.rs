//! Property tests: whatever bytes the loader is given, it answers with a corpus or an error,
//! never a panic; and every error it gives places itself inside the file.

mod common;

use std::path::Path;

use proptest::prelude::*;

fn check_no_panic(bytes: &[u8]) {
    if let Err(e) = crosscheck::store::parse(bytes, Path::new("fuzz.ron")) {
        let text = String::from_utf8_lossy(bytes);
        let lines = text.lines().count().max(1) + 1;
        for problem in &e.problems {
            if let Some(at) = problem.at {
                assert!(
                    at.line >= 1 && at.line <= lines,
                    "{at} outside a {lines}-line file"
                );
            }
        }
        assert!(!e.to_string().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_no_panic(&bytes);
    }

    #[test]
    fn mutated_samples_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..4, any::<u8>()), 1..8)
    ) {
        let mut bytes = common::sample().as_bytes().to_vec();
        for (at, op, byte) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len().saturating_sub(1));
            match op {
                0 => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                2 => bytes[i] = byte,
                // Structural characters are where RON parsers break: favour them.
                _ => bytes.insert(i, b"()[]{}:,\"#r/"[byte as usize % 12]),
            }
        }
        check_no_panic(&bytes);
    }

    #[test]
    fn random_ron_like_text_never_panics(text in "[\\(\\)\\[\\]\\{\\}:,\"#r/a-z0-9 \\n\\*]{0,300}") {
        check_no_panic(text.as_bytes());
        let _ = crosscheck::store::ValueIndex::build(&text);
    }
}
