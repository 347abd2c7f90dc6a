//! The export prompt (Ctrl+E): plain text or the official-document .docx.
//! `Enter` exports the selected format, `t`/`1` and `d`/`2` choose directly.

use crossterm::event::{KeyCode, KeyEvent};

use super::Effect;
use crate::docx::ExportFormat;

/// The formats in the order the prompt lists them.
pub const EXPORT_FORMATS: [ExportFormat; 2] = [ExportFormat::Txt, ExportFormat::Docx];

/// What a key does in the prompt: `Ok(effects)` closes it, `Err(selected)`
/// keeps it open with that format selected.
pub fn handle_key(selected: ExportFormat, key: KeyEvent) -> Result<Vec<Effect>, ExportFormat> {
    let other = match selected {
        ExportFormat::Txt => ExportFormat::Docx,
        ExportFormat::Docx => ExportFormat::Txt,
    };
    match key.code {
        KeyCode::Up
        | KeyCode::Down
        | KeyCode::Char('k' | 'j')
        | KeyCode::Tab
        | KeyCode::BackTab => Err(other),
        KeyCode::Enter => Ok(vec![Effect::Export(selected)]),
        KeyCode::Char('t' | 'T' | '1') => Ok(vec![Effect::Export(ExportFormat::Txt)]),
        KeyCode::Char('d' | 'D' | 'w' | 'W' | '2') => Ok(vec![Effect::Export(ExportFormat::Docx)]),
        KeyCode::Esc => Ok(Vec::new()),
        _ => Err(selected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

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
