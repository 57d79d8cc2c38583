import { CostPriceOverride } from '@internal/plugin-maturity-common';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';

const WHERE = ['cluster', 'namespace', 'nodeType'] as const;
const PRICES = [
  'cpuCoreHour',
  'memoryGiBHour',
  'gpuHour',
  'storageGiBMonth',
  'discount',
] as const;
const COLUMNS = new Set<string>([...WHERE, ...PRICES]);

/**
 * Negotiated or discounted rates from a CSV file (`maturity.cost.ratesFile`), as a finance team
 * exports them, OpenCost's custom pricing by cluster and node type: a header naming some of
 * `cluster`, `namespace`, `nodeType`, `cpuCoreHour`, `memoryGiBHour`, `gpuHour`, `storageGiBMonth`, `discount`, then a row per
 * rate. An empty cell is not set. Each row becomes a price override; a bad row stops start-up
 * with an error naming the file, its line and the column.
 */
export function readRatesFile(file: string): CostPriceOverride[] {
  const where = (line: number, column?: string) =>
    `Invalid rates file ${file} line ${line}${column ? `, ${column}` : ''}`;
  let records: Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  try {
    records = parse(fs.readFileSync(path.resolve(file), 'utf8'), {
      columns: (header: string[]) => {
        header.forEach(name => {
          if (!COLUMNS.has(name.trim()))
            throw new Error(
              `${where(1)}: unknown column '${name}'; expected some of ${[
                ...COLUMNS,
              ].join(', ')}`,
            );
        });
        return header.map(name => name.trim());
      },
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(
      message.startsWith('Invalid rates file')
        ? message
        : `Invalid rates file ${file}: ${message}`,
    );
  }
  return records.map(({ record, info }) => {
    const line = info.lines;
    const rate: CostPriceOverride = {};
    for (const key of WHERE) if (record[key]) rate[key] = record[key];
    if (!WHERE.some(key => rate[key]))
      throw new Error(
        `${where(line)}: a rate needs a cluster, a namespace or a nodeType`,
      );
    for (const key of PRICES) {
      const cell = record[key];
      if (!cell) continue;
      const value = Number(cell);
      const limit = key === 'discount' ? 1 : Infinity;
      if (!Number.isFinite(value) || value < 0 || value > limit)
        throw new Error(
          `${where(line, key)}: '${cell}' is not ${
            key === 'discount' ? 'a share from 0 to 1' : 'a price of 0 or more'
          }`,
        );
      rate[key] = value;
    }
    if (!PRICES.some(key => rate[key] !== undefined))
      throw new Error(
        `${where(
          line,
        )}: a rate needs cpuCoreHour, memoryGiBHour, gpuHour, storageGiBMonth or discount`,
      );
    return rate;
  });
}
