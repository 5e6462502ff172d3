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

/**
 * A video interaction. Browser events carry their payload as a JSON string
 * (`id`, `currentTime`, `code`); mobile ones as an object, with the app's
 * `received_at` in the context. Pauses sometimes lack `currentTime`, as the
 * old player's did.
 */
export function videoEvent(m: Moment, random: Random, course: Course, learner: Learner): Fields {
  const kind = random.pick(BROWSER_KINDS);
  const hash = random.pick(course.videos);
  // Old courses name videos by an HTML-safe form of the i4x location.
  const id = course.deprecated ? `i4x-${course.json.org.slice(1, -1)}-${course.json.idBody.split(/[/+]/)[1]}-video-${hash}` : hash;
  const duration = 120 + (parseInt(hash.slice(0, 4), 16) % 900);
  const mobile = kind in MOBILE_NAMES && random.chance(0.12);
  const code = mobile ? 'mobile' : random.pick(['html5', 'hls', 'Hq2LkD3Ib8o']);
  let payload = `{"id": "${id}", "code": "${code}"`;
  if (kind === 'seek_video') {
    payload += `, "old_time": ${seconds(random, duration)}, "new_time": ${seconds(random, duration)}, "type": "${random.pick(['onSlideSeek', 'onSkipSeek'])}"`;
  } else if (kind === 'speed_change_video') {
    payload += `, "current_time": ${seconds(random, duration)}, "old_speed": "1.0", "new_speed": "1.50"`;
  } else if (!(kind === 'pause_video' && random.chance(0.1))) {
    payload += `, "currentTime": ${kind === 'stop_video' ? duration : seconds(random, duration)}`;
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
