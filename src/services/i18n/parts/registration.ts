/**
 * Messages of the registration elements, zh-CN and en. Keys are prefixed by the element
 * (e.g. `registration.title`); zh-CN.ts and en.ts spread them into the catalogs.
 */
export const registrationZhCN = {};

export const registrationEn: Record<keyof typeof registrationZhCN, string> = {};
