"""Dataclasses whose methods are written once, here, instead of compiled for each class at import.

``dataclasses.dataclass`` writes every class its own ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and, when frozen, ``__setattr__`` and ``__delattr__`` as source text and compiles
each one: about 2 ms a class on Python 3.11, 30 ms for the catalog's thirteen, before a command has
done any work. The catalog comes back from its kept copy by ``pickle``, which calls none of them.

``record`` lets ``dataclasses`` read the fields, so ``dataclasses.fields``, ``replace``, ``asdict``
and ``is_dataclass`` work as before, and gives the class these shared methods, which read the
fields and behave as the generated ones do: the same constructor (positional or keyword arguments,
defaults, default factories, ``__post_init__``); equality only with an instance of the same class,
field by field; a frozen record hashes its fields and refuses assignment with
``FrozenInstanceError``, a mutable one is unhashable; the same ``repr``.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)

_MISSING: Any = dataclasses.MISSING


@overload
def record(cls: T, /) -> T: ...


@overload
def record(*, frozen: bool = False, eq: bool = True) -> Callable[[T], T]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: T | None = None, /, *, frozen: bool = False, eq: bool = True) -> T | Callable[[T], T]:
    """``@dataclass`` (or ``@dataclass(frozen=True)``, ``eq=False``) without per-class code generation."""

    def wrap(cls: T) -> T:
        return _build(cls, frozen=frozen, eq=eq)

    return wrap if cls is None else wrap(cls)


class _Spec:
    """What the shared methods need to know of one class, worked out once when it is defined."""

    __slots__ = ("names", "accepted", "required", "defaults", "fixed", "factories", "values", "shown", "post_init")

    def __init__(self, cls: type) -> None:
        fields = dataclasses.fields(cls)
        self.names = tuple(f.name for f in fields if f.init)
        """The constructor's parameters, in order."""
        self.accepted = frozenset(self.names)
        self.required = frozenset(
            f.name for f in fields if f.init and f.default is _MISSING and f.default_factory is _MISSING
        )
        self.defaults = {f.name: f.default for f in fields if f.default is not _MISSING}
        self.fixed = {f.name: f.default for f in fields if not f.init and f.default is not _MISSING}
        """Defaults of the fields outside the constructor: set even when every argument is given."""
        self.factories: tuple[tuple[str, Callable[[], Any]], ...] = tuple(
            (f.name, f.default_factory) for f in fields if f.default_factory is not dataclasses.MISSING
        )
        compared = [f.name for f in fields if f.compare]
        # The compared fields as a tuple, read at C speed (attrgetter of one name gives the bare value).
        self.values: Callable[[Any], tuple[Any, ...]] = (
            operator.attrgetter(*compared) if len(compared) > 1 else lambda o: tuple(getattr(o, n) for n in compared)
        )
        self.shown = tuple(f.name for f in fields if f.repr)
        self.post_init = hasattr(cls, "__post_init__")


def _build(cls: T, *, frozen: bool, eq: bool) -> T:
    if any(name in cls.__dict__ for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__")):
        raise TypeError(f"{cls.__name__} defines its own methods: make it a plain dataclass")
    undocumented = not cls.__doc__
    if undocumented:  # dataclass would describe it through inspect.signature, which loads the tokenizer
        cls.__doc__ = cls.__name__
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)  # reads the fields; generates nothing
    spec = _Spec(cls)
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(spec.names)})"
    # setattr, not assignment: mypy refuses to let a method be replaced on a class it cannot see into
    setattr(cls, "__record__", spec)  # noqa: B010
    setattr(cls, "__init__", _init)  # noqa: B010
    setattr(cls, "__repr__", _repr)  # noqa: B010
    if eq:
        setattr(cls, "__eq__", _eq)  # noqa: B010
        setattr(cls, "__hash__", _hash if frozen else None)  # noqa: B010 - as dataclass: mutable and equal is unhashable
    if frozen:
        setattr(cls, "__setattr__", _refuse_set)  # noqa: B010
        setattr(cls, "__delattr__", _refuse_delete)  # noqa: B010
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec: _Spec = type(self).__record__
    state = self.__dict__  # written directly: a frozen record's __setattr__ refuses every assignment
    if not spec.factories and (
        (len(args) == len(spec.names) and not kwargs) or (not args and kwargs.keys() == spec.accepted)
    ):  # every field given, in order or by name: the common case, one dict update
        state.update(spec.fixed)
        state.update(zip(spec.names, args, strict=True) if args else kwargs)
    else:
        if len(args) > len(spec.names):
            raise TypeError(
                f"{type(self).__name__}() takes {len(spec.names)} positional arguments but {len(args)} were given"
            )
        given = dict(zip(spec.names, args, strict=False))  # fewer arguments than fields: the rest by name
        if kwargs:
            if not kwargs.keys() <= spec.accepted:
                unknown = next(iter(kwargs.keys() - spec.accepted))
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {unknown!r}")
            if not given.keys().isdisjoint(kwargs):
                twice = next(iter(given.keys() & kwargs.keys()))
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {twice!r}")
            given.update(kwargs)
        if not spec.required <= given.keys():
            missing = ", ".join(repr(n) for n in spec.names if n in spec.required - given.keys())
            raise TypeError(f"{type(self).__name__}() missing required arguments: {missing}")
        state.update(spec.defaults)
        for name, factory in spec.factories:
            if name not in given:
                state[name] = factory()
        state.update(given)
    if spec.post_init:
        self.__post_init__()


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    cls = type(self)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in cls.__record__.shown)
    return f"{cls.__qualname__}({shown})"


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is self.__class__:
        values = type(self).__record__.values
        return bool(values(self) == values(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self).__record__.values(self))


def _refuse_set(self: Any, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
