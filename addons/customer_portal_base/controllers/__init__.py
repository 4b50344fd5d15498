from . import signed_document
