/** Numbers of the photo checks as the candidate reads them: sizes in KB/MB, shares in %. */
import type { PhotoCheck } from '../../services/photo/pipeline.js';

/** 12.3 KB, 2.4 MB (1 KB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** 0.934 → 93.4% (0.01 → 1%). */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent >= 10 || Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The checklist line of a check, with the measured value beside the limit. */
export function checkText(check: PhotoCheck, t: Translate): string {
  const v = check.values;
  const key = `photo.check.${check.id}.${check.status === 'fail' ? 'fail' : check.status}`;
  switch (check.id) {
    case 'bytes':
      return t(key, { size: formatBytes(v.bytes!), limit: formatBytes(v.limit!) });
    case 'colour':
    case 'background':
      return t(key, { share: formatShare(v.share!), limit: formatShare(v.limit!) });
    case 'enlargement':
      return t(key, { ...v, detail: v.detail!.toFixed(2), limit: v.limit!.toFixed(2) });
    default:
      return t(key, v);
  }
}
