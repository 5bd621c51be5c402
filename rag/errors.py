"""Error types shown to users: each names the bad value and, where possible, what to do."""


class RagError(Exception):
    """Base class for every failure this package reports to a user."""


class IngestError(RagError):
    """A corpus file could not be read or holds no usable article."""


class IndexNotFoundError(RagError):
    """No index exists where one was expected."""


class IndexMismatchError(RagError):
    """The index on disk was built by another encoder or format version, or is damaged."""


class EncoderUnavailableError(RagError):
    """The requested embedding model cannot be loaded offline."""


class QueryError(RagError):
    """A question or search request is invalid."""
