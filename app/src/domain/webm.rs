//! The length of a WebM video, and the Duration element a recording made in
//! the browser lacks. Chrome's MediaRecorder writes a live stream: a
//! Segment and Clusters of unknown size and no Duration in the Segment's
//! Info, so a player shows 0:00 and cannot seek. The length is the end of
//! the last block: each Cluster's Timecode plus its blocks' relative
//! timecodes (plus a BlockGroup's BlockDuration), in the Segment's ticks
//! (TimecodeScale nanoseconds each), added as integers.
//!
//! [`analyse`] reads the file (seeking past block payloads, so a 50 MB
//! video is not held in memory) and plans the edits that add Duration to
//! Info; [`rewrite`] copies the file with them. Inserting into Info moves
//! everything after it, which is safe only when nothing stores positions
//! (SeekHead, Cues, a Cluster's Position), as in MediaRecorder's files.
//! When something does, a Void element right after Info gives up the room;
//! otherwise the file is kept as it is (its length is still measured).
//!
//! Generic over `Read + Seek` and pure otherwise; the tests build EBML byte
//! by byte.

use std::io::{self, Read, Seek, Write};

const EBML: u32 = 0x1A45_DFA3;
const DOC_TYPE: u32 = 0x4282;
const SEGMENT: u32 = 0x1853_8067;
const SEEK_HEAD: u32 = 0x114D_9B74;
const INFO: u32 = 0x1549_A966;
const TRACKS: u32 = 0x1654_AE6B;
const CLUSTER: u32 = 0x1F43_B675;
const CUES: u32 = 0x1C53_BB6B;
const CHAPTERS: u32 = 0x1043_A770;
const TAGS: u32 = 0x1254_C367;
const ATTACHMENTS: u32 = 0x1941_A469;
const TIMECODE_SCALE: u32 = 0x2A_D7B1;
const DURATION: u32 = 0x4489;
const TIMECODE: u32 = 0xE7;
const SIMPLE_BLOCK: u32 = 0xA3;
const BLOCK_GROUP: u32 = 0xA0;
const BLOCK: u32 = 0xA1;
const BLOCK_DURATION: u32 = 0x9B;
const POSITION: u32 = 0xA7;
const VOID: u32 = 0xEC;
const CRC32: u32 = 0xBF;

/// The children of a Segment: one of these ends a Cluster of unknown size.
const SEGMENT_CHILDREN: [u32; 8] = [
    SEEK_HEAD,
    INFO,
    TRACKS,
    CLUSTER,
    CUES,
    CHAPTERS,
    TAGS,
    ATTACHMENTS,
];

/// TimecodeScale when Info gives none: ticks of one millisecond.
const DEFAULT_TIMECODE_SCALE: u64 = 1_000_000;

/// The largest header or Info body read whole; real ones are tiny.
const MAX_SMALL_ELEMENT: u64 = 64 * 1024;

/// The Duration element as added: ID 0x4489, size 8, a big-endian f64.
const DURATION_ELEMENT_LEN: u64 = 2 + 1 + 8;

/// Why a file is not read as WebM (it is then stored as it is).
#[derive(Debug)]
pub enum NotWebm {
    Io(io::Error),
    Malformed(&'static str),
}

impl std::fmt::Display for NotWebm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotWebm::Io(e) => write!(f, "could not read the file: {e}"),
            NotWebm::Malformed(why) => write!(f, "not a WebM file we can read: {why}"),
        }
    }
}

impl From<io::Error> for NotWebm {
    fn from(e: io::Error) -> Self {
        NotWebm::Io(e)
    }
}

/// Replace `remove` bytes at `at` with `insert`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub at: u64,
    pub remove: u64,
    pub insert: Vec<u8>,
}

/// What [`analyse`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Nanoseconds per tick.
    pub timecode_scale: u64,
    /// The end of the last block, in ticks; `None` without blocks.
    pub end_ticks: Option<u64>,
    /// The Duration Info already has, in ticks.
    pub stated_duration: Option<f64>,
    /// The edits that add Duration to Info: empty when it has one, when
    /// there are no blocks, or when the file cannot safely be changed.
    pub edits: Vec<Edit>,
}

impl Analysis {
    /// The length in whole milliseconds (rounded), measured from the
    /// blocks, or else as Info states it.
    pub fn duration_ms(&self) -> Option<u64> {
        let scale = u128::from(self.timecode_scale);
        if let Some(ticks) = self.end_ticks {
            let ns = u128::from(ticks) * scale;
            return u64::try_from((ns + 500_000) / 1_000_000).ok();
        }
        let stated = self.stated_duration?;
        let ms = (stated * self.timecode_scale as f64 / 1_000_000.0).round();
        (ms.is_finite() && ms >= 0.0 && ms < u64::MAX as f64).then_some(ms as u64)
    }

    /// How many bytes the edits add.
    pub fn growth(&self) -> i64 {
        self.edits
            .iter()
            .map(|e| e.insert.len() as i64 - e.remove as i64)
            .sum()
    }
}

/// An element's header as found in the file.
#[derive(Clone, Copy, Debug)]
struct Header {
    id: u32,
    offset: u64,
    size_offset: u64,
    size_len: u64,
    /// `None` for "unknown size" (all value bits set).
    size: Option<u64>,
    data: u64,
}

impl Header {
    fn end(&self) -> Option<u64> {
        self.size.and_then(|s| self.data.checked_add(s))
    }

    fn total_len(&self) -> Option<u64> {
        self.end().map(|e| e - self.offset)
    }
}

/// A reader that knows where it is, seeking forward without losing a
/// buffered reader's buffer.
struct Source<R> {
    inner: R,
    pos: u64,
    len: u64,
}

impl<R: Read + Seek> Source<R> {
    fn goto(&mut self, pos: u64) -> io::Result<()> {
        if pos != self.pos {
            let delta = i64::try_from(pos)
                .ok()
                .zip(i64::try_from(self.pos).ok())
                .map(|(to, from)| to - from)
                .ok_or_else(|| io::Error::other("position out of range"))?;
            self.inner.seek_relative(delta)?;
            self.pos = pos;
        }
        Ok(())
    }

    fn read_at(&mut self, pos: u64, buf: &mut [u8]) -> Result<(), NotWebm> {
        if pos
            .checked_add(buf.len() as u64)
            .is_none_or(|end| end > self.len)
        {
            return Err(NotWebm::Malformed(
                "an element runs past the end of the file",
            ));
        }
        self.goto(pos)?;
        self.inner.read_exact(buf)?;
        self.pos += buf.len() as u64;
        Ok(())
    }

    fn bytes_at(&mut self, pos: u64, n: u64) -> Result<Vec<u8>, NotWebm> {
        if n > MAX_SMALL_ELEMENT {
            return Err(NotWebm::Malformed("a header element is implausibly large"));
        }
        let mut buf = vec![0u8; n as usize];
        self.read_at(pos, &mut buf)?;
        Ok(buf)
    }

    /// The element header at `pos`.
    fn header(&mut self, pos: u64) -> Result<Header, NotWebm> {
        let mut first = [0u8; 1];
        self.read_at(pos, &mut first)?;
        let id_len = first[0].leading_zeros() as u64 + 1;
        if id_len > 4 {
            return Err(NotWebm::Malformed("an element ID is not a valid EBML ID"));
        }
        let mut id = u32::from(first[0]);
        let mut rest = [0u8; 3];
        let rest = &mut rest[..id_len as usize - 1];
        self.read_at(pos + 1, rest)?;
        for b in rest.iter() {
            id = id << 8 | u32::from(*b);
        }
        let size_offset = pos + id_len;
        let mut first = [0u8; 1];
        self.read_at(size_offset, &mut first)?;
        let size_len = first[0].leading_zeros() as u64 + 1;
        if size_len > 8 {
            return Err(NotWebm::Malformed(
                "an element size is not a valid EBML number",
            ));
        }
        let mut value = u64::from(first[0]) & (0xFF >> size_len);
        let mut rest = [0u8; 7];
        let rest = &mut rest[..size_len as usize - 1];
        self.read_at(size_offset + 1, rest)?;
        for b in rest.iter() {
            value = value << 8 | u64::from(*b);
        }
        let unknown = value == (1u64 << (7 * size_len)) - 1;
        Ok(Header {
            id,
            offset: pos,
            size_offset,
            size_len,
            size: (!unknown).then_some(value),
            data: size_offset + size_len,
        })
    }

    fn known_end(&self, h: &Header) -> Result<u64, NotWebm> {
        h.end().ok_or(NotWebm::Malformed(
            "an element other than a Segment or Cluster has an unknown size",
        ))
    }
}

/// The children of a small element, read whole: `(id, body)`.
fn children(body: &[u8]) -> Result<Vec<(u32, &[u8])>, NotWebm> {
    let mut out = Vec::new();
    let mut source = Source {
        inner: io::Cursor::new(body),
        pos: 0,
        len: body.len() as u64,
    };
    let mut pos = 0;
    while pos < body.len() as u64 {
        let h = source.header(pos)?;
        let end = source.known_end(&h)?;
        let slice = body
            .get(h.data as usize..end as usize)
            .ok_or(NotWebm::Malformed("a child runs past its parent"))?;
        out.push((h.id, slice));
        pos = end;
    }
    Ok(out)
}

fn uint(body: &[u8]) -> Result<u64, NotWebm> {
    if body.len() > 8 {
        return Err(NotWebm::Malformed(
            "an unsigned integer is longer than 8 bytes",
        ));
    }
    Ok(body.iter().fold(0u64, |v, b| v << 8 | u64::from(*b)))
}

fn float(body: &[u8]) -> Result<f64, NotWebm> {
    match body.len() {
        0 => Ok(0.0),
        4 => Ok(f64::from(f32::from_be_bytes([
            body[0], body[1], body[2], body[3],
        ]))),
        8 => {
            let mut b = [0u8; 8];
            b.copy_from_slice(body);
            Ok(f64::from_be_bytes(b))
        }
        _ => Err(NotWebm::Malformed("a float is neither 4 nor 8 bytes")),
    }
}

/// An EBML size of `value` in exactly `len` bytes, if it fits (the
/// all-ones value is reserved for "unknown").
fn encode_size(value: u64, len: u64) -> Option<Vec<u8>> {
    if !(1..=8).contains(&len) || value >= (1u64 << (7 * len)) - 1 {
        return None;
    }
    let marked = value | 1u64 << (7 * len);
    Some(marked.to_be_bytes()[(8 - len as usize)..].to_vec())
}

/// An EBML size of `value` in the fewest bytes.
fn encode_size_shortest(value: u64) -> Option<Vec<u8>> {
    (1..=8).find_map(|len| encode_size(value, len))
}

/// A Void element of exactly `total` bytes, if one can be that long.
fn void_of(total: u64) -> Option<Vec<u8>> {
    (1..=8).find_map(|len| {
        let body = total.checked_sub(1 + len)?;
        let mut out = vec![VOID as u8];
        out.extend(encode_size(body, len)?);
        out.resize(total as usize, 0);
        Some(out)
    })
}

/// The time a block starts, from its header: track number (an EBML
/// number), then a signed 16-bit timecode relative to the Cluster's.
fn block_timecode<R: Read + Seek>(
    source: &mut Source<R>,
    data: u64,
    size: u64,
) -> Result<i16, NotWebm> {
    let mut first = [0u8; 1];
    source.read_at(data, &mut first)?;
    let track_len = first[0].leading_zeros() as u64 + 1;
    if track_len > 8 || track_len + 3 > size {
        return Err(NotWebm::Malformed("a block header is malformed"));
    }
    let mut tc = [0u8; 2];
    source.read_at(data + track_len, &mut tc)?;
    Ok(i16::from_be_bytes(tc))
}

/// What the scan of the Segment collects.
#[derive(Default)]
struct Scan {
    info: Option<Header>,
    /// The Info's body, read whole.
    info_body: Vec<u8>,
    /// A Void element right after Info.
    void_after_info: Option<Header>,
    /// SeekHead, Cues or a Cluster Position: something stores positions.
    positions: bool,
    /// The largest block end, in ticks (may be negative in a bad file).
    end_ticks: Option<i128>,
}

impl Scan {
    fn block_end(
        &mut self,
        cluster: Option<u64>,
        relative: i16,
        duration: u64,
    ) -> Result<(), NotWebm> {
        let cluster = cluster.ok_or(NotWebm::Malformed(
            "a block comes before its Cluster's Timecode",
        ))?;
        let end = i128::from(cluster) + i128::from(relative) + i128::from(duration);
        self.end_ticks = Some(self.end_ticks.map_or(end, |e| e.max(end)));
        Ok(())
    }
}

/// Scans a Cluster from its header; returns where the Segment continues.
fn scan_cluster<R: Read + Seek>(
    source: &mut Source<R>,
    cluster: &Header,
    scan: &mut Scan,
) -> Result<u64, NotWebm> {
    // A recording cut short ends mid-Cluster: the scan stops at the end of
    // the file and keeps what it found.
    let end = cluster.end().map_or(source.len, |e| e.min(source.len));
    let mut timecode = None;
    let mut pos = cluster.data;
    while pos < end {
        let Ok(h) = source.header(pos) else {
            return Ok(source.len);
        };
        if cluster.size.is_none() && SEGMENT_CHILDREN.contains(&h.id) {
            // The next Cluster (or Cues...) ends a Cluster of unknown size.
            return Ok(pos);
        }
        let child_end = source.known_end(&h)?;
        match h.id {
            TIMECODE => timecode = Some(uint(&source.bytes_at(h.data, child_end - h.data)?)?),
            SIMPLE_BLOCK => {
                if child_end > source.len {
                    return Ok(source.len);
                }
                let relative = block_timecode(source, h.data, child_end - h.data)?;
                scan.block_end(timecode, relative, 0)?;
            }
            BLOCK_GROUP => {
                if child_end > source.len {
                    return Ok(source.len);
                }
                let mut relative = None;
                let mut duration = 0;
                let mut at = h.data;
                while at < child_end {
                    let g = source.header(at)?;
                    let g_end = source.known_end(&g)?;
                    match g.id {
                        BLOCK => relative = Some(block_timecode(source, g.data, g_end - g.data)?),
                        BLOCK_DURATION => {
                            duration = uint(&source.bytes_at(g.data, g_end - g.data)?)?
                        }
                        _ => {}
                    }
                    at = g_end;
                }
                let relative = relative.ok_or(NotWebm::Malformed("a BlockGroup has no Block"))?;
                scan.block_end(timecode, relative, duration)?;
            }
            POSITION => scan.positions = true,
            _ => {}
        }
        pos = child_end;
    }
    Ok(end)
}

/// Reads a WebM (or Matroska) file and plans how to add its Duration.
pub fn analyse<R: Read + Seek>(input: R) -> Result<Analysis, NotWebm> {
    let mut inner = input;
    let len = inner.seek(io::SeekFrom::End(0))?;
    inner.seek(io::SeekFrom::Start(0))?;
    let mut source = Source { inner, pos: 0, len };

    let ebml = source.header(0)?;
    if ebml.id != EBML {
        return Err(NotWebm::Malformed("no EBML header"));
    }
    let ebml_end = source.known_end(&ebml)?;
    let ebml_body = source.bytes_at(ebml.data, ebml_end - ebml.data)?;
    let doc_type = children(&ebml_body)?
        .into_iter()
        .find(|(id, _)| *id == DOC_TYPE)
        .map(|(_, body)| body.to_vec());
    // DocType is a string, possibly padded with zero bytes.
    let doc_type = doc_type.as_deref().map(|d| {
        let cut = d.iter().position(|b| *b == 0).unwrap_or(d.len());
        &d[..cut]
    });
    if !matches!(doc_type, Some(b"webm") | Some(b"matroska")) {
        return Err(NotWebm::Malformed("the DocType is not webm"));
    }

    let mut pos = ebml_end;
    let segment = loop {
        let h = source.header(pos)?;
        match h.id {
            SEGMENT => break h,
            VOID | CRC32 => pos = source.known_end(&h)?,
            _ => return Err(NotWebm::Malformed("no Segment after the EBML header")),
        }
    };
    let segment_end = segment.end().map_or(len, |e| e.min(len));

    let mut scan = Scan::default();
    let mut previous = None;
    let mut pos = segment.data;
    while pos < segment_end {
        let Ok(h) = source.header(pos) else {
            break;
        };
        if h.id == CLUSTER {
            pos = scan_cluster(&mut source, &h, &mut scan)?;
            previous = Some(CLUSTER);
            continue;
        }
        let end = source.known_end(&h)?;
        match h.id {
            INFO => {
                if scan.info.is_some() {
                    return Err(NotWebm::Malformed("two Info elements"));
                }
                scan.info_body = source.bytes_at(h.data, end - h.data)?;
                scan.info = Some(h);
            }
            SEEK_HEAD | CUES => scan.positions = true,
            VOID if previous == Some(INFO) => scan.void_after_info = Some(h),
            _ => {}
        }
        previous = Some(h.id);
        pos = end;
    }

    let info = scan
        .info
        .ok_or(NotWebm::Malformed("the Segment has no Info"))?;
    let info_children = children(&scan.info_body)?;
    let timecode_scale = match info_children.iter().find(|(id, _)| *id == TIMECODE_SCALE) {
        Some((_, body)) => uint(body)?,
        None => DEFAULT_TIMECODE_SCALE,
    };
    if timecode_scale == 0 {
        return Err(NotWebm::Malformed("TimecodeScale is zero"));
    }
    let stated_duration = match info_children.iter().find(|(id, _)| *id == DURATION) {
        Some((_, body)) => Some(float(body)?),
        None => None,
    };
    let end_ticks = scan
        .end_ticks
        .map(|t| u64::try_from(t.max(0)).unwrap_or(u64::MAX));

    let mut analysis = Analysis {
        timecode_scale,
        end_ticks,
        stated_duration,
        edits: Vec::new(),
    };
    if let (None, Some(ticks)) = (stated_duration, end_ticks) {
        analysis.edits = plan_edits(&segment, &info, scan.info_body.len() as u64, &scan, ticks)
            .unwrap_or_default();
    }
    Ok(analysis)
}

/// The edits that append Duration to Info, or `None` when the file cannot
/// take them safely.
fn plan_edits(
    segment: &Header,
    info: &Header,
    info_body_len: u64,
    scan: &Scan,
    ticks: u64,
) -> Option<Vec<Edit>> {
    let mut duration = vec![0x44, 0x89, 0x88];
    // Exact for any recording shorter than 2^53 ticks.
    duration.extend((ticks as f64).to_be_bytes());
    let new_body_len = info_body_len + DURATION_ELEMENT_LEN;
    // Keep the size field's width when the new size fits, so only the
    // Duration's bytes move what follows.
    let size =
        encode_size(new_body_len, info.size_len).or_else(|| encode_size_shortest(new_body_len))?;
    let growth = DURATION_ELEMENT_LEN + size.len() as u64 - info.size_len;
    let info_end = info.end()?;
    let mut edits = vec![
        Edit {
            at: info.size_offset,
            remove: info.size_len,
            insert: size,
        },
        Edit {
            at: info_end,
            remove: 0,
            insert: duration,
        },
    ];
    if scan.positions {
        // Positions after Info would be wrong by `growth`: take the room
        // from a Void right after Info, or leave the file as it is.
        let void = scan.void_after_info.filter(|v| v.offset == info_end)?;
        let shrunk = void_of(void.total_len()?.checked_sub(growth)?)?;
        edits.push(Edit {
            at: void.offset,
            remove: void.total_len()?,
            insert: shrunk,
        });
        return Some(edits);
    }
    if let Some(size) = segment.size {
        // A Segment of known size grows by as much, in the same width.
        edits.insert(
            0,
            Edit {
                at: segment.size_offset,
                remove: segment.size_len,
                insert: encode_size(size.checked_add(growth)?, segment.size_len)?,
            },
        );
    }
    Some(edits)
}

/// Copies `input` to `output` with `edits` (in order, not overlapping)
/// applied; returns the bytes written.
pub fn rewrite<R: Read, W: Write>(mut input: R, edits: &[Edit], mut output: W) -> io::Result<u64> {
    let mut at = 0u64;
    let mut written = 0u64;
    for edit in edits {
        let gap = edit
            .at
            .checked_sub(at)
            .ok_or_else(|| io::Error::other("edits out of order"))?;
        let copied = io::copy(&mut (&mut input).take(gap), &mut output)?;
        if copied != gap {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file is shorter than its edits",
            ));
        }
        let skipped = io::copy(&mut (&mut input).take(edit.remove), &mut io::sink())?;
        if skipped != edit.remove {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file is shorter than its edits",
            ));
        }
        output.write_all(&edit.insert)?;
        written += gap + edit.insert.len() as u64;
        at = edit.at + edit.remove;
    }
    written += io::copy(&mut input, &mut output)?;
    output.flush()?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// An element with a known size, written in `width` bytes.
    fn el_w(id: u32, width: u64, body: &[u8]) -> Vec<u8> {
        let mut out = id_bytes(id);
        out.extend(encode_size(body.len() as u64, width).expect("size fits"));
        out.extend_from_slice(body);
        out
    }

    /// An element with a known size in the fewest bytes.
    fn el(id: u32, body: &[u8]) -> Vec<u8> {
        let mut out = id_bytes(id);
        out.extend(encode_size_shortest(body.len() as u64).expect("size fits"));
        out.extend_from_slice(body);
        out
    }

    /// An element of unknown size, as MediaRecorder writes Segment and
    /// Cluster: eight bytes, all value bits set.
    fn unknown(id: u32, body: &[u8]) -> Vec<u8> {
        let mut out = id_bytes(id);
        out.extend([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        out.extend_from_slice(body);
        out
    }

    fn id_bytes(id: u32) -> Vec<u8> {
        let bytes = id.to_be_bytes();
        let skip = bytes.iter().position(|b| *b != 0).unwrap_or(3);
        bytes[skip..].to_vec()
    }

    fn uint_el(id: u32, v: u64) -> Vec<u8> {
        let bytes = v.to_be_bytes();
        let skip = bytes.iter().position(|b| *b != 0).unwrap_or(7);
        el(id, &bytes[skip..])
    }

    fn ebml_header(doc_type: &str) -> Vec<u8> {
        let mut body = uint_el(0x4286, 1);
        body.extend(el(DOC_TYPE, doc_type.as_bytes()));
        body.extend(uint_el(0x4287, 4));
        el(EBML, &body)
    }

    fn info(scale: Option<u64>, extra: &[u8]) -> Vec<u8> {
        let mut body = Vec::new();
        if let Some(scale) = scale {
            body.extend(uint_el(TIMECODE_SCALE, scale));
        }
        body.extend(el(0x4D80, b"Chrome"));
        body.extend(el(0x5741, b"Chrome"));
        body.extend_from_slice(extra);
        el(INFO, &body)
    }

    fn tracks() -> Vec<u8> {
        el(TRACKS, &el(0xAE, &uint_el(0xD7, 1)))
    }

    /// A SimpleBlock on track 1 at `relative` ticks, with some payload.
    fn simple_block(relative: i16) -> Vec<u8> {
        let mut body = vec![0x81];
        body.extend(relative.to_be_bytes());
        body.push(0x80);
        body.extend([0x55; 40]);
        el(SIMPLE_BLOCK, &body)
    }

    fn block_group(relative: i16, duration: Option<u64>) -> Vec<u8> {
        let mut block = vec![0x81];
        block.extend(relative.to_be_bytes());
        block.push(0x00);
        block.extend([0x66; 20]);
        let mut body = el(BLOCK, &block);
        if let Some(d) = duration {
            body.extend(uint_el(BLOCK_DURATION, d));
        }
        el(BLOCK_GROUP, &body)
    }

    fn cluster_body(timecode: u64, blocks: &[Vec<u8>]) -> Vec<u8> {
        let mut body = uint_el(TIMECODE, timecode);
        for b in blocks {
            body.extend_from_slice(b);
        }
        body
    }

    /// What MediaRecorder writes: unknown-size Segment and Clusters, no
    /// SeekHead, no Cues, no Duration.
    fn media_recorder_file() -> Vec<u8> {
        let mut segment = info(Some(1_000_000), &[]);
        segment.extend(tracks());
        segment.extend(unknown(
            CLUSTER,
            &cluster_body(0, &[simple_block(0), simple_block(33), simple_block(966)]),
        ));
        segment.extend(unknown(
            CLUSTER,
            &cluster_body(
                1000,
                &[simple_block(0), simple_block(500), simple_block(433)],
            ),
        ));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        file
    }

    fn fixed(file: &[u8], analysis: &Analysis) -> Vec<u8> {
        let mut out = Vec::new();
        let n = rewrite(Cursor::new(file), &analysis.edits, &mut out).unwrap();
        assert_eq!(n, out.len() as u64);
        assert_eq!(out.len() as i64, file.len() as i64 + analysis.growth());
        out
    }

    #[test]
    fn a_media_recorder_file_gets_its_duration() {
        let file = media_recorder_file();
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.timecode_scale, 1_000_000);
        assert_eq!(a.end_ticks, Some(1500));
        assert_eq!(a.stated_duration, None);
        assert_eq!(a.duration_ms(), Some(1500));
        assert_eq!(a.growth(), 11);
        let out = fixed(&file, &a);
        let again = analyse(Cursor::new(&out)).unwrap();
        assert_eq!(again.stated_duration, Some(1500.0));
        assert_eq!(again.end_ticks, Some(1500), "the clusters read the same");
        assert!(again.edits.is_empty(), "nothing more to add");
        // The Duration element itself, byte for byte.
        let mut element = vec![0x44, 0x89, 0x88];
        element.extend(1500f64.to_be_bytes());
        assert!(out.windows(11).any(|w| w == element.as_slice()));
    }

    #[test]
    fn known_sizes_grow_the_segment_by_the_same_amount() {
        let mut segment = info(None, &[]);
        segment.extend(tracks());
        segment.extend(el(
            CLUSTER,
            &cluster_body(0, &[simple_block(10), simple_block(20)]),
        ));
        segment.extend(el(
            CLUSTER,
            &cluster_body(40, &[simple_block(0), simple_block(25)]),
        ));
        let mut file = ebml_header("webm");
        file.extend(el_w(SEGMENT, 8, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        // No TimecodeScale: milliseconds.
        assert_eq!(a.timecode_scale, 1_000_000);
        assert_eq!(a.end_ticks, Some(65));
        let out = fixed(&file, &a);
        let again = analyse(Cursor::new(&out)).unwrap();
        assert_eq!(again.stated_duration, Some(65.0));
        assert_eq!(again.end_ticks, Some(65));
        // The Segment's size still reaches exactly to the end of the file.
        let mut source = Source {
            inner: Cursor::new(&out),
            pos: 0,
            len: out.len() as u64,
        };
        let ebml = source.header(0).unwrap();
        let seg = source.header(ebml.end().unwrap()).unwrap();
        assert_eq!(seg.end(), Some(out.len() as u64));
    }

    #[test]
    fn block_groups_count_their_duration_and_timecode_scale_converts_ticks() {
        // Ticks of half a millisecond.
        let mut segment = info(Some(500_000), &[]);
        segment.extend(tracks());
        segment.extend(unknown(
            CLUSTER,
            &cluster_body(
                2000,
                &[
                    simple_block(-20),
                    block_group(1000, Some(200)),
                    simple_block(1100),
                ],
            ),
        ));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.timecode_scale, 500_000);
        // 2000 + 1000 + 200 = 3200 ticks beats 2000 + 1100.
        assert_eq!(a.end_ticks, Some(3200));
        assert_eq!(a.duration_ms(), Some(1600));
        let again = analyse(Cursor::new(fixed(&file, &a))).unwrap();
        assert_eq!(again.stated_duration, Some(3200.0));
    }

    #[test]
    fn a_block_group_without_duration_counts_its_start() {
        let mut segment = info(Some(1_000_000), &[]);
        segment.extend(unknown(CLUSTER, &cluster_body(7, &[block_group(3, None)])));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        assert_eq!(analyse(Cursor::new(&file)).unwrap().end_ticks, Some(10));
    }

    #[test]
    fn a_long_info_gets_a_wider_size_field() {
        // 120 bytes of Info body: the size fits one byte (up to 126) before
        // and needs two after the Duration's 11.
        let padding = el(0x7BA9, &[b'x'; 95]);
        let mut segment = info(Some(1_000_000), &padding);
        let info_len = segment.len();
        assert!(info_len - 5 <= 126 && info_len - 5 + 11 > 126, "{info_len}");
        segment.extend(unknown(CLUSTER, &cluster_body(0, &[simple_block(90)])));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.growth(), 12);
        let again = analyse(Cursor::new(fixed(&file, &a))).unwrap();
        assert_eq!(again.stated_duration, Some(90.0));
        assert_eq!(again.end_ticks, Some(90));
    }

    #[test]
    fn a_file_with_a_duration_is_left_as_it_is() {
        let mut duration = vec![0x44, 0x89, 0x84];
        duration.extend(2.5f32.to_be_bytes());
        let mut segment = info(Some(1_000_000), &duration);
        segment.extend(unknown(CLUSTER, &cluster_body(0, &[simple_block(3)])));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.stated_duration, Some(2.5));
        assert!(a.edits.is_empty());
        assert_eq!(a.duration_ms(), Some(3), "measured from the blocks");
    }

    #[test]
    fn a_seek_head_without_room_leaves_the_file_unchanged_but_measured() {
        let seek_head = el(SEEK_HEAD, &el(0x4DBB, &[0x53, 0xAC, 0x81, 0x00]));
        let mut segment = seek_head.clone();
        segment.extend(info(Some(1_000_000), &[]));
        segment.extend(unknown(CLUSTER, &cluster_body(100, &[simple_block(5)])));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert!(a.edits.is_empty());
        assert_eq!(a.duration_ms(), Some(105));
    }

    #[test]
    fn a_void_after_info_gives_up_its_room_so_positions_stay_right() {
        let seek_head = el(SEEK_HEAD, &el(0x4DBB, &[0x53, 0xAC, 0x81, 0x00]));
        let mut segment = seek_head;
        segment.extend(info(Some(1_000_000), &[]));
        segment.extend(el(VOID, &[0u8; 40]));
        let tracks_at = segment.len();
        segment.extend(tracks());
        segment.extend(el(CLUSTER, &cluster_body(0, &[simple_block(250)])));
        let mut cues = el(0xBB, &uint_el(0xB3, 0));
        cues.extend(el(0xBB, &uint_el(0xB3, 0)));
        segment.extend(el(CUES, &cues));
        let mut file = ebml_header("webm");
        let segment_data = file.len() + 4 + 8;
        file.extend(el_w(SEGMENT, 8, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.growth(), 0);
        let out = fixed(&file, &a);
        assert_eq!(out.len(), file.len());
        // Tracks is where it was.
        let tracks = tracks();
        assert_eq!(
            &out[segment_data + tracks_at..][..tracks.len()],
            tracks.as_slice()
        );
        let again = analyse(Cursor::new(&out)).unwrap();
        assert_eq!(again.stated_duration, Some(250.0));
    }

    #[test]
    fn a_cluster_position_counts_as_a_stored_position() {
        let mut segment = info(Some(1_000_000), &[]);
        let mut body = uint_el(TIMECODE, 0);
        body.extend(uint_el(POSITION, 12));
        body.extend(simple_block(8));
        segment.extend(unknown(CLUSTER, &body));
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &segment));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert!(a.edits.is_empty());
        assert_eq!(a.end_ticks, Some(8));
    }

    #[test]
    fn a_recording_cut_short_is_measured_up_to_its_last_whole_block() {
        let mut file = media_recorder_file();
        // Cut inside the last block.
        file.truncate(file.len() - 10);
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.end_ticks, Some(1500), "the block at 1433 is gone");
        let out = fixed(&file, &a);
        assert_eq!(
            analyse(Cursor::new(&out)).unwrap().stated_duration,
            Some(1500.0)
        );
    }

    #[test]
    fn other_files_are_not_webm() {
        let mp4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41".to_vec();
        assert!(analyse(Cursor::new(&mp4)).is_err());
        assert!(analyse(Cursor::new(b"")).is_err());
        // The EBML magic and then nothing (or zeros).
        let mut zeros = vec![0x1A, 0x45, 0xDF, 0xA3];
        zeros.extend([0u8; 1000]);
        assert!(analyse(Cursor::new(&zeros)).is_err());
        // Matroska's header with another DocType.
        let mut other = ebml_header("other");
        other.extend(unknown(SEGMENT, &info(None, &[])));
        assert!(analyse(Cursor::new(&other)).is_err());
        // A Segment without Info.
        let mut no_info = ebml_header("webm");
        no_info.extend(unknown(
            SEGMENT,
            &unknown(CLUSTER, &cluster_body(0, &[simple_block(1)])),
        ));
        assert!(analyse(Cursor::new(&no_info)).is_err());
        // A block before its Cluster's Timecode.
        let mut segment = info(None, &[]);
        segment.extend(unknown(CLUSTER, &simple_block(1)));
        let mut early = ebml_header("webm");
        early.extend(unknown(SEGMENT, &segment));
        assert!(analyse(Cursor::new(&early)).is_err());
    }

    #[test]
    fn without_blocks_there_is_nothing_to_add() {
        let mut file = ebml_header("webm");
        file.extend(unknown(SEGMENT, &info(None, &[])));
        let a = analyse(Cursor::new(&file)).unwrap();
        assert_eq!(a.end_ticks, None);
        assert_eq!(a.duration_ms(), None);
        assert!(a.edits.is_empty());
    }

    #[test]
    fn sizes_encode_in_the_width_asked_for() {
        assert_eq!(encode_size(0, 1), Some(vec![0x80]));
        assert_eq!(encode_size(126, 1), Some(vec![0xFE]));
        assert_eq!(encode_size(127, 1), None, "all ones means unknown");
        assert_eq!(encode_size(127, 2), Some(vec![0x40, 0x7F]));
        assert_eq!(encode_size(5, 8), Some(vec![0x01, 0, 0, 0, 0, 0, 0, 5]));
        assert_eq!(void_of(2), Some(vec![0xEC, 0x80]));
        assert_eq!(void_of(1), None);
        assert_eq!(void_of(200).map(|v| v.len()), Some(200));
    }
}
