//! Reading one report: its sentences, each read for every kind of claim in turn, with what
//! the report has said so far (who a death toll counts, the people named, the capital and
//! the actor named last) carried from sentence to sentence.

use rustc_hash::FxHashMap as HashMap;

use super::attribution::{self, Frame};
use super::filing::{Facts, TollRead, date_of};
use super::incident::{self, Incidents};
use super::lexicon::Lexicon;
use super::tokens::Tokens;
use super::{
    Sentence, actors, casualty, confirm_previous, location, names, sentences, sites, speakers,
    timex,
};
use crate::model::{
    ActorRole, Attribution, Claim, Detail, Hedge, Outcome, Report, ResponsibilityStatus,
    SourceKind, Who,
};

/// The claims of `report`, in text order.
pub fn read(lex: &Lexicon, report: &Report, incidents: &Incidents) -> Vec<Claim> {
    read_kept(lex, report, incidents).0
}

/// The claims of `report`, in text order, and what filing them under other incidents needs.
pub(super) fn read_kept(
    lex: &Lexicon,
    report: &Report,
    incidents: &Incidents,
) -> (Vec<Claim>, Facts) {
    let body = report.body.as_str();
    let lower = body.to_ascii_lowercase();
    let mut toks = Tokens::new(body, &lower);
    toks.set_masks(lex.masks(&toks));
    let sentences = sentences(body, &toks);
    let mut facts = Facts::of(lex, report, &toks, &sentences);
    let sentence_incidents = facts.labels(report, incidents);
    let mut reader = Reader {
        lex,
        report,
        incidents,
        toks: &toks,
        main_day: incident::main_day(report, incidents),
        claims: Vec::new(),
        toll_who: HashMap::default(),
        surnames: Vec::new(),
        last_capital: None,
        last_actor: None,
        prefix: Vec::new(),
        known: names::Known::default(),
        speakers: speakers::Speakers::default(),
        tolls: vec![None; sentences.len()],
    };
    for (n, s) in sentences.iter().enumerate() {
        let mut frames = attribution::frames(&toks, s.from, s.to, lex);
        reader
            .speakers
            .resolve(&toks, &mut frames, &mut reader.known);
        let current = Current {
            n,
            sentence: *s,
            incident: &sentence_incidents[n],
            frames,
            top: s.start < super::TOP_BYTES,
        };
        let first_new = reader.claims.len();
        let casualties = reader.casualties(&current);
        let means = actors::means(&toks, s.from, s.to, lex);
        reader.locations(&current, casualties > 0 || !means.is_empty());
        reader.times(&current, &facts.times[n]);
        reader.actors(&current, first_new, means);
        reader.statement(&current, first_new);
        // "Security and medical sources have confirmed this assessment": the sources of the
        // previous sentence's unattributed claims.
        if let Some(frame) = current.frames.iter().find(|f| f.anaphoric)
            && n > 0
        {
            confirm_previous(&mut reader.claims[..first_new], &sentences[n - 1], frame);
        }
    }
    let mut claims = reader.claims;
    cast_roles(&mut claims);
    claims.sort_by_key(|c| (c.span[0], c.span[1]));
    facts.tolls = reader.tolls;
    (claims, facts)
}

/// The part each named actor plays, from what the whole report says of them: counted among
/// the dead or wounded, a victim; held responsible (accused, charged, arrested...), a
/// perpetrator. An official's title or body already says so.
fn cast_roles(claims: &mut [Claim]) {
    let surname = |name: &str| name.rsplit(' ').next().unwrap_or_default().to_lowercase();
    let mut victims: Vec<String> = Vec::new();
    let mut perpetrators: Vec<String> = Vec::new();
    for c in claims.iter() {
        match &c.detail {
            Detail::Casualty {
                who,
                outcome,
                person: Some(p),
                ..
            } if !who.perpetrator
                && matches!(outcome, Outcome::Killed | Outcome::Injured | Outcome::Shot) =>
            {
                if let Some(name) = &p.name {
                    victims.push(surname(name));
                }
            }
            Detail::Responsibility {
                actor: Some(a),
                status,
            } if !status.is_about_a_claim() => perpetrators.push(surname(a)),
            _ => {}
        }
    }
    for c in claims.iter_mut() {
        if let Detail::Actor { actor, role, .. } = &mut c.detail
            && *role != Some(ActorRole::Official)
        {
            let last = surname(actor);
            if perpetrators.contains(&last) {
                *role = Some(ActorRole::Perpetrator);
            } else if victims.contains(&last) {
                *role = Some(ActorRole::Victim);
            }
        }
    }
}

/// One report being read.
struct Reader<'r, 't> {
    lex: &'r Lexicon,
    report: &'r Report,
    incidents: &'r Incidents<'r>,
    toks: &'r Tokens<'t>,
    /// The main incident's day, for "a week after".
    main_day: Option<jiff::civil::Date>,
    /// The claims so far.
    claims: Vec<Claim>,
    /// Who an unqualified death toll counts, per incident: the first group counted dead.
    toll_who: HashMap<String, Who>,
    /// Surnames of the people named so far, for "Caskey died".
    surnames: Vec<&'t str>,
    /// The capital named last, for "the capital".
    last_capital: Option<String>,
    /// The group named last, for "the group claimed ...".
    last_actor: Option<String>,
    /// A buffer casualty reading reuses from sentence to sentence.
    prefix: Vec<u32>,
    /// The people and organisations named so far.
    known: names::Known,
    /// The sources quoted so far, for "he said".
    speakers: speakers::Speakers,
    /// The toll each sentence with casualty claims was read with.
    tolls: Vec<Option<TollRead>>,
}

/// An actor a sentence names: a group of the lexicon or a name found by its words.
struct Mentioned {
    start: usize,
    end: usize,
    name: String,
    parent: Option<String>,
    role: Option<ActorRole>,
}

/// The sentence being read.
struct Current<'s> {
    /// Its index among the report's sentences.
    n: usize,
    sentence: Sentence,
    incident: &'s str,
    frames: Vec<Frame>,
    /// A sentence at the top of the report, where a dateline stands.
    top: bool,
}

impl Reader<'_, '_> {
    /// Adds a claim of tokens `start..end` of the current sentence.
    fn push(&mut self, cur: &Current, start: usize, end: usize, hedge: Hedge, detail: Detail) {
        let toks = self.toks;
        let span = [toks.start(start), toks.end(end - 1)];
        let attribution = attribution::choose(toks, &cur.frames, start, end)
            .map_or_else(Attribution::the_report, |f| f.attribution.clone());
        let report = self.report;
        self.claims.push(Claim {
            id: Claim::stable_id(&report.id, detail.kind(), span),
            report: report.id.clone(),
            text: report.body[span[0]..span[1]].to_string(),
            span,
            sentence: [cur.sentence.start, cur.sentence.end],
            attribution,
            hedge,
            incident: cur.incident.to_string(),
            detail,
        });
    }

    /// Casualty claims; returns how many.
    fn casualties(&mut self, cur: &Current) -> usize {
        let (toks, lex, s) = (self.toks, self.lex, cur.sentence);
        let given = self.toll_who.get(cur.incident);
        let mut ctx = casualty::Context {
            toll: casualty::Toll::new(given),
            surnames: &mut self.surnames,
            prefix: &mut self.prefix,
        };
        let found = casualty::find(toks, s.from, s.to, lex, &mut ctx);
        if !found.is_empty() {
            let asked = ctx.toll.asked().then(|| given.cloned());
            let gives = found
                .iter()
                .find(|c| c.outcome == Outcome::Killed && !c.who.text.is_empty())
                .map(|c| c.who.clone());
            self.tolls[cur.n] = Some(TollRead { asked, gives });
        }
        for c in &found {
            if c.outcome == Outcome::Killed && !c.who.text.is_empty() {
                self.toll_who
                    .entry(cur.incident.to_string())
                    .or_insert_with(|| c.who.clone());
            }
            let detail = Detail::Casualty {
                who: c.who.clone(),
                outcome: c.outcome,
                count: c.count,
                parts: c.parts.clone(),
                person: c.person.clone(),
            };
            self.push(cur, c.start, c.end, c.hedge, detail);
        }
        found.len()
    }

    /// Places, and distances and directions from them. Places are sought where something
    /// happens (`event`: a count or a means in the sentence) or is located.
    fn locations(&mut self, cur: &Current, event: bool) {
        let (toks, lex, s) = (self.toks, self.lex, cur.sentence);
        let relative = location::relative(toks, s.from, s.to, lex);
        let event = event
            || !relative.is_empty()
            || (s.from..s.to).any(|i| lex.responsibility.contains_at(toks, i));
        // Where nothing happens in the sentence, only what is surely a place: a town the
        // gazetteer knows, a site ("Good Samaritan Hospital"), an address, a dateline.
        let mut places = location::places(toks, s.from, s.to, lex);
        if !event {
            places.retain(|p| p.place.as_deref().is_some_and(|n| sites::is_known(n, lex)));
        }
        let streets = sites::addresses(toks, s.from, s.to);
        places.retain(|p| !streets.iter().any(|a| p.start < a.end && a.start < p.end));
        places.extend(streets);
        if cur.top
            && let Some(line) = sites::dateline(toks, s.from, s.to)
        {
            places.retain(|p| !(p.start < line.end && line.start < p.end));
            places.push(line);
        }
        // A person's name after "to" or "at" is no place ("condolences to Ortiz's family").
        places.retain(|p| {
            p.place
                .as_deref()
                .is_none_or(|n| !self.known.is_person_word(names::bare(n)))
        });
        places.sort_by_key(|p| p.start);
        let places = sites::join_nested(toks, places);
        // "south of the capital": the capital the report named before ("80 miles from the
        // Egyptian capital" resolved to Cairo).
        let relative: Vec<location::Location> = relative
            .into_iter()
            .map(|mut l| {
                if l.from.as_deref() == Some("the capital") {
                    l.from = self.last_capital.clone().or(l.from);
                } else if let Some(f) = &l.from
                    && lex.capitals.values().any(|c| c == f)
                {
                    self.last_capital = Some(f.clone());
                }
                l
            })
            .collect();
        let apart = places
            .iter()
            .filter(|p| !relative.iter().any(|r| p.start < r.end && r.start < p.end));
        for l in relative.iter().chain(apart) {
            let detail = Detail::Location {
                place: l.place.clone(),
                distance: l.distance.clone(),
                direction: l.direction.clone(),
                from: l.from.clone(),
            };
            self.push(cur, l.start, l.end, l.hedge, detail);
        }
    }

    /// Dates, each about whatever it points to.
    fn times(&mut self, cur: &Current, exprs: &[timex::TimeExpr]) {
        for e in exprs {
            // "a week after": that far from the main incident, when its day is known.
            let date = date_of(e, self.main_day);
            // A day the text gives no anchor for ("on Saturday" in an undated text) is still
            // when something happened: a time claim without a date, for the analyst to date.
            let detail = Detail::Time {
                date: date.map(|d| d.to_string()),
            };
            self.push(cur, e.start, e.end, Hedge::Exact, detail);
            // A date is about whatever it points to, whatever else its sentence is about
            // ("perished Friday ... since the launch in 2013").
            if let Some(date) = date
                && let Some(time) = self.claims.last_mut()
            {
                time.incident = incident::of_date(self.report, self.incidents, date);
            }
        }
    }

    /// Actors, responsibility and the sentence's `means`. An actor that is only the source
    /// of the sentence ("Sheriff Chris Nocco said") is its attribution, not an actor of it.
    fn actors(&mut self, cur: &Current, first_new: usize, means: Vec<(usize, usize, String)>) {
        let (toks, lex, s) = (self.toks, self.lex, cur.sentence);
        let mentions = actors::mentions(toks, s.from, s.to, lex);
        let mut named: Vec<Mentioned> = mentions
            .iter()
            .map(|m| {
                let entry = &lex.actor_entries[m.actor];
                Mentioned {
                    start: m.start,
                    end: m.end,
                    name: entry.name.clone(),
                    parent: entry.parent.clone(),
                    role: None,
                }
            })
            .collect();
        // A name that is a place of the sentence ("Sinai") or an outlet ("AFP") is no actor.
        let places: Vec<[usize; 2]> = self.claims[first_new..]
            .iter()
            .filter(|c| matches!(c.detail, Detail::Location { .. }))
            .map(|c| c.span)
            .collect();
        for n in names::find(toks, s.from, s.to, &mut self.known) {
            let (a, b) = (toks.start(n.start), toks.end(n.end - 1));
            let words: Vec<&str> = (n.start..n.end).filter_map(|k| toks.lower(k)).collect();
            let outlet = matches!(
                lex.source_kind(&words),
                Some(SourceKind::WireAgency | SourceKind::Media)
            );
            if !outlet
                && !places.iter().any(|p| a < p[1] && p[0] < b)
                && !named.iter().any(|m| n.start < m.end && m.start < n.end)
            {
                named.push(Mentioned {
                    start: n.start,
                    end: n.end,
                    name: n.name,
                    parent: None,
                    role: n.role,
                });
            }
        }
        named.sort_by_key(|m| m.start);
        let sources: Vec<[usize; 2]> = cur
            .frames
            .iter()
            .filter_map(|f| f.attribution.span)
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for m in &named {
            let (a, b) = (toks.start(m.start), toks.end(m.end - 1));
            if seen.contains(&m.name.as_str()) || sources.iter().any(|sp| a < sp[1] && sp[0] < b) {
                continue;
            }
            seen.push(&m.name);
            let detail = Detail::Actor {
                actor: m.name.clone(),
                parent: m.parent.clone(),
                role: m.role,
            };
            self.push(cur, m.start, m.end, Hedge::Exact, detail);
        }
        let candidates: Vec<actors::Candidate> = named
            .iter()
            .map(|m| actors::Candidate {
                start: m.start,
                end: m.end,
                official: m.role == Some(ActorRole::Official),
            })
            .collect();
        let responsibility = actors::responsibility(toks, s.from, s.to, lex, &candidates);
        for r in &responsibility {
            let hedge = match r.status {
                ResponsibilityStatus::NotClaimed
                | ResponsibilityStatus::Denied
                | ResponsibilityStatus::CalledFalse => Hedge::Negated,
                _ => Hedge::Exact,
            };
            let actor = r
                .actor
                .map(|n| named[n].name.clone())
                .or_else(|| r.refers_back.then(|| self.last_actor.clone()).flatten());
            let detail = Detail::Responsibility {
                actor,
                status: r.status,
            };
            self.push(cur, r.start, r.end, hedge, detail);
        }
        if let Some(m) = mentions.last() {
            self.last_actor = Some(lex.actor_entries[m.actor].name.clone());
        }
        for (start, end, name) in means {
            self.push(cur, start, end, Hedge::Exact, Detail::Means { means: name });
        }
    }

    /// An attributed sentence is a statement unless it is a count: what was said is compared
    /// as a whole ("the ministry said security forces were attacked"). It is attributed to
    /// its sentence's first source, wherever it stands. A further source that no claim of
    /// the sentence cites says the words since the one before ("“…,” Lay said. “…,” he
    /// said"): a statement of its own.
    fn statement(&mut self, cur: &Current, first_new: usize) {
        let toks = self.toks;
        let counts = self.claims[first_new..]
            .iter()
            .any(|c| matches!(c.detail, Detail::Casualty { .. }));
        let cited: Vec<Option<[usize; 2]>> = self.claims[first_new..]
            .iter()
            .map(|c| c.attribution.span)
            .collect();
        let s = cur.sentence;
        let mut piece_start = s.from;
        for (k, frame) in cur.frames.iter().enumerate() {
            let source_end = frame
                .attribution
                .span
                .map_or(frame.verb + 1, |sp| toks.index_at(sp[1]));
            let piece_end = source_end.max(frame.verb + 1).min(s.to);
            let (start, end) = if k == 0 {
                (s.from, s.to)
            } else {
                (piece_start, piece_end)
            };
            // What the further source said: the words of its piece besides its own.
            let own = |i: usize| {
                i == frame.verb
                    || frame
                        .attribution
                        .span
                        .is_some_and(|sp| toks.start(i) >= sp[0] && toks.end(i) <= sp[1])
            };
            let content = (start..end)
                .filter(|&i| toks.kind(i) == Some(super::tokens::Kind::Word) && !own(i))
                .count();
            let said = if k == 0 {
                !counts
            } else {
                !cited.contains(&frame.attribution.span) && content >= 3
            };
            if said {
                self.push(cur, start, end, Hedge::Exact, Detail::Statement);
                if let Some(statement) = self.claims.last_mut() {
                    statement.attribution = frame.attribution.clone();
                }
            }
            piece_start = piece_end;
        }
    }
}
