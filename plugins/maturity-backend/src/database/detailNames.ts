import { Knex } from 'knex';
import { DetailNames } from '../snapshot/workloadDetail';

/**
 * The names of facts and checks by number (table `maturity_detail_names`), as a stored workload
 * detail refers to them. A name's number is given once, by the run that first stores a detail
 * with it (one run writes at a time: the lease), and never changes, and no name is deleted: so a
 * number read once names the same thing for good, and every reader may keep what it read.
 */

/** A name as stored. */
export interface NameDbRow {
  number: number;
  name: string;
}

export const NAME_COLUMNS: Array<keyof NameDbRow> = ['number', 'name'];

const TABLE = 'maturity_detail_names';

/** Every stored name, by number. */
async function readNames(db: Knex): Promise<Map<number, string>> {
  const rows: NameDbRow[] = await db(TABLE).select(NAME_COLUMNS);
  return new Map(rows.map(row => [Number(row.number), row.name]));
}

/**
 * A run's numbers for names: those stored, and those it gives new names, which go into the
 * database with the first page that has them (`takeNew`).
 */
export class RunNames implements DetailNames {
  private readonly numbers = new Map<string, number>();
  private next = 0;
  private fresh: NameDbRow[] = [];

  static async load(db: Knex): Promise<RunNames> {
    const names = new RunNames();
    for (const [number, name] of await readNames(db)) {
      names.numbers.set(name, number);
      names.next = Math.max(names.next, number + 1);
    }
    return names;
  }

  numberOf(name: string): number {
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.next++;
      this.numbers.set(name, number);
      this.fresh.push({ number, name });
    }
    return number;
  }

  /** The names numbered since the last call, to be stored with the page that has them. */
  takeNew(): NameDbRow[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/**
 * The names a reader has read: numbers it has not seen are read again from the database (a run
 * may have numbered new names since), once per read however many details have them.
 */
export class ReadNames {
  private names = new Map<number, string>();

  constructor(private readonly db: Knex) {}

  /** A name for each of `numbers`, reading the stored names again if any is new to it. */
  async resolver(numbers: Iterable<number>): Promise<(n: number) => string> {
    for (const n of numbers) {
      if (this.names.has(n)) continue;
      this.names = await readNames(this.db);
      break;
    }
    const names = this.names;
    return n => {
      const name = names.get(n);
      if (name === undefined)
        throw new Error(
          `A stored workload detail names fact or check number ${n}, which ${TABLE} does not hold`,
        );
      return name;
    };
  }
}
