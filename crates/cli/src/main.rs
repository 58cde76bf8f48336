//! aftermile-cli: Aftermile's core from a terminal, for runners who script their imports (a watch
//! folder synced every night) and for tests. No Tauri, no webview: the same `aftermile-core` the
//! app uses, on the same data folder, behind the same lock, so it never writes alongside the app.
//!
//!   aftermile-cli import [--data-dir DIR] [--json] PATH...
//!   aftermile-cli load [--data-dir DIR] [--from DATE] [--to DATE] [--json]
//!
//! Exit codes: 0 done; 1 a failure (the message says what); 2 the data is in use by the app (or
//! another process) and nothing was done.

// A command-line host: the environment and the clock are read by the core's own functions.
mod data_dir;
mod import;
mod load;

use std::path::PathBuf;
use std::process::ExitCode;

use aftermile_core::storage::health;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "aftermile-cli", version, about = "Aftermile from a terminal")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import FIT, GPX and TCX files (plain or gzipped), folders, zips and Strava exports.
    Import {
        /// The data folder (default: AFTERMILE_DATA_DIR, else the app's own).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Files, folders or zips to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the daily training-load series: session-RPE load, TRIMP, acute, chronic, form, ratio.
    Load {
        /// The data folder (default: AFTERMILE_DATA_DIR, else the app's own).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// First day, YYYY-MM-DD (default: 84 days before --to).
        #[arg(long)]
        from: Option<String>,
        /// Last day, YYYY-MM-DD (default: today).
        #[arg(long)]
        to: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let in_use = e
                .downcast_ref::<aftermile_core::Error>()
                .is_some_and(|e| matches!(e, aftermile_core::Error::InUse { .. }));
            eprintln!("aftermile-cli: {e}");
            if in_use {
                eprintln!("aftermile-cli: nothing was imported. Quit Aftermile (or import from the app: Log → Import activities…) and run this again.");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Import { data_dir, json, paths } => {
            let dir = data_dir::resolve(data_dir.as_deref())?;
            let mut started = health::start(&dir, &health::Checks::default(), aftermile_core::time::now())?;
            for n in &started.report.notices {
                eprintln!("aftermile-cli: {n}");
            }
            if let Some(r) = &started.report.recovery {
                anyhow::bail!(
                    "the database needs attention ({}: {}); open Aftermile to recover it",
                    r.problem.as_str(),
                    r.detail
                );
            }
            import::run(&mut started.db, &paths, json)?;
            Ok(())
        }
        Command::Load {
            data_dir,
            from,
            to,
            json,
        } => {
            let dir = data_dir::resolve(data_dir.as_deref())?;
            load::run(&dir, from.as_deref(), to.as_deref(), json)?;
            Ok(())
        }
    }
}
