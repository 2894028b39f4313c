import type { ReactNode } from 'react';
import { commandSpec, shortcutLabel, type UserCommandName } from '../../../shared/user-commands';
import { runCommand } from './commands';

/** The registry's label and first shortcut, as a tooltip. */
export function commandTitle(name: UserCommandName, label = commandSpec(name).label): string {
  const key = commandSpec(name).keys?.[0];
  return key ? `${label} (${shortcutLabel(key)})` : label;
}

/** A toolbar button that runs a user command, titled from its declaration. */
export function CommandButton({ name, testId, children, disabled, title }: { name: UserCommandName; testId?: string; children: ReactNode; disabled?: boolean; title?: string }) {
  return (
    <button onClick={() => runCommand(name)} title={title ?? commandTitle(name)} aria-label={commandSpec(name).label} data-testid={testId} disabled={disabled}>
      {children}
    </button>
  );
}
