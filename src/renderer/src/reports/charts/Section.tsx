/** One block of the report: a title, what it shows, its own controls, and the chart. */
import { ActionIcon, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from '../reports.module.css';

interface SectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  controls?: ReactNode;
  /** Opens the inbox with the items behind the whole section. */
  onOpen?: () => void;
  wide?: boolean;
  children: ReactNode;
}

export function Section({ id, title, description, controls, onOpen, wide, children }: SectionProps) {
  return (
    <section className={wide ? `${classes.section} ${classes.wide}` : classes.section} aria-labelledby={`report-${id}`} data-testid={`report-section-${id}`}>
      <div className={classes.sectionHead}>
        <div style={{ minWidth: 0 }}>
          <Title order={3} size="h6" id={`report-${id}`} fw={650}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexShrink: 0 }}>
          {controls}
          {onOpen && (
            <Tooltip label="Open these items in the inbox" openDelay={300}>
              <ActionIcon variant="subtle" color="gray" onClick={onOpen} aria-label={`Open the items behind ${title} in the inbox`}>
                <IconArrowUpRight size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </div>
      </div>
      {children}
    </section>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py={12}>
      {children}
    </Text>
  );
}
