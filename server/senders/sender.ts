/**
 * Verification code senders: SMS or e-mail. The server hashes the code it keeps; a sender gets it
 * once, to deliver. Development writes to the log; SMTP delivers e-mail. An SMS sender is the
 * province's contract with a carrier or platform (阿里云短信, 腾讯云短信, a 政务短信平台): implement
 * `CodeSender` for it.
 */

/** One code to deliver. */
export interface CodeMessage {
  channel: 'sms' | 'email';
  /** The phone number or e-mail address. */
  target: string;
  code: string;
  purpose: 'register' | 'reset-password';
  /** Minutes the code works. */
  validMinutes: number;
}

/** Delivers verification codes. Throws when it cannot (the server answers 503 and forgets the code). */
export interface CodeSender {
  readonly name: string;
  send(message: CodeMessage): Promise<void>;
}

/** The text of a code message (SMS and e-mail alike). */
export function codeText(message: CodeMessage): string {
  const what = message.purpose === 'register' ? '注册账号' : '找回密码';
  return `【软考报名】您正在${what}，验证码 ${message.code}，${message.validMinutes}分钟内有效。请勿将验证码告诉他人。`;
}

/** Sends SMS through one sender and e-mail through another. */
export class ChannelSender implements CodeSender {
  readonly name: string;
  constructor(
    private readonly sms: CodeSender | null,
    private readonly email: CodeSender | null,
  ) {
    this.name = `sms:${sms?.name ?? 'none'},email:${email?.name ?? 'none'}`;
  }

  async send(message: CodeMessage): Promise<void> {
    const sender = message.channel === 'sms' ? this.sms : this.email;
    if (!sender) throw new Error(`no ${message.channel} sender is configured`);
    await sender.send(message);
  }
}
