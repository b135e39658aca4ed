/**
 * The captcha's spoken alternative (适老化): the digits read out in Mandarin, twice, by a speech
 * synthesizer on the server (espeak-ng, a Debian package), as a small WAV (11 kHz, 8-bit mono).
 * Without a synthesizer the captcha has no `audio` and the login form shows no button.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface CaptchaSpeaker {
  readonly name: string;
  /** A WAV file speaking the code. */
  speak(code: string): Promise<Uint8Array>;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The sentence spoken for a code: 验证码：三，七，…。再听一遍：… */
export function spokenText(code: string): string {
  const digits = Array.from(code, (char) => DIGITS[Number(char)] ?? char).join('，');
  return `验证码：${digits}。再听一遍：${digits}。`;
}

/** espeak-ng at `command`, or null when it is not installed. */
export function findEspeak(command = '/usr/bin/espeak-ng'): CaptchaSpeaker | null {
  return existsSync(command) ? new EspeakSpeaker(command) : null;
}

export class EspeakSpeaker implements CaptchaSpeaker {
  readonly name = 'espeak-ng';
  constructor(private readonly command: string) {}

  speak(code: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, ['-v', 'cmn', '-s', '110', '-g', '6', '--stdout', spokenText(code)], { stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        if (status !== 0) return reject(new Error(`espeak-ng exited with ${status}`));
        try {
          resolve(compactWav(Buffer.concat(chunks)));
        } catch (error) {
          reject(error);
        }
      });
    });
  }
}

/**
 * espeak-ng's 16-bit mono WAV (its header's sizes left open when written to a pipe) as 8-bit
 * mono at half the rate: about a quarter of the bytes, still clear speech.
 */
export function compactWav(wav: Buffer): Uint8Array {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let rate = 22050;
  let bits = 16;
  let channels = 1;
  let data: Buffer | null = null;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      channels = wav.readUInt16LE(offset + 10);
      rate = wav.readUInt32LE(offset + 12);
      bits = wav.readUInt16LE(offset + 22);
    } else if (id === 'data') {
      data = wav.subarray(offset + 8, Math.min(wav.length, offset + 8 + size));
      break;
    }
    offset += 8 + size + (size % 2);
  }
  if (!data || bits !== 16 || channels !== 1) throw new Error('expected 16-bit mono PCM');
  const samples = Math.floor(data.length / 2);
  const out = Buffer.alloc(Math.floor(samples / 2));
  for (let i = 0; i < out.length; i++) {
    // Average two samples (a simple low-pass before halving the rate), then 16 → 8 bits (unsigned).
    const mean = (data.readInt16LE(4 * i) + (2 * (2 * i + 1) + 1 < data.length ? data.readInt16LE(4 * i + 2) : 0)) / 2;
    out[i] = Math.max(0, Math.min(255, Math.round(mean / 256) + 128));
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + out.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(Math.floor(rate / 2), 24);
  header.writeUInt32LE(Math.floor(rate / 2), 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(out.length, 40);
  return new Uint8Array(Buffer.concat([header, out]));
}
