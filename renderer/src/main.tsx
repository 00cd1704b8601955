import './zod-config.js';
import { StrictMode } from 'react';
import { giveScriptStylesTheNonce } from './csp.js';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './i18n/index.js';

giveScriptStylesTheNonce();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
