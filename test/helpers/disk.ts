/**
 * Files on disk for the tests that need the browser's own file dialog: a File chosen through it is
 * backed by the disk (the browser notices when the file changes afterwards), which a File made in
 * the page never is. Paths are relative to the test file (the runner's file commands).
 */
import { fixture, html } from './testing.js';
import { executeServerCommand, writeFile } from '@web/test-runner-commands';

/** Writes a blob to `path` (the page cannot write to disk itself). */
export async function writeToDisk(path: string, blob: Blob): Promise<void> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await writeFile({ path, content: btoa(binary), encoding: 'base64' });
}

/** The file at `path` as the browser's file dialog gives it. */
export async function chooseFromDisk(path: string): Promise<File> {
  const picker = await fixture<HTMLInputElement>(html`<input id="disk-picker" type="file" />`);
  await executeServerCommand('choose-file', { path, input: '#disk-picker' });
  const file = picker.files![0]!;
  picker.remove();
  return file;
}

/** Presses `key` on the focused control, which opens a file dialog, and picks `path` in it. */
export async function pressAndChoose(path: string, key = 'Enter'): Promise<void> {
  await executeServerCommand('press-and-choose-file', { path, key });
}
