// Vue 3 with custom elements: `:adapter` binds the DOM property (Vue sets a property when the
// element has one), `@pep-authenticated` listens to the custom event.
import { createApp, defineComponent, ref, shallowRef, onBeforeUnmount } from 'vue';
// Defines <pep-auth-provider> and <pep-login> (the tags it nests come with it).
import 'pep-auth-elements/elements/auth-provider/pep-auth-provider.js';
import 'pep-auth-elements/elements/login/pep-login.js';
// A ready-made theme (optional): denser widgets for back-office screens.
import 'pep-auth-elements/themes/compact.css';
import { MemoryAdapter, seedDemo, typingSamplesFor, DEFAULT_SAMPLE_TEXT } from 'pep-auth-elements';

// A stand-in backend with the demo producer and one delegate. Replace with your AuthAdapter.
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

const App = defineComponent({
  setup() {
    const status = ref('');
    const outbox = ref([]);
    const onMessage = (event) => outbox.value.unshift(event.detail);
    adapter.addEventListener('outbox', onMessage);
    onBeforeUnmount(() => adapter.removeEventListener('outbox', onMessage));
    return {
      adapter: shallowRef(adapter),
      messages: { 'login.forgot-username': 'Forgot your username?' },
      status,
      outbox,
      onStep: (e) => (status.value = `Step: ${e.detail.step}`),
      onAuthenticated: (e) => (status.value = `Signed in as ${e.detail.session.user.username}`),
      onForgotPassword: (e) => {
        e.preventDefault(); // stay in the app: route with your router instead
        status.value = `Forgot password for "${e.detail.username}"`;
      },
    };
  },
  template: `
    <main>
      <h1>Delegate login (Vue)</h1>
      <pep-auth-provider :adapter="adapter" help-desk-phone="1-800-555-0199">
        <pep-login
          :messages="messages"
          @pep-step-change="onStep"
          @pep-authenticated="onAuthenticated"
          @pep-forgot-password="onForgotPassword"
        ></pep-login>
      </pep-auth-provider>
      <p id="status" role="status">{{ status }}</p>
    </main>
    <aside>
      <h2>Outbox</h2>
      <ul id="outbox">
        <li v-for="m in outbox" :key="m.id">To {{ m.to }}: {{ m.text }}</li>
      </ul>
    </aside>
  `,
});

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('pep-');
app.mount('#app');
