//! `chiso`: the command line, and the window when no subcommand is given.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use chiso::cli::{self, Args};
use chiso::store::Store;
use chiso::workspace::sample;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Broken pipes (`chiso series … | head`) are not worth a message.
            if error
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "chiso: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    if let Some(command) = args.command {
        return cli::run(command, &mut io::stdout().lock(), &mut io::stderr().lock());
    }
    match args.file {
        Some(file) => {
            // A file Chiso refuses still opens the window, which says why with File → Open…
            // at hand: a file manager's double-click has no terminal to read. The terminal,
            // if there is one, hears it too.
            if let Err(e) = Store::open_read_only(&file) {
                let _ = writeln!(io::stderr(), "chiso: {e}");
            }
            chiso::ui::run(Some(file), None)
        }
        None => {
            let path = sample::default_sample_path().ok_or_else(|| {
                anyhow::anyhow!("no home folder to keep the sample database in; give a FILE")
            })?;
            sample::open_or_create_sample(&path)?;
            chiso::ui::run(None, Some(path))
        }
    }
}
