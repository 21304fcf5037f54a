/** The only list of datasets and columns; everything else derives from it. */
import { funding } from './funding.ts';
import { militiaCases } from './militia-cases.ts';
import { trainingSessions } from './training-sessions.ts';
import { schoolPlacements } from './school-placements.ts';
import { honors } from './honors.ts';
import { indicators } from './indicators.ts';
import type { DatasetSchema } from './types.ts';

export type { DatasetSchema, ColumnSchema, ValueType, RowOf, PublicRowOf } from './types.ts';
export { SCHOOL_STAGES } from './school-placements.ts';
export { HONOR_LEVELS } from './honors.ts';
export { funding, militiaCases, trainingSessions, schoolPlacements, honors, indicators };

/** All datasets in the order they are read and documented. */
export const DATASETS = [funding, militiaCases, trainingSessions, schoolPlacements, honors, indicators] as const satisfies readonly DatasetSchema[];

/** Column keys marked internal, per dataset: read and validated, never published. */
export function internalKeys(schema: DatasetSchema): string[] {
  return schema.columns.filter((c) => c.internal === true).map((c) => c.key);
}
