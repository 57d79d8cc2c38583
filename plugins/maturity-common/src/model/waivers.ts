import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { MATURITY_ANNOTATION_PREFIX } from '../annotations';

/** Prefix of waiver annotations: `maturity.cloudnative.dev/waiver.<check-id>`. @public */
export const WAIVER_ANNOTATION_PREFIX = `${MATURITY_ANNOTATION_PREFIX}waiver.`;

/** A waiver of one check on one entity. @public */
export interface Waiver {
  checkId: string;
  reason: string;
  /** The last day (UTC, `YYYY-MM-DD`) on which the waiver holds. */
  until: string;
}

/** Waivers read from an entity, and the malformed ones as errors that name the annotation. @public */
export interface WaiverReading {
  waivers: Waiver[];
  problems: string[];
}

const FORM = /^(\d{4}-\d{2}-\d{2})\s*:\s*(.*)$/s;

/**
 * Reads the waiver annotations of an entity. The form is `"YYYY-MM-DD: reason"`; the waiver holds
 * through that day (UTC). A waiver with no reason, an impossible date or an unknown check id is
 * reported, never silently accepted.
 * @public
 */
export function readWaivers(
  entity: Entity,
  knownCheckIds: ReadonlySet<string>,
): WaiverReading {
  const reading: WaiverReading = { waivers: [], problems: [] };
  const ref = stringifyEntityRef(entity);
  for (const [key, raw] of Object.entries(entity.metadata.annotations ?? {})) {
    if (!key.startsWith(WAIVER_ANNOTATION_PREFIX)) continue;
    const checkId = key.slice(WAIVER_ANNOTATION_PREFIX.length);
    const problem = (what: string) =>
      reading.problems.push(
        `Entity ${ref} has an invalid annotation ${key}: ${what}; expected "YYYY-MM-DD: reason", e.g. "2027-03-31: pinned cores needed for the matching engine"`,
      );
    if (!knownCheckIds.has(checkId)) {
      problem(`there is no check '${checkId}'`);
      continue;
    }
    const match = FORM.exec(String(raw).trim());
    if (!match) {
      problem(`${JSON.stringify(raw)} is not of the form`);
      continue;
    }
    const [, until, reason] = match;
    if (!DateTime.fromISO(until, { zone: 'utc' }).isValid) {
      problem(`${until} is not a date`);
      continue;
    }
    if (!reason.trim()) {
      problem('the reason is missing');
      continue;
    }
    reading.waivers.push({ checkId, until, reason: reason.trim() });
  }
  return reading;
}

/** Whether a waiver still holds at `now`: through the whole of its last day, UTC. @public */
export function isWaiverActive(waiver: Waiver, now: Date): boolean {
  const end = DateTime.fromISO(waiver.until, { zone: 'utc' }).endOf('day');
  return DateTime.fromJSDate(now) <= end;
}
