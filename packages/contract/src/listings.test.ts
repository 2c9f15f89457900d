import { PUBLIC_LISTING_FIELDS } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { publicListingSchema } from './listings.ts';

describe('contract listing schema', () => {
  it('documents exactly the public fields the domain allows, no more and no fewer (art. 6)', () => {
    expect(Object.keys(publicListingSchema.shape).sort()).toEqual([...PUBLIC_LISTING_FIELDS].sort());
  });
});
