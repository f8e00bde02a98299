//! The data file loader: any bytes give a corpus or an error placed inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = crosscheck::store::parse(bytes, std::path::Path::new("fuzz.ron")) {
        let lines = String::from_utf8_lossy(bytes).lines().count().max(1) + 1;
        for problem in &e.problems {
            if let Some(at) = problem.at {
                assert!(at.line >= 1 && at.line <= lines, "{at} outside the file");
            }
        }
    }
});
