/** Digest subscriptions and deliveries (issue: daily digests). Empty until that lands. */
export const sql = ``;
