/**
 * A hostile backend never crashes the conformance kit: HTML error pages, non-JSON bodies, a
 * request that hangs, a 50 MB body, a connection reset, wrong shapes, a redirect, a port nobody
 * listens on. The kit finishes, reports each at its operation, skips what depended on them and
 * fails (exit 1), without throwing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { main, runConformance, type ConformanceReport, type Mismatch } from '../../conformance/index.js';

/** A backend that answers each path of the contract in its own wrong way. */
function hostileBackend(): Server {
  return createServer((request, response) => {
    response.on('error', () => undefined);
    const path = new URL(request.url ?? '/', 'http://backend').pathname.replace(/^\/api/, '');
    switch (path) {
      case '/exam-session': // a proxy's error page
        response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
        return;
      case '/captcha': // never answers
        return;
      case '/account/session': { // a 50 MB body
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const write = () => {
          while (sent < 50 && !response.destroyed) {
            sent += 1;
            if (!response.write(chunk)) return void response.once('drain', write);
          }
          response.end();
        };
        write();
        return;
      }
      case '/account/logout': // the connection reset
        request.socket.destroy();
        return;
      case '/application': // a wrong shape
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"applications":[{"id":1}]}');
        return;
      case '/certificates': // a redirect to a login page
        response.writeHead(302, { Location: 'https://sso.example.invalid/login' }).end();
        return;
      case '/account/login': // JSON, but not even an object
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('[1,2,3]');
        return;
      case '/office/review-queue': // truncated JSON
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"applications": [');
        return;
      default: // a plain-text 200 to everything else
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
    }
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api`)));
}

const find = (report: ConformanceReport, operation: string, where: string, message: RegExp): Mismatch | undefined =>
  report.mismatches.find((mismatch) => mismatch.operation === operation && mismatch.where === where && message.test(mismatch.message));

describe('the conformance kit against a hostile backend', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  before(async () => {
    server = hostileBackend();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    url = await listen(server);
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });

  it('finishes, reports each wrong answer at its operation, and fails', async () => {
    const started = Date.now();
    const report = await runConformance({ baseUrl: url, timeoutMs: 500 });
    assert.equal(report.passed, false);
    const expected: Array<[string, string, RegExp, number | null]> = [
      ['getExamSession', 'body', /is not JSON: "<html><body><h1>502 Bad Gateway/, 502],
      ['getExamSession', 'header Content-Type', /"text\/html"/, 502],
      ['getExamSession', 'status', /502 is not a status the document gives getExamSession/, 502],
      ['getCaptcha', 'transport', /no answer within 500 ms/, null],
      ['getSession', 'transport', /body larger than 2 MB/, 200],
      ['logout', 'transport', /connection closed or reset/, null],
      ['getApplication', 'body/application', /is required but missing/, 200],
      ['getCertificates', 'status', /a redirect \(302 to https:\/\/sso\.example\.invalid\/login\)/, 302],
      ['login', 'body', /must be object/, 200],
      ['getReviewQueue', 'body', /is not JSON: "\{\\"applications\\": \["/, 200],
      ['verifyRealName', 'body', /is not JSON: "OK"/, 200],
    ];
    for (const [operation, where, message, status] of expected) {
      const mismatch = find(report, operation, where, message);
      assert.ok(mismatch, `${operation} ${where} ${message}: ${JSON.stringify(report.mismatches.filter((entry) => entry.operation === operation))}`);
      assert.equal(mismatch.status, status, `${operation} ${where}`);
    }
    // What needed the round or a session is skipped because of the failures, never run on garbage.
    assert.ok(report.skipped.length > 10 && report.skipped.every((entry) => entry.cause === 'failure'));
    assert.deepEqual(report.notes.filter((note) => /could not use/.test(note)), [], 'no step stopped on an answer it could not use');
    assert.ok(Date.now() - started < 60_000);
  });

  it('the CLI exits 1 (not 2, not a crash) against it and against a port nobody listens on', async () => {
    let out = '';
    const code = await main(['--base-url', url, '--timeout', '500', '--quiet'], (text) => (out += text));
    assert.equal(code, 1);
    assert.match(out, /FAILED: \d+ mismatch/);

    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const report = await runConformance({ baseUrl: closedUrl, timeoutMs: 2000 });
    assert.equal(report.passed, false);
    const refused = report.mismatches.filter((mismatch) => mismatch.where === 'transport');
    assert.ok(refused.length > 0 && refused.every((mismatch) => mismatch.message === 'connection refused' && mismatch.status === null));
    assert.ok(refused.some((mismatch) => mismatch.operation === 'getExamSession'));
  });
});
