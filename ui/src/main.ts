import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { markPlatform } from './lib/platform';

const target = document.getElementById('app');
if (!target) throw new Error('The #app element is missing from index.html.');

markPlatform(document.documentElement, navigator.userAgent);
export default mount(App, { target });
