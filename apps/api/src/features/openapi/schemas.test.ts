import { PUBLIC_LISTING_FIELDS } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { listingSchema } from './schemas.ts';

describe('OpenAPI listing schema', () => {
  it('documents exactly the public fields the domain allows, no more and no fewer', () => {
    expect(Object.keys(listingSchema.shape).sort()).toEqual([...PUBLIC_LISTING_FIELDS].sort());
  });
});
