#!/usr/bin/env bash
# Builds the end-to-end tests' OpenTelemetry Collector from builder-config.yaml with the
# official OpenTelemetry Collector Builder, or reuses the binary built earlier on this machine.
#
# The binary is cached outside the repository, keyed by a hash of the manifest, the builder
# version and the platform:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/fastagentic/otelcol/<hash>/otelcol-fastagentic
# and linked to e2e/collector/target/otelcol-fastagentic (git-ignored), where the tests find it.
# It is rebuilt only when that key changes. Needs Go (1.26 or later) and the Go module proxy.
set -euo pipefail

BUILDER_VERSION=v0.161.0
BINARY_NAME=otelcol-fastagentic

here="$(cd "$(dirname "$0")" && pwd)"
manifest="$here/builder-config.yaml"
link_dir="$here/target"
link="$link_dir/$BINARY_NAME"

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi
}

key="$( { cat "$manifest"; echo "builder=$BUILDER_VERSION"; echo "platform=$(uname -s)-$(uname -m)"; } | sha256 | cut -c1-16)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/fastagentic/otelcol"
cache_dir="$cache_root/$key"
binary="$cache_dir/$BINARY_NAME"

link_binary() {
	mkdir -p "$link_dir"
	ln -sfn "$binary" "$link"
	echo "collector: ${link#"$PWD/"} -> $binary"
	"$link" --version
}

if [[ -x "$binary" ]]; then
	echo "Reusing the collector built from this manifest (cache key $key)"
	link_binary
	exit 0
fi

command -v go >/dev/null 2>&1 || { echo "build.sh: Go is needed to build the collector (https://go.dev/dl/)" >&2; exit 1; }
mkdir -p "$cache_root"

# One build at a time per machine; a second caller waits, then reuses what the first built.
exec 9>"$cache_root/.lock"
if command -v flock >/dev/null 2>&1; then
	flock 9
	if [[ -x "$binary" ]]; then
		echo "Reusing the collector another build just made (cache key $key)"
		link_binary
		exit 0
	fi
fi

started=$SECONDS
builder_dir="$cache_root/builder-$BUILDER_VERSION"
if [[ ! -x "$builder_dir/builder" ]]; then
	echo "Installing go.opentelemetry.io/collector/cmd/builder@$BUILDER_VERSION"
	GOBIN="$builder_dir" go install "go.opentelemetry.io/collector/cmd/builder@$BUILDER_VERSION"
fi

staging="$(mktemp -d "$cache_root/$key.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
echo "Building the collector from ${manifest#"$PWD/"} (cache key $key; a cold build takes minutes)"
# TMPDIR: the builder makes an (unused) default output directory there; keep it in the staging directory.
(cd "$staging" && TMPDIR="$staging" "$builder_dir/builder" --config "$manifest")
mkdir -p "$staging/out"
mv "$staging/build/$BINARY_NAME" "$staging/out/$BINARY_NAME"
cp "$manifest" "$staging/out/builder-config.yaml"
rm -rf "$cache_dir"
mv "$staging/out" "$cache_dir"
echo "Built in $((SECONDS - started)) s"
link_binary
