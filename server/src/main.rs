//! `hiring-kit`: parse the command line and run the command.
#![forbid(unsafe_code)]
#![recursion_limit = "256"]

use clap::Parser;
use server::cli::{BenchCommand, Cli, Command, LintCommand, RubricsCommand, UserCommand};
use server::commands;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Serve) => commands::serve(&cli.common, &cli.serve).await,
        Some(Command::Demo) => commands::demo(&cli.common).await,
        Some(Command::Openapi) => commands::openapi(),
        Some(Command::Rubrics {
            command: RubricsCommand::Check { dir },
        }) => commands::rubrics_check(dir.as_deref().unwrap_or(&cli.common.rubrics)),
        Some(Command::Lint {
            command: LintCommand::Eval { dir },
        }) => commands::lint_eval(&cli.common.rubrics, &dir),
        Some(Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    password_stdin,
                },
        }) => commands::user_add(&cli.common, &email, &name, &role, password_stdin).await,
        Some(Command::Bench {
            command: BenchCommand::Lint { runs },
        }) => match server::rubrics::load(&cli.common.rubrics) {
            Ok(library) => {
                server::bench::lint(&library, runs);
                ExitCode::SUCCESS
            }
            Err(errors) => {
                eprintln!("{errors}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Bench {
            command: BenchCommand::Markdown { runs },
        }) => {
            server::bench::markdown(runs);
            ExitCode::SUCCESS
        }
        Some(Command::Bench {
            command:
                BenchCommand::Saves {
                    interviewers,
                    seconds,
                    postgres,
                },
        }) => {
            let bench = server::bench::SavesBench {
                interviewers,
                seconds,
                postgres,
            };
            finish_bench(server::bench::saves(&cli.common.rubrics, &bench).await)
        }
        Some(Command::Bench {
            command:
                BenchCommand::Board {
                    candidates,
                    interviewers,
                    runs,
                },
        }) => {
            let bench = server::bench::BoardBench {
                candidates,
                interviewers,
                runs,
            };
            finish_bench(server::bench::board(&cli.common.rubrics, &bench).await)
        }
    }
}

fn finish_bench(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("the benchmark failed: {message}");
            ExitCode::FAILURE
        }
    }
}
