//! `chiso`: the command line, and the window when no subcommand is given.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use chiso::cli::{self, Args, Command};
use chiso::export::{ExportOptions, Format};
use chiso::model::{Qualifier, Status};
use chiso::store::Store;
use chiso::store::edit::{SetRequest, default_editor};
use chiso::store::import::ImportOptions;
use chiso::store::query::SeriesFilter;
use chiso::workspace::ChartRequest;
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
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    match args.command {
        Some(Command::New { file, sample }) => cli::new(&file, sample, &mut out),
        Some(Command::GenSample {
            file,
            observations,
            indicators,
            seed,
        }) => cli::gen_sample(
            &file,
            &chiso::store::generate::GenerateOptions {
                observations,
                indicators,
                seed,
            },
            &mut out,
        ),
        Some(Command::Info { file }) => cli::info(&file, &mut out, &mut err),
        Some(Command::List { file }) => cli::list(&file, &mut out, &mut err),
        Some(Command::Import {
            file,
            inputs,
            dry_run,
            areas,
            indicators,
            mappings,
            replace,
            skip_problems,
            by,
        }) => {
            let options = ImportOptions {
                areas,
                indicators,
                mappings,
                replace,
                dry_run,
                skip_problems,
            };
            let editor = by.unwrap_or_else(default_editor);
            cli::import(&file, &inputs, &options, &editor, &mut out)
        }
        Some(Command::ExportData {
            file,
            indicator,
            out: target,
        }) => cli::export_data(&file, indicator, target.as_deref(), &mut out, &mut err),
        Some(Command::Export {
            file,
            indicator,
            area,
            subgroup,
            source,
            from,
            to,
            relative,
            log,
            format,
            size,
            scale,
            dark,
            title,
            out: target,
            all,
            deck,
            out_dir,
        }) => {
            let request = (!all && !deck).then(|| ChartRequest {
                indicator: indicator.unwrap_or_default(),
                area,
                subgroup,
                source,
                from,
                to,
                relative,
                log,
                title,
            });
            let args = cli::ExportArgs {
                deck,
                format: format
                    .as_deref()
                    .map(|f| if f == "svg" { Format::Svg } else { Format::Png }),
                options: ExportOptions {
                    width: size.0,
                    height: size.1,
                    scale,
                    dark,
                    presentation: false,
                },
            };
            cli::export_chart(
                &file,
                request,
                &args,
                target.as_deref(),
                out_dir.as_deref(),
                &mut err,
            )
        }
        Some(Command::Set {
            file,
            code,
            year,
            value,
            area,
            subgroup,
            source,
            status,
            qualifier,
            footnote,
            expect,
            by,
        }) => {
            let status = Status::from_word(&status).ok_or_else(|| {
                anyhow::anyhow!("unknown status {status:?}: use normal, estimated, provisional, forecast or break")
            })?;
            let qualifier = Qualifier::from_word(&qualifier).ok_or_else(|| {
                anyhow::anyhow!("unknown qualifier {qualifier:?}: use about, more_than, less_than, at_least or at_most")
            })?;
            let expect = match expect.as_deref() {
                None => None,
                Some("none") => Some(None),
                Some(v) => Some(Some(cli::parse_value(v)?)),
            };
            let request = SetRequest {
                indicator: code,
                area,
                subgroup,
                source,
                year,
                value: cli::parse_value(&value)?,
                status,
                qualifier,
                footnote,
                expect,
                clear: false,
            };
            let editor = by.unwrap_or_else(default_editor);
            cli::set(&file, &request, &editor, &mut out)
        }
        Some(Command::Audit { file, limit }) => cli::audit(&file, limit, &mut out, &mut err),
        Some(Command::Series {
            file,
            code,
            area,
            subgroup,
            source,
        }) => {
            let filter = SeriesFilter {
                area,
                subgroup,
                source,
            };
            cli::series(&file, &code, &filter, &mut out, &mut err)
        }
        None => {
            drop((out, err));
            match args.file {
                Some(file) => {
                    // Refuse a file that cannot be opened here, with a message and a non-zero
                    // exit, instead of a window that only shows the error.
                    Store::open(&file)?;
                    chiso::ui::run(Some(file), None)
                }
                None => {
                    let path = sample::default_sample_path().ok_or_else(|| {
                        anyhow::anyhow!(
                            "no home folder to keep the sample database in; give a FILE"
                        )
                    })?;
                    sample::open_or_create_sample(&path)?;
                    chiso::ui::run(None, Some(path))
                }
            }
        }
    }
}
