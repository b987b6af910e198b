// IP address literals as bytes: parse and format IPv4 and IPv6 (zones, "::", embedded IPv4), unwrap
// IPv4-mapped addresses, split "address:port". Pure TypeScript, shared by the engine and the UI.

export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
  /** The "%eth0" part of a link-local IPv6 address, without the "%". */
  zone?: string;
}

const DECIMAL_OCTET = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted quad only: leading zeros are refused, since some parsers read "010" as octal 8. */
export function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] ?? '';
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out[i] = n;
  }
  return out;
}

function parseGroups(text: string, allowTrailingIPv4: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (allowTrailingIPv4 && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (!v4) return undefined;
      groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else if (HEX_GROUP.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** IPv6 text (RFC 4291 section 2.2 forms), with an optional "%zone". */
export function parseIPv6(text: string): { bytes: Uint8Array; zone?: string } | undefined {
  const percent = text.indexOf('%');
  const zone = percent >= 0 ? text.slice(percent + 1) : undefined;
  if (zone === '') return undefined;
  const body = percent >= 0 ? text.slice(0, percent) : text;
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0] ?? '', !compressed);
  const tail = compressed ? parseGroups(halves[1] ?? '', true) : [];
  if (!head || !tail) return undefined;
  const given = head.length + tail.length;
  if (compressed ? given > 7 : given !== 8) return undefined;
  const groups = [...head, ...new Array<number>(8 - given).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return zone === undefined ? { bytes } : { bytes, zone };
}

/** Either family; "[::1]" (brackets as written next to a port) is accepted too. */
export function parseIp(text: string): ParsedIp | undefined {
  const bare = text.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIPv4(bare);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIPv6(bare);
  return v6 ? { family: 6, ...v6 } : undefined;
}

export const ipFamily = (text: string): IpFamily | undefined => parseIp(text)?.family;

const isMappedIPv4 = (bytes: Uint8Array) =>
  bytes.length === 16 &&
  bytes.subarray(0, 10).every((b) => b === 0) &&
  bytes[10] === 0xff &&
  bytes[11] === 0xff;

/** "::ffff:" and an IPv4 address written as formatIp writes it (no leading zeros). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const MAPPED_DOTTED = new RegExp(`^::ffff:(${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET})$`);

/**
 * The address as the board sees itself: "::ffff:192.168.1.50" (how a dual-stack listener reports an
 * IPv4 peer) becomes "192.168.1.50"; anything else is returned unchanged.
 */
export function unmapIPv4(address: string): string {
  // The forms sockets report, without parsing: a plain IPv4 address, and a dual-stack listener's
  // "::ffff:" followed by one written as formatIp writes it.
  if (!address.includes(':')) return address;
  const mapped = MAPPED_DOTTED.exec(address);
  if (mapped) return mapped[1] as string;
  const parsed = parseIPv6(address);
  if (!parsed || !isMappedIPv4(parsed.bytes)) return address;
  return formatIp(parsed.bytes.subarray(12));
}

/** Parsed with IPv4-mapped IPv6 addresses taken as the IPv4 addresses they carry. */
export function parseIpUnmapped(text: string): ParsedIp | undefined {
  const parsed = parseIp(text);
  if (parsed?.family === 6 && isMappedIPv4(parsed.bytes)) return { family: 4, bytes: parsed.bytes.slice(12) };
  return parsed;
}

/** IPv4 dotted, IPv6 in RFC 5952 form (lower case, the longest run of zero groups as "::"). */
export function formatIp(bytes: Uint8Array, zone?: string): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((n) => n.toString(16)).join(':');
  // RFC 5952 section 4.2.2: a single zero group is not shortened.
  const text =
    bestLength < 2
      ? hex(groups)
      : `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
  return zone ? `${text}%${zone}` : text;
}

/** "192.168.1.50:8087" -> {address, port}; "[fe80::1%eth0]:8087" too. Undefined for anything else. */
export function splitEndpoint(text: string): { address: string; port: number } | undefined {
  const match = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text) ?? /^([^:[\]]+):(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port > 65535) return undefined;
  return { address: match[1] ?? '', port };
}

/** fe80::/10: valid only together with the interface it belongs to. */
export function isLinkLocalIPv6(address: string): boolean {
  const parsed = parseIPv6(address);
  return parsed !== undefined && parsed.bytes[0] === 0xfe && ((parsed.bytes[1] ?? 0) & 0xc0) === 0x80;
}

/** 224.0.0.0/4 or ff00::/8. */
export function isMulticast(address: string): boolean {
  const parsed = parseIpUnmapped(address);
  if (!parsed) return false;
  const first = parsed.bytes[0] ?? 0;
  return parsed.family === 4 ? (first & 0xf0) === 0xe0 : first === 0xff;
}
