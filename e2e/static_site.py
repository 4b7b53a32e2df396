"""Serve a built single-page app as the dashboard's nginx config does.

`python e2e/static_site.py --root DIR --port N --mount /dashboard/
--config API_URL=http://...` serves DIR's files under the mount; any other
path under it answers index.html (the app routes in the browser), whose
window.__SALEOR_CONFIG__ values are replaced as the dashboard's
nginx/replace-env-vars.sh replaces them at a container's start.
"""

import argparse
import re
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


def render_index(text: str, config: dict[str, str]) -> str:
    """index.html with each `NAME: "..."` of the config set to config[NAME]."""
    for name, value in config.items():
        pattern = re.compile(r"(\b" + re.escape(name) + r':\s*)"[^"]*"')
        text, count = pattern.subn(
            lambda m, value=value: m.group(1) + '"' + value + '"', text
        )
        if count != 1:
            raise ValueError(f"index.html has {count} {name} entries, not one")
    return text


def resolve(root: Path, mount: str, path: str) -> Path | None:
    """The file a request path answers with: a file under the mount, else
    index.html for any other path under it (the app's own routes); None
    outside the mount or for a path that climbs out of root."""
    path = unquote(urlsplit(path).path)
    if path + "/" == mount:
        path = mount
    if not path.startswith(mount):
        return None
    relative = path[len(mount) :]
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root.resolve()):
        return None
    if relative and candidate.is_file():
        return candidate
    return root / "index.html"


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, root: Path, mount: str, index: bytes, **kwargs):
        self.root, self.mount, self.index = root, mount, index
        super().__init__(*args, directory=str(root), **kwargs)

    def send_head(self):
        target = resolve(self.root, self.mount, self.path)
        if target is None:
            self.send_error(404)
            return None
        if target == self.root / "index.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.index)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return _Bytes(self.index)
        self.path = "/" + str(target.relative_to(self.root))
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002 - the base's name
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mount", default="/")
    parser.add_argument("--config", action="append", default=[])
    args = parser.parse_args()
    config = dict(item.split("=", 1) for item in args.config)
    index = render_index((args.root / "index.html").read_text(), config).encode()
    handler = partial(Handler, root=args.root, mount=args.mount, index=index)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(
        f"serving {args.root} at http://127.0.0.1:{args.port}{args.mount}", flush=True
    )
    server.serve_forever()


if __name__ == "__main__":
    main()
