"""The archive's open data: a read-only JSON API under /api/v1/, described by OpenAPI."""
