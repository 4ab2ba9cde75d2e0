//! The command line. Every option also reads an environment variable, so the
//! same binary is configured by flags on a laptop and by env in a container.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "hiring-kit",
    version,
    about = "Alliance Hiring Kit: interview kits, job descriptions and scorecards for hiring alliance and partner managers"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web application (the default).
    Serve,
    /// Work with the rubric library.
    Rubrics {
        #[command(subcommand)]
        command: RubricsCommand,
    },
    /// Manage accounts from the command line (the first admin, for one).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The JD linter.
    Lint {
        #[command(subcommand)]
        command: LintCommand,
    },
    /// Load a complete example into a database with no requisitions: one
    /// requisition, six candidates across every stage, a panel of four
    /// with their scorecards, a recorded decision. Prints the accounts.
    Demo,
    /// Print the OpenAPI 3.1 description of the JSON API, the document the
    /// server publishes at /api/openapi.json (for generating clients).
    Openapi,
    /// Measure how fast the server does its heaviest work; prints figures.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// The panel board of one large requisition, on a scratch SQLite
    /// database in a temporary folder (the configured one is not touched).
    /// Every interviewer rates 30 items of the kit's rounds on every card:
    /// 200 x 6 x 30 = 36,000 ratings by default.
    Board {
        #[arg(long, default_value_t = 200)]
        candidates: usize,
        #[arg(long, default_value_t = 6)]
        interviewers: usize,
        /// How many times to build the board.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Scorecard autosaves under load: every interviewer saves their own
    /// card over loopback HTTP, one save after another, for a fixed time,
    /// on a scratch SQLite database and then (with --postgres) on a scratch
    /// PostgreSQL database.
    Saves {
        #[arg(long, default_value_t = 64)]
        interviewers: usize,
        /// How long to save for, after a one-second warm-up.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// A PostgreSQL URL whose user may create databases (the scratch
        /// one is created beside it and dropped afterwards).
        #[arg(long, env = "HIRING_KIT_BENCH_POSTGRES")]
        postgres: Option<String>,
    },
    /// The JD linter on 100 KB JDs built to be slow (and a real one
    /// repeated to 100 KB).
    Lint {
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Markdown notes built to be slow to render (thousands of nested
    /// list markers or quotes, long runs of emphasis or brackets): the
    /// worst time for one note, and for a scorecard full of them.
    Markdown {
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input, so it
    /// never appears in the shell history or the process list.
    Add {
        #[arg(long)]
        email: String,
        /// The name shown instead of the email (optional; the person or an
        /// admin can set it later).
        #[arg(long, default_value = "")]
        name: String,
        /// admin, recruiter, hiring-manager or interviewer.
        #[arg(long)]
        role: String,
        /// Read the password from standard input (required).
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RubricsCommand {
    /// Validate a rubric library; prints FILE:LINE:COLUMN for each problem.
    Check {
        /// The library folder (default: --rubrics).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LintCommand {
    /// Run the linter over a labelled corpus of JDs and print each rule's
    /// precision and recall and every disagreement; fails when a rule is
    /// under the floor set in the corpus's floors.yaml.
    Eval {
        /// The corpus folder.
        #[arg(default_value = "tests/jd-corpus")]
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Where the SQLite database lives and uploads are staged while they
    /// arrive (files themselves are stored in the database).
    #[arg(
        long,
        env = "HIRING_KIT_DATA_DIR",
        default_value = "data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// sqlite:PATH or postgres://... (default: a SQLite file in the data directory).
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// The rubric library folder.
    #[arg(
        long,
        env = "HIRING_KIT_RUBRICS",
        default_value = "rubrics",
        global = true
    )]
    pub rubrics: PathBuf,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(
        long,
        env = "HIRING_KIT_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub addr: SocketAddr,
    /// The built browser bundle (pkg/hiring-kit.js and .wasm), made by scripts/build-site.
    #[arg(
        long,
        env = "HIRING_KIT_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,
    /// Mark the session cookie Secure: set this when users reach the server
    /// over HTTPS (for example behind a TLS-terminating proxy).
    #[arg(long, env = "HIRING_KIT_SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,
    /// The header a reverse proxy in front of this server puts the client's
    /// address in (X-Forwarded-For, X-Real-IP or Forwarded); its last entry
    /// is used for the per-address rate limits. Set it only when every
    /// request comes through that proxy: without it the connection's peer
    /// address is the client.
    #[arg(long, env = "HIRING_KIT_TRUSTED_PROXY_HEADER", global = true, value_parser = parse_header_name)]
    pub trusted_proxy_header: Option<axum::http::HeaderName>,
    /// The SMTP server that sends email: smtp://host:25 (a relay on this
    /// network, no TLS), smtp://user:password@host:587?tls=required
    /// (STARTTLS) or smtps://user:password@host:465. Without it, messages
    /// wait in the outbox (admins see it at /admin/outbox) and go once it
    /// is set.
    #[arg(long, env = "HIRING_KIT_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// Who email comes from.
    #[arg(
        long,
        env = "HIRING_KIT_MAIL_FROM",
        default_value = "Alliance Hiring Kit <hiring-kit@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// Where people reach this server, for the links in email (for
    /// example https://hiring.example.com). Default: http:// and --addr.
    #[arg(long, env = "HIRING_KIT_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Erase candidates' personal data this many days after their
    /// requisition closes (their ratings stay, without a name). Without
    /// it, data is kept until someone erases a candidate.
    #[arg(long, env = "HIRING_KIT_RETENTION_DAYS", global = true)]
    pub retention_days: Option<u32>,
    /// Seconds between the mail worker's rounds (reminders queued, due
    /// messages sent).
    #[arg(
        long,
        env = "HIRING_KIT_MAIL_EVERY",
        default_value_t = 10,
        global = true
    )]
    pub mail_every: u64,
}

fn parse_header_name(s: &str) -> Result<axum::http::HeaderName, String> {
    axum::http::HeaderName::from_bytes(s.trim().as_bytes())
        .map_err(|_| format!("`{s}` is not an HTTP header name (for example X-Forwarded-For)"))
}

impl CommonArgs {
    /// The database URL to use, creating the data directory for the SQLite
    /// default.
    pub fn resolve_database_url(&self) -> std::io::Result<String> {
        match &self.database_url {
            Some(url) => Ok(url.clone()),
            None => {
                std::fs::create_dir_all(&self.data_dir)?;
                Ok(format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join("hiring-kit.db").display()
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_subcommand_means_serve_with_defaults() {
        let cli = Cli::try_parse_from(["hiring-kit"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(cli.common.rubrics, PathBuf::from("rubrics"));
    }

    #[test]
    fn options_work_before_and_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "hiring-kit",
            "--addr",
            "127.0.0.1:4000",
            "serve",
            "--rubrics",
            "lib",
        ])
        .unwrap();
        assert!(matches!(cli.command, Some(Command::Serve)));
        assert_eq!(cli.serve.addr.port(), 4000);
        assert_eq!(cli.common.rubrics, PathBuf::from("lib"));
    }

    #[test]
    fn user_add_takes_email_role_and_password_stdin() {
        let cli = Cli::try_parse_from([
            "hiring-kit",
            "user",
            "add",
            "--email",
            "a@b.co",
            "--role",
            "admin",
            "--password-stdin",
            "--data-dir",
            "d",
        ])
        .unwrap();
        match cli.command {
            Some(Command::User {
                command:
                    UserCommand::Add {
                        email,
                        name,
                        role,
                        password_stdin,
                    },
            }) => {
                assert_eq!(
                    (email.as_str(), name.as_str(), role.as_str(), password_stdin),
                    ("a@b.co", "", "admin", true)
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(cli.common.data_dir, PathBuf::from("d"));
    }

    #[test]
    fn the_trusted_proxy_header_is_a_header_name() {
        let cli =
            Cli::try_parse_from(["hiring-kit", "--trusted-proxy-header", "X-Real-IP"]).unwrap();
        assert_eq!(
            cli.serve.trusted_proxy_header.map(|h| h.to_string()),
            Some("x-real-ip".to_string())
        );
        assert!(
            Cli::try_parse_from(["hiring-kit", "--trusted-proxy-header", "not a header"]).is_err()
        );
        let cli = Cli::try_parse_from(["hiring-kit"]).unwrap();
        assert!(cli.serve.trusted_proxy_header.is_none());
    }

    #[test]
    fn rubrics_check_takes_an_optional_dir() {
        let cli = Cli::try_parse_from(["hiring-kit", "rubrics", "check", "elsewhere"]).unwrap();
        match cli.command {
            Some(Command::Rubrics {
                command: RubricsCommand::Check { dir },
            }) => {
                assert_eq!(dir, Some(PathBuf::from("elsewhere")))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
