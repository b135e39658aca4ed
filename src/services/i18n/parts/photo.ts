/**
 * Messages of the photo elements, zh-CN and en. Keys are prefixed by the element
 * (e.g. `photo.title`); zh-CN.ts and en.ts spread them into the catalogs.
 */
export const photoZhCN = {};

export const photoEn: Record<keyof typeof photoZhCN, string> = {};
