/**
 * Bad input gets the contract's error and changes nothing: malformed JSON, oversized bodies
 * (declared or streamed), oversized and wrong photos, wrong content types, CSRF without the
 * token or with another session's, a candidate's session on the office API, one candidate
 * reading another's data (orders, photos, applications). "Changes nothing" is read in the
 * database: the audit log (every change writes a row), the application and the photos.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { portraitJpeg, portraitPng } from '../../conformance/data/photos.js';
import { MAX_JSON_BODY_BYTES, MAX_PHOTO_BYTES, MAX_UPLOAD_BODY_BYTES } from '../../src/services/contract.js';
import type { Application, PaymentOrder } from '../../src/services/schemas.js';
import { type Api, type Candidate, databaseKind, freshDatabase, type FreshDatabase, newKey, rows, startTestServer } from './helpers.js';

let database: FreshDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: Api;

before(async () => {
  database = await freshDatabase();
  server = await startTestServer(database);
  api = server.api;
});
after(async () => {
  await server?.close();
  await database?.drop();
});

/** Audit rows so far: every state change writes one. */
const auditCount = async () => Number((await rows<{ n: number }>(server, 'SELECT count(*)::integer AS n FROM audit_log'))[0]!.n);
const applicationOf = async (candidate: Candidate) => (await api.ok<{ application: Application | null }>('GET', '/application', { as: candidate })).application;

/** Asserts the answer is the contract's error body with this code and status. */
function refused(answer: { status: number; body: unknown; headers: Headers }, status: number, code: string): void {
  assert.equal(answer.status, status, `status (body ${JSON.stringify(answer.body)})`);
  assert.equal((answer.body as { code?: string }).code, code);
  assert.equal(typeof (answer.body as { message?: string }).message, 'string');
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
}

describe(`bad input changes nothing (${databaseKind})`, () => {
  let candidate: Candidate;
  before(async () => {
    candidate = await api.readyToSubmit('cookie');
  });

  it('malformed JSON: 400 MALFORMED_REQUEST', async () => {
    const audits = await auditCount();
    const before = await applicationOf(candidate);
    for (const body of ['{"employer": "x"', 'null,', '{employer: 1}', "{'employer':'x'}", '', '\u0000']) {
      refused(await api.request('PUT', '/application/draft', { as: candidate, body, contentType: 'application/json' }), 400, 'MALFORMED_REQUEST');
    }
    const invalidUtf8 = await api.request('PUT', '/application/draft', { as: candidate, body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' });
    refused(invalidUtf8, 400, 'MALFORMED_REQUEST');
    assert.deepEqual(await applicationOf(candidate), before);
    assert.equal(await auditCount(), audits);
  });

  it('a body that breaks the schema: 422 VALIDATION with the field, nothing saved', async () => {
    const audits = await auditCount();
    const answer = await api.request('PUT', '/application/draft', { as: candidate, json: { employer: 'x'.repeat(3000) } });
    refused(answer, 422, 'VALIDATION');
    assert.ok((answer.body as { details: { fields: Record<string, string> } }).details.fields.employer);
    assert.equal(await auditCount(), audits);
  });

  it('an oversized JSON body: 413 PAYLOAD_TOO_LARGE, declared or streamed without a length', async () => {
    const audits = await auditCount();
    const big = JSON.stringify({ employer: 'x', address: 'y'.repeat(MAX_JSON_BODY_BYTES) });
    const declared = await api.request('PUT', '/application/draft', { as: candidate, body: big, contentType: 'application/json' });
    refused(declared, 413, 'PAYLOAD_TOO_LARGE');
    assert.equal((declared.body as { details: { maxBytes: number } }).details.maxBytes, MAX_JSON_BODY_BYTES);
    // Chunked, no Content-Length: the server stops reading past the limit.
    const encoder = new TextEncoder();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * MAX_JSON_BODY_BYTES) return controller.close();
        const chunk = encoder.encode(sent === 0 ? '{"address":"' : 'z'.repeat(16 * 1024));
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await api.request('PUT', '/application/draft', { as: candidate, body: stream, contentType: 'application/json', duplex: 'half' }).catch((error: Error) => error);
    if (streamed instanceof Error) throw streamed;
    refused(streamed, 413, 'PAYLOAD_TOO_LARGE');
    assert.equal(await auditCount(), audits);
  });

  it('wrong content types: 415 UNSUPPORTED_MEDIA_TYPE (JSON as text, a photo as JSON)', async () => {
    const audits = await auditCount();
    refused(await api.request('PUT', '/application/draft', { as: candidate, body: '{"employer":"x"}', contentType: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    refused(await api.request('PUT', '/application/draft', { as: candidate, body: 'employer=x', contentType: 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    refused(await api.request('POST', '/application/photo', { as: candidate, json: { photo: 'x' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(await auditCount(), audits);
  });

  it('photos: the server checks type, size and 295×413 again; an oversized upload is 413; nothing stored', async () => {
    const audits = await auditCount();
    const photos = Number((await rows<{ n: number }>(server, 'SELECT count(*)::integer AS n FROM photos'))[0]!.n);
    const before = (await applicationOf(candidate))!.photo;
    const reason = (answer: { body: unknown }) => (answer.body as { details: { reason: string } }).details.reason;
    const png = await api.uploadPhoto(candidate, portraitPng(), 'image/png');
    refused(png, 422, 'PHOTO_REJECTED');
    assert.equal(reason(png), 'type');
    // PNG bytes claiming to be a JPEG: not readable as one.
    const disguised = await api.uploadPhoto(candidate, portraitPng(), 'image/jpeg');
    refused(disguised, 422, 'PHOTO_REJECTED');
    assert.equal(reason(disguised), 'unreadable');
    const wrongSize = await api.uploadPhoto(candidate, portraitJpeg(300, 400));
    refused(wrongSize, 422, 'PHOTO_REJECTED');
    assert.equal(reason(wrongSize), 'dimensions');
    assert.deepEqual((wrongSize.body as unknown as { details: object }).details, { reason: 'dimensions', width: 300, height: 400 });
    refused(await api.uploadPhoto(candidate, new Uint8Array(0)), 422, 'PHOTO_REJECTED');
    // Larger than a photo may be, inside the upload limit: PHOTO_REJECTED size.
    const heavy = new Uint8Array(MAX_PHOTO_BYTES + 1000);
    heavy.set(portraitJpeg());
    const size = await api.uploadPhoto(candidate, heavy);
    refused(size, 422, 'PHOTO_REJECTED');
    assert.equal(reason(size), 'size');
    // Larger than the upload takes: 413 before anything is read into a photo.
    refused(await api.uploadPhoto(candidate, new Uint8Array(MAX_UPLOAD_BODY_BYTES + 10)), 413, 'PAYLOAD_TOO_LARGE');
    refused(await api.request('POST', '/application/photo', { as: candidate, body: 'not multipart', contentType: 'multipart/form-data; boundary=x' }), 400, 'MALFORMED_REQUEST');
    assert.deepEqual((await applicationOf(candidate))!.photo?.id, before?.id);
    assert.equal(Number((await rows<{ n: number }>(server, 'SELECT count(*)::integer AS n FROM photos'))[0]!.n), photos);
    assert.equal(await auditCount(), audits);
  });

  it('CSRF: a cookie session\'s POST and PUT without the token, or with another session\'s, are 403 CSRF_FAILED', async () => {
    const other = await api.register('cookie');
    const audits = await auditCount();
    const before = await applicationOf(candidate);
    refused(await api.request('PUT', '/application/draft', { as: candidate, json: { employer: '跨站请求' }, csrf: false }), 403, 'CSRF_FAILED');
    refused(await api.request('PUT', '/application/draft', { as: candidate, json: { employer: '跨站请求' }, csrf: other.csrfToken! }), 403, 'CSRF_FAILED');
    refused(await api.request('POST', '/application/submit', { as: candidate, json: api.inputOf(candidate), idempotencyKey: newKey(), csrf: false }), 403, 'CSRF_FAILED');
    refused(await api.request('POST', '/account/logout', { as: candidate, csrf: false }), 403, 'CSRF_FAILED');
    assert.deepEqual(await applicationOf(candidate), before);
    assert.equal(await auditCount(), audits);
    // With the token it works; the session is still there (logout without the token did not end it).
    assert.equal((await api.request('PUT', '/application/draft', { as: candidate, json: { employer: '本人修改' } })).status, 200);
  });

  it('a bearer token needs no CSRF token (a page of another site cannot send the header)', async () => {
    const bearer = await api.verified('bearer');
    assert.equal((await api.request('PUT', '/application/draft', { as: bearer, json: { employer: '单位' } })).status, 200);
  });

  it('a candidate\'s session never opens the office API: 403 FORBIDDEN, nothing changed', async () => {
    const mine = await applicationOf(candidate);
    const bearer = await api.register('bearer');
    const audits = await auditCount();
    for (const who of [candidate, bearer]) {
      refused(await api.request('GET', '/office/review-queue', { as: who }), 403, 'FORBIDDEN');
      refused(await api.request('POST', `/office/applications/${mine!.id}/review`, { as: who, json: { result: 'approved' } }), 403, 'FORBIDDEN');
      refused(await api.request('POST', '/office/tickets/publish', { as: who }), 403, 'FORBIDDEN');
      refused(await api.request('PUT', '/office/test/clock', { as: who, json: { now: '2030-01-01T00:00:00+08:00' } }), 403, 'FORBIDDEN');
      refused(await api.request('GET', '/office/review-queue', { as: who, office: 'wrong-key-0123456789' }), 403, 'FORBIDDEN');
    }
    assert.equal(await auditCount(), audits);
    assert.deepEqual(await applicationOf(candidate), mine);
  });

  it('the test API answers 404 where it is switched off (production)', async () => {
    const off = await startTestServer(database, { testApi: false }, { db: server.services.db });
    try {
      refused(await off.api.request('GET', '/office/test/captchas/x', { office: true }), 404, 'NOT_FOUND');
      refused(await off.api.request('PUT', '/office/test/clock', { office: true, json: { now: null } }), 404, 'NOT_FOUND');
      assert.equal((await off.api.request('GET', '/office/review-queue', { office: true })).status, 200);
    } finally {
      await off.close();
    }
  });
});

describe(`one candidate never reads another's data (${databaseKind})`, () => {
  let a: Candidate;
  let b: Candidate;
  let order: PaymentOrder;
  let photo: { id: string; url: string };
  before(async () => {
    ({ candidate: a } = await api.approved('cookie'));
    b = await api.verified('cookie');
    order = await api.ok<PaymentOrder>('POST', '/payment/orders', { as: a, json: { channel: 'alipay' }, idempotencyKey: newKey() });
    photo = (await applicationOf(a))!.photo!;
  });

  it('an order of someone else answers as no order: 404 NOT_FOUND', async () => {
    refused(await api.request('GET', `/payment/orders/${order.id}`, { as: b }), 404, 'NOT_FOUND');
    assert.equal((await api.request('GET', `/payment/orders/${order.id}`, { as: a })).status, 200);
    const current = await api.ok<{ order: PaymentOrder | null }>('GET', '/payment/current', { as: b });
    assert.equal(current.order, null);
    assert.equal((await applicationOf(b)), null);
  });

  it('a photo is served to its owner and the office only', async () => {
    const url = new URL(photo.url, `${api.base}/`);
    const get = (headers: Record<string, string> = {}, href = url.href) => fetch(href, { headers });
    // The owner's signed URL, as an <img> loads it (with the owner's cookie, or none in bearer mode).
    const owner = await get({ Cookie: `rk_session=${a.cookie}` });
    assert.equal(owner.status, 200);
    assert.equal(owner.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(new Uint8Array(await owner.arrayBuffer()).length > 1000, true);
    assert.equal((await get()).status, 200, 'the signed URL works without a cookie (bearer mode)');
    // Another candidate: not with the owner's URL, not by id, not with a forged signature.
    assert.equal((await get({ Cookie: `rk_session=${b.cookie}` })).status, 404);
    const bare = `${api.base}/photos/${photo.id}`;
    assert.equal((await get({ Cookie: `rk_session=${b.cookie}` }, bare)).status, 404);
    assert.equal((await get({}, bare)).status, 404);
    const forged = new URL(url);
    forged.searchParams.set('sig', `${forged.searchParams.get('sig')!.slice(0, -2)}AA`);
    assert.equal((await get({}, forged.href)).status, 404);
    const expired = new URL(url);
    expired.searchParams.set('exp', '1000000000');
    assert.equal((await get({}, expired.href)).status, 404);
    // The owner by session alone, and the office by its key.
    assert.equal((await get({ Cookie: `rk_session=${a.cookie}` }, bare)).status, 200);
    assert.equal((await get({ 'X-Office-Key': 'test-office-key-0123456789' }, bare)).status, 200);
  });

  it('idempotency keys are the candidate\'s own: B reusing A\'s key gets B\'s own answer', async () => {
    const key = newKey();
    const first = await api.request<PaymentOrder>('POST', '/payment/orders', { as: a, json: { channel: 'wechat' }, idempotencyKey: key });
    assert.equal(first.status, 200);
    const theirs = await api.request('POST', '/payment/orders', { as: b, json: { channel: 'wechat' }, idempotencyKey: key });
    assert.equal((theirs.body as { code: string }).code, 'INVALID_STATE', 'B has no approved application: not A\'s order replayed');
  });
});
