// Alliance Hiring Kit: progressive enhancement for the public application page.
//
// Without JavaScript every video prompt is a plain upload form and every step
// is a plain form. This module adds, where the browser can do it:
//   * an in-browser recorder (countdown, review, re-record, submit) in front
//     of each `[data-video-form]`, which stays visible as the alternative;
//   * a local draft of `form[data-persist]` fields, so a reload before
//     submitting loses nothing.
//
// Plain ES module: no build step, no dependencies, no network other than the
// form's own action. It must never break the page, so every entry point is
// guarded and problems are only reported with console.warn.

const DEFAULT_SECONDS = 90;
const WARN_SECONDS = 10;
// Screen readers hear the time left at these points, not every second.
const ANNOUNCE_EVERY_SECONDS = 30;
const TICK_MS = 250;

// First supported wins. VP8 is the most widely decodable WebM codec; Safari
// only records MP4.
const MIME_CANDIDATES = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];
// About 17 MB for 90 s: enough for a talking head, small enough to upload on
// a weak connection.
const VIDEO_BITS_PER_SECOND = 1_500_000;
const AUDIO_BITS_PER_SECOND = 96_000;
const CAMERA_CONSTRAINTS = {
  audio: true,
  video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } },
};

const STORAGE_PREFIX = 'hk-apply:';
// Contact details should not linger on a shared computer after an abandoned
// application.
const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const TEXT_INPUT_TYPES = new Set(['text', 'email', 'tel', 'url', 'search', 'number']);

/** Every recorder on the page, so only one uses the camera at a time. */
const recorders = new Set();
/** Forms already enhanced; a WeakSet so the DOM itself is not marked. */
const enhancedForms = new WeakSet();
/** Fields the candidate has edited on this page load: never overwrite them. */
const touchedFields = new WeakSet();

// ---------------------------------------------------------------------------
// Small utilities

function warn(message, error) {
  console.warn(`[hiring-kit recorder] ${message}`, error ?? '');
}

/** Wraps a handler so neither a throw nor a rejected promise escapes. */
function guarded(label, fn) {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result && typeof result.catch === 'function') {
        result.catch((error) => warn(`${label} failed`, error));
      }
    } catch (error) {
      warn(`${label} failed`, error);
    }
  };
}

/** Builds an element: el('button', { type: 'button' }, 'Stop'). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/** 90 -> "1:30" */
function formatClock(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** 90 -> "1 minute 30 seconds": read aloud better than "1:30". */
function spokenDuration(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest || !minutes) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function parseSeconds(value) {
  const seconds = Number.parseInt(value ?? '', 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_SECONDS;
}

/** "video/webm;codecs=vp8,opus" -> "video/webm" (what the server checks). */
function baseMimeType(mimeType) {
  return (mimeType || '').split(';')[0].trim().toLowerCase();
}

function stopStream(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

// ---------------------------------------------------------------------------
// Waiting for hydration

/**
 * Runs `callback` once Leptos has hydrated the page (it sets
 * data-hydrated="true" on <body>). Inserting nodes into server-rendered HTML
 * before hydration would make hydration fail, so the recorder waits.
 */
function whenHydrated(callback) {
  const run = guarded('start after hydration', callback);
  const body = document.body;
  // Candidates' pages are served without the WASM bundle: nothing will
  // hydrate them, so start at once.
  if (document.documentElement.dataset.static === 'true' || body.dataset.hydrated === 'true') {
    run();
    return;
  }
  const observer = new MutationObserver(() => {
    if (body.dataset.hydrated !== 'true') return;
    observer.disconnect();
    run();
  });
  observer.observe(body, { attributes: true, attributeFilter: ['data-hydrated'] });
}

// ---------------------------------------------------------------------------
// Draft persistence for form[data-persist]

function storageKey(form) {
  return STORAGE_PREFIX + form.dataset.persist;
}

/** localStorage can be missing or throw (private mode, blocked storage). */
function storage() {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

function isPersistedField(field) {
  if (!field.name || field.disabled) return false;
  if (field instanceof HTMLTextAreaElement) return true;
  if (!(field instanceof HTMLInputElement)) return false;
  return field.type === 'radio' || TEXT_INPUT_TYPES.has(field.type);
}

/**
 * The form's persisted fields with a stable key each: the field's name, or
 * "name#2" for the second text field sharing a name. Radios are keyed by
 * group name alone.
 */
function persistedFields(form) {
  const seen = new Map();
  const fields = [];
  for (const field of Array.from(form.elements)) {
    if (!isPersistedField(field)) continue;
    if (field.type === 'radio') {
      fields.push({ field, key: field.name, radio: true });
      continue;
    }
    const count = seen.get(field.name) ?? 0;
    seen.set(field.name, count + 1);
    fields.push({ field, key: count ? `${field.name}#${count + 1}` : field.name, radio: false });
  }
  return fields;
}

function readDraft(form) {
  const store = storage();
  if (!store) return null;
  try {
    const raw = store.getItem(storageKey(form));
    if (!raw) return null;
    const draft = JSON.parse(raw);
    if (!draft || typeof draft !== 'object' || typeof draft.savedAt !== 'number') return null;
    if (Date.now() - draft.savedAt > DRAFT_MAX_AGE_MS) {
      store.removeItem(storageKey(form));
      return null;
    }
    return { text: draft.text ?? {}, radios: draft.radios ?? {} };
  } catch (error) {
    warn('could not read the saved draft', error);
    return null;
  }
}

function saveDraft(form) {
  const store = storage();
  if (!store) return;
  const text = {};
  const radios = {};
  for (const { field, key, radio } of persistedFields(form)) {
    if (radio) {
      if (field.checked) radios[key] = field.value;
    } else if (field.value !== '') {
      text[key] = field.value;
    }
  }
  try {
    if (Object.keys(text).length === 0 && Object.keys(radios).length === 0) {
      store.removeItem(storageKey(form));
    } else {
      store.setItem(storageKey(form), JSON.stringify({ savedAt: Date.now(), text, radios }));
    }
  } catch (error) {
    warn('could not save the draft', error);
  }
}

/**
 * Fills empty, untouched fields from the draft. Anything the server rendered
 * (or the browser restored, or the candidate typed) wins over the draft.
 */
function restoreDraft(form) {
  const draft = readDraft(form);
  if (!draft) return;
  const fields = persistedFields(form);
  const answeredGroups = new Set(
    fields.filter(({ field, radio }) => radio && field.checked).map(({ key }) => key),
  );
  for (const { field, key, radio } of fields) {
    if (touchedFields.has(field)) continue;
    if (radio) {
      const saved = draft.radios[key];
      if (!answeredGroups.has(key) && typeof saved === 'string' && field.value === saved) {
        field.checked = true;
        answeredGroups.add(key);
      }
    } else {
      const saved = draft.text[key];
      if (field.value === '' && typeof saved === 'string') field.value = saved;
    }
  }
}

function restoreAllDrafts() {
  document.querySelectorAll('form[data-persist]').forEach((form) => {
    try {
      restoreDraft(form);
    } catch (error) {
      warn('could not restore a draft', error);
    }
  });
}

function persistFormOf(event) {
  const target = event.target;
  return target instanceof Element ? target.closest('form[data-persist]') : null;
}

function onDraftEdit(event) {
  const form = persistFormOf(event);
  if (!form || !isPersistedField(event.target)) return;
  if (event.isTrusted) touchedFields.add(event.target);
  saveDraft(form);
}

/**
 * The draft outlives the form's submission: a refused form comes back as a
 * new page (the form posts without the app's scripts), and the answers the
 * server does not echo (the radio buttons) are filled in from the draft.
 * The page the form leads to once the application has started names the
 * draft to clear (data-clears-draft).
 */
function clearStartedDrafts() {
  document.querySelectorAll('[data-clears-draft]').forEach((page) => {
    try {
      storage()?.removeItem(STORAGE_PREFIX + page.dataset.clearsDraft);
    } catch (error) {
      warn('could not clear the draft', error);
    }
  });
}

/**
 * Listeners sit on the document (capture phase) so they survive re-rendering
 * and need no changes to the server-rendered forms. Restoring only sets field
 * values, never inserts nodes, so it is safe before hydration and happens as
 * early as possible, before the candidate starts typing.
 */
function startDraftPersistence() {
  document.addEventListener('input', guarded('save draft', onDraftEdit), true);
  document.addEventListener('change', guarded('save draft', onDraftEdit), true);
  clearStartedDrafts();
  restoreAllDrafts();
}

// ---------------------------------------------------------------------------
// The recorder

function canRecord() {
  return (
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof window.MediaRecorder === 'function'
  );
}

function pickMimeType() {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return '';
  return (
    MIME_CANDIDATES.find((type) => {
      try {
        return MediaRecorder.isTypeSupported(type);
      } catch {
        return false;
      }
    }) ?? ''
  );
}

function createMediaRecorder(stream) {
  const mimeType = pickMimeType();
  const options = {
    videoBitsPerSecond: VIDEO_BITS_PER_SECOND,
    audioBitsPerSecond: AUDIO_BITS_PER_SECOND,
  };
  if (mimeType) options.mimeType = mimeType;
  try {
    return new MediaRecorder(stream, options);
  } catch (error) {
    // Some browsers reject the options rather than ignore them.
    warn('MediaRecorder rejected the options; using its defaults', error);
    return new MediaRecorder(stream);
  }
}

/** `retryLabel` is the button on screen now: "Record your answer" or "Record again". */
function cameraErrorMessage(error, retryLabel) {
  const fallback = 'or upload a file instead with the form below.';
  switch (error?.name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return (
        'Camera and microphone access was refused, so you can’t record here. ' +
        `Allow access in your browser’s site settings and press “${retryLabel}” again, ` +
        fallback
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return `No camera or microphone was found. Connect one and try again, ${fallback}`;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return (
        'Your camera or microphone could not be started; another app may be using it. ' +
        `Close that app and try again, ${fallback}`
      );
    default:
      return `The camera could not be started. Try again, ${fallback}`;
  }
}

function uploadErrorMessage(status) {
  if (status === 413) {
    return (
      'This recording is too large to upload. Record a shorter answer, ' +
      'or upload a smaller file with the form below.'
    );
  }
  return (
    `The upload did not go through (error ${status}). Your recording is kept: ` +
    'press “Submit this recording” to try again, or upload a file with the form below.'
  );
}

/**
 * Chrome's MediaRecorder writes WebM without a duration, so the review player
 * shows no length and cannot seek. Seeking far past the end makes the browser
 * work the duration out; then jump back to the start.
 */
function fixMissingDuration(video) {
  video.addEventListener('loadedmetadata', () => {
    if (video.duration !== Infinity) return;
    video.addEventListener('timeupdate', () => (video.currentTime = 0), { once: true });
    video.currentTime = Number.MAX_SAFE_INTEGER;
  });
}

/**
 * Gives the prompt heading an id so the panel can be named after it; screen
 * reader users then hear which prompt each "Record your answer" belongs to.
 */
function headingId(section) {
  const heading = section?.querySelector('h1, h2, h3, h4, h5, h6');
  if (!heading) return null;
  if (!heading.id) heading.id = `video-prompt-heading-${Math.random().toString(36).slice(2, 10)}`;
  return heading.id;
}

/** Builds the panel's elements; PromptRecorder wires them up. */
function buildPanel(seconds, labelledBy) {
  const parts = {
    intro: el(
      'p',
      { class: 'recorder-intro' },
      `Record your answer with your camera and microphone. You have up to ${formatClock(seconds)}, ` +
        'and you can watch it back before you submit it.',
    ),
    preview: el('video', {
      class: 'recorder-preview',
      'data-record-preview': true,
      muted: true,
      autoplay: true,
      playsinline: true,
      'aria-label': 'Camera preview',
      hidden: true,
    }),
    clock: el('span', { class: 'recorder-clock', 'aria-hidden': 'true' }, formatClock(seconds)),
    spokenTime: el('span', { class: 'visually-hidden' }),
    review: el('video', {
      class: 'recorder-review',
      'data-record-review': true,
      controls: true,
      playsinline: true,
      preload: 'metadata',
      'aria-label': 'Your recording',
      hidden: true,
    }),
    start: el(
      'button',
      { type: 'button', class: 'primary', 'data-record-start': true },
      'Record your answer',
    ),
    stop: el('button', { type: 'button', class: 'recorder-stop', 'data-record-stop': true, hidden: true }, 'Stop'),
    again: el('button', { type: 'button', 'data-record-again': true, hidden: true }, 'Record again'),
    submit: el(
      'button',
      { type: 'button', class: 'primary', 'data-record-submit': true, hidden: true },
      'Submit this recording',
    ),
    status: el('p', { class: 'recorder-status', 'data-record-status': true, role: 'status' }),
    alert: el('p', { class: 'recorder-alert', 'data-record-alert': true, role: 'alert' }),
  };
  // The visible clock ticks every second but is hidden from screen readers;
  // the hidden text beside it changes only at milestones, so the live region
  // speaks a few times rather than ninety.
  parts.countdown = el(
    'p',
    { class: 'recorder-countdown', 'data-countdown': true, 'aria-live': 'polite', hidden: true },
    el('span', { class: 'recorder-live', 'aria-hidden': 'true' }, 'Recording'),
    ' ',
    parts.clock,
    parts.spokenTime,
  );
  parts.panel = el(
    'div',
    {
      class: 'recorder no-print',
      'data-recorder': true,
      'data-state': 'idle',
      role: 'group',
      'aria-labelledby': labelledBy,
      'aria-label': labelledBy ? null : 'Record your answer',
    },
    parts.intro,
    el('div', { class: 'recorder-stage' }, parts.preview, parts.review),
    parts.countdown,
    el('div', { class: 'recorder-actions' }, parts.start, parts.stop, parts.again, parts.submit),
    parts.status,
    parts.alert,
    el('p', { class: 'recorder-or' }, 'or upload a file instead'),
  );
  return parts;
}

/**
 * One prompt's recorder. States:
 *   idle      nothing recorded yet
 *   starting  waiting for camera permission
 *   recording camera on, countdown running
 *   review    recording kept, camera off
 *   uploading sending the recording
 * The current state is mirrored on the panel as data-state.
 */
class PromptRecorder {
  constructor(form, section) {
    this.form = form;
    this.seconds = parseSeconds(section?.dataset.seconds);
    this.ui = buildPanel(this.seconds, headingId(section));
    this.state = 'idle';
    this.stream = null;
    this.mediaRecorder = null;
    this.chunks = [];
    this.failed = false;
    this.stopRequested = false;
    this.recording = null; // { blob, url, fileName }
    this.timer = null;
    this.startedAt = 0;
    this.lastShownSeconds = null;

    // The muted attribute on a script-created <video> does not mute it; the
    // property does. Without this the candidate hears themselves echo.
    this.ui.preview.muted = true;
    fixMissingDuration(this.ui.review);
    this.ui.start.addEventListener('click', guarded('start recording', () => this.record()));
    this.ui.again.addEventListener('click', guarded('record again', () => this.record()));
    this.ui.stop.addEventListener('click', guarded('stop recording', () => this.stop()));
    this.ui.submit.addEventListener('click', guarded('submit recording', () => this.submit()));
  }

  get panel() {
    return this.ui.panel;
  }

  setState(state) {
    this.state = state;
    const { ui } = this;
    const hasRecording = Boolean(this.recording);
    const busy = state === 'starting' || state === 'uploading';
    const reviewing = state === 'review' || state === 'uploading' || (state === 'starting' && hasRecording);

    ui.panel.dataset.state = state;
    ui.start.hidden = !(state === 'idle' || (state === 'starting' && !hasRecording));
    ui.preview.hidden = state !== 'recording';
    ui.countdown.hidden = state !== 'recording';
    ui.stop.hidden = state !== 'recording';
    ui.stop.disabled = false;
    ui.review.hidden = !reviewing;
    ui.again.hidden = !reviewing;
    ui.submit.hidden = !reviewing;
    for (const button of [ui.start, ui.again, ui.submit]) button.disabled = busy;
  }

  say(message) {
    this.ui.status.textContent = message;
  }

  alert(message) {
    this.ui.alert.textContent = message;
  }

  /** Starts a recording (also "Record again"); the old one is kept until the camera is on. */
  async record() {
    if (this.state !== 'idle' && this.state !== 'review') return;
    stopOtherRecorders(this);
    this.alert('');
    this.setState('starting');
    this.say('Starting your camera…');

    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
    } catch (error) {
      warn('getUserMedia failed', error);
      this.abandonStart(cameraErrorMessage(error, this.recording ? 'Record again' : 'Record your answer'));
      return;
    }
    if (this.state !== 'starting') {
      // The page was hidden while the permission prompt was open (shutDown).
      stopStream(stream);
      return;
    }

    let mediaRecorder;
    try {
      mediaRecorder = createMediaRecorder(stream);
    } catch (error) {
      warn('MediaRecorder could not be created', error);
      stopStream(stream);
      this.abandonStart(
        'This browser cannot record video here. Please upload a file instead with the form below.',
      );
      return;
    }

    try {
      this.beginRecording(stream, mediaRecorder);
    } catch (error) {
      warn('recording could not start', error);
      this.stopCountdown();
      this.releaseCamera();
      this.mediaRecorder = null;
      this.abandonStart('Recording could not start. Try again, or upload a file instead with the form below.');
    }
  }

  /** Back to where the candidate was: their previous recording, if any, is untouched. */
  abandonStart(message) {
    this.setState(this.recording ? 'review' : 'idle');
    this.say('');
    this.alert(message);
    (this.recording ? this.ui.again : this.ui.start).focus();
  }

  beginRecording(stream, mediaRecorder) {
    // Another prompt may have started while this one waited for permission.
    stopOtherRecorders(this);
    this.stream = stream;
    this.mediaRecorder = mediaRecorder;
    this.chunks = [];
    this.failed = false;
    this.stopRequested = false;

    mediaRecorder.addEventListener('dataavailable', (event) => {
      if (event.data && event.data.size > 0) this.chunks.push(event.data);
    });
    mediaRecorder.addEventListener('stop', guarded('finish recording', () => this.finish()));
    mediaRecorder.addEventListener('error', (event) => {
      warn('MediaRecorder error', event.error ?? event);
      this.failed = true;
    });
    // If the camera goes away (unplugged, permission revoked) end cleanly.
    stream.getTracks().forEach((track) =>
      track.addEventListener('ended', guarded('track ended', () => this.stop())),
    );

    this.ui.preview.srcObject = stream;
    // autoplay normally starts it; if the browser refuses, the recording
    // itself is unaffected, so the rejection is ignored.
    this.ui.preview.play()?.catch(() => {});
    // A timeslice makes the browser hand over data as it goes rather than
    // holding the whole answer until stop.
    mediaRecorder.start(1000);
    // Only now is the previous take replaced; until here a failure leaves it intact.
    this.discardRecording();
    this.startCountdown();
    this.setState('recording');
    this.say('Recording.');
    this.ui.stop.focus();
  }

  stop() {
    // The recorder's final data arrives after stop(); a second Stop press
    // must not finish early without it.
    if (this.state !== 'recording' || this.stopRequested) return;
    this.stopRequested = true;
    this.ui.stop.disabled = true;
    this.stopCountdown();
    try {
      if (this.mediaRecorder?.state !== 'inactive') this.mediaRecorder.stop();
      else this.finish();
    } catch (error) {
      warn('could not stop the recorder', error);
      this.finish();
    }
  }

  /** Runs when the MediaRecorder has delivered its last data. */
  finish() {
    if (this.state !== 'recording') return;
    this.stopCountdown();
    this.releaseCamera();
    const mimeType = baseMimeType(this.mediaRecorder?.mimeType || pickMimeType()) || 'video/webm';
    const blob = new Blob(this.chunks, { type: mimeType });
    this.chunks = [];
    this.mediaRecorder = null;

    if (this.failed || blob.size === 0) {
      // A Stop pressed within a fraction of a second yields no data at all:
      // not an error, but nothing to keep either.
      const reason = this.failed
        ? 'Something went wrong and nothing was recorded.'
        : 'The recording was too short to keep.';
      this.setState('idle');
      this.say('');
      this.alert(
        `${reason} Press “Record your answer” to try again, or upload a file instead with the form below.`,
      );
      this.ui.start.focus();
      return;
    }

    const fileName = mimeType.includes('mp4') ? 'answer.mp4' : 'answer.webm';
    this.recording = { blob, url: URL.createObjectURL(blob), fileName };
    this.ui.review.src = this.recording.url;
    this.setState('review');
    // No length here: the recorder starts a moment after the clock, so any
    // figure we give can disagree with the player's own.
    this.say('Recording finished. Watch it back, then submit it or record again.');
    this.focusReview();
  }

  focusReview() {
    this.ui.review.focus();
    // Not every browser lets a <video> take focus; the next useful control does.
    if (document.activeElement !== this.ui.review) this.ui.submit.focus();
  }

  async submit() {
    if (this.state !== 'review' || !this.recording) return;
    this.alert('');
    this.setState('uploading');
    this.say('Uploading…');

    // Start from the form itself so any hidden fields the server adds travel too.
    const body = new FormData(this.form);
    body.set('video', this.recording.blob, this.recording.fileName);

    let response;
    try {
      response = await fetch(this.form.action, { method: 'POST', body, credentials: 'same-origin' });
    } catch (error) {
      warn('upload failed', error);
      this.uploadFailed(
        'The recording could not be sent; check your internet connection. Your recording is kept: ' +
          'press “Submit this recording” to try again, or upload a file with the form below.',
      );
      return;
    }

    if (response.redirected) {
      // The server answers 303 to the application page, carrying ?error=… on
      // failure; show that page as a plain form post would have.
      window.location.assign(response.url);
    } else if (response.ok) {
      // A direct success page would be for the POST URL itself; reloading the
      // application page shows the new status instead.
      window.location.reload();
    } else {
      this.uploadFailed(uploadErrorMessage(response.status));
    }
  }

  uploadFailed(message) {
    this.setState('review');
    this.say('');
    this.alert(message);
    this.ui.submit.focus();
  }

  startCountdown() {
    this.startedAt = performance.now();
    this.lastShownSeconds = null;
    this.ui.spokenTime.textContent = `${spokenDuration(this.seconds)} left.`;
    this.renderClock(this.seconds);
    this.timer = window.setInterval(guarded('countdown', () => this.tick()), TICK_MS);
  }

  stopCountdown() {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
  }

  /** Clock time, not a count of ticks: timers drift and stall in busy or background tabs. */
  tick() {
    const elapsedMs = performance.now() - this.startedAt;
    const remaining = Math.max(0, Math.ceil(this.seconds - elapsedMs / 1000));
    this.renderClock(remaining);
    if (remaining === 0) {
      this.ui.spokenTime.textContent = 'Time is up.';
      this.stop();
    }
  }

  renderClock(remaining) {
    if (remaining === this.lastShownSeconds) return;
    const first = this.lastShownSeconds === null;
    this.lastShownSeconds = remaining;
    this.ui.clock.textContent = formatClock(remaining);
    this.ui.countdown.classList.toggle('ending', remaining <= WARN_SECONDS);
    const milestone = remaining === WARN_SECONDS || remaining % ANNOUNCE_EVERY_SECONDS === 0;
    if (!first && remaining > 0 && milestone) {
      this.ui.spokenTime.textContent = `${spokenDuration(remaining)} left.`;
    }
  }

  releaseCamera() {
    stopStream(this.stream);
    this.stream = null;
    this.ui.preview.srcObject = null;
  }

  discardRecording() {
    if (!this.recording) return;
    URL.revokeObjectURL(this.recording.url);
    this.ui.review.removeAttribute('src');
    this.ui.review.load();
    this.recording = null;
  }

  /** Page is going away: turn the camera off whatever the state. */
  shutDown() {
    if (this.state === 'recording') this.stop();
    // A permission prompt still open: record() sees the state change and
    // turns the camera straight off if access is granted later.
    if (this.state === 'starting') this.setState(this.recording ? 'review' : 'idle');
    this.releaseCamera();
  }
}

function stopOtherRecorders(current) {
  for (const recorder of recorders) {
    if (recorder !== current) recorder.stop();
  }
}

function enhanceVideoForm(form) {
  if (enhancedForms.has(form)) return;
  enhancedForms.add(form);
  if (!canRecord()) return; // the plain upload form is the whole experience

  // If the page re-rendered this form, a panel from the old one may be left.
  const stale = form.previousElementSibling;
  if (stale?.matches('[data-recorder]')) stale.remove();

  const recorder = new PromptRecorder(form, form.closest('[data-video-prompt]'));
  form.before(recorder.panel);
  recorders.add(recorder);
}

function enhanceVideoForms() {
  document.querySelectorAll('form[data-video-form]').forEach((form) => {
    try {
      enhanceVideoForm(form);
    } catch (error) {
      warn('could not add a recorder', error);
    }
  });
}

// ---------------------------------------------------------------------------
// Start-up

/** True for an added element that is not one of our own panels or inside one. */
function isNewAppContent(node) {
  return node instanceof Element && !node.closest('[data-recorder]');
}

/**
 * After hydration the app may still render new content (client-side
 * navigation); enhance any video form or fill any draft form that appears.
 * Text changes (our ticking clock) and our own panels are ignored, and
 * rescans are batched to one per frame.
 */
function watchForNewForms() {
  let queued = false;
  const rescan = guarded('rescan', () => {
    queued = false;
    enhanceVideoForms();
    restoreAllDrafts();
  });
  new MutationObserver((mutations) => {
    if (queued) return;
    const relevant = mutations.some((mutation) =>
      Array.from(mutation.addedNodes).some(isNewAppContent),
    );
    if (!relevant) return;
    queued = true;
    window.requestAnimationFrame(rescan);
  }).observe(document.body, { childList: true, subtree: true });
}

function startAfterHydration() {
  enhanceVideoForms();
  // Hydration can reset bound field values; fill any that are empty again.
  restoreAllDrafts();
  watchForNewForms();
  window.addEventListener(
    'pagehide',
    guarded('release cameras', () => recorders.forEach((recorder) => recorder.shutDown())),
  );
  // The page is ready to record (the browser tests and scripts/bench wait
  // for this).
  document.documentElement.dataset.recorder = 'ready';
}

/**
 * A refused application form comes back as a new page, which opens at the
 * top, far from the form: bring the first field with a problem into view
 * and put the cursor in it.
 */
function showFirstProblem() {
  const field = document.querySelector('form[data-persist] [aria-invalid="true"]');
  if (!field) return;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}

function start() {
  guarded('draft persistence', startDraftPersistence)();
  guarded('show the first problem', showFirstProblem)();
  whenHydrated(startAfterHydration);
}

// Module scripts run after parsing, so <body> exists; the check covers odd
// embeddings.
if (document.body) {
  guarded('start', start)();
} else {
  document.addEventListener('DOMContentLoaded', guarded('start', start), { once: true });
}
