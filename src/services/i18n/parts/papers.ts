/**
 * Messages of rk-status-timeline and rk-ticket-printer, zh-CN and en (keys `timeline.*`,
 * `printer.*`); zh-CN.ts and en.ts spread them into the catalogs.
 */
export const papersZhCN = {};

export const papersEn: Record<keyof typeof papersZhCN, string> = {};
