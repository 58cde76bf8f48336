//! Fault injection for the crash-safety tests, compiled into test builds only. A multi-step file
//! operation (restore, setting a file aside) calls `point("restore", n)` after each durable step;
//! a test can make that step fail in this thread (`fail_at`), or, in a child process started with
//! `AFTERMILE_FAULT=restore:3`, abort the whole process there as a power cut would. In every other
//! build `point` is an empty inline function.

#[cfg(test)]
pub use on::{fail_at, point};

#[cfg(test)]
mod on {
    use std::cell::RefCell;

    use crate::error::{Error, Result};

    thread_local! {
        static FAIL: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
    }

    /// Makes step `n` of `op` fail with an I/O error, in this thread, once.
    pub fn fail_at(op: &str, n: u32) {
        FAIL.with(|f| *f.borrow_mut() = Some((op.to_owned(), n)));
    }

    pub fn point(op: &str, n: u32) -> Result<()> {
        #[allow(clippy::disallowed_methods)] // test builds only: the child process's instruction
        if let Some(spec) = std::env::var_os("AFTERMILE_FAULT") {
            if spec.to_string_lossy() == format!("{op}:{n}") {
                eprintln!("fault injection: aborting after {op} step {n}");
                std::process::abort();
            }
        }
        let hit = FAIL.with(|f| {
            let mut f = f.borrow_mut();
            if f.as_ref().is_some_and(|(o, m)| o == op && *m == n) {
                *f = None;
                true
            } else {
                false
            }
        });
        if hit {
            return Err(Error::Io(std::io::Error::other(format!(
                "injected fault at {op} step {n}"
            ))));
        }
        Ok(())
    }
}

#[cfg(not(test))]
#[inline(always)]
pub fn point(_op: &str, _n: u32) -> crate::error::Result<()> {
    Ok(())
}
