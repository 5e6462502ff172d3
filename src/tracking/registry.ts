/**
 * Process-wide named trackers, like edX's `register_tracker` / `get_tracker` /
 * module-level `emit`. Libraries emit through getTracker() and the application
 * decides, once, where events go.
 */
import { UsageError } from '../core/errors.js';
import type { JsonObject, TrackingEvent } from './event.js';
import type { Tracker } from './tracker.js';

const trackers = new Map<string, Tracker>();

export const DEFAULT_TRACKER = 'default';

export function registerTracker(tracker: Tracker, name = DEFAULT_TRACKER): void {
  trackers.set(name, tracker);
}

export function getTracker(name = DEFAULT_TRACKER): Tracker {
  const tracker = trackers.get(name);
  if (!tracker)
    throw new UsageError(`no tracker registered as '${name}': call registerTracker(new Tracker(...), '${name}') first`);
  return tracker;
}

/** Removes a tracker (tests, reconfiguration). Returns whether one was registered. */
export function unregisterTracker(name = DEFAULT_TRACKER): boolean {
  return trackers.delete(name);
}

/** Emits through the default tracker. */
export function emit(name: string, data?: JsonObject): TrackingEvent {
  return getTracker().emit(name, data);
}
