//! The accept loop, on hyper directly rather than `axum::serve`, for what
//! the latter cannot do: a deadline for a request's headers, an idle
//! timeout on every connection, and a shutdown that ends at a deadline
//! even when a client is still half-way through sending.
//!
//! Each connection's peer address goes into the request's extensions as
//! axum's `ConnectInfo<SocketAddr>`, as `into_make_service_with_connect_info`
//! would put it, for the rate limits.

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

/// How long connections may take; tests use short ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// From the moment the server waits for a request (a new connection,
    /// or the next request on a kept-alive one) to the end of its headers.
    /// It also closes kept-alive connections that send nothing more.
    pub header_read: Duration,
    /// No byte received or sent for this long, with a read or write
    /// waiting: the connection is closed (a body that stalls half-way, a
    /// client that stops reading the answer).
    pub idle: Duration,
    /// After the shutdown signal: no new connections, in-flight requests
    /// may finish for this long, then every connection is closed.
    pub shutdown_deadline: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            header_read: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            shutdown_deadline: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then drains for at
/// most `timeouts.shutdown_deadline`. Returns once every connection is done
/// or closed; an error only if the loop itself cannot go on.
pub async fn serve<F>(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    shutdown: F,
) -> io::Result<()>
where
    F: Future<Output = ()>,
{
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header_read)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            // Finished connections are reaped as they end, so the set only
            // holds live ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a
                        // little instead of spinning, then go on.
                        tracing::warn!(error = %e, "could not accept a connection");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let io = TokioIo::new(IdleTimeout::new(stream, timeouts.idle));
                let router = app.clone();
                let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    router.clone().oneshot(request)
                });
                let connection = graceful.watch(builder.serve_connection(io, service));
                connections.spawn(async move {
                    if let Err(e) = connection.await {
                        // Timeouts and clients going away are routine.
                        tracing::debug!(error = %e, %peer, "connection ended with an error");
                    }
                });
            }
        }
    }
    // Stop accepting: new connections are refused from here on.
    drop(listener);
    let live = connections.len();
    if live > 0 {
        tracing::info!(
            connections = live,
            "shutting down: letting in-flight requests finish"
        );
    }
    let drained = tokio::time::timeout(timeouts.shutdown_deadline, async {
        graceful.shutdown().await;
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            connections = connections.len(),
            deadline = ?timeouts.shutdown_deadline,
            "shutdown deadline passed: closing the connections still open"
        );
        // Aborting drops each connection (and the request it serves),
        // which closes its socket.
        connections.shutdown().await;
    }
    Ok(())
}

/// A connection that fails with `TimedOut` when a read or write has been
/// waiting and nothing moved either way for `idle`.
struct IdleTimeout {
    inner: TcpStream,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl IdleTimeout {
    fn new(inner: TcpStream, idle: Duration) -> Self {
        IdleTimeout {
            inner,
            idle,
            deadline: Box::pin(tokio::time::sleep(idle)),
        }
    }

    fn moved(&mut self) {
        let next = Instant::now() + self.idle;
        self.deadline.as_mut().reset(next);
    }

    /// Called when the inner stream is not ready: `Ready(Err)` once idle
    /// for too long, else `Pending` (the timer wakes the task).
    fn check_idle<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "connection idle for too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for IdleTimeout {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                this.moved();
                Poll::Ready(result)
            }
            Poll::Pending => this.check_idle(cx),
        }
    }
}

impl AsyncWrite for IdleTimeout {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(result) => {
                this.moved();
                Poll::Ready(result)
            }
            Poll::Pending => this.check_idle(cx),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(result) => {
                this.moved();
                Poll::Ready(result)
            }
            Poll::Pending => this.check_idle(cx),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_flush(cx) {
            Poll::Ready(result) => Poll::Ready(result),
            Poll::Pending => this.check_idle(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_silent_peer_times_out_and_a_talking_one_does_not() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let client = tokio::spawn(async move {
            let mut stream = TcpStream::connect(addr).await.unwrap();
            // Talks for a while, each gap shorter than the idle limit...
            for _ in 0..4 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                stream.write_all(b"x").await.unwrap();
            }
            // ...then goes quiet, holding the connection open.
            tokio::time::sleep(Duration::from_secs(5)).await;
            drop(stream);
        });
        let (stream, _) = listener.accept().await.unwrap();
        let mut conn = IdleTimeout::new(stream, Duration::from_millis(300));
        let started = std::time::Instant::now();
        let mut buf = [0u8; 16];
        let mut got = 0;
        let error = loop {
            match conn.read(&mut buf).await {
                Ok(n) => got += n,
                Err(e) => break e,
            }
        };
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert_eq!(got, 4, "every byte read before the timeout");
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(600) && took < Duration::from_secs(3),
            "{took:?}"
        );
        client.abort();
    }
}
