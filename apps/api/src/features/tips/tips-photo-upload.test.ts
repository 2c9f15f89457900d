import { readdirSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tipAttachments, tipPhotoUploads, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { purgeOrphanPhotos } from './orphan-photos.ts';
import { PHOTO_UPLOAD_TTL_MS, photoIdHash } from './photo-uploads.ts';
import { publishedListing, submit, tipBody } from './tips-testing.ts';

type Envelope = { error: { code: string; field?: string; message: string } };

/** A JPEG carrying GPS and owner EXIF, as a phone camera writes it. */
async function phoneJpeg(color = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg()
    .withExifMerge({
      IFD0: { Artist: 'OwnerZhangSan' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 1/1 0/1' },
    })
    .toBuffer();
}

function onePhoto(bytes: Uint8Array, name = 'IMG_1.jpg', type = 'image/jpeg', field = 'photo') {
  const fd = new FormData();
  fd.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return { method: 'POST', body: fd };
}

describe.each(backends())('tip photos uploaded one by one (mini-program) on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  const uploadsDir = () => join(resolve(t.rt.deps.env.DATA_DIR), 'uploads', 'tips');
  const filesOnDisk = () => {
    try {
      return readdirSync(uploadsDir());
    } catch {
      return [];
    }
  };
  const upload = async (init: RequestInit, headers: Record<string, string> = {}) => {
    const res = await t.request('/api/v1/tips/photos', { ...init, headers });
    return { res, body: (await res.json()) as Envelope & { photoId: string; expiresAt: string } };
  };
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  it('stages two photos without metadata; the tip that names them carries both to the unit', async () => {
    const a = await upload(onePhoto(await phoneJpeg()));
    const b = await upload(onePhoto(await phoneJpeg('#cc3333'), 'IMG_2.png'));
    expect(a.res.status).toBe(201);
    expect(b.res.status).toBe(201);
    expect(a.body.photoId).toMatch(/^up_[A-Za-z0-9_-]{22}$/);
    expect(a.res.headers.get('cache-control')).toBe('no-store');
    // the id is a secret of the uploader: only its hash is stored
    const staged = await t.rt.deps.db.select().from(tipPhotoUploads);
    expect(staged).toHaveLength(2);
    expect(JSON.stringify(staged)).not.toContain(a.body.photoId);

    const sent = await submit(t, tipBody(listingId, { photoIds: [a.body.photoId, b.body.photoId] }), {
      'Idempotency-Key': 'mp-photos-1',
    });
    expect(sent.res.status).toBe(201);
    const [tip] = await t.rt.deps.db.select().from(tips);
    expect(tip!.photoCount).toBe(2);
    expect(await t.rt.deps.db.select().from(tipPhotoUploads)).toEqual([]); // consumed
    const detail = (await (await t.request(`/api/v1/admin/tips/${tip!.id}`, { token: 'unitA' })).json()) as {
      attachments: { url: string; width: number }[];
    };
    expect(detail.attachments).toHaveLength(2);
    const image = await t.request(detail.attachments[0]!.url, { token: 'unitA' });
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');

    // a flaky network resends the same tip: the same receipt, still one tip
    const again = await submit(t, tipBody(listingId, { photoIds: [a.body.photoId, b.body.photoId] }), {
      'Idempotency-Key': 'mp-photos-1',
    });
    expect(again.res.status).toBe(201);
    expect(again.body.receipt).toBe(sent.body.receipt);
    expect(await t.rt.deps.db.$count(tips)).toBe(1);

    // another tip cannot take photos already used
    const thief = await submit(t, tipBody(listingId, { photoIds: [b.body.photoId] }));
    expect(thief.res.status).toBe(400);
    expect(thief.body.error?.field).toBe('photoIds.0');
    expect(await t.rt.deps.db.$count(tips)).toBe(1);
  });

  it('refuses an unknown, malformed, repeated or expired photo id, and more than six photos, storing no tip', async () => {
    const real = await upload(onePhoto(await phoneJpeg()));
    const unknown = await submit(
      t,
      tipBody(listingId, { photoIds: [real.body.photoId, 'up_AAAAAAAAAAAAAAAAAAAAAA'] }),
    );
    expect(unknown.res.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photoIds.1' });
    expect(unknown.body.error!.message).toContain('第 2 张照片已过期或不存在');

    const malformed = await submit(t, tipBody(listingId, { photoIds: ['../../etc/passwd'] }));
    expect(malformed.res.status).toBe(400);
    expect(malformed.body.error?.field).toBe('photoIds.0');

    const twice = await submit(t, tipBody(listingId, { photoIds: [real.body.photoId, real.body.photoId] }));
    expect(twice.res.status).toBe(400);
    expect(twice.body.error?.message).toBe('同一张照片只能引用一次。');

    const seven = Array.from({ length: 7 }, (_, i) => `up_${String(i).repeat(22)}`);
    const tooMany = await submit(t, tipBody(listingId, { photoIds: seven }));
    expect(tooMany.res.status).toBe(400);
    expect(tooMany.body.error?.message).toBe('最多上传 6 张照片。');

    const realNow = t.rt.deps.now;
    t.rt.deps.now = () => new Date(realNow().getTime() + PHOTO_UPLOAD_TTL_MS + 1000);
    const late = await submit(t, tipBody(listingId, { photoIds: [real.body.photoId] }));
    t.rt.deps.now = realNow;
    expect(late.res.status).toBe(400);
    expect(late.body.error?.field).toBe('photoIds.0');
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
    // a refusal keeps the staged photo for a retry within its time
    expect(await t.rt.deps.db.$count(tipPhotoUploads)).toBe(1);
  });

  it('refuses multipart photos plus uploaded ids beyond six in all', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(onePhoto(await phoneJpeg()))).body.photoId);
    const fd = new FormData();
    for (const [k, v] of Object.entries(tipBody(listingId))) fd.append(k, String(v));
    fd.append('photoIds', ids.join(','));
    fd.append('photos', new Blob([new Uint8Array(await phoneJpeg())], { type: 'image/jpeg' }), 'x.jpg');
    const res = await t.request('/api/v1/tips', { method: 'POST', body: fd });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Envelope).error).toMatchObject({
      field: 'photoIds',
      message: '最多上传 6 张照片。',
    });
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
  });

  it('refuses bad uploads by their bytes and leaves nothing on disk or in the database', async () => {
    const cases: [RequestInit, number, string | undefined, RegExp][] = [
      [onePhoto(new TextEncoder().encode('not an image at all'), 'x.jpg'), 415, 'photo', /只接受 JPEG/],
      [onePhoto(new Uint8Array(0), 'empty.jpg'), 400, 'photo', /文件为空/],
      [onePhoto((await phoneJpeg()).subarray(0, 200), 'cut.jpg'), 400, 'photo', /已损坏/],
      [onePhoto(await phoneJpeg(), 'a.jpg', 'image/jpeg', 'photos'), 400, 'photo', /字段 photo/],
      [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ photo: 'x' }),
        },
        415,
        undefined,
        /格式提交/,
      ],
    ];
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(64),
    ]);
    cases.push([onePhoto(heic, 'IMG.HEIC', 'image/heic'), 415, 'photo', /HEIC/]);
    for (const [init, status, field, message] of cases) {
      const res = await t.request('/api/v1/tips/photos', init);
      const body = (await res.json()) as Envelope;
      expect(res.status, message.source).toBe(status);
      expect(body.error.field, message.source).toBe(field);
      expect(body.error.message, message.source).toMatch(message);
    }
    expect(filesOnDisk()).toEqual([]);
    expect(await t.rt.deps.db.$count(tipPhotoUploads)).toBe(0);
  });

  it('takes a phone-sized photo of several MB, on its own and in a multipart tip', async () => {
    const big = await sharp({
      create: {
        width: 2400,
        height: 1800,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect((await upload(onePhoto(big))).res.status).toBe(201);
    const fd = new FormData();
    for (const [k, v] of Object.entries(tipBody(listingId))) fd.append(k, String(v));
    fd.append('photos', new Blob([new Uint8Array(big)], { type: 'image/jpeg' }), 'big.jpg');
    expect((await t.request('/api/v1/tips', { method: 'POST', body: fd })).status).toBe(201);
  });

  it('refuses a photo over 10 MB while it streams in (413)', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 100 * 1024);
    big.set(await phoneJpeg());
    const res = await t.request('/api/v1/tips/photos', onePhoto(big));
    expect(res.status).toBe(413);
    expect(((await res.json()) as Envelope).error.message).toContain('10 MB');
    expect(filesOnDisk()).toEqual([]);
  });

  it('answers 503 on a full disk and keeps no staged photo', async () => {
    const real = t.rt.deps.tips.files;
    t.rt.deps.tips.files = {
      ...real,
      put: async () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    };
    const res = await upload(onePhoto(await phoneJpeg()));
    t.rt.deps.tips.files = real;
    expect(res.res.status).toBe(503);
    expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(await t.rt.deps.db.$count(tipPhotoUploads)).toBe(0);
  });

  it('purges photos no tip named once they expired, keeps waiting ones and used ones', async () => {
    const used = await upload(onePhoto(await phoneJpeg()));
    const waiting = await upload(onePhoto(await phoneJpeg()));
    const abandoned = await upload(onePhoto(await phoneJpeg()));
    expect((await submit(t, tipBody(listingId, { photoIds: [used.body.photoId] }))).res.status).toBe(201);
    const files = filesOnDisk();
    expect(files).toHaveLength(3);
    // every file is two days old on disk; only the abandoned upload has also expired
    const old = new Date(Date.now() - 2 * 86_400_000);
    for (const f of files) utimesSync(join(uploadsDir(), f), old, old);
    await t.rt.deps.db
      .update(tipPhotoUploads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tipPhotoUploads.idHash, photoIdHash(abandoned.body.photoId)));
    expect(await purgeOrphanPhotos(t.rt.deps.db, t.rt.deps.tips.files, Date.now())).toBe(1);
    expect(filesOnDisk()).toHaveLength(2);
    expect(await t.rt.deps.db.$count(tipPhotoUploads)).toBe(1);
    const [attachment] = await t.rt.deps.db.select().from(tipAttachments);
    expect(filesOnDisk()).toContain(attachment!.path);
    const late = await submit(t, tipBody(listingId, { photoIds: [abandoned.body.photoId] }));
    expect(late.res.status).toBe(400);
    expect((await submit(t, tipBody(listingId, { photoIds: [waiting.body.photoId] }))).res.status).toBe(201);
  });
});

describe.each(backends())('photo upload throttling on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend, { RATE_LIMIT_PER_MIN: '1000', TIP_LIMIT_PER_HOUR: '1' });
  });
  afterEach(() => t?.close());

  it('takes six photos per tip of the hourly budget, then 429 with Retry-After', async () => {
    const me = { 'x-test-client': '203.0.113.7' };
    const jpeg = await phoneJpeg();
    for (let i = 0; i < 6; i++)
      expect((await t.request('/api/v1/tips/photos', { ...onePhoto(jpeg), headers: me })).status).toBe(201);
    const over = await t.request('/api/v1/tips/photos', { ...onePhoto(jpeg), headers: me });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});
