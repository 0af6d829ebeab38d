import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { RouterOutlet, type Routes } from '@angular/router';

const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';

@Component({
  selector: 'app-home',
  // Angular leaves elements it does not know to the browser once this schema is set.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>Angular</h1>
    <adobe-sign-in
      [attr.client-id]="clientId"
      [attr.redirect-uri]="redirectUri"
      [attr.ims-origin]="imsOrigin"
      (token)="status.set('Signed in until ' + expiry($event.detail.expiresAt))"
      (auth-error)="status.set('Error: ' + $event.detail.code)"
      (sign-out)="status.set('Signed out')"
    ></adobe-sign-in>
    <p role="status">{{ status() }}</p>
  `,
})
export class Home {
  readonly clientId = CLIENT_ID;
  readonly imsOrigin = IMS_ORIGIN;
  readonly redirectUri = `${location.origin}/redirect`;
  readonly status = signal('Signed out');
  expiry = (at: number) => new Date(at).toLocaleTimeString();
}

/** The redirect page, as a route of the app. */
@Component({
  selector: 'app-redirect',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<adobe-auth-redirect></adobe-auth-redirect>`,
})
export class Redirect {}

export const routes: Routes = [
  { path: '', component: Home },
  { path: 'redirect', component: Redirect },
];

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: `<router-outlet />`,
})
export class App {}
