import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportFleetJson, FLEET_JSON_FORMAT, FLEET_JSON_VERSION, fleetJsonChunks, fleetJsonSchema, importFleetJson, jsonContainerCount, MAX_FLEET_JSON_CONTAINERS } from '../../../shared/io/json';
import { FleetDocSchema } from '../../../shared/model/schema';
import { blankFleet } from '../../../shared/samples';
import { jsonErrorOffset } from '../../../shared/io/json-syntax';
import { generateFleet, sampleCampus, sampleSmall } from '../../../shared/samples';

const SCHEMA_FILE = path.join(__dirname, '../../../docs/fleet.schema.json');

describe('fleet JSON', () => {
  it.each([
    ['campus', sampleCampus()],
    ['small', sampleSmall()],
    ['generated', generateFleet({ placements: 5_000, seed: 9 })],
  ])('%s: export → import → export is identical', (_name, doc) => {
    const first = exportFleetJson(doc);
    const imported = importFleetJson(first, 'first.json');
    expect(imported).toEqual(doc);
    expect(exportFleetJson(imported)).toBe(first);
  });

  it.each([
    ['campus', sampleCampus()],
    ['no placements', blankFleet()],
    ['generated, 4,001 placements (two full chunks and one more)', generateFleet({ placements: 4_001, seed: 3 })],
  ])('%s: the streamed text is exactly JSON.stringify of the schema-parsed envelope, two-space indents', (_name, doc) => {
    const whole = `${JSON.stringify({ format: FLEET_JSON_FORMAT, version: FLEET_JSON_VERSION, fleet: FleetDocSchema.parse(doc) }, null, 2)}\n`;
    expect([...fleetJsonChunks(doc)].join('')).toBe(whole);
  });

  it('streams placements in schema key order, whatever order an object lists them in, and refuses a bad one naming it', () => {
    const doc = sampleSmall();
    const first = doc.placements[0]!;
    const shuffled = { ...doc, placements: [Object.fromEntries(Object.entries(first).reverse()) as typeof first, ...doc.placements.slice(1)] };
    expect([...fleetJsonChunks(shuffled)].join('')).toBe(exportFleetJson(doc));
    const bad = { ...doc, placements: [{ ...first, rotationDeg: 45 as 0 }] };
    expect(() => [...fleetJsonChunks(bad)]).toThrow(/rotationDeg/);
  });

  it('writes the documented envelope', () => {
    const parsed = JSON.parse(exportFleetJson(sampleSmall())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'fleet']);
    expect(parsed).toMatchObject({ format: 'fleet-planner', version: 3 });
  });

  it.each([
    ['broken JSON', '{\n  "format": "fleet-planner",\n  "version" 1\n}', /^Cannot import in.json: it is not valid JSON at line 3, column 13 /],
    ['another format', '{"format":"other","version":1}', /it is not a Fleet Planner export \(no "format": "fleet-planner"\)/],
    ['an array', '[1,2]', /not a Fleet Planner export/],
    ['a newer version', '{"format":"fleet-planner","version":4,"fleet":{}}', /newer Fleet Planner \(JSON version 4, this version reads up to 3\)/],
    ['a bad version', '{"format":"fleet-planner","version":"1","fleet":{}}', /"version" must be a whole number from 1, it is "1"/],
    ['a version nested 200,000 deep', `{"format":"fleet-planner","version":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /"version" must be a whole number from 1, it is a list$/],
  ])('refuses %s', (_name, text, reason) => {
    expect(() => importFleetJson(text, 'in.json')).toThrow(reason);
  });

  it('refuses a fleet that breaks the model, naming each problem', () => {
    // The CDU is the only model drawing exactly 12 kW.
    const text = exportFleetJson(sampleSmall()).replace('"powerKw": 12,', '"powerKw": -12,');
    expect(() => importFleetJson(text, 'bad.json')).toThrow(/models\["cdu-1200"\]\.powerKw must be at least 0 \(is -12\)/);
    const stray = { ...sampleSmall().placements[0]!, hallId: 'nowhere' };
    const dangling = JSON.stringify({ format: 'fleet-planner', version: 3, fleet: { ...sampleSmall(), placements: [stray] } });
    expect(() => importFleetJson(dangling, 'bad.json')).toThrow(/\n1\.1: hallId "nowhere" names no hall\n/);
  });

  it('refuses JSON of more objects and lists than any export holds before parsing it, naming the limit', () => {
    // `{}` costs 3 bytes of text and about 130 parsed: 9 MB of them took 380 MB, and the schema's issues for them ran the import out of memory.
    const text = `{"format":"fleet-planner","version":3,"fleet":{"placements":[${'{},'.repeat(MAX_FLEET_JSON_CONTAINERS)}{}]}}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(() => importFleetJson(text, 'many.json')).toThrow(/^Cannot import many\.json: it holds more than 2,000,000 objects and lists, more than any fleet's export \(one a placement\)$/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect(jsonContainerCount('{"a": "[{\\"}", "b": [1, {}]}')).toBe(3);
  });

  it('imports a version-1 export: ratings keep their number as kVA at power factor 1, facility water starts as the cooling plant', () => {
    const current = JSON.parse(exportFleetJson(sampleSmall())) as { fleet: Record<string, Array<Record<string, unknown>>> };
    const fleet = current.fleet;
    for (const m of fleet.models!) {
      m.ratingKw = m.ratingKva;
      delete m.ratingKva;
      delete m.powerFactor;
      delete m.moduleCount;
      delete m.moduleRedundancy;
      delete m.dualFeed;
    }
    for (const p of fleet.placements!) delete p.powerSourceBId;
    for (const h of fleet.halls!) delete h.facilityWater;
    const doc = importFleetJson(JSON.stringify({ format: 'fleet-planner', version: 1, fleet }), 'old.json');
    expect(doc.models.find((m) => m.id === 'pdu-400')).toMatchObject({ ratingKva: 400, powerFactor: 1 });
    expect(doc.placements.every((p) => p.powerSourceBId === null)).toBe(true);
    const hall = doc.halls[0]!;
    expect(hall.facilityWater).toEqual({ unitCount: hall.cooling.unitCount, unitCapacityKw: hall.cooling.unitCapacityKw, redundancy: hall.cooling.redundancy });
    expect(doc.models.every((m) => m.moduleCount === 1 && m.moduleRedundancy === 'N')).toBe(true);
  });

  it('imports a version-2 export (before power modules and dual feeds): every source is one module, none held back, every unit on one feed; the built-in UPS keeps what the file says', () => {
    const current = JSON.parse(exportFleetJson(sampleSmall())) as { fleet: Record<string, Array<Record<string, unknown>>> };
    for (const m of current.fleet.models!) {
      delete m.moduleCount;
      delete m.moduleRedundancy;
      delete m.dualFeed;
    }
    const doc = importFleetJson(JSON.stringify({ format: 'fleet-planner', version: 2, fleet: current.fleet }), 'v2.json');
    expect(doc.models.find((m) => m.id === 'ups-1000')).toMatchObject({ ratingKva: 1_000, moduleCount: 1, moduleRedundancy: 'N' });
    expect(doc.models.every((m) => m.moduleCount === 1 && m.moduleRedundancy === 'N' && !m.dualFeed)).toBe(true);
  });

  it('ships docs/fleet.schema.json generated from the model (UPDATE_FLEET_SCHEMA=1 rewrites it)', () => {
    const generated = `${JSON.stringify(fleetJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_FLEET_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, generated);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
    const schema = JSON.parse(generated) as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.required).toEqual(['format', 'version', 'fleet']);
    expect(schema.properties.version!.const).toBe(3);
  });
});

describe('JSON error position', () => {
  it('accepts exactly what JSON.parse accepts, and points inside the text otherwise', () => {
    const parses = (t: string): boolean => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (text, cut, noise) => {
        expect(jsonErrorOffset(text)).toBe(-1);
        const broken = text.slice(0, cut % (text.length + 1)) + noise;
        const offset = jsonErrorOffset(broken);
        expect(offset === -1).toBe(parses(broken));
        expect(offset).toBeLessThanOrEqual(broken.length);
      }),
    );
  });

  it('names line 3, column 13 for a missing value', () => {
    expect(jsonErrorOffset('{\n  "a": 1,\n  "version" 1\n}')).toBe('{\n  "a": 1,\n  "version"'.length + 1);
  });

  it('scans 200,000 levels deep without overflowing the stack, and the import names where the text ends', () => {
    const deep = 200_000;
    expect(jsonErrorOffset('['.repeat(deep))).toBe(deep);
    expect(jsonErrorOffset(`${'{"a":['.repeat(deep)}1${']}'.repeat(deep)}`)).toBe(-1);
    expect(jsonErrorOffset(`${'{"a":['.repeat(deep)}1${']}'.repeat(deep - 1)}]]`)).toBe(6 * deep + 1 + 2 * deep - 1);
    expect(() => importFleetJson('['.repeat(deep), 'deep.json')).toThrow(`Cannot import deep.json: it is not valid JSON at line 1, column ${deep + 1}`);
  });
});
