//! Key bindings as data: every action with its name and description, the
//! default keys per context (the panes, the picker and every popup), user
//! overrides from the config. The help screen and every hint a popup or a
//! footer shows are generated from the same table that dispatches keys.

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
    /// The list of section kinds (new section, change kind).
    KindList,
    /// The draft changed on disk: overwrite, reload or keep both?
    ChangedOnDisk,
    /// Delete a section that still has text?
    DeleteSection,
    /// The find bar.
    Find,
    /// The find bar with a replacement.
    Replace,
    /// The target-length prompt.
    Target,
    /// The export prompt: .txt or .docx.
    Export,
    /// The picker's list of templates for a new draft.
    Templates,
    /// The picker's prompt for a new title, id or template name.
    Rename,
    /// Move a draft to the trash?
    DeleteDraft,
    /// The picker's trash.
    Trash,
    /// Text rescued when a save failed.
    Rescue,
    /// A draft's earlier versions.
    History,
}

impl Context {
    /// Every context, the editor's first, then the picker's.
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Outline,
        Context::Editor,
        Context::Preview,
        Context::Findings,
        Context::KindList,
        Context::DeleteSection,
        Context::ChangedOnDisk,
        Context::Find,
        Context::Replace,
        Context::Target,
        Context::Export,
        Context::Picker,
        Context::Templates,
        Context::Rename,
        Context::DeleteDraft,
        Context::Trash,
        Context::Rescue,
        Context::History,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("全局", "Everywhere"),
            Context::Outline => lang.pick("大纲", "Outline"),
            Context::Editor => lang.pick("编辑", "Editor"),
            Context::Preview => lang.pick("预览", "Preview"),
            Context::Findings => lang.pick("检查", "Findings"),
            Context::Picker => lang.pick("草稿列表", "Drafts"),
            Context::KindList => lang.pick("选择部分类型", "Section kinds"),
            Context::ChangedOnDisk => lang.pick("磁盘上的草稿已改变", "Changed on disk"),
            Context::DeleteSection => lang.pick("删除部分", "Delete section"),
            Context::Find => lang.pick("查找栏", "Find bar"),
            Context::Replace => lang.pick("替换栏", "Replace bar"),
            Context::Target => lang.pick("目标字数", "Target length"),
            Context::Export => lang.pick("导出为", "Export as"),
            Context::Templates => lang.pick("用模板新建", "New from template"),
            Context::Rename => lang.pick("修改标题、编号或模板名", "Title, id or template name"),
            Context::DeleteDraft => lang.pick("删除草稿", "Delete draft"),
            Context::Trash => lang.pick("回收站", "Trash"),
            Context::Rescue => lang.pick("抢救文件", "Rescued text"),
            Context::History => lang.pick("早先的版本", "Earlier versions"),
        }
    }

    /// A pane of the editor: its keys come after the global ones, so one
    /// that shadows a global key makes that key unreachable there. The
    /// picker and the popups take every key first.
    pub fn is_pane(self) -> bool {
        matches!(
            self,
            Context::Outline | Context::Editor | Context::Preview | Context::Findings
        )
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
    Choose = "choose", "选定", "Choose";
    ChooseNumber = "choose_number", "按编号选定", "Choose by number";
    Confirm = "confirm", "确定", "Confirm";
    Cancel = "cancel", "取消", "Cancel";
    Overwrite = "overwrite", "用编辑器里的文字覆盖磁盘上的版本", "Overwrite the version on disk";
    Reload = "reload", "重新载入磁盘上的版本", "Reload the version on disk";
    SaveCopy = "save_copy", "另存为新草稿", "Save as a new draft";
    FindNext = "find_next", "下一处", "Next match";
    FindPrev = "find_prev", "上一处", "Previous match";
    ReplaceOne = "replace_one", "替换并到下一处", "Replace and go to the next";
    ReplaceAll = "replace_all", "全部替换", "Replace all";
    SwitchInput = "switch_input", "切换输入栏", "Switch the input line";
    ExportTxt = "export_txt", "纯文本 .txt", "Plain text .txt";
    ExportDocx = "export_docx", "Word 文档 .docx", "Word .docx";
    Restore = "restore", "恢复所选", "Restore the selection";
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

    /// The event a terminal sends for this key (Shift with a capital).
    pub fn event(self) -> KeyEvent {
        let mut modifiers = self.modifiers;
        if let KeyCode::Char(c) = self.code
            && c.is_ascii_uppercase()
        {
            modifiers |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, modifiers)
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

/// One row of the key table: an action's default keys in a context, and
/// what a hint there calls it when the action's own description is too
/// general (Esc "cancels" a prompt but "closes" the trash).
struct Row {
    context: Context,
    action: Action,
    keys: &'static [&'static str],
    says: Option<(&'static str, &'static str)>,
}

/// A row whose hint is the action's description.
const fn bind(context: Context, action: Action, keys: &'static [&'static str]) -> Row {
    Row {
        context,
        action,
        keys,
        says: None,
    }
}

/// A row whose hint has words of its own, in Chinese and English.
const fn says(
    context: Context,
    action: Action,
    keys: &'static [&'static str],
    zh: &'static str,
    en: &'static str,
) -> Row {
    Row {
        context,
        action,
        keys,
        says: Some((zh, en)),
    }
}

/// The keys of a popup or a prompt: they come before every other key
/// (F1 aside, which shows them).
const POPUP_KEYS: &[Row] = &[
    says(
        Context::KindList,
        Action::Up,
        &["Up", "k"],
        "上一种",
        "previous",
    ),
    says(
        Context::KindList,
        Action::Down,
        &["Down", "j"],
        "下一种",
        "next",
    ),
    says(
        Context::KindList,
        Action::Choose,
        &["Enter"],
        "选定",
        "choose",
    ),
    says(
        Context::KindList,
        Action::ChooseNumber,
        // One a kind, in the order of the list (SectionKind::ALL).
        &["1", "2", "3", "4", "5", "6"],
        "按编号选定",
        "choose by number",
    ),
    bind(Context::KindList, Action::Cancel, &["Esc"]),
    says(
        Context::ChangedOnDisk,
        Action::SaveCopy,
        &["c", "C"],
        "另存为新草稿（两份都保留）",
        "save as a new draft (keep both)",
    ),
    says(
        Context::ChangedOnDisk,
        Action::Overwrite,
        &["o", "O"],
        "用编辑器里的文字覆盖磁盘上的版本",
        "overwrite the version on disk with this text",
    ),
    says(
        Context::ChangedOnDisk,
        Action::Reload,
        &["r", "R"],
        "重新载入磁盘上的版本（放弃这里的修改）",
        "reload the version on disk (drop changes here)",
    ),
    says(
        Context::ChangedOnDisk,
        Action::Cancel,
        &["Esc"],
        "暂不处理",
        "decide later",
    ),
    says(
        Context::DeleteSection,
        Action::Confirm,
        &["y", "Y"],
        "删除（可在大纲里撤销）",
        "delete (undoable in the outline)",
    ),
    bind(Context::DeleteSection, Action::Cancel, &["n", "N", "Esc"]),
    says(
        Context::Find,
        Action::FindNext,
        &["Enter", "Down"],
        "下一处",
        "next",
    ),
    says(
        Context::Find,
        Action::FindPrev,
        &["Up"],
        "上一处",
        "previous",
    ),
    says(Context::Find, Action::Replace, &["C-r"], "替换", "replace"),
    says(Context::Find, Action::Cancel, &["Esc"], "关闭", "close"),
    says(
        Context::Replace,
        Action::ReplaceOne,
        &["Enter"],
        "替换并到下一处",
        "replace and next",
    ),
    says(
        Context::Replace,
        Action::FindPrev,
        &["Up"],
        "上一处",
        "previous",
    ),
    says(
        Context::Replace,
        Action::FindNext,
        &["Down"],
        "下一处",
        "next",
    ),
    says(
        Context::Replace,
        Action::SwitchInput,
        &["Tab", "S-Tab"],
        "切换栏",
        "switch",
    ),
    says(
        Context::Replace,
        Action::ReplaceAll,
        &["C-a"],
        "全部替换",
        "replace all",
    ),
    says(Context::Replace, Action::Cancel, &["Esc"], "关闭", "close"),
    says(
        Context::Target,
        Action::Confirm,
        &["Enter"],
        "确定（留空清除）",
        "set (empty clears)",
    ),
    bind(Context::Target, Action::Cancel, &["Esc"]),
    says(
        Context::Export,
        Action::ExportTxt,
        &["t", "T", "1"],
        "纯文本 .txt（按导出设置）",
        "plain text .txt (export settings)",
    ),
    says(
        Context::Export,
        Action::ExportDocx,
        &["d", "D", "w", "W", "2"],
        "Word 文档 .docx（公文格式 GB/T 9704）",
        "Word .docx (official layout, GB/T 9704)",
    ),
    says(
        Context::Export,
        Action::Up,
        &["Up", "k", "S-Tab"],
        "上一种",
        "previous",
    ),
    says(
        Context::Export,
        Action::Down,
        &["Down", "j", "Tab"],
        "下一种",
        "next",
    ),
    says(
        Context::Export,
        Action::Choose,
        &["Enter"],
        "导出所选",
        "export the selected",
    ),
    bind(Context::Export, Action::Cancel, &["Esc"]),
    says(
        Context::Templates,
        Action::Up,
        &["Up"],
        "上一个",
        "previous",
    ),
    says(
        Context::Templates,
        Action::Down,
        &["Down"],
        "下一个",
        "next",
    ),
    says(
        Context::Templates,
        Action::Choose,
        &["Enter"],
        "新建",
        "create",
    ),
    bind(Context::Templates, Action::Cancel, &["Esc"]),
    // Quit as in the editor (the picker's own `exit` is also Esc, which
    // here closes the list).
    says(Context::Templates, Action::Quit, &["C-q"], "退出", "quit"),
    bind(Context::Rename, Action::Confirm, &["Enter"]),
    says(
        Context::Rename,
        Action::SwitchInput,
        &["Tab", "S-Tab"],
        "改标题或编号",
        "the title or the id instead",
    ),
    bind(Context::Rename, Action::Cancel, &["Esc"]),
    says(
        Context::DeleteDraft,
        Action::Confirm,
        &["y", "Y", "Enter"],
        "移入回收站（可从回收站恢复）",
        "to the trash (it can be restored)",
    ),
    says(
        Context::DeleteDraft,
        Action::Cancel,
        &["n", "Esc"],
        "取消（其他键也取消）",
        "cancel (so does any other key)",
    ),
    bind(Context::Trash, Action::Up, &["Up"]),
    bind(Context::Trash, Action::Down, &["Down"]),
    says(
        Context::Trash,
        Action::Restore,
        &["Enter"],
        "恢复",
        "restore",
    ),
    says(Context::Trash, Action::Cancel, &["Esc"], "关闭", "close"),
    bind(Context::Rescue, Action::Up, &["Up"]),
    bind(Context::Rescue, Action::Down, &["Down"]),
    says(
        Context::Rescue,
        Action::Restore,
        &["Enter"],
        "恢复为新草稿",
        "restore as a new draft",
    ),
    says(
        Context::Rescue,
        Action::Cancel,
        &["Esc"],
        "以后再说（zongjie doctor 也会列出）",
        "later (zongjie doctor lists them too)",
    ),
    bind(Context::History, Action::Up, &["Up"]),
    bind(Context::History, Action::Down, &["Down"]),
    says(
        Context::History,
        Action::Restore,
        &["Enter"],
        "恢复所选版本（当前版本成为上一版本，可撤回）",
        "restore it (the current one becomes the backup)",
    ),
    says(Context::History, Action::Cancel, &["Esc"], "关闭", "close"),
];

/// The default bindings of the panes and the picker.
const DEFAULTS: &[Row] = &[
    bind(Context::Global, Action::Save, &["C-s"]),
    bind(Context::Global, Action::Export, &["C-e"]),
    bind(Context::Global, Action::Quit, &["C-q"]),
    bind(Context::Global, Action::Help, &["F1"]),
    bind(Context::Global, Action::FocusNext, &["Tab"]),
    bind(Context::Global, Action::FocusPrev, &["S-Tab"]),
    bind(Context::Global, Action::Find, &["C-f"]),
    bind(Context::Global, Action::Replace, &["C-r"]),
    bind(Context::Global, Action::Check, &["F7"]),
    bind(Context::Global, Action::ToggleReference, &["F9"]),
    bind(Context::Outline, Action::Up, &["Up", "k"]),
    bind(Context::Outline, Action::Down, &["Down", "j"]),
    bind(Context::Outline, Action::First, &["Home", "g"]),
    bind(Context::Outline, Action::Last, &["End", "G"]),
    bind(Context::Outline, Action::PageUp, &["PageUp"]),
    bind(Context::Outline, Action::PageDown, &["PageDown"]),
    bind(Context::Outline, Action::Edit, &["Enter"]),
    bind(Context::Outline, Action::MoveUp, &["A-Up", "K"]),
    bind(Context::Outline, Action::MoveDown, &["A-Down", "J"]),
    bind(Context::Outline, Action::NewItem, &["a"]),
    bind(Context::Outline, Action::NewSection, &["A"]),
    bind(Context::Outline, Action::NewChild, &["i"]),
    bind(Context::Outline, Action::Promote, &["A-Left"]),
    bind(Context::Outline, Action::Demote, &["A-Right"]),
    bind(Context::Outline, Action::Fold, &["Tab"]),
    bind(Context::Outline, Action::FoldAll, &["S-Tab"]),
    bind(Context::Outline, Action::Delete, &["Delete", "d"]),
    bind(Context::Outline, Action::Undo, &["u", "C-z"]),
    bind(Context::Outline, Action::Redo, &["C-y"]),
    bind(Context::Outline, Action::CycleStyle, &["n"]),
    bind(Context::Outline, Action::CycleKind, &["c"]),
    bind(Context::Outline, Action::Copy, &["C-c"]),
    bind(Context::Outline, Action::Cut, &["C-x"]),
    bind(Context::Outline, Action::Paste, &["C-v"]),
    bind(Context::Editor, Action::Copy, &["C-c"]),
    bind(Context::Editor, Action::Cut, &["C-x"]),
    bind(Context::Editor, Action::Paste, &["C-v"]),
    bind(Context::Editor, Action::SelectAll, &["C-a"]),
    bind(Context::Outline, Action::SetTarget, &["t"]),
    bind(Context::Editor, Action::Undo, &["C-z"]),
    bind(Context::Editor, Action::Redo, &["C-y"]),
    bind(Context::Editor, Action::Leave, &["Esc"]),
    bind(Context::Preview, Action::Up, &["Up", "k"]),
    bind(Context::Preview, Action::Down, &["Down", "j"]),
    bind(Context::Preview, Action::PageUp, &["PageUp"]),
    bind(Context::Preview, Action::PageDown, &["PageDown", "Space"]),
    bind(Context::Preview, Action::Leave, &["Esc"]),
    bind(Context::Findings, Action::Up, &["Up", "k"]),
    bind(Context::Findings, Action::Down, &["Down", "j"]),
    bind(Context::Findings, Action::Edit, &["Enter"]),
    bind(Context::Findings, Action::ApplyFix, &["f"]),
    bind(Context::Findings, Action::Leave, &["Esc"]),
    bind(Context::Picker, Action::Up, &["Up"]),
    bind(Context::Picker, Action::Down, &["Down"]),
    bind(Context::Picker, Action::Open, &["Enter"]),
    bind(Context::Picker, Action::NewDraft, &["C-n"]),
    bind(Context::Picker, Action::RenameDraft, &["F2"]),
    bind(Context::Picker, Action::CopyDraft, &["F5"]),
    bind(Context::Picker, Action::NextPeriodDraft, &["F3"]),
    bind(Context::Picker, Action::SaveAsTemplate, &["C-t"]),
    bind(Context::Picker, Action::DeleteDraft, &["Delete"]),
    bind(Context::Picker, Action::RestoreBackup, &["F6"]),
    bind(Context::Picker, Action::ShowHistory, &["F4"]),
    bind(Context::Picker, Action::ShowTrash, &["F8"]),
    bind(Context::Picker, Action::Help, &["F1"]),
    bind(Context::Picker, Action::Exit, &["C-q", "Esc"]),
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
    /// What hints call an action in a context, where not its description.
    said: HashMap<(Context, Action), (&'static str, &'static str)>,
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
        let mut said = HashMap::new();
        for row in DEFAULTS.iter().chain(POPUP_KEYS) {
            let keys = match custom.get(&row.action) {
                Some(keys) => keys.clone(),
                None => row
                    .keys
                    .iter()
                    .filter_map(|k| KeyBinding::parse(k).ok())
                    .collect(),
            };
            listing.push((row.context, row.action, keys));
            if let Some(words) = row.says {
                said.insert((row.context, row.action), words);
            }
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
            if context.is_pane()
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
        (
            Keymap {
                by_key,
                listing,
                said,
            },
            warnings,
        )
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

    /// What an action is called in a context: the words of its row in the
    /// table, else its description.
    pub fn words(&self, context: Context, action: Action, lang: Lang) -> &'static str {
        match self.said.get(&(context, action)) {
            Some((zh, en)) => lang.pick(zh, en),
            None => action.description(lang),
        }
    }

    /// The keys of an action in a context as a hint shows them: `Enter/↓`,
    /// a letter once (not also its capital), a run of digits as `1-9`.
    pub fn hint_keys(&self, context: Context, action: Action) -> String {
        let keys = self.keys(context, action);
        let digits: Vec<char> = keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) if c.is_ascii_digit() && k.modifiers.is_empty() => Some(c),
                _ => None,
            })
            .collect();
        if digits.len() > 2 && digits.len() == keys.len() {
            return format!("{}-{}", digits[0], digits[digits.len() - 1]);
        }
        let twin = |k: &KeyBinding| match k.code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => keys.iter().any(|o| {
                o.code == KeyCode::Char(c.to_ascii_lowercase()) && o.modifiers == k.modifiers
            }),
            _ => false,
        };
        let shown: Vec<String> = keys
            .iter()
            .filter(|k| !twin(k))
            .map(|k| k.to_string())
            .collect();
        shown.join("/")
    }

    /// One hint: the action's keys in the context and what it does there,
    /// e.g. `Esc 关闭`. Empty when the action has no key there.
    pub fn hint(&self, context: Context, action: Action, lang: Lang) -> String {
        let keys = self.hint_keys(context, action);
        if keys.is_empty() {
            return String::new();
        }
        let words = self.words(context, action, lang);
        // A description is capitalised as a sentence; in a hint it is not.
        let words = match (lang, self.said.contains_key(&(context, action))) {
            (Lang::En, false) => {
                let mut chars = words.chars();
                chars.next().map_or(String::new(), |first| {
                    first.to_lowercase().chain(chars).collect::<String>()
                })
            }
            _ => words.to_string(),
        };
        format!("{keys} {words}")
    }

    /// Hints for `actions` of a context, joined with ` · `.
    pub fn hint_line(&self, context: Context, actions: &[Action], lang: Lang) -> String {
        let hints: Vec<String> = actions
            .iter()
            .map(|a| self.hint(context, *a, lang))
            .filter(|h| !h.is_empty())
            .collect();
        hints.join(" · ")
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
    fn every_context_has_keys() {
        let map = Keymap::default();
        for context in Context::ALL {
            assert!(map.bindings(*context).next().is_some(), "{context:?}");
        }
    }

    #[test]
    fn hints_name_the_keys_once_and_number_runs_as_a_range() {
        let map = Keymap::default();
        assert_eq!(
            map.hint_keys(Context::ChangedOnDisk, Action::Overwrite),
            "o"
        );
        assert_eq!(map.hint_keys(Context::Find, Action::FindNext), "Enter/↓");
        assert_eq!(
            map.hint_keys(Context::KindList, Action::ChooseNumber),
            "1-6"
        );
        assert_eq!(
            map.hint(Context::Target, Action::Cancel, Lang::En),
            "Esc cancel"
        );
        assert_eq!(
            map.hint(Context::Find, Action::Cancel, Lang::Zh),
            "Esc 关闭"
        );
        assert_eq!(
            map.hint_line(Context::Trash, &[Action::Restore, Action::Cancel], Lang::En),
            "Enter restore · Esc close"
        );
        assert_eq!(map.hint(Context::Trash, Action::Save, Lang::En), "");
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
