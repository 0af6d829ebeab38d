// Where the README documents a tag, for the editors' "README" links: package.json's `homepage` is the README, and
// each element has a `` ## `<tag>` `` section, whose anchor is the tag itself.
export const readmeSection = (pkg, tag) => `${pkg.homepage.replace(/#.*$/, '')}#${tag}`;
