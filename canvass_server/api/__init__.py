"""The HTTP API: one router per resource, thin over the services, with shared dependencies in `deps`."""
