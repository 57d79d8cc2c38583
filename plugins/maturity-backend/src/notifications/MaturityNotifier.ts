import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  BudgetStatus,
  ScoreLevelKind,
  WAIVER_ANNOTATION_PREFIX,
} from '@internal/plugin-maturity-common';
import { Initiative } from '@internal/plugin-maturity-common';
import { SentNotifications } from '../database/SentNotifications';
import { Initiatives } from '../initiatives/Initiatives';
import { budgetStatus } from '../service/costs';
import { levelKindOf } from '../service/scorecards';
import { BudgetSource } from '../budgets/Budgets';
import {
  ScoreDrop,
  SnapshotInfo,
  SnapshotStore,
} from '../database/SnapshotStore';

/** `maturity.notifications`, validated. */
export interface NotificationSettings {
  enabled: boolean;
  /** Points a score must fall by, between two runs, for its owner to be told. */
  scoreDrop: number;
  /** Days before a waiver's last day on which its owner is told. */
  waiverExpiryDays: number;
  /** Days before an initiative's deadline on which its owner is told, if it is short of target. */
  initiativeDeadlineDays: number;
  /** Notifications sent at most per run; the rest are logged. */
  maxPerRun: number;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: true,
  scoreDrop: 5,
  waiverExpiryDays: 14,
  initiativeDeadlineDays: 14,
  maxPerRun: 1000,
};

/** A waiver whose last day is near, found while its workload was scored. */
export interface ExpiringWaiver {
  ref: string;
  checkId: string;
  until: string;
  reason: string;
}

/** One notification: the event it is for, its recipient, and what it says. */
interface NotificationEvent {
  key: string;
  recipient: string;
  payload: NotificationPayload;
}

const TOPIC = 'Cloud-native maturity';
const DAY_MS = 86_400_000;
/** Sent events are forgotten after a year: their snapshots and waivers are long gone. */
const FORGET_AFTER_MS = 365 * 86_400_000;

/** An entity's Maturity tab, where the notification leads. */
function maturityTab(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/maturity`;
}

const nameOf = (ref: string) => parseEntityRef(ref).name;
const fmt = (score: number | null) => (score === null ? '—' : score.toFixed(1));

/** The notification of a level or score that fell between two runs. */
export function dropEvent(drop: ScoreDrop, snapshot: SnapshotInfo) {
  const name = nameOf(drop.ref);
  const levelFell =
    drop.level !== null &&
    drop.levelBefore !== null &&
    drop.level < drop.levelBefore;
  const fell =
    drop.score !== null && drop.scoreBefore !== null
      ? drop.scoreBefore - drop.score
      : null;
  return {
    key: `drop:${drop.levelKind}:${drop.ref}:${snapshot.id}`,
    recipient: drop.ref,
    payload: {
      title: levelFell
        ? `${name}: maturity level fell from ${drop.levelBefore} to ${drop.level}`
        : `${name}: maturity score fell ${fell!.toFixed(1)} points`,
      description: `Its core-weighted score went from ${fmt(
        drop.scoreBefore,
      )} to ${fmt(drop.score)}${
        levelFell
          ? ` and its level from ${drop.levelBefore} to ${drop.level}`
          : ''
      } in the run of ${snapshot.finishedAt.toISOString()}. Its Maturity tab shows which checks it fails and what raises it most.`,
      link: maturityTab(drop.ref),
      severity: levelFell ? 'high' : 'normal',
      topic: TOPIC,
    },
  } satisfies NotificationEvent;
}

/** The notification of a waiver whose last day is near. */
export function waiverEvent(
  waiver: ExpiringWaiver,
  checkTitle: string,
): NotificationEvent {
  return {
    key: `waiver:${waiver.ref}:${waiver.checkId}:${waiver.until}`,
    recipient: waiver.ref,
    payload: {
      title: `${nameOf(waiver.ref)}: the waiver of “${checkTitle}” ends on ${
        waiver.until
      }`,
      description: `Waived because: ${waiver.reason}. After ${waiver.until} the check counts again; fix it, or renew the waiver in its ${WAIVER_ANNOTATION_PREFIX}${waiver.checkId} annotation.`,
      link: maturityTab(waiver.ref),
      severity: 'normal',
      topic: TOPIC,
    },
  };
}

/** The notification of an initiative whose deadline is near while its scope is short of target. */
export function initiativeEvent(
  initiative: Pick<Initiative, 'id' | 'name' | 'owner' | 'scope' | 'deadline'>,
  share: number,
  daysLeft: number,
): NotificationEvent {
  return {
    key: `initiative:${initiative.id}:${initiative.deadline}`,
    recipient: initiative.owner,
    payload: {
      title: `${initiative.name}: ${Math.floor(
        share * 100,
      )} % of the cores meet its target, ${daysLeft} day${
        daysLeft === 1 ? '' : 's'
      } before its deadline`,
      description: `The initiative over ${nameOf(initiative.scope)} ends on ${
        initiative.deadline
      }. Its page shows the departments and teams furthest from the target.`,
      link: `/maturity/initiatives/${initiative.id}`,
      severity: 'high',
      topic: TOPIC,
    },
  };
}

/** The notification of a group whose month-end cost forecast exceeds its monthly budget. */
export function budgetEvent(
  ref: string,
  status: BudgetStatus,
  currency: string,
): NotificationEvent {
  const money = (n: number) =>
    `${Math.round(n).toLocaleString('en-US')} ${currency}`;
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    key: `budget:${ref}:${status.month}`,
    recipient: ref,
    payload: {
      title: `${name}: this month's cost is forecast at ${money(
        status.forecast,
      )}, over its budget of ${money(status.monthly)}`,
      description: `${money(status.monthToDate)} so far in ${
        status.month
      }; at the latest hourly cost the month ends ${money(
        status.overBy!,
      )} over. Its Cost tab ranks its members by what right-sizing would save.`,
      link: `/catalog/${namespace}/${kind.toLocaleLowerCase(
        'en-US',
      )}/${name}/cost`,
      severity: 'high',
      topic: TOPIC,
    },
  };
}

/**
 * Tells owners, through Backstage's notifications service, what a run found: a workload, product
 * or team whose level fell or whose score fell by more than `scoreDrop` since the run before, and
 * a waiver that ends within `waiverExpiryDays`; an initiative whose deadline is within
 * `initiativeDeadlineDays` while its scope is short of target; a team or department whose month-end
 * cost forecast exceeds its budget (once a month). The recipient is the entity (an
 * initiative's owner): the notifications
 * backend sends a Component's or System's to its owner's members, a team's to its members. Each
 * event is claimed in the database before it is sent, so it goes out once, whichever replica
 * runs and however often the run repeats. A send that fails gives its claim back: a waiver's
 * notification is tried again after the next run; a drop, which is between two given runs, is
 * logged.
 */
export class MaturityNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      sent: SentNotifications;
      snapshots: SnapshotStore;
      settings: NotificationSettings;
      logger: LoggerService;
      checkTitles: ReadonlyMap<string, string>;
      initiatives?: Initiatives;
      /** The monthly budgets, and the currency they are in. */
      budgets?: BudgetSource;
      currency?: string;
    },
  ) {}

  /** The events of a run: drops since `previous`, waivers about to end, initiatives due. */
  async eventsOf(run: {
    previous?: SnapshotInfo;
    current: SnapshotInfo;
    expiringWaivers: ExpiringWaiver[];
    now: Date;
  }): Promise<NotificationEvent[]> {
    const { snapshots, settings, checkTitles } = this.options;
    const drops = run.previous
      ? await snapshots.getDrops(run.previous.id, run.current.id, {
          levelKinds: ['workload', 'product', 'team'],
          minDrop: settings.scoreDrop,
        })
      : [];
    return [
      ...drops.map(d => dropEvent(d, run.current)),
      ...run.expiringWaivers.map(w =>
        waiverEvent(w, checkTitles.get(w.checkId) ?? w.checkId),
      ),
      ...(await this.initiativeEvents(run.current, run.now)),
      ...(await this.budgetEvents(run.current, run.now)),
    ];
  }

  /** Groups whose month-end forecast exceeds their budget, from their cost since the month began. */
  private async budgetEvents(current: SnapshotInfo, now: Date) {
    const { budgets, snapshots, currency = 'USD' } = this.options;
    const events: NotificationEvent[] = [];
    // From a month before the month, for the rate its first hours were spent at: the last run
    // before it, however far apart runs are.
    const from = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
    );
    for (const [ref, monthly] of (await budgets?.monthlyBudgets()) ?? []) {
      let kind: ScoreLevelKind;
      try {
        kind = await levelKindOf(snapshots, current, ref);
      } catch (error) {
        // A group no run has scored has nothing to forecast.
        if (error instanceof NotFoundError) continue;
        throw error;
      }
      const status = budgetStatus(
        await snapshots.getHistory(ref, kind, { from, to: now }),
        monthly,
        now,
      );
      if (status?.overBy) events.push(budgetEvent(ref, status, currency));
    }
    return events;
  }

  /** Initiatives whose deadline is near and whose scope is short of target. */
  private async initiativeEvents(current: SnapshotInfo, now: Date) {
    const { initiatives, settings } = this.options;
    if (!initiatives) return [];
    const today = Date.parse(now.toISOString().slice(0, 10));
    const events: NotificationEvent[] = [];
    for (const initiative of await initiatives.list()) {
      const daysLeft = Math.round(
        (Date.parse(initiative.deadline) - today) / DAY_MS,
      );
      if (daysLeft < 0 || daysLeft > settings.initiativeDeadlineDays) continue;
      const { progress } = await initiatives.withProgress(initiative, current);
      const share = progress?.share;
      if (typeof share === 'number' && share < 1)
        events.push(initiativeEvent(initiative, share, daysLeft));
    }
    return events;
  }

  /** Sends the run's events not sent before; returns how many it sent. */
  async afterRun(run: {
    previous?: SnapshotInfo;
    current: SnapshotInfo;
    expiringWaivers: ExpiringWaiver[];
    now: Date;
  }): Promise<number> {
    const { notifications, sent, settings, logger } = this.options;
    if (!settings.enabled) return 0;
    const events = await this.eventsOf(run);
    let count = 0;
    let failure: unknown;
    for (const event of events) {
      if (count >= settings.maxPerRun) {
        logger.warn(
          `Maturity notifications: ${
            events.length - count
          } more events of run ${
            run.current.id
          } were not sent (maturity.notifications.maxPerRun is ${
            settings.maxPerRun
          })`,
        );
        break;
      }
      if (!(await sent.claim(event.key, run.now))) continue;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: event.recipient },
          payload: event.payload,
        });
        count += 1;
      } catch (error) {
        await sent.release(event.key);
        failure ??= error;
      }
    }
    if (failure)
      logger.warn(
        `Maturity notifications of run ${run.current.id} could not all be sent (waivers are tried again after the next run): ${failure}`,
      );
    await sent.forgetBefore(new Date(run.now.getTime() - FORGET_AFTER_MS));
    return count;
  }
}
