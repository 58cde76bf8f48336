//! The host's hold on the database: open, or closed with the reason why. A restore or delete-all
//! must close the live database to replace its file; if opening it again then fails, the handle
//! stays closed and every command is refused with that reason, never answered by a stand-in
//! (an in-memory database would take writes that vanish at exit).

use std::path::PathBuf;

use super::db::{Db, OpenOptions};
use crate::error::{Error, Result};

pub struct Handle {
    state: State,
}

enum State {
    Open(Db),
    Closed {
        path: PathBuf,
        opts: OpenOptions,
        why: String,
    },
}

impl Handle {
    pub fn new(db: Db) -> Self {
        Handle { state: State::Open(db) }
    }

    /// The open database, or why there is none.
    pub fn db(&mut self) -> Result<&mut Db> {
        match &mut self.state {
            State::Open(db) => Ok(db),
            State::Closed { why, .. } => Err(Error::Closed { why: why.clone() }),
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self.state, State::Open(_))
    }

    /// Closes the database so its file can be replaced. Closing checkpoints the log into the
    /// file. Refused for a database without a file or opened read-only.
    pub(crate) fn close(&mut self, why: &str) -> Result<(PathBuf, OpenOptions)> {
        let db = self.db()?;
        if db.is_read_only() {
            return Err(Error::ReadOnly);
        }
        let path = db.path().ok_or(Error::NotFound { what: "Database file" })?.to_owned();
        let opts = db.options().clone();
        // Dropping the Db closes its connection.
        self.state = State::Closed {
            path: path.clone(),
            opts: opts.clone(),
            why: why.to_owned(),
        };
        Ok((path, opts))
    }

    /// Opens the database again after `close`; on failure it stays closed, now with the reason
    /// the opening failed.
    pub fn reopen(&mut self) -> Result<()> {
        let State::Closed { path, opts, .. } = &self.state else {
            return Ok(());
        };
        let opened = super::fault::point("reopen", 1).and_then(|()| Db::open_with(path, opts));
        match opened {
            Ok(db) => {
                self.state = State::Open(db);
                Ok(())
            }
            Err(e) => {
                let (path, opts) = (path.clone(), opts.clone());
                self.state = State::Closed {
                    why: format!("it could not be opened again ({e})"),
                    path,
                    opts,
                };
                Err(e)
            }
        }
    }
}
