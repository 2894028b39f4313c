/**
 * A schema's complaint about one value in the words of someone fixing a spreadsheet or a
 * file: "must not be empty" rather than "Too small: expected string to have >=1 characters".
 */
import type { z } from 'zod';

const TYPE_WORDS: Record<string, string> = {
  number: 'is not a number',
  int: 'is not a whole number',
  string: 'is not text',
  boolean: 'is not true or false',
  array: 'is not a list',
  object: 'is not a record',
};

/** "0, 90, 180 or 270" */
const oneOf = (values: readonly unknown[]): string => {
  const shown = values.map((v) => String(v));
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '');
};

/** `value` is what stood there, undefined when nothing did. */
export function plainIssue(issue: z.core.$ZodIssue, value?: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'is missing' : (TYPE_WORDS[issue.expected] ?? `is not valid (${issue.message})`);
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must list at least ${issue.minimum}`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      // How many it lists, so a file of 2,000 scenarios against 50 says what is wrong with it.
      if (issue.origin === 'array') return `must list at most ${issue.maximum}${Array.isArray(value) ? ` (it lists ${value.length.toLocaleString('en-US')})` : ''}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.length > 1 ? 'one of ' : ''}${oneOf(issue.values)}`;
    case 'invalid_union': {
      // A choice of literals (a rotation of 0, 90, 180 or 270): the values the branches accept.
      const values = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values : []));
      return values.length ? `must be ${oneOf(values)}` : `is not valid (${issue.message})`;
    }
    case 'invalid_format':
      // The schema's own message says what the text should be ("a month as YYYY-MM").
      return issue.message.startsWith('Invalid') ? `is not in the expected format (${issue.format})` : `must be ${issue.message}`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'must be a whole number' : `must be a multiple of ${issue.divisor}`;
    default:
      return `is not valid (${issue.message})`;
  }
}
