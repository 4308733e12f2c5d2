/**
 * The reply text, with its placeholders read as chips ("First name", not
 * `{{customer.first_name|there}}`). The agent still types in a plain textarea, so undo,
 * IME, spell check and the caret behave as everywhere else: its text is transparent, and a
 * backdrop under it, laid out with the textarea's own font, padding and width, draws the
 * same characters, each placeholder as a chip over the space its raw text takes. The
 * placeholder the caret is in shows as written, so it can be edited character by character.
 */
import { Textarea } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { bodyParts, fallbackWords, type BodyPart } from '../../../shared/template-words';
import classes from './templates.module.css';

/** The textarea's layout, copied so the backdrop wraps its lines at the same characters. */
const mirrored = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontFeatureSettings',
  'fontVariantLigatures',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderRadius',
] as const;

type Selection = { start: number; end: number } | null;

/** The caret's range while the textarea has the focus; null when it has not. */
function useSelectionOf(ref: RefObject<HTMLTextAreaElement | null>): Selection {
  const [selection, setSelection] = useState<Selection>(null);
  useEffect(() => {
    const read = (): void => {
      const element = ref.current;
      const next = element && document.activeElement === element ? { start: element.selectionStart, end: element.selectionEnd } : null;
      setSelection((prev) => (prev?.start === next?.start && prev?.end === next?.end ? prev : next));
    };
    const element = ref.current;
    // Not on 'input': a render from there, before React's own change handler, would put the
    // old value back and lose the key just typed. 'selectionchange' follows each edit anyway.
    document.addEventListener('selectionchange', read);
    element?.addEventListener('focus', read);
    element?.addEventListener('blur', read);
    return () => {
      document.removeEventListener('selectionchange', read);
      element?.removeEventListener('focus', read);
      element?.removeEventListener('blur', read);
    };
  }, [ref]);
  return selection;
}

function isBeingEdited(part: BodyPart, selection: Selection): boolean {
  if (selection === null) return false;
  const { start, end } = selection;
  if (start === end) return part.start < start && start < part.end;
  return part.start < end && start < part.end;
}

function Chip({ part, editing }: { part: Extract<BodyPart, { kind: 'placeholder' }>; editing: boolean }) {
  if (part.name === null) {
    return (
      <span className={classes.chipUnknown} data-testid="placeholder-unknown">
        {part.text}
      </span>
    );
  }
  if (editing) return <span className={classes.chipEditing}>{part.text}</span>;
  const fallback = fallbackWords(part.fallback);
  return (
    <span className={classes.chip} data-key={part.key}>
      <span className={classes.chipRaw}>{part.text}</span>
      <span className={classes.chipLabel} data-testid="placeholder-chip">
        {part.name}
        {fallback && <span className={classes.chipFallback}>{fallback}</span>}
      </span>
    </span>
  );
}

function Backdrop({ body, selection, textarea }: { body: string; selection: Selection; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const ref = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => bodyParts(body), [body]);

  useLayoutEffect(() => {
    const source = textarea.current;
    const target = ref.current;
    if (!source || !target) return;
    const copy = (): void => {
      const style = getComputedStyle(source);
      for (const property of mirrored) target.style[property] = style[property];
      // A scrollbar on the textarea narrows its text; the backdrop has none, so it pads the same width.
      const scrollbar = source.offsetWidth - source.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
      target.style.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
      const frame = target.parentElement!.getBoundingClientRect();
      const box = source.getBoundingClientRect();
      target.style.top = `${box.top - frame.top}px`;
      target.style.left = `${box.left - frame.left}px`;
      target.style.width = `${box.width}px`;
      target.style.height = `${box.height}px`;
      target.scrollTop = source.scrollTop;
    };
    copy();
    const observer = new ResizeObserver(copy);
    observer.observe(source);
    const follow = (): void => {
      target.scrollTop = source.scrollTop;
    };
    source.addEventListener('scroll', follow);
    return () => {
      observer.disconnect();
      source.removeEventListener('scroll', follow);
    };
  }, [textarea]);

  const nodes: ReactNode[] = parts.map((part) =>
    part.kind === 'text' ? <span key={part.start}>{part.text}</span> : <Chip key={part.start} part={part} editing={isBeingEdited(part, selection)} />,
  );
  return (
    <div ref={ref} className={classes.backdrop} aria-hidden data-testid="template-body-backdrop">
      {nodes}
      {/* A last empty line takes its height, as it does in the textarea. */}
      {'\u200b'}
    </div>
  );
}

interface Props {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange(value: string): void;
  error: string | null;
}

export function ReplyField({ textareaRef, value, onChange, error }: Props) {
  const selection = useSelectionOf(textareaRef);
  return (
    <Textarea
      id="template-body"
      ref={textareaRef}
      className={classes.body}
      classNames={{ input: classes.bodyInput }}
      autosize
      minRows={12}
      placeholder={'Hi {{customer.first_name|there}},\n\nThanks for getting in touch…'}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      aria-describedby="template-body-hint"
      data-template-focus="body"
      data-testid="template-body"
      inputContainer={(children) => (
        <div className={classes.bodyFrame}>
          {children}
          {/* After the textarea, so its ref is set when the backdrop first measures it; stacked under it by z-index. */}
          <Backdrop body={value} selection={selection} textarea={textareaRef} />
        </div>
      )}
    />
  );
}
