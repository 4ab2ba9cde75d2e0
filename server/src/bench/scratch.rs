//! The throw-away database a benchmark fills: a SQLite file in a temporary
//! folder, or a PostgreSQL database created beside the one an admin URL
//! names. Removed afterwards.

use super::fail;
use std::path::PathBuf;

pub struct Scratch {
    pub url: String,
    /// A folder of its own (the SQLite file, the server's data directory).
    pub dir: PathBuf,
    /// The admin URL and the database created through it.
    postgres: Option<(String, String)>,
}

fn folder(kind: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("hiring-kit-bench-{kind}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(fail)?;
    Ok(dir)
}

impl Scratch {
    pub fn sqlite(kind: &str) -> Result<Scratch, String> {
        let dir = folder(kind)?;
        Ok(Scratch {
            url: format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()),
            dir,
            postgres: None,
        })
    }

    /// `admin_url` names a database this user may create databases from
    /// (`postgres://postgres@127.0.0.1:5432/postgres`).
    pub async fn postgres(kind: &str, admin_url: &str) -> Result<Scratch, String> {
        let (base, _) = admin_url
            .rsplit_once('/')
            .ok_or("the PostgreSQL URL must end in /DATABASE")?;
        let name = format!("hiring_kit_bench_{kind}_{}", std::process::id());
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(admin_url).await.map_err(fail)?;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
            .execute(&pool)
            .await
            .map_err(fail)?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&pool)
            .await
            .map_err(fail)?;
        pool.close().await;
        Ok(Scratch {
            url: format!("{base}/{name}"),
            dir: folder(kind)?,
            postgres: Some((admin_url.to_string(), name)),
        })
    }

    /// Removes the folder and the PostgreSQL database (after `db`'s pool,
    /// which holds connections to it, is closed).
    pub async fn remove(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((admin, name)) = self.postgres {
            if let Ok(pool) = sqlx::AnyPool::connect(&admin).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&pool)
                    .await;
                pool.close().await;
            }
        }
    }
}
