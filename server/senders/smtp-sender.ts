/**
 * E-mail codes over SMTP (RFC 5321), with STARTTLS or implicit TLS and AUTH PLAIN: enough for a
 * province's mail relay, without a dependency. `smtp://user:pass@host:587` (STARTTLS when offered)
 * or `smtps://user:pass@host:465`.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { codeText, type CodeMessage, type CodeSender } from './sender.js';

export interface SmtpOptions {
  url: string;
  from: string;
  /** Per-command time limit, ms. Default 10000. */
  timeoutMs?: number;
  /** The host name said in EHLO. Default `localhost`. */
  heloName?: string;
}

/** Reads SMTP replies (multi-line `250-…` up to `250 …`) from a socket. */
class ReplyReader {
  #buffer = '';
  #waiting: Array<(reply: { code: number; text: string }) => void> = [];
  #replies: Array<{ code: number; text: string }> = [];
  #lines: string[] = [];

  constructor(socket: Socket | TLSSocket) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let index;
      while ((index = this.#buffer.indexOf('\r\n')) >= 0) {
        const line = this.#buffer.slice(0, index);
        this.#buffer = this.#buffer.slice(index + 2);
        this.#lines.push(line);
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
          const reply = { code: Number(line.slice(0, 3)), text: this.#lines.join('\n') };
          this.#lines = [];
          const waiter = this.#waiting.shift();
          if (waiter) waiter(reply);
          else this.#replies.push(reply);
        }
      }
    });
  }

  next(timeoutMs: number): Promise<{ code: number; text: string }> {
    const ready = this.#replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('SMTP server did not answer in time')), timeoutMs);
      this.#waiting.push((reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }
}

/** Encodes a header value with non-ASCII characters (RFC 2047). */
const encodeHeader = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`);

export class SmtpSender implements CodeSender {
  readonly name = 'smtp';
  readonly #url: URL;

  constructor(private readonly options: SmtpOptions) {
    this.#url = new URL(options.url);
    if (this.#url.protocol !== 'smtp:' && this.#url.protocol !== 'smtps:') throw new Error('the SMTP URL must start with smtp:// or smtps://');
  }

  async send(message: CodeMessage): Promise<void> {
    if (message.channel !== 'email') throw new Error('the SMTP sender sends e-mail only');
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const url = this.#url;
    const implicitTls = url.protocol === 'smtps:';
    const port = Number(url.port || (implicitTls ? 465 : 587));
    let socket: Socket | TLSSocket = await new Promise((resolve, reject) => {
      const options = { host: url.hostname, port, servername: url.hostname };
      const opened: Socket | TLSSocket = implicitTls ? tlsConnect(options, () => resolve(opened)) : netConnect(options, () => resolve(opened));
      opened.once('error', reject);
      opened.setTimeout(timeoutMs, () => opened.destroy(new Error('SMTP connection timed out')));
    });
    let reader = new ReplyReader(socket);
    const expect = async (codes: number[]) => {
      const reply = await reader.next(timeoutMs);
      if (!codes.includes(reply.code)) throw new Error(`SMTP: unexpected reply ${reply.text}`);
      return reply;
    };
    const command = async (line: string, codes: number[]) => {
      socket.write(`${line}\r\n`);
      return expect(codes);
    };
    try {
      await expect([220]);
      const helo = this.options.heloName ?? 'localhost';
      let ehlo = await command(`EHLO ${helo}`, [250]);
      if (!implicitTls && /STARTTLS/i.test(ehlo.text)) {
        await command('STARTTLS', [220]);
        socket = await new Promise<TLSSocket>((resolve, reject) => {
          const secured = tlsConnect({ socket, servername: url.hostname }, () => resolve(secured));
          secured.once('error', reject);
        });
        reader = new ReplyReader(socket);
        ehlo = await command(`EHLO ${helo}`, [250]);
      }
      if (url.username) {
        const auth = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`).toString('base64');
        await command(`AUTH PLAIN ${auth}`, [235]);
      }
      await command(`MAIL FROM:<${this.options.from}>`, [250]);
      await command(`RCPT TO:<${message.target}>`, [250, 251]);
      await command('DATA', [354]);
      const body = [
        `From: ${encodeHeader('软考报名')} <${this.options.from}>`,
        `To: <${message.target}>`,
        `Subject: ${encodeHeader(`验证码 ${message.code}`)}`,
        `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(codeText(message)).toString('base64').replace(/.{76}/g, '$&\r\n'),
      ].join('\r\n');
      await command(`${body}\r\n.`, [250]);
      await command('QUIT', [221]).catch(() => undefined);
    } finally {
      socket.destroy();
    }
  }
}
