"""File formats read by both the app and the server: state voter files, policy-brief content. No Qt, no database."""
