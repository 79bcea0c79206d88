import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../i18n';
import '../../../styles.css';
import './phone.css';
import { PhoneApp } from './PhoneApp';
import { installPhoneBridge } from './phoneBridge';

// The page a phone opens in meeting mode (phone.html): the respondent flow, and nothing else of the app.
installPhoneBridge();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from phone.html');
createRoot(root).render(
  <StrictMode>
    <PhoneApp />
  </StrictMode>,
);
