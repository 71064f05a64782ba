import { describe, expect, it } from 'vitest';
import { makeModel, makeVersion } from './builders.test-util';
import {
  excerpt,
  filterVersions,
  latestPerStage,
  modelOrderBy,
  modelSearchFilter,
  sortVersionsDesc,
  versionsOfModelFilter,
  withAliases,
} from './filter';

describe('modelSearchFilter', () => {
  it('turns words into a case-insensitive name search and escapes quotes', () => {
    expect(modelSearchFilter('  iris ')).toBe("name ILIKE '%iris%'");
    expect(modelSearchFilter("bob's")).toBe(`name ILIKE "%bob's%"`);
    expect(modelSearchFilter('')).toBeUndefined();
  });
  it('sends expressions as written', () => {
    expect(modelSearchFilter("name LIKE 'iris%'")).toBe("name LIKE 'iris%'");
    expect(modelSearchFilter("tags.team = 'ml'")).toBe("tags.team = 'ml'");
  });
});

describe('modelOrderBy / versionsOfModelFilter', () => {
  it('maps sorts to order_by', () => {
    expect(modelOrderBy('name', false)).toEqual(['name ASC']);
    expect(modelOrderBy('updated', true)).toEqual(['last_updated_timestamp DESC']);
  });
  it('quotes model names', () => {
    expect(versionsOfModelFilter("it's")).toBe(`name = "it's"`);
  });
});

describe('withAliases', () => {
  it('puts each alias on the version it points to and clears stale ones', () => {
    const vs = [
      makeVersion({ version: '1', aliases: ['champion'] }),
      makeVersion({ version: '2' }),
      makeVersion({ version: '3' }),
    ];
    const out = withAliases(vs, { champion: '2', challenger: '3', best: '2' });
    expect(out.map((v) => v.aliases)).toEqual([[], ['best', 'champion'], ['challenger']]);
  });
  it('keeps the same objects when nothing changes', () => {
    const v = makeVersion({ version: '1', aliases: ['a'] });
    expect(withAliases([v], { a: '1' })[0]).toBe(v);
  });
});

describe('filterVersions', () => {
  const vs = [
    makeVersion({ version: '1', currentStage: 'Archived' }),
    makeVersion({ version: '2', currentStage: 'Production', aliases: ['champion'] }),
    makeVersion({ version: '3', currentStage: 'Staging', aliases: ['challenger'] }),
  ];
  const ids = (x: typeof vs) => x.map((v) => v.version);
  it('filters by stage, by alias, by any alias and by both', () => {
    expect(ids(filterVersions(vs, { stage: '', alias: '' }))).toEqual(['1', '2', '3']);
    expect(ids(filterVersions(vs, { stage: 'Archived', alias: '' }))).toEqual(['1']);
    expect(ids(filterVersions(vs, { stage: '', alias: 'challenger' }))).toEqual(['3']);
    expect(ids(filterVersions(vs, { stage: '', alias: '*' }))).toEqual(['2', '3']);
    expect(ids(filterVersions(vs, { stage: 'Production', alias: 'challenger' }))).toEqual([]);
  });
  it('sorts versions numerically, newest first', () => {
    expect(
      ids(
        sortVersionsDesc([
          makeVersion({ version: '9' }),
          makeVersion({ version: '10' }),
          makeVersion({ version: '2' }),
        ]),
      ),
    ).toEqual(['10', '9', '2']);
  });
});

describe('latestPerStage', () => {
  it('lists one version per stage, highest wins, in stage order', () => {
    const m = makeModel({
      latestVersions: [
        makeVersion({ version: '1', currentStage: 'Archived' }),
        makeVersion({ version: '4', currentStage: 'None' }),
        makeVersion({ version: '2', currentStage: 'Production' }),
        makeVersion({ version: '3', currentStage: 'Archived' }),
      ],
    });
    expect(latestPerStage(m)).toEqual([
      { stage: 'Production', version: '2' },
      { stage: 'Archived', version: '3' },
      { stage: 'None', version: '4' },
    ]);
    expect(latestPerStage(makeModel())).toEqual([]);
  });
});

describe('excerpt', () => {
  it('flattens markdown to one short line', () => {
    expect(excerpt('# Title\n\nSome **bold**\ntext', 100)).toBe('Title Some bold text');
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
  });
});
