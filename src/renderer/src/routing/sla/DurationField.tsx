/** A duration typed as "4h", "30m", "2d" or "1h 30m"; read on blur and written back in its shortest form. */
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDuration, parseDuration } from '../model/duration';

interface Props {
  label?: string;
  'aria-label'?: string;
  minutes: number | null;
  /** Null clears the target; never called while the text cannot be read. */
  changed(minutes: number | null): void;
  /** Reports whether the field holds text it cannot read, so Save can wait. */
  validity?(ok: boolean): void;
  placeholder?: string;
  required?: boolean;
  w?: number;
  'data-testid'?: string;
}

export function DurationField({ minutes, changed, validity, placeholder = 'No target', required = false, ...rest }: Props) {
  const [text, setText] = useState(formatDuration(minutes));
  const [shownFor, setShownFor] = useState(minutes);
  const [error, setError] = useState<string | null>(null);
  if (minutes !== shownFor) {
    // Set from outside (a reload): show it, unless the text already says the same.
    setShownFor(minutes);
    const read = parseDuration(text);
    if (!read.ok || read.minutes !== minutes) setText(formatDuration(minutes));
    setError(null);
  }
  const read = (value: string, final: boolean) => {
    const parsed = parseDuration(value);
    if (parsed.ok && required && parsed.minutes === null) {
      setError(final ? 'Give a time.' : null);
      validity?.(false);
      return;
    }
    if (!parsed.ok) {
      if (final) setError(parsed.message);
      validity?.(false);
      return;
    }
    setError(null);
    validity?.(true);
    setShownFor(parsed.minutes);
    changed(parsed.minutes);
    if (final) setText(formatDuration(parsed.minutes));
  };
  return (
    <TextInput
      {...rest}
      value={text}
      placeholder={placeholder}
      error={error}
      onChange={(e) => {
        setText(e.currentTarget.value);
        read(e.currentTarget.value, false);
      }}
      onBlur={(e) => read(e.currentTarget.value, true)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
