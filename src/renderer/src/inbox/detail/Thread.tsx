import { IconArrowBackUp, IconInbox, IconLock } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { Message } from '../../../../shared/contract';
import type { MessageDirection } from '../../../../shared/domain';
import { unknownCustomerLabel } from '../../../../shared/people';
import { dateTimeLabel } from '../../format';
import classes from './detail.module.css';

const kinds: Record<MessageDirection, { label: string; icon: typeof IconInbox; fallbackAuthor: string }> = {
  in: { label: 'Customer', icon: IconInbox, fallbackAuthor: unknownCustomerLabel },
  out: { label: 'Reply', icon: IconArrowBackUp, fallbackAuthor: 'Support' },
  note: { label: 'Internal note', icon: IconLock, fallbackAuthor: 'Team' },
};

/** Folded messages beyond this many are one "N more" line (the first and the latest stay). */
const foldedShown = 3;

/**
 * Where the thread opens: the latest customer message and everything after it (the replies
 * and notes on it). Earlier messages fold to one line each, as mail clients do, so the
 * words an agent has to answer are in sight without scrolling.
 */
function readFrom(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.direction === 'in') return i;
  return Math.max(0, messages.length - 1);
}

function authorOf(message: Message, customerName: string | null): string {
  return message.author ?? (message.direction === 'in' ? customerName : null) ?? kinds[message.direction].fallbackAuthor;
}

function FullMessage({ message, customerName, onFold }: { message: Message; customerName: string | null; onFold?: () => void }) {
  const kind = kinds[message.direction];
  const Icon = kind.icon;
  return (
    <li className={classes.message} data-direction={message.direction} data-testid="thread-message">
      <div className={classes.messageHead} onClick={onFold} data-foldable={onFold ? true : undefined}>
        <span className={classes.messageKind}>
          <Icon size={12} stroke={2} aria-hidden />
          {kind.label}
        </span>
        <span className={classes.messageAuthor}>{authorOf(message, customerName)}</span>
        <span style={{ flex: 1 }} />
        <time dateTime={new Date(message.sentAt).toISOString()}>{dateTimeLabel(message.sentAt)}</time>
      </div>
      <div className={classes.messageBody} data-testid="message-body">
        {message.body}
      </div>
    </li>
  );
}

function FoldedMessage({ message, customerName, onOpen }: { message: Message; customerName: string | null; onOpen: () => void }) {
  const kind = kinds[message.direction];
  const Icon = kind.icon;
  const author = authorOf(message, customerName);
  return (
    <li className={classes.folded} data-direction={message.direction} data-testid="thread-message" data-folded>
      <button type="button" className={classes.foldedButton} onClick={onOpen} aria-label={`${kind.label} from ${author}, ${dateTimeLabel(message.sentAt)}. Show the message`}>
        <Icon size={12} stroke={2} aria-hidden className={classes.foldedIcon} />
        <span className={classes.foldedAuthor}>{author}</span>
        <span className={classes.foldedExcerpt}>{message.body.replace(/\s+/g, ' ').trim()}</span>
        <time dateTime={new Date(message.sentAt).toISOString()}>{dateTimeLabel(message.sentAt)}</time>
      </button>
    </li>
  );
}

/** The conversation in order: customer, replies (indented, brand-tinted), notes (dashed, amber). */
export const Thread = memo(function Thread({ messages, customerName }: { messages: Message[]; customerName: string | null }) {
  const from = readFrom(messages);
  // Messages the agent unfolded (or folded back) in this conversation, by id.
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const flip = (id: string) =>
    setFlipped((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  // A long run of folded messages keeps its first one and the ones just before the latest.
  const hideFrom = !showAll && from > foldedShown + 1 ? 1 : from;
  const hideTo = !showAll && from > foldedShown + 1 ? from - (foldedShown - 1) : from;

  return (
    <section aria-label={`Conversation, ${messages.length} ${messages.length === 1 ? 'message' : 'messages'}`} data-testid="thread">
      <ol className={classes.thread}>
        {messages.map((message, i) => {
          if (i >= hideFrom && i < hideTo) {
            if (i !== hideFrom) return null;
            return (
              <li key="more" className={classes.foldedMore}>
                <button type="button" className={classes.foldedMoreButton} onClick={() => setShowAll(true)} data-testid="thread-more">
                  {hideTo - hideFrom} more messages
                </button>
              </li>
            );
          }
          const folded = i < from ? !flipped.has(message.id) : flipped.has(message.id);
          return folded ? (
            <FoldedMessage key={message.id} message={message} customerName={customerName} onOpen={() => flip(message.id)} />
          ) : (
            <FullMessage key={message.id} message={message} customerName={customerName} onFold={() => flip(message.id)} />
          );
        })}
      </ol>
    </section>
  );
});
