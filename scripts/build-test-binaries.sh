#!/usr/bin/env bash
# Builds the real Kubernetes binaries the tests run against from the Go module proxy, into a
# cache outside the repository. Idempotent: a binary whose version stamp matches is left alone,
# so a second run is a fast no-op. One progress line per binary, built or cached.
#
#   scripts/build-test-binaries.sh            # everything: control plane and real cluster
#   scripts/build-test-binaries.sh api        # etcd, kube-apiserver, helm (API-server tests)
#   scripts/build-test-binaries.sh cluster    # the above plus kubelet, kube-controller-manager,
#                                             # kube-scheduler, kube-proxy, coredns (e2e cluster)
#   TROUPE_TEST_BIN=/some/dir scripts/...     # use another cache directory
#   TROUPE_TEST_BIN_FORCE=1 scripts/...       # rebuild everything
set -euo pipefail

# kube-apiserver stays on the minor of the kubectl the tests drive (v1.32).
KUBE_VERSION="${TROUPE_KUBE_VERSION:-v1.32.13}"
ETCD_VERSION="${TROUPE_ETCD_VERSION:-v3.5.35}"
HELM_VERSION="${TROUPE_HELM_VERSION:-v3.21.4}"
COREDNS_VERSION="${TROUPE_COREDNS_VERSION:-v1.12.1}"
# k8s.io/endpointslice v0.32.13's module zip is refused by the proxy (its .mod and .info exist);
# v0.32.12 has the same code, only its go.mod differs.
ENDPOINTSLICE_VERSION="${TROUPE_ENDPOINTSLICE_VERSION:-v0.32.12}"

SET="${1:-all}"
case "$SET" in
  api) BINARIES=(etcd helm kube-apiserver) ;;
  cluster | all) BINARIES=(etcd helm kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubelet coredns) ;;
  *) printf 'usage: %s [api|cluster|all]\n' "$0" >&2; exit 2 ;;
esac

BIN_DIR="${TROUPE_TEST_BIN:-$HOME/.cache/troupe/test-bin}"
FORCE="${TROUPE_TEST_BIN_FORCE:-0}"

log() { printf '[build-test-binaries] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not on PATH (Go >= 1.23 is needed to build the test binaries)"

# Everything Go writes lives outside the repository; modules may come only from the proxy.
export GOFLAGS="-mod=mod"
export CGO_ENABLED=0
# "auto" lets an older local Go fetch the toolchain a dependency asks for (from the proxy).
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"
export GOCACHE="${TROUPE_GO_CACHE:-$HOME/.cache/troupe/go-build}"
export GOPROXY="${GOPROXY:-https://proxy.golang.org}"
mkdir -p "$BIN_DIR" "$GOCACHE"

WORK_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/troupe-test-bin.XXXXXX")"
trap 'rm -rf "$WORK_ROOT"' EXIT

# Two concurrent runs would race on the same output files.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$BIN_DIR/.lock"
  if ! flock -n 9; then
    log "another build holds $BIN_DIR/.lock; waiting for it"
    flock 9
  fi
fi

stamp_of() { printf '%s go=%s' "$1" "$(go env GOVERSION)"; }

is_current() { # name expected-version
  local bin="$BIN_DIR/$1" stamp="$BIN_DIR/.$1.version"
  [[ "$FORCE" != "1" && -x "$bin" && -f "$stamp" ]] || return 1
  # The Go version is part of the stamp only as information; a toolchain upgrade should
  # not force a 10-minute rebuild, so compare the component version alone.
  [[ "$(cut -d' ' -f1 <"$stamp")" == "$2" ]]
}

# Creates a throwaway main module that depends on the component, so `go build` can
# resolve a package main that lives inside a module we do not check out.
new_wrapper() { # dir require-line...
  local dir="$1"; shift
  mkdir -p "$dir"
  {
    # The local toolchain's version, so dependencies that need a recent Go are accepted.
    printf 'module troupe.invalid/test-bin-wrapper\n\ngo %s\n\n' "$(go env GOVERSION | sed 's/^go//')"
    local req
    for req in "$@"; do printf 'require %s\n' "$req"; done
  } >"$dir/go.mod"
}

go_build() { # wrapper-dir name package ldflags
  local dir="$1" name="$2" pkg="$3" ldflags="$4" start end
  start=$(date +%s)
  log "$(progress) $name: building from $pkg (this can take minutes)"
  (
    cd "$dir"
    go build -trimpath -ldflags "-s -w $ldflags" -o "$BIN_DIR/.$name.tmp" "$pkg"
  ) || die "build of $name failed"
  mv -f "$BIN_DIR/.$name.tmp" "$BIN_DIR/$name"
  end=$(date +%s)
  log "$(progress) $name: built in $((end - start))s"
}

write_stamp() { stamp_of "$2" >"$BIN_DIR/.$1.version"; }

build_etcd() {
  if is_current etcd "$ETCD_VERSION"; then log "$(progress) etcd $ETCD_VERSION: cached"; return; fi
  local dir="$WORK_ROOT/etcd"
  # etcd's own go.mod replaces its sibling modules with relative paths, which are ignored
  # for a dependency; the siblings are published at the same version, so MVS finds them.
  new_wrapper "$dir" "go.etcd.io/etcd/server/v3 $ETCD_VERSION"
  go_build "$dir" etcd go.etcd.io/etcd/server/v3 ""
  write_stamp etcd "$ETCD_VERSION"
}

build_helm() {
  if is_current helm "$HELM_VERSION"; then log "$(progress) helm $HELM_VERSION: cached"; return; fi
  local dir="$WORK_ROOT/helm"
  new_wrapper "$dir" "helm.sh/helm/v3 $HELM_VERSION"
  go_build "$dir" helm helm.sh/helm/v3/cmd/helm \
    "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  write_stamp helm "$HELM_VERSION"
}

# A wrapper module for one k8s.io/kubernetes command. k8s.io/kubernetes points its staging
# modules at ./staging/src/..., which does not exist in the module zip; each one is published
# separately as v0.<minor>.<patch>, so the wrapper replaces them with those versions.
kube_wrapper() { # dir
  local dir="$1" staging_version mod
  staging_version="v0.${KUBE_VERSION#v1.}"
  new_wrapper "$dir" "k8s.io/kubernetes $KUBE_VERSION"
  local kube_mod
  kube_mod="$(cd "$dir" && go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')" || true
  [[ -f "$kube_mod" ]] || die "could not download the go.mod of k8s.io/kubernetes $KUBE_VERSION"
  local staging
  staging="$(sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$kube_mod")"
  [[ -n "$staging" ]] || die "no staging replacements found in $kube_mod"
  printf '\nreplace (\n' >>"$dir/go.mod"
  for mod in $staging; do
    if [[ "$mod" == k8s.io/endpointslice ]]; then
      printf '\t%s => %s %s\n' "$mod" "$mod" "$ENDPOINTSLICE_VERSION" >>"$dir/go.mod"
    else
      printf '\t%s => %s %s\n' "$mod" "$mod" "$staging_version" >>"$dir/go.mod"
    fi
  done
  printf ')\n' >>"$dir/go.mod"
}

# Without these the binaries report v0.0.0 and kubectl warns about version skew.
kube_version_ldflags() {
  local v="k8s.io/component-base/version" c="k8s.io/client-go/pkg/version" ld="" pkgv minor
  minor="${KUBE_VERSION#v1.}"; minor="${minor%%.*}"
  for pkgv in "$v" "$c"; do
    ld+=" -X $pkgv.gitVersion=$KUBE_VERSION -X $pkgv.gitMajor=1 -X $pkgv.gitMinor=$minor -X $pkgv.gitTreeState=clean"
  done
  printf '%s' "$ld"
}

build_kube_command() { # name (a directory under k8s.io/kubernetes/cmd)
  local name="$1"
  if is_current "$name" "$KUBE_VERSION"; then log "$(progress) $name $KUBE_VERSION: cached"; return; fi
  local dir="$WORK_ROOT/$name"
  kube_wrapper "$dir"
  go_build "$dir" "$name" "k8s.io/kubernetes/cmd/$name" "$(kube_version_ldflags)"
  write_stamp "$name" "$KUBE_VERSION"
}

build_coredns() {
  if is_current coredns "$COREDNS_VERSION"; then log "$(progress) coredns $COREDNS_VERSION: cached"; return; fi
  local dir="$WORK_ROOT/coredns"
  new_wrapper "$dir" "github.com/coredns/coredns $COREDNS_VERSION"
  go_build "$dir" coredns github.com/coredns/coredns \
    "-X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION"
  write_stamp coredns "$COREDNS_VERSION"
}

STEP=0
progress() { printf '[%d/%d]' "$STEP" "${#BINARIES[@]}"; }

log "cache: $BIN_DIR"
for b in "${BINARIES[@]}"; do
  STEP=$((STEP + 1))
  case "$b" in
    etcd) build_etcd ;;
    helm) build_helm ;;
    coredns) build_coredns ;;
    *) build_kube_command "$b" ;;
  esac
done
log "done: ${BINARIES[*]} in $BIN_DIR"
