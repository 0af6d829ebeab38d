// What `adobe-auth-elements/define` and `adobe-auth-elements/cdn` are in a React Server Component (the
// `react-server` condition): a server component's imports never run in the browser, so the tags would be rendered
// but never defined. Saying so beats a page with no button and no error.
throw new Error(
  'adobe-auth-elements: the tags are registered in the browser, and a React Server Component never runs there. ' +
    "Import 'adobe-auth-elements/define' in a 'use client' module, or render AdobeSignIn and AdobeAuthRedirect " +
    "from 'adobe-auth-elements/react', which server components may use.",
);
