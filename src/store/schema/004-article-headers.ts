/**
 * Every start reads every article's header (id, title, date, outlet, link, topics, story). Columns added later
 * (cluster_id) sit after the large body and enrichment, so reading them walked every row's overflow pages; a covering
 * index serves the header query from the index alone.
 */
export const sql = `
  CREATE INDEX articles_headers ON articles(date_ms DESC, id, title, source, url, topics, cluster_id);
`;
