import { z } from 'astro/zod';

/** `4601031980****1234`: digits 11–14 (birth month and day) masked, as the national database shows it. */
const MASKED_ID = /^\d{10}\*{4}\d{3}[\dX]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One published listing as the site receives it (CONTRACT.md `Listing`). Unknown keys are
 * stripped, and a person's ID must already be masked: the build fails rather than publish a full one.
 */
export const publicListingSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/, 'id must be URL-safe'),
  kind: z.enum(['person', 'org']),
  name: z.string().min(1),
  gender: z.enum(['男', '女']).optional(),
  age: z.number().int().nonnegative().optional(),
  idNumberMasked: z.string().regex(MASKED_ID, 'idNumberMasked must be masked at digits 11–14').optional(),
  uscc: z.string().optional(),
  /** GB 11714 organisation code, 9 characters without the hyphen */
  orgCode: z
    .string()
    .regex(/^[0-9A-Z]{8}[0-9X]$/, 'orgCode must be 9 characters (GB 11714)')
    .optional(),
  legalRepresentative: z.string().optional(),
  legalRepresentativeRole: z.enum(['法定代表人', '负责人']).optional(),
  caseNo: z.string(),
  court: z.string(),
  filedAt: z.string().regex(ISO_DATE),
  basisIssuer: z.string(),
  basisDocNo: z.string(),
  obligation: z.string(),
  performance: z.string(),
  category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  categoryLabel: z.string(),
  amountOwedFen: z.number().int().nonnegative(),
  livelihood: z.boolean(),
  region: z.string(),
  listedAt: z.string().regex(ISO_DATE),
  termEndsAt: z.string().regex(ISO_DATE).nullable(),
  demo: z.boolean(),
});

/** The snapshot the server writes before each build (`SITE_DATA_FILE`). */
export const siteSnapshotSchema = z.object({
  generatedAt: z.string(),
  listings: z.array(publicListingSchema),
  stats: z.object({
    listed: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    livelihood: z.number().int().nonnegative(),
    byCategory: z.record(z.string(), z.number()),
    byRegion: z.record(z.string(), z.number()).optional(),
    demo: z.boolean().optional(),
  }),
});
