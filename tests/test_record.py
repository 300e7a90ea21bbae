"""A record behaves as the dataclass it replaces: the catalog and policy classes keep their meaning.

``record`` gives classes shared methods instead of generated ones (start-up time); each test builds
the same class both ways and checks they answer alike.
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from clinician_compass.guidance import load_catalog
from clinician_compass.record import record


def twins(frozen: bool) -> tuple[type, type]:
    """The same class as a dataclass and as a record."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {"id": "str", "year": "int", "tags": "tuple[str, ...]", "facts": "dict[str, str]"},
            "year": 2024,
            "tags": (),
            "facts": field(default_factory=dict),
            "__module__": __name__,
        }

    real = dataclass(frozen=frozen)(type("Source", (), body()))
    ours = record(frozen=frozen)(type("Source", (), body()))
    return real, ours


@pytest.mark.parametrize("frozen", [True, False])
def test_a_record_is_built_compared_and_shown_as_its_dataclass_twin(frozen: bool) -> None:
    real, ours = twins(frozen)
    for args, kwargs in (((), {"id": "gmc"}), (("gmc", 2013), {"tags": ("uk",)}), (("a", 1, ("t",), {"k": "v"}), {})):
        a, b = real(*args, **kwargs), ours(*args, **kwargs)
        assert dataclasses.asdict(a) == dataclasses.asdict(b)
        assert repr(a) == repr(b)
        assert b == ours(*args, **kwargs) and b != ours("other") and b != a  # another class is never equal
    assert ours("x").facts is not ours("x").facts  # each gets its own dict from the factory
    assert dataclasses.is_dataclass(ours) and [f.name for f in dataclasses.fields(ours)] == ["id", "year", "tags", "facts"]
    changed = dataclasses.replace(ours("gmc", 2013), year=2024)
    assert changed == ours("gmc", 2024)


def test_the_catalog_kept_by_pickle_comes_back_equal_and_still_frozen() -> None:
    platform = load_catalog().platforms["x"]
    again = pickle.loads(pickle.dumps(platform))
    assert again == platform and again is not platform
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.name = "Y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a", 1, (), {}, "extra"), {}), (("a",), {"id": "b"}), ((), {"id": "a", "colour": "red"})],
)
def test_a_record_refuses_the_arguments_its_dataclass_twin_refuses(args: tuple, kwargs: dict) -> None:
    real, ours = twins(frozen=True)
    with pytest.raises(TypeError):
        real(*args, **kwargs)
    with pytest.raises(TypeError):
        ours(*args, **kwargs)


def test_a_frozen_record_cannot_be_changed_and_hashes_like_its_twin() -> None:
    real, ours = twins(frozen=True)
    source = ours("gmc", 2013, ("uk",), {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.year = 2024  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del source.year
    assert hash(ours("gmc", 2013, ("uk",), ())) == hash(ours("gmc", 2013, ("uk",), ()))
    assert hash(ours("gmc", 2013, ("uk",), ())) == hash(real("gmc", 2013, ("uk",), ()))  # the same fields, the same hash
    for cls in (real, ours):  # a dict field is unhashable, in both
        with pytest.raises(TypeError):
            hash(cls("gmc", facts={"k": "v"}))


def test_a_mutable_record_can_be_changed_and_is_unhashable_like_its_twin() -> None:
    _, ours = twins(frozen=False)
    answer = ours("gmc")
    answer.year = 1999
    assert answer == ours("gmc", 1999)
    with pytest.raises(TypeError):
        hash(answer)


def test_post_init_runs_after_the_fields_are_set() -> None:
    @record
    class Entry:
        accounts: dict[str, str] = field(default_factory=dict)

        def __post_init__(self) -> None:
            if not self.accounts:
                self.accounts["main"] = ""

    assert Entry().accounts == {"main": ""} and Entry({"x": "y"}).accounts == {"x": "y"}


def test_identity_records_compare_and_hash_by_identity() -> None:
    @record(frozen=True, eq=False)
    class Catalog:
        sources: dict[str, str]

    one = Catalog({})
    assert one != Catalog({}) and one == one and {one: 1}[one] == 1


def test_a_field_outside_the_constructor_gets_its_default_however_the_record_is_built() -> None:
    @record
    class Counted:
        name: str
        seen: int = field(init=False, default=0)

    assert Counted("x").seen == 0 and Counted(name="x").seen == 0
    with pytest.raises(TypeError):
        Counted("x", 1)  # type: ignore[call-arg]
