import { createApp } from 'vue';
import 'adobe-auth-elements/define';
import App from './App.vue';

createApp(App).mount('#app');
