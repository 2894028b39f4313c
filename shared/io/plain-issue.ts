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

export function plainIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.message;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must list at least ${issue.minimum}`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must list at most ${issue.maximum}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return `is not one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'must be a whole number' : `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}
