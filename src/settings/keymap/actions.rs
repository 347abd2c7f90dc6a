//! What a key can do ([`Action`], with its config name and its description
//! in both languages) and where it is pressed ([`Context`]): the words the
//! key table, the overrides, the help screen and the hints all share.

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

    /// The name of the context in `config.toml`, as in `[keys.find]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Outline => "outline",
            Context::Editor => "editor",
            Context::Preview => "preview",
            Context::Findings => "findings",
            Context::Picker => "picker",
            Context::KindList => "kind_list",
            Context::ChangedOnDisk => "changed_on_disk",
            Context::DeleteSection => "delete_section",
            Context::Find => "find",
            Context::Replace => "replace",
            Context::Target => "target",
            Context::Export => "export",
            Context::Templates => "templates",
            Context::Rename => "rename",
            Context::DeleteDraft => "delete_draft",
            Context::Trash => "trash",
            Context::Rescue => "rescue",
            Context::History => "history",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.iter().copied().find(|c| c.name() == name)
    }

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
    NextField = "next_field", "单行栏到下一栏（小标题→正文）", "One-line field: on to the next (heading→body)";
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
