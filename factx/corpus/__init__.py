"""The corpus view: aggregations over many documents (organisations, money, timelines), the HTML report and the
SQLite writer. Built on the public library only (:func:`factx.results` and the record types)."""

__all__: list[str] = []
