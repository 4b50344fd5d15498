# Helpers of bin/lint and bin/readme: sourced after _common.sh, never run on its own.

# oca-gen-addon-readme's arguments, the same as in .pre-commit-config.yaml. --keep-source-digest: the digest
# in README.rst stays as generated, so a change to a manifest's depends/data alone leaves it current.
README_ARGS=(--branch=19.0 --org-name=service-suite --repo-name=service-suite --no-commit --keep-source-digest)

# The linters' venv from requirements-lint.txt, (re)built when that file or vendor/ changed.
ensure_lint_venv() {
    local stamp
    stamp="$(cat "$ROOT/requirements-lint.txt" "$ROOT"/vendor/* | sha256sum | cut -c1-16)"
    # pandoc turns the readme/*.md fragments into the README.rst.
    ensure_debs pandoc
    if [ ! -x "$LINT_VENV/bin/oca-gen-addon-readme" ] \
            || [ "$(cat "$LINT_VENV/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "Installing the linters (requirements-lint.txt) into .local/lint-venv"
        rm -rf "$LINT_VENV"
        "$PYTHON" -m venv --system-site-packages "$LINT_VENV"
        # pip's log goes to a file: it warns about conflicts among the system's packages, not ours.
        local log="$LOCAL/lint-venv-install.log"
        if ! (cd "$ROOT" && "$LINT_VENV/bin/pip" install -q -r requirements-lint.txt) > "$log" 2>&1; then
            cat "$log"; rm -rf "$LINT_VENV"; die "could not install requirements-lint.txt"
        fi
        echo "$stamp" > "$LINT_VENV/.stamp"
    fi
}

# README.rst and static/description/index.html of every addon under $1, from its readme/ and manifest.
gen_readmes() {
    "$LINT_VENV/bin/oca-gen-addon-readme" --addons-dir="$1" "${README_ARGS[@]}"
}
