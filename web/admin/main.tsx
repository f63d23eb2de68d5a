import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';

function AdminConsole() {
  return (
    <main>
      <h1>agentgate admin console</h1>
      <p className="card">The admin console arrives with the permission tooling.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminConsole />
  </StrictMode>,
);
