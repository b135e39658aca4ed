/**
 * Keeps the checked photo (about 10 KB) in sessionStorage, so a reload in the same tab does not
 * lose it: the candidate finds the photo they prepared (and whether it was uploaded).
 */
import type { Photo } from '../../services/schemas.js';

export interface PhotoDraft {
  /** The checked JPEG, base64. */
  data: string;
  width: number;
  height: number;
  bytes: number;
  source: { width: number; height: number; bytes: number };
  /** Accepted by the candidate (and uploaded when `photo` is set). */
  accepted: boolean;
  photo?: Photo;
}

const PREFIX = 'rk-photo-checker:';

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToFile(data: string, name = 'photo.jpg'): File {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type: 'image/jpeg' });
}

export function saveDraft(key: string, draft: PhotoDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // storage full or unavailable: the photo only lives as long as the page
  }
}

export function loadDraft(key: string): PhotoDraft | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    if (!text) return null;
    const draft = JSON.parse(text) as PhotoDraft;
    return typeof draft.data === 'string' && typeof draft.width === 'number' ? draft : null;
  } catch {
    return null;
  }
}
