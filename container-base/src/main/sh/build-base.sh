#!/usr/bin/env bash
# Builds the base image of the wechat-api containers as a `docker save` tarball, without a Docker daemon or a
# registry: a distroless-like root file system made of Debian packages (fetched with `apt-get download`, extracted
# with `dpkg-deb -x`), a Java runtime made with jlink from the JDK that runs the build, a non-root user and a
# health-check class. Run by the container-base module (see its pom.xml), which passes:
#   OUT          the module's target directory; the image goes to $OUT/base-image.tar
#   JDK          the JDK to jlink from (Maven's java.home)
#   MODULES      the Java modules of the runtime, comma-separated
#   PACKAGES     the Debian packages, space-separated (no versions: whatever apt's candidate is)
#   DEB_CACHE    where downloaded .deb files are kept between builds
#   IMAGE_NAME   the name:tag written into the tarball
#   HEALTHCHECK  the HealthCheck.java source
# The layers are reproducible: sorted entries, fixed time stamps, numeric owners, gzip without names or times.
set -euo pipefail
umask 022

: "${OUT:?}" "${JDK:?}" "${MODULES:?}" "${PACKAGES:?}" "${DEB_CACHE:?}" "${IMAGE_NAME:?}" "${HEALTHCHECK:?}"
EPOCH=1 # 1970-01-01T00:00:01Z, as Jib does for the application layers
CREATED="1970-01-01T00:00:01Z"

fail() {
  echo "container-base: $*" >&2
  exit 1
}

for tool in tar gzip sha256sum dpkg-deb; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed. The local base image is made from Debian packages; on \
a machine without dpkg/apt build the images on a registry base instead (-Dimage.base=eclipse-temurin:25-jre, see \
docs/images.md) or skip them (-Dimages.skip)."
done
[ -x "$JDK/bin/jlink" ] || fail "$JDK has no bin/jlink: build with a full JDK 25."

work="$OUT/container-base"
rm -rf "$work"
mkdir -p "$work/os" "$work/jre/opt" "$work/health/opt/healthcheck" "$work/image" "$DEB_CACHE"

# --- Debian packages ---------------------------------------------------------------------------------------------
# apt's candidate of each package is used (nothing pinned); a .deb already in the cache with the candidate's file
# name and SHA-256 is reused. Without apt (or without its package lists), the newest cached .deb of the package is
# used, if there is one.
debs=()
have_apt=false
command -v apt-get >/dev/null && have_apt=true
# A fresh CI container often has no package lists: fetch them once (as root) when apt knows no candidate.
if $have_apt && [ "$(id -u)" = 0 ] && ! apt-get download --print-uris libc6 >/dev/null 2>&1; then
  echo "container-base: apt has no package lists, running apt-get update" >&2
  apt-get -q update >/dev/null || echo "container-base: apt-get update failed" >&2
fi
for pkg in $PACKAGES; do
  deb=""
  if $have_apt; then
    line=$(apt-get download --print-uris "$pkg" 2>"$work/apt.err" | tail -n 1 || true)
    if [ -n "$line" ]; then
      file=$(awk '{print $2}' <<<"$line")
      sum=$(awk '{print $4}' <<<"$line" | sed 's/^SHA256://')
      if [ ! -s "$DEB_CACHE/$file" ] || [ "$(sha256sum "$DEB_CACHE/$file" | cut -d' ' -f1)" != "$sum" ]; then
        echo "container-base: downloading $file"
        (cd "$DEB_CACHE" && apt-get -q -o APT::Sandbox::User=root download "$pkg" >/dev/null) \
          || fail "apt-get download $pkg failed (see the messages above; is the Debian mirror reachable?)"
        [ "$(sha256sum "$DEB_CACHE/$file" | cut -d' ' -f1)" = "$sum" ] || fail "$file does not have the SHA-256 apt announced"
      fi
      deb="$DEB_CACHE/$file"
    fi
  fi
  if [ -z "$deb" ]; then
    deb=$(ls "$DEB_CACHE/${pkg}"_*.deb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$deb" ] || fail "cannot get the Debian package '$pkg': $($have_apt && cat "$work/apt.err" | tr '\n' ' ' || echo 'apt-get is not installed') \
(run 'apt-get update' if apt has no package lists; or use -Dimage.base=eclipse-temurin:25-jre, or -Dimages.skip; see docs/images.md)"
    echo "container-base: apt has no candidate for $pkg, using the cached $(basename "$deb")" >&2
  fi
  debs+=("$deb")
done

os="$work/os"
mkdir -p "$os/var/lib/dpkg/status.d"
package_versions=""
for deb in "${debs[@]}"; do
  dpkg-deb -x "$deb" "$os"
  name=$(dpkg-deb -f "$deb" Package)
  version=$(dpkg-deb -f "$deb" Version)
  package_versions="$package_versions $name=$version"
  # what image scanners read to know the packages of a distroless image
  dpkg-deb -f "$deb" Package Version Architecture Source Maintainer Installed-Size Depends Description \
    | sed '/^$/d' >"$os/var/lib/dpkg/status.d/$name"
done
package_versions=${package_versions# }

# Only what a JVM needs: no character-set converters (the JDK has its own), documentation other than the
# copyright files, manuals, leap-second time zones, or the package scripts.
rm -rf "$os"/usr/lib/*-linux-gnu/gconv "$os/usr/share/man" "$os/usr/share/info" "$os/usr/share/lintian" \
  "$os/usr/share/locale" "$os/usr/share/zoneinfo/right" "$os/usr/sbin/update-ca-certificates" "$os/etc/ca-certificates" \
  "$os"/usr/lib/*-linux-gnu/audit "$os/usr/libexec"
find "$os/usr/share/doc" -type f ! -name copyright -delete 2>/dev/null || true
find "$os/usr/share/doc" -depth -type d -empty -delete 2>/dev/null || true
if [ -d "$os/usr/share/ca-certificates" ]; then
  mkdir -p "$os/etc/ssl/certs"
  find "$os/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat >"$os/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$os/usr/share/ca-certificates"
fi

cat >"$os/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat >"$os/etc/group" <<'EOF'
root:x:0:
tty:x:5:
staff:x:50:
nogroup:x:65534:
nonroot:x:65532:
EOF
printf 'hosts: files dns\n' >"$os/etc/nsswitch.conf"
ln -sf /usr/share/zoneinfo/Etc/UTC "$os/etc/localtime"
printf 'Etc/UTC\n' >"$os/etc/timezone"
[ -f /etc/debian_version ] && cp /etc/debian_version "$os/etc/debian_version"
[ -f /etc/os-release ] && cp -L /etc/os-release "$os/etc/os-release"
mkdir -p "$os/root" "$os/tmp" "$os/home/nonroot" "$os/data/media" "$os/app"
chmod 700 "$os/root" "$os/home/nonroot"
chmod 1777 "$os/tmp"

# --- Java runtime ------------------------------------------------------------------------------------------------
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$work/jre/opt/java"
java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$work/jre/opt/java/release")

# --- health check ------------------------------------------------------------------------------------------------
"$JDK/bin/javac" -nowarn --release "$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')" -d "$work/health/opt/healthcheck" "$HEALTHCHECK"

# --- layers ------------------------------------------------------------------------------------------------------
tar_opts=(--sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu --no-acls --no-xattrs)
diff_ids=()
layers=()
layer() { # name dir [entries owned by 65532:65532 ...]
  local name=$1 dir=$2
  shift 2
  local excludes=() entry
  for entry in "$@"; do excludes+=(--exclude="./$entry"); done
  (cd "$dir" && tar "${tar_opts[@]}" "${excludes[@]}" -cf "$work/$name.tar" ./*)
  if [ $# -gt 0 ]; then
    (cd "$dir" && tar --sort=name --mtime="@$EPOCH" --owner=65532 --group=65532 --numeric-owner --format=gnu \
      --no-acls --no-xattrs --no-recursion -rf "$work/$name.tar" "${@/#/./}")
  fi
  diff_ids+=("sha256:$(sha256sum "$work/$name.tar" | cut -d' ' -f1)")
  gzip -n -6 -c "$work/$name.tar" >"$work/image/$name.tar.gz"
  rm "$work/$name.tar"
  layers+=("$name.tar.gz")
}
layer os "$os" data/media home/nonroot
layer java "$work/jre"
layer healthcheck "$work/health"

# --- image config and manifest (docker save format, readable by `docker load` and by Jib's tar:// base) --------
json_list() {
  local first=true item
  printf '['
  for item in "$@"; do
    $first || printf ','
    first=false
    printf '"%s"' "$item"
  done
  printf ']'
}
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
case "$arch" in amd64 | arm64) ;; *) arch=amd64 ;; esac
config=$(cat <<EOF
{"architecture":"$arch","os":"linux","created":"$CREATED",
"config":{"User":"65532:65532","WorkingDir":"/app",
"Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
"Labels":{"org.opencontainers.image.title":"wechat-api container base","org.opencontainers.image.description":"Debian packages ($package_versions), a jlink Java runtime ($java_version) in /opt/java, user nonroot (65532), /opt/healthcheck","dev.wechatapi.base.packages":"$package_versions","dev.wechatapi.base.java":"$java_version"}},
"rootfs":{"type":"layers","diff_ids":$(json_list "${diff_ids[@]}")},
"history":[{"created":"$CREATED","created_by":"container-base: Debian packages $package_versions"},{"created":"$CREATED","created_by":"container-base: jlink --add-modules $MODULES"},{"created":"$CREATED","created_by":"container-base: /opt/healthcheck/HealthCheck.class"}]}
EOF
)
config=$(tr -d '\n' <<<"$config")
config_name="$(printf '%s' "$config" | sha256sum | cut -d' ' -f1).json"
printf '%s' "$config" >"$work/image/$config_name"
printf '[{"Config":"%s","RepoTags":["%s"],"Layers":%s}]' "$config_name" "$IMAGE_NAME" "$(json_list "${layers[@]}")" \
  >"$work/image/manifest.json"
(cd "$work/image" && tar "${tar_opts[@]}" -cf "$OUT/base-image.tar" manifest.json "$config_name" "${layers[@]}")
echo "container-base: $OUT/base-image.tar ($IMAGE_NAME, $(du -k "$OUT/base-image.tar" | cut -f1) KiB): $package_versions, Java $java_version"
