//! Checks shared by every loose input (sessions, marks, reminders, the profile, the briefing
//! form), so each refuses the same things with the same words.

use crate::error::{Error, FieldCode, FieldError, Result};

/// Free text: a length limit in characters, and no control characters other than line breaks and
/// tabs (they are invisible in the UI and break CSV exports and the printed sheet).
pub fn text(field: &str, label: &str, value: &str, max: usize, required: bool) -> Result<()> {
    if required && value.trim().is_empty() {
        return Err(Error::field(
            field,
            FieldCode::Required,
            format!("{label} is required."),
        ));
    }
    let len = value.chars().count();
    if len > max {
        return Err(Error::field(
            field,
            FieldCode::TooLong,
            format!("{label} must be at most {max} characters (it has {len})."),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::field(
            field,
            FieldCode::InvalidFormat,
            format!("{label} contains an invisible control character."),
        ));
    }
    Ok(())
}

/// Moves a field error into `errs`, giving back the value when there was none. Any other error
/// is kept as a field-less entry, so nothing is lost.
pub fn collect<T>(errs: &mut Vec<FieldError>, r: Result<T>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(Error::Invalid(mut f)) => {
            errs.append(&mut f);
            None
        }
        Err(other) => {
            errs.push(FieldError::new("", FieldCode::Invalid, other.to_string()));
            None
        }
    }
}

/// `Ok(())` when nothing was refused, else every refusal at once.
pub fn finish(errs: Vec<FieldError>) -> Result<()> {
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errs))
    }
}
