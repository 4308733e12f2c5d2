/** What the redactor replaces, and the callback each detector reports a value through. */
export const piiKinds = ['email', 'phone', 'card', 'iban', 'ip', 'secret', 'name'] as const;
export type PiiKind = (typeof piiKinds)[number];

/** Returns the placeholder that stands for `value` (the same value always gets the same one). */
export type Replace = (kind: PiiKind, value: string) => string;
