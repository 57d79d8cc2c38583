import {
  HeatmapResponse,
  InitiativeResponse,
  LeaderboardResponse,
} from '@internal/plugin-maturity-common';
import stringify from 'csv-stringify/lib/sync';
import express from 'express';
import { roundFigure } from './roundFigures';

/**
 * Whether the caller asked for CSV: `Accept: text/csv` preferred over JSON. A browser's or a
 * client's default (`*\/*`, `application/json`) gets JSON.
 */
export function wantsCsv(req: object): boolean {
  return (
    (req as express.Request).accepts(['application/json', 'text/csv']) ===
    'text/csv'
  );
}

/**
 * RFC 4180 text: a header line, then a line per row; absent figures are empty fields, and the
 * others rounded as JSON answers' are.
 */
function csv(header: string[], rows: Array<Array<string | number | null>>) {
  const field = (v: string | number | null) =>
    typeof v === 'number' ? roundFigure(v) : v ?? '';
  return stringify([header, ...rows.map(r => r.map(field))], {
    record_delimiter: 'windows',
  });
}

/** Sends CSV as a download named `filename`; the same URL answers JSON, so caches key on Accept. */
export function sendCsv(res: object, filename: string, body: string): void {
  const response = res as express.Response;
  response.vary('Accept');
  response.type('text/csv; charset=utf-8');
  response.attachment(filename);
  response.send(body);
}

/** A leaderboard's rows as CSV, in its order, with every figure the JSON rows carry. */
export function leaderboardCsv(board: LeaderboardResponse): string {
  return csv(
    [
      'rank',
      'ref',
      'score',
      'level',
      'platform',
      'business',
      'cores',
      'workloads',
      'measuredShare',
      'scoreChange',
      'rankChange',
      `hourlyCost (${board.currency})`,
      `monthlySaving (${board.currency})`,
      'wasteShare',
    ],
    board.rows.map(r => [
      r.rank,
      r.ref,
      r.score,
      r.level,
      r.platform,
      r.business,
      r.cores,
      r.workloads,
      r.measuredShare,
      r.scoreChange,
      r.rankChange,
      r.cost?.hourlyCost ?? null,
      r.cost?.monthlySaving ?? null,
      r.cost?.wasteShare ?? null,
    ]),
  );
}

/** A heatmap as CSV: a group per line, then its adoption of each check, in the checks' order. */
export function heatmapCsv(map: HeatmapResponse): string {
  return csv(
    [
      'ref',
      'score',
      'level',
      'cores',
      'workloads',
      ...map.checks.map(c => c.id),
    ],
    map.rows.map(r => [
      r.ref,
      r.score,
      r.level,
      r.cores,
      r.workloads,
      ...map.checks.map(c => r.adoption[c.id] ?? null),
    ]),
  );
}

/** An initiative's progress as CSV: its scope first, then each department and team in it. */
export function initiativeCsv(initiative: InitiativeResponse): string {
  const line = (
    ref: string,
    kind: string,
    p: { cores: number; coresMet: number; share: number | null } | null,
  ) => [ref, kind, p?.cores ?? null, p?.coresMet ?? null, p?.share ?? null];
  return csv(
    ['ref', 'kind', 'cores', 'coresMet', 'share'],
    [
      line(initiative.scope, 'scope', initiative.progress),
      ...initiative.groups.map(g => line(g.ref, g.kind, g)),
    ],
  );
}
