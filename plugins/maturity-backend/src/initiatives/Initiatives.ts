import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Initiative,
  InitiativeDefinition,
  InitiativeResponse,
  RollUpLevel,
} from '@internal/plugin-maturity-common';
import { InitiativeStore } from '../database/InitiativeStore';
import { SnapshotInfo, SnapshotStore } from '../database/SnapshotStore';
import { levelKindOf, snapshotRef } from '../service/scorecards';
import { initiativeProblems, initiativeSchema } from './initiativeProblems';
import { progressIn } from './initiativeProgress';

const DAY_MS = 86_400_000;
/** How far back an initiative's burndown reaches. */
const BURNDOWN_DAYS = 90;

type Sourced = InitiativeDefinition & { source: Initiative['source'] };

/**
 * The initiatives: those declared in app-config (`maturity.initiatives`, read-only here) and those
 * created through the API (stored), with their core-weighted progress.
 */
export class Initiatives {
  constructor(
    private readonly options: {
      snapshots: SnapshotStore;
      stored: InitiativeStore;
      declared: InitiativeDefinition[];
      checks: ReadonlySet<string>;
    },
  ) {}

  /** Every initiative, nearest deadline first. */
  async list(): Promise<Sourced[]> {
    const declared = this.options.declared.map(i => ({
      ...i,
      source: 'config' as const,
    }));
    const taken = new Set(declared.map(i => i.id));
    const stored = (await this.options.stored.list())
      .filter(i => !taken.has(i.id))
      .map(({ updatedAt: _, ...i }) => ({ ...i, source: 'api' as const }));
    return [...declared, ...stored].sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || (a.id < b.id ? -1 : 1),
    );
  }

  async get(id: string): Promise<Sourced> {
    const found = (await this.list()).find(i => i.id === id);
    if (!found) throw new NotFoundError(`No initiative '${id}'`);
    return found;
  }

  /** A body of the API as an initiative, or a 400 naming each field that is wrong. */
  parse(body: unknown): InitiativeDefinition {
    const problems = initiativeProblems(body, 'body', this.options.checks);
    if (problems.length)
      throw new InputError(`Invalid initiative: ${problems.join('; ')}`);
    return initiativeSchema.parse(body);
  }

  async create(body: unknown, at: Date): Promise<Sourced> {
    const initiative = this.parse(body);
    this.refuseDeclared(initiative.id);
    await this.options.stored.create(initiative, at);
    return { ...initiative, source: 'api' };
  }

  async update(id: string, body: unknown, at: Date): Promise<Sourced> {
    const initiative = this.parse(body);
    if (initiative.id !== id)
      throw new InputError(
        `Invalid initiative: body.id '${initiative.id}' is not the id in the path, '${id}'`,
      );
    this.refuseDeclared(id);
    await this.options.stored.update(initiative, at);
    return { ...initiative, source: 'api' };
  }

  async delete(id: string): Promise<void> {
    this.refuseDeclared(id);
    await this.options.stored.delete(id);
  }

  private refuseDeclared(id: string) {
    if (this.options.declared.some(i => i.id === id))
      throw new ConflictError(
        `The initiative '${id}' is declared in app-config (maturity.initiatives); change it there`,
      );
  }

  /** The level of the scope's group in a snapshot (its broadest), if it is a group there. */
  private async scopeLevel(
    snapshot: SnapshotInfo,
    scope: string,
  ): Promise<RollUpLevel | undefined> {
    try {
      const kind = await levelKindOf(this.options.snapshots, snapshot, scope);
      return kind === 'workload' ? undefined : kind;
    } catch (error) {
      // Not scored in that snapshot: no progress to show.
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** An initiative with its progress in `snapshot` (null without a snapshot or a scored scope). */
  async withProgress(
    initiative: Sourced,
    snapshot: SnapshotInfo | undefined,
  ): Promise<Initiative> {
    const level =
      snapshot && (await this.scopeLevel(snapshot, initiative.scope));
    const now =
      snapshot && level
        ? await progressIn(this.options.snapshots, snapshot, initiative, level)
        : undefined;
    return { ...initiative, progress: now?.progress ?? null };
  }

  /** An initiative's progress per department and team, and at each day of the last 90. */
  async detail(id: string, now: Date): Promise<InitiativeResponse> {
    const initiative = await this.get(id);
    const { snapshots } = this.options;
    const current = await snapshots.getCurrentSnapshot();
    const level = current && (await this.scopeLevel(current, initiative.scope));
    const today =
      current && level
        ? await progressIn(snapshots, current, initiative, level)
        : undefined;
    const burndown: InitiativeResponse['burndown'] = [];
    if (level) {
      const days = await snapshots.listDailySnapshots({
        from: new Date(now.getTime() - BURNDOWN_DAYS * DAY_MS),
        to: now,
      });
      for (const day of days) {
        // Today's snapshot is the last day's: its progress is worked out above.
        const then =
          day.id === current!.id
            ? today
            : await progressIn(snapshots, day, initiative, level);
        // A day thinned of its detail and place (past detailDays) has no point.
        if (then)
          burndown.push({ at: day.finishedAt.toISOString(), ...then.progress });
      }
    }
    return {
      ...initiative,
      progress: today?.progress ?? null,
      groups: today?.groups ?? [],
      burndown,
      snapshot: current ? snapshotRef(current) : null,
    };
  }
}
