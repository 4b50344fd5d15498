"""Plan the template databases of bin/test's Odoo runner (used by bin/test, never on its own).

Each addon is tested alone on a database holding its declared dependencies only, as OCA CI does. Installing
`account` or Odoo's Italian chart again for each addon is where the time goes, so each addon's database is
copied from a template that holds exactly the modules `-i ADDON` would install before ADDON itself, and
each template is copied from the largest smaller one and completed, so every module is installed once.

An auto-install addon would install itself in a template that holds all its dependencies: its template
leaves out its own suite dependencies, which then install with it.

Prints one line per template, `template base modules` (base `-` for a fresh database), then one line per
addon, `addon template`.
"""

import hashlib
import sys

from odoo.modules.module import Manifest, initialize_sys_path
from odoo.tools import config


def closure(names, manifests):
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(manifests(name)["depends"])
    return seen


def main(conf, suite, addons):
    config.parse_config(["-c", conf])
    initialize_sys_path()

    cache = {}

    def manifest(name):
        if name not in cache:
            found = Manifest.for_addon(name)
            if found is None:
                sys.exit(f"no manifest for module {name}")
            cache[name] = found
        return cache[name]

    wanted = {}
    for addon in addons:
        depends = set(manifest(addon)["depends"])
        if manifest(addon).get("auto_install"):
            depends -= suite
        wanted[addon] = frozenset(closure(depends | {"base"}, manifest) - {addon})

    templates = {}
    for modules in sorted(set(wanted.values()), key=lambda mods: (len(mods), sorted(mods))):
        name = "tpl_" + hashlib.sha1(",".join(sorted(modules)).encode()).hexdigest()[:10]
        bases = [tpl for tpl in templates.values() if tpl["modules"] < modules]
        base = max(bases, key=lambda tpl: len(tpl["modules"]), default=None)
        todo = modules - (base["modules"] if base else set())
        templates[modules] = {"name": name, "modules": modules, "base": base["name"] if base else "-"}
        print(name, templates[modules]["base"], ",".join(sorted(todo)) or "base")
    for addon in addons:
        print(addon, templates[wanted[addon]]["name"])


if __name__ == "__main__":
    main(sys.argv[1], set(sys.argv[2].split(",")), sys.argv[3:])
