import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Notices and guides, written as Markdown in the repository's top-level `content/notices/`. */
const notices = defineCollection({
  loader: glob({ pattern: '**/*.md', base: '../../content/notices' }),
  schema: z.object({
    title: z.string().min(4),
    /** publication date; YAML reads `2017-07-18` as a Date (UTC midnight), kept here as `YYYY-MM-DD` */
    date: z
      .union([z.string(), z.date()])
      .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10)))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')),
    kind: z.enum(['公告', '政策解读', '办事指南']),
    summary: z.string().min(10).max(200),
    /** lower numbers first among guides; notices sort by date */
    order: z.number().int().optional(),
  }),
});

export const collections = { notices };
