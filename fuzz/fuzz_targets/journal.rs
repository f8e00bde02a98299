//! The journal reader: any bytes as a journal open (damaged lines set aside) or are refused
//! with a message, and a journal once opened opens again with nothing more to set aside.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("x.ron");
    std::fs::write(dir.path().join("x.annotations.journal"), bytes).unwrap();
    if crosscheck::annotate::Journal::open(&data, "fuzz").is_ok() {
        let mut again = crosscheck::annotate::Journal::open(&data, "fuzz").unwrap();
        assert!(again.take_notices().is_empty());
    }
});
