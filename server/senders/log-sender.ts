/** Development: a code is written to the server's log (never in production: the config refuses it). */
import type { Logger } from 'pino';
import { codeText, type CodeMessage, type CodeSender } from './sender.js';

export class LogSender implements CodeSender {
  readonly name = 'log';
  constructor(private readonly logger: Logger) {}

  async send(message: CodeMessage): Promise<void> {
    this.logger.info({ channel: message.channel, target: message.target, code: message.code, purpose: message.purpose }, `code sent (development log sender): ${codeText(message)}`);
  }
}
