import { Alert, Text } from '@mantine/core';
import { CenteredScreen } from '../components/CenteredScreen';

/** Shown instead of crashing when the page runs without its preload (e.g. in a plain browser). */
export function BridgeMissingScreen() {
  return (
    <CenteredScreen title="This window isn't connected to Hearken" testId="bridge-missing">
      <Alert color="orange" title="The connection to Hearken's core is missing" role="alert">
        This page was opened outside the Hearken app, or its preload script did not load, so it cannot reach your
        inbox.
      </Alert>
      <Text>
        Open Hearken from its app icon. During development, start it with <code>npm start</code> rather than opening
        the page in a browser.
      </Text>
    </CenteredScreen>
  );
}
