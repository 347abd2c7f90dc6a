//! Section kinds (基本情况, 工作开展情况, …) recognised from titles, and the
//! item numbering styles a section can use.

use serde::{Deserialize, Serialize};

/// What a section is for. Recognised from its title; the writer can change it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Basic,
    Work,
    Highlights,
    Problems,
    Next,
    #[default]
    Custom,
}

/// How the items of a section are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberingStyle {
    /// `（一）heading。body`
    #[default]
    Paren,
    /// `一是heading。body`, each item its own paragraph.
    Ordinal,
    /// `一是…。二是…。` all in one paragraph.
    OrdinalInline,
    /// `1.heading。body`
    Arabic,
    /// `（1）heading。body`
    ArabicParen,
    /// `1、heading。body`, as many documents number their points.
    ArabicComma,
}

/// How the top level (the sections) is numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TopStyle {
    /// `一、`, as the genre numbers its parts.
    #[default]
    Chinese,
    /// `（一）`, in short summaries whose parts are small.
    Paren,
    /// `1、`
    ArabicComma,
}

impl TopStyle {
    pub const ALL: [TopStyle; 3] = [TopStyle::Chinese, TopStyle::Paren, TopStyle::ArabicComma];

    /// The name used in draft files.
    pub fn key(self) -> &'static str {
        match self {
            TopStyle::Chinese => "chinese",
            TopStyle::Paren => "paren",
            TopStyle::ArabicComma => "arabic-comma",
        }
    }

    /// The item style numbering the same way, if there is one (items below
    /// a `（一）` top level must be numbered otherwise).
    pub fn as_item_style(self) -> Option<NumberingStyle> {
        match self {
            TopStyle::Chinese => None,
            TopStyle::Paren => Some(NumberingStyle::Paren),
            TopStyle::ArabicComma => Some(NumberingStyle::ArabicComma),
        }
    }
}

impl SectionKind {
    pub const ALL: [SectionKind; 6] = [
        SectionKind::Basic,
        SectionKind::Work,
        SectionKind::Highlights,
        SectionKind::Problems,
        SectionKind::Next,
        SectionKind::Custom,
    ];

    /// The name used in draft files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Basic => "basic",
            SectionKind::Work => "work",
            SectionKind::Highlights => "highlights",
            SectionKind::Problems => "problems",
            SectionKind::Next => "next",
            SectionKind::Custom => "custom",
        }
    }

    /// The standard title a new section of this kind starts with.
    pub fn standard_title(self) -> &'static str {
        match self {
            SectionKind::Basic => "基本情况",
            SectionKind::Work => "工作开展情况",
            SectionKind::Highlights => "工作亮点",
            SectionKind::Problems => "存在的问题",
            SectionKind::Next => "下一步工作打算",
            SectionKind::Custom => "",
        }
    }

    /// The numbering style this kind of section usually has.
    pub fn default_style(self) -> NumberingStyle {
        // The genre numbers items （一）（二）… in every kind of section; the
        // writer switches a section to 一是… when that reads better.
        NumberingStyle::Paren
    }

    /// Recognises a section's kind from its title, generously: titles vary a lot
    /// (`存在的主要问题`, `2020年下半年工作计划`, `重点党建工作任务完成情况`).
    pub fn classify(title: &str) -> SectionKind {
        // A mark after the title (`存在的不足。`, `下一步打算：`) is no part of it.
        let title = title.trim_end_matches(['。', '：', '；', '！', '？', ':', ';']);
        let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if has(&[
            "下一步",
            "下步",
            "下半年",
            "明年",
            "下一年",
            "今后",
            "工作打算",
            "工作计划",
            "工作思路",
            "努力方向",
            "工作安排",
            "工作设想",
        ]) && !has(&["完成情况", "开展情况"])
        {
            return SectionKind::Next;
        }
        // 问题 alone is not enough: "问题清单逐项销号" is work done.
        if has(&[
            "存在问题",
            "存在的问题",
            "主要问题",
            "问题与不足",
            "问题和不足",
            "问题及原因",
            "不足之处",
            "存在不足",
            "差距和不足",
            "差距与不足",
            "短板",
            "薄弱环节",
        ]) || t.starts_with("问题")
            || t.ends_with("问题")
            || t.ends_with("不足")
        {
            return SectionKind::Problems;
        }
        if has(&["亮点", "特色", "经验", "创新做法", "成效显著"]) {
            return SectionKind::Highlights;
        }
        if has(&["基本情况", "基本概况", "支部概况", "概况", "党员情况"]) {
            return SectionKind::Basic;
        }
        if has(&[
            "工作开展",
            "开展情况",
            "主要工作",
            "完成情况",
            "落实情况",
            "工作总结",
            "工作情况",
            "主要做法",
            "工作成效",
            "取得成效",
            "重点工作",
            "做法",
            "成效",
            "措施",
        ]) {
            return SectionKind::Work;
        }
        SectionKind::Custom
    }
}

impl NumberingStyle {
    pub const ALL: [NumberingStyle; 6] = [
        NumberingStyle::Paren,
        NumberingStyle::Ordinal,
        NumberingStyle::OrdinalInline,
        NumberingStyle::Arabic,
        NumberingStyle::ArabicParen,
        NumberingStyle::ArabicComma,
    ];

    /// The name used in draft files.
    pub fn key(self) -> &'static str {
        match self {
            NumberingStyle::Paren => "paren",
            NumberingStyle::Ordinal => "ordinal",
            NumberingStyle::OrdinalInline => "ordinal-inline",
            NumberingStyle::Arabic => "arabic",
            NumberingStyle::ArabicParen => "arabic-paren",
            NumberingStyle::ArabicComma => "arabic-comma",
        }
    }

    /// The next style in [`NumberingStyle::ALL`], for cycling in the editor.
    pub fn next(self) -> NumberingStyle {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

impl SectionKind {
    /// The next kind in [`SectionKind::ALL`], for cycling in the editor.
    pub fn next(self) -> SectionKind {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_genre_titles() {
        use SectionKind::*;
        let cases = [
            ("党支部基本情况", Basic),
            ("基本情况", Basic),
            ("工作开展情况", Work),
            ("主要工作及成效", Work),
            ("重点党建工作任务完成情况", Work),
            ("上半年工作总结", Work),
            ("2020年上半年工作总结", Work),
            ("党风廉政建设责任制落实情况", Work),
            ("工作亮点", Highlights),
            ("特色亮点", Highlights),
            ("主要经验", Highlights),
            ("存在问题", Problems),
            ("存在的问题", Problems),
            ("存在的主要问题", Problems),
            ("问题与不足", Problems),
            ("下一步工作打算", Next),
            ("下一步打算", Next),
            ("下半年工作计划", Next),
            ("2020年下半年工作计划", Next),
            ("下步工作计划", Next),
            ("其他事项", Custom),
            ("存在的不足", Problems),
            ("问题及整改措施", Problems),
            ("强化巡察整改，问题清单逐项销号", Custom),
            ("存在的不足。", Problems),
            ("学习不足：", Problems),
            ("差距与不足；", Problems),
        ];
        for (title, want) in cases {
            assert_eq!(SectionKind::classify(title), want, "{title}");
        }
    }

    #[test]
    fn cycling_visits_every_value() {
        let mut k = SectionKind::Basic;
        for _ in 0..SectionKind::ALL.len() {
            k = k.next();
        }
        assert_eq!(k, SectionKind::Basic);
        assert_eq!(NumberingStyle::ArabicComma.next(), NumberingStyle::Paren);
    }
}
