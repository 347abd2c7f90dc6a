//! Key bindings as data: every action with its name and description, the
//! default keys per context, user overrides from the config. The help
//! screen is generated from the same table that dispatches keys.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

/// Where a key is pressed; a key means different things in different panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere in the editor, before the pane's own keys.
    Global,
    Outline,
    Editor,
    Preview,
    Findings,
    Picker,
}

impl Context {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("全局", "Everywhere"),
            Context::Outline => lang.pick("大纲", "Outline"),
            Context::Editor => lang.pick("编辑", "Editor"),
            Context::Preview => lang.pick("预览", "Preview"),
            Context::Findings => lang.pick("检查", "Findings"),
            Context::Picker => lang.pick("草稿列表", "Drafts"),
        }
    }
}

macro_rules! actions {
    ($( $variant:ident = $name:literal, $zh:literal, $en:literal; )*) => {
        /// Everything a key can do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in `config.toml`, e.g. `move_down`.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            pub fn description(self, lang: Lang) -> &'static str {
                match self { $(Action::$variant => lang.pick($zh, $en)),* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Save = "save", "立即保存", "Save now";
    Export = "export", "导出为 .txt 或 .docx（公文格式）", "Export as .txt or .docx (official layout)";
    Quit = "quit", "保存并退出", "Save and quit";
    Exit = "exit", "退出", "Quit";
    Help = "help", "显示／关闭帮助", "Show or hide help";
    FocusNext = "focus_next", "切换到下一个窗格", "Focus the next pane";
    FocusPrev = "focus_prev", "切换到上一个窗格", "Focus the previous pane";
    Find = "find", "查找", "Find";
    Replace = "replace", "全文替换", "Replace across the draft";
    Check = "check", "检查全文", "Check the draft";
    ToggleReference = "reference", "显示／关闭上一期参考", "Show or hide the earlier draft";
    Up = "up", "上一项", "Select previous";
    Down = "down", "下一项", "Select next";
    First = "first", "第一项", "Select first";
    Last = "last", "最后一项", "Select last";
    PageUp = "page_up", "上翻一页", "Page up";
    PageDown = "page_down", "下翻一页", "Page down";
    Edit = "edit", "编辑所选部分", "Edit the selection";
    MoveUp = "move_up", "上移所选条目或部分", "Move the item or section up";
    MoveDown = "move_down", "下移所选条目或部分", "Move the item or section down";
    NewItem = "new_item", "新增同级条目", "New item at the same level";
    NewSection = "new_section", "新增部分（选择类型）", "New section (choose a kind)";
    NewChild = "new_child", "新增下一级条目", "New point one level down";
    Promote = "promote", "升一级（连同下级）", "Promote (with the points below)";
    Demote = "demote", "降一级（连同下级）", "Demote (with the points below)";
    Fold = "fold", "折叠：收起／下一级／全部（无下级时换窗格）", "Fold: folded / children / all (else next pane)";
    FoldAll = "fold_all", "折叠整个大纲：部分／条目／全部", "Fold the outline: sections / items / all";
    Delete = "delete", "删除所选（可撤销）", "Delete the selection (undoable)";
    Undo = "undo", "撤销", "Undo";
    Redo = "redo", "重做", "Redo";
    CycleStyle = "cycle_style", "切换本级的编号样式", "Cycle the numbering style of this level";
    CycleKind = "cycle_kind", "切换本部分的类型", "Cycle the section's kind";
    SetTarget = "set_target", "设定目标字数（所选部分；在标题处为全文）", "Set the target length (section or draft)";
    Leave = "leave", "返回大纲", "Back to the outline";
    Copy = "copy", "复制", "Copy";
    Cut = "cut", "剪切", "Cut";
    Paste = "paste", "粘贴", "Paste";
    SelectAll = "select_all", "全选本栏文字", "Select all of the field";
    ApplyFix = "apply_fix", "应用修正", "Apply the fix";
    Open = "open", "打开草稿", "Open the draft";
    NewDraft = "new_draft", "用模板新建草稿", "New draft from a template";
    RenameDraft = "rename_draft", "修改标题（Tab 改编号）", "Change the title (Tab: the id)";
    CopyDraft = "copy_draft", "复制草稿（标题加“（副本）”）", "Copy the draft (titled “…（副本）”)";
    NextPeriodDraft = "next_period_draft", "据此新建下一期总结", "Next period's draft from this one";
    SaveAsTemplate = "save_as_template", "存为自己的模板", "Keep as a template of your own";
    DeleteDraft = "delete_draft", "删除草稿（移入回收站）", "Delete the draft (to the trash)";
    RestoreBackup = "restore_backup", "恢复上一版本", "Restore the previous version";
    ShowTrash = "show_trash", "查看回收站", "Show the trash";
    ShowHistory = "show_history", "查看早先的版本", "Show the earlier versions";
}

/// One key with its modifiers, as written in the config: `C-s`, `A-Down`, `J`, `F1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyBinding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyBinding {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyBinding {
        KeyBinding { code, modifiers }.normalized()
    }

    /// Shift is part of the character for letters (`J` is Shift+j), and
    /// Shift+Tab arrives as BackTab: drop what would make equal keys differ.
    fn normalized(mut self) -> KeyBinding {
        match self.code {
            KeyCode::Char(_) | KeyCode::BackTab => self.modifiers.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        if let KeyCode::Char(c) = self.code
            && self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            self.code = KeyCode::Char(c.to_ascii_lowercase());
        }
        self
    }

    pub fn from_event(event: &KeyEvent) -> KeyBinding {
        KeyBinding::new(
            event.code,
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT),
        )
    }

    /// Parses `C-s`, `A-Down`, `S-Tab`, `J`, `Enter`, `F1`, `Space`.
    pub fn parse(text: &str) -> Result<KeyBinding, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text.trim();
        loop {
            let (m, tail) = match rest.split_once('-') {
                Some((m, tail)) if !tail.is_empty() && m.len() == 1 => (m, tail),
                _ => break,
            };
            modifiers |= match m {
                "C" | "c" => KeyModifiers::CONTROL,
                "A" | "a" | "M" | "m" => KeyModifiers::ALT,
                "S" | "s" => KeyModifiers::SHIFT,
                _ => return Err(format!("unknown modifier `{m}` in `{text}` (C-, A-, S-)")),
            };
            rest = tail;
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "enter" | "ret" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "del" | "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "insert" | "ins" => KeyCode::Insert,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                let n: u8 = f[1..]
                    .parse()
                    .map_err(|_| format!("unknown key `{text}`"))?;
                if !(1..=12).contains(&n) {
                    return Err(format!("unknown key `{text}`"));
                }
                KeyCode::F(n)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(format!("unknown key `{text}`")),
                }
            }
        };
        Ok(KeyBinding::new(code, modifiers))
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl+")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt+")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift+")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift+Tab"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The default bindings: (context, action, keys).
const DEFAULTS: &[(Context, Action, &[&str])] = &[
    (Context::Global, Action::Save, &["C-s"]),
    (Context::Global, Action::Export, &["C-e"]),
    (Context::Global, Action::Quit, &["C-q"]),
    (Context::Global, Action::Help, &["F1"]),
    (Context::Global, Action::FocusNext, &["Tab"]),
    (Context::Global, Action::FocusPrev, &["S-Tab"]),
    (Context::Global, Action::Find, &["C-f"]),
    (Context::Global, Action::Replace, &["C-r"]),
    (Context::Global, Action::Check, &["F7"]),
    (Context::Global, Action::ToggleReference, &["F9"]),
    (Context::Outline, Action::Up, &["Up", "k"]),
    (Context::Outline, Action::Down, &["Down", "j"]),
    (Context::Outline, Action::First, &["Home", "g"]),
    (Context::Outline, Action::Last, &["End", "G"]),
    (Context::Outline, Action::PageUp, &["PageUp"]),
    (Context::Outline, Action::PageDown, &["PageDown"]),
    (Context::Outline, Action::Edit, &["Enter"]),
    (Context::Outline, Action::MoveUp, &["A-Up", "K"]),
    (Context::Outline, Action::MoveDown, &["A-Down", "J"]),
    (Context::Outline, Action::NewItem, &["a"]),
    (Context::Outline, Action::NewSection, &["A"]),
    (Context::Outline, Action::NewChild, &["i"]),
    (Context::Outline, Action::Promote, &["A-Left"]),
    (Context::Outline, Action::Demote, &["A-Right"]),
    (Context::Outline, Action::Fold, &["Tab"]),
    (Context::Outline, Action::FoldAll, &["S-Tab"]),
    (Context::Outline, Action::Delete, &["Delete", "d"]),
    (Context::Outline, Action::Undo, &["u", "C-z"]),
    (Context::Outline, Action::Redo, &["C-y"]),
    (Context::Outline, Action::CycleStyle, &["n"]),
    (Context::Outline, Action::CycleKind, &["c"]),
    (Context::Outline, Action::Copy, &["C-c"]),
    (Context::Outline, Action::Cut, &["C-x"]),
    (Context::Outline, Action::Paste, &["C-v"]),
    (Context::Editor, Action::Copy, &["C-c"]),
    (Context::Editor, Action::Cut, &["C-x"]),
    (Context::Editor, Action::Paste, &["C-v"]),
    (Context::Editor, Action::SelectAll, &["C-a"]),
    (Context::Outline, Action::SetTarget, &["t"]),
    (Context::Editor, Action::Undo, &["C-z"]),
    (Context::Editor, Action::Redo, &["C-y"]),
    (Context::Editor, Action::Leave, &["Esc"]),
    (Context::Preview, Action::Up, &["Up", "k"]),
    (Context::Preview, Action::Down, &["Down", "j"]),
    (Context::Preview, Action::PageUp, &["PageUp"]),
    (Context::Preview, Action::PageDown, &["PageDown", "Space"]),
    (Context::Preview, Action::Leave, &["Esc"]),
    (Context::Findings, Action::Up, &["Up", "k"]),
    (Context::Findings, Action::Down, &["Down", "j"]),
    (Context::Findings, Action::Edit, &["Enter"]),
    (Context::Findings, Action::ApplyFix, &["f"]),
    (Context::Findings, Action::Leave, &["Esc"]),
    (Context::Picker, Action::Up, &["Up"]),
    (Context::Picker, Action::Down, &["Down"]),
    (Context::Picker, Action::Open, &["Enter"]),
    (Context::Picker, Action::NewDraft, &["C-n"]),
    (Context::Picker, Action::RenameDraft, &["F2"]),
    (Context::Picker, Action::CopyDraft, &["F5"]),
    (Context::Picker, Action::NextPeriodDraft, &["F3"]),
    (Context::Picker, Action::SaveAsTemplate, &["C-t"]),
    (Context::Picker, Action::DeleteDraft, &["Delete"]),
    (Context::Picker, Action::RestoreBackup, &["F6"]),
    (Context::Picker, Action::ShowHistory, &["F4"]),
    (Context::Picker, Action::ShowTrash, &["F8"]),
    (Context::Picker, Action::Help, &["F1"]),
    (Context::Picker, Action::Exit, &["C-q", "Esc"]),
];

/// The outline's Tab and Shift+Tab fold (the genre's outline as org-mode
/// folds it); Tab still moves focus from a row with nothing to fold.
fn folds_instead_of_focus(pane: Action, global: Action) -> bool {
    matches!(
        (pane, global),
        (
            Action::Fold | Action::FoldAll,
            Action::FocusNext | Action::FocusPrev
        )
    )
}

/// The bindings in force: defaults with the user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<(Context, KeyBinding), Action>,
    /// For help: each context's actions in order, with their keys.
    listing: Vec<(Context, Action, Vec<KeyBinding>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&[]).0
    }
}

impl Keymap {
    /// Builds the keymap; `overrides` are `(action name, keys)` from the
    /// config and replace that action's keys in every context where it is
    /// bound. Returns warnings for unknown actions, bad keys and conflicts.
    pub fn with_overrides(overrides: &[(String, Vec<String>)]) -> (Keymap, Vec<String>) {
        let mut warnings = Vec::new();
        let mut custom: HashMap<Action, Vec<KeyBinding>> = HashMap::new();
        for (name, keys) in overrides {
            let Some(action) = Action::from_name(name) else {
                warnings.push(format!("keys.{name}: unknown action `{name}`"));
                continue;
            };
            let mut parsed = Vec::new();
            for key in keys {
                match KeyBinding::parse(key) {
                    Ok(k) => parsed.push(k),
                    Err(e) => warnings.push(format!("keys.{name}: {e}")),
                }
            }
            // A binding none of whose keys can be read would leave the
            // action with no key at all: it keeps its default keys instead.
            if parsed.is_empty() && !keys.is_empty() {
                warnings.push(format!(
                    "keys.{name}: no usable key; `{name}` keeps its default keys"
                ));
                continue;
            }
            custom.insert(action, parsed);
        }
        let mut listing: Vec<(Context, Action, Vec<KeyBinding>)> = Vec::new();
        for (context, action, keys) in DEFAULTS {
            let keys = match custom.get(action) {
                Some(keys) => keys.clone(),
                None => keys
                    .iter()
                    .filter_map(|k| KeyBinding::parse(k).ok())
                    .collect(),
            };
            listing.push((*context, *action, keys));
        }
        let mut by_key = HashMap::new();
        for (context, action, keys) in &listing {
            for key in keys {
                if let Some(other) = by_key.insert((*context, *key), *action)
                    && other != *action
                {
                    warnings.push(format!(
                        "keys: {key} is bound to both `{}` and `{}` in {:?}",
                        other.name(),
                        action.name(),
                        context
                    ));
                }
            }
        }
        // A pane key that shadows a global one would make the global unreachable there.
        for ((context, key), action) in &by_key {
            if *context != Context::Global
                && *context != Context::Picker
                && let Some(global) = by_key.get(&(Context::Global, *key))
                && global != action
                && !folds_instead_of_focus(*action, *global)
            {
                warnings.push(format!(
                    "keys: {key} is bound to `{}` everywhere and to `{}` in {:?}",
                    global.name(),
                    action.name(),
                    context
                ));
            }
        }
        warnings.sort();
        (Keymap { by_key, listing }, warnings)
    }

    pub fn action(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        self.by_key
            .get(&(context, KeyBinding::from_event(key)))
            .copied()
    }

    /// The keys of an action in a context, for hints.
    pub fn keys(&self, context: Context, action: Action) -> &[KeyBinding] {
        self.listing
            .iter()
            .find(|(c, a, _)| *c == context && *a == action)
            .map_or(&[], |(_, _, keys)| keys.as_slice())
    }

    /// The first key of an action as text, e.g. `Ctrl+S`.
    pub fn key_label(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// Every binding of a context, in table order, for the help screen.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = (Action, &[KeyBinding])> {
        self.listing
            .iter()
            .filter(move |(c, _, _)| *c == context)
            .map(|(_, a, keys)| (*a, keys.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn parses_the_spellings_of_the_config() {
        let cases = [
            ("C-s", KeyCode::Char('s'), KeyModifiers::CONTROL),
            ("A-Down", KeyCode::Down, KeyModifiers::ALT),
            ("J", KeyCode::Char('J'), KeyModifiers::NONE),
            ("S-Tab", KeyCode::BackTab, KeyModifiers::NONE),
            ("F1", KeyCode::F(1), KeyModifiers::NONE),
            (
                "C-A-x",
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
            ),
            ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE),
        ];
        for (text, code, modifiers) in cases {
            assert_eq!(
                KeyBinding::parse(text),
                Ok(KeyBinding { code, modifiers }),
                "{text}"
            );
        }
        for bad in ["", "X-s", "F13", "Hyper", "C-"] {
            assert!(KeyBinding::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn events_match_bindings() {
        let map = Keymap::default();
        assert_eq!(
            map.action(
                Context::Outline,
                &key(KeyCode::Char('J'), KeyModifiers::SHIFT)
            ),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.action(Context::Outline, &key(KeyCode::Down, KeyModifiers::ALT)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.action(
                Context::Global,
                &key(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Some(Action::Save)
        );
        assert_eq!(
            map.action(Context::Global, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            map.action(
                Context::Outline,
                &key(KeyCode::Char('x'), KeyModifiers::NONE)
            ),
            None
        );
    }

    #[test]
    fn the_defaults_have_no_conflicts() {
        let (_, warnings) = Keymap::with_overrides(&[]);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_binding_with_no_usable_key_keeps_the_default() {
        let broken = |name: &str| (name.to_string(), vec!["Ctrl+Ctrl+Ctrl".to_string()]);
        let (map, warnings) =
            Keymap::with_overrides(&[broken("save"), broken("undo"), broken("find")]);
        // The oracle: the keymap with no overrides at all.
        assert_eq!(map.listing, Keymap::with_overrides(&[]).0.listing);
        assert_eq!(
            map.action(
                Context::Global,
                &key(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Some(Action::Save)
        );
        for name in ["save", "undo", "find"] {
            assert!(
                warnings
                    .iter()
                    .any(|w| w.starts_with(&format!("keys.{name}: no usable key"))),
                "{warnings:?}"
            );
        }
    }

    #[test]
    fn overrides_replace_keys_and_report_problems() {
        let (map, warnings) = Keymap::with_overrides(&[
            ("move_down".into(), vec!["C-j".into(), "A-Down".into()]),
            ("fly".into(), vec!["x".into()]),
            ("undo".into(), vec!["C-s".into(), "Q-q".into()]),
        ]);
        assert_eq!(
            map.action(
                Context::Outline,
                &key(KeyCode::Char('j'), KeyModifiers::CONTROL)
            ),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.action(
                Context::Outline,
                &key(KeyCode::Char('J'), KeyModifiers::SHIFT)
            ),
            None
        );
        assert!(
            warnings.iter().any(|w| w.contains("unknown action `fly`")),
            "{warnings:?}"
        );
        assert!(warnings.iter().any(|w| w.contains("Q-q")), "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("`save`") && w.contains("`undo`")),
            "{warnings:?}"
        );
    }
}
