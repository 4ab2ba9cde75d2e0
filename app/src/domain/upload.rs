//! What an applicant may upload. The type is decided from the bytes, never
//! from the file name or the browser's Content-Type, both of which the
//! sender controls; the stored type then sets the Content-Type we serve.

use serde::{Deserialize, Serialize};

pub const MAX_RESUME_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_VIDEO_BYTES: usize = 50 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResumeType {
    Pdf,
    Docx,
}

impl ResumeType {
    pub fn content_type(self) -> &'static str {
        match self {
            ResumeType::Pdf => "application/pdf",
            ResumeType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// Without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ResumeType::Pdf => "pdf",
            ResumeType::Docx => "docx",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VideoType {
    Webm,
    Mp4,
    QuickTime,
}

impl VideoType {
    pub fn content_type(self) -> &'static str {
        match self {
            VideoType::Webm => "video/webm",
            VideoType::Mp4 => "video/mp4",
            VideoType::QuickTime => "video/quicktime",
        }
    }

    /// Without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            VideoType::Webm => "webm",
            VideoType::Mp4 => "mp4",
            VideoType::QuickTime => "mov",
        }
    }
}

const RESUME_TYPES: &str = "the resume must be a PDF or a Word (.docx) file";
const VIDEO_TYPES: &str = "the video must be a WebM, MP4 or QuickTime (.mov) file";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    // `windows(0)` panics; an empty needle is trivially present.
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn sniff_resume(bytes: &[u8]) -> Result<ResumeType, String> {
    if bytes.is_empty() {
        return Err("the resume file is empty".into());
    }
    if bytes.len() > MAX_RESUME_BYTES {
        return Err("the resume is larger than 5 MB".into());
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(ResumeType::Pdf);
    }
    // Any ZIP (an .xlsx, a plain archive) starts with the same header; the
    // entry names, stored uncompressed, are what make it a Word document.
    if bytes.starts_with(b"PK\x03\x04")
        && contains(bytes, b"[Content_Types].xml")
        && contains(bytes, b"word/")
    {
        return Ok(ResumeType::Docx);
    }
    Err(RESUME_TYPES.into())
}

pub fn sniff_video(bytes: &[u8]) -> Result<VideoType, String> {
    if bytes.is_empty() {
        return Err("the video file is empty".into());
    }
    if bytes.len() > MAX_VIDEO_BYTES {
        return Err("the video is larger than 50 MB".into());
    }
    if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Ok(VideoType::Webm);
    }
    // ISO base media files open with a box size then `ftyp` and the major
    // brand; QuickTime is the same container under the `qt  ` brand.
    match (bytes.get(4..8), bytes.get(8..12)) {
        (Some(b"ftyp"), Some(b"qt  ")) => Ok(VideoType::QuickTime),
        (Some(b"ftyp"), Some(_)) => Ok(VideoType::Mp4),
        _ => Err(VIDEO_TYPES.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx() -> Vec<u8> {
        let mut b = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        b.extend_from_slice(b"[Content_Types].xml....PK\x03\x04word/document.xml");
        b
    }

    #[test]
    fn pdf_and_docx_are_recognised_by_content() {
        assert_eq!(sniff_resume(b"%PDF-1.7\n..."), Ok(ResumeType::Pdf));
        assert_eq!(sniff_resume(&docx()), Ok(ResumeType::Docx));
        assert_eq!(ResumeType::Docx.extension(), "docx");
        assert_eq!(ResumeType::Pdf.content_type(), "application/pdf");
    }

    #[test]
    fn other_files_are_refused_whatever_they_claim() {
        let xlsx = b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml";
        for bad in [
            &b"PK\x03\x04 plain zip"[..],
            &xlsx[..],
            b"<html>%PDF-",
            b"%PD",
            b"{\\rtf1 word/ [Content_Types].xml",
        ] {
            assert_eq!(sniff_resume(bad), Err(RESUME_TYPES.to_string()));
        }
        assert_eq!(sniff_resume(b""), Err("the resume file is empty".into()));
    }

    #[test]
    fn resume_size_is_capped() {
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_RESUME_BYTES, b' ');
        assert_eq!(sniff_resume(&big), Ok(ResumeType::Pdf));
        big.push(b' ');
        assert_eq!(
            sniff_resume(&big),
            Err("the resume is larger than 5 MB".into())
        );
    }

    #[test]
    fn videos_are_recognised_by_content() {
        assert_eq!(
            sniff_video(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]),
            Ok(VideoType::Webm)
        );
        assert_eq!(
            sniff_video(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"),
            Ok(VideoType::Mp4)
        );
        assert_eq!(
            sniff_video(b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00"),
            Ok(VideoType::QuickTime)
        );
        assert_eq!(VideoType::QuickTime.extension(), "mov");
        assert_eq!(VideoType::Webm.content_type(), "video/webm");
    }

    #[test]
    fn other_videos_are_refused() {
        for bad in [
            &b"RIFF\x00\x00\x00\x00AVI "[..],
            b"ftypisom",
            b"\x00\x00\x00\x20ftyp",
            &[0x1A, 0x45, 0xDF][..],
        ] {
            assert_eq!(sniff_video(bad), Err(VIDEO_TYPES.to_string()));
        }
        assert_eq!(sniff_video(b""), Err("the video file is empty".into()));
        let mut big = vec![0x1A, 0x45, 0xDF, 0xA3];
        big.resize(MAX_VIDEO_BYTES + 1, 0);
        assert_eq!(
            sniff_video(&big),
            Err("the video is larger than 50 MB".into())
        );
    }
}
