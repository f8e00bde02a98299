//! Claims: what a report says, in structured form, with how firmly it says it (the hedge),
//! who the report says said it (the attribution) and which incident it is about.
//!
//! Claims are derived from the text by `extract`; they are plain data here so every layer
//! (comparison, annotation, the TUI, the CLI's JSON) shares one shape.

use serde::{Deserialize, Serialize};

/// The incident id given to claims about earlier events mentioned for context.
pub const BACKGROUND: &str = "background";

/// One claim of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: the same report, kind and span always give the same id.
    pub id: String,
    /// The report's id.
    pub report: String,
    /// The claim's words, as in the text.
    pub text: String,
    /// Byte offsets `[start, end)` of the claim's words in the report body.
    pub span: [usize; 2],
    /// Byte offsets of the sentence it is in.
    pub sentence: [usize; 2],
    /// Who the report says said it.
    pub attribution: Attribution,
    /// How firmly it is stated.
    pub hedge: Hedge,
    /// The incident it is about: an incident id, or [`BACKGROUND`].
    pub incident: String,
    /// What is claimed, by kind.
    #[serde(flatten)]
    pub detail: Detail,
}

impl Claim {
    /// The claim's kind.
    pub fn kind(&self) -> ClaimKind {
        self.detail.kind()
    }

    /// A stable id for a claim of `kind` at `span` of report `report`: FNV-1a over the three,
    /// so it survives rule changes that keep the span, and differs between kinds sharing one.
    pub fn stable_id(report: &str, kind: ClaimKind, span: [usize; 2]) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        feed(report.as_bytes());
        feed(&[0]);
        feed(kind.id().as_bytes());
        feed(&(span[0] as u64).to_le_bytes());
        feed(&(span[1] as u64).to_le_bytes());
        // Written by hand: `format!` costs more than the hash, once per claim of every report.
        let mut id = String::with_capacity(13);
        id.push('c');
        for shift in (0..12).rev() {
            let digit = (hash >> (shift * 4)) & 0xf;
            id.push(char::from_digit(digit as u32, 16).unwrap_or('0'));
        }
        id
    }
}

/// The kinds of claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// People killed, injured, arrested, missing or abducted.
    Casualty,
    /// Where: a place, a distance and direction from a place.
    Location,
    /// When: a date, weekday or relative expression, resolved.
    Time,
    /// A named group taking part.
    Actor,
    /// Whether responsibility was claimed, not claimed, denied or called false.
    Responsibility,
    /// Weapons and tactics.
    Means,
    /// Any other attributed sentence.
    Statement,
}

impl ClaimKind {
    /// Every kind, in display order.
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Casualty,
        ClaimKind::Location,
        ClaimKind::Time,
        ClaimKind::Actor,
        ClaimKind::Responsibility,
        ClaimKind::Means,
        ClaimKind::Statement,
    ];

    /// Its name in JSON and on screen.
    pub fn id(self) -> &'static str {
        match self {
            ClaimKind::Casualty => "casualty",
            ClaimKind::Location => "location",
            ClaimKind::Time => "time",
            ClaimKind::Actor => "actor",
            ClaimKind::Responsibility => "responsibility",
            ClaimKind::Means => "means",
            ClaimKind::Statement => "statement",
        }
    }
}

impl Detail {
    /// The kind of claim this detail belongs to.
    pub fn kind(&self) -> ClaimKind {
        match self {
            Detail::Casualty { .. } => ClaimKind::Casualty,
            Detail::Location { .. } => ClaimKind::Location,
            Detail::Time { .. } => ClaimKind::Time,
            Detail::Actor { .. } => ClaimKind::Actor,
            Detail::Responsibility { .. } => ClaimKind::Responsibility,
            Detail::Means { .. } => ClaimKind::Means,
            Detail::Statement => ClaimKind::Statement,
        }
    }
}

/// What a claim says, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// A count of people and what happened to them.
    Casualty {
        /// Who.
        who: Who,
        /// What happened to them.
        outcome: Outcome,
        /// How many.
        count: Count,
        /// A breakdown the report gives ("including 20 officers and 34 conscripts").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parts: Vec<Part>,
        /// The one person the claim is about, when the words single someone out ("a
        /// 24-year-old man", "Diana Gomez, 31", "he"): what the report's tally needs to count
        /// each victim once.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<Person>,
    },
    /// Where something happened, or how far and in which direction from a place.
    Location {
        /// The place named, if any ("the Bahariya Oasis").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
        /// Distance, normalised to kilometres with the original value and unit kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        distance: Option<Distance>,
        /// Compass direction ("southwest").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        direction: Option<String>,
        /// The reference place of a distance or direction ("Cairo").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// A point or stretch of time.
    Time {
        /// The resolved date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when it can be resolved.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// A named person, group, organisation or force.
    Actor {
        /// The actor's canonical name.
        actor: String,
        /// Its parent organisation, if the lexicon knows one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
        /// The part it plays in the event, when the words say.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<ActorRole>,
    },
    /// A statement about who is responsible.
    Responsibility {
        /// The actor concerned, if named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        actor: Option<String>,
        /// Claimed, not claimed, denied, or a claim called false.
        status: ResponsibilityStatus,
    },
    /// A weapon or tactic.
    Means {
        /// The canonical name ("rocket fire", "explosive devices").
        means: String,
    },
    /// Any other attributed statement.
    Statement,
}

/// Who the casualties were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// Normalised group: `security_forces`, `soldiers`, `militants`, `civilians`, `people`,
    /// `suspects`.
    pub group: String,
    /// The words as written ("Egyptian troops and police officers").
    pub text: String,
    /// True when the group is the side that did the harm (gunmen, suspects, militants): never
    /// added into a toll of victims.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub perpetrator: bool,
}

/// One person singled out by a casualty claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The name as written ("Diana Gomez"), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Age in years, when given ("a 24-year-old man", "Gomez, 31,").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Sex, when the words say ("man", "she").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// The words point back to someone already mentioned ("he", "the victim").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refers_back: bool,
    /// The words say it is someone else ("another man", "a second victim", "his wife").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub another: bool,
}

/// A person's sex as the words give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// "man", "boy", "he".
    Male,
    /// "woman", "girl", "she".
    Female,
}

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Killed or died.
    Killed,
    /// Wounded or injured.
    Injured,
    /// Hit by gunfire, a blade or a blow, alive or dead ("five people were shot", "two officers
    /// were stabbed"): those who died are among them unless the words say otherwise, so a
    /// report's tally takes the dead out to find the injured.
    Shot,
    /// Arrested or detained.
    Arrested,
    /// Missing.
    Missing,
    /// Abducted or kidnapped.
    Abducted,
}

/// A count as an interval: `low` to `high`, `high` absent when open-ended ("at least 35").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The lowest value the words allow.
    pub low: u64,
    /// The highest, when bounded.
    pub high: Option<u64>,
    /// The text writes the range high to low ("between 55 and 16"): read in order, flagged,
    /// as it may be a misprint.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reversed: bool,
}

/// One part of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// Who this part is.
    pub who: Who,
    /// How many.
    pub count: Count,
}

/// A distance as written and in kilometres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distance {
    /// Kilometres, rounded to 0.1.
    pub km: f64,
    /// The number as written.
    pub value: f64,
    /// The unit as written ("miles").
    pub unit: String,
    /// "less_than", "more_than", "about", when the text qualifies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// How firmly a value is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// As stated.
    Exact,
    /// A lower bound ("at least", "more than").
    AtLeast,
    /// An upper bound ("up to", "less than").
    AtMost,
    /// Approximate ("about", "some", "nearly").
    About,
    /// Between two values.
    Range,
    /// A vague quantity ("several", "dozens", "few, if any").
    Vague,
    /// Denied or negated ("no one was killed").
    Negated,
}

/// Who the report says said something, with the chain of relays when the text gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// As written ("the Interior Ministry").
    pub text: String,
    /// What sort of source it is.
    pub kind: SourceKind,
    /// Who that source cites, in order ("the Associated Press reported, citing security
    /// officials": AP here, security officials in the chain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<Attribution>,
    /// Where the source's words stand in the body (bytes), when they are in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Who the words stand for when they do not name the source themselves: the person a
    /// pronoun or a role points back to ("he said" after "Stan Perlo said", "the sheriff"
    /// after "Sheriff Chris Nocco"), or the bare name of a titled one ("Red Sox owner John
    /// Henry" is John Henry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role an apposition gives the source ("Majed Hamdan, an Associated Press
    /// photographer, said": "an Associated Press photographer").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Attribution {
    /// The report itself, when it names no source.
    pub fn the_report() -> Self {
        Attribution::new(String::new(), SourceKind::TheReport)
    }

    /// A source of `kind` written `text`, citing no one, with no span, name or role.
    pub fn new(text: String, kind: SourceKind) -> Self {
        Attribution {
            text,
            kind,
            chain: Vec::new(),
            span: None,
            name: None,
            role: None,
        }
    }

    /// Who the source is: its name when the words only point to it, else the words.
    pub fn who(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.text)
    }
}

/// Sorts of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Governments, ministries, armies, presidencies, official statements.
    Official,
    /// Security sources and officials speaking unofficially.
    SecuritySources,
    /// Medical sources, hospitals.
    MedicalSources,
    /// A wire agency (AFP, AP, Reuters, a national news agency).
    WireAgency,
    /// Other media.
    Media,
    /// Witnesses, residents.
    Witnesses,
    /// Diplomats.
    Diplomats,
    /// Analysts, experts, critics.
    Analysts,
    /// A group speaking for itself (a militant group's statement).
    Group,
    /// Named but of no known sort.
    Other,
    /// No attribution: the report says it in its own voice.
    TheReport,
    /// A photo caption: the words under a picture, not the report's telling.
    Caption,
}

/// The part an actor plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    /// Who did it, or is held to have (the gunman, the suspect, the group that claimed it).
    Perpetrator,
    /// Who suffered it (the killed, the wounded, the target).
    Victim,
    /// An official body or an official speaking or acting for it (police, a ministry, a
    /// coroner's office, a sheriff).
    Official,
}

/// Where responsibility stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibilityStatus {
    /// A group claimed it.
    Claimed,
    /// No one has claimed it (yet).
    NotClaimed,
    /// A group denied it.
    Denied,
    /// A claim is called false.
    CalledFalse,
    /// Someone accuses the actor ("accused Sudan of carrying out the attack", "allegedly
    /// shot").
    Accused,
    /// Someone blames the actor ("blamed the attack on").
    Blamed,
    /// The actor is suspected ("the suspect", "a person of interest", "believed to have").
    Suspected,
    /// The actor is charged ("charged with capital murder", "faces charges of").
    Charged,
    /// The actor is arrested or in custody ("was arrested", "turned himself in").
    Arrested,
    /// The actor is convicted ("was convicted of", "found guilty", "pleaded guilty").
    Convicted,
}

impl ResponsibilityStatus {
    /// True for where a claim of responsibility stands (claimed, not claimed, denied, called
    /// false), as against the course of an accusation or of justice.
    pub fn is_about_a_claim(self) -> bool {
        matches!(
            self,
            Self::Claimed | Self::NotClaimed | Self::Denied | Self::CalledFalse
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinguish_kind_and_span() {
        let a = Claim::stable_id("r1", ClaimKind::Casualty, [10, 20]);
        assert_eq!(a, Claim::stable_id("r1", ClaimKind::Casualty, [10, 20]));
        // Pinned: annotations refer to these ids, so the hash must never change.
        assert_eq!(a, "c130e382433b0");
        assert_ne!(a, Claim::stable_id("r1", ClaimKind::Means, [10, 20]));
        assert_ne!(a, Claim::stable_id("r1", ClaimKind::Casualty, [10, 21]));
        assert_ne!(a, Claim::stable_id("r2", ClaimKind::Casualty, [10, 20]));
        assert_eq!(a.len(), 13);
    }
}
