"""Disjoint sets (union-find): which items a chain of links joins into one group.

Used wherever pairs found one by one make groups: spellings of one name
(:mod:`analysis.naming`), versions of one quotation (:mod:`analysis.quote_variants`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Groups of items joined by :meth:`union`; an item never joined is a group of its own.

    The root of a group is its smallest item, so the groups do not depend on the order of
    the links (paths are halved on the way: near-constant time per call).

    >>> uf = UnionFind()
    >>> uf.union(3, 1); uf.union(4, 3)
    >>> uf.find(4), uf.find(2), uf.groups(range(5))
    (1, 2, [[0], [1, 3, 4], [2]])
    """

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x: Hashable) -> Hashable:
        """The root (smallest item) of ``x``'s group."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        """Join the groups of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, items: Iterable[Hashable]) -> list[list]:
        """``items`` by group, each group in the order given, groups by their first item."""
        out: dict = {}
        for x in items:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())
