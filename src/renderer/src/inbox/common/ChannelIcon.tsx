import { IconAt, IconClipboardCheck, IconMail, IconMessageCircle, IconStar, type IconProps } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { channelLabels, type Channel } from '../../../../shared/domain';

const icons: Record<Channel, ComponentType<IconProps>> = {
  email: IconMail,
  chat: IconMessageCircle,
  survey: IconClipboardCheck,
  review: IconStar,
  social: IconAt,
};

export function ChannelIcon({ channel, size = 15 }: { channel: Channel; size?: number }) {
  const Icon = icons[channel];
  return <Icon size={size} stroke={1.7} aria-label={channelLabels[channel]} role="img" style={{ flexShrink: 0 }} />;
}
