import { z } from 'zod';
import { errorResponses, strictQuery } from './common.ts';
import type { ApiRoute } from './route.ts';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** `size=A3|A4` of the newspaper page; A3 (a broadsheet half) when absent. */
export const newspaperQuerySchema = strictQuery({
  size: z.preprocess(
    emptyToUndefined,
    z
      .enum(['A3', 'A4'], { error: '纸张尺寸只能是 A3 或 A4。' })
      .default('A3')
      .meta({ description: 'A3（841.89×1190.55 pt）或 A4（595.28×841.89 pt）' }),
  ),
});
export type NewspaperQuery = z.output<typeof newspaperQuerySchema>;

/** `orientation` of the TV deck's slides, as the board slides take it. */
export const deckQuerySchema = strictQuery({
  orientation: z.preprocess(
    emptyToUndefined,
    z
      .enum(['landscape', 'portrait'], { error: '屏幕方向只能是 landscape 或 portrait。' })
      .default('landscape')
      .meta({ description: 'landscape（1920×1080）或 portrait（1080×1920）' }),
  ),
});
export type DeckQuery = z.output<typeof deckQuerySchema>;

const binary = (contentType: string, description: string) =>
  ({
    description,
    content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } },
  }) as const;

/**
 * `GET /api/v1/admin/media/newspaper.pdf?size=A3|A4` (court admins): the newspaper page of the
 * published list as a vector PDF, with the legal notice, the consumption-ban items and how to
 * report. Large lists are capped; the first page says how many of how many it prints.
 */
export const newspaperPdfRoute = {
  method: 'get',
  path: '/api/v1/admin/media/newspaper.pdf',
  tags: ['媒体素材'],
  summary: '报纸版面（PDF）',
  request: { query: newspaperQuerySchema },
  responses: {
    200: binary('application/pdf', '报纸版面 PDF（内嵌字体子集）'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

/**
 * `GET /api/v1/admin/media/deck.zip?orientation=` (court admins): the TV deck, the same files the
 * deck export (packages/graphics/src/cli/export-deck.ts) writes: board-001.png …, stats.png and
 * manifest.json, in one ZIP.
 */
export const deckZipRoute = {
  method: 'get',
  path: '/api/v1/admin/media/deck.zip',
  tags: ['媒体素材'],
  summary: '电视轮播素材（ZIP）',
  request: { query: deckQuerySchema },
  responses: {
    200: binary('application/zip', '轮播页 PNG、统计页与清单'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;
