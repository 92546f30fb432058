/** The last part of a path, for either separator (host paths may be Windows paths). */
export function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
