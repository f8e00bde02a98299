//! Photo captions: the words under a picture are not the report's own telling. A figure a
//! caption gives ("Two teens died in separate incidents (Photo: WFAA)") is credited to the
//! caption, so the comparison and the brief say where it came from. A sentence is a caption by
//! the conventions of English news pages: a photo credit in it ("(Photo: …)", "(AP Photo/…)",
//! "Photo: …", "Image credit", "Getty Images"), the pages' own words ("Buy Photo", "Image 1 of
//! 3", "Caption"), or a caption's own phrasing ("This undated photo …", "… is pictured").

use crate::model::{Attribution, Claim, SourceKind};

/// Words that mark a sentence as a caption, lowercase.
const MARKS: [&str; 13] = [
    "(photo:",
    "(photo by",
    "(ap photo",
    "(photo courtesy",
    "photo credit",
    "image credit",
    "getty images",
    "buy photo",
    "caption close",
    "this undated photo",
    "photo provided by",
    "in this photo",
    "is pictured",
];

/// True when `sentence` is a photo caption.
pub fn is_caption(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let trimmed = lower.trim_start();
    MARKS.iter().any(|m| lower.contains(m))
        || trimmed.starts_with("photo:")
        || trimmed.starts_with("pictured:")
        || trimmed.starts_with("file photo")
}

/// Credit to the caption the claims `body` gives in its own voice within captions.
pub fn credit(body: &str, claims: &mut [Claim]) {
    for claim in claims {
        if claim.attribution.kind != SourceKind::TheReport {
            continue;
        }
        let [from, to] = claim.sentence;
        if body.get(from..to).is_some_and(is_caption) {
            claim.attribution = Attribution::new("the caption".into(), SourceKind::Caption);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_told_by_their_credits_and_phrasing() {
        for caption in [
            "Two Benbrook teens died in separate incidents early Thursday (Photo: WFAA)",
            "Family of 5 found dead in Culpeper, Va. (Photo: Culpeper County Sheriff's Office)",
            "This undated photo provided by the Sheriff's Office shows the officer.",
            "Buy Photo Officers investigate the scene after an overnight shooting.",
            "Photo: Courtesy of the family",
            "Mourners gather outside the church. (AP Photo/Eric Gay)",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        for sentence in [
            "Police said two people were killed in the shooting.",
            "CAIRO (Reuters) - At least 52 police were killed.",
            "A photographer for the paper said he heard shots.",
        ] {
            assert!(!is_caption(sentence), "{sentence}");
        }
    }
}
