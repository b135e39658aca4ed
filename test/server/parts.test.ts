/**
 * The server's parts on their own: the configuration (a production server refuses the test API,
 * the demo, development staff, the log sender and the simulated gateway), the migrations, the
 * SMTP sender against a small SMTP server, photo URL signatures, scrypt, the captcha's drawing.
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { captchaSvg, randomCaptchaCode } from '../../server/captcha/draw.js';
import { spokenText } from '../../server/captcha/speaker.js';
import { loadConfig, parseConfig } from '../../server/config.js';
import { migrationFiles, splitStatements } from '../../server/db/migrate.js';
import { hashPassword, verifyPassword } from '../../server/passwords.js';
import { photoSignatureValid, photoUrl, photoUrlExpiry } from '../../server/photos/urls.js';
import { SmtpSender } from '../../server/senders/smtp-sender.js';

describe('configuration', () => {
  it('reads RK_* variables, DATABASE_URL and flags (flags win)', () => {
    const config = loadConfig({ RK_PORT: '5000', RK_AUTH_MODES: 'cookie', DATABASE_URL: 'postgres://db/x', RK_CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' }, ['--port', '6000', '--test-api', '--no-trust-proxy']);
    assert.equal(config.port, 6000);
    assert.equal(config.authModes, 'cookie');
    assert.equal(config.databaseUrl, 'postgres://db/x');
    assert.deepEqual(config.corsOrigins, ['https://a.gov.cn', 'https://b.gov.cn']);
    assert.equal(config.testApi, true);
    assert.equal(config.trustProxy, false);
  });

  it('names every problem, and refuses unknown options', () => {
    assert.throws(() => loadConfig({ RK_PORT: 'eighty', RK_AUTH_MODES: 'magic' }), /port[\s\S]*authModes/);
    assert.throws(() => loadConfig({}, ['--prot', '1']), /unknown option --prot/);
  });

  it('a production server refuses what only development may have', () => {
    assert.throws(() => parseConfig({ env: 'production', testApi: true, demo: true, devStaff: 'dev:0123456789abcdef0', responseDelayMs: 5 }), /testApi[\s\S]*demo[\s\S]*devStaff[\s\S]*sender=log[\s\S]*gateway=simulated[\s\S]*responseDelayMs/);
  });
});

describe('migrations', () => {
  it('are numbered files applied in order, split into statements, with no extension, trigger or procedure', () => {
    const files = migrationFiles();
    assert.deepEqual(files.map((file) => file.version), files.map((_, index) => index + 1));
    for (const file of files) {
      const statements = splitStatements(file.sql);
      // The first makes every table; each later one at least one statement.
      assert.ok(statements.length > (file.version === 1 ? 5 : 0), `${file.name}: ${statements.length} statements`);
      for (const statement of statements) assert.doesNotMatch(statement, /CREATE (EXTENSION|TRIGGER|FUNCTION|PROCEDURE)|LANGUAGE plpgsql/i);
    }
  });
});

describe('secrets', () => {
  it('scrypt: the right password fits, another does not; the cost is in the hash', async () => {
    const hash = await hashPassword('Kaoshi2026', 16384);
    assert.match(hash, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('Kaoshi2026', hash), true);
    assert.equal(await verifyPassword('Kaoshi2027', hash), false);
    assert.equal(await verifyPassword('Kaoshi2026', 'plain'), false);
    assert.notEqual(await hashPassword('Kaoshi2026', 16384), hash, 'salted');
  });

  it('photo URLs: stable for the day, valid 24 to 48 hours, bound to the photo and its owner', () => {
    const now = Date.parse('2027-03-15T10:00:00+08:00');
    assert.equal(photoUrlExpiry(now), Date.parse('2027-03-17T00:00:00+08:00') / 1000);
    assert.equal(photoUrl('s', 'p1', 'u1', now), photoUrl('s', 'p1', 'u1', now + 3600_000));
    const url = new URL(photoUrl('s', 'p1', 'u1', now), 'https://x/api/');
    const [exp, sig] = [url.searchParams.get('exp')!, url.searchParams.get('sig')!];
    assert.equal(photoSignatureValid('s', 'p1', 'u1', exp, sig, now), true);
    assert.equal(photoSignatureValid('s', 'p1', 'u2', exp, sig, now), false, 'another owner');
    assert.equal(photoSignatureValid('s', 'p2', 'u1', exp, sig, now), false, 'another photo');
    assert.equal(photoSignatureValid('t', 'p1', 'u1', exp, sig, now), false, 'another secret');
    assert.equal(photoSignatureValid('s', 'p1', 'u1', exp, sig, Number(exp) * 1000 + 1), false, 'expired');
    assert.equal(photoSignatureValid('s', 'p1', 'u1', String(Number(exp) + 86400), sig, now), false, 'a later expiry is not signed');
  });
});

describe('captcha', () => {
  it('digits 2–9 drawn differently every time, spoken in Mandarin', () => {
    const code = randomCaptchaCode();
    assert.match(code, /^[2-9]{5}$/);
    assert.notEqual(captchaSvg('23456'), captchaSvg('23456'), 'jittered');
    assert.equal(spokenText('2379'), '验证码：二，三，七，九。再听一遍：二，三，七，九。');
  });
});

describe('SMTP sender', () => {
  it('sends the code by e-mail: EHLO, AUTH PLAIN, MAIL, RCPT, DATA', async () => {
    const received: string[] = [];
    let message = '';
    const server = createServer((socket: Socket) => {
      let inData = false;
      socket.write('220 mail.example.gov.cn ESMTP\r\n');
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk.toString();
        let index;
        while ((index = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              socket.write('250 queued\r\n');
            } else message += `${line}\n`;
            continue;
          }
          received.push(line);
          if (line.startsWith('EHLO')) socket.write('250-mail.example.gov.cn\r\n250 AUTH PLAIN\r\n');
          else if (line.startsWith('AUTH PLAIN')) socket.write('235 ok\r\n');
          else if (line.startsWith('MAIL') || line.startsWith('RCPT')) socket.write('250 ok\r\n');
          else if (line === 'DATA') {
            inData = true;
            socket.write('354 go\r\n');
          } else if (line === 'QUIT') socket.end('221 bye\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const sender = new SmtpSender({ url: `smtp://mailer:pa%24%24@127.0.0.1:${port}`, from: 'noreply@exam.example.gov.cn' });
      await sender.send({ channel: 'email', target: 'zhangsan@example.com', code: '482915', purpose: 'register', validMinutes: 10 });
      assert.equal(received[0], 'EHLO localhost');
      assert.equal(received[1], `AUTH PLAIN ${Buffer.from('\0mailer\0pa$$').toString('base64')}`);
      assert.deepEqual(received.slice(2, 5), ['MAIL FROM:<noreply@exam.example.gov.cn>', 'RCPT TO:<zhangsan@example.com>', 'DATA']);
      assert.match(message, /^Subject: =\?UTF-8\?B\?/m);
      const body = Buffer.from(message.split('\n\n')[1]!.replace(/\s/g, ''), 'base64').toString();
      assert.match(body, /验证码 482915，10分钟内有效/);
      await assert.rejects(sender.send({ channel: 'sms', target: '13800138000', code: '1', purpose: 'register', validMinutes: 10 }), /e-mail only/);
    } finally {
      server.close();
    }
  });
});
