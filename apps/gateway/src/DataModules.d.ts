// Files the Workers bundle carries as Data modules (wrangler.toml's `rules`):
// importing one gives its bytes. Only the Workers entry imports them.
declare module "*.ttf" {
  const bytes: ArrayBuffer
  export default bytes
}
