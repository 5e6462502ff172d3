import { browserEnvelope, coursewareUrl, type Fields, type Moment } from './envelope.js';
import { plain, q } from './json-text.js';
import type { Random } from './random.js';
import type { Course, Learner } from './world.js';

const BROWSER_KINDS = ['load_video', 'play_video', 'play_video', 'pause_video', 'pause_video', 'seek_video', 'stop_video', 'show_transcript', 'speed_change_video'];
const MOBILE_NAMES: Record<string, string> = {
  play_video: 'edx.video.played',
  pause_video: 'edx.video.paused',
  seek_video: 'edx.video.position.changed',
  stop_video: 'edx.video.stopped',
};

const seconds = (random: Random, max: number) => Math.round(random.next() * max * 1000) / 1000;

/** Where a learner is in one video: what the next event of the session continues from. */
export interface VideoSession {
  course: Course;
  learner: Learner;
  hash: string;
  /** Seconds into the video. */
  position: number;
  playing: boolean;
}

export function newVideoSession(random: Random, course: Course, learner: Learner): VideoSession {
  return { course, learner, hash: random.pick(course.videos), position: 0, playing: false };
}

/**
 * The next event of a viewing session: a play from where the learner is, or,
 * while playing, a pause, stop or seek some seconds further on, so that the
 * pipeline pairs them into viewings as it does on a real LMS.
 */
export function nextVideoEvent(m: Moment, random: Random, session: VideoSession): Fields {
  const duration = durationOf(session.hash);
  if (!session.playing) {
    session.playing = true;
    return videoEvent(m, random, session.course, session.learner, { kind: 'play_video', hash: session.hash, at: session.position });
  }
  const kind = random.pick(['pause_video', 'pause_video', 'stop_video', 'seek_video']);
  // Where the learner got to: a stop is the end of the video; a seek leaves from there for anywhere.
  const reached = kind === 'stop_video' ? duration : Math.min(duration, session.position + random.between(3, 240));
  session.playing = false;
  if (kind === 'seek_video') {
    session.position = seconds(random, duration);
    return videoEvent(m, random, session.course, session.learner, { kind, hash: session.hash, at: session.position, from: reached });
  }
  session.position = kind === 'stop_video' ? 0 : reached;
  return videoEvent(m, random, session.course, session.learner, { kind, hash: session.hash, at: reached });
}

const durationOf = (hash: string) => 120 + (parseInt(hash.slice(0, 4), 16) % 900);

/**
 * A video interaction, drawn at random or given by a session. Browser events
 * carry their payload as a JSON string (`id`, `currentTime`, `code`); mobile
 * ones as an object, with the app's `received_at` in the context. Pauses
 * sometimes lack `currentTime`, as the old player's did.
 */
export function videoEvent(m: Moment, random: Random, course: Course, learner: Learner, given?: { kind: string; hash: string; at: number; from?: number }): Fields {
  const kind = given?.kind ?? random.pick(BROWSER_KINDS);
  const hash = given?.hash ?? random.pick(course.videos);
  // Old courses name videos by an HTML-safe form of the i4x location.
  const id = course.deprecated ? `i4x-${course.json.org.slice(1, -1)}-${course.json.idBody.split(/[/+]/)[1]}-video-${hash}` : hash;
  const duration = durationOf(hash);
  const at = () => (given ? given.at : seconds(random, duration));
  const mobile = kind in MOBILE_NAMES && random.chance(0.12);
  const code = mobile ? 'mobile' : random.pick(['html5', 'hls', 'Hq2LkD3Ib8o']);
  let payload = `{"id": "${id}", "code": "${code}"`;
  if (kind === 'seek_video') {
    payload += `, "old_time": ${given?.from ?? seconds(random, duration)}, "new_time": ${at()}, "type": "${random.pick(['onSlideSeek', 'onSkipSeek'])}"`;
  } else if (kind === 'speed_change_video') {
    payload += `, "current_time": ${seconds(random, duration)}, "old_speed": "1.0", "new_speed": "1.50"`;
  } else if (!(kind === 'pause_video' && random.chance(0.1))) {
    payload += `, "currentTime": ${kind === 'stop_video' && !given ? duration : at()}`;
  }
  if (mobile || random.chance(0.3)) payload += `, "duration": ${duration}`;
  payload += '}';
  const fields = browserEnvelope(m, learner, course, plain(mobile ? MOBILE_NAMES[kind]! : kind), coursewareUrl(m, course, random.pick(course.chapters)));
  if (mobile) {
    fields.event_source = '"mobile"';
    fields.event = payload;
    const context = fields.context as Fields;
    context.received_at = plain(m.time.replace('+00:00', '')); // the app sends its events in batches, later
    context.application = '{"name": "edx.mobileapp.android", "version": "4.0.1"}';
    context.component = '"videoplayer"';
  } else fields.event = q(payload);
  return fields;
}
