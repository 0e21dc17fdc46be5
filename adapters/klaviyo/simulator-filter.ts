// Klaviyo's `filter` query parameter, as the fake platform reads it:
// https://developers.klaviyo.com/en/v2026-07-15/reference/api-overview#filtering — `op(field,value)`, `any(field,[v,…])`,
// several conditions in `and(…)` or side by side separated by commas. Strings in '…' or "…",
// booleans, ISO datetimes. Each endpoint allows some fields, each field some operators and values
// (the description's `x-klaviyo-filters`); anything else is refused with a 400 naming it.
import { invalid } from './simulator-http.js';

export type FilterValue = string | boolean;
export interface Condition {
  op: string;
  field: string;
  values: FilterValue[];
}

export interface FieldRule {
  ops: readonly string[];
  /** allowed values (enums); any string when absent */
  values?: readonly string[];
  type?: 'string' | 'boolean' | 'date-time';
}

const LIST_OPS = new Set(['any']);

export function parseFilter(text: string, rules: Readonly<Record<string, FieldRule>>): Condition[] {
  let at = 0;
  const fail = (why: string): never => {
    throw invalid(`Invalid filter provided: ${why} at position ${at}.`, { parameter: 'filter' });
  };
  const skip = () => {
    while (text[at] === ' ') at++;
  };
  const word = (): string => {
    skip();
    const match = /^[a-z_.-]+/i.exec(text.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const expect = (ch: string) => {
    skip();
    if (text[at] !== ch) fail(`expected '${ch}'`);
    at++;
  };
  const scalar = (): FilterValue => {
    skip();
    const quote = text[at];
    if (quote === "'" || quote === '"') {
      const end = text.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated string');
      const value = text.slice(at + 1, end);
      at = end + 1;
      return value;
    }
    const match = /^[^,)\]]+/.exec(text.slice(at));
    if (!match) return fail('expected a value');
    at += match[0].length;
    const raw = match[0].trim();
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  };
  const condition = (): Condition[] => {
    const op = word();
    expect('(');
    if (op === 'and') {
      const all = [...condition()];
      for (skip(); text[at] === ','; skip()) {
        at++;
        all.push(...condition());
      }
      expect(')');
      return all;
    }
    const field = word();
    expect(',');
    const values: FilterValue[] = [];
    skip();
    if (LIST_OPS.has(op)) {
      expect('[');
      values.push(scalar());
      for (skip(); text[at] === ','; skip()) {
        at++;
        values.push(scalar());
      }
      expect(']');
    } else values.push(scalar());
    expect(')');
    return [check({ op, field, values }, rules)];
  };
  const conditions = [...condition()];
  for (skip(); text[at] === ','; skip()) {
    at++;
    conditions.push(...condition());
  }
  if (at !== text.length) fail('unexpected text');
  return conditions;
}

function check(c: Condition, rules: Readonly<Record<string, FieldRule>>): Condition {
  const rule = rules[c.field];
  if (!rule) throw invalid(`'${c.field}' is not a valid field for this filter.`, { parameter: 'filter' });
  if (!rule.ops.includes(c.op)) throw invalid(`'${c.op}' is not a valid operator for '${c.field}'.`, { parameter: 'filter' });
  for (const v of c.values) {
    if (rule.type === 'boolean' ? typeof v !== 'boolean' : typeof v !== 'string') throw invalid(`Invalid value for '${c.field}'.`, { parameter: 'filter' });
    if (rule.values && !rule.values.includes(v as string)) throw invalid(`'${String(v)}' is not a valid value for '${c.field}'.`, { parameter: 'filter' });
    if (rule.type === 'date-time' && Number.isNaN(Date.parse(v as string))) throw invalid(`Invalid datetime for '${c.field}'.`, { parameter: 'filter' });
  }
  return c;
}

/** Whether an object's field value meets a condition. */
export function meets(value: string | boolean | null, c: Condition): boolean {
  const [first] = c.values;
  switch (c.op) {
    case 'equals':
      return value === first;
    case 'any':
      return c.values.includes(value as FilterValue);
    case 'contains':
      return typeof value === 'string' && value.includes(first as string);
    case 'starts-with':
      return typeof value === 'string' && value.startsWith(first as string);
    case 'ends-with':
      return typeof value === 'string' && value.endsWith(first as string);
    case 'greater-than':
    case 'greater-or-equal':
    case 'less-than':
    case 'less-or-equal': {
      if (typeof value !== 'string') return false;
      const d = Date.parse(value) - Date.parse(first as string);
      return c.op === 'greater-than' ? d > 0 : c.op === 'greater-or-equal' ? d >= 0 : c.op === 'less-than' ? d < 0 : d <= 0;
    }
    default:
      return false;
  }
}

/** A stable name of the conditions but `id` ones, for the sorted view that serves them. */
export const viewKey = (conditions: readonly Condition[]): string =>
  conditions
    .filter((c) => c.field !== 'id')
    .map((c) => `${c.op}(${c.field},${JSON.stringify([...c.values].sort())})`)
    .sort()
    .join('&');
