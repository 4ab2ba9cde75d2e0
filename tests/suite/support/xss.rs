//! The XSS corpus of security issue 11, and the hook that records script
//! the corpus manages to run in a page.
//!
//! Every vector is of our own making. Each one, if it ever ran, would
//! assign its payload's number to `pwn` (or call `alert` with it); the hook
//! installed before any page script turns both into records, so a test
//! can say which payload ran where.

use serde_json::Value;

/// The base vectors. `{J}` is replaced by the script a payload runs
/// (`pwn=N`), `{N}` by the payload's number.
const VECTORS: &[&str] = &[
    // Plain script, in every casing and wrapper a filter might miss.
    "<script>{J}</script>",
    "<SCRIPT>{J}</SCRIPT>",
    "<ScRiPt>{J}</sCrIpT>",
    "<script src=data:,{J}></script>",
    "<script/x>{J}</script>",
    // Breakouts of the raw-text elements the pages write: the title, a
    // textarea, the hydration data Leptos writes into <script>, a style.
    "</title><script>{J}</script>",
    "</TITLE><img src=x onerror={J}>",
    "</textarea><script>{J}</script>",
    "</textarea><img src=x onerror={J}>",
    "</script><script>{J}</script>",
    "</script><img src=x onerror={J}>",
    "\\u003c/script><script>{J}</script>",
    "</style><script>{J}</script>",
    "</noscript><script>{J}</script>",
    // Attribute breakouts, double and single quoted and unquoted.
    "\"><script>{J}</script>",
    "'><svg onload={J}>",
    "x\" onmouseover=\"{J}\" autofocus onfocus=\"{J}",
    "x' onfocus='{J}' autofocus='",
    "\" autofocus onfocus=\"{J}",
    "x onmouseover={J} ",
    // Event handlers on every kind of element.
    "<img src=x onerror={J}>",
    "<img src=\"x\" onerror=\"{J}\">",
    "<IMG SRC=x OnErRoR={J}>",
    "<img src=1 onerror=alert({N})>",
    "<svg/onload={J}>",
    "<svg><script>{J}</script></svg>",
    "<svg><animate onbegin={J} attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:{J}\"><text y=\"20\">x</text></a></svg>",
    "<details open ontoggle={J}>",
    "<body onload={J}>",
    "<input autofocus onfocus={J}>",
    "<select autofocus onfocus={J}></select>",
    "<textarea autofocus onfocus={J}></textarea>",
    "<video><source onerror={J}></video>",
    "<audio src=x onerror={J}>",
    "<marquee onstart={J}>m</marquee>",
    "<div onpointerenter={J} style=\"position:fixed;inset:0\">",
    // javascript: and data: URLs, spelled to slip past a naive check.
    "<a href=\"javascript:{J}\">x</a>",
    "<a href=\"jav&#x09;ascript:{J}\">x</a>",
    "<a href=\"&#106;avascript:{J}\">x</a>",
    "<a href=\" javascript:{J}\">x</a>",
    "<iframe src=\"javascript:{J}\"></iframe>",
    "<iframe srcdoc=\"<script>{J}</script>\"></iframe>",
    "<a href=\"data:text/html,<script>{J}</script>\">d</a>",
    "<object data=\"javascript:{J}\"></object>",
    "<embed src=\"javascript:{J}\">",
    "<form action=\"javascript:{J}\"><button>go</button></form>",
    "<button formaction=javascript:{J}>go</button>",
    "javascript:{J}",
    "data:text/html,<script>{J}</script>",
    // Markdown links, images and autolinks.
    "[x](javascript:{J})",
    "[x](JaVaScRiPt:{J})",
    "[x](data:text/html,<script>{J}</script>)",
    "[x](https://example.com/\"onmouseover=\"{J})",
    "![x](javascript:{J})",
    "![x](https://evil.example/p{N}.gif)",
    "<https://evil.example/a{N}>",
    "<javascript:{J}>",
    "[x]: javascript:{J}\n\n[x]",
    // Elements that change where the page goes or what it loads.
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{J}\">",
    "<link rel=stylesheet href=https://evil.example/s{N}.css>",
    // Parser differentials: math, noscript, comments, xmp, plaintext.
    "<math><mtext><table><mglyph><style><img src=x onerror={J}>",
    "<noscript><p title=\"</noscript><img src=x onerror={J}>\">",
    "<!--<img src=\"--><img src=x onerror={J}>\">",
    "<xmp><script>{J}</script></xmp>",
    "<template><script>{J}</script></template>",
    // Entities that a double decode would turn into markup.
    "&lt;script&gt;{J}&lt;/script&gt;",
    "&#60;script&#62;{J}&#60;/script&#62;",
    "&#x3C;img src=x onerror={J}&#x3E;",
    "%3Cscript%3E{J}%3C/script%3E",
    // Unicode: fullwidth lookalikes, line separators, zero-width marks.
    "\u{FF1C}script\u{FF1E}{J}\u{FF1C}/script\u{FF1E}",
    "\u{2028}<script>{J}</script>\u{2029}",
    "<scr\u{200B}ipt>{J}</scr\u{200B}ipt>",
    "\u{202E}<img src=x onerror={J}>",
    // Template and JavaScript-string injection.
    "{{constructor.constructor('{J}')()}}",
    "${{J}}",
    "';{J};//",
    "\";{J};//",
    "\\\";{J};//",
];

/// Prefixes that put each vector in a second context: after a quote and
/// tag closer, as if the text landed inside an attribute.
const WRAPPERS: &[&str] = &["", "\"'></a>"];

/// One payload: its number (what `pwn` would be set to) and its text.
#[derive(Clone, Debug)]
pub struct Payload {
    #[allow(dead_code)] // kept for reports and debugging of a failing payload
    pub n: usize,
    pub text: String,
}

/// Every payload: every vector in every wrapper, numbered from 1.
pub fn corpus() -> Vec<Payload> {
    let mut out = Vec::new();
    for wrapper in WRAPPERS {
        for vector in VECTORS {
            let n = out.len() + 1;
            let text = format!(
                "{wrapper}{}",
                vector
                    .replace("{J}", &format!("pwn={n}"))
                    .replace("{N}", &n.to_string())
            );
            out.push(Payload { n, text });
        }
    }
    out
}

/// Payloads joined by a space into texts of at most `max` characters each,
/// in order, so a field with a length limit carries as many as it can.
pub fn pack<'a>(payloads: impl IntoIterator<Item = &'a str>, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for p in payloads {
        let len = p.chars().count();
        assert!(len <= max, "payload longer than the field: {p}");
        let needed = if current.is_empty() { len } else { len + 1 };
        if current.chars().count() + needed > max {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(p);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A payload as one token: no white space (it becomes `/`, which the HTML
/// parser takes as an attribute separator inside a tag) and no `,` or `@`,
/// for fields that split on them (links, email addresses).
pub fn token(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_whitespace() {
                '/'
            } else if c == ',' || c == '@' {
                '.'
            } else {
                c
            }
        })
        .collect()
}

/// Installed before any page script (Chromium's
/// `Page.addScriptToEvaluateOnNewDocument`): `pwn=N` and the dialog
/// functions become records, and every Content-Security-Policy violation is
/// kept, since a blocked inline script means markup got through escaping.
pub const HOOK: &str = r#"(() => {
  const rec = { runs: [], dialogs: [], violations: [] };
  Object.defineProperty(window, '__xss', { value: rec });
  Object.defineProperty(window, 'pwn', {
    configurable: false,
    get() { return undefined; },
    set(v) { rec.runs.push(String(v)); },
  });
  for (const f of ['alert', 'confirm', 'prompt']) {
    window[f] = (m) => { rec.dialogs.push(f + ':' + m); };
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    rec.violations.push(`${e.violatedDirective} blocked=${e.blockedURI} sample=${e.sample} at ${e.sourceFile}:${e.lineNumber}`);
  }, true);
})();"#;

/// Run in the page after it loaded: what the hook recorded, and DOM checks
/// that prove the escaping on their own, whatever the CSP blocked.
pub const INSPECT: &str = r#"
const rec = window.__xss;
const problems = [];
const here = location.origin;
const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster', 'srcset'];
for (const el of document.querySelectorAll('*')) {
  for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on')) problems.push(`${el.tagName} has ${name}=${a.value.slice(0, 60)}`);
    if (urlAttrs.includes(name)) {
      const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name === 'srcdoc' || v.startsWith('javascript:') || v.startsWith('vbscript:')
          || (v.startsWith('data:') && !(el.tagName === 'IMG' && v.startsWith('data:image/')))) {
        problems.push(`${el.tagName} ${name}=${a.value.slice(0, 60)}`);
      }
    }
  }
}
for (const s of document.querySelectorAll('script')) {
  if (!(s.nonce || s.hasAttribute('nonce'))) problems.push(`script without a nonce: ${s.outerHTML.slice(0, 80)}`);
}
for (const el of document.querySelectorAll('iframe, frame, object, embed, applet, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), link[rel~="import"]')) {
  problems.push(`forbidden element: ${el.outerHTML.slice(0, 80)}`);
}
for (const img of document.querySelectorAll('img, source, video, audio')) {
  const src = img.getAttribute('src');
  if (src) {
    const u = new URL(src, location.href);
    if (u.origin !== here && u.protocol !== 'data:' && u.protocol !== 'blob:') problems.push(`${img.tagName} from another host: ${src}`);
  }
}
for (const l of document.querySelectorAll('link[href]')) {
  const u = new URL(l.getAttribute('href'), location.href);
  if (u.origin !== here) problems.push(`link to another host: ${l.outerHTML.slice(0, 80)}`);
}
return {
  hooked: !!rec,
  runs: rec ? rec.runs : [],
  dialogs: rec ? rec.dialogs : [],
  violations: rec ? rec.violations : [],
  problems,
  hydrated: document.body ? document.body.getAttribute('data-hydrated') === 'true' : false,
  text: (document.body ? document.body.textContent : '') + '\n' +
    [...document.querySelectorAll('input, textarea')].map((f) => f.value).join('\n') + '\n' + document.title,
  url: location.href,
};
"#;

/// What [`INSPECT`] found in one page.
#[derive(Debug)]
pub struct Inspection {
    pub hooked: bool,
    pub runs: Vec<String>,
    pub dialogs: Vec<String>,
    pub violations: Vec<String>,
    pub problems: Vec<String>,
    pub hydrated: bool,
    pub text: String,
    pub url: String,
}

impl Inspection {
    pub fn from_value(v: &Value) -> Inspection {
        let list = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| s.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        Inspection {
            hooked: v["hooked"].as_bool().unwrap_or(false),
            runs: list("runs"),
            dialogs: list("dialogs"),
            violations: list("violations"),
            problems: list("problems"),
            hydrated: v["hydrated"].as_bool().unwrap_or(false),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            url: v["url"].as_str().unwrap_or_default().to_string(),
        }
    }
}

/// Base64 with the URL-safe alphabet and padding, as server_fn encodes the
/// error it puts in `__err`.
pub fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_values() {
        assert_eq!(base64_url(b"f"), "Zg==");
        assert_eq!(base64_url(b"fo"), "Zm8=");
        assert_eq!(base64_url(b"foo"), "Zm9v");
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8=");
    }
}
