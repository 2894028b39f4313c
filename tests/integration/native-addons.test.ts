import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addonFiles, inspectAddon, productionPackageDirs } from '../support/native-addons';

// One native build must serve Node (tests, CLI, browser build) and Electron's main
// process: every addon a user installs has to be Node-API only.
describe('native addons in the production dependency tree', () => {
  const files = productionPackageDirs(process.cwd()).flatMap(addonFiles);

  it('finds the addons there are (better-sqlite3 ships one per platform)', () => {
    expect(files.map((f) => path.relative(process.cwd(), f))).toContain(path.join('node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'));
  });

  it('imports no V8 or Node C++ symbol from any of them', () => {
    const bound = files.map(inspectAddon).filter((r) => r.runtimeBound.length > 0);
    expect(bound.map((r) => `${path.relative(process.cwd(), r.file)} imports ${r.runtimeBound.slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('registers every ELF addon through Node-API', () => {
    const elf = files.map(inspectAddon).filter((r) => r.format === 'elf');
    expect(elf.length).toBeGreaterThan(0);
    expect(elf.filter((r) => !r.nodeApi).map((r) => r.file)).toEqual([]);
  });
});

// The check itself, on two addons compiled here: one calls V8's C++ API as a
// NODE_MODULE addon does, one only Node-API. Declarations suffice: a shared object
// may leave its imports undefined until it is loaded.
describe('the runtime-bound check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'addons-'));
  const compile = (name: string, source: string): string => {
    const out = path.join(dir, `${name}.node`);
    const cc = spawnSync('c++', ['-shared', '-fPIC', '-x', 'c++', '-', '-o', out], { input: source, encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`c++ failed (${cc.error?.message ?? cc.stderr}); the check is tested on addons compiled here`);
    return out;
  };

  it('names the V8 import of an addon built against V8', () => {
    const file = compile('v8-bound', 'namespace v8 { struct Isolate { static Isolate* GetCurrent(); }; }\nextern "C" void* init() { return v8::Isolate::GetCurrent(); }\n');
    expect(inspectAddon(file)).toMatchObject({ format: 'elf', runtimeBound: ['_ZN2v87Isolate10GetCurrentEv'], nodeApi: false });
  });

  it('names a node:: import and the pre-Node-API registration', () => {
    const file = compile('node-bound', 'namespace node { struct Environment { static Environment* GetCurrent(void*); }; }\nextern "C" void node_module_register(void*);\nextern "C" void init(void* m) { node::Environment::GetCurrent(m); node_module_register(m); }\n');
    expect(inspectAddon(file).runtimeBound.sort()).toEqual(['_ZN4node11Environment10GetCurrentEPv', 'node_module_register']);
  });

  it('passes a Node-API addon', () => {
    const file = compile('node-api', 'extern "C" int napi_create_object(void*, void**);\nextern "C" void* napi_register_module_v1(void* env, void* exports) { napi_create_object(env, &exports); return exports; }\n');
    expect(inspectAddon(file)).toMatchObject({ format: 'elf', runtimeBound: [], nodeApi: true });
  });
});
