import '@fontsource-variable/inter';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasBridge } from './api';
import { App } from './App';
import { startSession } from './stores/session-flows';

// Booting outside React keeps the first core call independent of render timing
// (StrictMode mounts effects twice in development).
if (hasBridge()) startSession();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
