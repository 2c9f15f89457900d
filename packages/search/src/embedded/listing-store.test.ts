import { PUBLIC_LISTING_FIELDS } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { toPublicCopy, toStoredListing } from '../public-listing.ts';
import { ListingStore } from './listing-store.ts';

const fixtures = contractListings(createIdentifierHasher('store-test-secret-0123456789'));

describe('ListingStore', () => {
  it('gives back every public field of persons and organisations, absent ones left absent', () => {
    const store = new ListingStore();
    const listings = Object.values(fixtures).map((doc) => toPublicCopy(toStoredListing(doc)));
    listings.forEach((listing, slot) => {
      store.set(slot, listing);
    });
    listings.forEach((listing, slot) => {
      const back = store.get(slot);
      expect(back).toEqual(listing);
      expect(Object.keys(back)).toEqual(PUBLIC_LISTING_FIELDS.filter((f) => f in listing));
    });
  });

  it('art. 6: keeps the organisation code and the representative role of an organisation, in contract order', () => {
    const store = new ListingStore();
    const { uscc: _u, ...jinhai } = toPublicCopy(toStoredListing(fixtures.jinhai));
    const withOrgCode = {
      ...jinhai,
      uscc: '',
      orgCode: 'D2143569X',
      legalRepresentative: '符负责',
      legalRepresentativeRole: '负责人' as const,
    };
    store.set(0, withOrgCode);
    store.set(1, toPublicCopy(toStoredListing(fixtures.wangWei)));
    const back = store.get(0);
    expect(back).toEqual(withOrgCode);
    expect(Object.keys(back)).toEqual(PUBLIC_LISTING_FIELDS.filter((f) => f in withOrgCode));
    expect('orgCode' in store.get(1) || 'legalRepresentativeRole' in store.get(1)).toBe(false);
  });

  it('keeps null and a set term end, and text holding the separator whole', () => {
    const store = new ListingStore();
    const base = toPublicCopy(toStoredListing(fixtures.wangWei));
    const withTerm = { ...base, termEndsAt: '2027-01-10' };
    const odd = { ...base, name: 'a\u0001b', termEndsAt: null };
    store.set(0, withTerm);
    store.set(1, odd);
    expect(store.get(0)).toEqual(withTerm);
    expect(store.get(1)).toEqual(odd);
    expect(Object.keys(store.get(1))).toEqual(Object.keys(odd));
    store.set(1, base); // overwritten in place
    expect(store.get(1)).toEqual(base);
  });

  it('keeps every value of a field with more than 65,536 distinct values, and odd numbers whole', () => {
    const store = new ListingStore();
    const base = toPublicCopy(toStoredListing(fixtures.wangWei));
    const n = 70_000;
    for (let slot = 0; slot < n; slot++)
      store.set(slot, { ...base, performance: `已履行${slot}元`, obligation: `支付${slot}元` });
    for (const slot of [0, 65_535, 65_536, n - 1])
      expect(store.get(slot)).toMatchObject({ performance: `已履行${slot}元`, obligation: `支付${slot}元` });
    const oldAge = { ...base, age: 300 };
    const halfCategory = { ...base, category: 2.5 } as unknown as typeof base;
    store.set(n, oldAge);
    store.set(n + 1, halfCategory);
    expect(store.get(n)).toEqual(oldAge);
    expect(store.get(n + 1)).toEqual(halfCategory);
  });
});
