import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';

function AgentScreen() {
  return (
    <main>
      <h1>agentgate agent screen</h1>
      <p className="card">The agent screen arrives with the call simulator.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AgentScreen />
  </StrictMode>,
);
