"""The contract between device and server: wire models, sealed envelope, canonical JSON, codes. No Qt, no database."""
