//! Raw HTTP/1.1 over TCP, for what an HTTP client will not do on purpose:
//! send half a request, trickle headers, stream a body without a length.

use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt};

/// Reads until the end of a response's head (or the connection ends, or
/// `limit` passes) and returns the status and the head's text.
pub async fn read_head<R: AsyncRead + Unpin>(
    stream: &mut R,
    limit: Duration,
) -> Option<(u16, String)> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read = tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    got.extend_from_slice(&buf[..n]);
                    if got.windows(4).any(|w| w == b"\r\n\r\n") {
                        return;
                    }
                }
            }
        }
    })
    .await;
    if read.is_err() && got.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(&got).to_string();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

/// How the connection ended, read until it did or `limit` passed.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// Closed by the server (end of stream or reset), with what it sent.
    Closed(String),
    /// Still open after the limit.
    StillOpen,
}

pub async fn read_until_closed<R: AsyncRead + Unpin>(stream: &mut R, limit: Duration) -> Ended {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let ended = tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    match ended {
        Ok(()) => Ended::Closed(String::from_utf8_lossy(&got).to_string()),
        Err(_) => Ended::StillOpen,
    }
}

/// `host:port` of a test app's base URL.
pub fn authority(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}
