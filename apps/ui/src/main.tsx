import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app.component';
import { applyInitialTheme } from './theme/theme.util';

// before the first paint: no flash of the wrong theme (the CSP allows no inline script in index.html)
applyInitialTheme();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
