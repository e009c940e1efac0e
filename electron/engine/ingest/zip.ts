import { unzipSync } from 'fflate';

/** A reason a zip-based file (DOCX, EPUB) could not be opened, in words for the ingest report. */
export class ZipError extends Error {}

/**
 * Unpacks the members of a zip that `wanted` picks, refusing before any
 * inflating when they would unpack to more than `maxBytes` (a zip bomb, or a
 * book too large to read). Throws ZipError when the zip is damaged.
 */
export function unzipMembers(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes: number,
  what: string,
): Map<string, Uint8Array> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > maxBytes) {
          throw new ZipError(
            `over the limit: its text unpacks to more than ${Math.round(maxBytes / 1048576)} MB`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`not a valid ${what} (corrupt zip)`);
  }
  return new Map(Object.entries(files));
}

/** The text of a zip member, read as UTF-8 (what XML in DOCX and EPUB declares nearly always). */
export function memberText(bytes: Uint8Array | undefined): string | null {
  return bytes ? new TextDecoder('utf-8').decode(bytes) : null;
}

/** The decoded character content of the first `<tag>` in an XML text (namespace prefix included). */
export function xmlElementText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(xml);
  if (!match) return null;
  const text = decodeXmlEntities(match[1]!.replace(/<[^>]*>/g, '')).trim();
  return text || null;
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}
