"""The HQ console: server-rendered pages under /console where county leads and admins see the field and run it."""
