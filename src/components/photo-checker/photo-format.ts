/** Numbers of the photo checks as the candidate reads them: sizes in KB/MB, shares in %. */
import type { PhotoCheck } from '../../services/photo/pipeline.js';

/** 12.3 KB, 2.4 MB (1 KB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** 0.934 → 93%, 0.0934 → 9.3%, 0.01 → 1%, 0.0004 → 0.04% (small shares keep two significant digits' worth). */
export function formatShare(share: number): string {
  const percent = share * 100;
  const digits = percent >= 10 || Number.isInteger(percent) ? 0 : percent >= 1 ? 1 : percent >= 0.1 ? 2 : 3;
  return `${Number(percent.toFixed(digits))}%`;
}

/** 3 → "3", 2.5 → "2.5", 16.04 → "16". */
function formatPeriod(period: number): string {
  return period >= 10 ? period.toFixed(0) : String(Number(period.toFixed(1)));
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
      return t(key, { share: formatShare(v.share!), limit: formatShare(v.limit!) });
    case 'background':
      return t(key, { share: formatShare(v.share!), limit: formatShare(v.limit!), level: formatShare(v.level! / 255) });
    case 'enlargement':
      // A large photo is judged by its detail, not by traces (see checkPhoto): said as such.
      if (!v.traced && check.status !== 'pass') return t(check.status === 'fail' ? `${key}.detail` : 'photo.check.sharpness.warn', v);
      // The small photo's blocks: their repeat's strength is a ratio (about 1 for none), not a share.
      if (v.blocks) return t(`${key}.blocks`, { period: formatPeriod(v.period!), strength: v.strength!.toFixed(1), limit: String(v.limit) });
      if (v.echo) return t(`${key}.echo`, { period: formatPeriod(v.period!), strength: v.strength!.toFixed(1), limit: String(v.limit) });
      return t(key, { period: formatPeriod(v.period!), strength: formatShare(v.strength!), limit: formatShare(v.limit!) });
    case 'sharpness':
      return t(key, { ...v, blur: Number.isFinite(v.blur!) ? v.blur!.toFixed(1) : '∞' });
    default:
      return t(key, v);
  }
}
