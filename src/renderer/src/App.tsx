import { MantineProvider } from '@mantine/core';
import { hasBridge } from './api';
import { BootScreen } from './screens/BootScreen';
import { BridgeMissingScreen } from './screens/BridgeMissingScreen';
import { FailedScreen } from './screens/FailedScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { SetupScreen } from './screens/SetupScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { useSession } from './stores/session';
import { cssVariablesResolver, theme } from './theme';
import { WorkspaceScreen } from './workspace/WorkspaceScreen';

function CurrentScreen() {
  const stage = useSession((state) => state.stage);
  switch (stage.name) {
    case 'booting':
      return <BootScreen converting={stage.converting === true} />;
    case 'setup':
      return <SetupScreen status={stage.status} />;
    case 'recovery':
      return <RecoveryKeyScreen recoveryKey={stage.recoveryKey} />;
    case 'welcome':
      return <WelcomeScreen />;
    case 'unlock':
      return <UnlockScreen status={stage.status} keychainError={stage.keychainError} />;
    case 'problem':
      return <ProblemScreen status={stage.status} />;
    case 'inbox':
      return <WorkspaceScreen />;
    case 'failed':
      return <FailedScreen error={stage.error} />;
  }
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {hasBridge() ? <CurrentScreen /> : <BridgeMissingScreen />}
    </MantineProvider>
  );
}
