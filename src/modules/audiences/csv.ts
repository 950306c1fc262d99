import { ValidationError, type ValidationIssue } from '../../errors';
import type { Access } from '../access/policy';
import { MAX_IMPORT_ROWS, type AudienceImportInput, type AudienceImportService, type ImportCounts } from './import';

/**
 * Splits RFC 4180 CSV into rows of fields: commas separate fields, double quotes enclose fields
 * that hold commas, quotes ("" is one quote) or line breaks; lines end with LF or CRLF.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw ValidationError.single(['csv'], 'ends inside a quoted field: a closing " is missing');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

type ColumnType = 'text' | 'number' | 'boolean' | 'datetime' | 'list';

/** The columns of each kind of file: snake_case names, the import field each fills, and its type. */
const CSV_COLUMNS = {
  profiles: {
    external_id: ['externalId', 'text'],
    city: ['city', 'text'],
    latitude: ['latitude', 'number'],
    longitude: ['longitude', 'number'],
    age: ['age', 'number'],
    age_range: ['ageRange', 'text'],
    gender: ['gender', 'text'],
    income_level: ['incomeLevel', 'text'],
    interests: ['interests', 'list'],
    phone: ['phone', 'text'],
    email: ['email', 'text'],
    created_at: ['createdAt', 'datetime'],
  },
  subscriptions: {
    profile_external_id: ['profileExternalId', 'text'],
    channel: ['channel', 'text'],
    subscribed: ['subscribed', 'boolean'],
    changed_at: ['changedAt', 'datetime'],
    source: ['source', 'text'],
  },
  activities: {
    external_id: ['externalId', 'text'],
    profile_external_id: ['profileExternalId', 'text'],
    kind: ['kind', 'text'],
    occurred_at: ['occurredAt', 'datetime'],
  },
  interactions: {
    external_id: ['externalId', 'text'],
    profile_external_id: ['profileExternalId', 'text'],
    business_id: ['businessId', 'text'],
    kind: ['kind', 'text'],
    occurred_at: ['occurredAt', 'datetime'],
  },
  friendships: {
    profile_external_id: ['profileExternalId', 'text'],
    friend_external_id: ['friendExternalId', 'text'],
  },
} as const satisfies Record<keyof AudienceImportInput, Record<string, readonly [string, ColumnType]>>;

export type CsvKind = keyof typeof CSV_COLUMNS;
export const CSV_KINDS = Object.keys(CSV_COLUMNS) as CsvKind[];

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** A cell as the import expects it; a cell that does not convert stays text, and validation names it. */
function convert(value: string, type: ColumnType): unknown {
  switch (type) {
    case 'text':
      return value;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean': {
      const lower = value.trim().toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
    }
    case 'datetime':
      return new Date(value);
    case 'list':
      // Interests are separated by |, so that a comma inside one needs no quoting.
      return value
        .split('|')
        .map((item) => item.trim())
        .filter((item) => item !== '');
  }
}

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  row: Record<string, unknown>;
}

/** The rows of a CSV file of one kind, checked against its header; an empty cell leaves its field out. */
export function csvImportRows(kind: CsvKind, text: string): CsvRow[] {
  const columns: Record<string, readonly [string, ColumnType]> = CSV_COLUMNS[kind];
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw ValidationError.single(['csv'], 'is empty: the first line must name the columns');
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !(name in columns));
  if (unknown.length > 0) {
    throw ValidationError.single(['header'], `has unknown columns ${unknown.join(', ')}; ${kind} files have ${Object.keys(columns).join(', ')}`);
  }
  let line = 2;
  return records.flatMap((fields) => {
    const at = line;
    line += 1 + fields.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);
    if (fields.length === 1 && fields[0] === '') return [];
    if (fields.length !== names.length) throw ValidationError.single([`line ${at}`], `has ${fields.length} fields; the header has ${names.length}`);
    const row = Object.fromEntries(
      fields.flatMap((value, i) => {
        const [field, type] = columns[names[i]!]!;
        return value === '' ? [] : [[field, convert(value, type)]];
      }),
    );
    return [{ line: at, row }];
  });
}

/** Import issues point at rows of a batch; a person fixing a file wants its line and column. */
function onFileLines(error: ValidationError, kind: CsvKind, batch: CsvRow[]): ValidationError {
  const columnOf = new Map<string, string>(Object.entries(CSV_COLUMNS[kind]).map(([column, [field]]) => [field, column]));
  return new ValidationError(
    error.issues.map((issue): ValidationIssue => {
      const [, , index, field] = issue.path;
      const row = index === undefined ? undefined : batch[Number(index)];
      if (!row) return issue;
      return { path: [`line ${row.line}`, ...(field ? [columnOf.get(field) ?? field] : [])], message: issue.message };
    }),
  );
}

/**
 * Imports a CSV file through the import service, in batches of MAX_IMPORT_ROWS. Each batch is one
 * transaction: a bad row stops the import at its batch with every problem of that batch, by line
 * and column. Batches before it stay imported; importing the fixed file again changes nothing in
 * them.
 */
export async function importCsv(
  service: AudienceImportService,
  access: Access,
  kind: CsvKind,
  text: string,
  onBatch: (counts: ImportCounts, lines: { from: number; to: number }) => void = () => undefined,
): Promise<ImportCounts> {
  const rows = csvImportRows(kind, text);
  const total: ImportCounts = { received: 0, created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += MAX_IMPORT_ROWS) {
    const batch = rows.slice(start, start + MAX_IMPORT_ROWS);
    let result;
    try {
      result = await service.import(access, { [kind]: batch.map((entry) => entry.row) });
    } catch (error) {
      throw error instanceof ValidationError ? onFileLines(error, kind, batch) : error;
    }
    const counts = result[kind];
    for (const key of Object.keys(total) as Array<keyof ImportCounts>) total[key] += counts[key];
    onBatch(counts, { from: batch[0]!.line, to: batch.at(-1)!.line });
  }
  return total;
}
