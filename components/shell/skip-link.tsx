import s from "./shell.module.css";

export const MAIN_ID = "main";

// The first Tab stop on every page: past the header and its navigation, straight to the page's content.
export function SkipLink() {
  return <a href={`#${MAIN_ID}`} className={s.skip}>Skip to content</a>;
}
