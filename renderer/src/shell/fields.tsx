import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { displayUnit, groupedNumber, parseGroupedNumber, plainNumber, type Quantity, type UnitSystem } from '../../../shared/units';
import { commandForKey } from '../../../shared/user-commands';
import { runCommand } from '../commands/commands';

/**
 * Inspector fields. Each edits a draft and commits once, on Enter or when focus
 * leaves, so one edit is one undo step; Escape puts the stored value back. A value
 * that cannot be stored is refused at the field, saying why, and nothing is sent.
 */

interface DraftProps {
  shown: string;
  /** Turns the typed text into the value to store, or a reason it cannot be stored. */
  parse: (text: string) => { value: unknown } | { error: string };
  onCommit: (value: unknown) => void;
}

function useDraft({ shown, parse, onCommit }: DraftProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (draft === shown) {
      setDraft(null);
      setError(null);
      return;
    }
    const parsed = parse(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setDraft(null);
    setError(null);
    onCommit(parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // With nothing typed since the last commit, the field's own undo would show a value the
    // document does not hold (the typing it undoes was committed): the app's undo runs instead.
    const command = draft === null ? commandForKey(e.nativeEvent) : null;
    if (command === 'undo' || command === 'redo') {
      e.preventDefault();
      runCommand(command);
      return;
    }
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };
  return {
    value: draft ?? shown,
    error,
    onChange: (text: string) => setDraft(text),
    onBlur: commit,
    onKeyDown,
  };
}

/** The labelled input of a draft, with the reason a typed value was refused under it. */
/** `numeric`: a number input; `grouped`: a text input for numbers shown with thousands separators, which number inputs cannot show. */
function DraftInput({ field, testId, numeric, grouped, compact, children }: { field: ReturnType<typeof useDraft>; testId: string; numeric?: boolean; grouped?: boolean; compact?: boolean; children: ReactNode }) {
  const errorId = `${testId}-error`;
  return (
    <label className={compact ? 'field compact' : 'field'}>
      <span>{children}</span>
      <input
        {...(numeric && !grouped ? { type: 'number', step: 'any' } : {})}
        {...(grouped ? { inputMode: 'decimal' as const } : {})}
        value={field.value}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? errorId : undefined}
        data-testid={testId}
      />
      {field.error && (
        <span className="field-error" id={errorId} role="alert">
          {field.error}
        </span>
      )}
    </label>
  );
}

interface NumberFieldProps {
  label: string;
  testId: string;
  /** The stored (metric) value. */
  value: number;
  onCommit: (stored: number) => void;
  /** Shown and typed in the user's unit for this quantity; without it, `unitLabel` as is. */
  quantity?: Quantity;
  units?: UnitSystem;
  unitLabel?: string;
  /** Decimals shown and kept; by default the precision of the quantity's unit. */
  digits?: number;
  /** An amount of money: shown with thousands separators ("65,444,575"), typed with or without them. */
  currency?: boolean;
  /** Bounds in stored units. */
  min?: number;
  max?: number;
  /** The lower bound itself is not allowed (a width must be more than 0). */
  minExclusive?: boolean;
  integer?: boolean;
  /** In a table cell: the label is for screen readers and error messages, the column says it. */
  compact?: boolean;
  /** A rule beyond the bounds (a zone must not overlap another): why the stored value cannot stand, or null. */
  validate?: (stored: number) => string | null;
}

export function NumberField(props: NumberFieldProps) {
  const { label, testId, value, onCommit, quantity, units = 'metric', min, max, minExclusive, integer, compact, validate, currency } = props;
  const unit = quantity ? displayUnit(units, quantity) : null;
  const digits = props.digits ?? unit?.digits ?? 3;
  const show = currency ? groupedNumber : plainNumber;
  const symbol = unit?.symbol ?? props.unitLabel ?? '';
  const toShown = (stored: number) => (unit ? unit.fromStored(stored) : stored);
  const bound = (stored: number) => `${show(toShown(stored), digits)}${symbol ? ` ${symbol}` : ''}`;
  const field = useDraft({
    shown: show(toShown(value), integer ? 0 : digits),
    parse: (text) => {
      const typed = currency ? parseGroupedNumber(text) : Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(typed)) return { error: `${label}: enter a number` };
      if (integer && !Number.isInteger(typed)) return { error: `${label}: enter a whole number` };
      const stored = unit ? unit.toStored(typed) : typed;
      if (min !== undefined && (minExclusive ? stored <= min : stored < min)) {
        return { error: `${label} must be ${minExclusive ? 'more than' : 'at least'} ${bound(min)}` };
      }
      if (max !== undefined && stored > max) return { error: `${label} must be at most ${bound(max)}` };
      const broken = validate?.(stored);
      return broken ? { error: broken } : { value: stored };
    },
    onCommit: (stored) => onCommit(stored as number),
  });
  return (
    <DraftInput field={field} testId={testId} numeric grouped={currency} compact={compact}>
      {label}
      {symbol && <span className="field-unit"> ({symbol})</span>}
    </DraftInput>
  );
}

interface TextFieldProps {
  label: string;
  testId: string;
  value: string;
  onCommit: (text: string) => void;
  /** Names must not be empty; labels may be. */
  required?: boolean;
  maxLength?: number;
  /** A rule beyond length (two halls of a site with one name): why the text cannot stand, or null. */
  validate?: (text: string) => string | null;
}

export function TextField({ label, testId, value, onCommit, required, maxLength = 200, validate }: TextFieldProps) {
  const field = useDraft({
    shown: value,
    parse: (text) => {
      const trimmed = text.trim();
      if (required && trimmed === '') return { error: `${label} cannot be empty` };
      if (trimmed.length > maxLength) return { error: `${label} is longer than ${maxLength} characters` };
      const broken = validate?.(trimmed);
      return broken ? { error: broken } : { value: trimmed };
    },
    onCommit: (text) => onCommit(text as string),
  });
  return (
    <DraftInput field={field} testId={testId}>
      {label}
    </DraftInput>
  );
}

interface ChoiceFieldProps<T extends string | number> {
  label: string;
  testId: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onCommit: (value: T) => void;
}

/** A choice commits as soon as it is made: there is no half-typed state to wait for. */
export function ChoiceField<T extends string | number>({ label, testId, value, choices, onCommit }: ChoiceFieldProps<T>) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={String(value)}
        onChange={(e) => {
          const picked = choices.find((c) => String(c.value) === e.target.value);
          if (picked && picked.value !== value) onCommit(picked.value);
        }}
        data-testid={testId}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
