//! Typed JSON pointers into a report: `Ptr::action_item(i).owner()` instead of
//! `format!("/action_items/{i}/owner")`. Rules and times find spans by pointer; a
//! pointer with a typo finds nothing and the finding silently falls back to the
//! report's first line. Here a misspelled method is a compile error, and a test
//! walks every pointer the builders make through the schema, so a misspelled
//! field name is a failing test.

use std::fmt;
use std::ops::Deref;

use retrospec_model::Milestone;

/// A JSON pointer (RFC 6901) into a report, made by [`Ptr`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer as text, for example `/timeline/3/time`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn child(&self, segment: &str) -> Pointer {
        let mut p = String::with_capacity(self.0.len() + 1 + segment.len());
        p.push_str(&self.0);
        p.push('/');
        // Nearly every key needs no escape: no `replace` (two new strings, 11.5 M
        // instructions per 200 JSON reports) unless it does.
        if segment.contains(['~', '/']) {
            p.push_str(&segment.replace('~', "~0").replace('/', "~1"));
        } else {
            p.push_str(segment);
        }
        Pointer(p)
    }

    fn index(&self, i: usize) -> Pointer {
        // Digits written by hand: `format!` was 830 instructions a pointer, twice
        // per entry of a 2,500-entry timeline on every edit in the language server
        // (perf13).
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = i;
        loop {
            at -= 1;
            digits[at] = b"0123456789"[n % 10];
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut p = String::with_capacity(self.0.len() + 1 + digits.len() - at);
        p.push_str(&self.0);
        p.push('/');
        p.extend(digits[at..].iter().map(|&d| char::from(d)));
        Pointer(p)
    }
}

impl Deref for Pointer {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<Pointer> for String {
    fn from(pointer: Pointer) -> String {
        pointer.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The builders: one method per place in the model that rules point at.
#[derive(Debug, Clone, Copy)]
pub struct Ptr;

impl Ptr {
    fn root() -> Pointer {
        Pointer(String::new())
    }

    /// A top-level field named at run time (a configured section, an `x-` extension).
    pub fn field(name: &str) -> Pointer {
        Self::root().child(name)
    }

    /// `/date`.
    pub fn date() -> Pointer {
        Self::field("date")
    }

    /// `/severity`.
    pub fn severity() -> Pointer {
        Self::field("severity")
    }

    /// `/services/<i>`: service `i`.
    pub fn service(i: usize) -> Pointer {
        Self::field("services").index(i)
    }

    /// `/timezone`.
    pub fn timezone() -> Pointer {
        Self::field("timezone")
    }

    /// `/impact/description`.
    pub fn impact_description() -> Pointer {
        Self::field("impact").child("description")
    }

    /// `/milestones/<name>`.
    pub fn milestone(milestone: Milestone) -> Pointer {
        Self::field("milestones").child(milestone.as_str())
    }

    /// `/timeline`, the list.
    pub fn timeline() -> Pointer {
        Self::field("timeline")
    }

    /// Timeline entry `i`.
    pub fn timeline_entry(i: usize) -> TimelineEntry {
        TimelineEntry(Self::timeline().index(i))
    }

    /// `/action_items`, the list.
    pub fn action_items() -> Pointer {
        Self::field("action_items")
    }

    /// Action item `i`.
    pub fn action_item(i: usize) -> ActionItem {
        ActionItem(Self::action_items().index(i))
    }

    /// `/sections/<i>/body`: the body of free-form section `i`.
    pub fn section_body(i: usize) -> Pointer {
        Self::field("sections").index(i).child("body")
    }

    /// `/sections/<i>/title`: the title (heading) of free-form section `i`.
    pub fn section_title(i: usize) -> Pointer {
        Self::field("sections").index(i).child("title")
    }

    /// `/lessons/<group>/<i>`, where `group` is `went_well`, `went_wrong`, `got_lucky` or `other`.
    pub fn lesson(group: &str, i: usize) -> Pointer {
        Self::field("lessons").child(group).index(i)
    }
}

/// A timeline entry, from [`Ptr::timeline_entry`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry(Pointer);

impl TimelineEntry {
    /// The whole entry.
    pub fn whole(&self) -> Pointer {
        self.0.clone()
    }

    /// Its `time`.
    pub fn time(&self) -> Pointer {
        self.0.child("time")
    }

    /// Its `milestone` marker.
    pub fn milestone(&self) -> Pointer {
        self.0.child("milestone")
    }

    /// Its `text`.
    pub fn text(&self) -> Pointer {
        self.0.child("text")
    }
}

/// An action item, from [`Ptr::action_item`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem(Pointer);

impl ActionItem {
    /// The whole item.
    pub fn whole(&self) -> Pointer {
        self.0.clone()
    }

    /// Its `title`.
    pub fn title(&self) -> Pointer {
        self.0.child("title")
    }

    /// Its `owner`.
    pub fn owner(&self) -> Pointer {
        self.0.child("owner")
    }

    /// Its `due` date.
    pub fn due(&self) -> Pointer {
        self.0.child("due")
    }

    /// Its `status`.
    pub fn status(&self) -> Pointer {
        self.0.child("status")
    }

    /// Its `ticket`, a tracker's key (only tests point at it so far).
    #[cfg(test)]
    pub fn ticket(&self) -> Pointer {
        self.0.child("ticket")
    }

    /// Its `link`, an address or anything else that is not a key (only tests
    /// point at it so far).
    #[cfg(test)]
    pub fn link(&self) -> Pointer {
        self.0.child("link")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pointer the builders make.
    fn every_pointer() -> Vec<Pointer> {
        let entry = Ptr::timeline_entry(2);
        let item = Ptr::action_item(1);
        let mut all = vec![
            Ptr::date(),
            Ptr::severity(),
            Ptr::service(0),
            Ptr::timezone(),
            Ptr::impact_description(),
            Ptr::timeline(),
            entry.whole(),
            entry.time(),
            entry.milestone(),
            entry.text(),
            Ptr::action_items(),
            item.whole(),
            item.title(),
            item.owner(),
            item.due(),
            item.status(),
            item.ticket(),
            item.link(),
            Ptr::section_body(0),
        ];
        all.extend(Milestone::ALL.into_iter().map(Ptr::milestone));
        for group in ["went_well", "went_wrong", "got_lucky", "other"] {
            all.push(Ptr::lesson(group, 0));
        }
        all
    }

    #[test]
    fn every_pointer_names_a_place_in_the_schema() {
        for pointer in every_pointer() {
            assert!(
                crate::validate::object_schema_at(&pointer).is_some(),
                "{pointer} is not in the schema"
            );
        }
        // The check can fail: a misspelled field is not in the schema.
        assert!(crate::validate::object_schema_at("/action_items/0/ownr").is_none());
    }

    #[test]
    fn pointers_are_written_and_escaped_as_json_pointers() {
        assert_eq!(
            Ptr::action_item(3).owner().as_str(),
            "/action_items/3/owner"
        );
        assert_eq!(Ptr::timeline_entry(0).time().as_str(), "/timeline/0/time");
        assert_eq!(
            Ptr::milestone(Milestone::Started).as_str(),
            "/milestones/started"
        );
        assert_eq!(Ptr::field("x-a/b~c").as_str(), "/x-a~1b~0c");
        assert_eq!(
            Ptr::lesson("went_wrong", 2).as_str(),
            "/lessons/went_wrong/2"
        );
        for i in [0, 7, 10, 99, 100, 2_493, 1_000_000, usize::MAX] {
            assert_eq!(
                Ptr::timeline_entry(i).text().as_str(),
                format!("/timeline/{i}/text")
            );
        }
    }
}
