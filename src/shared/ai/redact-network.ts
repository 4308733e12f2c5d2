/**
 * Redaction of what identifies a person online: e-mail addresses, IP addresses, and the
 * secrets customers paste without thinking (a link with its token, an API key, a login).
 * A secret inside a link loses only its value, so the model still sees which page was meant.
 */
import type { Replace } from './redact-kinds';

/** The domain after an "@": labels, then a top-level domain of letters (RFC lengths bound every part). */
const domainAfterAt = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,63}(?![\p{L}\p{N}-])/uy;
const localCharRest = /[\p{L}\p{N}]/u;

function isLocalChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || "._%+'-".includes(c);
  return localCharRest.test(c);
}

/**
 * Addresses are found from their "@" outwards rather than by one regex from every letter,
 * which costs a scan of each word in the message. The local part is at most 64 characters
 * and neither starts nor ends with a dot, quote or dash: those belong to the sentence.
 */
export function redactEmails(text: string, replace: Replace): string {
  let at = text.indexOf('@');
  if (at < 0) return text;
  let out = '';
  let last = 0;
  for (; at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > last && at - start < 64 && isLocalChar(text[start - 1] as string)) start--;
    while (start < at && ".'-".includes(text[start] as string)) start++;
    if (start === at || ".'-".includes(text[at - 1] as string)) continue;
    domainAfterAt.lastIndex = at + 1;
    const domain = domainAfterAt.exec(text);
    if (domain === null) continue;
    const end = at + 1 + domain[0].length;
    out += text.slice(last, start) + replace('email', text.slice(start, end));
    last = end;
    at = end - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

// ---------------------------------------------------------------------------------------
// IP addresses

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Hex digits, colons and dots with a colon in it; checked in code, since one regex for every IPv6 form is unreadable. */
const ipv6Candidate = /(?<![\w:.%])[0-9a-f.]*:[0-9a-f:.]*(?:%[0-9a-z_.]+)?(?![\w:])/gi;
/** Four dotted numbers that are not the tail of a longer dotted run. */
const ipv4 = new RegExp(`(?<![\\w.])(?:${octet}\\.){3}${octet}(?![\\w]|\\.\\d)`, 'g');
const ipv4Exact = new RegExp(`^(?:${octet}\\.){3}${octet}$`);
/** "version 1.2.3.4", "v1.2.3.4": a four-part version number, not an address. */
const versionBefore = /(?:\bv|\bver\.?|version|versie|versión|versão|versione|build|release|update)\s{0,2}$/i;
const hexGroup = /^[0-9a-f]{1,4}$/i;

export function isIpv6(candidate: string): boolean {
  let address = candidate;
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (address.includes('.')) {
    // An IPv4 tail (::ffff:192.0.2.1) counts as two groups.
    const lastColon = address.lastIndexOf(':');
    if (!ipv4Exact.test(address.slice(lastColon + 1))) return false;
    address = `${address.slice(0, lastColon + 1)}0:0`;
  }
  // "a::b" in prose is code far more often than an address with no digit in it.
  if (!/\d/.test(address)) return false;
  const gap = address.indexOf('::');
  if (gap < 0) {
    const groups = address.split(':');
    return groups.length === 8 && groups.every((g) => hexGroup.test(g));
  }
  if (address.indexOf('::', gap + 1) >= 0) return false;
  const head = gap === 0 ? [] : address.slice(0, gap).split(':');
  const tail = gap + 2 === address.length ? [] : address.slice(gap + 2).split(':');
  const count = head.length + tail.length;
  // A lone "::" is punctuation far more often than the unspecified address.
  return count >= 1 && count <= 7 && head.every((g) => hexGroup.test(g)) && tail.every((g) => hexGroup.test(g));
}

export function redactIps(text: string, replace: Replace): string {
  // IPv6 first: its IPv4 tail (::ffff:192.0.2.1) belongs to it.
  let out = text;
  if (out.includes(':')) {
    out = out.replace(ipv6Candidate, (match: string) => {
      // Sentence punctuation after an address is not part of it.
      let end = match.length;
      while (end > 0 && (match[end - 1] === '.' || (match[end - 1] === ':' && match[end - 2] !== ':'))) end--;
      const value = match.slice(0, end);
      return isIpv6(value) ? replace('ip', value) + match.slice(end) : match;
    });
  }
  if (!out.includes('.')) return out;
  return out.replace(ipv4, (value: string, at: number, whole: string) =>
    versionBefore.test(whole.slice(Math.max(0, at - 12), at)) ? value : replace('ip', value),
  );
}

// ---------------------------------------------------------------------------------------
// Secrets

const secretNames =
  '(?:[\\w.-]*[_.-])?(?:access_?token|refresh_?token|id_?token|auth_?token|token|secret|client_?secret|password|passwd|pwd|api[_-]?key|apikey|key|sig|signature|code|auth|authorization|session(?:_?id)?|sessionid|sid|jwt|otp|credentials?)';
/** A query or fragment parameter whose value is a credential (?token=…, &X-Amz-Signature=…). */
const secretParam = new RegExp(`([?&#;]${secretNames}=)([^&#\\s"'<>\\uE000-\\uF8FF]+)`, 'gi');
/** The password of a URL's userinfo (https://user:pass@host). */
const userinfo = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@[\]]+:)([^\s/?#@]+)(?=@)/gi;
/** Shapes that are a credential wherever they appear: vendor API keys and JWTs. */
const bareSecret =
  /(?<![\w-])(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9_]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})(?![\w-])/g;
const bareSecretStart = /sk[-_]|[pr]k_|gh[pousr]_|github_pat_|xox[abposr]-|AKIA|AIza|glpat-|eyJ/;
/** An Authorization header's credential, keeping the scheme. */
const bearer = /\b((?:bearer|basic)\s+)([A-Za-z0-9._~+/=-]{12,})/gi;
const bearerStart = /bearer|basic/i;
/** "password: hunter2", "api_key=abc123" in prose or a pasted config. */
const labelled = /\b((?:password|passwd|pwd|api[_ -]?key|apikey|secret|access[_ ]token|auth[_ ]token)\s*([:=])\s*)([^\s"'<>,;&\uE000-\uF8FF]{4,})/gi;
const trailingPunctuation = /[.,;:!?)\]'"]+$/;
const looksRandom = /\d|[._~+/=-]|[a-z].*[A-Z]|[A-Z].*[a-z]/;

/** Splits a credential from the punctuation that ends the sentence around it. */
function secretValue(raw: string, replace: Replace): string {
  const value = raw.replace(trailingPunctuation, '');
  if (value === '' || value.startsWith('[')) return raw;
  return replace('secret', value) + raw.slice(value.length);
}

export function redactSecrets(text: string, replace: Replace): string {
  let out = text;
  if (out.includes('=')) out = out.replace(secretParam, (_m, name: string, raw: string) => name + secretValue(raw, replace));
  if (out.includes('://')) out = out.replace(userinfo, (_m, head: string, pass: string) => head + replace('secret', pass));
  if (bareSecretStart.test(out)) out = out.replace(bareSecret, (value) => replace('secret', value));
  if (bearerStart.test(out)) out = out.replace(bearer, (m, scheme: string, token: string) => (looksRandom.test(token) ? scheme + replace('secret', token) : m));
  if (!out.includes(':') && !out.includes('=')) return out;
  return out.replace(labelled, (m, label: string, sign: string, raw: string) => {
    // After a colon this is prose more often than not: "password: please reset it".
    if (sign === ':' && !/\d/.test(raw)) return m;
    return label + secretValue(raw, replace);
  });
}
