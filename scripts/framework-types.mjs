// Writes the frameworks' type declarations from dist/custom-elements.json, so that they name exactly the attributes
// and events the elements document (run by esbuild.mjs after `cem analyze`):
// - dist/custom-elements-types.d.ts: each tag's element class, settable attributes and typed events;
// - dist/jsx.d.ts: JSX intrinsic elements for React 19, Preact and Solid;
// - dist/vue.d.ts: Vue's GlobalComponents, so templates type-check `@token="(e) => e.detail.accessToken"`;
// - dist/svelte.d.ts: Svelte's SvelteHTMLElements.
// Angular needs none of these: `HTMLElementTagNameMap` and the DOM event map (from define.d.ts) type its templates.
// Each entry's .d.ts imports them.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const header = '// Generated from custom-elements.json by scripts/framework-types.mjs.\n';

const elements = manifest.modules.flatMap((mod) =>
  mod.declarations
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({ ...d, from: './' + mod.path.replace(/^dist\//, '') })),
);

const key = (name) => (/^[a-z_$][\w$]*$/i.test(name) ? name : `'${name}'`);
const isReadonly = (el, field) => el.members?.find((m) => m.name === field)?.readonly;
/** The attributes a page sets; the reflected ones the element sets itself (`busy`, `signed-in`, `status`) are left out. */
const settable = (el) => el.attributes.filter((a) => !isReadonly(el, a.fieldName));
const detailTypes = new Set(
  elements.flatMap((el) => el.events.flatMap((e) => e.type?.text.match(/\b[A-Z]\w*Detail\b/g) ?? [])),
);

const map = `${header}import type { ${[...detailTypes].sort().join(', ')} } from './events.js';
${elements.map((el) => `import type { ${el.name} } from '${el.from}';`).join('\n')}

/** Every tag of this package: its element class, the attributes a page may set, and the events it fires. */
export interface CustomElementTypes {
${elements
  .map(
    (el) => `  '${el.tagName}': {
    element: ${el.name};
    attributes: {
${settable(el)
  .map(
    (a) => `      /** ${a.description?.replace(/\s+/g, ' ')} */\n      ${key(a.name)}?: ${el.name}['${a.fieldName}'];`,
  )
  .join('\n')}
    };
    /** The same settings as properties, as Vue's template checker names them. */
    properties: Partial<Pick<${el.name}, ${settable(el)
      .map((a) => `'${a.fieldName}'`)
      .join(' | ')}>>;
    events: {
${el.events.map((e) => `      /** ${e.description?.replace(/\s+/g, ' ')} */\n      ${key(e.name)}: ${e.type.text};`).join('\n')}
    };
  };`,
  )
  .join('\n')}
}

type Tag = keyof CustomElementTypes;
/** The events of a tag as \`on<event>\` handler props (React 19, Preact, Svelte 5). */
export type OnEventProps<T extends Tag> = {
  [K in keyof CustomElementTypes[T]['events'] as \`on\${K & string}\`]?: (event: CustomElementTypes[T]['events'][K]) => void;
};
`;

const tags = (line) => elements.map((el) => line(el.tagName)).join('\n');

// The frameworks are optional: where one is not installed, its import and augmentation are ignored, even with
// skipLibCheck off.
const optional = '// @ts-ignore: only where this framework is installed\n';

const jsx = `${header}${optional}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${optional}import type { JSX as PreactJSX } from 'preact';
${optional}import type { JSX as SolidJSX } from 'solid-js';
import type { CustomElementTypes, OnEventProps } from './custom-elements-types.js';

type Tag = keyof CustomElementTypes;
type El<T extends Tag> = CustomElementTypes[T]['element'];
type Attributes<T extends Tag> = CustomElementTypes[T]['attributes'];

/** React 19 sets these as attributes and adds \`on<event>\` props as listeners. */
export type ReactProps<T extends Tag> = DetailedHTMLProps<HTMLAttributes<El<T>>, El<T>> & Attributes<T> & OnEventProps<T>;
export type PreactProps<T extends Tag> = PreactJSX.HTMLAttributes<El<T>> & Attributes<T> & OnEventProps<T>;
/** Solid listens with \`on:<event>\`. */
export type SolidProps<T extends Tag> = SolidJSX.HTMLAttributes<El<T>> &
  Attributes<T> & {
    [K in keyof CustomElementTypes[T]['events'] as \`on:\${K & string}\`]?: (
      event: CustomElementTypes[T]['events'][K],
    ) => void;
  };

${optional}declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${tags((t) => `      '${t}': ReactProps<'${t}'>;`)}
    }
  }
}

${optional}declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
${tags((t) => `      '${t}': PreactProps<'${t}'>;`)}
    }
  }
}

${optional}declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
${tags((t) => `      '${t}': SolidProps<'${t}'>;`)}
    }
  }
}
`;

// Vue's documented pattern for typing custom elements in templates (vuejs.org, "Web Components and TypeScript").
const vue = `${header}${optional}import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CustomElementTypes } from './custom-elements-types.js';

type Tag = keyof CustomElementTypes;
type VueEmit<T extends Record<string, Event>> = EmitFn<{ [K in keyof T]: (event: T[K]) => void }>;
/** A custom element as Vue's template checker sees a component: its attributes as props, its events as emits. */
export type VueElement<T extends Tag> = new () => CustomElementTypes[T]['element'] & {
  /** @deprecated For template type-checking only. */
  $props: HTMLAttributes & CustomElementTypes[T]['properties'] & PublicProps;
  /** @deprecated For template type-checking only. */
  $emit: VueEmit<CustomElementTypes[T]['events']>;
};

${optional}declare module 'vue' {
  interface GlobalComponents {
${tags((t) => `    '${t}': VueElement<'${t}'>;`)}
  }
}
`;

const svelte = `${header}${optional}import type { HTMLAttributes } from 'svelte/elements';
import type { CustomElementTypes, OnEventProps } from './custom-elements-types.js';

type Tag = keyof CustomElementTypes;
export type SvelteProps<T extends Tag> = HTMLAttributes<CustomElementTypes[T]['element']> &
  CustomElementTypes[T]['attributes'] &
  OnEventProps<T>;

${optional}declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${tags((t) => `    '${t}': SvelteProps<'${t}'>;`)}
  }
}
`;

writeFileSync('dist/custom-elements-types.d.ts', map);
writeFileSync('dist/jsx.d.ts', jsx);
writeFileSync('dist/vue.d.ts', vue);
writeFileSync('dist/svelte.d.ts', svelte);

// Every entry brings them: importing the package is all a TypeScript app does to know the tags.
for (const entry of ['index', 'define', 'cdn', 'react']) {
  appendFileSync(`dist/${entry}.d.ts`, "import './jsx.js';\nimport './vue.js';\nimport './svelte.js';\n");
}
