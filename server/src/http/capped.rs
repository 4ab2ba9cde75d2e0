//! Copying a body stream into a sink with a byte cap checked while
//! reading: one chunk at a time is held, nothing past the cap is written,
//! and the copy stops at the first chunk that would pass it. Where the bytes
//! go (a temporary file today) is the caller's choice.

use axum::body::Bytes;
use futures_core::Stream;
use std::pin::Pin;
use tokio::io::{AsyncWrite, AsyncWriteExt};

/// What was copied.
#[derive(Debug, PartialEq, Eq)]
pub struct Copied {
    /// Bytes written to the sink.
    pub len: u64,
    /// The first bytes, up to the `keep_head` asked for, for sniffing the
    /// type without reading the sink back.
    pub head: Vec<u8>,
}

#[derive(Debug)]
pub enum CopyError<E> {
    /// The stream went past the cap; the sink holds at most `cap` bytes
    /// and should be thrown away.
    OverCap,
    /// The stream failed (cut off, malformed, over the route's limit).
    Read(E),
    /// The sink failed.
    Write(std::io::Error),
}

/// Copies `stream` into `sink`, refusing it once it passes `cap` bytes.
pub async fn copy_capped<S, E, W>(
    stream: &mut S,
    cap: u64,
    keep_head: usize,
    sink: &mut W,
) -> Result<Copied, CopyError<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut len: u64 = 0;
    let mut head = Vec::new();
    while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await {
        let chunk = chunk.map_err(CopyError::Read)?;
        len = len.saturating_add(chunk.len() as u64);
        if len > cap {
            return Err(CopyError::OverCap);
        }
        if head.len() < keep_head {
            let take = (keep_head - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        sink.write_all(&chunk).await.map_err(CopyError::Write)?;
    }
    sink.flush().await.map_err(CopyError::Write)?;
    Ok(Copied { len, head })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;
    use std::task::{Context, Poll};

    /// Chunks from a list, counting how many were pulled.
    struct Chunks {
        chunks: Vec<Bytes>,
        pulled: usize,
    }

    impl Stream for Chunks {
        type Item = Result<Bytes, Infallible>;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            let next = self.chunks.get(self.pulled).cloned();
            if next.is_some() {
                self.pulled += 1;
            }
            Poll::Ready(next.map(Ok))
        }
    }

    fn chunks(sizes: &[usize]) -> Chunks {
        Chunks {
            chunks: sizes
                .iter()
                .enumerate()
                .map(|(i, n)| Bytes::from(vec![b'a' + i as u8; *n]))
                .collect(),
            pulled: 0,
        }
    }

    #[tokio::test]
    async fn up_to_the_cap_everything_is_copied() {
        let mut sink = Vec::new();
        let copied = copy_capped(&mut chunks(&[3, 4, 3]), 10, 5, &mut sink)
            .await
            .unwrap();
        assert_eq!(copied.len, 10);
        assert_eq!(copied.head, b"aaabb");
        assert_eq!(sink, b"aaabbbbccc");
    }

    #[tokio::test]
    async fn the_copy_stops_at_the_chunk_that_passes_the_cap() {
        let mut sink = Vec::new();
        let mut stream = chunks(&[4, 4, 4, 4, 4]);
        let result = copy_capped(&mut stream, 10, 0, &mut sink).await;
        assert!(matches!(result, Err(CopyError::OverCap)));
        assert_eq!(stream.pulled, 3, "nothing read after the cap was passed");
        assert_eq!(sink.len(), 8, "the chunk over the cap is not written");
    }

    #[tokio::test]
    async fn an_empty_stream_is_empty() {
        let mut sink = Vec::new();
        let copied = copy_capped(&mut chunks(&[]), 10, 5, &mut sink)
            .await
            .unwrap();
        assert_eq!(
            copied,
            Copied {
                len: 0,
                head: vec![]
            }
        );
    }
}
