import { describe, expect, it } from 'vitest';
import { makeId, makeUscc } from '../test/fixtures.ts';
import {
  isPubliclyVisible,
  type ListingRecord,
  ORG_ONLY_FIELDS,
  PERSON_ONLY_FIELDS,
  PUBLIC_LISTING_FIELDS,
  toPublicListing,
} from './public-projection.ts';

const SENTINEL_ID = makeId('460103', '19800101', '123');

function record(overrides: Partial<ListingRecord> & Record<string, unknown> = {}): ListingRecord {
  return {
    id: 'L1',
    status: 'published',
    kind: 'person',
    name: '张三',
    idNumber: SENTINEL_ID,
    birthDate: '1980-01-01',
    gender: '男',
    uscc: null,
    legalRepresentative: null,
    caseNo: '（2017）琼9003执1234号',
    court: '陵水黎族自治县人民法院',
    filedAt: '2017-03-02',
    basisIssuer: '陵水黎族自治县人民法院',
    basisDocNo: '（2016）琼9028民初456号',
    obligation: '偿还借款',
    performance: '全部未履行',
    category: 2,
    amountOwedFen: 100,
    livelihood: true,
    region: '海南省',
    listedAt: '2017-07-18',
    termExtensionYears: 0,
    termEndsAt: '2019-07-18',
    unitId: 'U1',
    demo: false,
    removedAt: null,
    removalReason: null,
    ...overrides,
  } as ListingRecord;
}

describe('toPublicListing', () => {
  it('never lets the full ID number, birth date or internal fields through', () => {
    const rec = record({ address: '海口市某路1号', phone: '13800000000', internalNote: '内部' });
    const json = JSON.stringify(toPublicListing(rec));
    expect(json).not.toContain(SENTINEL_ID);
    expect(json).not.toContain('1980-01-01');
    for (const secret of ['海口市某路1号', '13800000000', '内部', 'U1', 'unitId', 'status']) {
      expect(json).not.toContain(secret);
    }
  });

  it('gives a person exactly the art. 6 fields, masked ID and age on the listing date', () => {
    const pub = toPublicListing(record());
    const expected = PUBLIC_LISTING_FIELDS.filter((k) => !(ORG_ONLY_FIELDS as readonly string[]).includes(k));
    expect(Object.keys(pub)).toEqual(expected);
    expect(pub).toMatchObject({ gender: '男', age: 37 });
    expect(pub.idNumberMasked).toBe(`4601031980****${SENTINEL_ID.slice(14)}`);
    expect(pub.categoryLabel).toBe('以伪造证据、暴力、威胁等方法妨碍、抗拒执行');
  });

  it('gives an organisation its credit code and representative and no person fields', () => {
    const uscc = makeUscc('91460000MA5T00001');
    const pub = toPublicListing(
      record({
        kind: 'org',
        idNumber: null,
        birthDate: null,
        gender: null,
        uscc,
        legalRepresentative: '李四',
      }),
    );
    const expected = PUBLIC_LISTING_FIELDS.filter(
      (k) => !(PERSON_ONLY_FIELDS as readonly string[]).includes(k) && k !== 'orgCode',
    );
    expect(Object.keys(pub)).toEqual(expected);
    expect(pub).toMatchObject({ uscc, legalRepresentative: '李四', legalRepresentativeRole: '法定代表人' });
  });

  it('art. 6 ¶1 (一): an organisation without a credit code is identified by its organisation code (GB 11714)', () => {
    const pub = toPublicListing(
      record({
        kind: 'org',
        idNumber: null,
        birthDate: null,
        gender: null,
        uscc: null,
        orgCode: 'D2143569X',
        legalRepresentative: '王五',
        legalRepresentativeRole: '负责人',
      }),
    );
    expect(Object.keys(pub)).toEqual(
      PUBLIC_LISTING_FIELDS.filter((k) => !(PERSON_ONLY_FIELDS as readonly string[]).includes(k)),
    );
    expect(pub).toMatchObject({
      uscc: '',
      orgCode: 'D2143569X',
      legalRepresentative: '王五',
      legalRepresentativeRole: '负责人',
    });
  });

  it('art. 6: the role is shown only with a named representative, and a person never carries either field', () => {
    const org = toPublicListing(
      record({
        kind: 'org',
        idNumber: null,
        birthDate: null,
        gender: null,
        uscc: makeUscc('91460000MA5T00001'),
      }),
    );
    expect(org.legalRepresentative).toBe('');
    expect('legalRepresentativeRole' in org).toBe(false);
    const person = toPublicListing(record({ orgCode: 'D2143569X', legalRepresentativeRole: '负责人' }));
    expect('orgCode' in person || 'legalRepresentativeRole' in person).toBe(false);
  });

  it('derives age and gender from the ID number when the row lacks them', () => {
    const pub = toPublicListing(record({ birthDate: null, gender: null, listedAt: '2017-01-01' }));
    expect(pub).toMatchObject({ age: 36, gender: '男' });
  });

  it('refuses a record that was never published', () => {
    expect(() => toPublicListing(record({ status: 'draft', listedAt: null }))).toThrow(/listedAt/);
  });
});

describe('isPubliclyVisible', () => {
  it('shows a published listing until its last day and hides it afterwards', () => {
    expect(isPubliclyVisible(record(), '2019-07-18')).toBe(true);
    expect(isPubliclyVisible(record(), '2019-07-19')).toBe(false);
  });

  it('hides drafts and removed listings', () => {
    expect(isPubliclyVisible(record({ status: 'draft' }), '2018-01-01')).toBe(false);
    expect(
      isPubliclyVisible(record({ status: 'removed', removedAt: '2018-01-01T00:00:00Z' }), '2018-01-01'),
    ).toBe(false);
  });
});
