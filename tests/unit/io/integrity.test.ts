import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksRules, checkIntegrity, isCleanPlacement, MAX_PROBLEMS, NotPlainlyValid, problemsAfterEdit, validateFleet, validateFleetReading } from '../../../shared/model/integrity';
import { PlacementSchema, type FleetDoc, type Placement } from '../../../shared/model/schema';
import { sampleCampus, sampleSmall } from '../../../shared/samples';

const codes = (doc: FleetDoc): string[] => checkIntegrity(doc).map((p) => `${p.code} ${p.where}`);

describe('integrity on load', () => {
  it('finds ids used twice, per collection and per hall option list', () => {
    const doc = sampleSmall();
    doc.placements.push({ ...doc.placements[0]! });
    doc.halls[0]!.retrofitOptions.push({ ...doc.halls[0]!.retrofitOptions[0]! });
    expect(codes(doc).sort()).toEqual(['duplicate-id halls["sm-h1"].retrofitOptions["sm-h1-keep"]', 'duplicate-id placements["sm-m01-01"]']);
  });

  it('finds references to missing sites, halls, models, options and power sources', () => {
    const doc = sampleSmall();
    doc.halls[0] = { ...doc.halls[0]!, siteId: 'nosite' };
    doc.halls[0].retrofitOptions[0] = { ...doc.halls[0].retrofitOptions[0]!, modelId: 'nomodel' };
    doc.zones[0] = { ...doc.zones[0]!, hallId: 'nohall' };
    doc.placements[0] = { ...doc.placements[0]!, powerSourceId: 'nopdu' };
    doc.plans.push({
      id: 'plan1', name: 'P', createdAt: '2027-01-01', status: 'optimal', objective: 'expected', npvUsd: 0, irrFraction: null,
      paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'nooption', startPeriod: 0, units: 1 }],
      periods: [], bindingLimits: [], conflicts: [],
    });
    expect(checkIntegrity(doc).map((p) => p.message)).toEqual([
      'halls["sm-h1"]: siteId "nosite" names no site',
      'halls["sm-h1"].retrofitOptions["sm-h1-keep"]: modelId "nomodel" names no equipment model',
      'zones["sm-z-mine"]: hallId "nohall" names no hall',
      '1.1 (Shelf rack, 20 × Antminer S21 XP): powerSourceId "nopdu" names no placement',
      'plans["plan1"].halls["sm-h1"]: optionId "nooption" names no retrofit option of hall "sm-h1"',
    ]);
  });

  it('refuses a chain of more than 32 power sources, A or B, without walking it source by source: 20,000 busways hung one from the next', () => {
    // Busway 1 hangs from the PDU; a tower of busways above the PDU makes its chain: PDU + n busways + Busway 1.
    const tower = (n: number, field: 'powerSourceId' | 'powerSourceBId') => {
      const doc = sampleSmall();
      const bus = doc.placements.find((p) => p.id === 'sm-bw1')!;
      const extra = Array.from({ length: n }, (_, i) => ({ ...bus, id: `t${i}`, label: `T${i}`, powerSourceId: null as string | null, powerSourceBId: null as string | null, [field]: i + 1 < n ? `t${i + 1}` : null }));
      doc.placements = [...doc.placements.map((p) => (p.id === 'sm-pdu01-01' ? { ...p, [field]: 't0' } : p)), ...extra];
      return doc;
    };
    // 30 busways: 32 sources from Busway 1 up, on the limit.
    expect(checkIntegrity(tower(30, 'powerSourceId')).filter((p) => p.code === 'power-depth')).toEqual([]);
    expect(checkIntegrity(tower(31, 'powerSourceId')).map((p) => p.message)).toContain(
      'Busway 1 hangs from a chain of 33 power sources; a chain may stack at most 32 (a real one has a handful: transformer, switchboard, UPS, PDU, busway)',
    );
    expect(checkIntegrity(tower(31, 'powerSourceBId')).some((p) => p.code === 'power-depth')).toBe(true);
    expect(checkIntegrity(tower(20_000, 'powerSourceId')).find((p) => p.code === 'power-depth')!.message).toMatch(/^Busway 1 hangs from a chain of 20002 power sources/);
    // An edit making such a chain is refused the same way, before the feeds' own walks (they overflowed the stack).
    expect(problemsAfterEdit(sampleSmall(), tower(20_000, 'powerSourceBId')).map((p) => p.code)).toEqual(['power-depth']);
  });

  it('finds power fed from equipment that is not a source, and power loops', () => {
    const doc = sampleSmall();
    doc.placements = doc.placements.map((p) =>
      p.id === 'sm-m01-02' ? { ...p, powerSourceId: 'sm-m01-01' } : p.id === 'sm-pdu01-01' ? { ...p, powerSourceId: 'sm-bw1' } : p,
    );
    const messages = checkIntegrity(doc).map((p) => p.message);
    // Named as the user knows them: by label, with the model where another placement has the label too ("1.1" is a rack's and a PDU's).
    expect(messages).toContain('1.2 (Shelf rack, 20 × Antminer S21 XP): its power source 1.1 (Shelf rack, 20 × Antminer S21 XP) is a miner-rack, not a PDU, busway, switchboard, UPS, transformer or generator');
    expect(messages).toContain('power sources form a loop: Busway 1 → 1.1 (Floor PDU 400 kVA) → Busway 1');
    expect(messages.filter((m) => m.includes('loop'))).toHaveLength(1);
  });

  it('finds a unit fed from gear at another site (its load would count at that site), not one fed from another hall of its own', () => {
    const doc = sampleCampus();
    // Building A's first shelf rack (Pecos Flats) fed A from Building C's busway (Columbia Basin), B from Building B's skid (Pecos Flats).
    const rack = doc.placements.find((p) => p.hallId === 'wtx-a' && p.modelId === 'rack-s21xp')!;
    const cBusway = doc.placements.find((p) => p.hallId === 'cbh-c' && p.modelId.startsWith('busway'))!;
    doc.placements = doc.placements.map((p) => (p.id === rack.id ? { ...p, powerSourceId: cBusway.id, powerSourceBId: 'b-skid01-01' } : p));
    expect(checkIntegrity(doc).map((p) => p.message)).toEqual([
      `${rack.label}: its power source ${cBusway.label} stands at another site (${doc.sites.find((x) => x.id === 'cbh')!.name}, not ${doc.sites.find((x) => x.id === 'wtx')!.name}); a site's equipment is fed from its own`,
    ]);
  });

  it('finds the same problems when the source guarantees unique placement ids', () => {
    const variants: ((doc: FleetDoc) => void)[] = [
      () => undefined,
      (doc) => (doc.placements[0] = { ...doc.placements[0]!, powerSourceId: 'nopdu', modelId: 'nomodel', hallId: 'nohall' }),
      (doc) =>
        (doc.placements = doc.placements.map((p) =>
          p.id === 'sm-m01-02' ? { ...p, powerSourceId: 'sm-m01-01' } : p.id === 'sm-pdu01-01' ? { ...p, powerSourceId: 'sm-bw1' } : p,
        )),
      // A loop entered from a placement outside it, and a placement feeding itself.
      (doc) =>
        (doc.placements = doc.placements.map((p, i) =>
          i === 0 ? { ...p, powerSourceId: 'sm-pdu01-01' } : p.id === 'sm-pdu01-01' ? { ...p, powerSourceId: 'sm-bw1' } : p.id === 'sm-cdu01-01' ? { ...p, powerSourceId: p.id } : p,
        )),
    ];
    for (const change of variants) {
      const doc = sampleSmall();
      change(doc);
      expect(checkIntegrity(doc, { placementIdsUnique: true })).toEqual(checkIntegrity(doc));
    }
    expect(checkIntegrity(sampleSmall()).length).toBe(0);
  });

  it('reports schema breaks by id with the value found', () => {
    const doc = sampleSmall() as unknown as { models: { powerKw: number }[]; halls: { depthM: number }[]; placements: { yM: number }[] };
    doc.models[3]!.powerKw = -3;
    doc.halls[0]!.depthM = 0;
    doc.placements[1]!.yM = Number.NaN;
    const { doc: parsed, problems } = validateFleet(doc);
    expect(parsed).toBeNull();
    expect(problems.map((p) => p.where)).toEqual(['halls["sm-h1"].depthM', 'models["ant-s21xp"].powerKw', 'placements["sm-m01-02"].yM']);
    expect(problems[0]!.message).toBe('halls["sm-h1"].depthM must be at least 0.5 (is 0)');
    expect(problems[1]!.message).toBe('models["ant-s21xp"].powerKw must be at least 0 (is -3)');
    expect(problems[2]!.message).toBe('placements["sm-m01-02"].yM is not a number (is NaN)');
  });

  it('stops reading placements once more problems are found than are ever shown', () => {
    const doc = sampleSmall() as unknown as { placements: unknown[] };
    const bad = { ...doc.placements[0]!, hallId: '', modelId: '', xM: 1e300, yM: -1e300, rotationDeg: 7, powerSourceId: '', powerSourceBId: '' };
    for (let i = 0; i < 10_000; i++) doc.placements.push({ ...bad, id: `bad-${i}` });
    // A walk of every placement (as the whole schema makes, keeping an issue for each of 70,000 breaks) reads this one.
    Object.defineProperty(doc.placements, 5_000, { get: () => { throw new Error('read a placement past the problems shown'); } });
    const { doc: parsed, problems, more } = validateFleet(doc);
    expect(parsed).toBeNull();
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(more).toBe(true);
    expect(problems[0]!.message).toBe('placements["bad-0"].hallId must not be empty');
  });

  it('stops reading any list of the document once more problems are found than are ever shown', () => {
    const doc = sampleSmall() as unknown as { zones: unknown[] };
    const bad = { ...(doc.zones[0] as object), hallId: '', name: '', xM: 1e300, yM: -1e300, widthM: -5, depthM: -5, airCoolingKw: -5 };
    for (let i = 0; i < 10_000; i++) doc.zones.push({ ...bad, id: `bad-${i}` });
    // 300,000 such zones took 45 s and 2.6 GB: the schema kept an issue for every break.
    Object.defineProperty(doc.zones, 5_000, { get: () => { throw new Error('read a zone past the problems shown'); } });
    const { problems, more } = validateFleet(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(more).toBe(true);
    expect(problems[0]!.where).toBe('zones["bad-0"].hallId');
  });

  it('names the rule breaks of single objects only until there are more than are ever shown', () => {
    // 900,000 placements in no hall, of no model and fed from nothing took 64 s and 2.8 GB to name, three problems each.
    const doc = sampleSmall();
    const lost = { ...doc.placements[0]!, hallId: 'nohall', modelId: 'nomodel', powerSourceId: 'nosource' };
    for (let i = 0; i < 10_000; i++) doc.placements.push({ ...lost, id: `lost-${i}` });
    const problems = checkIntegrity(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]!.message).toMatch(/: hallId "nohall" names no hall$/);
    expect(breaksRules(validateFleet(doc).problems, validateFleet(doc).more)).toMatch(/^it breaks the fleet model's rules in 200\+ places:\n/);
  });

  it('tells a list is no placement without walking its entries', () => {
    // A placement that was a list of 60 million numbers took 50 s and 4 GB: each index was made a key string to count.
    const list = new Proxy([1, 2, 3], { ownKeys: () => { throw new Error('walked the list'); } });
    expect(isCleanPlacement(list)).toBe(false);
  });

  it('says a whole number past 2^53 is over its own ceiling once, not also over the safe-integer one', () => {
    const doc = sampleSmall() as unknown as { models: { id: string; gpuCount: number }[] };
    doc.models.find((m) => m.id === 'nvl72-gb200')!.gpuCount = 1e17;
    const { problems } = validateFleet(doc);
    expect(problems.map((p) => p.message)).toEqual(['models["nvl72-gb200"].gpuCount must be at most 10000000 (is 100000000000000000)']);
  });

  it('takes the fast path only for placements the schema accepts unchanged', () => {
    const base = sampleSmall().placements[0]!;
    const arbitraryPlacement = fc.record({
      id: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(base.id)),
      hallId: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()),
      modelId: fc.string({ minLength: 0, maxLength: 65 }),
      xM: fc.oneof(fc.double(), fc.constant('1'), fc.constantFrom(100_000, -100_000, 100_000.5, 1e12)),
      yM: fc.double({ noNaN: false }),
      rotationDeg: fc.constantFrom(0, 90, 180, 270, 45, '90'),
      powerSourceId: fc.oneof(fc.constant(null), fc.string({ maxLength: 66 }), fc.constant(undefined)),
      powerSourceBId: fc.oneof(fc.constant(null), fc.string({ maxLength: 66 }), fc.constant(undefined)),
      label: fc.string({ maxLength: 102 }),
    }, { requiredKeys: ['id', 'hallId', 'modelId', 'xM', 'yM', 'rotationDeg', 'label'] });
    fc.assert(
      fc.property(arbitraryPlacement, fc.boolean(), (p, extraKey) => {
        const candidate = extraKey ? { ...p, colour: 'red' } : p;
        const zod = PlacementSchema.safeParse(candidate);
        // Anything the fast path turns away goes through the schema, so only acceptance must agree.
        if (isCleanPlacement(candidate)) {
          expect(zod.success).toBe(true);
          expect({ ...zod.data }).toStrictEqual({ ...candidate });
        }
      }),
      { numRuns: 2_000 },
    );
    expect(isCleanPlacement(base)).toBe(true);
  });
});

describe('a list\'s own limits, as its items are checked one by one', () => {
  it('60 scenarios are refused as more than the 50 a fleet holds; 50 pass', () => {
    const doc = sampleSmall();
    const scenarios = (n: number) => Array.from({ length: n }, (_, i) => ({ ...doc.scenarios[0]!, id: `sc${i}`, name: `Scenario ${i}`, probability: 1 / n }));
    const over = validateFleet({ ...doc, scenarios: scenarios(60) });
    expect(over.doc).toBeNull();
    expect(over.problems.map((p) => p.message)).toEqual([expect.stringContaining('at most 50')]);
    expect(validateFleet({ ...doc, scenarios: scenarios(50) }).problems).toEqual([]);
  });
});

describe('validating a fleet whose placements are walked, not held', () => {
  /** The placements as a file gives them: read afresh on every walk, counted. */
  function walked(placements: readonly unknown[]): { rows: Iterable<unknown>; walks: () => number } {
    let walks = 0;
    const rows = {
      *[Symbol.iterator]() {
        walks++;
        for (const p of placements) yield { ...(p as object) };
      },
    };
    return { rows, walks: () => walks };
  }
  const ofModels = (placements: readonly Placement[]) => (modelIds: readonly string[]) => placements.filter((p) => modelIds.includes(p.modelId));

  it('passes exactly the documents validateFleet passes, in one walk of the placements', () => {
    const base = sampleSmall();
    const ids = base.placements.map((p) => p.id);
    const change = fc.record({
      at: fc.nat(base.placements.length - 1),
      field: fc.constantFrom('powerSourceId', 'powerSourceBId', 'modelId', 'hallId', 'rotationDeg'),
      to: fc.oneof(fc.constant(null), fc.constantFrom(...ids), fc.constantFrom(...base.models.map((m) => m.id)), fc.constantFrom('sm-h1', 'ghost', 45, 90)),
    });
    let passed = 0;
    fc.assert(
      fc.property(fc.array(change, { maxLength: 3 }), (changes) => {
        const doc = sampleSmall();
        for (const { at, field, to } of changes) (doc.placements[at] as unknown as Record<string, unknown>)[field] = to;
        const whole = validateFleet(doc, { placementIdsUnique: true });
        const { placements, ...rest } = doc;
        const { rows, walks } = walked(placements);
        const reading = validateFleetReading(rest, rows, ofModels(placements));
        expect(reading !== null).toBe(whole.doc !== null && whole.problems.length === 0);
        if (!reading) return;
        passed++;
        expect(walks()).toBe(1);
        expect({ ...reading, placements: [...reading.placements] }).toEqual(whole.doc);
        expect(walks()).toBe(2);
      }),
      { numRuns: 600 },
    );
    // Both kinds of document were met.
    expect(passed).toBeGreaterThan(50);
    expect(passed).toBeLessThan(550);
  });

  it('says null for what a walk cannot judge alone: a part outside the schema, a placement that is not plainly clean, a source that says so', () => {
    const { placements, ...rest } = sampleSmall();
    expect(validateFleetReading({ ...rest, fleet: { ...rest.fleet, horizonPeriods: -1 } }, walked(placements).rows, ofModels(placements))).toBeNull();
    const shuffled = placements.map((p, i) => (i === 3 ? (Object.fromEntries(Object.entries(p).reverse()) as Placement) : p));
    expect(validateFleetReading(rest, shuffled, ofModels(placements))).not.toBeNull();
    const extra = placements.map((p, i) => (i === 3 ? { ...p, colour: 'red' } : p));
    expect(validateFleetReading(rest, extra, ofModels(placements))).toBeNull();
    const refusing = {
      *[Symbol.iterator]() {
        yield placements[0];
        throw new NotPlainlyValid('an id that may not read as stored');
      },
    };
    expect(validateFleetReading(rest, refusing, ofModels(placements))).toBeNull();
  });
});

describe('file problems in plain words', () => {
  it('a rotation off the four, a start month that is no month, a missing fleet', () => {
    const doc = sampleSmall() as unknown as { placements: { rotationDeg: number }[]; fleet: Record<string, unknown> };
    doc.placements[0]!.rotationDeg = 45;
    doc.fleet.startMonth = 'soon';
    const messages = validateFleet(doc).problems.map((p) => p.message);
    expect(messages).toContain('placements["sm-m01-01"].rotationDeg must be 0, 90, 180 or 270 (is 45)');
    expect(messages.some((m) => /^fleet\.startMonth must be /.test(m))).toBe(true);
    const { fleet: _dropped, ...noFleet } = sampleSmall();
    expect(validateFleet(noFleet).problems.map((p) => p.message)).toContain('fleet is missing');
  });
});
