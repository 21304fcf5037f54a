/** The shape every dataset schema satisfies; see index.ts for the only column list. */
import type { DatasetId } from '../../shared/types.ts';

export type ValueType = 'year' | 'date' | 'integer' | 'decimal' | 'text';

export interface ColumnSchema {
  /** Canonical English header and JSON key, spelled as in the data contract. */
  readonly key: string;
  /** Chinese label used in messages, templates and the data dictionary. */
  readonly label: string;
  /** Accepted Chinese headers (the label is always among them). */
  readonly aliases: readonly string[];
  readonly type: ValueType;
  readonly required: boolean;
  /** Read and validated, never published (contract §1). */
  readonly internal?: boolean;
  /** Inclusive lower bound for numbers. */
  readonly min?: number;
  /** Allowed values for a text column. */
  readonly oneOf?: readonly string[];
  /** Value used when an optional number is empty. */
  readonly default?: number;
  /** Unit shown beside values, e.g. 万元. */
  readonly unit?: string;
  /** A decimal column that may end in % (then the row's unit must be %). */
  readonly percent?: boolean;
  /** One Chinese sentence for the data dictionary. */
  readonly description: string;
}

export interface DatasetSchema {
  readonly id: DatasetId;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly ColumnSchema[];
}

type ValueOf<C extends ColumnSchema> = C['type'] extends 'text'
  ? string
  : C['type'] extends 'date'
    ? import('../read/values.ts').DateValue
    : C['type'] extends 'decimal'
      ? import('../../shared/decimal.ts').Decimal
      : number;

type Col<S extends DatasetSchema> = S['columns'][number];

/** The validated row of a dataset: required columns always present, optional ones may be null. */
export type RowOf<S extends DatasetSchema> = {
  [C in Col<S> as C['key']]: C['required'] extends true ? ValueOf<C> : ValueOf<C> | null;
};

/** The row without internal columns: the only row shape allowed to reach an output. */
export type PublicRowOf<S extends DatasetSchema> = {
  [C in Col<S> as C['internal'] extends true ? never : C['key']]: RowOf<S>[C['key'] & keyof RowOf<S>];
};
