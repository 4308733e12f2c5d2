import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ThemeToggle } from './ThemeToggle';

/** The frame of every screen before the inbox: one card, one heading, one decision. */
export function CenteredScreen({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="main" mih="100vh" p="xl" style={{ display: 'grid', placeItems: 'center' }} data-testid={testId}>
      <Box pos="fixed" top={16} right={16}>
        <ThemeToggle />
      </Box>
      <Paper withBorder shadow="xs" p="xl" w="100%" maw={540}>
        <Stack gap="md">
          <Group gap={8} c="dimmed">
            <IconShieldLock size={18} stroke={1.6} aria-hidden />
            <Text fw={600} size="sm">
              Hearken
            </Text>
          </Group>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
