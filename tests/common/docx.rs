//! Reading an exported .docx back with a zip reader and an XML parser of
//! their own, independent of the crate that wrote it.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The parts of a package, by name.
pub struct Package {
    pub parts: BTreeMap<String, Vec<u8>>,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the .docx is a zip archive");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            parts.insert(file.name().to_string(), data);
        }
        Package { parts }
    }

    pub fn xml(&self, name: &str) -> String {
        let bytes = self
            .parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name} in {:?}", self.parts.keys()));
        String::from_utf8(bytes.clone()).expect("XML parts are UTF-8")
    }
}

/// `w:val` and the like: an attribute in the WordprocessingML namespace.
pub fn w_attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first descendant element `w:name` of `node`.
pub fn w_child<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    node.descendants().find(|n| {
        n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
    })
}

/// Elements `w:name` under `node`, in document order.
pub fn w_all<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.descendants().filter(move |n| {
        n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
    })
}

/// The text of a paragraph or run: its `w:t` elements joined.
pub fn text_of(node: roxmltree::Node) -> String {
    w_all(node, "t").filter_map(|t| t.text()).collect()
}

/// The paragraphs of the body (not of headers or footers), in order.
pub fn body_paragraphs<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    let body = w_child(doc.root(), "body").expect("w:body");
    body.children()
        .filter(|n| n.is_element() && n.tag_name().name() == "p")
        .collect()
}
