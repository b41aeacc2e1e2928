// React 19 renders custom elements natively: a prop whose name the element has as a property
// (`adapter`, `messages`) is set as that property, other props become attributes, and
// `on<event-name>` props add listeners for custom events (`onpep-authenticated`). No wrapper.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Defines <pep-auth-provider> and <pep-login> (the tags it nests come with it).
import 'pep-auth-elements/elements/auth-provider/pep-auth-provider.js';
import 'pep-auth-elements/elements/login/pep-login.js';
import { MemoryAdapter, seedDemo, typingSamplesFor, DEFAULT_SAMPLE_TEXT } from 'pep-auth-elements';

// A stand-in backend with the demo producer and one delegate. Replace with your AuthAdapter.
async function createAdapter() {
  const adapter = new MemoryAdapter();
  await seedDemo(adapter);
  await adapter.admin.createDelegate({
    producer: 'demoproducer',
    username: 'dana0001',
    email: 'dana.lee@example.com',
    firstName: 'Dana',
    lastName: 'Lee',
    mobile: '(312) 555-0101',
    states: ['IL'],
    password: 'Blue-Sky-Walk-42',
    typingSamples: typingSamplesFor(DEFAULT_SAMPLE_TEXT).enroll,
  });
  return adapter;
}

// A property, not an attribute: React 19 sees `messages` on the element and sets it.
const messages = { 'login.forgot-username': 'Forgot your username?' };

function Outbox({ adapter }) {
  const [messages, setMessages] = useState([]);
  useEffect(() => {
    const onMessage = (event) => setMessages((all) => [event.detail, ...all]);
    adapter.addEventListener('outbox', onMessage);
    return () => adapter.removeEventListener('outbox', onMessage);
  }, [adapter]);
  return (
    <aside>
      <h2>Outbox</h2>
      <ul id="outbox">
        {messages.map((m) => (
          <li key={m.id}>
            To {m.to}: {m.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function App({ adapter }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <main>
        <h1>Delegate login (React)</h1>
        <pep-auth-provider adapter={adapter} help-desk-phone="1-800-555-0199">
          <pep-login
            messages={messages}
            onpep-step-change={(e) => setStatus(`Step: ${e.detail.step}`)}
            onpep-authenticated={(e) => setStatus(`Signed in as ${e.detail.session.user.username}`)}
            onpep-forgot-password={(e) => {
              e.preventDefault(); // stay in the app: route with your router instead
              setStatus(`Forgot password for "${e.detail.username}"`);
            }}
          />
        </pep-auth-provider>
        <p id="status" role="status">
          {status}
        </p>
      </main>
      <Outbox adapter={adapter} />
    </>
  );
}

const adapter = await createAdapter();
createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App adapter={adapter} />
  </StrictMode>,
);
