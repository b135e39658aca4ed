/**
 * Messages of the payment elements, zh-CN and en. Keys are prefixed by the element
 * (e.g. `payment.title`); zh-CN.ts and en.ts spread them into the catalogs.
 */
export const paymentZhCN = {};

export const paymentEn: Record<keyof typeof paymentZhCN, string> = {};
