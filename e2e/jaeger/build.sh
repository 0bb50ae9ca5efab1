#!/usr/bin/env bash
# Builds Jaeger v2 (the `jaeger` binary of cmd/jaeger) from the Go module proxy for the
# end-to-end test that exports through the collector's otlp/jaeger exporter, or reuses the
# binary built earlier on this machine.
#
# Jaeger v2 lives in the module github.com/jaegertracing/jaeger, whose v2.x tags the Go module
# proxy cannot serve (no /v2 module path); each release is also tagged v1.x at the same commit:
# v1.76.0 is Jaeger v2.13.0 (its CHANGELOG: "v1.76.0 / v2.13.0"). `go install ...@v1.76.0` is
# refused because the module's go.mod has a replace directive, so this script downloads the
# module's source from the proxy and builds cmd/jaeger inside it, as its main module.
#
# Cached outside the repository, keyed by a hash of the module version and the platform:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/fastagentic/jaeger/<hash>/jaeger
# and linked to e2e/jaeger/target/jaeger (git-ignored), where the test finds it.
# Needs Go (1.25 or later) and the Go module proxy; a cold build takes about 11 minutes on 2 cores.
set -euo pipefail

JAEGER_MODULE=github.com/jaegertracing/jaeger
JAEGER_MODULE_VERSION=v1.76.0

here="$(cd "$(dirname "$0")" && pwd)"
link_dir="$here/target"
link="$link_dir/jaeger"

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi
}

key="$(printf '%s@%s ./cmd/jaeger %s-%s\n' "$JAEGER_MODULE" "$JAEGER_MODULE_VERSION" "$(uname -s)" "$(uname -m)" | sha256 | cut -c1-16)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/fastagentic/jaeger"
cache_dir="$cache_root/$key"
binary="$cache_dir/jaeger"

link_binary() {
	mkdir -p "$link_dir"
	ln -sfn "$binary" "$link"
	echo "jaeger: ${link#"$PWD/"} -> $binary ($JAEGER_MODULE@$JAEGER_MODULE_VERSION)"
}

if [[ -x "$binary" ]]; then
	echo "Reusing Jaeger built from $JAEGER_MODULE@$JAEGER_MODULE_VERSION (cache key $key)"
	link_binary
	exit 0
fi

command -v go >/dev/null 2>&1 || { echo "build.sh: Go is needed to build Jaeger (https://go.dev/dl/)" >&2; exit 1; }
mkdir -p "$cache_root"

# One build at a time per machine; a second caller waits, then reuses what the first built.
exec 9>"$cache_root/.lock"
if command -v flock >/dev/null 2>&1; then
	flock 9
	if [[ -x "$binary" ]]; then
		echo "Reusing Jaeger another build just made (cache key $key)"
		link_binary
		exit 0
	fi
fi

started=$SECONDS
staging="$(mktemp -d "$cache_root/$key.staging.XXXXXX")"
trap 'chmod -R u+w "$staging" 2>/dev/null; rm -rf "$staging"' EXIT
echo "Building Jaeger from $JAEGER_MODULE@$JAEGER_MODULE_VERSION (cache key $key; a cold build takes minutes)"
source_dir="$(cd "$staging" && go mod download -json "$JAEGER_MODULE@$JAEGER_MODULE_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$source_dir" ]] || { echo "build.sh: could not download $JAEGER_MODULE@$JAEGER_MODULE_VERSION" >&2; exit 1; }
cp -R "$source_dir" "$staging/src"
chmod -R u+w "$staging/src"
mkdir -p "$staging/out"
(cd "$staging/src" && CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$staging/out/jaeger" ./cmd/jaeger)
rm -rf "$cache_dir"
mv "$staging/out" "$cache_dir"
echo "Built in $((SECONDS - started)) s"
link_binary
