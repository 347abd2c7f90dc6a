//! The export prompt (Ctrl+E): plain text or the official-document .docx.
//! `Enter` exports the selected format, `t`/`1` and `d`/`2` choose directly
//! (the keys of the `Export` context of the keymap).

use super::Effect;
use crate::docx::ExportFormat;
use crate::settings::keymap::Action;

/// The formats in the order the prompt lists them.
pub const EXPORT_FORMATS: [ExportFormat; 2] = [ExportFormat::Txt, ExportFormat::Docx];

/// What a key's action in the prompt does: `Ok(effects)` closes it,
/// `Err(selected)` keeps it open with that format selected.
pub fn handle_key(
    selected: ExportFormat,
    action: Option<Action>,
) -> Result<Vec<Effect>, ExportFormat> {
    let other = match selected {
        ExportFormat::Txt => ExportFormat::Docx,
        ExportFormat::Docx => ExportFormat::Txt,
    };
    match action {
        Some(Action::Up | Action::Down) => Err(other),
        Some(Action::Choose) => Ok(vec![Effect::Export(selected)]),
        Some(Action::ExportTxt) => Ok(vec![Effect::Export(ExportFormat::Txt)]),
        Some(Action::ExportDocx) => Ok(vec![Effect::Export(ExportFormat::Docx)]),
        Some(Action::Cancel) => Ok(Vec::new()),
        _ => Err(selected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::keymap::{Context, Keymap};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn handle_key(selected: ExportFormat, key: KeyEvent) -> Result<Vec<Effect>, ExportFormat> {
        let action = Keymap::default().action(Context::Export, &key);
        super::handle_key(selected, action)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn choose_by_letter_by_arrows_or_cancel() {
        let txt = ExportFormat::Txt;
        assert_eq!(
            handle_key(txt, key(KeyCode::Enter)),
            Ok(vec![Effect::Export(txt)])
        );
        assert_eq!(handle_key(txt, key(KeyCode::Down)), Err(ExportFormat::Docx));
        assert_eq!(
            handle_key(txt, key(KeyCode::Char('d'))),
            Ok(vec![Effect::Export(ExportFormat::Docx)])
        );
        assert_eq!(
            handle_key(ExportFormat::Docx, key(KeyCode::Esc)),
            Ok(vec![])
        );
        assert_eq!(handle_key(txt, key(KeyCode::Char('x'))), Err(txt));
    }
}
