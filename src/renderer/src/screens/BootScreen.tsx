import { Center, Loader, Stack, Text } from '@mantine/core';

export function BootScreen() {
  return (
    <Center component="main" mih="100vh">
      <Stack align="center" gap="sm" role="status" aria-live="polite">
        <Loader />
        <Text c="dimmed">Opening Hearken…</Text>
      </Stack>
    </Center>
  );
}
