//! A WebM file laid out as Chrome's MediaRecorder writes it: a Segment and
//! Clusters of unknown size, no SeekHead, no Cues, no Duration.

fn size(len: usize) -> Vec<u8> {
    assert!(len < 0x3FFF);
    vec![0x40 | (len >> 8) as u8, len as u8]
}

fn el(id: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = id.to_vec();
    out.extend(size(body.len()));
    out.extend_from_slice(body);
    out
}

fn unknown(id: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = id.to_vec();
    out.extend([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    out.extend_from_slice(body);
    out
}

fn block(relative: i16) -> Vec<u8> {
    let mut body = vec![0x81];
    body.extend(relative.to_be_bytes());
    body.push(0x80);
    body.extend([0x42; 500]);
    el(&[0xA3], &body)
}

/// Two Clusters (at 0 and 1000 ms); the last block starts `last` ms into
/// the second, so the recording lasts 1000 + `last` ms. Every call gives
/// a file of the same length.
pub fn media_recorder_webm(last: i16) -> Vec<u8> {
    let mut header = el(&[0x42, 0x86], &[1]);
    header.extend(el(&[0x42, 0x82], b"webm"));
    let mut file = el(&[0x1A, 0x45, 0xDF, 0xA3], &header);
    let mut info = el(&[0x2A, 0xD7, 0xB1], &[0x0F, 0x42, 0x40]);
    info.extend(el(&[0x4D, 0x80], b"Chrome"));
    info.extend(el(&[0x57, 0x41], b"Chrome"));
    let mut segment = el(&[0x15, 0x49, 0xA9, 0x66], &info);
    segment.extend(el(
        &[0x16, 0x54, 0xAE, 0x6B],
        &el(&[0xAE], &el(&[0xD7], &[1])),
    ));
    let mut first = el(&[0xE7], &[0x00, 0x00]);
    first.extend(block(0));
    first.extend(block(33));
    segment.extend(unknown(&[0x1F, 0x43, 0xB6, 0x75], &first));
    let mut second = el(&[0xE7], &[0x03, 0xE8]);
    second.extend(block(0));
    second.extend(block(last));
    segment.extend(unknown(&[0x1F, 0x43, 0xB6, 0x75], &second));
    file.extend(unknown(&[0x18, 0x53, 0x80, 0x67], &segment));
    file
}
