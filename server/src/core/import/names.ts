// Ids for new treaty documents, made from a treaty's name.

/**
 * `Convention on Harbor Safety` → `convention-on-harbor-safety`; a Japanese name is its own id.
 * Half a surrogate pair (PDF-extracted text has them) is dropped: the id names a file, and its URI must encode.
 */
export function idForName(name: string): string {
  const normal = name.normalize('NFKC').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  if (/^[\x20-\x7e]+$/.test(normal)) {
    const slug = normal.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug.length > 0) return slug;
  }
  return normal.replace(/[\s「」『』"“”'’/\\:*?<>|#%]/g, '') || 'treaty';
}
