import fs from 'node:fs/promises';
import path from 'node:path';
import { LoadSeries, LoadSource } from './LoadSeries';

/**
 * Reads recorded query results, one file per selector: `<directory>/<key>.json` holding a
 * {@link LoadSeries} whose sample times are relative to the end of the window (seconds, ≤ 0), so
 * the recording stays current. The demo uses it; the facts come from the same derivation as live.
 */
export class RecordedLoadSource implements LoadSource {
  constructor(private readonly directory: string) {}

  /** The file name a selector is recorded under. */
  static keyOf(selector: string): string {
    return selector.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '');
  }

  async read(selector: string, window: { start: Date; end: Date }): Promise<LoadSeries> {
    const file = path.join(this.directory, `${RecordedLoadSource.keyOf(selector)}.json`);
    const recorded = JSON.parse(await fs.readFile(file, 'utf8')) as LoadSeries;
    const end = Math.round(window.end.getTime() / 1000);
    const start = Math.round(window.start.getTime() / 1000);
    const shift = (samples: LoadSeries['cpu']) =>
      samples.map(([t, v]) => [end + t, v] as [number, number]).filter(([t]) => t >= start);
    return { ...recorded, cpu: shift(recorded.cpu), memory: shift(recorded.memory) };
  }
}
