import { Center, Loader, Stack, Text } from '@mantine/core';

/** While the core opens; `converting` when the unlock converts a store made by an earlier Hearken. */
export function BootScreen({ converting = false }: { converting?: boolean }) {
  return (
    <Center component="main" mih="100vh">
      <Stack align="center" gap="sm" role="status" aria-live="polite" maw={460}>
        <Loader />
        <Text c="dimmed">{converting ? 'Updating your store’s encryption…' : 'Opening Hearken…'}</Text>
        {converting && <ConversionNote />}
      </Stack>
    </Center>
  );
}

/** What the one-time conversion does, where an unlock starts it. */
export function ConversionNote() {
  return (
    <Text size="sm" c="dimmed" ta="center" data-testid="conversion-note">
      This store was made by an earlier version of Hearken. Unlocking converts it once to the
      current encryption; a large inbox takes a minute or two. The old file is kept beside it
      as a backup.
    </Text>
  );
}
