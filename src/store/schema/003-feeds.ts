/** Feeds and their fetch state, story clusters (issue: a living corpus). Empty until that lands. */
export const sql = ``;
