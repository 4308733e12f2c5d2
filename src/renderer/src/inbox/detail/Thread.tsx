import { IconArrowBackUp, IconInbox, IconLock } from '@tabler/icons-react';
import type { Message } from '../../../../shared/contract';
import type { MessageDirection } from '../../../../shared/domain';
import { dateTimeLabel } from '../../format';
import classes from './detail.module.css';

const kinds: Record<MessageDirection, { label: string; icon: typeof IconInbox; fallbackAuthor: string }> = {
  in: { label: 'Customer', icon: IconInbox, fallbackAuthor: 'Customer' },
  out: { label: 'Reply', icon: IconArrowBackUp, fallbackAuthor: 'Support' },
  note: { label: 'Internal note', icon: IconLock, fallbackAuthor: 'Team' },
};

/** The conversation in order: customer, replies (indented, brand-tinted), notes (dashed, amber). */
export function Thread({ messages, customerName }: { messages: Message[]; customerName: string | null }) {
  return (
    <section aria-labelledby="thread-title">
      <h3 className={classes.threadTitle} id="thread-title">
        Conversation · {messages.length} {messages.length === 1 ? 'message' : 'messages'}
      </h3>
      <ol className={classes.thread}>
        {messages.map((message) => {
          const kind = kinds[message.direction];
          const Icon = kind.icon;
          const author = message.author ?? (message.direction === 'in' ? customerName : null) ?? kind.fallbackAuthor;
          return (
            <li key={message.id} className={classes.message} data-direction={message.direction} data-testid="thread-message">
              <div className={classes.messageHead}>
                <span className={classes.messageKind}>
                  <Icon size={12} stroke={2} aria-hidden />
                  {kind.label}
                </span>
                <span className={classes.messageAuthor}>{author}</span>
                <span style={{ flex: 1 }} />
                <time dateTime={new Date(message.sentAt).toISOString()}>{dateTimeLabel(message.sentAt)}</time>
              </div>
              <div className={classes.messageBody} data-testid="message-body">{message.body}</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
