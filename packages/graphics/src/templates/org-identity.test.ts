import type { PublicListing } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { fakeListing } from '../testing/fixtures.ts';
import { drawnText } from '../testing/inspect.ts';
import { identityText } from './listing-row.ts';
import { SHARE_CARD_SIZE, shareCardTree } from './share-card.ts';

/** An organisation without a credit code: its organisation code and its 负责人. */
function station(): PublicListing {
  return fakeListing(3, {
    kind: 'org',
    uscc: '',
    orgCode: 'D2143569X',
    legalRepresentative: '符站长',
    legalRepresentativeRole: '负责人',
  });
}

describe('screens and cards name an organisation by its code and its representative by role (art. 6 ¶1 (一))', () => {
  it('art. 6: the board row shows the organisation code of an organisation without a credit code', () => {
    expect(identityText(station())).toBe('组织机构代码 D2143569-X');
    expect(identityText(fakeListing(3))).toBe('统一社会信用代码 91460000MA5T3XXX1Q');
  });

  it('art. 6: the share card labels the code and the 负责人 as recorded', async () => {
    const text = await drawnText(
      await shareCardTree(station(), { siteUrl: 'https://example.test' }),
      SHARE_CARD_SIZE,
    );
    expect(text).toContain('组织机构代码');
    expect(text).toContain('D2143569-X');
    expect(text).toContain('负责人');
    expect(text).not.toContain('法定代表人');
    expect(text).not.toContain('统一社会信用代码');
  });
});
