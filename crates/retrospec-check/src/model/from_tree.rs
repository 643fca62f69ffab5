//! The model read straight from the spanned tree: a serde [`Deserializer`] over
//! [`Node`], so a check builds no `serde_json::Value` for the model.
//!
//! It reads what [`super::lenient`] reads from the tree turned into JSON, and must
//! give the same model for every tree and every list of rejected values (the
//! agreement test in `agreement.rs` holds it to that over the corpus and mutated
//! documents). What that takes:
//!
//! - A mapping is read as [`Node::to_json`] writes it: in the order written, the
//!   first of duplicate keys only.
//! - Each serde call answers as serde_json's `&Value` deserializer answers it (the
//!   same `visit_*` call, an error where it errs), so serde's derived code, and
//!   `serde_path_to_error`'s paths on the rare retry, come out the same.
//! - Values the schema rejected are not taken out of the tree (the rules still need
//!   it whole): an [`Overlay`] records what the JSON pruning would have done to
//!   which node (a key removed; a list item emptied to `""` or `{}`), found by
//!   replaying the pruning on the tree with the overlay applied, and the
//!   deserializer reads the tree through it. A clean report has an empty overlay.

use retrospec_model::Postmortem;
use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use crate::tree::{Entry, Node, Value, parse_pointer};

/// What the pruning of rejected values did to one node of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// Its mapping key was removed.
    Removed,
    /// The list item was replaced by an empty string.
    EmptyString,
    /// The list item was replaced by an empty mapping.
    EmptyObject,
}

/// The edits of the pruning, by node (its address in the tree).
#[derive(Debug, Default)]
struct Overlay<'a> {
    edits: Vec<(&'a Node, Edit)>,
}

impl<'a> Overlay<'a> {
    fn edit(&self, node: &Node) -> Option<Edit> {
        if self.edits.is_empty() {
            return None;
        }
        self.edits
            .iter()
            .find(|(n, _)| std::ptr::eq(*n, node))
            .map(|(_, e)| *e)
    }

    fn set(&mut self, node: &'a Node, edit: Edit) {
        match self.edits.iter_mut().find(|(n, _)| std::ptr::eq(*n, node)) {
            Some(slot) => slot.1 = edit,
            None => self.edits.push((node, edit)),
        }
    }

    /// A node as the pruned JSON has it.
    fn view(&self, node: &'a Node) -> View<'a> {
        match self.edit(node) {
            Some(Edit::EmptyString) => View::EmptyString,
            Some(Edit::EmptyObject) => View::EmptyObject,
            Some(Edit::Removed) | None => View::Node(node),
        }
    }

    /// The entry `key` of a mapping as the JSON has it: the first of that name,
    /// unless it was removed.
    fn entry(&self, entries: &'a [Entry], key: &str) -> Option<&'a Entry> {
        let entry = entries.iter().find(|e| e.key == key)?;
        (self.edit(&entry.value) != Some(Edit::Removed)).then_some(entry)
    }

    /// Replays `model::prune` (JSON pointer `pointer`) on the tree: records its
    /// edit and returns whether it changed anything.
    fn prune(&mut self, root: &'a Node, pointer: &str) -> bool {
        let segments = parse_pointer(pointer);
        let Some((last, parents)) = segments.split_last() else {
            return false;
        };
        let mut view = self.view(root);
        for segment in parents {
            let View::Node(node) = view else {
                // An empty string has no children, an empty mapping none either.
                return false;
            };
            view = match &node.value {
                Value::Map(entries) => match self.entry(entries, segment) {
                    Some(entry) => self.view(&entry.value),
                    None => return false,
                },
                Value::Seq(items) => {
                    match segment.parse::<usize>().ok().and_then(|i| items.get(i)) {
                        Some(item) => self.view(item),
                        None => return false,
                    }
                }
                _ => return false,
            };
        }
        let View::Node(node) = view else {
            return false;
        };
        match &node.value {
            Value::Map(entries) => match self.entry(entries, last) {
                Some(entry) => {
                    self.set(&entry.value, Edit::Removed);
                    true
                }
                None => false,
            },
            Value::Seq(items) => match last.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(item) => {
                    // An object becomes an empty string, anything else an empty object.
                    let edit = match self.view(item) {
                        View::EmptyObject => Edit::EmptyString,
                        View::Node(Node {
                            value: Value::Map(_),
                            ..
                        }) => Edit::EmptyString,
                        _ => Edit::EmptyObject,
                    };
                    self.set(item, edit);
                    true
                }
                None => false,
            },
            _ => false,
        }
    }
}

/// Reads the model from `tree` with the values at `rejected` (JSON pointers) left
/// out: the same model as [`super::lenient`] of the tree as JSON.
pub fn from_tree(tree: &Node, rejected: &[String]) -> Postmortem {
    let mut overlay = Overlay::default();
    for pointer in rejected {
        overlay.prune(tree, pointer);
    }
    let de = TreeDe {
        view: overlay.view(tree),
        overlay: &overlay,
    };
    let mut model = match Postmortem::deserialize(de) {
        Ok(model) => model,
        Err(_) => retry(tree, overlay),
    };
    model
        .extensions
        .retain(|k, _| k.starts_with(retrospec_model::schema::EXTENSION_PREFIX));
    model
}

/// As `model::retry`: removes what serde reports, one path at a time.
fn retry<'a>(tree: &'a Node, mut overlay: Overlay<'a>) -> Postmortem {
    for _ in 0..32 {
        let de = TreeDe {
            view: overlay.view(tree),
            overlay: &overlay,
        };
        match serde_path_to_error::deserialize::<_, Postmortem>(de) {
            Ok(model) => return model,
            Err(error) => {
                let pointer = super::path_to_pointer(&error.path().to_string());
                if pointer.is_empty() || !overlay.prune(tree, &pointer) {
                    break;
                }
            }
        }
    }
    Postmortem::default()
}

/// A value as the pruned JSON has it.
#[derive(Debug, Clone, Copy)]
enum View<'a> {
    Node(&'a Node),
    EmptyString,
    EmptyObject,
}

impl View<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            View::EmptyString => Unexpected::Str(""),
            View::EmptyObject => Unexpected::Map,
            View::Node(node) => match &node.value {
                Value::Null => Unexpected::Unit,
                Value::Bool(b) => Unexpected::Bool(*b),
                Value::Number(n) => {
                    if let Some(u) = n.as_u64() {
                        Unexpected::Unsigned(u)
                    } else if let Some(i) = n.as_i64() {
                        Unexpected::Signed(i)
                    } else {
                        Unexpected::Float(n.as_f64().unwrap_or_default())
                    }
                }
                Value::String(s) => Unexpected::Str(s),
                Value::Seq(_) => Unexpected::Seq,
                Value::Map(_) => Unexpected::Map,
            },
        }
    }
}

/// The deserializer over one value of the tree, seen through the overlay.
#[derive(Clone, Copy)]
struct TreeDe<'a, 'o> {
    view: View<'a>,
    overlay: &'o Overlay<'a>,
}

impl<'a, 'o> TreeDe<'a, 'o> {
    fn at(&self, node: &'a Node) -> Self {
        TreeDe {
            view: self.overlay.view(node),
            overlay: self.overlay,
        }
    }

    fn invalid<T>(&self, expected: &dyn de::Expected) -> Result<T, Error> {
        Err(Error::invalid_type(self.view.unexpected(), expected))
    }

    fn visit_seq<V: Visitor<'a>>(&self, items: &'a [Node], visitor: V) -> Result<V::Value, Error> {
        let mut access = Items {
            items: items.iter(),
            de: *self,
        };
        let value = visitor.visit_seq(&mut access)?;
        if access.items.len() == 0 {
            Ok(value)
        } else {
            Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            ))
        }
    }

    fn visit_map<V: Visitor<'a>>(
        &self,
        entries: &'a [Entry],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut access = Entries {
            entries,
            next: 0,
            value: None,
            de: *self,
        };
        let value = visitor.visit_map(&mut access)?;
        if access.remaining() == 0 {
            Ok(value)
        } else {
            Err(Error::invalid_length(
                access.len(),
                &"fewer elements in map",
            ))
        }
    }

    fn visit_number<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Number(n),
                ..
            }) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or_default())
                }
            }
            _ => self.invalid(&visitor),
        }
    }

    fn visit_str<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::EmptyString => visitor.visit_borrowed_str(""),
            View::Node(Node {
                value: Value::String(s),
                ..
            }) => visitor.visit_borrowed_str(s),
            _ => self.invalid(&visitor),
        }
    }
}

impl<'a> Deserializer<'a> for TreeDe<'a, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let node = match self.view {
            View::EmptyString => return visitor.visit_borrowed_str(""),
            View::EmptyObject => return self.visit_map(&[], visitor),
            View::Node(node) => node,
        };
        match &node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => self.visit_number(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => self.visit_seq(items, visitor),
            Value::Map(entries) => self.visit_map(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Null, ..
            }) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let single_key = || Error::invalid_value(Unexpected::Map, &"map with a single key");
        let (variant, value) = match self.view {
            View::EmptyString => ("", None),
            View::EmptyObject => return Err(single_key()),
            View::Node(node) => match &node.value {
                Value::String(s) => (s.as_str(), None),
                Value::Map(entries) => {
                    let access = Entries {
                        entries,
                        next: 0,
                        value: None,
                        de: self,
                    };
                    let mut live = access.live();
                    let Some(entry) = live.next() else {
                        return Err(single_key());
                    };
                    if live.next().is_some() {
                        return Err(single_key());
                    }
                    (entry.key.as_str(), Some(self.at(&entry.value)))
                }
                _ => return self.invalid(&"string or map"),
            },
        };
        visitor.visit_enum(Variant { variant, value })
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Bool(b),
                ..
            }) => visitor.visit_bool(*b),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_i8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_i16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_i32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_i64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_i128<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_u8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_u16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_u32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_u64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_u128<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_f32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }
    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_number(visitor)
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_str(visitor)
    }
    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_str(visitor)
    }
    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Seq(items),
                ..
            }) => self.visit_seq(items, visitor),
            _ => self.visit_str(visitor),
        }
    }
    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Null, ..
            }) => visitor.visit_unit(),
            _ => self.invalid(&visitor),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Seq(items),
                ..
            }) => self.visit_seq(items, visitor),
            _ => self.invalid(&visitor),
        }
    }
    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.view {
            View::EmptyObject => self.visit_map(&[], visitor),
            View::Node(Node {
                value: Value::Map(entries),
                ..
            }) => self.visit_map(entries, visitor),
            _ => self.invalid(&visitor),
        }
    }
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.view {
            View::Node(Node {
                value: Value::Seq(items),
                ..
            }) => self.visit_seq(items, visitor),
            _ => self.deserialize_map(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The items of a list.
struct Items<'a, 'o> {
    items: std::slice::Iter<'a, Node>,
    de: TreeDe<'a, 'o>,
}

impl<'a> SeqAccess<'a> for Items<'a, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(item) => seed.deserialize(self.de.at(item)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a mapping as the JSON has them: the first of duplicate keys
/// only, removed ones left out.
struct Entries<'a, 'o> {
    entries: &'a [Entry],
    next: usize,
    value: Option<&'a Node>,
    de: TreeDe<'a, 'o>,
}

impl<'a, 'o> Entries<'a, 'o> {
    /// Whether entry `i` is in the JSON.
    fn is_live(&self, i: usize) -> bool {
        let entry = &self.entries[i];
        !self.entries[..i].iter().any(|e| e.key == entry.key)
            && self.de.overlay.edit(&entry.value) != Some(Edit::Removed)
    }

    fn live(&self) -> impl Iterator<Item = &'a Entry> + '_ {
        (0..self.entries.len())
            .filter(|&i| self.is_live(i))
            .map(|i| &self.entries[i])
    }

    fn len(&self) -> usize {
        self.live().count()
    }

    fn remaining(&self) -> usize {
        (self.next..self.entries.len())
            .filter(|&i| self.is_live(i))
            .count()
    }
}

impl<'a> MapAccess<'a> for Entries<'a, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        while self.next < self.entries.len() {
            let i = self.next;
            self.next += 1;
            if self.is_live(i) {
                let entry = &self.entries[i];
                self.value = Some(&entry.value);
                return seed
                    .deserialize(BorrowedStrDeserializer::new(&entry.key))
                    .map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(node) => seed.deserialize(self.de.at(node)),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.remaining())
    }
}

/// An enum written as its variant's name, or as a mapping with one key.
struct Variant<'a, 'o> {
    variant: &'a str,
    value: Option<TreeDe<'a, 'o>>,
}

impl<'a, 'o> EnumAccess<'a> for Variant<'a, 'o> {
    type Error = Error;
    type Variant = Content<'a, 'o>;

    fn variant_seed<S: DeserializeSeed<'a>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Error> {
        let name: de::value::StrDeserializer<'_, Error> = self.variant.into_deserializer();
        seed.deserialize(name).map(|v| (v, Content(self.value)))
    }
}

/// What a variant holds: nothing when written as its name.
struct Content<'a, 'o>(Option<TreeDe<'a, 'o>>);

impl<'a> VariantAccess<'a> for Content<'a, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(de) => <()>::deserialize(de),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(de) => seed.deserialize(de),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(de) => match de.view {
                View::Node(Node {
                    value: Value::Seq(items),
                    ..
                }) if items.is_empty() => visitor.visit_unit(),
                View::Node(Node {
                    value: Value::Seq(items),
                    ..
                }) => de.visit_seq(items, visitor),
                _ => de.invalid(&"tuple variant"),
            },
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(de) => match de.view {
                View::EmptyObject => de.visit_map(&[], visitor),
                View::Node(Node {
                    value: Value::Map(entries),
                    ..
                }) => de.visit_map(entries, visitor),
                _ => de.invalid(&"struct variant"),
            },
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}
