/**
 * Every request the renderer can send is refused when it carries a key the contract does
 * not name, at any depth: a stray field must never be answered OK and silently dropped.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../../shared/ipc/contract';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The paths of every object schema under `root` that lets unknown keys through. */
function openObjects(root: z.ZodType): string[] {
  const open: string[] = [];
  const seen = new Set<z.ZodType>();
  const visit = (schema: z.ZodType, where: string): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = defOf(schema);
    const children: [z.ZodType | undefined, string][] = [];
    if (def.type === 'object') {
      if (def.catchall === undefined || defOf(def.catchall).type !== 'never') open.push(where || '(request)');
      for (const [key, value] of Object.entries(def.shape ?? {})) children.push([value, `${where}.${key}`]);
    }
    if (def.type === 'record') open.push(`${where} (record)`);
    children.push([def.element, `${where}[]`], [def.innerType, where], [def.in, where], [def.out, where], [def.valueType, where], [def.left, where], [def.right, where]);
    for (const [i, option] of (def.options ?? []).entries()) children.push([option, `${where}|${i}`]);
    for (const [i, item] of (def.items ?? []).entries()) children.push([item, `${where}[${i}]`]);
    if (def.getter) children.push([def.getter(), where]);
    for (const [child, path] of children) if (child) visit(child, path);
  };
  visit(root, '');
  return open;
}

describe('the ipc contract', () => {
  it.each(Object.keys(channels) as (keyof typeof channels)[])('%s refuses unknown keys in every object of its request', (name) => {
    expect(openObjects(channels[name].request)).toEqual([]);
  });

  it('finds an object that lets unknown keys through (the check itself can fail)', async () => {
    const { z } = await import('zod');
    expect(openObjects(z.strictObject({ a: z.array(z.object({ b: z.number() })) }))).toEqual(['.a[]']);
    expect(openObjects(z.strictObject({ c: z.lazy(() => z.object({})).optional() }))).toEqual(['.c']);
  });

  it('refuses a stray key at the top of each request, naming it', () => {
    for (const [name, spec] of Object.entries(channels)) {
      const parsed = spec.request.safeParse({ bogus: 1 });
      expect(parsed.success, name).toBe(false);
      expect(JSON.stringify(parsed.error?.issues), name).toContain('bogus');
    }
  });
});
