//! A person named by a first name alone where the report blames them: "The change
//! was pushed by Derek without a second review" in the root cause, "Jonah
//! regenerated it by hand ..., which broke private networking" in a weekly log,
//! "Bob ran the migration without the flag" in a timeline entry.
//!
//! A capitalised word alone could be a product, a company or a service
//! ("Argo ran", "Renovate merged"), so a first name is read only from a list of
//! common given names, minus those that also name tools (`Ruby`, `Travis`, `Ray`,
//! `Hugo`, `Cassandra`); and only when the report never writes it in lower case
//! nor after an article (`the Travis build`). Where it stands decides what it
//! takes: in the cause fields (root cause, trigger, contributing factors, what
//! went wrong) a name doing or having done what a person does by hand is named,
//! as a full name is; anywhere else (the timeline, the summary, sections of the
//! report's own words) the same sentence must also tell the act as the fault: a
//! flaw in it (`without a second review`, `by mistake`, `instead of restoring the
//! backup`, `forgot`) or the harm it did (`..., which broke ...`, `causing ...`).
//! "Bob restarted the service" is what responders do, and is not named.

use std::sync::LazyLock;

use crate::lean::Lean;

/// Common given names, written as names are, sorted (searched by halves: every
/// capitalised word of every text is looked up). Names that are also tools,
/// languages or products (`Ruby`, `Julia`, `Crystal`, `Hugo`, `Travis`, `Ray`,
/// `Cassandra`, `Luigi`, `Phoenix`, `Jasmine`, `Claude`, `Alexa`, `Watson`,
/// `Mason`, `Sage`, `Otto`) are left out, and so are common words (`Will`,
/// `Mark`, `Grant`, `Faith`, `June`): a product's name is not a person's.
const GIVEN: &[&str] = &[
    "Aaron",
    "Abdul",
    "Abigail",
    "Adam",
    "Adrian",
    "Ahmed",
    "Aisha",
    "Alan",
    "Albert",
    "Alberto",
    "Alejandro",
    "Aleksandr",
    "Alex",
    "Alexander",
    "Alexandra",
    "Alice",
    "Alicia",
    "Alison",
    "Amanda",
    "Amir",
    "Amit",
    "Amy",
    "Ana",
    "Anders",
    "Andre",
    "Andrea",
    "Andrei",
    "Andrew",
    "Andy",
    "Angela",
    "Anil",
    "Anita",
    "Anja",
    "Ann",
    "Anna",
    "Anne",
    "Anthony",
    "Antonio",
    "Anya",
    "Arjun",
    "Arthur",
    "Ashley",
    "Astrid",
    "Ben",
    "Benjamin",
    "Bernard",
    "Beth",
    "Bianca",
    "Bob",
    "Bobby",
    "Boris",
    "Brad",
    "Brandon",
    "Brenda",
    "Brian",
    "Bruce",
    "Bruno",
    "Bryan",
    "Caleb",
    "Cameron",
    "Carla",
    "Carlos",
    "Carmen",
    "Caroline",
    "Carolyn",
    "Catherine",
    "Cecilia",
    "Charles",
    "Charlie",
    "Charlotte",
    "Chen",
    "Chloe",
    "Chris",
    "Christian",
    "Christina",
    "Christine",
    "Christopher",
    "Claire",
    "Clara",
    "Claudia",
    "Colin",
    "Connor",
    "Craig",
    "Cynthia",
    "Dan",
    "Dana",
    "Daniel",
    "Daniela",
    "Danielle",
    "Dave",
    "David",
    "Deborah",
    "Denise",
    "Dennis",
    "Derek",
    "Diana",
    "Diego",
    "Dmitri",
    "Dmitry",
    "Dominic",
    "Donna",
    "Doug",
    "Douglas",
    "Dylan",
    "Eduardo",
    "Edward",
    "Elena",
    "Eli",
    "Elif",
    "Elijah",
    "Elizabeth",
    "Ella",
    "Ellen",
    "Emily",
    "Emma",
    "Eric",
    "Erik",
    "Erin",
    "Ethan",
    "Eva",
    "Evan",
    "Farah",
    "Fatima",
    "Felipe",
    "Felix",
    "Fernando",
    "Fiona",
    "Francesca",
    "Francisco",
    "Gabriel",
    "Gabriela",
    "Gareth",
    "Gary",
    "George",
    "Georgia",
    "Gerald",
    "Gina",
    "Giovanni",
    "Giulia",
    "Gloria",
    "Gordon",
    "Greg",
    "Gregory",
    "Hamid",
    "Hannah",
    "Hans",
    "Harold",
    "Harry",
    "Hassan",
    "Heidi",
    "Helen",
    "Helena",
    "Henrik",
    "Henry",
    "Hiroshi",
    "Hugh",
    "Ian",
    "Igor",
    "Ilse",
    "Ines",
    "Ingrid",
    "Irene",
    "Isaac",
    "Isabel",
    "Isabella",
    "Ivan",
    "Jacob",
    "Jake",
    "James",
    "Jamie",
    "Jan",
    "Jana",
    "Jane",
    "Janet",
    "Jared",
    "Jason",
    "Javier",
    "Jeff",
    "Jeffrey",
    "Jennifer",
    "Jenny",
    "Jeremy",
    "Jerome",
    "Jessica",
    "Jim",
    "Jimmy",
    "Joan",
    "Joanna",
    "Joe",
    "Joel",
    "Johan",
    "John",
    "Jon",
    "Jonah",
    "Jonas",
    "Jonathan",
    "Jordan",
    "Jorge",
    "Jose",
    "Joseph",
    "Josh",
    "Joshua",
    "Juan",
    "Judith",
    "Julian",
    "Julie",
    "Julien",
    "Justin",
    "Kaitlyn",
    "Karen",
    "Karl",
    "Kate",
    "Katherine",
    "Kathleen",
    "Katie",
    "Kavya",
    "Keith",
    "Kelly",
    "Kenji",
    "Kevin",
    "Kim",
    "Kimberly",
    "Klaus",
    "Kyle",
    "Lara",
    "Larry",
    "Lars",
    "Laura",
    "Lauren",
    "Lee",
    "Leila",
    "Lena",
    "Leo",
    "Leon",
    "Liam",
    "Lily",
    "Linda",
    "Lisa",
    "Logan",
    "Lorenzo",
    "Louis",
    "Lucas",
    "Lucia",
    "Lucy",
    "Luis",
    "Luka",
    "Lukas",
    "Magnus",
    "Mai",
    "Manuel",
    "Marco",
    "Marcus",
    "Marek",
    "Margaret",
    "Maria",
    "Mariana",
    "Marie",
    "Marina",
    "Mario",
    "Marisol",
    "Marta",
    "Martin",
    "Mary",
    "Matej",
    "Mateo",
    "Matt",
    "Matteo",
    "Matthew",
    "Max",
    "Maya",
    "Megan",
    "Mehmet",
    "Mei",
    "Melissa",
    "Michael",
    "Michelle",
    "Miguel",
    "Mike",
    "Mikhail",
    "Mila",
    "Milan",
    "Min",
    "Mira",
    "Miriam",
    "Mohamed",
    "Mohammed",
    "Monica",
    "Nadia",
    "Nancy",
    "Naomi",
    "Natalia",
    "Natalie",
    "Nathan",
    "Neha",
    "Neil",
    "Nicholas",
    "Nick",
    "Nicole",
    "Nikhil",
    "Nikolai",
    "Nina",
    "Noah",
    "Nora",
    "Oleg",
    "Olga",
    "Oliver",
    "Olivia",
    "Omar",
    "Oscar",
    "Owen",
    "Pablo",
    "Pamela",
    "Paolo",
    "Patricia",
    "Patrick",
    "Paul",
    "Paula",
    "Pedro",
    "Peter",
    "Petra",
    "Philip",
    "Pierre",
    "Pietro",
    "Pooja",
    "Priya",
    "Rachel",
    "Rafael",
    "Rahul",
    "Raj",
    "Rajesh",
    "Ralph",
    "Ramon",
    "Randy",
    "Raquel",
    "Ravi",
    "Rebecca",
    "Renee",
    "Ricardo",
    "Richard",
    "Rick",
    "Riya",
    "Robert",
    "Roberto",
    "Robin",
    "Rohan",
    "Roman",
    "Ronald",
    "Rosa",
    "Ruth",
    "Ryan",
    "Sam",
    "Samantha",
    "Samir",
    "Samuel",
    "Sandra",
    "Sanjay",
    "Sara",
    "Sarah",
    "Scott",
    "Sean",
    "Sebastian",
    "Sergei",
    "Sergey",
    "Shannon",
    "Sharon",
    "Shirley",
    "Simon",
    "Simone",
    "Sofia",
    "Sonia",
    "Sophie",
    "Stefan",
    "Stephanie",
    "Stephen",
    "Steve",
    "Steven",
    "Susan",
    "Sven",
    "Tanya",
    "Tara",
    "Teresa",
    "Thomas",
    "Tim",
    "Timothy",
    "Tina",
    "Tom",
    "Tomas",
    "Tony",
    "Tyler",
    "Valentina",
    "Vanessa",
    "Victor",
    "Victoria",
    "Vijay",
    "Viktor",
    "Vincent",
    "Virginia",
    "Vivek",
    "Walter",
    "Wei",
    "Wendy",
    "William",
    "Xavier",
    "Yara",
    "Yasmin",
    "Yuki",
    "Yusuf",
    "Zach",
    "Zoe",
];

/// What a person does by hand, as the subject (`Jonah regenerated it`) or the
/// agent of a passive (`pushed by Derek`): a finished act. Verbs ending in `-ed`
/// are acts too (`regenerated`, `restarted`); these are the irregular ones.
const IRREGULAR_ACTS: &[&str] = &[
    "ran", "made", "wrote", "put", "set", "took", "gave", "sent", "forgot", "chose", "began",
    "broke", "left", "shut", "cut", "hit", "drew", "threw", "overrode", "undid", "did", "brought",
    "built", "kept", "let", "rebuilt", "reset", "rewrote", "upgraded", "deleted",
];

/// A flaw told in the act's sentence: what the act left out or did wrong.
static FLAW: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:without\s+(?:a\s+|an\s+|the\s+|any\s+)?(?:second\s+|peer\s+|proper\s+|prior\s+)?(?:reviews?|reviewers?|approvals?|sign-?off|checks?|checking|testing|tests?|the\s+flag|a\s+flag|flags?|dry[\s-]?runs?|backups?|the\s+runbook|telling|asking|warning|announcing)|by\s+mistake|accidentally|mistakenly|inadvertently|carelessly|wrongly|by\s+accident|forgot|forgetting|skipped|skipping|ignored|ignoring|bypassed|bypassing|overrode|instead\s+of\s+\w+ing|rather\s+than\s+\w+ing|against\s+(?:the\s+)?(?:runbook|policy|advice|process))\b")
        .expect("the flaw pattern is valid")
});

/// The harm told as the act's result, in its sentence: "..., which broke ...",
/// "causing the outage", "and took down the API".
static HARM: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:,\s*which|\bthat|\band|\bwhich)\s+(?:then\s+|in\s+turn\s+)?(?:broke|caused|took\s+down|knocked\s+out|deleted|wiped|corrupted|triggered\s+the\s+(?:outage|incident)|started\s+the\s+(?:outage|incident))\b|\bcausing\s+(?:the\s+)?(?:outage|incident|errors?|failures?|disruption|downtime|data\s+loss)\b")
        .expect("the harm pattern is valid")
});

/// Whether `word`, as written, is a common given name of the list (`Jonas`).
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.binary_search(&word).is_ok()
}

/// Whether `word` is a finished act: an `-ed` word or an irregular one.
fn act(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()))
        || IRREGULAR_ACTS.contains(&w.as_str())
}

/// Where a given name stands as the one who acted in `text`: before a finished
/// act (`Jonah regenerated`, `Bob then ran`), after `by` following one (`pushed by
/// Derek`), or before `'s` and a change (`Derek's change`). The name's range in
/// `text`. `acts`: the acts read, when only some are (a person's by-hand acts in
/// a cause field: `pushed`, `ran`, `forgot`); else any finished act. A name in
/// a clause that only dates something (`after Ana took the lead`, `when Bob
/// joined`) is not the one who acted. `known`: names of one word the report
/// gives people that no list has (`Kestrel`, an action item's owner).
pub(super) fn actors(
    text: &str,
    acts: Option<&[&str]>,
    known: &[&str],
) -> Vec<std::ops::Range<usize>> {
    let act = |w: &str| match acts {
        Some(list) => list.contains(&w.to_ascii_lowercase().as_str()),
        None => act(w),
    };
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        // Bytes, not chars: the name is ASCII, and a char walk over every cause
        // cost four times as much (bench/README.md, perf17).
        let start = crate::scan::next_capital(bytes, at);
        if start == bytes.len() {
            break;
        }
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - start);
        at = end.max(start + 1);
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'@') {
            continue;
        }
        let name = &text[start..end];
        if GIVEN.binary_search(&name).is_err() && !known.contains(&name) {
            continue;
        }
        let after = &text[end..];
        // Not the first of two capitalised words (`Daniel Boone Hosting`): a full
        // name is the rule's other reading.
        if after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let next: Vec<&str> = after.split_whitespace().take(2).collect();
        let subject = after.starts_with([' ', '\t', '\n'])
            && match next.as_slice() {
                [w, ..] if act(w.trim_end_matches([',', '.'])) => true,
                [adverb, w, ..]
                    if matches!(
                        *adverb,
                        "then"
                            | "had"
                            | "also"
                            | "quickly"
                            | "manually"
                            | "accidentally"
                            | "mistakenly"
                            | "inadvertently"
                            | "later"
                    ) =>
                {
                    act(w)
                }
                _ => false,
            };
        let before: Vec<&str> = text[..start].split_whitespace().rev().take(2).collect();
        let agent = matches!(before.as_slice(), ["by", w, ..] if act(w));
        let dating = before.first().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "after" | "when" | "before" | "until" | "once" | "while" | "since" | "as"
            )
        });
        if dating {
            continue;
        }
        let possessive = (after.starts_with("'s ") || after.starts_with("\u{2019}s "))
            && after[3..]
                .trim_start_matches(|c: char| !c.is_ascii_alphabetic())
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    matches!(
                        w.trim_end_matches([',', '.']),
                        "change"
                            | "commit"
                            | "deploy"
                            | "deployment"
                            | "script"
                            | "edit"
                            | "mistake"
                            | "typo"
                            | "command"
                            | "migration"
                            | "push"
                    )
                });
        if subject || agent || possessive {
            out.push(start..end);
        }
    }
    out
}

/// Whether the sentence of `text` around `at` tells an act as the fault: a flaw
/// in it or the harm it did.
pub(super) fn told_as_fault(text: &str, at: std::ops::Range<usize>) -> bool {
    let stops = [". ", ".\n", "\n\n", "; ", "! ", "? ", "\n- ", "\n* "];
    let sentence = &text[crate::sentence::around(text, at, &stops, &stops)];
    FLAW.is_match(sentence) || HARM.is_match(sentence)
}

#[cfg(test)]
mod tests {
    fn actors(text: &str) -> Vec<&str> {
        super::actors(text, None, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn the_names_are_sorted_for_their_search() {
        assert!(super::GIVEN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_first_name_that_acted() {
        assert_eq!(
            actors("The change was pushed by Derek without a review."),
            ["Derek"]
        );
        assert_eq!(actors("Then Jonah regenerated it by hand."), ["Jonah"]);
        assert_eq!(actors("Bob then ran the migration."), ["Bob"]);
        assert_eq!(actors("Derek's change removed the field."), ["Derek"]);
        // In a cause field only a person's by-hand acts are read.
        let by_hand = |t: &str| -> Vec<std::ops::Range<usize>> {
            super::actors(t, Some(&["pushed", "ran"]), &[])
        };
        assert_eq!(by_hand("It was pushed by Derek.").len(), 1);
        assert!(by_hand("Ana took the lead.").is_empty());
        for quiet in [
            "Renovate merged the bump.",
            "Travis failed the build.",
            "Ask Derek about it.",
            "Daniel Boone Hosting replaced the PDU.",
            "The fix from Derek is ready.",
            "Derek is on call.",
            "@Derek ran it.",
            "It took 37 minutes after Ana took the lead.",
            "When Bob joined the call, the errors had stopped.",
        ] {
            assert!(actors(quiet).is_empty(), "{quiet}: {:?}", actors(quiet));
        }
    }

    #[test]
    fn an_act_told_as_the_fault() {
        let fault = |t: &str| {
            let r = super::actors(t, None, &[]).into_iter().next().expect(t);
            super::told_as_fault(t, r)
        };
        assert!(fault("Bob ran the migration without the flag."));
        assert!(fault(
            "Jonah regenerated it by hand, which broke networking."
        ));
        assert!(fault(
            "Rather than restoring the backup, Jonah regenerated the config."
        ));
        assert!(fault("Dana accidentally deleted the volume."));
        assert!(!fault(
            "Bob restarted the service. It came back without errors."
        ));
        assert!(!fault("Bob restarted the service and it recovered."));
        assert!(!fault(
            "Priya finished moving the cache hosts, without any customer impact."
        ));
    }
}
