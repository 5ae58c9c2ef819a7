// Ids for new treaty documents, made from a treaty's name.

/** `Convention on Harbor Safety` → `convention-on-harbor-safety`; a Japanese name is its own id. */
export function idForName(name: string): string {
  const normal = name.normalize('NFKC');
  if (/^[\x20-\x7e]+$/.test(normal)) {
    const slug = normal.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug.length > 0) return slug;
  }
  return normal.replace(/[\s「」『』"“”'’/\\:*?<>|#%]/g, '') || 'treaty';
}
