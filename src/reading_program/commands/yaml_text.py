"""YAML the commands write for authors to read and edit: text in double quotes, as the
README tells authors to write it, in the order given."""

from __future__ import annotations

import yaml


class _Quoted(str):
    """A value written in double quotes, as authors are told to write text."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def yaml_text(data: dict) -> str:
    def quoted(value):
        if isinstance(value, str):
            return _Quoted(value)
        return [quoted(item) for item in value] if isinstance(value, list) else value

    fields = {key: quoted(value) for key, value in data.items()}
    return yaml.dump(fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
