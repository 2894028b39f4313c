/**
 * What a native addon (.node) is bound to. A Node-API addon imports only `napi_*`
 * functions (and its C/C++ runtime), so one build loads in Node and in Electron; an
 * addon built against V8's or Node's C++ API imports `v8::…` / `node::…` symbols and
 * loads only in the runtime whose ABI it was compiled for ("compiled against a
 * different Node.js version"). ELF files are read by their dynamic symbol table; Mach-O
 * and PE prebuilds for other platforms by the symbol names their string tables hold.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Itanium-mangled names in namespace v8 or node (leading `_` on Mach-O), MSVC ones, and the pre-Node-API registration. */
const RUNTIME_BOUND = [/^_{1,2}Z.*N[rVK]*(?:2v8|4node)\d/, /@(?:v8|node)@@/, /^_?node_module_register$/];
const NODE_API_ENTRY = /^_?(?:napi_register_module_v1|napi_module_register)$/;

export interface AddonReport {
  file: string;
  format: 'elf' | 'other';
  /** Symbols that bind the addon to one runtime's C++ ABI. */
  runtimeBound: string[];
  /** Whether it registers itself through Node-API. */
  nodeApi: boolean;
}

interface ElfSymbols {
  undefined: string[];
  defined: string[];
}

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end < 0 ? buf.length : end);
}

/** The dynamic symbol table (.dynsym) of an ELF file, 32- or 64-bit, either byte order. */
export function elfDynamicSymbols(buf: Buffer): ElfSymbols | null {
  if (buf.length < 52 || buf.readUInt32BE(0) !== 0x7f454c46) return null;
  const is64 = buf[4] === 2;
  const le = buf[5] === 1;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const word = (o: number) => (is64 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o));
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const section = (i: number) => {
    const o = shoff + i * shentsize;
    return is64
      ? { type: u32(o + 4), offset: word(o + 24), size: word(o + 32), link: u32(o + 40), entsize: word(o + 56) }
      : { type: u32(o + 4), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24), entsize: u32(o + 36) };
  };
  const SHT_DYNSYM = 11;
  const symbols: ElfSymbols = { undefined: [], defined: [] };
  for (let i = 0; i < shnum; i++) {
    const dynsym = section(i);
    if (dynsym.type !== SHT_DYNSYM || dynsym.entsize === 0) continue;
    const strtab = section(dynsym.link);
    for (let o = dynsym.offset + dynsym.entsize; o + dynsym.entsize <= dynsym.offset + dynsym.size; o += dynsym.entsize) {
      const name = cString(buf, strtab.offset + u32(o));
      const shndx = u16(o + (is64 ? 6 : 14));
      if (name) (shndx === 0 ? symbols.undefined : symbols.defined).push(name.replace(/@.*$/, ''));
    }
  }
  return symbols;
}

/** Printable runs that can be symbol names, for formats read without a parser. */
function symbolLikeStrings(buf: Buffer): string[] {
  return buf.toString('latin1').match(/[\w?@$.]{6,}/g) ?? [];
}

export function inspectAddon(file: string): AddonReport {
  const buf = fs.readFileSync(file);
  const elf = elfDynamicSymbols(buf);
  const imports = elf ? elf.undefined : symbolLikeStrings(buf);
  const entries = elf ? [...elf.undefined, ...elf.defined] : imports;
  return {
    file,
    format: elf ? 'elf' : 'other',
    runtimeBound: imports.filter((name) => RUNTIME_BOUND.some((re) => re.test(name))),
    nodeApi: entries.some((name) => NODE_API_ENTRY.test(name)),
  };
}

/** The folders of the packages a user installs (package-lock entries not marked dev). */
export function productionPackageDirs(root: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev)
    .map(([key]) => path.join(root, key))
    .filter((dir) => fs.existsSync(dir));
}

/** Every .node file in a package, not descending into its own node_modules (those are packages of their own). */
export function addonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : addonFiles(full);
    return entry.isFile() && entry.name.endsWith('.node') ? [full] : [];
  });
}
