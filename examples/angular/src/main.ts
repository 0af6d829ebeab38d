import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import 'adobe-auth-elements/define';
import { App, routes } from './app/app';

bootstrapApplication(App, { providers: [provideRouter(routes)] }).catch((err) => console.error(err));
